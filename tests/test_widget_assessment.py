"""Step 5 as a whole: from the rounds list into a round, through its three parts, and back."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from workbook_files import read_csv_text, reread

from conftest import TODAY
from mchch_widgets import assessment, store
from mchch_widgets.session import Session
from mchch_widgets.settings import AppSettings
from mchch_widgets.widgets.widget_app import WorkshopApp
from mchch_widgets.widgets.widget_assessment import AssessmentStep, RoundView


def make_step(session, status) -> AssessmentStep:
    return AssessmentStep(session, status, "th", digits=True, today=TODAY)


def texts(widget) -> str:
    """Everything a widget and its children show as HTML or labels."""
    own = getattr(widget, "value", "") if isinstance(getattr(widget, "value", None), str) else ""
    return own + "".join(texts(child) for child in getattr(widget, "children", ()))


def scores_of(folder: Path, round_id: str) -> list[dict[str, str]]:
    return [r for r in csv.DictReader(io.StringIO(read_csv_text(folder, store.SCORES))) if r["round_id"] == round_id]


def test_a_new_round_opens_on_individual_scoring(session, status, sample_folder):
    step = make_step(session, status)
    assert step.rounds in step.children
    step.rounds.create.click()
    view = step.round_view
    assert isinstance(view, RoundView) and step.children == (view,)
    assert view.phases.value == "individual"
    assert reread(sample_folder).round(view.round_id).label == "รอบที่ ๕"
    assert view.individual.listening and not view.consensus.listening


def test_a_closed_round_opens_on_its_results_read_only(session, status):
    step = make_step(session, status)
    step.rounds.open_buttons["r4"].click()
    view = step.round_view
    assert view.phases.value == "consensus"
    assert view.consensus.ladder.disabled
    assert "ปิดรอบแล้ว" in view.facts.value


def test_individual_then_disagreement_then_consensus(session, status, sample_folder, open_round):
    step = make_step(session, status)
    step.open_round(open_round)
    view = step.round_view
    for levels in ((1, 2), (5, 2), (3, 2)):  # three people: far apart on G01, agreed on G02
        view.individual.start_button.click()
        for level in levels:
            view.individual.level_buttons.choose(level)
        view.individual.finish()
        view.individual.hand_over_button.click()
    assert [(r["rater"], r["indicator_id"], r["score"]) for r in scores_of(sample_folder, open_round)] == [
        ("P01", "G01", "1"), ("P01", "G02", "2"), ("P02", "G01", "5"), ("P02", "G02", "2"),
        ("P03", "G01", "3"), ("P03", "G02", "2"),
    ]

    view.individual.reveal_button.click()
    assert view.phases.value == "disagreement"
    assert view.disagreement.order[:2] == ["G01", "G02"]  # spread 4 before spread 0

    view.disagreement.rows[0].discuss.click()
    assert view.phases.value == "consensus"
    assert view.consensus.indicator_id == "G01"
    assert view.consensus.order[:2] == ["G01", "G02"]
    assert view.consensus.listening and not view.individual.listening
    view.consensus.note.value = "บันทึกประชุมครบ ๓ เดือน"
    view.consensus.choose(3)
    agreed = [r for r in scores_of(sample_folder, open_round) if r["rater"] == "consensus"]
    assert [(r["indicator_id"], r["score"], r["note"]) for r in agreed] == [("G01", "3", "บันทึกประชุมครบ ๓ เดือน")]


def test_closing_the_round_from_its_header_makes_every_part_read_only(session, status, sample_folder, open_round):
    step = make_step(session, status)
    step.open_round(open_round)
    view = step.round_view
    view.closer.close_button.click()
    view.closer.close_button.click()
    assert reread(sample_folder).round(open_round).closed
    assert "ปิดรอบแล้ว" in view.facts.value
    view.phases.value = "consensus"
    assert view.consensus.ladder.disabled
    view.phases.value = "individual"
    assert view.individual.card == "closed"


def test_back_to_the_rounds_list_shows_the_new_progress(session, status, open_round):
    step = make_step(session, status)
    step.open_round(open_round)
    session.change(lambda wb: assessment.record_score(wb, open_round, "G01", "consensus", 2), store.SCORES)
    step.round_view.children[0].children[0].click()  # ← all rounds
    assert step.round_view is None
    shown = texts(step.rounds.rows[open_round])
    assert "๑/๑๐" in shown


def test_the_external_part_compares_with_the_outsiders(session, status):
    step = make_step(session, status)
    step.parts.value = "external"
    assert step.external in step.children
    g03 = session.workbook.indicator("G03").title
    assert g03 in step.external.table.value
    assert step.external.external.value == "x1" and step.external.own.value == "r4"


def test_when_another_tab_scores_the_app_keeps_the_participant_where_they_are(sample_folder, open_round):
    app = WorkshopApp(AppSettings(workbook=str(sample_folder), language="th"))
    app.nav.value = "assess"
    step = app.screens["assess"]
    step.open_round(open_round)
    individual = step.round_view.individual
    individual.start_button.click()
    individual.level_buttons.choose(4)  # P01 on G01; G02 is on screen now
    assert individual.indicator_id == "G02"

    other_tab = Session(sample_folder)
    other_tab.change(lambda wb: assessment.record_score(wb, open_round, "G01", "P02", 1), store.SCORES)

    individual.level_buttons.choose(2)  # reads the other tab's score in, then adds this one
    assert app.screens["assess"] is step and step.round_view.individual is individual
    assert (individual.rater, individual.indicator_id) == ("P01", "G03")
    assert [(r["rater"], r["indicator_id"]) for r in scores_of(sample_folder, open_round)] == [
        ("P01", "G01"), ("P02", "G01"), ("P01", "G02"),
    ]


def test_two_tabs_handing_out_the_same_code_never_share_it(sample_folder, open_round, status):
    here = make_step(Session(sample_folder), status)
    here.open_round(open_round)
    individual = here.round_view.individual
    individual.start_button.click()
    assert individual.rater == "P01"

    other_tab = Session(sample_folder)  # meanwhile another laptop's participant P01 saves first
    other_tab.change(lambda wb: assessment.record_score(wb, open_round, "G01", "P01", 5), store.SCORES)

    individual.level_buttons.choose(2)
    assert individual.rater == "P02"
    assert "P02" in status.value
    assert [(r["rater"], r["score"]) for r in scores_of(sample_folder, open_round)] == [("P01", "5"), ("P02", "2")]
    individual.level_buttons.choose(3)  # the next indicator goes on under P02
    assert scores_of(sample_folder, open_round)[-1]["rater"] == "P02"


def test_a_code_typed_back_in_before_any_rating_is_still_claimed(sample_folder, open_round, status):
    here = make_step(Session(sample_folder), status)
    here.open_round(open_round)
    individual = here.round_view.individual
    individual.start_button.click()  # P01, nothing saved yet
    individual.finish()
    individual.edit()  # back to the card: the code is still only handed out, not taken
    Session(sample_folder).change(lambda wb: assessment.record_score(wb, open_round, "G01", "P01", 5), store.SCORES)
    individual.level_buttons.choose(2)
    assert [(r["rater"], r["score"]) for r in scores_of(sample_folder, open_round)] == [("P01", "5"), ("P02", "2")]


def test_the_individual_ladder_marks_no_target(session, status, open_round):
    step = make_step(session, status)
    step.open_round(open_round)
    step.round_view.individual.start_button.click()
    words = [pair[1] for pair in step.round_view.individual.level_buttons.rows.values()]
    assert not any("เป้าหมาย" in button.description for button in words)


def test_a_round_made_by_mistake_can_be_removed_while_empty(session, status, sample_folder):
    step = make_step(session, status)
    step.rounds.create.click()
    view = step.round_view
    assert view.closer.remove_button.layout.display is None
    view.closer.remove_button.click()
    view.closer.remove_button.click()
    assert [r.round_id for r in reread(sample_folder).rounds] == ["r1", "r2", "r3", "r4", "x1"]
    assert step.round_view is None and step.rounds in step.children


def test_a_round_with_scores_cannot_be_removed(session, status, sample_folder, open_round):
    session.change(lambda wb: assessment.record_score(wb, open_round, "G01", "P01", 3), store.SCORES)
    step = make_step(session, status)
    step.open_round(open_round)
    assert step.round_view.closer.remove_button.layout.display == "none"
    try:
        assessment.remove_round(session.workbook, open_round)
    except assessment.Refused as refused:
        assert refused.key == "err_round_not_empty"
    assert reread(sample_folder).round(open_round) is not None


def test_opening_a_round_and_going_back_leaves_no_widgets_behind(session, status, open_round):
    from ipywidgets.widgets.widget import _instances

    step = make_step(session, status)

    def visit() -> None:
        step.open_round(open_round)
        view = step.round_view
        view.individual.start_button.click()
        for _ in range(5):
            view.individual.next_button.click()
        view.phases.value = "consensus"
        for _ in range(5):
            view.consensus.forward.click()
        step.round_view.children[0].children[0].click()

    visit()
    settled = len(_instances)
    visit()
    visit()
    # About 1,400 more per visit before the kept ladders and parts were closed; a few cards built
    # once per part and not on screen at the moment still stay (about 50).
    assert len(_instances) <= settled + 2 * 60
