"""The progress chart: one panel per indicator, its level round after round, the target as a band."""

# ruff: noqa: F401, F811  (`draw` is a fixture: imported for pytest, then every test's argument)

from __future__ import annotations

import csv
import io
import statistics
from dataclasses import dataclass
from datetime import date, datetime

import numpy as np
import pytest
from chart_checks import (
    EDGE_CASES,
    all_text,
    draw,
    fonts_used,
    latest_ratings,
    main_sample,
    matches_baseline,
    png_size,
    sample_rows,
    scored_workbook,
    texts,
)
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.transforms import Bbox

from mchch_widgets import samples
from mchch_widgets.charts import ChartOptions, round_looks
from mchch_widgets.charts.progress import progress_chart
from mchch_widgets.model import Round, Workbook
from mchch_widgets.text import t

LANGS = ("th", "en")
THEMES = ("projector", "print")


# --- the sample, read from its CSV files without the package ------------------------------


def expected_levels(value: str) -> dict[tuple[str, str], float | None]:
    """(round, indicator) -> the latest consensus, or the median of each rater's latest rating."""
    latest = latest_ratings()
    if value == "consensus":
        return {(r, i): s for (r, i, rater), s in latest.items() if rater == "consensus"}
    given: dict[tuple[str, str], list[int]] = {}
    for (r, i, rater), s in latest.items():
        if rater != "consensus" and s is not None:
            given.setdefault((r, i), []).append(s)
    return {key: statistics.median(levels) for key, levels in given.items()}


def selected() -> list[dict[str, str]]:
    return [row for row in sample_rows("indicators.csv") if row["status"] == "selected"]


def rounds_by_date() -> list[dict[str, str]]:
    return sorted(sample_rows("rounds.csv"), key=lambda row: row["held_on"])


# --- reading the figure ----------------------------------------------------------------------
# The chart is one axes; each panel is a region of it. A panel is found by its frame (its left and
# bottom edges, gid progress-frame) and its grid (a line per level); a mark belongs to the panel
# whose region holds it, and reads as (round, level) from the panel's corner and lowest grid line.


@dataclass(frozen=True)
class Panel:
    left: float
    bottom: float
    right: float
    top: float
    zero: float  # the y of level 0

    def holds(self, x: float, y: float) -> bool:
        return self.left - 1e-9 <= x <= self.right + 1e-9 and self.bottom - 1e-9 <= y <= self.top + 1e-9

    def round_of(self, x: float) -> int:
        """The round's place among the shown rounds: the first sits half a step in from the left edge."""
        place = x - self.left - 0.5
        assert abs(place - round(place)) < 1e-9, place
        return round(place)

    def level_of(self, y: float) -> float:
        return round(y - self.zero, 9)


def by_gid(figure: Figure, gid: str) -> list:
    """The figure's artists named gid, in the order they were added."""
    return figure.findobj(lambda artist: getattr(artist, "get_gid", lambda: None)() == gid, include_self=False)


def pieces(collection) -> list[np.ndarray]:
    """A line collection's lines, each split where it is broken by NaN (one line can hold many pieces)."""
    found = []
    for segment in (path.vertices for path in collection.get_paths()):  # get_segments drops the NaN
        breaks = np.flatnonzero(np.isnan(segment).any(axis=1))
        parts = [part[~np.isnan(part).any(axis=1)] for part in np.split(segment, breaks)]
        found += [part for part in parts if len(part)]
    return found


def panels(figure: Figure, lowest: int = 1) -> list[Panel]:
    """The indicator panels in workbook order; `lowest`: the lowest level of the scale (its grid line)."""
    frames = by_gid(figure, "progress-frame")
    if not frames:
        return []
    grid = [line for collection in by_gid(figure, "progress-grid") for line in pieces(collection)]
    found = []
    for (left, top), (left_again, bottom), (right, bottom_again) in frames[0].get_segments():
        assert left == left_again and bottom == bottom_again  # the left edge and the bottom edge
        ys = sorted(line[0][1] for line in grid
                    if left <= line[0][0] <= line[-1][0] <= right and bottom <= line[0][1] <= top)
        found.append(Panel(left, bottom, right, top, ys[0] - lowest))
    return found


