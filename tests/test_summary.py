"""Step 6, the summary: per indicator and overall, checked against the sample's CSV rows."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from chart_checks import latest_ratings, sample_rows

from conftest import TODAY
from mchch_widgets import model, samples, store, summary
from mchch_widgets.assessment import SCALE_MAX, SCALE_MIN
from mchch_widgets.model import Member, PlanActivity, Reflection
from mchch_widgets.sized import make_workbook
from mchch_widgets.text import t

JAN, APR, JUL, SEP = date(2026, 1, 10), date(2026, 4, 10), date(2026, 7, 10), date(2026, 9, 10)
THAI_MONTHS = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.")
TO_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


# --- what the CSV files say, read with the csv module only ---------------------------------


def self_rounds(name: str) -> list[str]:
    rows = [r for r in sample_rows("rounds.csv", name) if r["assessor"] == "self"]
    return [r["round_id"] for r in sorted(rows, key=lambda r: r["held_on"])]


def selected(name: str) -> list[dict[str, str]]:
    return [r for r in sample_rows("indicators.csv", name) if r["status"] == "selected"]


def expected_levels(name: str) -> dict[str, tuple[tuple[str, int] | None, tuple[str, int | None] | None]]:
    """indicator -> (first self round with a consensus level, latest self round with any consensus)."""
    agreed = {(r, i): s for (r, i, rater), s in latest_ratings(name).items() if rater == "consensus"}
    found = {}
    for row in selected(name):
        ids = [r for r in self_rounds(name) if (r, row["indicator_id"]) in agreed]
        levels = [r for r in ids if agreed[(r, row["indicator_id"])] is not None]
        first = (levels[0], agreed[(levels[0], row["indicator_id"])]) if levels else None
        latest = (ids[-1], agreed[(ids[-1], row["indicator_id"])]) if ids else None
        found[row["indicator_id"]] = (first, latest)
    return found


def read(name: str):
    return store.read_workbook(samples.sample_path(name))


def by_id(result: summary.WorkbookSummary) -> dict[str, summary.IndicatorSummary]:
    return {i.indicator.indicator_id: i for i in result.indicators}


# --- every sample, against its files -----------------------------------------------------------


@pytest.mark.parametrize("name", samples.sample_names())
def test_levels_change_and_target_match_the_consensus_rows(name):
    result = summary.summarise_workbook(read(name), TODAY)
    targets = {r["indicator_id"]: (int(r["target"]) if r["target"] else None) for r in selected(name)}

    assert [i.indicator.indicator_id for i in result.indicators] == [r["indicator_id"] for r in selected(name)]
    for indicator_id, (first, latest) in expected_levels(name).items():
        item = by_id(result)[indicator_id]
        assert (item.first.round.round_id, item.first.level) == first
        assert (item.latest.round.round_id, item.latest.level) == latest
        assert item.latest.not_applicable == (latest[1] is None)
        assert item.target == targets[indicator_id]
        if latest[1] is None:
            assert item.change is None and item.reached is None
        else:
            assert item.change == (latest[1] - first[1] if latest[0] != first[0] else None)
            assert item.reached == (latest[1] >= targets[indicator_id] if targets[indicator_id] else None)
    changes = [i.change for i in result.indicators]
    assert result.improved == sum(1 for c in changes if c is not None and c > 0)
    assert result.slipped == sum(1 for c in changes if c is not None and c < 0)
    assert result.stayed == sum(1 for c in changes if c == 0)
    assert result.not_compared == changes.count(None)
    assert result.reached == sum(1 for i in result.indicators if i.reached)


@pytest.mark.parametrize("name", samples.sample_names())
def test_plan_counts_and_budgets_match_plan_csv(name):
    result = summary.summarise_workbook(read(name), TODAY)
    plan = sample_rows("plan.csv", name)

    def late(row) -> bool:
        return bool(row["end_on"]) and date.fromisoformat(row["end_on"]) < TODAY \
            and row["status"] not in ("done", "cancelled")

    def budget(rows) -> Decimal:
        return sum((Decimal(r["budget"] or 0) for r in rows if r["status"] != "cancelled"), Decimal(0))

    for item in result.indicators:
        mine = [r for r in plan if r["indicator_id"] == item.indicator.indicator_id]
        assert [a.activity_id for a in item.activities] == [r["activity_id"] for r in mine]
        assert (item.done, item.in_progress, item.not_started, item.cancelled) == tuple(
            sum(1 for r in mine if r["status"] == s) for s in ("done", "in_progress", "planned", "cancelled"))
        assert item.overdue == sum(1 for r in mine if late(r))
        assert item.budget == budget(mine)
    assert result.budget_total == budget(plan)
    assert (result.activities, result.overdue) == (len(plan), sum(1 for r in plan if late(r)))
    assert result.done == sum(1 for r in plan if r["status"] == "done")


@pytest.mark.parametrize("name", samples.sample_names())
def test_the_reflection_shown_is_the_latest_round_with_text(name):
    result = summary.summarise_workbook(read(name), TODAY)
    order = {r["round_id"]: r["held_on"] for r in sample_rows("rounds.csv", name)}
    rows = [r for r in sample_rows("reflections.csv", name)
            if any(r[f].strip() for f in ("strengths", "weaknesses", "next_action"))]
    for item in result.indicators:
        mine = sorted((r for r in rows if r["indicator_id"] == item.indicator.indicator_id),
                      key=lambda r: order[r["round_id"]])
        if not mine:
            assert item.reflection is None and item.reflection_round is None
            continue
        expected = mine[-1]
        assert item.reflection_round.round_id == expected["round_id"]
        assert (item.reflection.strengths, item.reflection.weaknesses, item.reflection.next_action) == (
            expected["strengths"], expected["weaknesses"], expected["next_action"])


@pytest.mark.parametrize("name", samples.sample_names())
def test_every_sample_reads_in_three_to_six_sentences(name):
    for lang in ("th", "en"):
        sentences = summary.overall_text(summary.summarise_workbook(read(name), TODAY), lang, digits=True)
        assert 3 <= len(sentences) <= 6
        assert all(s.strip() for s in sentences)


# --- the main sample in words --------------------------------------------------------------------


def be_date(iso: str, digits: bool) -> str:
    day = date.fromisoformat(iso)
    text = f"{day.day} {THAI_MONTHS[day.month - 1]} {day.year + 543}"
    return text.translate(TO_THAI) if digits else text


def test_main_sample_overall_text_in_thai_with_thai_digits():
    name = samples.MAIN_SAMPLE
    sentences = summary.overall_text(summary.summarise_workbook(read(name), TODAY), "th", digits=True)
    rounds = {r["round_id"]: r for r in sample_rows("rounds.csv", name)}
    selves = self_rounds(name)
    externals = [r for r in rounds.values() if r["assessor"] == "external"]
    count = str(len(selves)).translate(TO_THAI)

    assert sentences[0] == (f"ประเมินตนเอง {count} รอบ ตั้งแต่ {be_date(rounds[selves[0]]['held_on'], True)} "
                            f"ถึง {be_date(rounds[selves[-1]]['held_on'], True)} "
                            f"และประเมินจากภายนอก {str(len(externals)).translate(TO_THAI)} ครั้ง")
    levels = expected_levels(name)
    targets = {r["indicator_id"]: int(r["target"]) for r in selected(name) if r["target"]}
    reached = sum(1 for i, (_f, latest) in levels.items() if i in targets and latest[1] >= targets[i])
    total = str(len(levels)).translate(TO_THAI)
    assert f"ถึงเป้าหมายแล้ว {str(reached).translate(TO_THAI)} จาก {total} ตัวชี้วัด" in sentences
    improved = sum(1 for first, latest in levels.values() if latest[1] > first[1])
    assert any(s.startswith(f"ดีขึ้นจากรอบแรก {str(improved).translate(TO_THAI)} ข้อ") for s in sentences)
    plan = sample_rows("plan.csv", name)
    assert sentences[-1].startswith(f"แผนพัฒนา {str(len(plan)).translate(TO_THAI)} กิจกรรม")
    assert sentences[-1].endswith(" บาท")
    assert not any(ch.isascii() and ch.isdigit() for s in sentences for ch in s)  # no title here has digits


def test_biggest_gain_and_furthest_from_target_name_the_right_indicators():
    name = samples.MAIN_SAMPLE
    result = summary.summarise_workbook(read(name), TODAY)
    levels = expected_levels(name)
    titles = {r["indicator_id"]: r["title"] for r in selected(name)}
    targets = {r["indicator_id"]: int(r["target"]) for r in selected(name) if r["target"]}
    gains = {i: latest[1] - first[1] for i, (first, latest) in levels.items()}
    gaps = {i: targets[i] - latest[1] for i, (_first, latest) in levels.items() if i in targets}
    top_gain, top_gap = max(gains.values()), max(gaps.values())

    assert [i.indicator.indicator_id for i in result.biggest_gains] == [i for i, g in gains.items() if g == top_gain]
    assert [i.indicator.indicator_id for i in result.furthest] == [i for i, g in gaps.items() if g == top_gap]
    sentences = summary.overall_text(result, "th")
    gain_line = next(s for s in sentences if s.startswith("ที่ขยับขึ้นมากที่สุด: "))
    named = [i for i, g in gains.items() if g == top_gain]
    assert all(titles[i] in gain_line for i in named[:summary.TOP])
    if len(named) > summary.TOP:
        assert gain_line.endswith(f"และอีก {len(named) - summary.TOP} ข้อ")
    far_line = next(s for s in sentences if s.startswith("ยังห่างเป้าหมายมากที่สุด: "))
    assert f"{titles[result.furthest[0].indicator.indicator_id]} (ขาด {top_gap} ระดับ)" in far_line


def test_english_sentences_and_indicator_words():
    result = summary.summarise_workbook(read(samples.MAIN_SAMPLE), TODAY)
    sentences = summary.overall_text(result, "en", digits=True)  # Thai digits are for Thai only

    assert sentences[0].startswith(f"Self-assessed {len(result.self_rounds)} times, from ")
    assert not any("๐" <= ch <= "๙" for s in sentences for ch in s.replace(result.self_rounds[0].label, ""))
    assert sentences[-1].startswith(f"Plan activities: {result.activities};")
    item = next(i for i in result.indicators if i.reached is False)
    assert summary.level_text(item, "en") == f"{item.gap} to go"
    assert summary.change_text(item, "en").startswith("▲ up " if item.change > 0 else "")


def test_indicator_words_in_thai():
    result = summary.summarise_workbook(read(samples.MAIN_SAMPLE), TODAY)
    reached = next(i for i in result.indicators if i.reached)
    short = next(i for i in result.indicators if i.reached is False)
    risen = next(i for i in result.indicators if i.change and i.change > 0)

    assert summary.level_text(reached) == "ถึงเป้าแล้ว"
    assert summary.level_text(short, digits=True) == f"ขาด {str(short.gap).translate(TO_THAI)} ระดับ"
    assert summary.change_text(risen) == f"▲ ดีขึ้น {risen.change} ระดับ จาก{risen.first.round.label}"
    late = next(i for i in result.indicators if i.overdue)
    assert summary.plan_text(late)[-1] == f"⚠ เลยกำหนด {late.overdue} กิจกรรม"


# --- edge cases ------------------------------------------------------------------------------------


def test_a_new_empty_workbook_says_what_is_missing():
    result = summary.summarise_workbook(model.new_workbook("กลุ่มใหม่", "group"), TODAY)

    assert result.indicators == [] and result.first_round is None and result.latest_round is None
    assert result.budget_total == Decimal(0)
    assert summary.overall_text(result) == [t(k, "th") for k in (
        "step6_rounds_none", "step6_no_indicators", "step6_no_plan", "step6_no_members")]
    assert summary.overall_text(result, "en")[0] == t("step6_rounds_none", "en")


def workbook_with_rounds():
    """I01 rises 2→4, I02 falls 4→3, I03 stays 3, I04 is never scored; targets are 4."""
    scores = [("r1", 1, "consensus", 2), ("r1", 2, "consensus", 4), ("r1", 3, "consensus", 3),
              ("r2", 1, "consensus", 3), ("r3", 1, "consensus", 4), ("r3", 2, "consensus", 3),
              ("r3", 3, "consensus", 3), ("x1", 1, "consensus", 1)]
    workbook = make_workbook(4, rounds=[("r1", JAN, "self"), ("r2", APR, "self"), ("r3", JUL, "self"),
                                        ("x1", SEP, "external")], scores=scores)
    workbook.members = [Member("นางสมศรี", "lead")]
    return workbook


def test_rounds_but_no_plan_and_an_indicator_never_scored():
    result = summary.summarise_workbook(workbook_with_rounds(), TODAY)
    items = by_id(result)

    assert (items["I01"].change, items["I02"].change, items["I03"].change) == (2, -1, 0)
    assert (result.improved, result.slipped, result.stayed, result.not_compared) == (1, 1, 1, 1)
    never = items["I04"]
    assert never.first is None and never.latest is None and never.change is None and never.reached is None
    assert summary.level_text(never) == summary.change_text(never) == t("step6_not_scored", "th")
    assert items["I01"].latest.round.round_id == "r3"  # the external round's 1 is not the group's own level
    assert result.not_scored == 1 and result.with_target == 3 and result.reached == 1
    sentences = summary.overall_text(result)
    assert t("step6_no_plan", "th") in sentences and t("step6_no_members", "th") not in sentences
    assert "ดีขึ้นจากรอบแรก 1 ข้อ ลดลง 1 ข้อ เท่าเดิม 1 ข้อ" in sentences
    assert "ถึงเป้าหมายแล้ว 1 จาก 3 ตัวชี้วัดที่มีทั้งเป้าหมายและคะแนน" in sentences
    assert summary.plan_text(items["I01"]) == [t("step6_plan_none", "th")]


def test_no_members_is_said_and_the_text_stays_short():
    workbook = read(samples.MAIN_SAMPLE)
    workbook.members = []
    sentences = summary.overall_text(summary.summarise_workbook(workbook, TODAY))

    assert sentences[-1] == t("step6_no_members", "th")
    assert len(sentences) <= 6
    assert sentences[-2].startswith("แผนพัฒนา ")  # the plan is never the sentence left out


def test_a_round_on_another_scale_is_not_compared_nor_judged_against_the_target():
    workbook = workbook_with_rounds()
    workbook.round("r1").extra.update({SCALE_MIN: "1", SCALE_MAX: "3"})  # scored before the scale was widened
    result = summary.summarise_workbook(workbook, TODAY)
    items = by_id(result)

    assert items["I01"].change is None and items["I01"].reached is True  # r3 (4 of target 4) is on the workbook's scale
    assert summary.change_text(items["I01"]) == t("step6_change_other_scale", "th")
    assert result.improved == result.slipped == result.stayed == 0
    assert t("step6_nothing_compared", "th") in summary.overall_text(result)

    workbook.round("r3").extra.update({SCALE_MIN: "1", SCALE_MAX: "3"})  # now the latest is off the target's scale
    latest_off = by_id(summary.summarise_workbook(workbook, TODAY))["I02"]
    assert latest_off.reached is None and summary.level_text(latest_off) == t("step6_target_other_scale", "th")


def test_only_one_round_has_nothing_to_compare():
    workbook = make_workbook(2, rounds=[("r1", JAN, "self")], scores=[("r1", 1, "consensus", 3)])
    result = summary.summarise_workbook(workbook, TODAY)
    item = by_id(result)["I01"]

    assert item.first.round is item.latest.round and item.change is None and item.reached is False
    assert summary.change_text(item) == t("step6_change_one_round", "th")
    sentences = summary.overall_text(result, digits=True)
    assert sentences[0] == "ประเมินตนเอง ๑ รอบ เมื่อ ๑๐ ม.ค. ๒๕๖๙"
    assert t("step6_nothing_compared", "th") in sentences


def test_not_applicable_in_the_latest_round_is_the_latest_word():
    scores = [("r1", 1, "consensus", 2), ("r2", 1, "consensus", None)]
    workbook = make_workbook(1, rounds=[("r1", JAN, "self"), ("r2", APR, "self")], scores=scores)
    item = summary.summarise_workbook(workbook, TODAY).indicators[0]

    assert item.first == summary.RoundLevel(workbook.round("r1"), 2, False)
    assert item.latest == summary.RoundLevel(workbook.round("r2"), None, True)
    assert item.change is None and item.reached is None
    assert summary.level_text(item) == t("step6_not_applicable", "th")


def test_a_blank_reflection_gives_way_to_an_earlier_one_with_text():
    workbook = workbook_with_rounds()
    workbook.reflections = [Reflection("r1", "I01", strengths="ประชุมครบ"),
                            Reflection("r3", "I01", strengths="  ", weaknesses="", next_action="")]
    item = by_id(summary.summarise_workbook(workbook, TODAY))["I01"]

    assert item.reflection_round.round_id == "r1" and item.reflection.strengths == "ประชุมครบ"


def test_overdue_and_cancelled_activities():
    workbook = workbook_with_rounds()
    workbook.plan = [
        PlanActivity("a1", "I01", "อบรม", end_on=date(2026, 1, 1), budget=Decimal(1000), status="planned"),
        PlanActivity("a2", "I01", "ดูงาน", end_on=date(2026, 1, 1), budget=Decimal(500), status="cancelled"),
        PlanActivity("a3", "I01", "ประชุม", end_on=date(2026, 12, 31), budget=Decimal("250.50"),
                     status="in_progress"),
    ]
    result = summary.summarise_workbook(workbook, date(2026, 6, 1))
    item = by_id(result)["I01"]

    assert (item.overdue, item.cancelled, item.not_started, item.in_progress) == (1, 1, 1, 1)
    assert item.budget == result.budget_total == Decimal("1250.50")
    assert summary.plan_text(item, digits=True) == [
        "๓ กิจกรรม · เสร็จแล้ว ๐ · กำลังทำ ๑ · ยังไม่เริ่ม ๑ · ยกเลิก ๑", "งบประมาณ ๑,๒๕๐.๕๐ บาท", "⚠ เลยกำหนด ๑ กิจกรรม"]
    assert summary.overall_text(result)[-1] == \
        "แผนพัฒนา 3 กิจกรรม เสร็จแล้ว 0 กำลังทำ 1 เลยกำหนด 1 งบประมาณรวม 1,250.50 บาท"


def test_no_indicators_selected_is_said_plainly():
    workbook = workbook_with_rounds()
    for indicator in workbook.indicators:
        indicator.status = "proposed"
    sentences = summary.overall_text(summary.summarise_workbook(workbook, TODAY))

    assert sentences[1] == t("step6_no_indicators", "th")
    assert len(sentences) == 3
