"""The gap to target chart: which round, the level now against the target, the words, the order."""

# ruff: noqa: F401, F811  (`draw` is a fixture: imported for pytest, then every test's argument)

from __future__ import annotations

from datetime import date
from itertools import pairwise

import pandas as pd
import pytest
from chart_checks import (
    EDGE_CASES,
    assert_row_texts_clear,
    draw,
    drawn_boxes,
    fonts_used,
    main_sample,
    matches_baseline,
    png_size,
    texts,
    texts_named,
    twelve_by_eight,
)
from matplotlib.colors import to_hex
from matplotlib.lines import Line2D
from matplotlib.transforms import Bbox

from mchch_widgets import compare, scoring
from mchch_widgets.charts.common import ChartOptions, round_looks
from mchch_widgets.charts.gap import gap_chart, gap_round
from mchch_widgets.model import Round

THEMES = {"projector": 1280, "print": 750}  # width in pixels at 100 dpi


# --- reading the figure -------------------------------------------------------------------


def marks(figure, gid):
    """The artist named gid: a collection, or a line of markers (a Line2D without its line)."""
    found = [a for a in figure.axes[0].get_children() if a.get_gid() == gid]
    return found[0] if found else None


def points(figure, gid) -> list[tuple[float, float]]:
    """(x, y) of every marker of the artist named gid, top row first."""
    found = marks(figure, gid)
    if found is None:
        return []
    xy = found.get_xydata() if isinstance(found, Line2D) else found.get_offsets()
    return sorted(((float(x), float(y)) for x, y in xy), key=lambda p: -p[1])


def title_texts(figure) -> list:
    """The indicator titles' texts, top row first."""
    return sorted(texts_named(figure, "row-title"), key=lambda a: -a.get_position()[1])


def row_ys(figure) -> list[float]:
    return [float(a.get_position()[1]) for a in title_texts(figure)]


def row_titles(figure) -> list[str]:
    """The indicator titles top to bottom, as typed (wrapping removed)."""
    return [t.get_text().replace("\n", "").replace(" ", "") for t in title_texts(figure)]


def words_by_row(figure) -> list[str]:
    found = {round(a.get_position()[1], 6): a.get_text() for a in texts_named(figure, "row-words")}
    return [found[round(y, 6)] for y in row_ys(figure)]


def spoken(figure) -> str:
    return " ".join(texts(figure)).replace("\n", " ")


# --- what the chart should say, worked out here from the scoring table ---------------------


def expected_rows(workbook, round_id: str, column: str = "consensus") -> list[dict]:
    """Per indicator: title, level, target, the words at the end; in the chart's order."""
    table = scoring.indicator_stats(workbook)
    mine = table[table["round_id"] == round_id]
    rows = []
    for k, (indicator, row) in enumerate(zip(workbook.selected_indicators(), mine.itertuples())):
        level = None if pd.isna(getattr(row, column)) else float(getattr(row, column))
        target = None if indicator.target is None else float(indicator.target)
        gap = None if level is None or target is None else target - level
        if level is None and column == "consensus" and not row.decided and row.n_raters:
            words = "ยังไม่ได้ตกลงระดับ"  # rated alone, nothing agreed: the median would show it
        elif level is None:
            words = "ไม่ประเมิน" if (row.decided if column == "consensus" else row.n_skipped) else "ยังไม่มีคะแนน"
        elif target is None:
            words = "ยังไม่ตั้งเป้า"
        elif gap > 0:
            words = f"ขาด {gap:g} ระดับ"
        elif gap == 0:
            words = "ถึงเป้าแล้ว"
        else:
            words = f"เกินเป้า {-gap:g}"
        group = 1 if gap is None else (0 if gap > 0 else 2)
        rows.append({"title": indicator.title.replace(" ", ""), "level": level, "target": target, "gap": gap,
                     "words": words, "key": (group, -(gap or 0), k)})
    return sorted(rows, key=lambda r: r["key"])


# --- which round ----------------------------------------------------------------------------


