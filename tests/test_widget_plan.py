"""Step 3 screen: activities per indicator, saved to plan.csv as they are typed.

Each test drives the widgets as a facilitator would (typing into boxes, clicking) and
checks plan.csv as it is on disk afterwards.
"""

from __future__ import annotations

import csv
import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import ipywidgets as widgets
import pytest
from workbook_files import read_csv_text, reread

from mchch_widgets import store
from mchch_widgets.plan import format_baht
from mchch_widgets.session import Session
from mchch_widgets.widgets.widget_plan import PlanStep

TODAY = date(2026, 10, 1)  # fixed, so what is overdue in the sample does not change with the calendar


@pytest.fixture
def step(session, status) -> PlanStep:
    return PlanStep(session, status, today=TODAY)


def plan_bytes(folder: Path) -> bytes:
    return (folder / store.PLAN).read_bytes()


def plan_rows(folder: Path) -> list[dict[str, str]]:
    """plan.csv as raw cells (only the formula escape differs from what was typed)."""
    return list(csv.DictReader(io.StringIO(read_csv_text(folder, store.PLAN), newline="")))


def saved(folder: Path, activity: str):
    """The activity with this text as read back from disk (None when it is not there)."""
    return next((a for a in reread(folder).plan if a.activity == activity), None)


def row_of(step: PlanStep, activity_id: str):
    for indicator_id in step.lines:
        for row in step.rows_for(indicator_id):
            if row.activity.activity_id == activity_id:
                return row
    raise KeyError(activity_id)


def new_row(step: PlanStep, indicator_id: str = "G03"):
    step.cards[indicator_id].click()
    return step.add_activity()


# --- what is on screen ----------------------------------------------------------------------


def test_one_card_per_selected_indicator_in_order_with_its_figures(step, sample_folder: Path):
    workbook = reread(sample_folder)
    selected = workbook.selected_indicators()
    assert list(step.cards) == [i.indicator_id for i in selected]
    for number, indicator in enumerate(selected, start=1):
        text = step.cards[indicator.indicator_id].description
        assert f"{number}. {indicator.title}" in text
        items = [a for a in workbook.plan if a.indicator_id == indicator.indicator_id]
        assert f"{len(items)} กิจกรรม" in text


def test_clicking_a_card_shows_that_indicators_activities(step, sample_folder: Path):
    step.cards["G05"].click()

    expected = [a.activity for a in reread(sample_folder).plan if a.indicator_id == "G05"]
    assert [row.text.value for row in step.rows_for("G05")] == expected
    assert "คุณภาพและมาตรฐานผลิตภัณฑ์" in step.title.value
    assert "▶" in step.cards["G05"].description and "▶" not in step.cards["G01"].description
    assert "mchch-plan-card-active" in step.cards["G05"]._dom_classes


def test_dates_show_in_the_buddhist_era_and_budgets_with_separators(step, sample_folder: Path):
    a04 = row_of(step, "A04")  # 2025-12-15 to 2026-02-28, 25000 baht
    assert (a04.start.value, a04.end.value, a04.budget.value) == ("15/12/2568", "28/2/2569", "25,000")
    assert a04.status.value == "done"
    assert ("เสร็จแล้ว", "done") in a04.status.options


def test_owner_box_offers_the_lead_team(step, sample_folder: Path):
    members = reread(sample_folder).members
    options = row_of(step, "A01").owner.options
    leads = tuple(m.name for m in members if m.role == "lead")
    assert options[: len(leads)] == leads


# --- adding -----------------------------------------------------------------------------------


def test_a_new_activity_with_comma_quotes_and_buddhist_dates_is_saved(step, sample_folder: Path):
    before = plan_bytes(sample_folder)
    row = new_row(step)
    assert plan_bytes(sample_folder) == before  # an empty new row stays on screen, unsaved

    text = 'ซ่อมหลังคาโรงย้อม, ติดป้าย "ห้ามเข้า" หน้าบ่อ'
    row.text.value = text
    row.start.value = "1/6/2569"
    row.end.value = "30/6/2569"

    on_disk = [r for r in plan_rows(sample_folder) if r["activity"] == text]
    assert len(on_disk) == 1
    assert (on_disk[0]["indicator_id"], on_disk[0]["start_on"], on_disk[0]["end_on"]) == (
        "G03", "2026-06-01", "2026-06-30")
    assert (row.start.value, row.end.value) == ("1/6/2569", "30/6/2569")
    assert "2 กิจกรรม" in step.cards["G03"].description