def panel_at(found: list[Panel], x: float, y: float) -> int:
    (n,) = [n for n, panel in enumerate(found) if panel.holds(x, y)]
    return n


def points(figure: Figure, lowest: int = 1) -> list[dict[int, tuple[float, str]]]:
    """Per panel: round place -> (level, colour) of every point drawn in it."""
    found = panels(figure, lowest)
    drawn: list[dict[int, tuple[float, str]]] = [{} for _ in found]
    for collection in by_gid(figure, "progress-points"):
        faces = collection.get_facecolor()
        edges = collection.get_edgecolor()
        for n, (x, y) in enumerate(collection.get_offsets()):
            face = to_hex(faces[n % len(faces)])
            colour = to_hex(edges[n % len(edges)]) if face == "#ffffff" else face  # hollow: the edge
            panel = found[panel_at(found, x, y)]
            assert panel.round_of(x) not in drawn[found.index(panel)]
            drawn[found.index(panel)][panel.round_of(x)] = (panel.level_of(y), colour)
    return drawn


def line_pieces(figure: Figure, gid: str) -> list[list[list[tuple[int, float]]]]:
    """Per panel: the pieces of the line named gid drawn in it, each as [(round place, level), …]."""
    found = panels(figure)
    drawn: list[list] = [[] for _ in found]
    for collection in by_gid(figure, gid):
        for piece in pieces(collection):
            n = panel_at(found, *piece[0])
            assert all(found[n].holds(x, y) for x, y in piece)
            drawn[n].append([(found[n].round_of(x), found[n].level_of(y)) for x, y in piece])
    return drawn


def texts_in(figure: Figure, gid: str) -> list:
    return [text for text in by_gid(figure, gid) if text.get_text()]


def numbered_panels(figure: Figure) -> dict[int, list]:
    """Panel -> the round numbers written under it (the panel right above them)."""
    found = panels(figure)
    under: dict[int, list] = {}
    for text in texts_in(figure, "progress-round-number"):
        x, y = text.get_position()
        above = [n for n, panel in enumerate(found) if panel.left <= x <= panel.right and panel.bottom >= y]
        under.setdefault(min(above, key=lambda n: found[n].bottom - y), []).append(text)
    return under


def legend_texts(figure: Figure) -> list[str]:
    return [text.get_text() for text in texts_in(figure, "progress-legend")]


def is_message(figure: Figure, key: str, lang: str) -> bool:
    return t(key, lang).replace(" ", "") in all_text(figure).replace(" ", "")


def boxes(figure: Figure, artists: list) -> list:
    renderer = figure._get_renderer()
    return [(artist.get_text()[:20], artist.get_window_extent(renderer)) for artist in artists]


# --- the sample ------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["consensus", "median"])
def test_each_point_is_the_level_of_its_round_in_its_rounds_colour(draw, value):
    workbook = main_sample()
    figure, _ = draw(progress_chart, workbook, ChartOptions(value=value))
    expected = expected_levels(value)
    rounds = [row["round_id"] for row in rounds_by_date()]
    looks = round_looks(workbook)
    drawn = points(figure)
    assert len(drawn) == len(selected())
    for in_panel, indicator in zip(drawn, selected(), strict=True):
        assert sorted(in_panel) == list(range(len(rounds)))
        for x, round_id in enumerate(rounds):
            level, colour = in_panel[x]
            assert level == expected[(round_id, indicator["indicator_id"])]
            assert colour == to_hex(looks[round_id].colour)


def test_panels_are_titled_by_indicator_in_workbook_order(draw):
    figure, _ = draw(progress_chart, main_sample())
    titles = texts_in(figure, "progress-title")
    for text, panel, row in zip(titles, panels(figure), selected(), strict=True):
        title = text.get_text().replace("\n", "")
        assert title == row["title"] or row["title"].startswith(title.rstrip("…"))
        x, y = text.get_position()
        assert (x, y) == (panel.left, panel.top) and text.get_va() == "bottom"  # on top of its panel