def test_the_round_is_the_latest_the_summary_compares():
    workbook = main_sample()
    assert gap_round(workbook, ChartOptions()).round_id == "r4"  # the group's own latest, as the summary
    assert gap_round(workbook, ChartOptions(rounds=("x1",))).round_id == "x1"
    assert gap_round(workbook, ChartOptions(rounds=("r1", "r3"))).round_id == "r3"
    workbook.scores = [s for s in workbook.scores if s.round_id != "r4"]
    assert gap_round(workbook, ChartOptions(rounds=("r2", "r4"))).round_id == "r2"  # r4 has no level now


@pytest.mark.parametrize("value", ["consensus", "median"])
@pytest.mark.parametrize("rounds", [None, ("r1", "r4", "x1"), ("r2", "x1"), ("x1",), ("r3", "r4", "r5")])
def test_the_chart_and_the_summary_name_the_same_round(rounds, value):
    workbook = main_sample()
    workbook.rounds.append(Round(round_id="r5", label="รอบที่ ๕", held_on=date(2026, 11, 21)))  # not scored
    summary = compare.summarise(workbook, rounds, value)
    assert gap_round(workbook, ChartOptions(rounds=rounds, value=value)) == summary.after


def test_rounds_chosen_after_the_one_shown_are_named_with_why(draw):
    workbook = main_sample()
    workbook.rounds.append(Round(round_id="r5", label="รอบที่ ๕", held_on=date(2026, 11, 21)))  # not scored
    figure, _ = draw(gap_chart, workbook, ChartOptions(rounds=("r1", "r4", "x1", "r5")))
    text = spoken(figure)
    assert "ยังห่างเป้าหมายเท่าไร: รอบที่ ๔" in text
    assert "รอบที่ ๕: ยังไม่มีคะแนน (ฉันทามติ) จึงแสดง รอบที่ ๔ แทน" in text
    assert f"{workbook.round('x1').label}: ประเมินคนละแบบกับ รอบที่ ๔" in text


def test_an_indicator_rated_alone_but_not_agreed_says_so(draw):
    workbook = main_sample()
    workbook.scores = [s for s in workbook.scores
                       if not (s.round_id == "r4" and s.indicator_id == "G02" and s.rater == "consensus")]
    figure, _ = draw(gap_chart, workbook, ChartOptions(rounds=("r4",)))
    assert words_by_row(figure) == [r["words"] for r in expected_rows(workbook, "r4")]
    assert words_by_row(figure).count("ยังไม่ได้ตกลงระดับ") == 1
    assert "มัธยฐานรายคน" in spoken(figure)


def test_the_round_falls_back_to_the_latest_chosen_and_says_why(draw):
    workbook = EDGE_CASES["rounds_without_scores"]()
    assert gap_round(workbook, ChartOptions()).round_id == "r2"
    figure, _ = draw(gap_chart, workbook, ChartOptions())
    assert "ยังไม่มีคะแนนฉันทามติในรอบที่เลือก" in spoken(figure)
    assert "รอบที่ 2" in spoken(figure)
    assert marks(figure, "levels") is None


def test_median_levels_count_when_the_consensus_is_missing():
    workbook = main_sample()
    workbook.scores = [s for s in workbook.scores if not (s.round_id == "x1" and s.rater == "consensus")]
    assert gap_round(workbook, ChartOptions(rounds=("x1",))).round_id == "x1"  # nothing agreed: the chosen one
    assert gap_round(workbook, ChartOptions(rounds=("r4", "x1"))).round_id == "r4"
    assert gap_round(workbook, ChartOptions(rounds=("x1",), value="median")).round_id == "x1"


def test_no_round_chosen_or_none_at_all(draw):
    assert gap_round(main_sample(), ChartOptions(rounds=())) is None
    figure, _ = draw(gap_chart, main_sample(), ChartOptions(rounds=()))
    assert "ยังไม่ได้เลือกรอบ" in spoken(figure)
    figure, _ = draw(gap_chart, EDGE_CASES["no_rounds"](), ChartOptions(lang="en"))
    assert "No assessment rounds yet" in spoken(figure)


# --- the sample -----------------------------------------------------------------------------


