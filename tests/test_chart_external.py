"""The self vs external chart (dumbbell): which two rounds, where the dots sit, the words at each row's end."""

# ruff: noqa: F401, F811  (`draw` is a fixture: imported for pytest, then every test's argument)

from __future__ import annotations

import csv
import io
from datetime import date
from itertools import pairwise

import pandas as pd
import pytest
from chart_checks import (
    EDGE_CASES,
    all_text,
    assert_row_texts_clear,
    draw,
    drawn_boxes,
    fonts_used,
    main_sample,
    make_workbook,
    matches_baseline,
    png_size,
    texts,
    texts_named,
    twelve_by_eight,
)
from matplotlib.colors import to_hex
from matplotlib.lines import Line2D
from matplotlib.text import Text
from matplotlib.transforms import Bbox

from mchch_widgets import samples, scoring
from mchch_widgets.assessment import SCALE_MAX, SCALE_MIN
from mchch_widgets.charts.common import ChartOptions, round_looks
from mchch_widgets.charts.external import external_chart, external_pair
from mchch_widgets.model import Round, Workbook

THEMES = {"projector": 1280, "print": 750}  # width in pixels at 100 dpi
NO_EXTERNAL = {"th": "ยังไม่มีการประเมินจากภายนอก", "en": "No external assessment yet"}
HOW_TO_GET_ONE = {"th": "ขั้นที่ ๕", "en": "step 5"}
MINUS = "\u2212"


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


def row_ys(figure) -> list[float]:
    """Where the indicator titles sit, top row first."""
    return sorted((float(a.get_position()[1]) for a in texts_named(figure, "row-title")), reverse=True)


def row_words(figure) -> dict[float, Text]:
    return {round(a.get_position()[1], 6): a for a in texts_named(figure, "row-words")}


def words_by_row(figure) -> list[str]:
    found = row_words(figure)
    return [found[round(y, 6)].get_text() for y in row_ys(figure)]


def expected_words(self_level: float | None, external_level: float | None) -> str:
    """Written here from the rule, not from the package's text table."""
    difference = external_level - self_level
    if difference == 0:
        return "ตรงกัน"
    shown = f"{abs(difference):g}"
    return f"ภายนอก +{shown}" if difference > 0 else f"ภายนอก {MINUS}{shown}"


def stats_levels(workbook, round_id: str, column: str = "consensus") -> dict[str, float | None]:
    """indicator -> the round's level in scoring.indicator_stats (None when empty)."""
    table = scoring.indicator_stats(workbook)
    mine = table[table["round_id"] == round_id]
    return {i: (None if pd.isna(v) else float(v)) for i, v in zip(mine["indicator_id"], mine[column])}


def squeezed(text: str) -> str:
    """Without spaces: a wrapped subtitle may lose the space it broke at."""
    return "".join(text.split())


def spoken(figure) -> str:
    """All the figure's words, line breaks read as spaces (a message is wrapped at spaces)."""
    return " ".join(texts(figure)).replace("\n", " ")


# --- which two rounds ------------------------------------------------------------------------


def test_the_pair_by_default_is_the_one_scoring_picks():
    for make in (main_sample, twelve_by_eight, EDGE_CASES["all_ratings_skipped"]):
        workbook = make()
        own, outside = external_pair(workbook, ChartOptions())
        assert (outside.round_id, own.round_id) == scoring.comparison_rounds(workbook)


def test_the_pair_follows_the_chosen_rounds():
    workbook = twelve_by_eight()  # r1 r2 x1 r3 r4 x2 r5 r6

    def pair(*rounds):
        own, outside = external_pair(workbook, ChartOptions(rounds=rounds))
        return (own.round_id if own else None), (outside.round_id if outside else None)

    # the latest chosen external, and the group's round just before the visit, chosen or not
    assert pair("r1", "x1", "r3") == ("r2", "x1")
    assert pair("r2", "r3", "x2") == ("r4", "x2")
    assert pair("r2") == ("r4", "x2")  # no external chosen: the workbook's latest
    assert pair("r6") == ("r4", "x2")
    assert pair("x1", "r6") == ("r2", "x1")
    assert pair() == ("r4", "x2")


