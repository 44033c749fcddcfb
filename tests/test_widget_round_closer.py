"""Closing a round (two clicks, with a warning when indicators have no consensus) and reopening it (recorded).

Each test clicks as the facilitator would and reads rounds.csv back from disk.
"""

from __future__ import annotations

import csv
import io
from datetime import datetime
from pathlib import Path

import pytest
from workbook_files import read_csv_text

from mchch_widgets import assessment, store
from mchch_widgets.session import Session
from mchch_widgets.thai import format_date, thai_digits
from mchch_widgets.widgets.widget_round_closer import RoundCloser
from mchch_widgets.widgets.widget_save_status import SaveStatus


def csv_rows(folder: Path, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(read_csv_text(folder, name), newline="")))


def round_row(folder: Path, round_id: str) -> dict[str, str]:
    return next(r for r in csv_rows(folder, store.ROUNDS) if r["round_id"] == round_id)


def selected_ids(folder: Path) -> list[str]:
    return [r["indicator_id"] for r in csv_rows(folder, store.INDICATORS) if r["status"] == "selected"]


def not_agreed(folder: Path, round_id: str) -> int:
    """Selected indicators without a consensus row in scores.csv for the round."""
    agreed = {s["indicator_id"] for s in csv_rows(folder, store.SCORES)
              if s["round_id"] == round_id and s["rater"] == "consensus"}
    return sum(1 for i in selected_ids(folder) if i not in agreed)


def agree(session: Session, round_id: str, indicator_ids: list[str], level: int = 3) -> None:
    def change(workbook):
        for indicator_id in indicator_ids:
            assessment.record_score(workbook, round_id, indicator_id, "consensus", level)
    session.change(change, store.SCORES)


def closed_round(folder: Path) -> str:
    return next(r["round_id"] for r in csv_rows(folder, store.ROUNDS) if r["closed"] == "true")


@pytest.fixture
def changes() -> list[bool]:
    return []


def closer_for(session, status, round_id, changes, language="th") -> RoundCloser:
    return RoundCloser(session, status, language, round_id, on_change=lambda: changes.append(True))


def visible(widget) -> bool:
    return widget.layout.display != "none"


# --- closing ------------------------------------------------------------------------------------


def test_closing_an_incomplete_round_warns_with_the_count_then_closes(session, status, sample_folder: Path,
                                                                        open_round, changes):
    agree(session, open_round, selected_ids(sample_folder)[:-2])
    closer = closer_for(session, status, open_round, changes)
    assert visible(closer.close_button) and not visible(closer.reopen_button)
    assert "เปิดอยู่" in closer.state.value
    before = (sample_folder / store.ROUNDS).read_bytes()
    missing = not_agreed(sample_folder, open_round)
    assert missing > 0

    closer.close_button.click()

    assert closer.close_button.description == thai_digits(f"ยังไม่ได้ตกลง {missing} ข้อ · ยืนยันปิดรอบ?")
    assert (sample_folder / store.ROUNDS).read_bytes() == before and changes == []

    closer.close_button.click()

    saved = round_row(sample_folder, open_round)
    assert saved["closed"] == "true" and saved["closed_at"]
    assert changes == [True] and status.state == "saved"
    assert not visible(closer.close_button) and visible(closer.reopen_button)
    when = datetime.fromisoformat(saved["closed_at"])
    assert f"ปิดแล้ว เมื่อ {format_date(when, 'th', True)} {thai_digits(when.strftime('%H:%M'))}" in closer.state.value


def test_the_warning_counts_what_is_agreed_at_the_moment_of_the_click(session, status, sample_folder: Path,
                                                                       open_round, changes):
    closer = closer_for(session, status, open_round, changes)
    agree(session, open_round, selected_ids(sample_folder)[:3])  # agreed after the closer was drawn
    closer.close_button.click()
    count = not_agreed(sample_folder, open_round)
    assert closer.close_button.description == thai_digits(f"ยังไม่ได้ตกลง {count} ข้อ · ยืนยันปิดรอบ?")


def test_a_complete_round_is_closed_without_a_warning(session, status, sample_folder: Path, open_round, changes):
    agree(session, open_round, selected_ids(sample_folder))
    closer = closer_for(session, status, open_round, changes)
    closer.close_button.click()
    assert "ยังไม่ได้ตกลง" not in closer.close_button.description
    assert "ยืนยันปิดรอบ?" in closer.close_button.description
    closer.close_button.click()
    assert round_row(sample_folder, open_round)["closed"] == "true"