def test_fields_typed_before_the_activity_are_saved_with_it(step, sample_folder: Path):
    before = plan_bytes(sample_folder)
    row = new_row(step)
    row.budget.value = "ห้าพัน"
    row.owner.value = "นายสมศักดิ์ พรหมทองดี"
    row.status.value = "in_progress"
    assert plan_bytes(sample_folder) == before  # still no activity: nothing written

    row.text.value = "ซื้อถังย้อมใหม่"

    item = saved(sample_folder, "ซื้อถังย้อมใหม่")
    assert (item.budget, item.owner, item.status, item.indicator_id) == (
        Decimal(5000), "นายสมศักดิ์ พรหมทองดี", "in_progress", "G03")


def test_a_whitespace_only_activity_is_refused_and_nothing_is_written(step, sample_folder: Path, status):
    before = plan_bytes(sample_folder)
    row = new_row(step)
    row.text.value = "    "

    assert plan_bytes(sample_folder) == before
    assert status.state == "error"
    assert "กรุณาพิมพ์ชื่อกิจกรรม" in status.value
    assert "mchch-invalid" in row.text._dom_classes  # kept and marked, to be corrected


def test_removing_a_new_row_never_written_changes_nothing_on_disk(step, sample_folder: Path):
    before = plan_bytes(sample_folder)
    row = new_row(step)
    row.remove.click()
    row.remove.click()
    assert row not in step.rows_for("G03")
    assert plan_bytes(sample_folder) == before


# --- budgets ----------------------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["ห้าพัน", "5,000", "๕๐๐๐", "5 พัน"])
def test_budget_as_people_say_it_is_saved_as_a_number(step, sample_folder: Path, typed: str):
    row = row_of(step, "A07")
    row.budget.value = typed

    assert next(r for r in plan_rows(sample_folder) if r["activity_id"] == "A07")["budget"] == "5000"
    assert row.budget.value == "5,000"


def test_a_budget_that_is_not_an_amount_is_refused_and_kept_marked(step, sample_folder: Path, status):
    before = plan_bytes(sample_folder)
    row = row_of(step, "A07")

    row.budget.value = "abc"

    assert plan_bytes(sample_folder) == before
    assert status.state == "error"
    assert "abc" in status.value and "งบประมาณ" in status.value
    assert row.budget.value == "abc" and "mchch-invalid" in row.budget._dom_classes  # kept to correct
    assert step.session.workbook.plan[6].budget == Decimal(1500)


# --- dates ------------------------------------------------------------------------------------


def test_an_end_before_the_start_is_refused_and_marked(step, sample_folder: Path, status):
    before = plan_bytes(sample_folder)
    row = row_of(step, "A04")  # starts 15/12/2568

    row.end.value = "1/12/2568"

    assert plan_bytes(sample_folder) == before
    assert "วันสิ้นสุดต้องไม่ก่อนวันเริ่ม" in status.value
    assert "mchch-invalid" in row.end._dom_classes


def test_a_start_after_the_end_is_refused_too(step, sample_folder: Path, status):
    before = plan_bytes(sample_folder)
    row = row_of(step, "A04")  # ends 28/2/2569
    row.start.value = "1/3/2569"
    assert plan_bytes(sample_folder) == before
    assert status.state == "error"
    assert "mchch-invalid" in row.start._dom_classes


def test_an_impossible_date_is_refused(step, sample_folder: Path, status):
    before = plan_bytes(sample_folder)
    row = row_of(step, "A04")
    row.end.value = "31/2/2569"
    assert plan_bytes(sample_folder) == before
    assert "31/2/2569" in status.value
    assert row.end.value == "31/2/2569" and "mchch-invalid" in row.end._dom_classes


