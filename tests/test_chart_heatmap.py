"""The heatmap: indicators × rounds, the level written in each cell on the level ramp, the target beside.

Expected values come from the sample's CSV files, read here without the package (the
consensus, and the median of the latest individual ratings).
"""

# ruff: noqa: F401, F811  (`draw` is a fixture: imported for pytest, then every test's argument)

from __future__ import annotations

import csv
import io
import statistics
from datetime import datetime

import matplotlib.text
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
    texts,
)
from matplotlib.collections import LineCollection
from matplotlib.colors import to_hex

from mchch_widgets import samples, scoring
from mchch_widgets.charts.common import ChartOptions, round_looks, screen_svg
from mchch_widgets.charts.heatmap import heatmap_chart
from mchch_widgets.charts.text_group import TextGroup
from mchch_widgets.colours import ink_on, level_colour
from mchch_widgets.text import t

SCALE = range(1, 6)
OPTIONS = [ChartOptions(lang=lang, theme=theme) for lang in ("th", "en") for theme in ("projector", "print")]


# --- the sample, read independently -------------------------------------------------------


def selected() -> list[dict[str, str]]:
    return [row for row in sample_rows("indicators.csv") if row["status"] == "selected"]


def rounds_by_date() -> list[dict[str, str]]:
    return sorted(sample_rows("rounds.csv"), key=lambda row: row["held_on"])


def expected_levels(value: str) -> dict[tuple[str, str], float | None]:
    """(round, indicator) -> the consensus, or the median of the individual ratings."""
    ratings = latest_ratings()
    if value == "consensus":
        return {(r, i): s for (r, i, rater), s in ratings.items() if rater == "consensus"}
    given: dict[tuple[str, str], list[int]] = {}
    for (r, i, rater), s in ratings.items():
        if rater != "consensus" and s is not None:
            given.setdefault((r, i), []).append(s)
    return {key: statistics.median(levels) for key, levels in given.items()}


def written(level: float) -> str:
    return f"{level:g}"


# --- reading the figure back --------------------------------------------------------------


def groups(figure, prefix: str = "") -> list[TextGroup]:
    """The groups of texts the chart drew (the levels, titles, names…) whose gid starts with `prefix`."""
    return [a for a in figure.axes[0].get_children()
            if isinstance(a, TextGroup) and (a.get_gid() or "").startswith(prefix)]


def group_entries(figure, prefix: str) -> dict:
    """key -> (text, colour, size) of every text in the groups named `prefix`…"""
    return {key: (text, to_hex(colour), group.size) for group in groups(figure, prefix)
            for key, text, colour in zip(group.keys, group.texts, group.colours)}


def cell_texts(figure) -> dict[tuple[int, int], str]:
    """(row, column) -> the text written in the cell (its level, or the words of an empty one)."""
    return {key: text for key, (text, _, _) in group_entries(figure, "cell_").items()}


def words(figure) -> list[str]:
    """Every text on the figure: matplotlib's Texts and the chart's groups."""
    return texts(figure) + [text for group in groups(figure) for text in group.texts if text]


def every_word(figure) -> str:
    return all_text(figure) + " " + " ".join(words(figure)).replace("\n", "")


def font_sizes(figure) -> list[float]:
    return ([text.get_fontsize() for text in figure.findobj(matplotlib.text.Text) if text.get_text()]
            + [group.size for group in groups(figure) if any(group.texts)])


def fonts(figure) -> set[str]:
    return fonts_used(figure) | {group.get_fontname() for group in groups(figure) if any(group.texts)}


def collection(figure, gid: str):
    found = [c for c in figure.axes[0].collections if c.get_gid() == gid]
    assert len(found) == 1, gid
    return found[0]


def shapes(collection) -> list[tuple[np.ndarray, str]]:
    """Each shape (its vertices) in a collection drawn as one path per colour, with that colour."""
    colours = collection.get_facecolors() if len(collection.get_facecolors()) else collection.get_edgecolors()
    found = []
    for path, colour in zip(collection.get_paths(), colours):
        starts = np.nonzero(path.codes == path.MOVETO)[0]
        found += [(part, to_hex(colour)) for part in np.split(path.vertices, starts[1:])]
    return found