def test_a_round_closed_in_another_tab_is_not_closed_twice(session, status, sample_folder: Path, open_round, changes):
    closer = closer_for(session, status, open_round, changes)
    other = Session(sample_folder)
    other.change(lambda wb: assessment.close_round(wb, open_round), store.ROUNDS)
    stamp = round_row(sample_folder, open_round)["closed_at"]

    closer.close_button.click()
    closer.close_button.click()

    assert status.state == "error" and changes == []
    assert round_row(sample_folder, open_round)["closed_at"] == stamp
    assert visible(closer.reopen_button) and "ปิดแล้ว" in closer.state.value  # the screen now tells the truth


# --- reopening ----------------------------------------------------------------------------------


def test_a_closed_round_is_shown_closed_and_reopening_is_recorded(session, status, sample_folder: Path, changes):
    round_id = closed_round(sample_folder)
    closer = closer_for(session, status, round_id, changes)
    assert "ปิดแล้ว" in closer.state.value and "เปิดใหม่แล้ว" not in closer.state.value
    assert visible(closer.reopen_button) and not visible(closer.close_button)
    before = (sample_folder / store.ROUNDS).read_bytes()

    closer.reopen_button.click()
    assert closer.reopen_button.description == "เปิดรอบที่ปิดแล้ว? จะบันทึกไว้"
    assert (sample_folder / store.ROUNDS).read_bytes() == before

    closer.reopen_button.click()

    saved = round_row(sample_folder, round_id)
    assert saved["closed"] == "false"
    stamps = saved["reopened_at"].split()
    assert len(stamps) == 1
    assert changes == [True]
    when = datetime.fromisoformat(stamps[0])
    assert thai_digits(f"เปิดใหม่แล้ว 1 ครั้ง (ล่าสุด {format_date(when)} {when:%H:%M})") in closer.state.value
    assert visible(closer.close_button)


def test_closing_again_keeps_the_record_and_a_second_reopening_adds_to_it(session, status, sample_folder: Path,
                                                                          changes):
    round_id = closed_round(sample_folder)
    closer = closer_for(session, status, round_id, changes)
    closer.reopen_button.click()
    closer.reopen_button.click()
    first = round_row(sample_folder, round_id)["reopened_at"]

    closer.close_button.click()
    closer.close_button.click()

    saved = round_row(sample_folder, round_id)
    assert saved["closed"] == "true" and saved["reopened_at"] == first
    assert "ปิดแล้ว" in closer.state.value and "เปิดใหม่แล้ว" in closer.state.value

    closer.reopen_button.click()
    closer.reopen_button.click()
    stamps = round_row(sample_folder, round_id)["reopened_at"].split()
    assert len(stamps) == 2 and stamps[0] == first
    assert thai_digits("เปิดใหม่แล้ว 2 ครั้ง") in closer.state.value


def test_one_click_alone_changes_nothing(session, status, sample_folder: Path, changes):
    closer = closer_for(session, status, closed_round(sample_folder), changes, language="th")
    before = (sample_folder / store.ROUNDS).read_bytes()
    closer.reopen_button.click()
    closer.refresh()  # e.g. the screen redrawn: the question is withdrawn
    closer.reopen_button.click()
    assert (sample_folder / store.ROUNDS).read_bytes() == before and changes == []


def test_switching_the_round_shown(session, status, sample_folder: Path, open_round, changes):
    closer = closer_for(session, status, closed_round(sample_folder), changes)
    closer.round_id = open_round
    assert visible(closer.close_button) and not visible(closer.reopen_button)


def test_english_labels(session, sample_folder: Path, open_round, changes):
    status = SaveStatus(language="en")
    closer = closer_for(session, status, open_round, changes, language="en")
    assert closer.close_button.description == "Close the round"
    closer.close_button.click()
    count = not_agreed(sample_folder, open_round)
    assert closer.close_button.description == f"{count} not agreed yet · close the round?"
    closer.close_button.click()
    assert "Closed on" in closer.state.value
    closer.reopen_button.click()
    assert closer.reopen_button.description == "Reopen a closed round? It is recorded"
    closer.reopen_button.click()
    assert "Times reopened: 1 (last " in closer.state.value