def test_a_gregorian_year_is_understood_and_the_badge_says_so(step, sample_folder: Path, status):
    row = row_of(step, "A12")
    row.end.value = "15/9/2026"

    assert next(r for r in plan_rows(sample_folder) if r["activity_id"] == "A12")["end_on"] == "2026-09-15"
    assert row.end.value == "15/9/2569"
    assert status.state == "saved"
    assert "ค.ศ." in status.value and "2569" in status.value


def test_a_buddhist_year_typed_year_first_is_understood(step, sample_folder: Path, status):
    row = row_of(step, "A12")
    row.end.value = "2569-09-15"
    assert next(r for r in plan_rows(sample_folder) if r["activity_id"] == "A12")["end_on"] == "2026-09-15"
    assert "ค.ศ." not in status.value


def test_clearing_a_date_saves_no_date(step, sample_folder: Path):
    row = row_of(step, "A12")
    row.start.value = ""
    assert next(r for r in plan_rows(sample_folder) if r["activity_id"] == "A12")["start_on"] == ""


# --- text -------------------------------------------------------------------------------------


def test_a_formula_like_activity_reads_back_exactly_and_cannot_run(step, sample_folder: Path, status):
    formula = '=HYPERLINK("http://example.com","คลิก")'
    row = row_of(step, "A01")
    row.text.value = formula

    assert saved(sample_folder, formula).activity_id == "A01"
    assert f"'{formula}" in read_csv_text(sample_folder, store.PLAN).replace('""', '"')
    assert "เก็บเป็นข้อความ" in status.value


def test_an_activity_over_200_characters_is_refused(step, sample_folder: Path, status):
    before = plan_bytes(sample_folder)
    row = row_of(step, "A01")
    old = row.text.value
    row.text.value = "ก" * 201
    assert plan_bytes(sample_folder) == before
    assert "200" in status.value and "201" in status.value
    assert "mchch-invalid" in row.text._dom_classes and step.session.workbook.plan[0].activity == old


def test_a_newline_pasted_into_an_activity_becomes_a_space(step, sample_folder: Path):
    row = row_of(step, "A01")
    row.text.value = "ประชุมทุกเดือน\nและจดบันทึก"
    assert saved(sample_folder, "ประชุมทุกเดือน และจดบันทึก").activity_id == "A01"


def test_an_owner_not_on_the_team_is_allowed(step, sample_folder: Path):
    row = row_of(step, "A01")
    row.owner.value = "พัฒนากรอำเภอลานสกา"
    assert next(a for a in reread(sample_folder).plan if a.activity_id == "A01").owner == "พัฒนากรอำเภอลานสกา"


# --- overdue and totals -----------------------------------------------------------------------


def test_overdue_activities_stand_out_with_words_not_colour_alone(step, sample_folder: Path):
    late = row_of(step, "A08")  # in progress, due 30/9/2569; today is 1/10/2569
    on_time = row_of(step, "A07")  # done
    assert "mchch-plan-row-late" in late._dom_classes
    assert late.late.layout.display != "none" and "เลยกำหนด" in late.late.value
    assert "mchch-plan-row-late" not in on_time._dom_classes
    assert on_time.late.layout.display == "none"
    assert "เลยกำหนด 1" in step.cards["G05"].description
    assert "mchch-plan-card-late" in step.cards["G05"]._dom_classes


def test_marking_it_done_clears_the_overdue_mark_and_saves(step, sample_folder: Path):
    late = row_of(step, "A08")
    late.status.value = "done"

    assert next(a for a in reread(sample_folder).plan if a.activity_id == "A08").status == "done"
    assert "mchch-plan-row-late" not in late._dom_classes
    assert "เลยกำหนด" not in step.cards["G05"].description


def test_moving_the_end_date_into_the_past_marks_it_overdue(step, sample_folder: Path):
    row = row_of(step, "A12")  # in progress, due 31/8/2569: already late on TODAY
    assert row.overdue
    row.end.value = "31/12/2569"
    assert not row.overdue and "mchch-plan-row-late" not in row._dom_classes
    row.end.value = "1/9/2569"
    assert row.overdue and "mchch-plan-row-late" in row._dom_classes


