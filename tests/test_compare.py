"""The compare screen's summary: what improved, slipped or stayed, and what is furthest from target."""

from __future__ import annotations

import unicodedata
from datetime import date, datetime, timedelta

import pytest
from chart_checks import (
    all_ratings_skipped,
    latest_ratings,
    main_sample,
    make_workbook,
    other_scale,
    rounds_without_scores,
)
from test_charts import expected_consensus

from mchch_widgets import compare, samples
from mchch_widgets.assessment import SCALE_MAX, SCALE_MIN
from mchch_widgets.model import Round, Score

JAN, APR, JUL, SEP = date(2026, 1, 10), date(2026, 4, 10), date(2026, 7, 10), date(2026, 9, 10)


def three_rounds():
    """I01 rises 2→4, I02 falls 4→3, I03 stays 3, I04 has no level in r3; targets are 4."""
    scores = [("r1", 1, "consensus", 2), ("r1", 2, "consensus", 4), ("r1", 3, "consensus", 3),
              ("r1", 4, "consensus", 2), ("r2", 1, "consensus", 3),
              ("r3", 1, "consensus", 4), ("r3", 2, "consensus", 3), ("r3", 3, "consensus", 3),
              ("x1", 1, "consensus", 1)]
    scores += [("r1", 2, f"P0{p}", level) for p, level in enumerate((1, 2, 2), start=1)]
    scores += [("r3", 2, f"P0{p}", level) for p, level in enumerate((4, 5, 5), start=1)]
    return make_workbook(4, rounds=[("r1", JAN, "self"), ("r2", APR, "self"), ("r3", JUL, "self"),
                                    ("x1", SEP, "external")], scores=scores)


def ids(changes) -> list[str]:
    return [c.indicator.indicator_id for c in changes]


def test_the_latest_and_earliest_chosen_rounds_of_the_group_are_compared():
    summary = compare.summarise(three_rounds(), ("r1", "r2", "r3", "x1"))

    # x1 is the latest, but it is another kind: the group's own first and latest are compared
    assert (summary.before.round_id, summary.after.round_id) == ("r1", "r3")
    assert ids(summary.improved) == ["I01"] and summary.improved[0].change == 2
    assert ids(summary.slipped) == ["I02"] and summary.slipped[0].change == -1
    assert ids(summary.stayed) == ["I03"]
    assert ids(summary.not_compared) == ["I04"]
    assert ids(summary.biggest_gains) == ["I01"]


def test_furthest_from_target_and_reached_count_use_the_latest_round():
    summary = compare.summarise(three_rounds(), ("r1", "r3"))

    # r3: I01 4 (reached 4), I02 3 (1 to go), I03 3 (1 to go), I04 none
    assert summary.reached == 1 and summary.with_target == 3 and summary.not_scored == 1
    assert [(g.indicator.indicator_id, g.gap) for g in summary.furthest] == [("I02", 1), ("I03", 1)]


def test_the_median_of_individuals_can_be_compared_instead():
    summary = compare.summarise(three_rounds(), ("r1", "r3"), value="median")

    # I02: median 2 in r1, 5 in r3; nothing else has individual ratings
    assert ids(summary.improved) == ["I02"] and summary.improved[0].change == 3
    assert ids(summary.not_compared) == ["I01", "I03", "I04"]


def test_one_round_says_to_choose_another():
    summary = compare.summarise(three_rounds(), ("r2",))
    lines = compare.summary_lines(summary, "th")

    assert summary.before is None and summary.after.round_id == "r2"
    assert lines[0].text == "รอบ r2 (ฉันทามติ)"
    assert "เลือกอีกรอบหนึ่ง" in lines[1].text
    assert not summary.improved and not summary.slipped


def test_no_rounds_chosen_says_so_in_both_languages():
    assert compare.summary_lines(compare.summarise(three_rounds(), ()), "th")[0].text.startswith("ยังไม่ได้เลือกรอบ")
    assert compare.summary_lines(compare.summarise(three_rounds(), ()), "en")[0].text.startswith("No rounds chosen")


