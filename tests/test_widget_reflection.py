"""Lessons learnt (ถอดบทเรียน): three boxes per indicator, saved to reflections.csv as they are left."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from workbook_files import read_csv_text

from mchch_widgets import store
from mchch_widgets.assessment import NOTE_MAX, REFLECTION_FIELDS
from mchch_widgets.text import t
from mchch_widgets.widgets.widget_reflection import ReflectionBox


def reflection_rows(folder: Path) -> dict[tuple[str, str], dict[str, str]]:
    """reflections.csv as a spreadsheet shows it, by (round, indicator); empty when there is no file."""
    if not (folder / store.REFLECTIONS).exists():
        return {}
    rows = csv.DictReader(io.StringIO(read_csv_text(folder, store.REFLECTIONS), newline=""))
    return {(row["round_id"], row["indicator_id"]): row for row in rows}


def files_on_disk(folder: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted(folder.glob("*.csv"))}


@pytest.fixture
def box(session, status, open_round) -> ReflectionBox:
    return ReflectionBox(session, status, "th", open_round, "G02")


def test_each_box_is_saved_to_reflections_csv_when_left(box, sample_folder, open_round, status):
    box.fields["strengths"].value = "เหรัญญิกจดบัญชีทุกวัน"
    box.fields["next_action"].value = "ติดประกาศยอดเงินทุกเดือน"

    row = reflection_rows(sample_folder)[(open_round, "G02")]
    assert row["strengths"] == "เหรัญญิกจดบัญชีทุกวัน"
    assert row["weaknesses"] == ""
    assert row["next_action"] == "ติดประกาศยอดเงินทุกเดือน"
    assert status.state == "saved"
    assert t("reflect_next_action", "th") in status.value


def test_a_new_box_is_prefilled_with_what_was_saved(box, session, status, open_round):
    for field, text in zip(REFLECTION_FIELDS, ("ทำบัญชีครบ", "ยังไม่แจ้งสมาชิก", "ประชุมทุกเดือน")):
        box.fields[field].value = text

    again = ReflectionBox(session, status, "th", open_round, "G02")
    assert [again.fields[f].value for f in REFLECTION_FIELDS] == ["ทำบัญชีครบ", "ยังไม่แจ้งสมาชิก", "ประชุมทุกเดือน"]


def test_show_switches_indicator_without_rebuilding(box, sample_folder, open_round):
    box.fields["weaknesses"].value = "ยังไม่แจ้งสมาชิก"
    boxes = dict(box.fields)

    box.show("G05")
    assert box.indicator_id == "G05"
    assert box.fields == boxes and all(box.fields[f] is boxes[f] for f in REFLECTION_FIELDS)
    assert all(box.fields[f].value == "" for f in REFLECTION_FIELDS)
    box.fields["weaknesses"].value = "สีตก"

    box.show("G02")
    assert box.fields["weaknesses"].value == "ยังไม่แจ้งสมาชิก"
    rows = reflection_rows(sample_folder)
    assert rows[(open_round, "G05")]["weaknesses"] == "สีตก"
    assert rows[(open_round, "G02")]["weaknesses"] == "ยังไม่แจ้งสมาชิก"


def test_spaces_alone_change_nothing(box, sample_folder, open_round):
    before = files_on_disk(sample_folder)
    box.fields["strengths"].value = "  "
    assert files_on_disk(sample_folder) == before
    assert (open_round, "G02") not in reflection_rows(sample_folder)
    assert box.fields["strengths"].value == ""


def test_too_long_a_text_is_refused_and_nothing_changes(box, sample_folder, status):
    box.fields["strengths"].value = "ดี"
    before = files_on_disk(sample_folder)

    too_long = "ก" * (NOTE_MAX + 1)
    box.fields["strengths"].value = too_long

    assert files_on_disk(sample_folder) == before
    assert status.state == "error"
    assert box.fields["strengths"].value == too_long  # kept, marked, to be shortened rather than retyped
    assert "mchch-invalid" in box.fields["strengths"]._dom_classes


def test_a_closed_round_shows_what_was_learnt_read_only(session, status, sample_folder):
    kept = reflection_rows(sample_folder).get(("r4", "G02"), dict.fromkeys(REFLECTION_FIELDS, ""))
    box = ReflectionBox(session, status, "th", "r4", "G02")
    before = files_on_disk(sample_folder)

    assert [box.fields[f].value for f in REFLECTION_FIELDS] == [kept[f] for f in REFLECTION_FIELDS]
    assert box.closed_note in box.children
    assert all(box.fields[f].disabled for f in REFLECTION_FIELDS)
    box.fields["strengths"].value = "พิมพ์ไม่ได้"  # what a browser would refuse; the core refuses too

    assert files_on_disk(sample_folder) == before
    assert box.fields["strengths"].value == kept["strengths"]
    assert status.state == "error"


def test_english_labels(session, status, open_round):
    box = ReflectionBox(session, status, "en", open_round, "G02")
    labels = [child.value for child in box.children if "mchch-reflect-label" in child._dom_classes]
    assert labels == ["Strengths", "To improve", "What we will do next"]
    assert box.hint.value == "Each box is saved when you leave it"