def _budget_from_disk(folder: Path, indicator_id: str | None = None) -> Decimal:
    rows = [r for r in plan_rows(folder) if indicator_id is None or r["indicator_id"] == indicator_id]
    return sum((Decimal(r["budget"]) for r in rows if r["budget"] and r["status"] != "cancelled"), Decimal(0))


def test_totals_leave_out_cancelled_activities_and_say_so(step, sample_folder: Path):
    total = _budget_from_disk(sample_folder)
    assert f"{format_baht(total)} บาท" in step.total.value
    assert "ไม่นับกิจกรรมที่ยกเลิก" in step.total.value

    row = row_of(step, "A10")  # 12,000 baht, G06
    g06_before = _budget_from_disk(sample_folder, "G06")
    row.status.value = "cancelled"

    assert next(r for r in plan_rows(sample_folder) if r["activity_id"] == "A10")["status"] == "cancelled"
    assert _budget_from_disk(sample_folder) == total - 12000
    assert f"{format_baht(total - 12000)} บาท" in step.total.value
    assert f"{format_baht(g06_before - 12000)} บาท" in step.cards["G06"].description


def test_a_new_budget_shows_in_the_totals_at_once(step, sample_folder: Path):
    row = row_of(step, "A01")  # 0 baht, G01
    row.budget.value = "2,500"
    assert "2,500 บาท" in step.cards["G01"].description
    assert f"{format_baht(_budget_from_disk(sample_folder))} บาท" in step.total.value


# --- removing and undo ------------------------------------------------------------------------


def test_remove_asks_first_then_removes_and_can_be_undone(step, sample_folder: Path, session: Session):
    row = row_of(step, "A02")
    text = row.text.value
    before = plan_bytes(sample_folder)

    row.remove.click()
    assert plan_bytes(sample_folder) == before  # only asked
    assert row.remove.description == "ยืนยันลบ?" and row.remove.button_style == "danger"

    row.remove.click()
    assert saved(sample_folder, text) is None
    assert row not in step.rows_for("G02")
    assert session.last_undo is not None and session.last_undo.params["title"] == text

    session.undo()
    assert saved(sample_folder, text).activity_id == "A02"
    step.refresh()  # the app does this after an undo
    assert text in [r.text.value for r in step.rows_for("G02")]


def test_editing_a_row_cancels_a_pending_remove(step):
    row = row_of(step, "A02")
    row.remove.click()
    row.owner.value = "นางวันเพ็ญ ทองคีรี"
    assert row.remove.button_style == "" and row.remove.description == "ลบ"


def test_a_row_left_over_from_before_an_undo_does_not_save_a_stale_copy(step, sample_folder: Path, status,
                                                                        session: Session):
    row_of(step, "A02").remove.click()
    row_of(step, "A02").remove.click()
    other = row_of(step, "A03")
    session.undo()  # the plan is put back as it was: `other` now shows an old copy

    other.budget.value = "999"

    assert status.state == "error" and "แสดงใหม่" in status.value
    ids = [r["activity_id"] for r in plan_rows(sample_folder)]
    assert sorted(ids) == sorted(set(ids)) and "A02" in ids  # no duplicate, nothing lost
    assert row_of(step, "A03").budget.value == "850.50"


# --- activities whose indicator is not selected -----------------------------------------------


@pytest.fixture
def orphaned(sample_folder: Path, status) -> PlanStep:
    workbook = reread(sample_folder)
    for item in workbook.plan:
        if item.activity_id == "A01":
            item.indicator_id = ""
        if item.activity_id == "A02":
            item.indicator_id = "G15"  # dropped in the forum
    store.save(sample_folder, workbook, store.PLAN)
    return PlanStep(Session(sample_folder), status, today=TODAY)


def test_activities_of_unselected_indicators_are_listed_last_not_lost(orphaned: PlanStep, sample_folder: Path):
    keys = list(orphaned.cards)
    assert keys[-2:] == ["", "G15"]
    assert "ไม่ระบุตัวชี้วัด" in orphaned.cards[""].description
    assert "ไม่ได้เลือก" in orphaned.cards["G15"].description
    headings = [c.value for c in orphaned.card_list.children if not isinstance(c, widgets.Button)]
    assert any("กิจกรรมของตัวชี้วัดที่ไม่ได้เลือก" in h for h in headings)

    orphaned.cards["G15"].click()
    assert [r.activity.activity_id for r in orphaned.rows_for("G15")] == ["A02"]
    assert orphaned.add.layout.display == "none"  # new activities belong to selected indicators
    assert orphaned.add_activity() is None