def cell_colours(figure, columns: int) -> np.ndarray:
    """'#rrggbb' of each round's cell (rows × columns), read from the cells' rectangles."""
    cells = {}
    for corners, colour in shapes(collection(figure, "cells")):
        (left, bottom), (right, top) = corners.min(axis=0), corners.max(axis=0)
        assert right - left == pytest.approx(1) and top - bottom == pytest.approx(1)
        if left < columns:  # the rounds' cells, not the target's
            cells[round(float(bottom + top) / 2), int(left)] = colour
    rows = max(y for y, _ in cells) + 1
    assert set(cells) == {(y, x) for y in range(rows) for x in range(columns)}
    return np.array([[cells[y, x] for x in range(columns)] for y in range(rows)], dtype=object)


def framed_cells(figure) -> set[tuple[int, int]]:
    """(row, column) of the cells with the 'target reached' frame."""
    return {(round(float(corners[:, 1].min() + corners[:, 1].max()) / 2), int(corners[:, 0].min()))
            for corners, _ in shapes(collection(figure, "reached_frames"))}


def row_titles(figure) -> list[str]:
    return [text for group in groups(figure, "row_titles") for text in group.texts]


def headers(figure) -> list[str]:
    """The columns' headers, left to right: the rounds' names and dates, then the target's."""
    (group,) = groups(figure, "round_names")
    return [text for _, text in sorted(zip(group.points[:, 0], group.texts))]


# --- the sample ---------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["consensus", "median"])
def test_cells_hold_the_levels_on_the_level_ramp(draw, value):
    workbook = main_sample()
    figure, _ = draw(heatmap_chart, workbook, ChartOptions(value=value))
    expected = expected_levels(value)
    rows, columns = selected(), rounds_by_date()
    cells = cell_texts(figure)
    colours = cell_colours(figure, len(columns))
    assert len(cells) == len(rows) * len(columns)
    for y, indicator in enumerate(rows):
        for x, round_ in enumerate(columns):
            level = expected[round_["round_id"], indicator["indicator_id"]]
            assert cells[y, x] == written(level), (indicator["indicator_id"], round_["round_id"])
            assert colours[y, x] == level_colour(level, SCALE).lower()
    if value == "median":  # the external committee split 2 and 3 on G05: a median between two levels
        assert "2.5" in cells.values()


def test_level_is_written_in_the_ink_that_reads_on_its_cell(draw):
    figure, _ = draw(heatmap_chart, main_sample())
    colours = cell_colours(figure, 5)
    entries = group_entries(figure, "cell_")
    assert len(entries) == 10 * 5
    for (y, x), (_, ink, size) in entries.items():
        assert ink == ink_on(colours[y, x]).lower()
        assert size >= 20  # large: read from the back of the hall


def test_rows_are_the_selected_indicators_in_workbook_order(draw):
    figure, _ = draw(heatmap_chart, main_sample())
    labels = [label.replace("\n", "").rstrip("…") for label in row_titles(figure)]
    titles = [row["title"] for row in selected()]
    assert len(labels) == len(titles)
    for label, title in zip(labels, titles):
        assert title.startswith(label)


def test_columns_are_the_rounds_by_date_with_their_colour_chips(draw):
    workbook = main_sample()
    figure, _ = draw(heatmap_chart, workbook)
    names = headers(figure)
    columns = rounds_by_date()
    assert len(names) == len(columns) + 1 and names[-1] == t("chart_target", "th")
    for header, round_ in zip(names, columns):
        assert header.replace("\n", "").startswith(round_["label"][:7])
        year = int(round_["held_on"][:4]) + 543  # the Buddhist Era
        assert str(year) in header
    chips = collection(figure, "round_chips")
    assert isinstance(chips, LineCollection)
    looks = round_looks(workbook)
    assert [to_hex(c) for c in chips.get_colors()] == [looks[r["round_id"]].colour.lower() for r in columns]
    external = [n for n, r in enumerate(columns) if r["assessor"] == "external"]
    styles = chips.get_linestyles()
    assert all((styles[n][1] is not None) == (n in external) for n in range(len(columns)))  # dashed: external


