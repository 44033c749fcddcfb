"""The forum board: a facilitator types what the room calls out, and the room votes."""

from __future__ import annotations

import pytest
from workbook_files import read_csv_text, reread

from mchch_widgets import forum
from mchch_widgets.model import new_workbook
from mchch_widgets.session import Session
from mchch_widgets.store import INDICATORS, create_workbook
from mchch_widgets.widgets.widget_proposals import ProposalsBoard


@pytest.fixture
def board(session, status) -> ProposalsBoard:
    return ProposalsBoard(session, status)


@pytest.fixture
def empty_session(tmp_path) -> Session:
    folder = tmp_path / "new"
    create_workbook(folder, new_workbook("กลุ่มทดลอง", "community"))
    return Session(folder)


def row_titled(board: ProposalsBoard, title: str):
    indicator = next(i for i in board.session.workbook.indicators if i.title == title)
    return board.rows[indicator.indicator_id]


def add(board: ProposalsBoard, title: str, aspect: str = "", description: str = "") -> None:
    board.aspect.value = aspect
    board.title.value = title
    board.description.value = description
    board.add.click()


def test_a_typed_proposal_is_saved_with_its_aspect_and_the_box_is_ready_for_the_next(board, session, status):
    add(board, 'ขายออนไลน์, "ทุกเดือน"', aspect="การตลาด", description="เพจของกลุ่ม")

    saved = [i for i in reread(session.folder).indicators if i.title == 'ขายออนไลน์, "ทุกเดือน"']
    assert len(saved) == 1
    assert (saved[0].aspect, saved[0].description, saved[0].status) == ("การตลาด", "เพจของกลุ่ม", "proposed")
    assert board.title.value == "" and board.description.value == ""
    assert board.aspect.value == "การตลาด"  # the next idea on the same theme goes in quicker
    assert status.state == "saved"
    assert saved[0].indicator_id in board.rows


def test_enter_in_the_box_adds_the_proposal(board, session):
    board.title.value = "มีทายาทสืบทอดการทำผ้า"
    board.title._handle_custom_msg({"event": "submit"}, [])  # what the browser sends on Enter

    assert "มีทายาทสืบทอดการทำผ้า" in [i.title for i in reread(session.folder).indicators]


@pytest.mark.parametrize("title", ["", "   ", "\n\t"])
def test_an_empty_title_is_refused_and_nothing_changes(board, session, status, title):
    before = (session.folder / INDICATORS).read_bytes()
    add(board, title)

    assert status.state == "error" and "ว่าง" in status.value
    assert (session.folder / INDICATORS).read_bytes() == before


def test_a_title_over_200_characters_is_refused_and_kept_in_the_box(board, session, status):
    before = (session.folder / INDICATORS).read_bytes()
    long_title = "ก" * 201
    add(board, long_title)

    assert status.state == "error" and "200" in status.value
    assert board.title.value == long_title  # nothing typed is lost: it can be shortened
    assert (session.folder / INDICATORS).read_bytes() == before


def test_a_duplicate_title_is_refused_whatever_its_spacing(board, session, status):
    existing = forum.live(session.workbook)[0].title
    before = (session.folder / INDICATORS).read_bytes()
    add(board, f"  {existing}  ")

    assert status.state == "error" and existing in status.value
    assert (session.folder / INDICATORS).read_bytes() == before


def test_formula_like_text_and_newlines_are_kept_as_text(board, session, status):
    add(board, "=HYPERLINK(\"http://x\")\nบัญชี", aspect="+หมวด")

    titles = [i.title for i in reread(session.folder).indicators]
    assert '=HYPERLINK("http://x") บัญชี' in titles
    assert "'=HYPERLINK" in read_csv_text(session.folder, INDICATORS)
    assert "สูตร" in status.value  # the badge says it is kept as text


def test_a_dropped_title_typed_again_comes_back_instead_of_repeating(board, session, status):
    gone = forum.dropped(session.workbook)[0]
    count = len(session.workbook.indicators)
    add(board, gone.title)

    again = reread(session.folder)
    assert len(again.indicators) == count
    assert next(i for i in again.indicators if i.indicator_id == gone.indicator_id).status == "proposed"
    assert "นำกลับ" in status.value


def test_plus_and_minus_vote_and_the_bars_follow(board, session):
    indicator = forum.live(session.workbook)[0]
    row = board.rows[indicator.indicator_id]
    start = indicator.votes
    row.plus.click()
    row.plus.click()
    row.minus.click()

    assert next(i for i in reread(session.folder).indicators if i.indicator_id == indicator.indicator_id).votes == start + 1
    assert row.votes.value == str(start + 1)
    assert f">{start + 1}</span>" in board.bars.value


def test_votes_never_go_below_zero(board, session, empty_session, status):
    board = ProposalsBoard(empty_session, status)
    add(board, "ข้อเสนอใหม่")
    row = next(iter(board.rows.values()))
    row.minus.click()

    assert reread(empty_session.folder).indicators[0].votes == 0


