"""The consensus card: the group's agreed level and its reason, saved to scores.csv at the click."""

from __future__ import annotations

import csv
import io
from collections import Counter
from pathlib import Path

import pytest
from test_widget_disagreement import rate_everyone
from test_widget_distribution import individual_ratings
from test_widget_reflection import files_on_disk, reflection_rows
from workbook_files import read_csv_text, reread

from mchch_widgets import store
from mchch_widgets.assessment import NOTE_MAX
from mchch_widgets.text import t
from mchch_widgets.thai import thai_digits
from mchch_widgets.widgets.widget_consensus import REFLECTION_PANEL, ConsensusScoring


def score_rows(folder: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(read_csv_text(folder, store.SCORES), newline="")))


def consensus_rows(folder: Path, round_id: str, indicator_id: str) -> list[dict[str, str]]:
    return [row for row in score_rows(folder)
            if (row["round_id"], row["indicator_id"], row["rater"]) == (round_id, indicator_id, "consensus")]


def round_labels(folder: Path) -> dict[str, str]:
    rows = csv.DictReader(io.StringIO(read_csv_text(folder, store.ROUNDS), newline=""))
    return {row["round_id"]: row["label"] for row in rows}


def selected_ids(folder: Path) -> list[str]:
    rows = csv.DictReader(io.StringIO(read_csv_text(folder, store.INDICATORS), newline=""))
    return [row["indicator_id"] for row in rows if row["status"] == "selected"]


def r4_consensus(folder: Path, indicator_id: str) -> int:
    """The level the group agreed on in r4, read from scores.csv: the latest consensus row."""
    rows = consensus_rows(folder, "r4", indicator_id)
    return int(max(rows, key=lambda row: row["recorded_at"])["score"])


def th(number: int) -> str:
    return thai_digits(str(number))


@pytest.fixture
def card(session, status, open_round) -> ConsensusScoring:
    return ConsensusScoring(session, status, "th", open_round)


def click_level(card: ConsensusScoring, level: int) -> None:
    card.ladder.rows[level][0].click()  # the big number button of that level


# --- recording the consensus ----------------------------------------------------------------


def test_clicking_a_level_saves_the_consensus_with_the_note(card, sample_folder, open_round, status):
    card.show("G03")
    card.note.value = "มีบันทึกการผลิตครบทุกเดือน"
    assert consensus_rows(sample_folder, open_round, "G03") == []  # a note alone waits for the level
    assert card.note_hint.value == t("consensus_note_pending", "th")

    click_level(card, 3)

    rows = consensus_rows(sample_folder, open_round, "G03")
    assert [(row["score"], row["note"]) for row in rows] == [("3", "มีบันทึกการผลิตครบทุกเดือน")]
    assert card.ladder.value == 3
    assert card.note.value == "มีบันทึกการผลิตครบทุกเดือน"
    assert card.note_hint.value == t("consensus_note_saves", "th")
    assert t("consensus_saved", "th", level=th(3)) in status.value


def test_a_note_typed_first_is_not_saved_until_a_level_is_chosen(card, sample_folder):
    before = files_on_disk(sample_folder)
    card.note.value = "ยังคุยกันอยู่"
    assert files_on_disk(sample_folder) == before
    assert card.note.value == "ยังคุยกันอยู่"


def test_changing_the_note_after_a_level_records_the_same_level_again(card, sample_folder, open_round):
    card.show("G04")
    click_level(card, 2)
    card.note.value = "ใช้วัตถุดิบจากสวนสมรมเป็นส่วนใหญ่"

    rows = consensus_rows(sample_folder, open_round, "G04")
    assert [(row["score"], row["note"]) for row in rows] == [("2", ""), ("2", "ใช้วัตถุดิบจากสวนสมรมเป็นส่วนใหญ่")]
    assert rows[1]["recorded_at"] >= rows[0]["recorded_at"]
    assert card.ladder.value == 2


def test_the_same_note_again_adds_no_row(card, sample_folder, open_round):
    card.note.value = "เหตุผล"
    click_level(card, 4)
    card.note.value = "เหตุผล  "
    assert len(consensus_rows(sample_folder, open_round, card.indicator_id)) == 1


def test_choosing_again_replaces_the_level_and_the_latest_counts(card, sample_folder, open_round):
    click_level(card, 4)
    click_level(card, 3)
    rows = consensus_rows(sample_folder, open_round, card.indicator_id)
    assert [row["score"] for row in rows] == ["4", "3"]
    latest = [s for s in reread(sample_folder).current_scores()
              if (s.round_id, s.indicator_id, s.rater) == (open_round, card.indicator_id, "consensus")]
    assert [s.score for s in latest] == [3]
    assert card.ladder.value == 3


