"""Choosing the final set, putting it in order, and dropping the rest for the record."""

from __future__ import annotations

import pytest
from workbook_files import reread

from mchch_widgets import forum
from mchch_widgets.store import INDICATORS
from mchch_widgets.suggestions import GENERIC_LADDER
from mchch_widgets.widgets.widget_selection import SelectionBoard


@pytest.fixture
def board(session, status) -> SelectionBoard:
    return SelectionBoard(session, status)


def proposed_ids(board: SelectionBoard) -> list[str]:
    return [i.indicator_id for i in forum.by_votes(board.session.workbook) if i.status == "proposed"]


def button_in(row, label: str):
    return next(w for w in row.children if getattr(w, "description", None) == label)


def test_the_left_lists_proposals_by_votes_and_the_right_the_selected_in_order(board, session):
    waiting = [i for i in forum.by_votes(session.workbook) if i.status == "proposed"]
    rows = board.proposed.children[1:]
    assert len(rows) == len(waiting) == 4
    assert waiting[0].title in rows[0].children[0].value
    chosen_rows = board.chosen.children[1:]
    assert [session.workbook.selected_indicators()[n].title in r.children[1].value
            for n, r in enumerate(chosen_rows)] == [True] * 10
    assert "10" in board.chosen.children[0].value


def test_selecting_puts_it_at_the_end_of_the_set_with_the_generic_ladder_in_empty_levels(session, status):
    chosen_id = next(i.indicator_id for i in forum.by_votes(session.workbook) if i.status == "proposed")
    forum.find(session.workbook, chosen_id).levels = {2: "คำของกลุ่มเอง"}
    session.save(INDICATORS)
    board = SelectionBoard(session, status)
    button_in(board.proposed.children[1], "เลือก →").click()

    saved = reread(session.folder)
    selected = saved.selected_indicators()
    assert selected[-1].indicator_id == chosen_id
    assert selected[-1].levels[1] == GENERIC_LADDER[0][0]
    assert selected[-1].levels[2] == "คำของกลุ่มเอง"  # the group's words are never replaced
    assert selected[-1].levels[5] == GENERIC_LADDER[4][0]
    assert "11" in board.chosen.children[0].value


def test_moving_up_and_down_changes_the_order_in_the_file(board, session):
    first, second = session.workbook.selected_indicators()[:2]
    button_in(board.chosen.children[2], "▲").click()

    order = [i.indicator_id for i in reread(session.folder).selected_indicators()]
    assert order[:2] == [second.indicator_id, first.indicator_id]
    assert button_in(board.chosen.children[1], "▲").disabled  # the first cannot go higher
    assert button_in(board.chosen.children[-1], "▼").disabled


def test_unselecting_sends_it_back_to_the_proposals(board, session):
    first = session.workbook.selected_indicators()[0]
    button_in(board.chosen.children[1], "← เอาออก").click()

    assert forum.find(reread(session.folder), first.indicator_id).status == "proposed"
    assert first.indicator_id in proposed_ids(board)


def test_dropping_the_rest_takes_two_clicks_and_can_be_undone(board, session):
    before = (session.folder / INDICATORS).read_bytes()
    board.drop_rest.click()
    assert (session.folder / INDICATORS).read_bytes() == before
    assert "ยืนยัน" in board.drop_rest.description

    board.drop_rest.click()
    saved = reread(session.folder)
    assert [i for i in saved.indicators if i.status == "proposed"] == []
    assert len(saved.indicators) == len(session.workbook.indicators)  # nothing deleted
    assert board.drop_rest.layout.display == "none"

    session.undo()
    assert (session.folder / INDICATORS).read_bytes() == before


def test_dropped_ones_can_be_shown_and_brought_back(board, session):
    gone = forum.dropped(session.workbook)
    board.show_dropped.value = True
    assert len(board.dropped.children) == len(gone)
    button_in(board.dropped.children[0], "นำกลับ").click()

    assert forum.find(reread(session.folder), gone[0].indicator_id).status == "proposed"


def test_bringing_back_a_title_that_is_live_again_is_refused(board, session, status):
    gone = forum.dropped(session.workbook)[0]
    forum.add_proposal(session.workbook, "ชั่วคราว")
    forum.find(session.workbook, session.workbook.indicators[-1].indicator_id).title = gone.title
    session.save(INDICATORS)
    before = (session.folder / INDICATORS).read_bytes()
    board.show_dropped.value = True
    row = next(r for r in board.dropped.children if gone.title in r.children[0].value)
    button_in(row, "นำกลับ").click()

    assert status.state == "error"
    assert (session.folder / INDICATORS).read_bytes() == before


def test_english(session, status):
    board = SelectionBoard(session, status, language="en")
    assert "Selected indicators (10)" in board.chosen.children[0].value
