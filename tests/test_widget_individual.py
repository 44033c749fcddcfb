"""Individual scoring: the laptop passes from hand to hand; each choice is in scores.csv at once."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import ipywidgets as widgets
import pytest
from workbook_files import read_csv_text, reread

from conftest import TODAY
from mchch_widgets import assessment, store
from mchch_widgets.model import CONSENSUS, Refused
from mchch_widgets.session import Session
from mchch_widgets.text import t
from mchch_widgets.thai import thai_digits
from mchch_widgets.widgets.widget_individual import (
    CLOSED,
    EMPTY,
    HANDOVER,
    RATING,
    THANKS,
    IndividualScoring,
)
from mchch_widgets.widgets.widget_level_buttons import LevelButtons


@pytest.fixture
def scoring(session, status, open_round) -> IndividualScoring:
    return IndividualScoring(session, status, "th", open_round)


# --- reading back ----------------------------------------------------------------------------


def score_rows(folder: Path, round_id: str) -> list[dict[str, str]]:
    """scores.csv as a spreadsheet shows it: the round's rows, in file order."""
    rows = csv.DictReader(io.StringIO(read_csv_text(folder, store.SCORES), newline=""))
    return [row for row in rows if row["round_id"] == round_id]


def scores_bytes(folder: Path) -> bytes:
    return (folder / store.SCORES).read_bytes()


def selected_ids(folder: Path) -> list[str]:
    return [i.indicator_id for i in reread(folder).selected_indicators()]


def counted(folder: Path, round_id: str, indicator_id: str, rater: str):
    """The score that counts now, as Workbook.current_scores gives it from the files."""
    found = [s for s in reread(folder).current_scores()
             if (s.round_id, s.indicator_id, s.rater) == (round_id, indicator_id, rater)]
    assert len(found) == 1
    return found[0].score


def expected_next_code(folder: Path, round_id: str, prefix: str = "P") -> str:
    """The lowest free code, counted from the raters in scores.csv."""
    taken = {row["rater"] for row in score_rows(folder, round_id) if row["rater"] != CONSENSUS}
    number = 1
    while f"{prefix}{number:02d}" in taken:
        number += 1
    return f"{prefix}{number:02d}"


def shown(widget: widgets.Widget) -> list[widgets.Widget]:
    """Every widget on screen inside `widget` (children of boxes, recursively)."""
    found = [widget]
    for child in getattr(widget, "children", ()):
        found += shown(child)
    return found


def shown_text(widget: widgets.Widget) -> str:
    parts = []
    for item in shown(widget):
        if isinstance(item, (widgets.HTML, widgets.Label)):
            parts.append(item.value)
        elif isinstance(item, widgets.Button):
            parts.append(item.description)
    return "\n".join(parts)


def marked_levels(ladder: LevelButtons) -> list[object]:
    """The levels (and 'skip') drawn as chosen."""
    chosen = [level for level, pair in ladder.rows.items() if any("mchch-level-chosen" in b._dom_classes for b in pair)]
    return chosen + (["skip"] if "mchch-level-chosen" in ladder.skip._dom_classes else [])


def level_button(scoring: IndividualScoring, level: int) -> widgets.Button:
    return scoring.level_buttons.rows[level][1]  # the words: a participant clicks what they read


def rate_as(session: Session, round_id: str, code: str, levels: dict[str, int | None]) -> None:
    """Someone else scored on this laptop before (through the core, as the widget does)."""
    session.change(lambda wb: [assessment.record_score(wb, round_id, iid, code, level)
                               for iid, level in levels.items()], store.SCORES)


# --- the hand-over card ------------------------------------------------------------------------


