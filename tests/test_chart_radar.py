"""The radar chart: one outline per chosen round over every indicator, the target as a dotted ring."""

# ruff: noqa: F401, F811  (`draw` is a fixture: imported for pytest, then every test's argument)

from __future__ import annotations

import csv
import io
import math
import statistics
from datetime import date, datetime

import numpy as np
import pytest
from chart_checks import (
    EDGE_CASES,
    all_text,
    draw,
    first_round_on_three_levels,
    fonts_used,
    latest_ratings,
    main_sample,
    make_workbook,
    matches_baseline,
    png_size,
    sample_rows,
    scored_workbook,
    texts,
)
from matplotlib.collections import PolyCollection
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from mchch_widgets import samples
from mchch_widgets.assessment import SCALE_MAX, SCALE_MIN
from mchch_widgets.charts import MAX_OVERLAID_ROUNDS, ChartOptions, round_looks
from mchch_widgets.charts.radar import radar_chart
from mchch_widgets.model import Round, Workbook
from mchch_widgets.text import t

LANGS = ("th", "en")
THEMES = ("projector", "print")


# --- the sample, read from its CSV files without the package ------------------------------


def expected_levels(value: str) -> dict[tuple[str, str], float | None]:
    """(round, indicator) -> the consensus, or the median of the individual ratings given."""
    ratings = latest_ratings()
    if value == "consensus":
        return {(r, i): s for (r, i, rater), s in ratings.items() if rater == "consensus"}
    given: dict[tuple[str, str], list[int]] = {}
    for (r, i, rater), s in ratings.items():
        if rater != "consensus" and s is not None:
            given.setdefault((r, i), []).append(s)
    return {key: statistics.median(levels) for key, levels in given.items()}


def selected() -> list[dict[str, str]]:
    return [row for row in sample_rows("indicators.csv") if row["status"] == "selected"]


def rounds_by_date() -> list[str]:
    return [row["round_id"] for row in sorted(sample_rows("rounds.csv"), key=lambda row: row["held_on"])]


# --- reading the figure ----------------------------------------------------------------------


def radar_axes(figure: Figure):
    found = [axes for axes in figure.axes if axes.get_gid() == "radar"]
    assert len(found) == 1
    return found[0]


def outlines(figure: Figure) -> dict[str, Line2D]:
    """Round id -> its outline: its data are (angle, level), drawn through the radar's transform."""
    return {line.get_gid().removeprefix("radar-round-"): line for line in radar_axes(figure).lines
            if (line.get_gid() or "").startswith("radar-round-")}


def by_gid(figure: Figure, gid: str) -> list:
    return [artist for artist in figure.findobj() if getattr(artist, "get_gid", lambda: None)() == gid]


def spoke_labels(figure: Figure) -> list[str]:
    return [text.get_text() for text in radar_axes(figure).texts
            if (text.get_gid() or "").startswith("radar-spoke-")]


def on_screen(line: Line2D, points) -> np.ndarray:
    """Where (angle, level) points of a radar line are drawn, in pixels."""
    return line.get_transform().transform(np.asarray(points, dtype=float))


def centre(figure: Figure) -> np.ndarray:
    """The radar's centre in pixels: where every spoke starts."""
    (spokes,) = by_gid(figure, "radar-spokes")
    starts = on_screen(spokes, spokes.get_xydata())[::3]  # each spoke: start, end, a break
    assert np.allclose(starts, starts[0])
    return starts[0]


def is_message(figure: Figure, key: str, lang: str, **values) -> bool:
    return t(key, lang, **values).replace(" ", "") in all_text(figure).replace(" ", "")


# --- the sample ------------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["consensus", "median"])
def test_each_outline_vertex_is_the_level_of_its_round_and_indicator(draw, value):
    figure, _ = draw(radar_chart, main_sample(), ChartOptions(value=value))
    expected = expected_levels(value)
    indicators = [row["indicator_id"] for row in selected()]
    lines = outlines(figure)
    assert list(lines) == rounds_by_date()  # every round of the sample, in date order (5 ≤ 6)
    for round_id, line in lines.items():
        radii = np.asarray(line.get_ydata(), dtype=float)
        angles = np.asarray(line.get_xdata(), dtype=float)
        assert radii[-1] == radii[0] and angles[-1] == pytest.approx(2 * math.pi)  # closed
        assert list(radii[:-1]) == [expected[(round_id, i)] for i in indicators]


