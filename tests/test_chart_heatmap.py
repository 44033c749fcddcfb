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
from matplotlib.collections import LineCollection, QuadMesh
from matplotlib.colors import to_hex

from mchch_widgets import samples, scoring
from mchch_widgets.charts.common import ChartOptions, round_looks
from mchch_widgets.charts.heatmap import heatmap_chart
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


def cell_texts(figure) -> dict[tuple[int, int], str]:
    """(row, column) -> the text written in the cell."""
    found = {}
    for text in figure.axes[0].texts:
        gid = text.get_gid() or ""
        if gid.startswith("cell:"):
            _, y, x = gid.split(":")
            found[int(y), int(x)] = text.get_text()
    return found


def mesh_colours(figure, columns: int) -> np.ndarray:
    """'#rrggbb' of each round's cell (rows × columns), read from the one mesh."""
    (mesh,) = [c for c in figure.axes[0].collections if isinstance(c, QuadMesh)]
    faces = mesh.get_facecolors()
    rows = len(faces) // (columns + 2)
    hexes = np.array([to_hex(face) for face in faces], dtype=object).reshape(rows, columns + 2)
    return hexes[:, :columns]


def collection(figure, gid: str):
    found = [c for c in figure.axes[0].collections if c.get_gid() == gid]
    assert len(found) == 1, gid
    return found[0]


def framed_cells(figure) -> set[tuple[int, int]]:
    """(row, column) of the cells with the 'target reached' frame."""
    frames = collection(figure, "reached_frames")
    return {(round(float(p.vertices[:, 1].mean())), int(p.vertices[:, 0].min())) for p in frames.get_paths()}


# --- the sample ---------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["consensus", "median"])
def test_cells_hold_the_levels_on_the_level_ramp(draw, value):
    workbook = main_sample()
    figure, _ = draw(heatmap_chart, workbook, ChartOptions(value=value))
    expected = expected_levels(value)
    rows, columns = selected(), rounds_by_date()
    cells = cell_texts(figure)
    colours = mesh_colours(figure, len(columns))
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
    colours = mesh_colours(figure, 5)
    for text in figure.axes[0].texts:
        gid = text.get_gid() or ""
        if gid.startswith("cell:"):
            _, y, x = gid.split(":")
            assert to_hex(text.get_color()) == ink_on(colours[int(y), int(x)]).lower()
            assert text.get_fontsize() >= 20  # large: read from the back of the hall


def test_rows_are_the_selected_indicators_in_workbook_order(draw):
    figure, _ = draw(heatmap_chart, main_sample())
    labels = [label.get_text().replace("\n", "").rstrip("…") for label in figure.axes[0].get_yticklabels()]
    titles = [row["title"] for row in selected()]
    assert len(labels) == len(titles)
    for label, title in zip(labels, titles):
        assert title.startswith(label)


def test_columns_are_the_rounds_by_date_with_their_colour_chips(draw):
    workbook = main_sample()
    figure, _ = draw(heatmap_chart, workbook)
    headers = [label.get_text() for label in figure.axes[0].get_xticklabels()]
    columns = rounds_by_date()
    assert len(headers) == len(columns) + 1 and headers[-1] == t("chart_target", "th")
    for header, round_ in zip(headers, columns):
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
    targets = {int(text.get_gid().split(":")[1]): text.get_text() for text in figure.axes[0].texts
               if (text.get_gid() or "").startswith("target:")}
    assert targets == {y: row["target"] for y, row in enumerate(selected())}


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
    assert len(collection(figure, "reached_ticks").get_offsets()) == len(reached)


def test_thai_digits_when_asked(draw):
    figure, _ = draw(heatmap_chart, main_sample(), ChartOptions(value="median", digits=True))
    cells = set(cell_texts(figure).values())
    assert "๒.๕" in cells
    assert not [c for c in cells if any(ch.isascii() and ch.isdigit() for ch in c)]


def test_chosen_rounds_only_in_date_order(draw):
    figure, _ = draw(heatmap_chart, main_sample(), ChartOptions(rounds=("x1", "r1")))
    headers = [label.get_text() for label in figure.axes[0].get_xticklabels()]
    assert len(headers) == 3
    assert headers[0].startswith("รอบที่ ๑") and headers[1].startswith("ประเมิน")