def test_the_self_line_joins_self_rounds_only(draw):
    figure, _ = draw(progress_chart, main_sample())
    rounds = rounds_by_date()
    own = [n for n, row in enumerate(rounds) if row["assessor"] == "self"]
    expected = expected_levels("consensus")
    for lines, indicator in zip(line_pieces(figure, "progress-self-line"), selected(), strict=True):
        (line,) = lines  # x1 (external) is a diamond off the line
        assert line == [(n, expected[(rounds[n]["round_id"], indicator["indicator_id"])]) for n in own]
    assert not by_gid(figure, "progress-external-line")  # one external round: nothing to join


def test_external_rounds_are_diamonds_and_self_rounds_circles(draw):
    figure, _ = draw(progress_chart, main_sample())
    first = panels(figure)[0]
    markers = {}
    for collection in by_gid(figure, "progress-points"):
        for x, y in collection.get_offsets():
            if first.holds(x, y):
                markers[first.round_of(x)] = collection
    assert len(markers[4].get_paths()[0].vertices) == 5  # a diamond: four corners and back
    assert markers[0] is markers[3] and markers[0] is not markers[4]


def test_the_band_starts_at_the_target(draw):
    figure, _ = draw(progress_chart, main_sample())
    found = panels(figure)
    (collection,) = by_gid(figure, "progress-band")
    bands = {}
    for path in collection.get_paths():
        (x0, y0), (x1, y1) = path.vertices.min(axis=0), path.vertices.max(axis=0)
        n = panel_at(found, x0, y0)
        assert (x0, x1) == (found[n].left, found[n].right)  # across the whole panel
        bands[n] = (found[n].level_of(y0), y1)
    assert sorted(bands) == list(range(len(selected())))
    for n, indicator in enumerate(selected()):
        assert bands[n] == (float(indicator["target"]), found[n].top)


def test_every_panel_shows_the_same_levels(draw):
    figure, _ = draw(progress_chart, main_sample())
    found = panels(figure)
    grid = [line for collection in by_gid(figure, "progress-grid") for line in pieces(collection)]
    for panel in found:
        levels = sorted(panel.level_of(line[0][1]) for line in grid if panel.holds(*line[0]) and panel.holds(*line[-1]))
        assert levels == [1, 2, 3, 4, 5]
        assert panel.level_of(panel.top) == 5.5
        assert panel.top - panel.bottom == pytest.approx(found[0].top - found[0].bottom)
    first = found[0]
    labels = sorted((text for text in texts_in(figure, "progress-level") if first.holds(first.left, text.get_position()[1])),
                    key=lambda text: text.get_position()[1])
    assert [label.get_text() for label in labels] == ["1", "2", "3", "4", "5"]
    assert [first.level_of(label.get_position()[1]) for label in labels] == [1, 2, 3, 4, 5]  # beside its grid line
    assert all(label.get_position()[0] == first.left and label.get_ha() == "right" for label in labels)


def test_ten_indicators_fill_a_four_by_three_grid_with_round_numbers_below(draw):
    figure, png = draw(progress_chart, main_sample())
    assert png_size(png) == (1280, 720)
    found = panels(figure)
    assert len({panel.left for panel in found}) == 4 and len({panel.top for panel in found}) == 3  # 12 slots
    under = numbered_panels(figure)
    assert sorted(under) == [6, 7, 8, 9]  # the panels with none below them
    numbers = under[9]
    assert [text.get_text() for text in numbers] == ["1", "2", "3", "4", "5"]
    assert [found[9].round_of(text.get_position()[0]) for text in numbers] == [0, 1, 2, 3, 4]  # under its points


def test_legend_numbers_the_rounds_and_names_the_band(draw):
    figure, _ = draw(progress_chart, main_sample())
    legend = legend_texts(figure)
    assert legend[0].startswith("1  รอบที่ ๑") and "15 พ.ย. 2568" in legend[0]
    assert legend[4].startswith("5  ประเมินจากภายนอก")
    assert t("chart_progress_band", "th") in legend
    assert [text.get_text() for text in texts_in(figure, "progress-legend-title")] == [t("chart_progress_rounds", "th")]
    assert t("chart_progress_title", "th") in all_text(figure)