def test_targets_are_written_in_their_own_column(draw):
    figure, _ = draw(heatmap_chart, main_sample())
    (group,) = groups(figure, "targets")
    targets = {round(float(y)): text for (_, y), text in zip(group.points, group.texts)}
    assert targets == {y: row["target"] for y, row in enumerate(selected())}
    assert set(group.points[:, 0]) == {5 + 0.3 + 0.5}  # right of the five rounds, apart from them


def test_cells_at_the_target_are_framed_and_ticked(draw):
    figure, _ = draw(heatmap_chart, main_sample())
    expected = expected_levels("consensus")
    reached = {
        (y, x)
        for y, indicator in enumerate(selected())
        for x, round_ in enumerate(rounds_by_date())
        if expected[round_["round_id"], indicator["indicator_id"]] >= int(indicator["target"])
    }
    assert reached and framed_cells(figure) == reached
    ticks = shapes(collection(figure, "reached_ticks"))
    assert len(ticks) == len(reached)
    ticked = {(round(float(tick[:, 1].mean())), int(tick[:, 0].min())) for tick, _ in ticks}
    assert ticked == reached  # one in each framed cell


def test_titles_and_round_names_are_drawn_as_typed(draw):
    workbook = EDGE_CASES["one_round"]()
    first = workbook.selected_indicators()[0]
    first.title = "ค่าใช้จ่าย $5 ถึง $10 <b>"  # not mathematics, not markup
    workbook.rounds[0].label = "รอบ $1$"
    figure, _ = draw(heatmap_chart, workbook)
    assert row_titles(figure)[0] == "ค่าใช้จ่าย $5 ถึง $10 <b>"
    assert headers(figure)[0].startswith("รอบ $1$\n")
    svg = screen_svg(figure).decode()
    assert ">ค่าใช้จ่าย $5 ถึง $10 &lt;b&gt;</text>" in svg  # text on the page, escaped


def test_thai_digits_when_asked(draw):
    figure, _ = draw(heatmap_chart, main_sample(), ChartOptions(value="median", digits=True))
    cells = set(cell_texts(figure).values())
    assert "๒.๕" in cells
    assert not [c for c in cells if any(ch.isascii() and ch.isdigit() for ch in c)]


def test_chosen_rounds_only_in_date_order(draw):
    figure, _ = draw(heatmap_chart, main_sample(), ChartOptions(rounds=("x1", "r1")))
    names = headers(figure)
    assert len(names) == 3
    assert names[0].startswith("รอบที่ ๑") and names[1].startswith("ประเมิน")


def test_ten_indicators_by_five_rounds_fit_the_projector(draw):
    _, png = draw(heatmap_chart, main_sample())
    assert png_size(png) == (1280, 720)


@pytest.mark.parametrize("options", OPTIONS, ids=lambda o: f"{o.lang}-{o.theme}")
def test_both_languages_and_themes_use_the_thai_font(draw, options):
    figure, png = draw(heatmap_chart, main_sample(), options)
    assert fonts(figure) == {"Noto Sans Thai"}
    assert png_size(png)[0] == round(options.style.width_inches * 100)
    assert t("chart_heatmap_title", options.lang) in all_text(figure)
    assert t("chart_value_consensus", options.lang) in all_text(figure)  # which level the cells show
    assert t("chart_heatmap_reached", options.lang) in every_word(figure)  # the legend
    if options.theme == "projector":  # nothing too small to read from the back of the hall
        assert min(font_sizes(figure)) >= 12


# --- the edge cases -----------------------------------------------------------------------


@pytest.mark.parametrize("options", OPTIONS, ids=lambda o: f"{o.lang}-{o.theme}")
@pytest.mark.parametrize("case", EDGE_CASES)
def test_every_edge_case_draws_without_a_zero(draw, case, options):
    figure, png = draw(heatmap_chart, EDGE_CASES[case](), options)
    assert fonts(figure) == {"Noto Sans Thai"}
    assert png_size(png)[0] == round(options.style.width_inches * 100)
    assert not [text for text in words(figure) if text.strip() in ("0", "๐")]


