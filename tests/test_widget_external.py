"""Self vs external: the table marks the indicators where the two are a level or more apart.

Expected values are worked out here from scores.csv, independently of scoring.py.
"""

from __future__ import annotations

import csv
import io
import re
import statistics
from datetime import datetime
from pathlib import Path

import pytest
from workbook_files import read_csv_text

from conftest import TODAY
from mchch_widgets import assessment, model, store
from mchch_widgets.session import Session
from mchch_widgets.thai import thai_digits
from mchch_widgets.widgets.widget_external import SelfVsExternal


def csv_rows(folder: Path, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(read_csv_text(folder, name), newline="")))


def consensus(folder: Path, round_id: str) -> dict[str, int]:
    """The latest consensus level per indicator of the round, from scores.csv."""
    latest: dict[str, dict[str, str]] = {}
    for row in csv_rows(folder, store.SCORES):
        if row["round_id"] == round_id and row["rater"] == "consensus" and row["score"]:
            earlier = latest.get(row["indicator_id"])
            if earlier is None or row["recorded_at"] >= earlier["recorded_at"]:
                latest[row["indicator_id"]] = row
    return {key: int(row["score"]) for key, row in latest.items()}


def selected(folder: Path) -> list[dict[str, str]]:
    return [r for r in csv_rows(folder, store.INDICATORS) if r["status"] == "selected"]


def rows_of(html: str) -> list[tuple[str, str]]:
    """(the <tr> attributes, the row's text) for each body row of the table."""
    body = html.split("<tbody>", 1)[1]
    return [(attrs, re.sub(r"<[^>]+>", " ", inner)) for attrs, inner in re.findall(r"<tr([^>]*)>(.*?)</tr>", body)]


def differing_titles(widget: SelfVsExternal) -> list[str]:
    titles = [i.title for i in widget.session.workbook.selected_indicators()]
    return [title for title, (attrs, _text) in zip(titles, rows_of(widget.table.value))
            if "mchch-external-differs" in attrs]


def expected_differing(folder: Path, external_id: str, self_id: str) -> list[str]:
    outside, own = consensus(folder, external_id), consensus(folder, self_id)
    return [i["title"] for i in selected(folder)
            if i["indicator_id"] in outside and i["indicator_id"] in own
            and abs(outside[i["indicator_id"]] - own[i["indicator_id"]]) >= 1]


def latest(folder: Path, assessor: str) -> str:
    mine = [r for r in csv_rows(folder, store.ROUNDS) if r["assessor"] == assessor]
    return max(mine, key=lambda r: r["held_on"])["round_id"]


@pytest.fixture
def widget(session) -> SelfVsExternal:
    return SelfVsExternal(session, "th")


def test_the_rows_marked_are_those_a_level_or_more_apart(widget, sample_folder: Path):
    external_id = latest(sample_folder, "external")
    self_id = latest(sample_folder, "self")  # the sample's last self round is held before the external one
    assert (widget.external.value, widget.own.value) == (external_id, self_id)
    expected = expected_differing(sample_folder, external_id, self_id)
    assert expected  # the sample has differences to show
    assert differing_titles(widget) == expected


def test_each_marked_row_says_which_way_with_a_symbol_and_words(widget, sample_folder: Path):
    outside = consensus(sample_folder, widget.external.value)
    own = consensus(sample_folder, widget.own.value)
    for indicator, (attrs, text) in zip(selected(sample_folder), rows_of(widget.table.value)):
        difference = outside[indicator["indicator_id"]] - own[indicator["indicator_id"]]
        assert indicator["title"] in text
        assert thai_digits(str(own[indicator["indicator_id"]])) in text
        if difference <= -1:
            assert "▼" in text and thai_digits(f"ภายนอกให้ต่ำกว่า {-difference} ระดับ") in text
            assert "mchch-external-lower" in attrs
        elif difference >= 1:
            assert "▲" in text and thai_digits(f"ภายนอกให้สูงกว่า {difference} ระดับ") in text
            assert "mchch-external-higher" in attrs
        else:
            assert "▼" not in text and "▲" not in text and "mchch-external-differs" not in attrs


