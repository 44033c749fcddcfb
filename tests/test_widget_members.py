"""Lead team and advisors: saved to members.csv as they are typed; removing takes two clicks."""

from __future__ import annotations

from pathlib import Path

import pytest
from workbook_files import read_csv_text, reread

from mchch_widgets import store
from mchch_widgets.widgets.widget_members import MembersEditor


@pytest.fixture
def editor(session, status) -> MembersEditor:
    return MembersEditor(session, status)


def test_shows_every_member_of_the_sample(editor, sample_folder: Path):
    names = [row.name.value for row in editor.rows]
    assert names == [m.name for m in reread(sample_folder).members]
    assert len(names) >= 5


def test_a_new_person_is_saved_once_named(editor, sample_folder: Path):
    count = len(reread(sample_folder).members)
    row = editor.add_person()
    assert len(reread(sample_folder).members) == count  # nothing written for an empty row yet

    row.name.value = "นางสาวใหม่ ใจงาม"
    row.role.value = "advisor"
    row.position.value = "ครู กศน."
    row.contact.value = "089-000-1111"

    saved = reread(sample_folder).members[-1]
    assert (saved.name, saved.role, saved.position, saved.contact) == (
        "นางสาวใหม่ ใจงาม", "advisor", "ครู กศน.", "089-000-1111")


def test_remove_asks_first_then_removes(editor, sample_folder: Path):
    first = editor.rows[0]
    name = first.name.value

    first.remove.click()
    assert name in [m.name for m in reread(sample_folder).members]  # only asked
    assert first.remove.button_style == "danger"

    first.remove.click()
    assert name not in [m.name for m in reread(sample_folder).members]
    assert first not in editor.rows


def test_editing_a_row_cancels_a_pending_remove(editor):
    row = editor.rows[0]
    row.remove.click()
    row.contact.value = "080-123-4567"
    assert row.remove.button_style == ""


def test_extra_columns_typed_in_a_spreadsheet_survive_an_edit(sample_folder: Path, status):
    workbook = reread(sample_folder)
    workbook.members[0].extra["หมายเหตุ"] = "เข้าร่วมตั้งแต่ปี 2560"
    store.save(sample_folder, workbook, "members.csv")
    from mchch_widgets.session import Session

    editor = MembersEditor(Session(sample_folder), status)
    editor.rows[1].position.value = "กรรมการ"

    assert "หมายเหตุ" in read_csv_text(sample_folder, "members.csv").splitlines()[0]
    assert reread(sample_folder).members[0].extra["หมายเหตุ"] == "เข้าร่วมตั้งแต่ปี 2560"