def with_round_5() -> Workbook:
    """The main sample and a fifth self round held after the outsiders' visit, not scored yet."""
    workbook = main_sample()
    workbook.rounds.append(Round(round_id="r5", label="รอบที่ ๕", held_on=date(2026, 11, 21)))
    return workbook


def test_the_outsiders_are_compared_with_the_round_before_their_visit_even_when_it_is_not_chosen(draw):
    workbook = with_round_5()
    options = ChartOptions(rounds=("r1", "r5", "x1"))
    figure, _ = draw(external_chart, workbook, options)

    own, outside = external_pair(workbook, options)
    assert (own.round_id, outside.round_id) == ("r4", "x1")  # not r1: most rows would read "outside +1"
    assert squeezed("เทียบกับ รอบที่ ๔ ที่ประเมินตนเองก่อนการประเมินภายนอก") in squeezed(all_text(figure))
    ids = [i.indicator_id for i in workbook.selected_indicators()]
    before, visit = stats_levels(workbook, "r4"), stats_levels(workbook, "x1")
    assert words_by_row(figure) == [expected_words(before[i], visit[i]) for i in ids]
    assert [x for x, _ in points(figure, "self-levels")] == [before[i] for i in ids]


def test_a_self_round_without_levels_before_the_visit_is_passed_over():
    workbook = main_sample()
    workbook.scores = [s for s in workbook.scores if s.round_id != "r4"]  # r4 left empty
    own, outside = external_pair(workbook, ChartOptions(rounds=("r1", "x1")))
    assert (own.round_id, outside.round_id) == ("r3", "x1")
    median_only = main_sample()
    median_only.scores = [s for s in median_only.scores if not (s.round_id == "r4" and s.rater == "consensus")]
    assert external_pair(median_only, ChartOptions(rounds=("x1",)))[0].round_id == "r3"
    assert external_pair(median_only, ChartOptions(rounds=("x1",), value="median"))[0].round_id == "r4"


def test_the_self_round_the_group_has_not_agreed_yet_says_so(draw):
    workbook = main_sample()
    workbook.scores = [s for s in workbook.scores
                       if not (s.round_id == "r4" and s.indicator_id == "G02" and s.rater == "consensus")]
    figure, _ = draw(external_chart, workbook, ChartOptions())
    assert words_by_row(figure)[1] == "ตนเอง: ยังไม่ได้ตกลงระดับ"
    figure, _ = draw(external_chart, workbook, ChartOptions(value="median"))
    assert "ยังไม่ได้ตกลง" not in all_text(figure)  # the median is shown: nothing is waiting


def test_an_external_visit_before_any_self_round_says_the_self_round_came_after(draw):
    workbook = make_workbook(3, [("x1", date(2026, 1, 5), "external"), ("r1", date(2026, 3, 1), "self")],
                             [("x1", 1, "consensus", 3), ("r1", 1, "consensus", 2)])
    figure, _ = draw(external_chart, workbook, ChartOptions())
    assert "ที่ประเมินตนเองหลังการประเมินภายนอก" in squeezed(all_text(figure))


def test_no_external_round_means_no_pair():
    assert external_pair(EDGE_CASES["one_round"](), ChartOptions()) == (None, None)
    assert external_pair(EDGE_CASES["no_rounds"](), ChartOptions()) == (None, None)


# --- the sample, checked against the scoring tables ---------------------------------------


def test_sample_dots_sit_on_the_levels_of_both_rounds(draw):
    workbook = main_sample()
    figure, _ = draw(external_chart, workbook, ChartOptions())
    ids = [i.indicator_id for i in workbook.selected_indicators()]
    own, outside = stats_levels(workbook, "r4"), stats_levels(workbook, "x1")
    ys = row_ys(figure)
    assert len(ys) == len(ids) == 10
    assert points(figure, "self-levels") == [(own[i], y) for i, y in zip(ids, ys)]
    assert points(figure, "external-levels") == [(outside[i], y) for i, y in zip(ids, ys)]
    targets = {i.indicator_id: float(i.target) for i in workbook.selected_indicators()}
    assert points(figure, "targets") == [(targets[i], y) for i, y in zip(ids, ys)]
    assert words_by_row(figure) == [expected_words(own[i], outside[i]) for i in ids]