def test_legend_marks_are_the_rounds_looks_beside_their_words(draw):
    workbook = main_sample()
    figure, _ = draw(progress_chart, workbook)
    looks = round_looks(workbook)
    by_date = [row["round_id"] for row in rounds_by_date()]
    words = texts_in(figure, "progress-legend")
    marks = {}
    for collection in by_gid(figure, "progress-legend-marks"):
        for n, (x, y) in enumerate(collection.get_offsets()):
            faces = collection.get_facecolor()
            marks[y] = (to_hex(faces[n % len(faces)]), len(collection.get_paths()[0].vertices))
    assert len(marks) == len(by_date)
    for text, round_id, y in zip(words, by_date, sorted(marks, reverse=True)):
        colour, corners = marks[y]
        assert colour == to_hex(looks[round_id].colour)
        assert (corners == 5) == round_id.startswith("x")  # the external round's diamond
        top = text.get_position()[1]
        assert top > y > top - 0.4  # beside the entry's first line, in inches


def test_english_median_and_thai_digits(draw):
    figure, _ = draw(progress_chart, main_sample(), ChartOptions(lang="en", value="median"))
    assert t("chart_progress_title", "en") in all_text(figure)
    assert t("chart_value_median", "en") in all_text(figure)
    figure, _ = draw(progress_chart, main_sample(), ChartOptions(digits=True))
    levels = sorted(texts_in(figure, "progress-level"), key=lambda text: text.get_position()[1])[-5:]
    assert [label.get_text() for label in levels] == ["๑", "๒", "๓", "๔", "๕"]


def test_chosen_rounds_only(draw):
    figure, _ = draw(progress_chart, main_sample(), ChartOptions(rounds=("x1", "r1")))
    assert sorted(points(figure)[0]) == [0, 1]
    legend = legend_texts(figure)
    # numbered as in the whole workbook by date (x1 is its fifth round), the same whatever is chosen
    by_date = sorted(sample_rows("rounds.csv"), key=lambda row: row["held_on"])
    x1_number = next(n for n, row in enumerate(by_date, start=1) if row["round_id"] == "x1")
    assert legend[0].startswith("1  รอบที่ ๑") and legend[1].startswith(f"{x1_number}  ประเมินจากภายนอก")
    under = numbered_panels(figure)
    assert under and all([text.get_text() for text in numbers] == ["1", str(x1_number)] for numbers in under.values())


def test_sample_looks_as_it_did(draw):
    _, png = draw(progress_chart, main_sample())
    matches_baseline(png, "progress_sample_projector_th")


def test_print_theme_looks_as_it_did(draw):
    _, png = draw(progress_chart, main_sample(), ChartOptions(theme="print", lang="en"))
    assert png_size(png) == (750, 500)
    matches_baseline(png, "progress_sample_print_en")


# --- laid out by hand: nothing over anything -------------------------------------------------


# (self rounds, external rounds): the compare screen's "all rounds" reaches 15 and more
MANY_ROUNDS = {"15_rounds": (13, 2), "16_rounds": (15, 1), "23_rounds": (20, 3)}


def many_rounds(case: str) -> Workbook:
    selfs, externals = MANY_ROUNDS[case]
    return scored_workbook(10, selfs, n_externals=externals)


@pytest.mark.parametrize("case", ["sample", "twelve_by_eight", "thirty_indicators", "all_ratings_skipped", "other_scale",
                                  *MANY_ROUNDS])