@pytest.mark.parametrize(("case", "key"), [("no_rounds", "chart_no_rounds"),
                                           ("no_indicators", "chart_no_indicators"),
                                           ("rounds_without_scores", "chart_no_levels_consensus")])
def test_nothing_to_show_says_why(draw, case, key):
    figure, _ = draw(heatmap_chart, EDGE_CASES[case]())
    assert t(key, "th") in all_text(figure)


def test_no_round_chosen_says_so(draw):
    figure, _ = draw(heatmap_chart, main_sample(), ChartOptions(rounds=()))
    assert t("chart_no_rounds_chosen", "th") in all_text(figure)


def test_rounds_without_scores_are_empty_white_cells_not_zeros(draw):
    figure, _ = draw(heatmap_chart, EDGE_CASES["rounds_without_scores"]())
    cells = cell_texts(figure)
    assert set(cells.values()) == {"–"} and len(cells) == 5 * 2
    assert set(cell_colours(figure, 2).ravel()) == {"#ffffff"}
    assert len(collection(figure, "empty_cells").get_paths()) == 10


def test_all_skipped_indicator_says_not_applicable(draw):
    figure, _ = draw(heatmap_chart, EDGE_CASES["all_ratings_skipped"](), ChartOptions(lang="en"))
    cells = cell_texts(figure)
    row = [cells[1, x].replace("\n", " ") for x in range(4)]  # I02
    assert row == [t("chart_not_applicable", "en")] * 4
    assert set(cell_colours(figure, 4)[1]) == {"#ffffff"}


def test_all_skipped_with_the_median_says_not_applicable_too(draw):
    figure, _ = draw(heatmap_chart, EDGE_CASES["all_ratings_skipped"](), ChartOptions(value="median"))
    cells = cell_texts(figure)
    assert [cells[1, x] for x in range(4)] == [t("chart_not_applicable", "th")] * 4


def test_a_round_on_another_scale_is_marked_and_never_reaches_the_target(draw):
    workbook = EDGE_CASES["other_scale"]()
    figure, _ = draw(heatmap_chart, workbook)
    names = headers(figure)
    assert "(ระดับ 1–3)" in names[0] and "ระดับ" not in names[1]
    assert "ใช้ระดับ 1–3" in all_text(figure)  # the footnote
    stats = scoring.indicator_stats(workbook)
    first = stats[stats["round_id"] == "r1"]
    assert (first["consensus"] >= first["target"]).any()  # it would look reached ...
    assert all(x != 0 for _, x in framed_cells(figure))  # ... but its levels do not compare


def test_thirty_indicators_make_a_taller_figure_with_every_title(draw):
    workbook = EDGE_CASES["thirty_indicators"]()
    figure, png = draw(heatmap_chart, workbook)
    assert png_size(png)[1] > 720
    assert len(row_titles(figure)) == 30
    assert len(cell_texts(figure)) == 30 * 4
    assert min(font_sizes(figure)) >= 12
    (below,) = groups(figure, "round_names_below")  # the rounds named again under the last row
    assert below.texts == groups(figure, "round_names")[0].texts


def test_twelve_by_eight_fits_the_projector(draw):
    figure, png = draw(heatmap_chart, EDGE_CASES["twelve_by_eight"]())
    assert png_size(png) == (1280, 720)
    assert len(cell_texts(figure)) == 12 * 8


def test_one_round_draws_one_column(draw):
    figure, _ = draw(heatmap_chart, EDGE_CASES["one_round"]())
    assert len(headers(figure)) == 2  # the round and the target


# --- images -------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "case", "options"), [
    ("heatmap_sample_projector_th", None, ChartOptions()),
    ("heatmap_sample_print_en", None, ChartOptions(lang="en", theme="print")),
    ("heatmap_other_scale_projector_th", "other_scale", ChartOptions()),
])
def test_looks_like_the_baseline(draw, name, case, options):
    workbook = main_sample() if case is None else EDGE_CASES[case]()
    _, png = draw(heatmap_chart, workbook, options)
    matches_baseline(png, name)