def test_an_unselected_group_can_still_be_edited_and_emptied(orphaned: PlanStep, sample_folder: Path):
    orphaned.cards[""].click()
    row = orphaned.rows_for("")[0]
    row.budget.value = "700"
    assert next(a for a in reread(sample_folder).plan if a.activity_id == "A01").budget == Decimal(700)

    row.remove.click()
    row.remove.click()
    assert "A01" not in [a.activity_id for a in reread(sample_folder).plan]
    assert "" not in orphaned.cards  # the empty group goes; another indicator is shown
    assert orphaned.current in orphaned.cards


# --- other screens, languages, digits, refused saves ------------------------------------------


def test_refresh_shows_an_indicator_selected_in_step_2(step, session: Session):
    next(i for i in session.workbook.indicators if i.indicator_id == "G11").status = "selected"
    session.save(store.INDICATORS)

    step.refresh()

    assert list(step.cards)[-1] == "G11"
    assert "0 กิจกรรม" in step.cards["G11"].description


def test_refresh_keeps_the_screen_when_nothing_changed_elsewhere(step, sample_folder: Path):
    row = new_row(step, "G04")
    step.refresh()
    assert row in step.rows_for("G04")  # an unsaved new row survives a return to the screen


def test_english_labels_with_buddhist_era_dates(session, status):
    step = PlanStep(session, status, language="en", today=TODAY)
    assert "Step 3" in step.children[0].value
    assert "Activities 2" in step.cards["G02"].description
    row = row_of(step, "A04")
    assert row.start.value == "15/12/2568"
    assert ("Done", "done") in row.status.options
    assert "B.E." in step.row_list.children[0].children[1].value
    row.budget.value = "abc"
    assert "Cannot read the budget" in status.value


def test_thai_digits_show_in_dates_and_budgets_and_are_read_back(session, status, sample_folder: Path):
    step = PlanStep(session, status, thai_digits=True, today=TODAY)
    row = row_of(step, "A04")
    assert (row.start.value, row.budget.value) == ("๑๕/๑๒/๒๕๖๘", "๒๕,๐๐๐")
    row.budget.value = "๓๐,๐๐๐"
    assert next(a for a in reread(sample_folder).plan if a.activity_id == "A04").budget == Decimal(30000)
    assert row.budget.value == "๓๐,๐๐๐"


def test_a_refused_save_puts_the_box_and_the_workbook_back(step, sample_folder: Path, status, session: Session):
    (sample_folder / store.PLAN).write_text("activity_id,activity\nA01,broken by hand\n", encoding="utf-8")
    before = plan_bytes(sample_folder)
    row = row_of(step, "A07")

    row.budget.value = "9999"

    assert status.state == "error"
    assert plan_bytes(sample_folder) == before
    assert row.budget.value == "1,500"
    assert next(a for a in session.workbook.plan if a.activity_id == "A07").budget == Decimal(1500)


def test_a_refused_remove_keeps_the_activity_and_offers_no_undo(step, sample_folder: Path, session: Session):
    (sample_folder / store.PLAN).write_text("activity_id,activity\nA01,broken by hand\n", encoding="utf-8")
    row = row_of(step, "A02")
    row.remove.click()
    row.remove.click()
    assert row in step.rows_for("G02")
    assert "A02" in [a.activity_id for a in session.workbook.plan]
    assert session.last_undo is None


def test_a_corrected_budget_is_saved_and_no_longer_marked(step, sample_folder: Path, status):
    row = row_of(step, "A01")
    row.budget.value = "abc"
    row.budget.value = "สองพันห้า"

    assert next(r for r in plan_rows(sample_folder) if r["activity_id"] == "A01")["budget"] == "2500"
    assert row.budget.value == "2,500"
    assert "mchch-invalid" not in row.budget._dom_classes
