"""The header's undo button: the last delete or merge can be taken back, once."""

from __future__ import annotations

from workbook_files import reread

from mchch_widgets import forum
from mchch_widgets.store import INDICATORS, MEMBERS
from mchch_widgets.widgets.widget_save_status import change_and_save
from mchch_widgets.widgets.widget_undo import UndoButton


def drop_first_proposal(session, status):
    indicator = next(i for i in session.workbook.indicators if i.status == "proposed")
    change_and_save(session, status, "th", (INDICATORS,), lambda: forum.drop(session.workbook, indicator.indicator_id),
                    undo=("undo_drop", {"title": indicator.title}))
    return indicator


def test_hidden_until_there_is_something_to_undo(session, status):
    button = UndoButton(session, status)
    assert button.layout.display == "none"

    indicator = drop_first_proposal(session, status)
    assert button.layout.display == ""
    assert indicator.title[:20] in button.description and "เลิกทำ" in button.description


def test_a_click_puts_the_dropped_proposal_back_on_disk(session, status):
    before = (session.folder / INDICATORS).read_bytes()
    button = UndoButton(session, status)
    undone = []
    button.on_undone = lambda: undone.append(True)
    indicator = drop_first_proposal(session, status)
    button.click()

    assert (session.folder / INDICATORS).read_bytes() == before
    assert forum.find(reread(session.folder), indicator.indicator_id).status == "proposed"
    assert button.layout.display == "none"
    assert "เลิกทำแล้ว" in status.value
    assert undone == [True]


def test_the_next_change_ends_the_chance_to_undo(session, status):
    button = UndoButton(session, status)
    drop_first_proposal(session, status)
    live = forum.live(session.workbook)[0]
    change_and_save(session, status, "th", (INDICATORS,), lambda: forum.add_votes(session.workbook, live.indicator_id))

    assert button.layout.display == "none"
    assert session.last_undo is None


def test_a_refused_change_offers_no_undo(session, status):
    button = UndoButton(session, status)
    existing = forum.live(session.workbook)[1].title
    first = forum.live(session.workbook)[0]
    change_and_save(session, status, "th", (INDICATORS,),
                    lambda: forum.edit(session.workbook, first.indicator_id, title=existing),
                    undo=("undo_drop", {"title": first.title}))

    assert status.state == "error"
    assert button.layout.display == "none"


def test_undo_when_the_file_on_disk_broke_says_why_and_keeps_the_offer(session, status):
    button = UndoButton(session, status)
    drop_first_proposal(session, status)
    (session.folder / MEMBERS).write_text("nonsense\n", encoding="utf-8")
    button.click()

    assert status.state == "error" and MEMBERS in status.value
    assert button.layout.display == ""


def test_english(session, status):
    button = UndoButton(session, status, language="en")
    drop_first_proposal(session, status)
    assert button.description.startswith("↶ Undo: drop")