def test_words_for_a_facilitator_with_signs_not_colour_alone():
    lines = compare.summary_lines(compare.summarise(three_rounds(), ("r1", "r3")), "th")
    by_kind = {line.kind: line for line in lines}

    assert by_kind["heading"].text == "จาก รอบ r1 ถึง รอบ r3 (ฉันทามติ)"
    assert by_kind["gains"].text == "ขยับขึ้นมากที่สุด (▲ +2)"
    assert by_kind["improved"].text == "▲ ดีขึ้น 1 ข้อ"
    assert by_kind["improved"].items == ("ตัวชี้วัดที่ 1 การมีส่วนร่วมของสมาชิก ▲ +2",)
    assert by_kind["slipped"].items == ("ตัวชี้วัดที่ 2 การมีส่วนร่วมของสมาชิก ▼ −1",)
    assert by_kind["stayed"].text == "= เท่าเดิม 1 ข้อ"
    assert by_kind["furthest"].items[0] == "ตัวชี้วัดที่ 2 การมีส่วนร่วมของสมาชิก (ขาด 1 ระดับ)"
    assert by_kind["reached"].text == "ถึงเป้าหมายแล้ว 1 จาก 3 ข้อ ตามผล รอบ r3"


def test_thai_digits_when_asked():
    lines = compare.summary_lines(compare.summarise(three_rounds(), ("r1", "r3")), "th", digits=True)

    assert {line.kind: line.text for line in lines}["reached"] == "ถึงเป้าหมายแล้ว ๑ จาก ๓ ข้อ ตามผล รอบ r3"


def test_the_sample_first_to_latest_matches_scores_csv():
    workbook = main_sample()
    consensus = expected_consensus(samples.MAIN_SAMPLE)

    summary = compare.summarise(workbook, ("r1", "r4"))

    selected = [i.indicator_id for i in workbook.selected_indicators()]
    rises = {i: consensus[("r4", i)] - consensus[("r1", i)] for i in selected}
    assert sorted(ids(summary.improved)) == sorted(i for i, d in rises.items() if d > 0)
    assert sorted(ids(summary.slipped)) == sorted(i for i, d in rises.items() if d < 0)
    assert sorted(ids(summary.stayed)) == sorted(i for i, d in rises.items() if d == 0)
    assert {c.indicator.indicator_id: c.change for c in summary.improved} == {i: d for i, d in rises.items() if d > 0}
    best = max(rises.values())
    assert ids(summary.biggest_gains) == [i for i in selected if rises[i] == best]
    targets = {i.indicator_id: i.target for i in workbook.selected_indicators()}
    gaps = {i: targets[i] - consensus[("r4", i)] for i in selected}
    assert summary.reached == sum(1 for g in gaps.values() if g <= 0)
    short = sorted((g for g in gaps.values() if g > 0), reverse=True)
    assert [g.gap for g in summary.furthest] == [g for g in short if g >= short[:3][-1]]  # ties at the cut too


def test_rounds_on_different_scales_are_not_called_better_or_worse():
    workbook = other_scale()

    summary = compare.summarise(workbook, ("r1", "r3"))
    lines = compare.summary_lines(summary, "th")

    assert not summary.comparable
    assert not summary.improved and not summary.slipped and not summary.stayed
    assert any("ใช้ระดับคะแนนต่างกัน" in line.text for line in lines)


def test_a_latest_round_on_another_scale_claims_no_target_reached():
    workbook = other_scale()
    first = workbook.rounds_in_order()[0]
    first.extra.update({SCALE_MIN: "1", SCALE_MAX: "5"})
    latest = workbook.rounds_in_order()[-1]
    latest.extra.update({SCALE_MIN: "1", SCALE_MAX: "3"})

    summary = compare.summarise(workbook, (first.round_id, latest.round_id))

    assert summary.with_target == 0 and summary.reached == 0 and summary.furthest == []


def test_rounds_without_scores_compare_nothing_and_say_so():
    workbook = rounds_without_scores()

    summary = compare.summarise(workbook, None)
    kinds = [line.kind for line in compare.summary_lines(summary, "th")]

    assert summary.improved == summary.slipped == summary.stayed == []
    assert len(summary.not_compared) == 5 and summary.not_scored == 5
    assert "reached" not in kinds and "furthest" not in kinds


def test_not_applicable_is_not_a_zero():
    workbook = all_ratings_skipped()
    rounds = tuple(r.round_id for r in workbook.rounds_in_order() if r.assessor == "self")

    summary = compare.summarise(workbook, rounds)

    assert "I02" in ids(summary.not_compared)
    assert "I02" not in ids(summary.slipped + summary.improved + summary.stayed)


def test_an_unknown_value_is_refused():
    with pytest.raises(ValueError):
        compare.summarise(three_rounds(), None, value="mean")


# --- the sample with a fifth round: empty, rated alone, or chosen beside the external one ------------