def test_sample_rows_a_level_apart_stand_out_and_carry_a_mark(draw):
    workbook = main_sample()
    figure, _ = draw(external_chart, workbook, ChartOptions())
    own, outside = stats_levels(workbook, "r4"), stats_levels(workbook, "x1")
    ids = [i.indicator_id for i in workbook.selected_indicators()]
    differs = [abs(outside[i] - own[i]) >= 1 for i in ids]
    found = row_words(figure)
    framed = [found[round(y, 6)].get_bbox_patch() is not None for y in row_ys(figure)]
    assert framed == differs and any(differs) and not all(differs)
    lower = [y for i, y in zip(ids, row_ys(figure)) if outside[i] < own[i]]
    higher = [y for i, y in zip(ids, row_ys(figure)) if outside[i] > own[i]]
    assert [y for _, y in points(figure, "symbol-lower")] == lower
    assert [y for _, y in points(figure, "symbol-higher")] == higher
    band = marks(figure, "differs-band")
    centres = sorted((float(path.get_extents().intervaly.mean()) for path in band.get_paths()), reverse=True)
    assert centres == pytest.approx([y for d, y in zip(differs, row_ys(figure)) if d])


def test_sample_rounds_keep_their_colours(draw):
    workbook = main_sample()
    figure, _ = draw(external_chart, workbook, ChartOptions())
    looks = round_looks(workbook)
    for gid, round_id in (("self-levels", "r4"), ("external-levels", "x1")):
        dots = marks(figure, gid)
        assert to_hex(dots.get_markerfacecolor()) == looks[round_id].colour.lower()
        assert dots.get_marker() == looks[round_id].marker
    legend = [t.get_text() for t in figure.axes[0].get_legend().get_texts()]
    assert legend[0].startswith("รอบที่ ๔") and legend[1].startswith("ประเมินจากภายนอก")


def test_sample_median_keeps_halves(draw):
    """x1's median of G05 is 2.5 (four raters: 2, 2, 3, 3): drawn at 2.5, written as such."""
    workbook = main_sample()
    figure, _ = draw(external_chart, workbook, ChartOptions(value="median"))
    ids = [i.indicator_id for i in workbook.selected_indicators()]
    own, outside = stats_levels(workbook, "r4", "median"), stats_levels(workbook, "x1", "median")
    assert outside["G05"] == 2.5
    assert [x for x, _ in points(figure, "external-levels")] == [outside[i] for i in ids]
    assert words_by_row(figure) == [expected_words(own[i], outside[i]) for i in ids]
    assert f"ภายนอก {MINUS}1.5" in words_by_row(figure)
    assert "มัธยฐาน" in all_text(figure)


def test_the_median_is_not_mixed_with_the_consensus(draw):
    """value='consensus' uses only consensus levels even where a median exists (no 'else median')."""
    workbook = main_sample()
    workbook.scores = [s for s in workbook.scores if not (s.round_id == "x1" and s.indicator_id == "G01"
                                                          and s.rater == "consensus")]
    figure, _ = draw(external_chart, workbook, ChartOptions())
    assert [x for x, y in points(figure, "external-levels")].count(4.0) == 0  # G01's median 4 is not drawn
    assert words_by_row(figure)[0] == "ภายนอก: ยังไม่ได้ตกลงระดับ"  # they rated alone: not "no score"
    assert "ดูได้เมื่อเลือก “มัธยฐานรายคน”" in all_text(figure)
    assert len(points(figure, "external-levels")) == 9 and len(points(figure, "self-levels")) == 10