@pytest.mark.parametrize(("lang", "theme"), [("th", "projector"), ("en", "print")])
def test_no_text_covers_another_and_the_legend_is_clear_of_everything(draw, case, lang, theme):
    """chart_checks checks the title and notes against the axes; the legend is drawn on the figure,
    and the panels' words inside the axes: these must not touch each other, nor the legend's
    entries and marks one another (in one column or several)."""
    workbook = main_sample() if case == "sample" else many_rounds(case) if case in MANY_ROUNDS else EDGE_CASES[case]()
    options = ChartOptions(lang=lang, theme=theme, rounds=tuple(r.round_id for r in workbook.rounds))
    figure, _ = draw(progress_chart, workbook, options)
    renderer = figure._get_renderer()
    (axes,) = figure.axes
    words = [(text.get_gid(), *box) for text, box in zip(axes.texts, boxes(figure, axes.texts))]
    for n, (gid, name, box) in enumerate(words):
        for other_gid, other_name, other in words[n + 1:]:
            # a digit's line box is as tall as Thai's marks above and below: more than a level apart
            if gid != "progress-level" or other_gid != "progress-level":
                assert not box.overlaps(other), f"{name!r} overlaps {other_name!r}"
    legend = boxes(figure, texts_in(figure, "progress-legend") + texts_in(figure, "progress-legend-title"))
    for collection in by_gid(figure, "progress-legend-marks"):
        radius = np.sqrt(collection.get_sizes()[0]) / 2 * figure.dpi / 72
        for x, y in collection.get_offset_transform().transform(collection.get_offsets()):
            legend.append(("mark", Bbox([[x - radius, y - radius], [x + radius, y + radius]])))
    for n, (name, box) in enumerate(legend):
        for other_name, other in legend[n + 1:]:
            assert not box.overlaps(other), f"legend {name!r} overlaps legend {other_name!r}"
    framing = [figure._suptitle, figure._supxlabel, *(text for text in figure.texts if text.get_gid() == "subtitle")]
    others = boxes(figure, [text for text in framing if text is not None and text.get_text()])
    others.append(("panels", axes.get_tightbbox(renderer)))
    for name, box in legend:
        assert figure.bbox.contains(box.x0, box.y0) and figure.bbox.contains(box.x1, box.y1), name
        for other_name, other in others:
            assert not box.overlaps(other), f"legend {name!r} overlaps {other_name!r}"


def legend_marks(figure: Figure) -> list[tuple[float, float, str, int]]:
    """Every mark of the legend: its centre in pixels, its colour and its shape's corner count."""
    found = []
    for collection in by_gid(figure, "progress-legend-marks"):
        faces, edges = collection.get_facecolor(), collection.get_edgecolor()
        corners = len(collection.get_paths()[0].vertices)
        for n, (x, y) in enumerate(collection.get_offset_transform().transform(collection.get_offsets())):
            face = to_hex(faces[n % len(faces)]) if len(faces) else "#ffffff"
            found.append((x, y, to_hex(edges[n % len(edges)]) if face == "#ffffff" else face, corners))
    return found


@pytest.mark.parametrize("case", list(MANY_ROUNDS))
@pytest.mark.parametrize(("lang", "theme"), [("th", "projector"), ("en", "print")])
def test_with_many_rounds_every_round_is_in_the_legend_in_its_look(draw, case, lang, theme):
    """Each chosen round's entry, numbered by date, with a mark of its colour and kind just before
    its first line; the numbers under the panels never crowd: the first and the latest, and each
    one under its own round."""
    workbook = many_rounds(case)
    by_date = sorted(workbook.rounds, key=lambda r: r.held_on)
    figure, _ = draw(progress_chart, workbook,
                     ChartOptions(lang=lang, theme=theme, rounds=tuple(r.round_id for r in workbook.rounds)))
    renderer = figure._get_renderer()
    entries = {"".join(text.get_text().split()): text for text in texts_in(figure, "progress-legend")}
    marks = legend_marks(figure)
    looks = round_looks(workbook)
    for number, round_ in enumerate(by_date, start=1):
        text = entries.pop("".join(f"{number}{round_.label}".split()))
        box = text.get_window_extent(renderer)
        line = box.height / (text.get_text().count("\n") + 1)
        (mark,) = [m for m in marks if 0 < box.x0 - m[0] < figure.dpi and box.y1 - line < m[1] < box.y1]
        assert mark[2] == to_hex(looks[round_.round_id].colour)
        assert (mark[3] == 5) == (round_.assessor == "external")  # a diamond: four corners and back
    assert set(entries) == {"".join(t(key, lang).split()) for key in ("chart_progress_self_line", "chart_progress_band")}
    found = panels(figure)
    for n, numbers in numbered_panels(figure).items():
        places = [found[n].round_of(text.get_position()[0]) for text in numbers]
        assert places[0] == 0 and places[-1] == len(by_date) - 1
        assert [text.get_text() for text in numbers] == [str(place + 1) for place in places]  # every round chosen