def test_not_applicable_saves_an_empty_score_with_the_note(card, sample_folder, open_round):
    card.show("G06")
    card.note.value = "ปีนี้ยังไม่ได้ขายออนไลน์ ไม่เกี่ยวข้อง"
    card.ladder.skip.click()

    rows = consensus_rows(sample_folder, open_round, "G06")
    assert [(row["score"], row["note"]) for row in rows] == [("", "ปีนี้ยังไม่ได้ขายออนไลน์ ไม่เกี่ยวข้อง")]
    assert card.ladder.skipped and card.ladder.value is None
    assert t("dist_agreed_na", "th") in card.distribution.value
    assert t("consensus_saved_na", "th") in card.status.value


def test_a_refused_note_changes_no_file_and_stays_to_be_shortened(card, sample_folder, status):
    card.note.value = "หลักฐานครบ"
    click_level(card, 3)
    before = files_on_disk(sample_folder)

    too_long = "ก" * (NOTE_MAX + 1)
    card.note.value = too_long

    assert files_on_disk(sample_folder) == before
    assert status.state == "error"
    assert card.note.value == too_long and "mchch-invalid" in card.note._dom_classes  # nothing typed is lost
    card.note.value = "หลักฐานครบ ๑๒ เดือน"
    assert card.consensus().note == "หลักฐานครบ ๑๒ เดือน" and "mchch-invalid" not in card.note._dom_classes


def test_a_note_typed_first_stays_with_its_indicator_while_moving_around(card):
    first = card.indicator_id
    card.note.value = "ร่างเหตุผล"
    card.forward.click()
    assert card.note.value == ""
    card.back.click()
    assert card.indicator_id == first and card.note.value == "ร่างเหตุผล"


# --- last round, arrows and progress ---------------------------------------------------------


def test_last_rounds_consensus_is_shown_for_reference(card, sample_folder):
    card.show("G02")
    level = r4_consensus(sample_folder, "G02")
    label = round_labels(sample_folder)["r4"]
    assert t("consensus_previous_round", "th", label=label, level=th(level)) in card.previous_round.value
    assert "▲" not in card.previous_round.value and "▼" not in card.previous_round.value  # nothing chosen yet


@pytest.mark.parametrize("step, key", [(1, "consensus_up"), (-1, "consensus_down"), (0, "consensus_same")])
def test_the_arrow_says_how_the_level_moved_since_last_round(card, sample_folder, step, key):
    card.show("G02")
    previous = r4_consensus(sample_folder, "G02")
    scale = reread(sample_folder).profile.levels
    if previous + step not in scale:
        pytest.skip("the sample's last level leaves no room to move this way")
    click_level(card, previous + step)
    assert t(key, "th", n=th(abs(step))) in card.previous_round.value


def test_no_earlier_round_says_so(session, status, sample_folder):
    card = ConsensusScoring(session, status, "th", "r1")  # the first self round
    assert t("consensus_no_previous", "th") in card.previous_round.value


def test_progress_counts_agreed_indicators_including_not_applicable(card, sample_folder):
    total = len(selected_ids(sample_folder))
    assert card.progress.value == t("consensus_progress", "th", done=th(0), total=th(total))
    card.show("G01")
    click_level(card, 3)
    card.show("G07")
    card.ladder.skip.click()
    assert card.progress.value == t("consensus_progress", "th", done=th(2), total=th(total))


def test_the_individual_scores_are_shown_beside_the_ladder(session, status, open_round, sample_folder):
    rate_everyone(session, open_round)
    card = ConsensusScoring(session, status, "th", open_round)
    card.show("G02")
    given = individual_ratings(sample_folder, open_round, "G02")
    counted = Counter(int(score) for score in given.values() if score)
    assert card.distribution.counts == {level: counted.get(level, 0) for level in range(1, 6)}
    assert card.distribution in card.panel.children
    click_level(card, 3)
    assert card.distribution.consensus == 3 and t("dist_agreed", "th") in card.distribution.value


def test_without_individual_scores_the_card_says_so(card):
    assert card.no_ratings in card.panel.children
    assert card.distribution not in card.panel.children


# --- moving through the indicators -----------------------------------------------------------


def test_the_card_goes_through_the_selected_indicators_in_workbook_order(card, sample_folder):
    ids = selected_ids(sample_folder)
    assert card.indicator_id == ids[0]
    assert card.position.value == t("consensus_position", "th", number=th(1), count=th(len(ids)))
    assert card.back.disabled and not card.forward.disabled
    card.forward.click()
    card.forward.click()
    assert card.indicator_id == ids[2]
    assert card.position.value == t("consensus_position", "th", number=th(3), count=th(len(ids)))
    card.show(ids[-1])
    assert card.forward.disabled and not card.back.disabled


def test_set_order_follows_the_disagreement_and_keeps_every_indicator(card, sample_folder):
    ids = selected_ids(sample_folder)
    card.set_order(["G05", "G02", "G99"])
    assert card.order == ["G05", "G02", *[i for i in ids if i not in ("G05", "G02")]]
    card.show("G05")
    assert card.position.value == t("consensus_position", "th", number=th(1), count=th(len(ids)))
    card.forward.click()
    assert card.indicator_id == "G02"