def test_ten_indicators_by_five_rounds_fit_the_projector(draw):
    _, png = draw(heatmap_chart, main_sample())
    assert png_size(png) == (1280, 720)


@pytest.mark.parametrize("options", OPTIONS, ids=lambda o: f"{o.lang}-{o.theme}")
def test_both_languages_and_themes_use_the_thai_font(draw, options):
    figure, png = draw(heatmap_chart, main_sample(), options)
    assert fonts_used(figure) == {"Noto Sans Thai"}
    assert png_size(png)[0] == round(options.style.width_inches * 100)
    assert t("chart_heatmap_title", options.lang) in all_text(figure)
    assert t("chart_value_consensus", options.lang) in all_text(figure)  # which level the cells show
    if options.theme == "projector":  # nothing too small to read from the back of the hall
        assert min(text.get_fontsize() for text in figure.findobj(matplotlib.text.Text) if text.get_text()) >= 12


# --- the edge cases -----------------------------------------------------------------------


@pytest.mark.parametrize("options", OPTIONS, ids=lambda o: f"{o.lang}-{o.theme}")
@pytest.mark.parametrize("case", EDGE_CASES)
def test_every_edge_case_draws_without_a_zero(draw, case, options):
    figure, png = draw(heatmap_chart, EDGE_CASES[case](), options)
    assert fonts_used(figure) == {"Noto Sans Thai"}
    assert png_size(png)[0] == round(options.style.width_inches * 100)
    assert not [text for text in texts(figure) if text.strip() in ("0", "๐")]


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
    assert set(mesh_colours(figure, 2).ravel()) == {"#ffffff"}
    assert len(collection(figure, "empty_cells").get_paths()) == 10


def test_all_skipped_indicator_says_not_applicable(draw):
    figure, _ = draw(heatmap_chart, EDGE_CASES["all_ratings_skipped"](), ChartOptions(lang="en"))
    cells = cell_texts(figure)
    row = [cells[1, x].replace("\n", " ") for x in range(4)]  # I02
    assert row == [t("chart_not_applicable", "en")] * 4
    assert set(mesh_colours(figure, 4)[1]) == {"#ffffff"}


def test_all_skipped_with_the_median_says_not_applicable_too(draw):
    figure, _ = draw(heatmap_chart, EDGE_CASES["all_ratings_skipped"](), ChartOptions(value="median"))
    cells = cell_texts(figure)
    assert [cells[1, x] for x in range(4)] == [t("chart_not_applicable", "th")] * 4


def test_a_round_on_another_scale_is_marked_and_never_reaches_the_target(draw):
    workbook = EDGE_CASES["other_scale"]()
    figure, _ = draw(heatmap_chart, workbook)
    headers = [label.get_text() for label in figure.axes[0].get_xticklabels()]
    assert "(ระดับ 1–3)" in headers[0] and "ระดับ" not in headers[1]
    assert "ใช้ระดับ 1–3" in all_text(figure)  # the footnote
    stats = scoring.indicator_stats(workbook)
    first = stats[stats["round_id"] == "r1"]
    assert (first["consensus"] >= first["target"]).any()  # it would look reached ...
    assert all(x != 0 for _, x in framed_cells(figure))  # ... but its levels do not compare


def test_thirty_indicators_make_a_taller_figure_with_every_title(draw):
    workbook = EDGE_CASES["thirty_indicators"]()
    figure, png = draw(heatmap_chart, workbook)
    assert png_size(png)[1] > 720
    assert len(figure.axes[0].get_yticklabels()) == 30
    assert len(cell_texts(figure)) == 30 * 4
    assert min(text.get_fontsize() for text in figure.axes[0].texts) >= 12


def test_twelve_by_eight_fits_the_projector(draw):
    figure, png = draw(heatmap_chart, EDGE_CASES["twelve_by_eight"]())
    assert png_size(png) == (1280, 720)
    assert len(cell_texts(figure)) == 12 * 8


def test_one_round_draws_one_column(draw):
    figure, _ = draw(heatmap_chart, EDGE_CASES["one_round"]())
    assert len(figure.axes[0].get_xticklabels()) == 2  # the round and the target


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