def test_the_hand_over_card_shows_the_next_code_and_how_many_scored_but_none_of_their_scores(
        session, status, open_round, sample_folder):
    ids = selected_ids(sample_folder)
    rate_as(session, open_round, "P01", {ids[0]: 5, ids[1]: 1})
    rate_as(session, open_round, "P02", {ids[0]: 2})
    scoring = IndividualScoring(session, status, "th", open_round)

    code = expected_next_code(sample_folder, open_round)
    people = len({row["rater"] for row in score_rows(sample_folder, open_round)})
    assert scoring.card == HANDOVER
    assert scoring.next_code.value == code
    assert scoring.start_button.description == f"เริ่มให้คะแนน · รหัส {code}"
    assert scoring.rated_count.value == f"ประเมินแล้ว {thai_digits(str(people))} คน"
    text = shown_text(scoring)
    workbook = reread(sample_folder)
    for iid in ids[:2]:
        for words in workbook.indicator(iid).levels.values():
            assert words not in text
    assert not any(isinstance(item, LevelButtons) for item in shown(scoring))
    assert t("individual_anonymous", "th") in text


def test_the_first_person_of_a_round_gets_the_first_code(scoring, open_round, sample_folder):
    assert score_rows(sample_folder, open_round) == []
    assert scoring.next_code.value == expected_next_code(sample_folder, open_round)
    assert scoring.rated_count.value == f"ประเมินแล้ว {thai_digits('0')} คน"


def test_an_external_round_hands_out_e_codes(session, status, sample_folder):
    new = session.change(lambda wb: assessment.add_round(wb, "ภายนอก ครั้งใหม่", TODAY, "external", TODAY), store.ROUNDS)
    scoring = IndividualScoring(session, status, "th", new.round_id)
    assert scoring.next_code.value == expected_next_code(sample_folder, new.round_id, prefix="E")
    scoring.start_button.click()
    assert scoring.rater.startswith("E")


# --- the rating card ---------------------------------------------------------------------------


def test_start_shows_the_first_indicator_with_its_ladder_and_the_code_in_the_corner(scoring, sample_folder):
    workbook = reread(sample_folder)
    first = workbook.selected_indicators()[0]
    scoring.start_button.click()

    assert scoring.card == RATING
    assert scoring.indicator_id == first.indicator_id
    count = thai_digits(str(len(workbook.selected_indicators())))
    assert f"ตัวชี้วัด {thai_digits('1')} จาก {count}" in scoring.position.value
    assert scoring.code_badge.value == f"รหัส {scoring.rater}"
    assert scoring.title.value == first.title
    ladder = scoring.level_buttons
    assert ladder in shown(scoring)
    assert list(ladder.rows) == sorted(workbook.profile.levels, reverse=True)  # the highest level on top
    assert {level: pair[1].description.split("   ◎")[0] for level, pair in ladder.rows.items()} == first.levels
    assert marked_levels(ladder) == []
    assert scoring.previous_button.disabled and not scoring.next_button.disabled


def test_a_click_and_a_key_each_save_at_once_and_move_on(scoring, open_round, sample_folder):
    ids = selected_ids(sample_folder)
    scoring.start_button.click()
    code = scoring.rater

    level_button(scoring, 3).click()
    assert [(r["indicator_id"], r["rater"], r["score"]) for r in score_rows(sample_folder, open_round)] == [
        (ids[0], code, "3")]
    assert scoring.indicator_id == ids[1]

    scoring.level_buttons.key_listener.press("4")
    assert [(r["indicator_id"], r["score"]) for r in score_rows(sample_folder, open_round)] == [
        (ids[0], "3"), (ids[1], "4")]
    assert scoring.indicator_id == ids[2]


def test_the_level_number_button_chooses_too(scoring, open_round, sample_folder):
    scoring.start_button.click()
    first = scoring.indicator_id
    scoring.level_buttons.rows[5][0].click()
    assert counted(sample_folder, open_round, first, scoring.rater) == 5


def test_skip_saves_an_empty_score(scoring, open_round, sample_folder):
    scoring.start_button.click()
    first = scoring.indicator_id
    scoring.level_buttons.skip.click()
    rows = score_rows(sample_folder, open_round)
    assert [(r["indicator_id"], r["score"]) for r in rows] == [(first, "")]
    assert counted(sample_folder, open_round, first, scoring.rater) is None