def test_titles_of_narrow_letters_stay_clear_of_the_next_panels(draw):
    """Titles are measured to fit their panel; drawn, narrow letters ("illicit") come out wider than
    the PNG's: in the browser (screen SVG) up to 7% at print size. Even that much wider, a title
    stays half a font size clear of the next panel's."""
    workbook = scored_workbook(8, 3)
    titles = ["illicit little lilies fill tilled fields in July till", "illicitlittleliliesfilltilledfieldsinjulytill",
              "ill lit fill till il jill lilt ill lit fill till", "Illicit lilies filled it"]
    for n, indicator in enumerate(workbook.indicators):
        indicator.title = titles[n % len(titles)]  # the second: cut between letters, its line as full as it goes
    options = ChartOptions(lang="en", theme="print")
    figure, _ = draw(progress_chart, workbook, options)
    clear = options.style.label_size / 2 * figure.dpi / 72
    renderer = figure._get_renderer()
    found = panels(figure)
    titles = texts_in(figure, "progress-title")
    assert len(titles) == len(found) == 8
    frames = [figure.axes[0].transData.transform((panel.left, panel.top))[0] for panel in found]
    for n in range(len(found) - 1):
        if found[n].top != found[n + 1].top:
            continue  # the last panel of a row
        box, next_box = titles[n].get_window_extent(renderer), titles[n + 1].get_window_extent(renderer)
        assert box.x1 < next_box.x0 and box.x1 < frames[n + 1]
        assert next_box.x0 - (box.x0 + box.width * 1.07) >= clear, (titles[n].get_text(), box, next_box)


# --- missing levels and odd workbooks ----------------------------------------------------------


def test_a_round_without_a_level_is_a_gap_not_a_zero(draw):
    workbook = scored_workbook(5, 3)
    workbook.scores = [s for s in workbook.scores if not (s.round_id == "r2" and s.indicator_id == "I03")]
    figure, _ = draw(progress_chart, workbook)
    lines = line_pieces(figure, "progress-self-line")[2]
    assert all(place != 1 for line in lines for place, _ in line)  # the line breaks at round 2
    assert not any({0, 2} <= {place for place, _ in line} for line in lines)  # not drawn across it either
    assert [len(line) for line in line_pieces(figure, "progress-self-line")[1]] == [3]  # a whole line elsewhere
    assert sorted(points(figure)[2]) == [0, 2]  # and no point is drawn there
    assert t("chart_progress_gap", "th") in all_text(figure)


def test_a_round_without_any_level_is_said_once(draw):
    workbook = scored_workbook(5, 2)
    workbook.rounds.append(Round(round_id="r3", label="รอบที่ 3", held_on=date(2026, 8, 1)))
    figure, _ = draw(progress_chart, workbook)
    assert all(sorted(in_panel) == [0, 1] for in_panel in points(figure))
    assert t("chart_progress_empty_rounds", "th", labels="รอบที่ 3") in all_text(figure)
    assert t("chart_progress_gap", "th") not in all_text(figure)


def test_not_applicable_is_a_cross_on_the_floor_and_said_in_the_panel(draw):
    workbook = EDGE_CASES["all_ratings_skipped"]()
    figure, png = draw(progress_chart, workbook)
    found = panels(figure)
    assert points(figure)[1] == {}  # I02: "not applicable" in every round
    (crosses,) = by_gid(figure, "progress-not-applicable")
    on = [(panel_at(found, x, y), found[1].round_of(x), y) for x, y in crosses.get_offsets()]
    assert on == [(1, 0, found[1].bottom), (1, 1, found[1].bottom), (1, 2, found[1].bottom), (1, 3, found[1].bottom)]
    assert found[1].level_of(found[1].bottom) < 1  # on the floor, below every level: not a level
    (word,) = texts_in(figure, "progress-panel-word")
    assert word.get_text() == t("chart_not_applicable", "th") and panel_at(found, *word.get_position()) == 1
    assert t("chart_progress_not_applicable", "th") in legend_texts(figure)
    matches_baseline(png, "progress_all_ratings_skipped_projector_th")