def test_spokes_run_clockwise_from_the_top_in_workbook_order(draw):
    figure, _ = draw(radar_chart, main_sample())
    count = len(selected())
    line = next(iter(outlines(figure).values()))
    angles = np.asarray(line.get_xdata())[:-1]
    assert list(angles) == pytest.approx([2 * math.pi * n / count for n in range(count)])
    x, y = centre(figure)
    first, second, last = on_screen(line, [(angles[0], 5), (angles[1], 5), (angles[-1], 5)])
    assert first[0] == pytest.approx(x) and first[1] > y  # the first spoke points straight up
    assert second[0] > x and last[0] < x  # the next one to its right: clockwise
    labels = [label.replace("\n", "") for label in spoke_labels(figure)]
    for label, row in zip(labels, selected(), strict=True):
        assert row["title"].startswith(label.rstrip("…")) or label.rstrip("…") in row["title"]


def test_rounds_keep_their_colour_marker_and_line(draw):
    workbook = main_sample()
    figure, _ = draw(radar_chart, workbook)
    looks = round_looks(workbook)
    for round_id, line in outlines(figure).items():
        assert to_hex(line.get_color()) == to_hex(looks[round_id].colour)
        assert line.get_marker() == looks[round_id].marker
        assert line.get_linestyle() == looks[round_id].line_style
    assert outlines(figure)["x1"].get_marker() == "D" and outlines(figure)["x1"].get_linestyle() == "--"
    for round_id, look in looks.items():  # the legend shows each round as its outline looks
        (handle,) = by_gid(figure, f"radar-legend-{round_id}")
        assert (to_hex(handle.get_color()), handle.get_marker(), handle.get_linestyle()) == (
            to_hex(look.colour), look.marker, look.line_style)


def test_target_outline_is_the_indicators_targets(draw):
    figure, _ = draw(radar_chart, main_sample())
    (target,) = by_gid(figure, "radar-target")
    assert list(np.asarray(target.get_ydata(), dtype=float)[:-1]) == [float(row["target"]) for row in selected()]
    assert to_hex(target.get_color()) == "#111111" and target.get_linewidth() > max(
        line.get_linewidth() for line in outlines(figure).values())


def test_only_the_latest_round_is_filled(draw):
    figure, _ = draw(radar_chart, main_sample())
    (fill,) = by_gid(figure, "radar-fill")
    assert isinstance(fill, PolyCollection)
    assert to_hex(fill.get_facecolor()[0]) == to_hex(round_looks(main_sample())["x1"].colour)


def test_centre_is_below_the_lowest_level_and_rings_are_numbered(draw):
    figure, _ = draw(radar_chart, main_sample())
    line = next(iter(outlines(figure).values()))
    # levels 1..5: level 1 is a ring, not the centre; the centre is level 0, rings equally apart
    reach = [np.hypot(*(on_screen(line, [(1.0, level)])[0] - centre(figure))) for level in (0, 1, 5)]
    assert reach[0] == pytest.approx(0, abs=1e-6) and reach[2] == pytest.approx(5 * reach[1])
    rings = [text.get_text() for text in by_gid(figure, "radar-ring-label")]
    assert rings == ["1", "2", "3", "4", "5"]


def test_title_subtitle_and_legend_say_what_is_compared(draw):
    figure, _ = draw(radar_chart, main_sample(), ChartOptions(value="median"))
    words = all_text(figure)
    assert t("chart_radar_title", "th") in words
    assert t("chart_value_median", "th") in words
    legend = [text.get_text() for text in by_gid(figure, "radar-legend")]
    assert legend[0].startswith("รอบที่ ๑") and "15 พ.ย. 2568" in legend[0]
    assert legend[-1] == t("chart_target", "th")


def test_english_and_thai_digits(draw):
    figure, _ = draw(radar_chart, main_sample(), ChartOptions(lang="en", digits=True))
    assert t("chart_radar_title", "en") in all_text(figure)
    assert "15 Nov 2025" in all_text(figure)
    figure, _ = draw(radar_chart, main_sample(), ChartOptions(digits=True))
    assert [text.get_text() for text in by_gid(figure, "radar-ring-label")] == ["๑", "๒", "๓", "๔", "๕"]


