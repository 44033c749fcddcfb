"""Two browser tabs (two sessions) on one workbook: neither silently undoes the other's work."""

from __future__ import annotations

from workbook_files import reread

from mchch_widgets import forum
from mchch_widgets.session import Session
from mchch_widgets.store import INDICATORS, PLAN
from mchch_widgets.widgets.widget_proposals import ProposalsBoard
from mchch_widgets.widgets.widget_save_status import SaveStatus, save_files


def test_a_vote_in_one_tab_keeps_the_proposal_added_in_the_other(sample_folder):
    first, second = Session(sample_folder), Session(sample_folder)
    board_one, board_two = ProposalsBoard(first, SaveStatus()), ProposalsBoard(second, SaveStatus())
    board_two.title.value = "ข้อเสนอจากแท็บที่สอง"
    board_two.add.click()

    indicator = forum.live(first.workbook)[0]
    votes = indicator.votes
    board_one.rows[indicator.indicator_id].plus.click()

    saved = reread(sample_folder)
    assert "ข้อเสนอจากแท็บที่สอง" in [i.title for i in saved.indicators]
    assert forum.find(saved, indicator.indicator_id).votes == votes + 1
    assert "ข้อเสนอจากแท็บที่สอง" in [i.title for i in first.workbook.indicators]  # tab one now shows it


def test_a_change_that_cannot_be_made_again_is_refused_with_a_reason_and_nothing_is_overwritten(sample_folder):
    first, second = Session(sample_folder), Session(sample_folder)
    forum.add_proposal(second.workbook, "ของแท็บที่สอง")
    second.save(INDICATORS)
    before = (sample_folder / INDICATORS).read_bytes()

    status = SaveStatus()
    first.workbook.plan[0].activity = "แก้จากแท็บแรก"
    first.workbook.indicators[0].title = "ชื่อที่จะเขียนทับ"
    assert save_files(first, status, "th", INDICATORS) is False

    assert (sample_folder / INDICATORS).read_bytes() == before
    assert status.state == "error" and "อีกครั้ง" in status.value
    assert "ของแท็บที่สอง" in [i.title for i in first.workbook.indicators]  # reloaded from the files
    assert save_files(first, status, "th", PLAN)  # from now on this tab saves normally


def test_a_save_landing_while_a_tab_opens_is_not_overwritten_later(sample_folder, monkeypatch):
    from mchch_widgets import store

    real_read = store.read_workbook
    landed = []

    def read_while_another_tab_saves(folder):
        workbook = real_read(folder)
        if not landed:  # the other tab's save lands just after this tab read the files
            landed.append(True)
            other = Session(sample_folder)
            forum.add_proposal(other.workbook, "บันทึกระหว่างเปิด")
            other.save(INDICATORS)
        return workbook

    monkeypatch.setattr(store, "read_workbook", read_while_another_tab_saves)
    opening = Session(sample_folder)
    monkeypatch.setattr(store, "read_workbook", real_read)

    assert "บันทึกระหว่างเปิด" in [i.title for i in opening.workbook.indicators]  # read again
    assert save_files(opening, SaveStatus(), "th", INDICATORS)
    assert "บันทึกระหว่างเปิด" in [i.title for i in reread(sample_folder).indicators]