def test_a_typed_count_in_thai_digits_is_understood_and_a_word_is_refused(board, session, status):
    indicator = forum.live(session.workbook)[1]
    row = board.rows[indicator.indicator_id]
    row.votes.value = "๑๒"
    assert forum.find(reread(session.folder), indicator.indicator_id).votes == 12

    before = (session.folder / INDICATORS).read_bytes()
    row.votes.value = "สิบ"
    assert status.state == "error"
    assert row.votes.value == "12"  # put back
    row.votes.value = "-3"
    assert status.state == "error"
    assert (session.folder / INDICATORS).read_bytes() == before


def test_editing_a_title_in_the_panel_saves_it_and_a_clash_is_refused(board, session, status):
    first, second = forum.live(session.workbook)[:2]
    row = board.rows[first.indicator_id]
    row.edit_toggle.value = True
    row.title_box.value = "ชื่อใหม่ของตัวชี้วัด"
    assert forum.find(reread(session.folder), first.indicator_id).title == "ชื่อใหม่ของตัวชี้วัด"

    row.title_box.value = second.title
    assert status.state == "error"
    assert row.title_box.value == "ชื่อใหม่ของตัวชี้วัด"
    assert forum.find(reread(session.folder), first.indicator_id).title == "ชื่อใหม่ของตัวชี้วัด"


def test_changing_the_aspect_moves_the_proposal_to_that_group(board, session):
    indicator = forum.live(session.workbook)[0]
    row = board.rows[indicator.indicator_id]
    row.edit_toggle.value = True
    row.aspect_box.value = "หมวดใหม่"

    assert forum.find(reread(session.folder), indicator.indicator_id).aspect == "หมวดใหม่"
    headings = [w.value for w in board.list.children if "mchch-aspect-heading" in w._dom_classes]
    assert any("หมวดใหม่" in h for h in headings)


def test_merging_takes_two_clicks_keeps_both_votes_and_can_be_undone(empty_session, status):
    session = empty_session
    board = ProposalsBoard(session, status)
    add(board, "บัญชีโปร่งใส")
    add(board, "ตรวจสอบบัญชีได้")
    keep, other = forum.live(session.workbook)
    forum.set_votes(session.workbook, keep.indicator_id, 4)
    forum.set_votes(session.workbook, other.indicator_id, 3)
    session.save(INDICATORS)
    before = (session.folder / INDICATORS).read_bytes()
    row = board.rows[keep.indicator_id]
    row.edit_toggle.value = True
    row.merge_with.value = other.indicator_id
    row.merge_button.click()
    assert (session.folder / INDICATORS).read_bytes() == before  # the first click only asks

    row.merge_button.click()
    saved = reread(session.folder)
    kept = forum.find(saved, keep.indicator_id)
    assert kept.votes == 7
    assert "ตรวจสอบบัญชีได้" in kept.description
    assert forum.find(saved, other.indicator_id).status == "dropped"
    assert other.indicator_id not in board.rows
    assert session.last_undo is not None

    session.undo()
    assert (session.folder / INDICATORS).read_bytes() == before


def test_dropping_removes_it_from_the_board_but_not_from_the_file(board, session):
    indicator = next(i for i in forum.live(session.workbook) if i.status == "proposed")
    row = board.rows[indicator.indicator_id]
    row.edit_toggle.value = True
    row.drop_button.click()

    assert forum.find(reread(session.folder), indicator.indicator_id).status == "dropped"
    assert indicator.indicator_id not in board.rows
    assert session.last_undo.key == "undo_drop"


def test_sorting_by_votes_puts_the_most_voted_first(board, session):
    board.sort.value = "votes"
    shown = [row.indicator_id for row in board.list.children]
    votes = [forum.find(session.workbook, i).votes for i in shown]
    assert votes == sorted(votes, reverse=True)
    assert len(shown) == len(forum.live(session.workbook))


def test_grouped_by_aspect_every_live_proposal_appears_once(board, session):
    shown = [w.indicator_id for w in board.list.children if hasattr(w, "indicator_id")]
    assert sorted(shown) == sorted(i.indicator_id for i in forum.live(session.workbook))


def test_a_new_workbook_opens_with_the_suggestions_and_one_can_be_used(empty_session, status):
    board = ProposalsBoard(empty_session, status)
    assert board.suggestions.toggle.value  # open: there is nothing yet
    assert "ตัวอย่าง" in board.suggestions.children[0].children[0].value
    board.suggestions.buttons[0].click()

    saved = reread(empty_session.folder).indicators
    assert len(saved) == 1 and saved[0].title == board.suggestions.suggestions[0].title[0]
    assert board.suggestions.buttons[0].disabled  # already listed


def test_a_script_in_a_title_is_shown_as_text(board, session):
    add(board, "<script>alert(1)</script>")
    assert "<script>" not in board.bars.value
    row = row_titled(board, "<script>alert(1)</script>")
    assert "&lt;script&gt;" in row.words.value


def test_english_labels(session, status):
    board = ProposalsBoard(session, status, language="en")
    assert board.add.description == "+ Add"
    assert "Votes" in board.bars.value