def test_external_rounds_are_joined_among_themselves_dashed(draw):
    workbook = EDGE_CASES["twelve_by_eight"]()
    figure, _ = draw(progress_chart, workbook)
    order = [r.round_id for r in workbook.rounds_in_order()]
    externals = [n for n, round_id in enumerate(order) if round_id.startswith("x")]
    (dashed,) = by_gid(figure, "progress-external-line")
    assert dashed.get_linestyle()[0][1] is not None  # a dash pattern
    for external, own in zip(line_pieces(figure, "progress-external-line"),
                             line_pieces(figure, "progress-self-line"), strict=True):
        (line,) = external
        assert [place for place, _ in line] == externals
        assert not {place for piece in own for place, _ in piece} & set(externals)


def test_a_round_on_another_scale_is_hollow_and_noted(draw):
    workbook = EDGE_CASES["other_scale"]()
    figure, _ = draw(progress_chart, workbook)
    first = panels(figure)[0]
    hollow = [(first.round_of(x), collection) for collection in by_gid(figure, "progress-points")
              if to_hex(collection.get_facecolor()[0]) == "#ffffff" for x, y in collection.get_offsets()
              if first.holds(x, y)]
    assert [place for place, _ in hollow] == [0]
    assert to_hex(hollow[0][1].get_edgecolor()[0]) == to_hex(round_looks(workbook)["r1"].colour)
    assert "ใช้ระดับ 1–3 (ตอนนี้ 1–5)" in all_text(figure)
    assert t("chart_progress_hollow", "th") in all_text(figure)


def test_thirty_indicators_grow_the_figure_four_panels_a_row(draw):
    figure, png = draw(progress_chart, EDGE_CASES["thirty_indicators"]())
    width, height = png_size(png)
    assert width == 1280 and height > 1280  # eight rows of panels: it scrolls on screen
    found = panels(figure)
    assert len(found) == 30
    assert len({panel.left for panel in found}) == 4 and len({panel.top for panel in found}) == 8


@pytest.mark.parametrize(("case", "key"), [
    ("no_rounds", "chart_no_rounds"),
    ("no_indicators", "chart_no_indicators"),
    ("rounds_without_scores", "chart_no_levels_consensus"),
])
@pytest.mark.parametrize("lang", LANGS)
def test_empty_states_say_why(draw, case, key, lang):
    figure, _ = draw(progress_chart, EDGE_CASES[case](), ChartOptions(lang=lang))
    assert is_message(figure, key, lang)
    assert panels(figure) == []


def test_no_chosen_rounds_and_no_median_ratings(draw):
    figure, _ = draw(progress_chart, main_sample(), ChartOptions(rounds=()))
    assert is_message(figure, "chart_no_rounds_chosen", "th")
    workbook = scored_workbook(4, 2)
    workbook.scores = [s for s in workbook.scores if s.rater == "consensus"]
    figure, _ = draw(progress_chart, workbook, ChartOptions(value="median"))
    assert is_message(figure, "chart_no_levels_median", "th")


@pytest.mark.parametrize("case", list(EDGE_CASES))
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("theme", THEMES)
def test_every_edge_case_draws_honestly_in_thai_font(draw, case, lang, theme):
    workbook: Workbook = EDGE_CASES[case]()
    figure, png = draw(progress_chart, workbook, ChartOptions(lang=lang, theme=theme))
    assert fonts_used(figure) == {"Noto Sans Thai"}
    assert texts(figure)[0]
    width, height = png_size(png)
    assert width == (1280 if theme == "projector" else 750) and height >= (720 if theme == "projector" else 500)
    scale_floor = min(workbook.profile.levels.start, 1)
    for in_panel in points(figure, scale_floor):  # never a point under the lowest level (no 0 for a missing level)
        assert all(level >= scale_floor for level, _ in in_panel.values())
