"""The progress chart: one panel per indicator, its level round after round, the target as a band."""

# ruff: noqa: F401, F811  (`draw` is a fixture: imported for pytest, then every test's argument)

from __future__ import annotations

import csv
import io
import statistics
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


def panels(figure: Figure) -> list:
    """The indicator panels, in workbook order (the legend and notes are not axes)."""
    return [axes for axes in figure.axes if axes.get_visible() and axes.get_title(loc="left")]


def hidden(figure: Figure) -> list:
    return [axes for axes in figure.axes if not axes.get_visible()]


def by_gid(axes, gid: str) -> list:
    return [artist for artist in axes.get_children() if getattr(artist, "get_gid", lambda: None)() == gid]


def points(axes) -> dict[int, tuple[float, str]]:
    """x (round number - 1) -> (level, colour) of every point drawn in the panel."""
    found = {}
    for collection in by_gid(axes, "progress-points"):
        faces = collection.get_facecolor()
        edges = collection.get_edgecolor()
        for n, (x, y) in enumerate(collection.get_offsets()):
            face = to_hex(faces[n % len(faces)])
            colour = to_hex(edges[n % len(edges)]) if face == "#ffffff" else face  # hollow: the edge
            assert int(x) not in found
            found[int(x)] = (float(y), colour)
    return found


def is_message(figure: Figure, key: str, lang: str) -> bool:
    return t(key, lang).replace(" ", "") in all_text(figure).replace(" ", "")


# --- the sample ------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["consensus", "median"])
def test_each_point_is_the_level_of_its_round_in_its_rounds_colour(draw, value):
    workbook = main_sample()
    figure, _ = draw(progress_chart, workbook, ChartOptions(value=value))
    expected = expected_levels(value)
    rounds = [row["round_id"] for row in rounds_by_date()]
    looks = round_looks(workbook)
    assert len(panels(figure)) == len(selected())
    for axes, indicator in zip(panels(figure), selected(), strict=True):
        drawn = points(axes)
        assert sorted(drawn) == list(range(len(rounds)))
        for x, round_id in enumerate(rounds):
            level, colour = drawn[x]
            assert level == expected[(round_id, indicator["indicator_id"])]
            assert colour == to_hex(looks[round_id].colour)


def test_panels_are_titled_by_indicator_in_workbook_order(draw):
    figure, _ = draw(progress_chart, main_sample())
    for axes, row in zip(panels(figure), selected(), strict=True):
        title = axes.get_title(loc="left").replace("\n", "")
        assert title == row["title"] or row["title"].startswith(title.rstrip("…"))


def test_the_self_line_joins_self_rounds_only(draw):
    figure, _ = draw(progress_chart, main_sample())
    rounds = rounds_by_date()
    own = [n for n, row in enumerate(rounds) if row["assessor"] == "self"]
    expected = expected_levels("consensus")
    for axes, indicator in zip(panels(figure), selected(), strict=True):
        (line,) = by_gid(axes, "progress-self-line")
        assert list(line.get_xdata()) == own  # x1 (external) is a diamond off the line
        assert list(line.get_ydata()) == [expected[(rounds[n]["round_id"], indicator["indicator_id"])] for n in own]
        assert not by_gid(axes, "progress-external-line")  # one external round: nothing to join


def test_external_rounds_are_diamonds_and_self_rounds_circles(draw):
    figure, _ = draw(progress_chart, main_sample())
    markers = {}
    for collection in by_gid(panels(figure)[0], "progress-points"):
        for x, _ in collection.get_offsets():
            markers[int(x)] = collection
    assert len(markers[4].get_paths()[0].vertices) == 5  # a diamond: four corners and back
    assert markers[0] is markers[3] and markers[0] is not markers[4]


def test_the_band_starts_at_the_target(draw):
    figure, _ = draw(progress_chart, main_sample())
    for axes, indicator in zip(panels(figure), selected(), strict=True):
        (band,) = by_gid(axes, "progress-band")
        assert band.get_y() == float(indicator["target"])
        assert band.get_y() + band.get_height() == axes.get_ylim()[1]


def test_every_panel_shows_the_same_levels(draw):
    figure, _ = draw(progress_chart, main_sample())
    limits = {axes.get_ylim() for axes in panels(figure)}
    assert len(limits) == 1 and limits.pop()[1] == 5.5
    first = panels(figure)[0]
    assert [label.get_text() for label in first.get_yticklabels()] == ["1", "2", "3", "4", "5"]


def test_ten_indicators_fill_a_four_by_three_grid_with_round_numbers_below(draw):
    figure, png = draw(progress_chart, main_sample())
    assert png_size(png) == (1280, 720)
    assert len(hidden(figure)) == 2  # 12 slots, 10 indicators
    with_numbers = [n for n, axes in enumerate(panels(figure)) if [t.get_text() for t in axes.get_xticklabels()]]
    assert with_numbers == [6, 7, 8, 9]  # the panels with none below them
    assert [t.get_text() for t in panels(figure)[9].get_xticklabels()] == ["1", "2", "3", "4", "5"]


def test_legend_numbers_the_rounds_and_names_the_band(draw):
    figure, _ = draw(progress_chart, main_sample())
    legend = [text.get_text() for text in figure.legends[0].get_texts()]
    assert legend[0].startswith("1  รอบที่ ๑") and "15 พ.ย. 2568" in legend[0]
    assert legend[4].startswith("5  ประเมินจากภายนอก")
    assert t("chart_progress_band", "th") in legend
    assert t("chart_progress_title", "th") in all_text(figure)