def test_missing_sides_are_said_not_drawn_as_zero(draw):
    workbook = main_sample()
    drop = {("x1", "G02"), ("x1", "G03"), ("r4", "G03")}
    workbook.scores = [s for s in workbook.scores if (s.round_id, s.indicator_id) not in drop]
    for score in workbook.scores:
        if (score.round_id, score.indicator_id) == ("r4", "G05") and score.rater == "consensus":
            score.score = None  # the group agreed "not applicable"
        if score.indicator_id == "G06" and score.rater == "consensus":
            score.score = None
    figure, _ = draw(external_chart, workbook, ChartOptions())
    words = words_by_row(figure)
    assert words[1] == "ไม่มีคะแนนภายนอก"
    assert words[2] == "ยังไม่มีคะแนนทั้งสองฝ่าย"
    assert words[4] == "ตนเอง: ไม่ประเมิน"
    assert words[5] == "ไม่ประเมินทั้งสองฝ่าย"
    ys = row_ys(figure)
    assert ys[2] not in [y for _, y in points(figure, "self-levels") + points(figure, "external-levels")]
    assert ys[1] in [y for _, y in points(figure, "self-levels")]
    assert ys[1] not in [y for _, y in points(figure, "external-levels")]
    xs = [x for x, _ in points(figure, "self-levels") + points(figure, "external-levels")]
    assert min(xs) >= 1


def test_rounds_on_other_scales_are_not_subtracted(draw):
    workbook = twelve_by_eight()
    workbook.round("x2").extra.update({SCALE_MIN: "1", SCALE_MAX: "3"})
    for score in workbook.scores:
        if score.round_id == "x2" and score.score is not None:
            score.score = min(score.score, 3)
    figure, _ = draw(external_chart, workbook, ChartOptions())
    words = words_by_row(figure)
    assert set(words) == {"คนละช่วงระดับ เทียบไม่ได้"}
    assert "ใช้ระดับ 1–3 (ตอนนี้ 1–5)" in all_text(figure)
    assert marks(figure, "targets") is None  # targets are on 1..5: not beside 1..3 levels
    assert not [a for a in row_words(figure).values() if a.get_bbox_patch() is not None]


def test_only_an_external_round_says_there_is_no_self_round(draw):
    workbook = make_workbook(3, [("x1", date(2026, 3, 1), "external")], [("x1", 1, "consensus", 3)])
    figure, _ = draw(external_chart, workbook, ChartOptions())
    assert "ยังไม่มีรอบประเมินตนเองให้เทียบกับ" in spoken(figure)
    assert marks(figure, "self-levels") is None


def test_no_scores_in_either_round_says_so(draw):
    workbook = make_workbook(3, [("r1", date(2026, 1, 1), "self"), ("x1", date(2026, 3, 1), "external")])
    figure, _ = draw(external_chart, workbook, ChartOptions(lang="en"))
    assert "No scores (consensus)" in spoken(figure) and "“รอบ x1”" in spoken(figure)
    assert marks(figure, "self-levels") is None


def test_thai_digits_when_asked(draw):
    figure, _ = draw(external_chart, main_sample(), ChartOptions(digits=True))
    assert f"ภายนอก {MINUS}๑" in words_by_row(figure)
    assert [t.get_text() for t in texts_named(figure, "level-number")] == ["๑", "๒", "๓", "๔", "๕"]


def test_english(draw):
    figure, _ = draw(external_chart, main_sample(), ChartOptions(lang="en"))
    text = all_text(figure)
    assert "Self-assessment vs external assessment" in text
    assert f"external {MINUS}1" in words_by_row(figure) and "same" in words_by_row(figure)


# --- every edge case, both languages and themes -----------------------------------------


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("theme", list(THEMES))
@pytest.mark.parametrize("case", list(EDGE_CASES))
def test_every_edge_case_draws_something_honest(draw, case, theme, lang):
    workbook = EDGE_CASES[case]()
    figure, png = draw(external_chart, workbook, ChartOptions(lang=lang, theme=theme))
    assert png_size(png)[0] == THEMES[theme]
    assert fonts_used(figure) == {"Noto Sans Thai"}
    text = spoken(figure)
    externals = [r for r in workbook.rounds if r.assessor == "external"]
    if not workbook.selected_indicators():
        assert ("ยังไม่ได้เลือกตัวชี้วัด" if lang == "th" else "No indicators selected yet") in text
    elif not externals:
        assert NO_EXTERNAL[lang] in text and HOW_TO_GET_ONE[lang] in text
        assert marks(figure, "self-levels") is None
    else:
        assert len(row_ys(figure)) == len(workbook.selected_indicators())
        xs = [x for x, _ in points(figure, "self-levels") + points(figure, "external-levels")]
        assert xs and min(xs) >= 1  # never a 0 for a missing level