FIFTH = date(2026, 11, 21)


def with_round_5(raters: int = 0) -> tuple:
    """The main sample and a fifth self round (after the external visit) that `raters` people rated alone (3 each)."""
    workbook = main_sample()
    workbook.rounds.append(Round(round_id="r5", label="รอบที่ ๕", held_on=FIFTH))
    start = datetime(2026, 11, 21, 9, 0).astimezone()
    workbook.scores += [
        Score("r5", indicator.indicator_id, f"P{p:02d}", 3, recorded_at=start + timedelta(minutes=p))
        for p in range(1, raters + 1) for indicator in workbook.selected_indicators()
    ]
    return workbook


def raters_in(round_id: str) -> int:
    return len({rater for (r, _i, rater) in latest_ratings() if r == round_id and rater != "consensus"})


def test_the_outsiders_view_is_set_against_the_round_before_their_visit_even_when_not_chosen():
    workbook = with_round_5()
    consensus = expected_consensus(samples.MAIN_SAMPLE)
    selected = [i.indicator_id for i in workbook.selected_indicators()]
    outsiders = {i: consensus[("x1", i)] - consensus[("r4", i)] for i in selected}  # r4: the last before 19 Sep

    summary = compare.summarise(workbook, ("r1", "r5", "x1"))
    lines = [line for line in compare.summary_lines(summary, "th") if line.kind == "outside"]

    assert (summary.outside.own.round_id, summary.outside.external.round_id) == ("r4", "x1")
    assert sorted(ids(summary.outside.higher)) == sorted(i for i, d in outsiders.items() if d > 0)
    assert sorted(ids(summary.outside.lower)) == sorted(i for i, d in outsiders.items() if d < 0)
    assert sorted(ids(summary.outside.same)) == sorted(i for i, d in outsiders.items() if d == 0)
    assert "เทียบกับ รอบที่ ๔ ที่ประเมินตนเองก่อนการประเมินภายนอก" in lines[0].text
    counts = [(word, sum(1 for d in outsiders.values() if rule(d))) for word, rule in
              (("สูงกว่า", lambda d: d > 0), ("ต่ำกว่า", lambda d: d < 0), ("ตรงกัน", lambda d: d == 0))]
    assert lines[1].text == "ภายนอกเห็น" + " ".join(f"{word} {n} ข้อ" for word, n in counts if n)
    assert len(lines[1].items) == sum(1 for d in outsiders.values() if d)  # the indicators seen otherwise


def test_no_outsiders_line_without_a_chosen_external_round():
    summary = compare.summarise(main_sample(), ("r1", "r4"))

    assert summary.outside is None
    assert "outside" not in [line.kind for line in compare.summary_lines(summary, "th")]


def test_every_round_chosen_compares_the_latest_round_with_levels_and_names_the_empty_one():
    summary = compare.summarise(with_round_5(), None)
    lines = compare.summary_lines(summary, "th")

    assert (summary.before.round_id, summary.after.round_id) == ("r1", "r4")
    assert [r.round_id for r in summary.unused] == ["r5"]
    assert "รอบที่ ๕: ยังไม่มีคะแนน (ฉันทามติ) จึงไม่ได้นำมาเทียบ" in [line.text for line in lines]
    assert not summary.not_compared  # before: "เทียบไม่ได้ 10 ข้อ" against the empty round


def test_a_round_rated_alone_is_not_agreed_yet_and_points_to_the_median():
    summary = compare.summarise(with_round_5(raters=3), ("r4", "r5"))
    texts = [line.text for line in compare.summary_lines(summary, "th")]

    assert summary.after.round_id == "r4" and summary.before is None
    assert [r.round_id for r in summary.unused_rated] == ["r5"]
    assert any(text.startswith("รอบที่ ๕: มีคะแนนรายคนแล้ว แต่ยังไม่ได้ตกลงระดับ") and "มัธยฐานรายคน" in text
               for text in texts)
    assert not any("เลือกอีกรอบหนึ่ง" in text for text in texts)  # r5 is chosen: the note says why it is not used