def test_the_summary_counts_the_differences(widget, sample_folder: Path):
    outside = consensus(sample_folder, widget.external.value)
    own = consensus(sample_folder, widget.own.value)
    both = [i for i in outside if i in own]
    lower = sum(1 for i in both if outside[i] - own[i] <= -1)
    higher = sum(1 for i in both if outside[i] - own[i] >= 1)
    summary = widget.summary.value
    assert thai_digits(f"ต่างกัน {lower + higher} ข้อ จาก {len(both)}") in summary
    if lower:
        assert thai_digits(f"ภายนอกให้ต่ำกว่า {lower} ข้อ") in summary
    if higher:
        assert thai_digits(f"ภายนอกให้สูงกว่า {higher} ข้อ") in summary


def test_choosing_another_self_round_redraws_the_table(widget, sample_folder: Path):
    selves = [r for r in csv_rows(sample_folder, store.ROUNDS) if r["assessor"] == "self"]
    earlier = min(selves, key=lambda r: r["held_on"])["round_id"]
    before = widget.table.value

    widget.own.value = earlier

    assert widget.table.value != before
    assert differing_titles(widget) == expected_differing(sample_folder, widget.external.value, earlier)
    own = consensus(sample_folder, earlier)
    first_text = rows_of(widget.table.value)[0][1]
    assert thai_digits(str(own[selected(sample_folder)[0]["indicator_id"]])) in first_text


def test_a_median_shows_with_one_decimal_and_a_star_when_not_agreed(session, sample_folder: Path):
    levels = [3, 4]

    def change(workbook):
        new = assessment.add_round(workbook, "ภายนอก ทดลอง", TODAY, "external", TODAY)
        first = workbook.selected_indicators()[0].indicator_id
        for code, level in zip(("E01", "E02"), levels):
            assessment.record_score(workbook, new.round_id, first, code, level)
        return new.round_id

    new_id = session.change(change, store.ROUNDS, store.SCORES)
    widget = SelfVsExternal(session, "th")
    assert widget.external.value == new_id  # the newest external round by default
    median = statistics.median(levels)
    rows = rows_of(widget.table.value)
    assert thai_digits(f"{median:.1f}*") in rows[0][1]
    assert "—" in rows[1][1]  # nothing scored yet: a dash, not a zero
    assert "ค่ามัธยฐาน" in widget.table.value


def test_a_round_added_later_appears_after_refresh(widget, session, sample_folder: Path):
    before = [v for _l, v in widget.external.options]
    new = session.change(lambda wb: assessment.add_round(wb, "ภายนอกครั้งใหม่", TODAY, "external", TODAY),
                         store.ROUNDS)
    chosen = widget.external.value
    widget.refresh()
    assert [v for _l, v in widget.external.options] == [new.round_id, *before]
    assert widget.external.value == chosen  # a redraw keeps what the facilitator is looking at

    widget.external.value = new.round_id

    assert widget.summary.value == "ยังไม่มีคะแนนให้เทียบ"
    assert "mchch-external-differs" not in widget.table.value


def test_titles_are_shown_as_text_never_as_markup(session, sample_folder: Path):
    first = session.workbook.selected_indicators()[0].indicator_id

    def rename(workbook):
        workbook.indicator(first).title = "<b>ประชุม</b> & บันทึก"
    session.change(rename, store.INDICATORS)
    widget = SelfVsExternal(session, "th")
    assert "&lt;b&gt;ประชุม&lt;/b&gt; &amp; บันทึก" in widget.table.value
    assert "<b>ประชุม" not in widget.table.value


def test_without_an_external_round_it_says_how_to_make_one(tmp_path: Path):
    workbook = model.new_workbook("กลุ่มทดสอบ", "group", created_at=datetime(2026, 1, 1).astimezone())
    workbook.indicators.append(model.Indicator("G01", "การประชุมกลุ่ม", status="selected"))
    assessment.add_round(workbook, "รอบที่ ๑", TODAY, "self", TODAY)
    store.create_workbook(tmp_path / "wb", workbook)
    widget = SelfVsExternal(Session(tmp_path / "wb"), "th")
    assert widget.children == (widget.empty,)
    assert "ประเมินจากภายนอก" in widget.empty.value and "เริ่มรอบประเมินใหม่" in widget.empty.value


def test_english_labels(session, sample_folder: Path):
    widget = SelfVsExternal(session, "en")
    assert widget.external.description == "External" and widget.own.description == "Compared with"
    for word in ("Indicator", "Self", "External", "Target"):
        assert f">{word}</th>" in widget.table.value
    count = len(expected_differing(sample_folder, widget.external.value, widget.own.value))
    assert f"{count} of " in widget.summary.value
    assert "lower" in widget.table.value
    assert not re.search("[๐-๙]", widget.summary.value)