def test_all_ratings_skipped_says_not_applicable_on_its_row(draw):
    figure, _ = draw(external_chart, EDGE_CASES["all_ratings_skipped"](), ChartOptions())
    assert words_by_row(figure)[1] == "ไม่ประเมินทั้งสองฝ่าย"
    assert row_ys(figure)[1] not in [y for _, y in points(figure, "self-levels")]


def test_thirty_indicators_make_a_taller_figure_with_whole_titles(draw):
    workbook = EDGE_CASES["thirty_indicators"]()
    figure, png = draw(external_chart, workbook, ChartOptions())
    assert png_size(png)[1] > 720 * 1.5
    labels = [t.get_text() for t in texts_named(figure, "row-title")]
    assert len(labels) == 30 and not [label for label in labels if "…" in label]
    assert min(t.get_fontsize() for t in texts_named(figure, "row-title")) >= 12


def test_sample_csv_agrees_with_the_dots(draw):
    """The external consensus of the sample, read straight from scores.csv."""
    data = (samples.sample_path(samples.MAIN_SAMPLE) / "scores.csv").read_bytes().decode("utf-8-sig")
    latest: dict[str, tuple[str, int]] = {}
    for row in csv.DictReader(io.StringIO(data, newline="")):
        wanted = row["round_id"] == "x1" and row["rater"] == "consensus" and row["score"].strip()
        if wanted and (row["indicator_id"] not in latest or row["recorded_at"] >= latest[row["indicator_id"]][0]):
            latest[row["indicator_id"]] = (row["recorded_at"], int(row["score"]))
    workbook = main_sample()
    figure, _ = draw(external_chart, workbook, ChartOptions())
    ids = [i.indicator_id for i in workbook.selected_indicators()]
    assert [x for x, _ in points(figure, "external-levels")] == [latest[i][1] for i in ids]


# --- laid out by hand ---------------------------------------------------------------------


@pytest.mark.parametrize("theme, lang", [("projector", "th"), ("print", "en")])
@pytest.mark.parametrize("make", [main_sample, twelve_by_eight, EDGE_CASES["thirty_indicators"],
                                  EDGE_CASES["all_ratings_skipped"]])
def test_no_text_over_text(draw, make, theme, lang):
    """Row titles left of the plot, words right of it, the level numbers under it, the legend above:
    none over another, nor over a neighbouring row's."""
    figure, _ = draw(external_chart, make(), ChartOptions(theme=theme, lang=lang))
    assert_row_texts_clear(figure)


def test_titles_and_words_sit_level_with_their_rows_dots(draw):
    figure, _ = draw(external_chart, main_sample(), ChartOptions())
    to_pixels = figure.axes[0].transData.transform
    dots = [to_pixels(point)[1] for point in points(figure, "self-levels")]  # top row first
    for gid in ("row-title", "row-words"):
        centres = [(box.y0 + box.y1) / 2 for box in drawn_boxes(figure, gid)]
        assert centres == pytest.approx(dots, abs=1.5)


@pytest.mark.parametrize("theme, pixels", [("projector", (1280, 720)), ("print", (750, 500))])
def test_a_sample_of_ten_one_line_titles_fits_the_usual_size(draw, theme, pixels):
    """The rows close up a little rather than the chart growing past one projector screen."""
    workbook = main_sample()
    assert len(workbook.selected_indicators()) == 10
    lang = "th" if theme == "projector" else "en"
    _, png = draw(external_chart, workbook, ChartOptions(theme=theme, lang=lang, rounds=("r4", "x1")))
    width, height = png_size(png)
    assert width == pixels[0] and (height == pixels[1] or theme == "print")  # a two-line title in print


# --- images -------------------------------------------------------------------------------


@pytest.mark.parametrize("name, make, options", [
    ("external_sample_projector_th", main_sample, ChartOptions()),
    ("external_sample_print_en", main_sample, ChartOptions(theme="print", lang="en")),
    ("external_all_ratings_skipped", EDGE_CASES["all_ratings_skipped"], ChartOptions()),
    ("external_none_yet", EDGE_CASES["one_round"], ChartOptions()),
])
def test_looks_like_the_baseline(draw, name, make, options):
    _, png = draw(external_chart, make(), options)
    matches_baseline(png, name)