def test_going_back_shows_the_earlier_choice_and_a_new_one_replaces_it_keeping_both_rows(
        scoring, status, open_round, sample_folder):
    ids = selected_ids(sample_folder)
    scoring.start_button.click()
    code = scoring.rater
    level_button(scoring, 2).click()
    scoring.level_buttons.key_listener.press("4")
    scoring.level_buttons.skip.click()
    assert scoring.indicator_id == ids[3]

    scoring.previous_button.click()
    assert scoring.indicator_id == ids[2]
    assert marked_levels(scoring.level_buttons) == ["skip"]
    scoring.previous_button.click()
    assert scoring.indicator_id == ids[1]
    assert marked_levels(scoring.level_buttons) == [4]
    assert thai_digits("4") in scoring.earlier.value and "แทน" in scoring.earlier.value

    level_button(scoring, 2).click()
    rows = [r for r in score_rows(sample_folder, open_round) if r["indicator_id"] == ids[1]]
    assert [(r["rater"], r["score"]) for r in rows] == [(code, "4"), (code, "2")]
    assert counted(sample_folder, open_round, ids[1], code) == 2
    assert f"แทนคะแนนเดิมของ {code} ({thai_digits('4')} → {thai_digits('2')})" in status.value
    assert scoring.indicator_id == ids[2]


def test_choosing_the_same_level_again_adds_no_row(scoring, open_round, sample_folder):
    scoring.start_button.click()
    level_button(scoring, 3).click()
    before = scores_bytes(sample_folder)
    scoring.previous_button.click()
    level_button(scoring, 3).click()
    assert scores_bytes(sample_folder) == before
    assert scoring.indicator_id == selected_ids(sample_folder)[1]


def test_previous_and_next_move_without_saving(scoring, sample_folder):
    ids = selected_ids(sample_folder)
    before = scores_bytes(sample_folder)
    scoring.start_button.click()
    scoring.next_button.click()
    scoring.next_button.click()
    assert scoring.indicator_id == ids[2]
    scoring.previous_button.click()
    assert scoring.indicator_id == ids[1]
    assert scores_bytes(sample_folder) == before
    for _ in ids:
        scoring.next_button.click()
    assert scoring.indicator_id == ids[-1] and scoring.next_button.disabled


def test_keys_are_heard_only_while_the_screen_listens(scoring, open_round, sample_folder):
    scoring.start_button.click()
    scoring.listening = False
    scoring.level_buttons.key_listener.press("4")
    assert score_rows(sample_folder, open_round) == []
    scoring.listening = True
    scoring.level_buttons.key_listener.press("4")
    assert [r["score"] for r in score_rows(sample_folder, open_round)] == ["4"]


def test_a_ladder_left_behind_hears_no_key(scoring, open_round, sample_folder):
    scoring.start_button.click()
    first_ladder = scoring.level_buttons
    first_ladder.key_listener.press("2")
    assert scoring.level_buttons is not first_ladder
    first_ladder.key_listener.press("5")  # the first indicator's ladder is no longer on screen
    assert [r["score"] for r in score_rows(sample_folder, open_round)] == ["2"]


# --- the thank-you card and the next person ----------------------------------------------------------


def test_after_the_last_indicator_the_thank_you_card_counts_from_the_workbook(scoring, open_round, sample_folder):
    ids = selected_ids(sample_folder)
    scoring.start_button.click()
    code = scoring.rater
    for n, _iid in enumerate(ids):
        if n == 1:
            scoring.level_buttons.skip.click()
        else:
            scoring.level_buttons.key_listener.press(str(1 + n % 5))
    assert scoring.card == THANKS

    current = [s for s in reread(sample_folder).current_scores() if s.round_id == open_round and s.rater == code]
    scored = sum(1 for s in current if s.score is not None)
    skipped = sum(1 for s in current if s.score is None)
    assert scored + skipped == len(ids)
    assert scoring.thanks_counts.value == (
        f"รหัส {code} ให้คะแนน {thai_digits(str(scored))} ข้อ ข้าม {thai_digits(str(skipped))} ข้อ")
    assert t("individual_thanks", "th") in shown_text(scoring)