def test_chosen_rounds_only(draw):
    figure, _ = draw(radar_chart, main_sample(), ChartOptions(rounds=("r4", "r1")))
    assert list(outlines(figure)) == ["r1", "r4"]


def test_sample_looks_as_it_did(draw):
    _, png = draw(radar_chart, main_sample())
    assert png_size(png) == (1280, 720)
    matches_baseline(png, "radar_sample_projector_th")


def test_print_theme_looks_as_it_did(draw):
    _, png = draw(radar_chart, main_sample(), ChartOptions(theme="print", lang="en"))
    assert png_size(png) == (750, 500)
    matches_baseline(png, "radar_sample_print_en")


def crowded() -> Workbook:
    """12 × 8 with long external round names, the first round on another scale: four notes, a long legend."""
    workbook = EDGE_CASES["twelve_by_eight"]()
    for round_ in workbook.rounds:
        if round_.assessor == "external":
            round_.label = "ประเมินจากภายนอก (คณะกรรมการ มชช. อำเภอลานสกา) " + round_.label
    return first_round_on_three_levels(workbook)


CROWDED = {"main": main_sample, "crowded": crowded, **EDGE_CASES}


@pytest.mark.parametrize("case", ["main", "twelve_by_eight", "thirty_indicators", "all_ratings_skipped", "crowded"])
@pytest.mark.parametrize(("lang", "theme"), [("th", "projector"), ("en", "print")])
def test_no_text_over_text_and_the_legend_clear_of_the_radar(draw, case, lang, theme):
    workbook = CROWDED[case]()
    everything = tuple(r.round_id for r in workbook.rounds)
    figure, _ = draw(radar_chart, workbook, ChartOptions(lang=lang, theme=theme, rounds=everything))
    renderer = figure._get_renderer()
    words = [text for text in dict.fromkeys(figure.texts + radar_axes(figure).texts
                                            + [figure._suptitle, figure._supxlabel])
             if text is not None and text.get_text()]
    boxes = [(text.get_text()[:20], text.get_window_extent(renderer)) for text in words]
    rings = {n for n, text in enumerate(words) if text.get_gid() == "radar-ring-label"}
    for n, (name, box) in enumerate(boxes):
        for m, (other_name, other) in enumerate(boxes[n + 1:], start=n + 1):
            # digits on neighbouring rings: their boxes hold a Thai line's marks above and below, the digits not
            assert {n, m} <= rings or not box.overlaps(other), f"{name!r} overlaps {other_name!r}"
    handles = [line for line in figure.findobj(Line2D) if (line.get_gid() or "").startswith("radar-legend-")]
    assert len(handles) == len(outlines(figure)) + 1  # every round and the target
    for handle in handles:
        box = handle.get_window_extent(renderer)
        assert not [name for name, other in boxes if box.overlaps(other)], handle.get_gid()
    legend = [box for text, (_, box) in zip(words, boxes) if text.get_gid() == "radar-legend"]
    legend += [handle.get_window_extent(renderer) for handle in handles]
    rings = by_gid(figure, "radar-rings")[0].get_window_extent(renderer)
    assert all(box.x0 > rings.x1 for box in legend)


def test_titles_that_would_run_into_each_other_become_numbers_with_a_key(draw):
    workbook = crowded()
    everything = tuple(r.round_id for r in workbook.rounds)
    titles = [i.title for i in workbook.selected_indicators()]
    figure, _ = draw(radar_chart, main_sample(), ChartOptions(theme="print"))
    first = next(row["title"] for row in sample_rows("indicators.csv") if row["status"] == "selected")
    assert spoke_labels(figure)[0].replace("\n", "") == first  # the sample has room for its titles
    figure, png = draw(radar_chart, workbook, ChartOptions(theme="print", rounds=everything))
    assert spoke_labels(figure) == [str(n) for n in range(1, len(titles) + 1)]  # half an A4 page: too tight
    key = [text.get_text() for text in by_gid(figure, "radar-key")]
    assert [line.split("  ", 1)[1].rstrip("…") for line in key] == [
        title[:len(line.split("  ", 1)[1].rstrip("…"))] for title, line in zip(titles, key)]
    assert png_size(png)[1] > 500  # taller: the key sits under the radar


# --- missing levels and odd workbooks ----------------------------------------------------------


