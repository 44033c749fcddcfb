"""The compare screen's summary: what improved, slipped or stayed, and what is furthest from target."""

from __future__ import annotations

from datetime import date

import pytest
from chart_checks import (
    all_ratings_skipped,
    main_sample,
    make_workbook,
    other_scale,
    rounds_without_scores,
)
from test_charts import expected_consensus

from mchch_widgets import compare, samples
from mchch_widgets.assessment import SCALE_MAX, SCALE_MIN

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
    assert by_kind["reached"].text == "ถึงเป้าหมายแล้ว 1 จาก 3 ข้อ ในรอบ r3"


def test_thai_digits_when_asked():
    lines = compare.summary_lines(compare.summarise(three_rounds(), ("r1", "r3")), "th", digits=True)

    assert {line.kind: line.text for line in lines}["reached"] == "ถึงเป้าหมายแล้ว ๑ จาก ๓ ข้อ ในรอบ r3"


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
    assert [g.gap for g in summary.furthest] == sorted((g for g in gaps.values() if g > 0), reverse=True)[:3]


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