@pytest.mark.parametrize("value", ["consensus", "median"])
def test_sample_levels_targets_words_and_order(draw, value):
    workbook = main_sample()
    figure, _ = draw(gap_chart, workbook, ChartOptions(rounds=("x1",), value=value))
    expected = expected_rows(workbook, "x1", value)
    ys = row_ys(figure)
    assert row_titles(figure) == [r["title"] for r in expected]
    assert words_by_row(figure) == [r["words"] for r in expected]
    assert points(figure, "levels") == [(r["level"], y) for r, y in zip(expected, ys)]
    assert points(figure, "targets") == [(r["target"], y) for r, y in zip(expected, ys)]
    gaps = [r["gap"] for r in expected]
    assert gaps == sorted(gaps, reverse=True)  # furthest first, reached at the bottom
    segments = marks(figure, "to-climb").get_segments()
    short = [(r, y) for r, y in zip(expected, ys) if r["gap"] > 0]
    assert sorted((s[0][0], s[1][0], s[0][1]) for s in segments) == sorted(
        (r["level"], r["target"], y) for r, y in short)
    reached = [y for r, y in zip(expected, ys) if r["gap"] <= 0]
    assert [y for _, y in points(figure, "symbol-reached")] == reached


def test_sample_median_halves_are_shown_as_halves(draw):
    figure, _ = draw(gap_chart, main_sample(), ChartOptions(rounds=("x1",), value="median"))
    assert "ขาด 1.5 ระดับ" in words_by_row(figure) and "ขาด 0.5 ระดับ" in words_by_row(figure)
    assert 2.5 in [x for x, _ in points(figure, "levels")]


def test_sample_round_keeps_its_colour_and_marker(draw):
    workbook = main_sample()
    figure, _ = draw(gap_chart, workbook, ChartOptions(rounds=("r1", "r4")))
    looks = round_looks(workbook)
    dots = marks(figure, "levels")
    assert to_hex(dots.get_markerfacecolor()) == looks["r4"].colour.lower() and dots.get_marker() == "o"
    assert figure.axes[0].get_legend().get_texts()[0].get_text().startswith("รอบที่ ๔")
    assert "ยังห่างเป้าหมายเท่าไร: รอบที่ ๔" in spoken(figure)


def test_missing_level_or_target_is_said_and_never_drawn_as_zero(draw):
    workbook = main_sample()
    workbook.scores = [s for s in workbook.scores if not (s.round_id == "r4" and s.indicator_id == "G03")]
    for score in workbook.scores:
        if (score.round_id, score.indicator_id, score.rater) == ("r4", "G05", "consensus"):
            score.score = None
    workbook.indicator("G07").target = None
    figure, _ = draw(gap_chart, workbook, ChartOptions(rounds=("r4",)))
    expected = expected_rows(workbook, "r4")
    assert words_by_row(figure) == [r["words"] for r in expected]
    words = words_by_row(figure)
    assert {"ยังไม่มีคะแนน", "ไม่ประเมิน", "ยังไม่ตั้งเป้า"} <= set(words)
    # rows without a gap sit between those still climbing and those reached
    groups = [r["key"][0] for r in expected]
    assert groups == sorted(groups) and 1 in groups
    assert len(points(figure, "levels")) == 8 and min(x for x, _ in points(figure, "levels")) >= 1
    assert len(points(figure, "targets")) == 9


def test_a_round_on_another_scale_claims_nothing(draw):
    workbook = EDGE_CASES["other_scale"]()
    figure, _ = draw(gap_chart, workbook, ChartOptions(rounds=("r1",)))
    words = words_by_row(figure)
    targets = [i.target for i in workbook.selected_indicators()]
    assert words == [f"เป้า {t} · เทียบตรง ๆ ไม่ได้" for t in targets]  # workbook order
    text = spoken(figure)
    assert "ถึงเป้าแล้ว" not in text and "ขาด" not in text
    assert "ใช้ระดับ 1–3 (ตอนนี้ 1–5)" in text and "เรียงตามลำดับตัวชี้วัด" in text
    assert marks(figure, "targets") is None and marks(figure, "symbol-reached") is None
    assert len(points(figure, "levels")) == 5