def test_a_missing_level_breaks_the_outline_instead_of_dropping_to_the_centre(draw):
    workbook = EDGE_CASES["all_ratings_skipped"]()
    figure, png = draw(radar_chart, workbook)
    for line in outlines(figure).values():
        radii = np.asarray(line.get_ydata(), dtype=float)
        assert np.isnan(radii[1])  # I02: not applicable in every round: no vertex
        assert np.nanmin(radii) >= 1
    (fill,) = by_gid(figure, "radar-fill")
    spoke = 2 * math.pi / 5
    for wedge in fill.get_paths():
        assert not any(np.isclose(x, spoke) for x, _ in wedge.vertices)  # no fill reaches the missing spoke
    assert "(ไม่ประเมิน)" in spoke_labels(figure)[1]
    assert t("chart_radar_gap", "th") in all_text(figure)
    matches_baseline(png, "radar_all_ratings_skipped_projector_th")


def test_a_round_missing_one_level_is_named_on_that_spoke(draw):
    workbook = scored_workbook(5, 3)
    workbook.scores = [s for s in workbook.scores if not (s.round_id == "r2" and s.indicator_id == "I03")]
    figure, _ = draw(radar_chart, workbook)
    assert np.isnan(np.asarray(outlines(figure)["r2"].get_ydata(), dtype=float)[2])
    assert "(รอบที่ 2: ยังไม่มี)" in spoke_labels(figure)[2]
    assert all(not np.isnan(np.asarray(line.get_ydata(), dtype=float)[2])
               for round_id, line in outlines(figure).items() if round_id != "r2")


def test_a_round_without_any_level_is_one_footnote_not_a_word_on_every_spoke(draw):
    workbook = scored_workbook(5, 2)
    workbook.rounds.append(Round(round_id="r3", label="รอบที่ 3", held_on=date(2026, 8, 1)))
    figure, _ = draw(radar_chart, workbook)
    assert np.isnan(np.asarray(outlines(figure)["r3"].get_ydata(), dtype=float)).all()
    assert not any("รอบที่ 3" in label for label in spoke_labels(figure))
    assert t("chart_radar_empty_rounds", "th", labels="รอบที่ 3") in all_text(figure)
    assert t("chart_radar_gap", "th") not in all_text(figure)  # the other rounds are complete


def test_more_than_six_rounds_keep_the_first_and_the_latest_and_say_so(draw):
    workbook = EDGE_CASES["twelve_by_eight"]()  # r1 r2 x1 r3 r4 x2 r5 r6, all scored
    figure, _ = draw(radar_chart, workbook)
    ordered = [r.round_id for r in workbook.rounds_in_order()]
    kept = [ordered[0], *ordered[-(MAX_OVERLAID_ROUNDS - 1):]]  # where the group started, and the latest
    assert list(outlines(figure)) == kept
    left_out = ", ".join(workbook.round(r).label for r in ordered if r not in kept)
    assert t("chart_radar_left_out", "th", count="6", labels=left_out) in all_text(figure)


def test_seven_rounds_leave_out_the_empty_one_not_the_first(draw):
    workbook = scored_workbook(5, 6)
    workbook.rounds.append(Round(round_id="r7", label="รอบที่ 7", held_on=date(2027, 6, 1)))  # just opened
    figure, _ = draw(radar_chart, workbook)
    assert list(outlines(figure)) == ["r1", "r2", "r3", "r4", "r5", "r6"]
    assert "ไม่ได้แสดง: รอบที่ 7" in all_text(figure)
    workbook.scores = [s for s in workbook.scores if s.round_id != "r3"]  # an empty round in the middle
    workbook.rounds.append(Round(round_id="r8", label="รอบที่ 8", held_on=date(2027, 9, 1)))
    workbook.scores += [s.__class__("r8", s.indicator_id, s.rater, s.score) for s in workbook.scores
                        if s.round_id == "r6"]
    figure, _ = draw(radar_chart, workbook)
    assert list(outlines(figure)) == ["r1", "r2", "r4", "r5", "r6", "r8"]


def test_an_indicator_rated_alone_but_not_agreed_says_so_on_its_spoke(draw):
    workbook = scored_workbook(5, 3)
    workbook.scores = [s for s in workbook.scores
                       if not (s.round_id == "r2" and s.indicator_id == "I03" and s.rater == "consensus")]
    figure, _ = draw(radar_chart, workbook)
    assert "(รอบที่ 2: ยังไม่ได้ตกลง)" in spoke_labels(figure)[2]