def test_finish_early_says_how_many_are_not_answered(scoring, open_round, sample_folder):
    ids = selected_ids(sample_folder)
    scoring.start_button.click()
    level_button(scoring, 3).click()
    scoring.finish_button.click()
    assert scoring.card == THANKS
    answered = len({r["indicator_id"] for r in score_rows(sample_folder, open_round)})
    assert thai_digits(str(len(ids) - answered)) in scoring.thanks_counts.value
    assert "ยังไม่ได้ตอบ" in scoring.thanks_counts.value


def test_change_my_answers_goes_back_to_the_same_code(scoring, sample_folder):
    ids = selected_ids(sample_folder)
    scoring.start_button.click()
    code = scoring.rater
    level_button(scoring, 3).click()
    scoring.finish_button.click()
    scoring.edit_button.click()
    assert scoring.card == RATING and scoring.rater == code
    assert scoring.indicator_id == ids[1]  # the first not answered yet


def test_the_next_person_gets_the_next_code_and_a_fresh_card(scoring, open_round, sample_folder):
    scoring.start_button.click()
    first_code = scoring.rater
    for _ in selected_ids(sample_folder):
        level_button(scoring, 5).click()
    scoring.hand_over_button.click()

    assert scoring.card == HANDOVER and scoring.rater == ""
    code = expected_next_code(sample_folder, open_round)
    assert code != first_code
    assert scoring.next_code.value == code
    assert first_code not in shown_text(scoring)
    assert f"ประเมินแล้ว {thai_digits('1')} คน" == scoring.rated_count.value

    scoring.start_button.click()
    assert scoring.rater == code
    assert scoring.indicator_id == selected_ids(sample_folder)[0]
    assert scoring.level_buttons.value is None and not scoring.level_buttons.skipped
    assert marked_levels(scoring.level_buttons) == []
    assert scoring.earlier.value == t("individual_choose_hint", "th")


def test_refresh_keeps_the_person_and_the_indicator(scoring, sample_folder):
    ids = selected_ids(sample_folder)
    scoring.start_button.click()
    code = scoring.rater
    level_button(scoring, 3).click()
    scoring.refresh()
    assert (scoring.card, scoring.rater, scoring.indicator_id) == (RATING, code, ids[1])
    assert marked_levels(scoring.level_buttons) == []


# --- typing a code ------------------------------------------------------------------------------


def test_a_returning_participant_types_their_code_and_continues(session, status, open_round, sample_folder):
    ids = selected_ids(sample_folder)
    rate_as(session, open_round, "P01", {ids[0]: 4, ids[1]: 2})
    scoring = IndividualScoring(session, status, "th", open_round)
    scoring.code_box.value = " p01 "
    scoring.code_button.click()
    assert scoring.card == RATING and scoring.rater == "P01"
    assert scoring.indicator_id == ids[2]
    scoring.previous_button.click()
    assert marked_levels(scoring.level_buttons) == [2]


@pytest.mark.parametrize("typed", ["consensus", "", "   ", "a b", "P01; rm", "P99"])
def test_a_code_that_cannot_be_used_is_refused_and_nothing_is_saved(scoring, status, sample_folder, typed):
    before = scores_bytes(sample_folder)
    scoring.code_box.value = typed
    scoring.code_button.click()
    assert scoring.card == HANDOVER and scoring.rater == ""
    assert status.state == "error"
    if typed.strip() in ("consensus", "a b", "P01; rm"):
        with pytest.raises(Refused) as refused:
            assessment.check_rater(typed)
        assert status.detail == refused.value.message("th")
    else:
        assert status.detail in (t("individual_code_empty", "th"), t("individual_code_unknown", "th", code=typed))
    assert scores_bytes(sample_folder) == before


