"""The rounds list: start a round (self or external), see every round's progress, open one.

Driven as a facilitator would: pick self/external, type in the boxes, click the big
buttons; then rounds.csv is read back from disk.
"""

from __future__ import annotations

import csv
import io
import re
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from workbook_files import read_csv_text, reread

from conftest import TODAY
from mchch_widgets import store
from mchch_widgets.thai import thai_digits
from mchch_widgets.widgets.widget_rounds import INVALID, RoundsList


@pytest.fixture
def opened() -> list[str]:
    return []


@pytest.fixture
def rounds_list(session, status, opened) -> RoundsList:
    return RoundsList(session, status, "th", TODAY, opened.append)


def csv_rows(folder: Path, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(read_csv_text(folder, name), newline="")))


def rounds_bytes(folder: Path) -> bytes:
    return (folder / store.ROUNDS).read_bytes()


def next_number(folder: Path, prefix: str) -> int:
    return max(int(r["round_id"][1:]) for r in csv_rows(folder, store.ROUNDS) if r["round_id"].startswith(prefix)) + 1


def how_many(folder: Path, assessor: str) -> int:
    return sum(1 for r in csv_rows(folder, store.ROUNDS) if r["assessor"] == assessor)


def be_entry(day: date) -> str:
    return f"{day.day}/{day.month}/{day.year + 543}"


# --- creating a round -------------------------------------------------------------------------


def test_a_self_round_is_created_with_one_click_saved_and_opened(rounds_list, sample_folder: Path, opened):
    expected_id = f"r{next_number(sample_folder, 'r')}"
    expected_label = thai_digits(f"รอบที่ {how_many(sample_folder, 'self') + 1}")
    assert rounds_list.label.value == expected_label
    assert rounds_list.day.value == be_entry(TODAY)

    rounds_list.create.click()

    saved = {r["round_id"]: r for r in csv_rows(sample_folder, store.ROUNDS)}
    assert saved[expected_id]["label"] == expected_label
    assert saved[expected_id]["held_on"] == TODAY.isoformat()
    assert saved[expected_id]["assessor"] == "self"
    assert saved[expected_id]["closed"] == "false"
    assert opened == [expected_id]
    assert rounds_list.status.state == "saved"
    assert expected_id in rounds_list.open_buttons  # listed at once
    # ready for the next one: the name moved on
    assert rounds_list.label.value == thai_digits(f"รอบที่ {how_many(sample_folder, 'self') + 1}")


def test_an_external_round_gets_an_x_id_and_its_own_prefilled_name(rounds_list, sample_folder: Path, opened):
    expected_id = f"x{next_number(sample_folder, 'x')}"
    rounds_list.assessor.value = "external"
    expected_label = thai_digits(f"ประเมินจากภายนอก ครั้งที่ {how_many(sample_folder, 'external') + 1}")
    assert rounds_list.label.value == expected_label

    rounds_list.create.click()

    found = reread(sample_folder).round(expected_id)
    assert found is not None and found.assessor == "external" and found.label == expected_label
    assert found.held_on == TODAY and not found.closed
    assert opened == [expected_id]


def test_the_prefilled_name_follows_the_toggle_but_a_typed_name_stays(rounds_list, sample_folder: Path):
    self_label = rounds_list.label.value
    rounds_list.assessor.value = "external"
    assert rounds_list.label.value != self_label and "ภายนอก" in rounds_list.label.value
    rounds_list.assessor.value = "self"
    assert rounds_list.label.value == self_label

    rounds_list.label.value = "ประเมินกลางปี"
    rounds_list.assessor.value = "external"
    assert rounds_list.label.value == "ประเมินกลางปี"
    rounds_list.create.click()
    assert any(r["label"] == "ประเมินกลางปี" and r["assessor"] == "external"
               for r in csv_rows(sample_folder, store.ROUNDS))


def test_a_date_typed_with_thai_digits_or_a_month_name_is_read(rounds_list, sample_folder: Path):
    rounds_list.day.value = "๑๕ พ.ย. ๒๕๖๙"
    new_id = rounds_list.create_round()
    assert reread(sample_folder).round(new_id).held_on == date(2026, 11, 15)


def _created_at(folder: Path) -> date:
    return datetime.fromisoformat(csv_rows(folder, store.PROFILE)[0]["created_at"]).date()


@pytest.mark.parametrize("typed", ["future", "before_workbook", "abc", ""])
def test_a_date_that_breaks_a_rule_is_refused_kept_and_marked(rounds_list, sample_folder: Path, opened, typed):
    text = {
        "future": be_entry(TODAY + timedelta(days=1)),
        "before_workbook": be_entry(_created_at(sample_folder) - timedelta(days=1)),
    }.get(typed, typed)
    before = rounds_bytes(sample_folder)
    rounds_list.day.value = text

    rounds_list.create.click()

    assert rounds_bytes(sample_folder) == before
    assert rounds_list.status.state == "error" and rounds_list.status.detail
    assert rounds_list.day.value == text and INVALID in rounds_list.day._dom_classes
    assert opened == []

    rounds_list.day.value = be_entry(TODAY)  # corrected: the mark goes
    assert INVALID not in rounds_list.day._dom_classes