def test_a_round_rated_alone_but_not_agreed_points_to_the_median(draw):
    workbook = scored_workbook(5, 3)
    workbook.scores = [s for s in workbook.scores if not (s.round_id == "r3" and s.rater == "consensus")]
    figure, _ = draw(radar_chart, workbook)
    assert t("chart_radar_not_agreed_rounds", "th", labels="รอบที่ 3") in all_text(figure)
    assert t("chart_radar_empty_rounds", "th", labels="รอบที่ 3") not in all_text(figure)


def test_a_round_on_another_scale_is_hollow_and_noted(draw):
    workbook = EDGE_CASES["other_scale"]()
    figure, _ = draw(radar_chart, workbook)
    assert outlines(figure)["r1"].get_markerfacecolor() == "white"
    assert outlines(figure)["r2"].get_markerfacecolor() != "white"
    assert by_gid(figure, "radar-legend-r1")[0].get_markerfacecolor() == "white"
    assert by_gid(figure, "radar-legend-r2")[0].get_markerfacecolor() != "white"
    assert "ใช้ระดับ 1–3 (ตอนนี้ 1–5)" in all_text(figure)
    assert t("chart_radar_hollow", "th") in all_text(figure)


def test_thirty_indicators_number_the_spokes_and_list_them_in_a_key(draw):
    workbook = EDGE_CASES["thirty_indicators"]()
    figure, png = draw(radar_chart, workbook)
    assert spoke_labels(figure)[:3] == ["1", "2", "3"] and len(spoke_labels(figure)) == 30
    key = [text.get_text() for text in by_gid(figure, "radar-key")]
    assert len(key) == 30 and key[0] == "1  " + workbook.selected_indicators()[0].title
    width, height = png_size(png)
    assert width == 1280 and height > 720  # taller: the key sits under the radar


@pytest.mark.parametrize("count", [1, 2])
def test_fewer_than_three_indicators_say_a_radar_needs_three(draw, count):
    workbook = make_workbook(count, [("r1", date(2026, 1, 10), "self")],
                             [("r1", n, "consensus", 3) for n in range(1, count + 1)])
    figure, _ = draw(radar_chart, workbook)
    assert is_message(figure, "chart_radar_too_few", "th", minimum="3", count=str(count))
    assert not outlines_or_none(figure)


@pytest.mark.parametrize(("case", "key"), [
    ("no_rounds", "chart_no_rounds"),
    ("no_indicators", "chart_no_indicators"),
    ("rounds_without_scores", "chart_no_levels_consensus"),
])
@pytest.mark.parametrize("lang", LANGS)
def test_empty_states_say_why(draw, case, key, lang):
    figure, _ = draw(radar_chart, EDGE_CASES[case](), ChartOptions(lang=lang))
    assert is_message(figure, key, lang)
    assert not outlines_or_none(figure)


def outlines_or_none(figure: Figure) -> list:
    return [axes for axes in figure.axes if axes.get_gid() == "radar"]


def test_no_chosen_rounds_and_no_median_ratings(draw):
    figure, _ = draw(radar_chart, main_sample(), ChartOptions(rounds=()))
    assert is_message(figure, "chart_no_rounds_chosen", "th")
    workbook = scored_workbook(4, 2)
    workbook.scores = [s for s in workbook.scores if s.rater == "consensus"]
    figure, _ = draw(radar_chart, workbook, ChartOptions(value="median"))
    assert is_message(figure, "chart_no_levels_median", "th")


@pytest.mark.parametrize("case", list(EDGE_CASES))
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("theme", THEMES)
def test_every_edge_case_draws_honestly_in_thai_font(draw, case, lang, theme):
    workbook: Workbook = EDGE_CASES[case]()
    figure, png = draw(radar_chart, workbook, ChartOptions(lang=lang, theme=theme))
    assert fonts_used(figure) == {"Noto Sans Thai"}
    assert texts(figure)[0]  # a title at least
    width, height = png_size(png)
    assert width == (1280 if theme == "projector" else 750) and height >= (720 if theme == "projector" else 500)
    if outlines_or_none(figure):
        middle = centre(figure)
        for line in outlines(figure).values():  # never a vertex at the centre or 0
            reach = np.hypot(*(on_screen(line, line.get_xydata()) - middle).T)
            assert np.all(np.isnan(reach) | (reach > 10))