# --- rounds that cannot be scored ---------------------------------------------------------------


def test_a_closed_round_shows_a_closed_card_and_nothing_can_be_scored(session, status, open_round, sample_folder):
    session.change(lambda wb: assessment.close_round(wb, open_round), store.ROUNDS)
    scoring = IndividualScoring(session, status, "th", open_round)
    before = scores_bytes(sample_folder)
    assert scoring.card == CLOSED
    assert "รอบนี้ปิดแล้ว" in shown_text(scoring)
    assert not any(isinstance(item, LevelButtons) for item in shown(scoring))
    scoring.start()
    scoring.continue_with("P01")
    assert scoring.card == CLOSED
    assert scores_bytes(sample_folder) == before


def test_a_round_closed_elsewhere_mid_turn_refuses_the_click(scoring, status, open_round, sample_folder):
    scoring.start_button.click()
    level_button(scoring, 3).click()
    elsewhere = Session(sample_folder)  # the facilitator closes the round from another tab
    elsewhere.change(lambda wb: assessment.close_round(wb, open_round), store.ROUNDS)
    before = scores_bytes(sample_folder)
    level_button(scoring, 4).click()
    assert scores_bytes(sample_folder) == before
    assert status.state == "error"
    assert scoring.card == CLOSED


def test_an_old_closed_sample_round_is_shown_closed(session, status, sample_folder):
    closed = next(r for r in reread(sample_folder).rounds if r.closed)
    scoring = IndividualScoring(session, status, "th", closed.round_id)
    assert scoring.card == CLOSED
    assert closed.label in scoring.message.value


def test_no_selected_indicators_points_to_step_2(session, status, open_round):
    def unselect(workbook):
        for indicator in workbook.indicators:
            indicator.status = "proposed"
    session.change(unselect, store.INDICATORS)
    scoring = IndividualScoring(session, status, "th", open_round)
    assert scoring.card == EMPTY
    assert scoring.message.value == t("individual_no_indicators", "th")
    assert "ขั้นที่ ๒" in scoring.message.value


# --- language, digits and the facilitator's button ---------------------------------------------------


def test_english_labels(session, status, open_round, sample_folder):
    scoring = IndividualScoring(session, status, "en", open_round)
    code = expected_next_code(sample_folder, open_round)
    assert scoring.start_button.description == f"Start scoring · code {code}"
    assert scoring.handover_heading.value == "Pass the laptop to the next person"
    scoring.start_button.click()
    count = len(selected_ids(sample_folder))
    assert f"Indicator 1 of {count}" in scoring.position.value
    assert scoring.code_badge.value == f"Code {code}"
    assert scoring.previous_button.description == "◀ Previous"
    scoring.finish_button.click()
    assert scoring.thanks_counts.value.startswith(f"Code {code} scored 0, skipped 0")


def test_arabic_digits_when_thai_digits_are_off(session, status, open_round, sample_folder):
    scoring = IndividualScoring(session, status, "th", open_round, digits=False)
    scoring.start_button.click()
    count = len(selected_ids(sample_folder))
    assert f"ตัวชี้วัด 1 จาก {count}" in scoring.position.value


def test_the_reveal_button_calls_back_and_is_never_shown_during_a_turn(session, status, open_round):
    calls = []
    scoring = IndividualScoring(session, status, "th", open_round, on_reveal=lambda: calls.append(1))
    assert scoring.reveal_button in shown(scoring)
    scoring.reveal_button.click()
    assert calls == [1]
    scoring.start_button.click()
    assert scoring.reveal_button not in shown(scoring)
    assert scoring.closed_reveal not in shown(scoring)
    scoring.finish_button.click()
    assert scoring.reveal_button not in shown(scoring)


def test_without_a_callback_the_reveal_button_is_hidden(scoring):
    assert scoring.reveal_button.layout.display == "none"