def test_show_refuses_an_indicator_that_is_not_selected(card):
    with pytest.raises(KeyError):
        card.show("G99")


def test_the_title_and_description_are_on_the_card(card, sample_folder):
    card.show("G02")
    indicator = reread(sample_folder).indicator("G02")
    assert indicator.title in card.title.value
    assert indicator.description.split()[0] in card.title.value


def test_only_the_ladder_on_screen_listens_for_keys(card):
    card.listening = False
    assert not card.ladder.listening
    card.listening = True
    first = card.ladder
    assert first.listening
    card.forward.click()
    assert card.ladder.listening and not first.listening


# --- the reflection on the card ---------------------------------------------------------------


def test_the_reflection_panel_saves_for_the_indicator_on_the_card(card, sample_folder, open_round):
    card.show("G02")
    card.panel_choice.value = REFLECTION_PANEL
    assert card.reflection in card.panel.children and card.note not in card.panel.children
    card.reflection.fields["strengths"].value = "บัญชีตรวจสอบได้"
    card.forward.click()
    assert card.reflection.indicator_id == card.indicator_id != "G02"
    assert reflection_rows(sample_folder)[(open_round, "G02")]["strengths"] == "บัญชีตรวจสอบได้"


# --- a closed round ---------------------------------------------------------------------------


def test_a_closed_round_shows_everything_and_changes_nothing(session, status, sample_folder):
    card = ConsensusScoring(session, status, "th", "r4")
    card.show("G02")
    before = files_on_disk(sample_folder)

    assert card.closed_note in card.right.children
    assert card.ladder.disabled and card.note.disabled
    assert all(box.disabled for box in card.reflection.fields.values())
    assert card.ladder.value == r4_consensus(sample_folder, "G02")
    click_level(card, 1)
    card.ladder.skip.click()
    card.ladder.rows[5][1].click()

    assert files_on_disk(sample_folder) == before
    assert card.ladder.value == r4_consensus(sample_folder, "G02")
    assert not card.ladder.listening
    card.forward.click()  # looking around still works
    assert card.indicator_id != "G02"


def test_english_labels(session, status, open_round, sample_folder):
    card = ConsensusScoring(session, status, "en", open_round)
    card.show("G02")
    total = len(selected_ids(sample_folder))
    assert card.progress.value == f"Agreed 0 of {total} indicators"
    assert card.position.value.startswith("Item ")
    level = r4_consensus(sample_folder, "G02")
    assert f"Last round ({round_labels(sample_folder)['r4']}): level {level}" in card.previous_round.value
    assert card.note_hint.value == t("consensus_note_pending", "en")


def test_an_indicator_dropped_meanwhile_gives_way_to_the_next(card, session, sample_folder):
    ids = selected_ids(sample_folder)
    assert card.indicator_id == ids[0]
    session.change(lambda wb: setattr(wb.indicator(ids[0]), "status", "dropped"), store.INDICATORS)

    card.refresh()

    assert card.indicator_id == ids[1]
    assert card.position.value == t("consensus_position", "th", number=th(1), count=th(len(ids) - 1))


def test_nothing_selected_says_what_to_do_first(session, status, open_round):
    session.change(lambda wb: [setattr(i, "status", "proposed") for i in wb.indicators], store.INDICATORS)
    card = ConsensusScoring(session, status, "th", open_round)
    assert list(card.children) == [card.empty]
    assert card.empty.value == t("consensus_none_selected", "th")


def test_a_note_edited_here_keeps_the_level_another_tab_agreed(session, status, sample_folder, open_round):
    from mchch_widgets import assessment, store
    from mchch_widgets.session import Session
    from mchch_widgets.widgets.widget_consensus import ConsensusScoring

    here = ConsensusScoring(session, status, "th", open_round)
    here.show("G01")
    here.choose(3)
    Session(sample_folder).change(
        lambda wb: assessment.record_score(wb, open_round, "G01", "consensus", 4, "อีกเครื่อง"), store.SCORES)
    here.note.value = "หลักฐานจากสมุดบันทึก"
    counted = assessment.current_score(reread(sample_folder), open_round, "G01", "consensus")
    assert (counted.score, counted.note) == (4, "หลักฐานจากสมุดบันทึก")


def test_a_key_heard_late_from_a_ladder_left_behind_scores_nothing(session, status, sample_folder, open_round):
    from mchch_widgets.widgets.widget_consensus import ConsensusScoring

    card = ConsensusScoring(session, status, "th", open_round)
    card.show("G01")
    old = card.ladder
    card.forward.click()
    before = files_on_disk(sample_folder)
    old.key_listener.set_state({"key": "4", "presses": old.key_listener.presses + 1})  # as the page would send it
    old.choose(4)
    assert files_on_disk(sample_folder) == before