def test_thai_digits_and_english(draw):
    figure, _ = draw(gap_chart, main_sample(), ChartOptions(digits=True))
    assert "ขาด ๒ ระดับ" in words_by_row(figure)
    figure, _ = draw(gap_chart, main_sample(), ChartOptions(lang="en"))
    assert "2 to go" in words_by_row(figure) and "target reached" in words_by_row(figure)
    assert "furthest from the target first" in spoken(figure)


# --- every edge case ------------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("theme", list(THEMES))
@pytest.mark.parametrize("case", list(EDGE_CASES))
def test_every_edge_case_draws_something_honest(draw, case, theme, lang):
    workbook = EDGE_CASES[case]()
    figure, png = draw(gap_chart, workbook, ChartOptions(lang=lang, theme=theme))
    assert png_size(png)[0] == THEMES[theme]
    assert fonts_used(figure) == {"Noto Sans Thai"}
    text = spoken(figure)
    if not workbook.selected_indicators():
        assert ("ยังไม่ได้เลือกตัวชี้วัด" if lang == "th" else "No indicators selected yet") in text
    elif not workbook.rounds:
        assert ("ยังไม่มีรอบประเมิน" if lang == "th" else "No assessment rounds yet") in text
    elif not workbook.scores:
        assert ("ยังไม่มีคะแนนฉันทามติ" if lang == "th" else "No consensus scores") in text
    else:
        round_ = gap_round(workbook, ChartOptions())
        expected = expected_rows(workbook, round_.round_id)
        assert len(row_ys(figure)) == len(expected)
        if lang == "th":
            assert words_by_row(figure) == [r["words"] for r in expected]
        assert min(x for x, _ in points(figure, "levels")) >= 1


def test_all_ratings_skipped_row_says_not_applicable(draw):
    figure, _ = draw(gap_chart, EDGE_CASES["all_ratings_skipped"](), ChartOptions())
    words = words_by_row(figure)
    assert words.count("ไม่ประเมิน") == 1
    assert len(points(figure, "levels")) == 4


def test_thirty_indicators_make_a_taller_figure(draw):
    figure, png = draw(gap_chart, EDGE_CASES["thirty_indicators"](), ChartOptions())
    assert png_size(png)[1] > 720 * 1.5
    labels = title_texts(figure)
    assert len(labels) == 30 and min(t.get_fontsize() for t in labels) >= 12


# --- laid out by hand ---------------------------------------------------------------------


@pytest.mark.parametrize("theme, lang", [("projector", "th"), ("print", "en")])
@pytest.mark.parametrize("make", [main_sample, twelve_by_eight, EDGE_CASES["thirty_indicators"]])
def test_no_text_over_text(draw, make, theme, lang):
    figure, _ = draw(gap_chart, make(), ChartOptions(theme=theme, lang=lang))
    assert_row_texts_clear(figure)


def test_titles_and_words_sit_level_with_their_rows_dots(draw):
    figure, png = draw(gap_chart, main_sample(), ChartOptions())
    assert png_size(png) == (1280, 720)  # ten one-line rows: one projector screen
    to_pixels = figure.axes[0].transData.transform
    dots = [to_pixels(point)[1] for point in points(figure, "levels")]  # top row first
    for gid in ("row-title", "row-words"):
        centres = [(box.y0 + box.y1) / 2 for box in drawn_boxes(figure, gid)]
        assert centres == pytest.approx(dots, abs=1.5)


# --- images -------------------------------------------------------------------------------


@pytest.mark.parametrize("name, make, options", [
    ("gap_sample_projector_th", main_sample, ChartOptions()),
    ("gap_sample_print_en_median", main_sample, ChartOptions(theme="print", lang="en", value="median")),
    ("gap_all_ratings_skipped", EDGE_CASES["all_ratings_skipped"], ChartOptions()),
    ("gap_other_scale_first_round", EDGE_CASES["other_scale"], ChartOptions(rounds=("r1",))),
])
def test_looks_like_the_baseline(draw, name, make, options):
    _, png = draw(gap_chart, make(), options)
    matches_baseline(png, name)