def test_a_date_before_the_workbook_says_when_it_started(rounds_list, sample_folder: Path):
    created = _created_at(sample_folder)
    rounds_list.day.value = be_entry(created - timedelta(days=1))
    rounds_list.create.click()
    assert be_entry(created) in rounds_list.status.detail


def test_a_name_already_used_is_refused_and_nothing_is_written(rounds_list, sample_folder: Path, opened):
    taken = csv_rows(sample_folder, store.ROUNDS)[0]["label"]
    before = rounds_bytes(sample_folder)
    rounds_list.label.value = f"  {taken} "

    rounds_list.create.click()

    assert rounds_bytes(sample_folder) == before
    assert rounds_list.status.state == "error" and taken in rounds_list.status.detail
    assert INVALID in rounds_list.label._dom_classes and rounds_list.label.value == f"  {taken} "
    assert opened == []


# --- the list -----------------------------------------------------------------------------------


def progress_from_files(folder: Path) -> dict[str, tuple[int, int, int]]:
    """(consensus agreed, selected indicators, raters) per round, counted from the CSV files."""
    selected = {r["indicator_id"] for r in csv_rows(folder, store.INDICATORS) if r["status"] == "selected"}
    scores = csv_rows(folder, store.SCORES)
    counts = {}
    for found in csv_rows(folder, store.ROUNDS):
        mine = [s for s in scores if s["round_id"] == found["round_id"]]
        agreed = {s["indicator_id"] for s in mine if s["rater"] == "consensus" and s["indicator_id"] in selected}
        raters = {s["rater"] for s in mine if s["rater"] != "consensus"}
        counts[found["round_id"]] = (len(agreed), len(selected), len(raters))
    return counts


def plain(html: str) -> str:
    return re.sub(r"<[^>]+>", " ", html)


def test_every_round_is_listed_newest_first_with_its_progress(session, status, sample_folder: Path, open_round):
    rounds_list = RoundsList(session, status, "th", TODAY, lambda _r: None)
    rows = csv_rows(sample_folder, store.ROUNDS)
    newest_first = [r["round_id"] for r in sorted(rows, key=lambda r: r["held_on"], reverse=True)]
    assert list(rounds_list.open_buttons) == newest_first
    for found in rows:
        agreed, total, raters = progress_from_files(sample_folder)[found["round_id"]]
        text = plain(rounds_list.rows[found["round_id"]].children[0].value)
        assert found["label"] in text
        assert thai_digits(f"ตกลงแล้ว {agreed}/{total} ข้อ · ผู้ประเมิน {raters} คน") in text
        day = date.fromisoformat(found["held_on"])
        assert thai_digits(f"{day.day}") in text and thai_digits(str(day.year + 543)) in text
        assert ("ภายนอก" if found["assessor"] == "external" else "ประเมินตนเอง") in text


def test_closed_rounds_say_so_in_words_and_open_ones_stand_out(session, status, sample_folder: Path, open_round):
    rounds_list = RoundsList(session, status, "th", TODAY, lambda _r: None)
    for found in csv_rows(sample_folder, store.ROUNDS):
        row = rounds_list.rows[found["round_id"]]
        text = plain(row.children[0].value)
        if found["closed"] == "true":
            assert "ปิดแล้ว" in text and "mchch-rounds-row-closed" in row._dom_classes
        else:
            assert "เปิดอยู่" in text and "ปิดแล้ว" not in text
            assert "mchch-rounds-row-open" in row._dom_classes
    assert "mchch-rounds-row-open" in rounds_list.rows[open_round]._dom_classes


def test_the_open_button_opens_that_round(rounds_list, sample_folder: Path, opened):
    some = csv_rows(sample_folder, store.ROUNDS)[1]["round_id"]
    rounds_list.open_buttons[some].click()
    assert opened == [some]


def test_refresh_shows_a_round_created_elsewhere(rounds_list, session, open_round):
    assert open_round not in rounds_list.open_buttons
    rounds_list.refresh()
    assert next(iter(rounds_list.open_buttons)) == open_round


def test_english_labels(session, status, sample_folder: Path):
    rounds_list = RoundsList(session, status, "en", TODAY, lambda _r: None)
    assert [label for label, _v in rounds_list.assessor.options] == ["Self-assessment", "External"]
    assert rounds_list.label.value == f"Round {how_many(sample_folder, 'self') + 1}"
    assert rounds_list.create.description == "Create the round"
    first = csv_rows(sample_folder, store.ROUNDS)[0]
    text = plain(rounds_list.rows[first["round_id"]].children[0].value)
    assert "closed" in text and "agreed" in text and "raters" in text
    assert rounds_list.open_buttons[first["round_id"]].description == "Open →"
    rounds_list.day.value = "abc"
    rounds_list.create.click()
    assert "abc" in rounds_list.status.detail and not re.search("[ก-๙]", rounds_list.status.detail)


def test_digits_can_stay_arabic(session, status, sample_folder: Path):
    rounds_list = RoundsList(session, status, "th", TODAY, lambda _r: None, digits=False)
    assert rounds_list.label.value == f"รอบที่ {how_many(sample_folder, 'self') + 1}"
    first = csv_rows(sample_folder, store.ROUNDS)[0]
    text = plain(rounds_list.rows[first["round_id"]].children[0].value).replace(first["label"], "")
    assert not re.search("[๐-๙]", text)  # the saved name is the group's own words: kept as typed