def test_english_median_and_thai_digits(draw):
    figure, _ = draw(progress_chart, main_sample(), ChartOptions(lang="en", value="median"))
    assert t("chart_progress_title", "en") in all_text(figure)
    assert t("chart_value_median", "en") in all_text(figure)
    figure, _ = draw(progress_chart, main_sample(), ChartOptions(digits=True))
    assert [label.get_text() for label in panels(figure)[0].get_yticklabels()] == ["๑", "๒", "๓", "๔", "๕"]


def test_chosen_rounds_only(draw):
    figure, _ = draw(progress_chart, main_sample(), ChartOptions(rounds=("x1", "r1")))
    assert sorted(points(panels(figure)[0])) == [0, 1]
    legend = [text.get_text() for text in figure.legends[0].get_texts()]
    # numbered as in the whole workbook by date (x1 is its fifth round), the same whatever is chosen
    by_date = sorted(sample_rows("rounds.csv"), key=lambda row: row["held_on"])
    x1_number = next(n for n, row in enumerate(by_date, start=1) if row["round_id"] == "x1")
    assert legend[0].startswith("1  รอบที่ ๑") and legend[1].startswith(f"{x1_number}  ประเมินจากภายนอก")
    bottom = [axes for axes in panels(figure) if axes.get_xticklabels()]
    assert bottom and all([label.get_text() for label in axes.get_xticklabels()] == ["1", str(x1_number)]
                          for axes in bottom)


def test_sample_looks_as_it_did(draw):
    _, png = draw(progress_chart, main_sample())
    matches_baseline(png, "progress_sample_projector_th")


def test_print_theme_looks_as_it_did(draw):
    _, png = draw(progress_chart, main_sample(), ChartOptions(theme="print", lang="en"))
    assert png_size(png) == (750, 500)
    matches_baseline(png, "progress_sample_print_en")


# --- missing levels and odd workbooks ----------------------------------------------------------


def test_a_round_without_a_level_is_a_gap_not_a_zero(draw):
    workbook = scored_workbook(5, 3)
    workbook.scores = [s for s in workbook.scores if not (s.round_id == "r2" and s.indicator_id == "I03")]
    figure, _ = draw(progress_chart, workbook)
    axes = panels(figure)[2]
    (line,) = by_gid(axes, "progress-self-line")
    assert np.isnan(line.get_ydata()[1])  # the line breaks at round 2
    assert sorted(points(axes)) == [0, 2]  # and no point is drawn there
    assert t("chart_progress_gap", "th") in all_text(figure)


def test_a_round_without_any_level_is_said_once(draw):
    workbook = scored_workbook(5, 2)
    workbook.rounds.append(Round(round_id="r3", label="รอบที่ 3", held_on=date(2026, 8, 1)))
    figure, _ = draw(progress_chart, workbook)
    assert all(sorted(points(axes)) == [0, 1] for axes in panels(figure))
    assert t("chart_progress_empty_rounds", "th", labels="รอบที่ 3") in all_text(figure)
    assert t("chart_progress_gap", "th") not in all_text(figure)


def test_not_applicable_is_a_cross_on_the_floor_and_said_in_the_panel(draw):
    workbook = EDGE_CASES["all_ratings_skipped"]()
    figure, png = draw(progress_chart, workbook)
    axes = panels(figure)[1]  # I02: "not applicable" in every round
    assert points(axes) == {}
    (crosses,) = by_gid(axes, "progress-not-applicable")
    assert [tuple(map(float, xy)) for xy in crosses.get_offsets()] == [(0, 0), (1, 0), (2, 0), (3, 0)]
    assert crosses.get_transform() != axes.transData  # y in axes units: the floor, not a level
    assert t("chart_not_applicable", "th") in [text.get_text() for text in axes.texts]
    assert t("chart_progress_not_applicable", "th") in [text.get_text() for text in figure.legends[0].get_texts()]
    matches_baseline(png, "progress_all_ratings_skipped_projector_th")


def test_external_rounds_are_joined_among_themselves_dashed(draw):
    workbook = EDGE_CASES["twelve_by_eight"]()
    figure, _ = draw(progress_chart, workbook)
    order = [r.round_id for r in workbook.rounds_in_order()]
    externals = [n for n, round_id in enumerate(order) if round_id.startswith("x")]
    for axes in panels(figure):
        (line,) = by_gid(axes, "progress-external-line")
        assert list(line.get_xdata()) == externals and line.get_linestyle() == "--"
        (own,) = by_gid(axes, "progress-self-line")
        assert not set(own.get_xdata()) & set(externals)


def test_a_round_on_another_scale_is_hollow_and_noted(draw):
    workbook = EDGE_CASES["other_scale"]()
    figure, _ = draw(progress_chart, workbook)
    hollow = [c for c in by_gid(panels(figure)[0], "progress-points") if to_hex(c.get_facecolor()[0]) == "#ffffff"]
    assert len(hollow) == 1 and [float(x) for x, _ in hollow[0].get_offsets()] == [0.0]
    assert to_hex(hollow[0].get_edgecolor()[0]) == to_hex(round_looks(workbook)["r1"].colour)
    assert "ใช้ระดับ 1–3 (ตอนนี้ 1–5)" in all_text(figure)
    assert t("chart_progress_hollow", "th") in all_text(figure)


def test_thirty_indicators_grow_the_figure_four_panels_a_row(draw):
    figure, png = draw(progress_chart, EDGE_CASES["thirty_indicators"]())
    width, height = png_size(png)
    assert width == 1280 and height > 1280  # eight rows of panels: it scrolls on screen
    assert len(panels(figure)) == 30 and len(hidden(figure)) == 2


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
    for axes in panels(figure):  # never a point under the lowest level (no 0 for a missing level)
        assert all(level >= scale_floor for level, _ in points(axes).values())
