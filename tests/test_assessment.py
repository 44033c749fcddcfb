"""Step 5 core: rounds, ratings and reflections, and every kind of bad input the issue names."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, timedelta

import pytest
from workbook_files import read_csv_text, reread

from conftest import TODAY
from mchch_widgets import assessment, store
from mchch_widgets.model import CONSENSUS, Refused
from mchch_widgets.session import Session


def rows(folder, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(read_csv_text(folder, name))))


def refused_key(call) -> str:
    with pytest.raises(Refused) as caught:
        call()
    return caught.value.key


# --- rounds ------------------------------------------------------------------------------------


def test_a_new_round_is_numbered_after_the_ones_there(session: Session):
    wb = session.workbook
    assert assessment.next_round_id(wb, "self") == "r5"
    assert assessment.next_round_id(wb, "external") == "x2"
    assert assessment.next_round_label(wb, "self") == "รอบที่ ๕"
    assert assessment.next_round_label(wb, "self", digits=False) == "รอบที่ 5"
    assert assessment.next_round_label(wb, "self", "en") == "Round 5"
    assert assessment.next_round_label(wb, "external") == "ประเมินจากภายนอก ครั้งที่ ๒"


def test_a_round_is_saved_open_with_its_date_and_assessor(session: Session, sample_folder):
    made = session.change(lambda wb: assessment.add_round(wb, "  รอบที่ ๕  ", TODAY, "self", TODAY), store.ROUNDS)
    saved = rows(sample_folder, store.ROUNDS)[-1]
    assert made.round_id == "r5"
    assert saved == {"round_id": "r5", "label": "รอบที่ ๕", "held_on": "2026-11-21", "assessor": "self",
                     "closed": "false", "scale_min": "1", "scale_max": "5"}  # the scale it is scored on


@pytest.mark.parametrize(("typed", "key"), [
    ("", "err_round_date_empty"),
    ("31/2/2569", "err_date_typed"),
    ("abc", "err_date_typed"),
    ("22/11/2569", "err_round_future"),
    ("1/10/2568", "err_round_before_workbook"),  # the sample was started on 18 Oct 2025 (2568)
])
def test_a_round_date_that_cannot_be_is_refused(session: Session, typed: str, key: str):
    assert refused_key(lambda: assessment.parse_round_date(typed, session.workbook, TODAY)) == key


def test_a_round_date_is_read_as_typed_in_the_buddhist_era(session: Session):
    wb = session.workbook
    assert assessment.parse_round_date("21/11/2569", wb, TODAY) == TODAY
    assert assessment.parse_round_date("๒๑ พ.ย. ๒๕๖๙", wb, TODAY) == TODAY
    assert assessment.parse_round_date("2026-11-20", wb, TODAY) == TODAY - timedelta(days=1)


@pytest.mark.parametrize(("label", "key"), [
    ("", "err_round_label_empty"),
    ("\u200b ", "err_round_label_empty"),
    ("รอบที่ ๔", "err_round_label_taken"),
    ("x" * 201, "err_round_label_long"),
])
def test_a_bad_round_label_is_refused_and_nothing_is_written(session: Session, sample_folder, label, key):
    before = (sample_folder / store.ROUNDS).read_bytes()
    assert refused_key(
        lambda: session.change(lambda wb: assessment.add_round(wb, label, TODAY, "self", TODAY), store.ROUNDS)
    ) == key
    assert (sample_folder / store.ROUNDS).read_bytes() == before
    assert len(session.workbook.rounds) == 5


def test_closing_and_reopening_are_recorded(session: Session, sample_folder, open_round: str):
    closed_at = datetime(2026, 11, 21, 11, 0).astimezone()
    session.change(lambda wb: assessment.close_round(wb, open_round, closed_at), store.ROUNDS)
    assert refused_key(lambda: assessment.close_round(session.workbook, open_round)) == "err_round_closed"
    reopened_at = closed_at + timedelta(minutes=5)
    session.change(lambda wb: assessment.reopen_round(wb, open_round, reopened_at), store.ROUNDS)
    session.change(lambda wb: assessment.close_round(wb, open_round, reopened_at + timedelta(minutes=9)),
                   store.ROUNDS)
    session.change(lambda wb: assessment.reopen_round(wb, open_round, reopened_at + timedelta(minutes=20)),
                   store.ROUNDS)
    saved = rows(sample_folder, store.ROUNDS)[-1]
    assert saved["closed"] == "false"
    assert saved["reopened_at"].split() == [
        reopened_at.isoformat(timespec="seconds"), (reopened_at + timedelta(minutes=20)).isoformat(timespec="seconds")
    ]
    assert saved["closed_at"] == (reopened_at + timedelta(minutes=9)).isoformat(timespec="seconds")
    assert assessment.reopenings(reread(sample_folder).round(open_round)) == saved["reopened_at"].split()
    assert rows(sample_folder, store.ROUNDS)[0]["reopened_at"] == ""  # the other rounds just get the column


# --- ratings -------------------------------------------------------------------------------------


def test_ratings_and_the_consensus_are_saved_as_rows(session: Session, sample_folder, open_round: str):
    session.change(lambda wb: assessment.record_score(wb, open_round, "G01", "P01", "๔"), store.SCORES)
    session.change(lambda wb: assessment.record_score(wb, open_round, "G01", "P02", None), store.SCORES)
    session.change(lambda wb: assessment.record_score(wb, open_round, "G01", CONSENSUS, 4, "มีบันทึก ๑๒ ครั้ง"),
                   store.SCORES)
    saved = [r for r in rows(sample_folder, store.SCORES) if r["round_id"] == open_round]
    assert [(r["indicator_id"], r["rater"], r["score"], r["note"]) for r in saved] == [
        ("G01", "P01", "4", ""), ("G01", "P02", "", ""), ("G01", "consensus", "4", "มีบันทึก ๑๒ ครั้ง"),
    ]
    assert len(rows(sample_folder, store.SCORES)) == 573  # the sample's 570 are all still there


def test_a_second_rating_by_the_same_code_replaces_the_first_and_both_stay_in_the_file(
    session: Session, sample_folder, open_round: str,
):
    first_at = datetime(2026, 11, 21, 9, 0).astimezone()
    session.change(lambda wb: assessment.record_score(wb, open_round, "G02", "P03", 2, when=first_at), store.SCORES)
    again = session.change(
        lambda wb: assessment.record_score(wb, open_round, "G02", "P03", 5, when=first_at + timedelta(minutes=3)),
        store.SCORES,
    )
    assert again.replaced is not None and again.replaced.score == 2
    saved = [r for r in rows(sample_folder, store.SCORES) if r["round_id"] == open_round]
    assert [r["score"] for r in saved] == ["2", "5"]
    counted = [s for s in reread(sample_folder).current_scores() if s.round_id == open_round]
    assert [(s.rater, s.score) for s in counted] == [("P03", 5)]


def test_a_clock_set_back_does_not_hide_the_newer_rating(session: Session, open_round: str):
    wb = session.workbook
    assessment.record_score(wb, open_round, "G02", "P03", 2, when=datetime(2026, 11, 21, 10, 0).astimezone())
    assessment.record_score(wb, open_round, "G02", "P03", 4, when=datetime(2026, 11, 21, 9, 0).astimezone())
    assert assessment.current_score(wb, open_round, "G02", "P03").score == 4


@pytest.mark.parametrize(("value", "key"), [
    (7, "err_score_outside"), ("0", "err_score_outside"), ("๖", "err_score_outside"),
    ("abc", "err_score_number"), ("3.5", "err_score_number"), ("สาม", "err_score_number"),
])
def test_a_score_off_the_scale_or_not_a_number_is_refused(session, sample_folder, open_round, value, key):
    before = (sample_folder / store.SCORES).read_bytes()
    assert refused_key(lambda: session.change(
        lambda wb: assessment.record_score(wb, open_round, "G01", "P01", value), store.SCORES)) == key
    assert (sample_folder / store.SCORES).read_bytes() == before
    assert len(session.workbook.scores) == 570


def test_a_dropped_or_unknown_indicator_cannot_be_scored(session: Session, open_round: str):
    wb = session.workbook
    dropped = next(i for i in wb.indicators if i.status == "dropped")
    proposed = next(i for i in wb.indicators if i.status == "proposed")
    assert refused_key(lambda: assessment.record_score(wb, open_round, dropped.indicator_id, "P01", 3)) \
        == "err_score_indicator_not_selected"
    assert refused_key(lambda: assessment.record_score(wb, open_round, proposed.indicator_id, "P01", 3)) \
        == "err_score_indicator_not_selected"
    assert refused_key(lambda: assessment.record_score(wb, open_round, "G99", "P01", 3)) \
        == "err_score_indicator_unknown"
    assert Refused("err_score_indicator_not_selected", title=dropped.title).message("th").startswith(
        f"“{dropped.title}”")


def test_a_closed_or_unknown_round_cannot_be_scored(session: Session):
    wb = session.workbook
    assert refused_key(lambda: assessment.record_score(wb, "r4", "G01", "P01", 3)) == "err_round_closed"
    assert refused_key(lambda: assessment.record_score(wb, "r9", "G01", "P01", 3)) == "err_round_unknown"
    assert refused_key(lambda: assessment.set_reflection(wb, "r4", "G01", "strengths", "x")) == "err_round_closed"
    assert "รอบที่ ๔" in Refused("err_round_closed", label="รอบที่ ๔").message("th")


@pytest.mark.parametrize("code", ["", "consensus", "CONSENSUS", "a b", "P-01-long-code-x", "<b>"])
def test_a_typed_rater_code_that_is_not_a_short_word_is_refused(code: str):
    assert refused_key(lambda: assessment.check_rater(code)) == "err_rater_code"


def test_a_rating_under_a_bad_code_is_refused(session: Session, open_round: str):
    assert refused_key(lambda: assessment.record_score(session.workbook, open_round, "G01", "a b", 3)) \
        == "err_rater_code"
    assert assessment.check_rater(" P07 ") == "P07"


def test_rater_codes_follow_on_per_round(session: Session, open_round: str):
    wb = session.workbook
    assert assessment.next_rater_code(wb, open_round) == "P01"
    for code in ("P01", "P02", "P04"):
        assessment.record_score(wb, open_round, "G01", code, 3)
    assert assessment.raters(wb, open_round) == ["P01", "P02", "P04"]
    assert assessment.next_rater_code(wb, open_round) == "P03"
    external = assessment.add_round(wb, "ภายนอก ๒", TODAY, "external", TODAY)
    assert assessment.next_rater_code(wb, external.round_id) == "E01"


# --- reflections ------------------------------------------------------------------------------------


def test_a_reflection_is_one_row_per_round_and_indicator(session: Session, sample_folder, open_round: str):
    for field, text in (("strengths", "ประชุมครบ"), ("weaknesses", "ไม่มีบันทึก, \"ขาด\""), ("strengths", "ประชุมครบ ๑๒ เดือน")):
        session.change(lambda wb, f=field, x=text: assessment.set_reflection(wb, open_round, "G01", f, x),
                       store.REFLECTIONS)
    mine = [r for r in rows(sample_folder, store.REFLECTIONS) if r["round_id"] == open_round]
    assert mine == [{"round_id": open_round, "indicator_id": "G01", "strengths": "ประชุมครบ ๑๒ เดือน",
                     "weaknesses": 'ไม่มีบันทึก, "ขาด"', "next_action": ""}]
    assert len(rows(sample_folder, store.REFLECTIONS)) == 11  # the sample's ten for round 4, and this one


def test_a_hand_edited_reflections_file_is_checked(sample_folder):
    path = sample_folder / store.REFLECTIONS
    text = read_csv_text(sample_folder, store.REFLECTIONS)
    path.write_text(text + "r9,G01,a,b,c\r\nr4,G01,again,,\r\n", encoding="utf-8-sig")
    workbook, problems = store.check_workbook(sample_folder)
    assert workbook is None
    found = {(p.row, p.column, p.key) for p in problems}
    assert (12, "round_id", "err_unknown_ref") in found
    assert (13, "indicator_id", "err_duplicate_id") in found


def test_a_workbook_without_reflections_csv_still_opens(sample_folder):
    (sample_folder / store.REFLECTIONS).unlink()
    assert store.read_workbook(sample_folder).reflections == []


def test_a_closed_round_in_the_sample_has_its_reflections(session: Session):
    found = assessment.reflection(session.workbook, "r4", "G02")
    assert found is not None and found.next_action.startswith("เหรัญญิก")
    assert assessment.reflection(session.workbook, "r1", "G02") is None


def test_round_dates_are_checked_against_the_day_given(session: Session):
    wb = session.workbook
    assert assessment.check_round_date(date(2025, 10, 18), wb, TODAY) == date(2025, 10, 18)
    with pytest.raises(Refused) as caught:
        assessment.check_round_date(date(2025, 10, 17), wb, TODAY)
    assert caught.value.message("th") == "วันที่ 17/10/2568 อยู่ก่อนวันเริ่มสมุดงานนี้ (18/10/2568)"


def test_a_label_differing_only_in_thai_or_arabic_digits_is_taken(session: Session):
    assert refused_key(lambda: assessment.add_round(session.workbook, "รอบที่ 4", TODAY, "self", TODAY)) \
        == "err_round_label_taken"