def test_a_median_of_far_fewer_raters_is_pointed_out():
    summary = compare.summarise(with_round_5(raters=3), ("r1", "r5"), value="median")
    texts = [line.text for line in compare.summary_lines(summary, "th", digits=True)]

    assert (summary.before.round_id, summary.after.round_id) == ("r1", "r5")
    assert summary.raters == {"r1": raters_in("r1"), "r5": 3}
    most = str(raters_in("r1")).translate(str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙"))
    assert f"รอบที่ ๕ มีผู้ประเมินเพียง ๓ คน (อีกรอบมี {most} คน) มัธยฐานจึงเปลี่ยนได้ง่าย" in texts
    similar = compare.summarise(main_sample(), ("r1", "r4"), value="median")  # 11 and 14: nothing to say
    assert not any("เพียง" in line.text for line in compare.summary_lines(similar, "th"))


def test_indicators_rated_alone_in_the_latest_round_are_not_agreed_yet_not_unscored():
    workbook = make_workbook(4, rounds=[("r1", JAN, "self"), ("r2", APR, "self")],
                             scores=[*(("r1", i, "consensus", 2) for i in range(1, 5)), ("r2", 1, "consensus", 3),
                                     ("r2", 2, "P01", 3), ("r2", 2, "P02", 4)])

    summary = compare.summarise(workbook, ("r1", "r2"))
    texts = [line.text for line in compare.summary_lines(summary, "th")]

    assert (summary.not_agreed, summary.not_scored) == (1, 3)
    assert "รอบ r2: ยังไม่ได้ตกลงระดับ 1 ข้อ (มีคะแนนรายคนแล้ว ดูได้ที่ “มัธยฐานรายคน”)" in texts
    assert "รอบ r2: ยังไม่มีคะแนน 2 ข้อ" in texts


def test_furthest_from_target_keeps_every_indicator_tied_at_the_cut():
    levels = (1, 2, 2, 2, 4)  # targets are 4: gaps 3, 2, 2, 2, 0
    workbook = make_workbook(5, rounds=[("r1", JAN, "self")],
                             scores=[("r1", n, "consensus", level) for n, level in enumerate(levels, start=1)])

    summary = compare.summarise(workbook, ("r1",))

    assert [(g.indicator.indicator_id, g.gap) for g in summary.furthest] == [
        ("I01", 3), ("I02", 2), ("I03", 2), ("I04", 2)]


def test_the_words_point_up_and_name_a_long_round_plainly():
    assert "ด้านบน" in compare.summary_lines(compare.summarise(main_sample(), ()), "th")[0].text
    external = main_sample().round("x1")
    lines = compare.summary_lines(compare.summarise(main_sample(), ("x1",)), "th")
    furthest = next(line for line in lines if line.kind == "furthest")
    assert furthest.text == f"ยังห่างเป้าหมายมากที่สุด ตามผล {external.label}"  # not "…ใน" + the name


# --- a downloaded chart's file name ------------------------------------------------------------


def test_a_file_name_names_the_first_and_latest_round_and_how_many():
    workbook = main_sample()
    name = compare.file_name(workbook, "ความก้าวหน้า", ("r1", "r2", "r3", "r4"))
    assert name == f"{workbook.profile.name} - ความก้าวหน้า - รอบที่ ๑–๔ (4 รอบ)"
    every = compare.file_name(workbook, "ความก้าวหน้า", None)  # the group's own first–latest, all counted
    assert every == f"{workbook.profile.name} - ความก้าวหน้า - รอบที่ ๑–๔ (5 รอบ)"
    assert compare.file_name(workbook, "ภาพรวม", ("r1", "r4")) == f"{workbook.profile.name} - ภาพรวม - รอบที่ ๑, รอบที่ ๔"
    assert compare.file_name(workbook, "ภาพรวม", ("r1", "r4"), digits=True).endswith("รอบที่ ๑, รอบที่ ๔")


def test_a_file_name_stays_well_under_255_bytes_and_is_cut_between_letters():
    workbook = main_sample()
    workbook.profile.name = "กลุ่มอนุรักษ์ผ้าทอมือและสีย้อมธรรมชาติจากเปลือกไม้" * 4  # 200 letters, 600 bytes
    for n in range(6, 13):
        workbook.rounds.append(Round(round_id=f"r{n}", label="การประเมินตนเองประจำไตรมาสที่สี่ " * 3 + str(n),
                                     held_on=date(2026, 11, n)))

    name = compare.file_name(workbook, "คะแนนรายคน", None)

    assert len((name + ".png").encode("utf-8")) <= 204  # 200 and the extension: well under 255
    group = name.split(" - ")[0]
    assert group.endswith("…") and workbook.profile.name.startswith(group[:-1])
    assert unicodedata.category(workbook.profile.name[len(group) - 1]) != "Mn"  # no mark cut from its letter
    assert name.endswith(f"({len(workbook.rounds)} รอบ)")
