"""The ladder: words for every level and a target, saved to indicators.csv as they are given."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path

import pytest
from workbook_files import read_csv_text, reread

from mchch_widgets import forum, store
from mchch_widgets.suggestions import generic_ladder
from mchch_widgets.text import t
from mchch_widgets.widgets.widget_ladder import NO_TARGET, LadderEditor


@pytest.fixture
def ladder(session, status) -> LadderEditor:
    return LadderEditor(session, status)


def indicator_rows(folder: Path) -> dict[str, dict[str, str]]:
    """indicators.csv as a spreadsheet shows it: raw cells by indicator id."""
    rows = csv.DictReader(io.StringIO(read_csv_text(folder, store.INDICATORS), newline=""))
    return {row["indicator_id"]: row for row in rows}


def step_for(ladder: LadderEditor, level: int):
    return next(step for step in ladder.steps if step.level == level)


def selected_ids(folder: Path) -> list[str]:
    return [i.indicator_id for i in reread(folder).selected_indicators()]


def narrow_the_scale_to_4(session) -> None:
    """What the profile screen does; it allows it only once no score is above 4."""
    session.workbook.scores = [s for s in session.workbook.scores if s.score is None or s.score <= 4]
    session.workbook.profile = replace(session.workbook.profile, scale_max=4)
    session.save(store.SCORES, store.INDICATORS, store.PROFILE)


# --- what is on screen ---------------------------------------------------------------------


def test_the_first_selected_indicator_is_shown_as_a_ladder_highest_level_on_top(ladder, sample_folder):
    workbook = reread(sample_folder)
    first = workbook.selected_indicators()[0]

    assert ladder.indicator_id == first.indicator_id
    shown_levels = [step.level for step in ladder.ladder.children]
    assert shown_levels == sorted(workbook.profile.levels, reverse=True)
    assert {step.level: step.text.value for step in ladder.steps} == {
        n: first.levels[n] for n in workbook.profile.levels}
    count = len(workbook.selected_indicators())
    assert ladder.position.value == t("ladder_position", "th", number=1, count=count)
    assert [label for label, _id in ladder.chooser.options] == [
        f"{n}. {i.title}" for n, i in enumerate(workbook.selected_indicators(), start=1)]


def test_the_target_step_wears_the_badge(ladder, sample_folder):
    target = reread(sample_folder).selected_indicators()[0].target
    assert ladder.target.value == target
    for step in ladder.steps:
        marked = "mchch-ladder-is-target" in step._dom_classes
        assert marked == (step.level == target)
        assert ("เป้าหมาย" in step.number.value) == (step.level == target)


def test_steps_climb_to_the_right_and_darken_toward_the_top(ladder):
    margins = [int(step.layout.margin.split()[-1].removesuffix("px")) for step in ladder.steps]
    assert margins == sorted(margins) and margins[0] < margins[-1]
    colours = [step.colour for step in ladder.steps]
    brightness = [sum(int(c[i:i + 2], 16) for i in (1, 3, 5)) for c in colours]
    assert brightness == sorted(brightness, reverse=True)


def test_nothing_selected_shows_what_to_do_first(session, status, sample_folder):
    was_selected = selected_ids(sample_folder)
    for indicator in session.workbook.selected_indicators():
        forum.unselect(session.workbook, indicator.indicator_id)
    session.save(store.INDICATORS)

    ladder = LadderEditor(session, status)

    assert ladder.indicator_id == ""
    assert ladder.children == (ladder.empty,)
    assert t("ladder_none_selected", "th").split()[0] in ladder.empty.value

    chosen = was_selected[-1]
    forum.select(session.workbook, chosen)
    session.save(store.INDICATORS)
    ladder.refresh()
    assert ladder.indicator_id == chosen
    assert ladder.empty not in ladder.children


# --- choosing the indicator ----------------------------------------------------------------


def test_previous_next_and_the_dropdown_move_between_indicators(ladder, sample_folder):
    ids = selected_ids(sample_folder)
    assert ladder.previous.disabled

    ladder.next.click()
    assert ladder.indicator_id == ids[1]
    assert ladder.chooser.value == ids[1]
    second = reread(sample_folder).selected_indicators()[1]
    assert step_for(ladder, 3).text.value == second.levels[3]
    assert ladder.target.value == second.target

    ladder.previous.click()
    assert ladder.indicator_id == ids[0]

    ladder.chooser.value = ids[-1]
    assert ladder.indicator_id == ids[-1]
    assert ladder.next.disabled and not ladder.previous.disabled
    assert ladder.position.value == t("ladder_position", "th", number=len(ids), count=len(ids))
    ladder.next.click()  # already the last: stays
    assert ladder.indicator_id == ids[-1]

    ladder.show(ids[4])
    assert ladder.chooser.value == ids[4]
    with pytest.raises(KeyError):
        ladder.show(next(i.indicator_id for i in reread(sample_folder).indicators if i.status == "dropped"))


def test_moving_does_not_write_anything(ladder, sample_folder):
    before = (sample_folder / store.INDICATORS).read_bytes()
    ladder.next.click()
    ladder.next.click()
    ladder.chooser.value = ladder.chooser.options[-1][1]
    assert (sample_folder / store.INDICATORS).read_bytes() == before


def test_refresh_keeps_the_indicator_on_screen_while_it_is_still_selected(ladder, session, sample_folder):
    ids = selected_ids(sample_folder)
    ladder.show(ids[2])
    forum.move(session.workbook, ids[2], -1)
    session.save(store.INDICATORS)

    ladder.refresh()
    assert ladder.indicator_id == ids[2]
    assert ladder.position.value == t("ladder_position", "th", number=2, count=len(ids))

    forum.unselect(session.workbook, ids[2])
    session.save(store.INDICATORS)
    ladder.refresh()
    assert ladder.indicator_id == selected_ids(sample_folder)[0]
    assert ids[2] not in [value for _label, value in ladder.chooser.options]


# --- saving ------------------------------------------------------------------------------


def test_level_words_with_commas_quotes_and_newlines_are_saved_exactly(ladder, sample_folder, status):
    ladder.next.click()
    words = 'ประชุมทุกเดือน, มี "บันทึก" ครบ\nและแจ้งมติในไลน์กลุ่ม'

    step_for(ladder, 3).text.value = words

    assert indicator_rows(sample_folder)[ladder.indicator_id]["level_3"] == words
    assert reread(sample_folder).indicators[1].levels[3] == words
    assert status.state == "saved"


def test_formula_like_words_are_kept_as_text_and_the_room_is_told(ladder, sample_folder, status):
    words = '=HYPERLINK("http://example.com","ระดับ 1")'

    step_for(ladder, 1).text.value = words

    assert reread(sample_folder).indicators[0].levels[1] == words
    assert indicator_rows(sample_folder)[ladder.indicator_id]["level_1"] == "'" + words  # a spreadsheet shows text
    assert t("formula_stored_as_text", "th") in status.value


def test_spaces_around_the_words_are_trimmed_on_screen_too(ladder, sample_folder):
    step_for(ladder, 2).text.value = "   มีบันทึกบางครั้ง  \n"

    assert indicator_rows(sample_folder)[ladder.indicator_id]["level_2"] == "มีบันทึกบางครั้ง"
    assert step_for(ladder, 2).text.value == "มีบันทึกบางครั้ง"


def test_target_buttons_save_the_target_and_move_the_badge(ladder, sample_folder, status):
    ladder.next.click()
    new_target = next(n for n in reread(sample_folder).profile.levels if n != ladder.target.value)

    ladder.target.value = new_target

    assert indicator_rows(sample_folder)[ladder.indicator_id]["target"] == str(new_target)
    assert "mchch-ladder-is-target" in step_for(ladder, new_target)._dom_classes
    assert status.state == "saved"

    ladder.target.value = NO_TARGET
    assert indicator_rows(sample_folder)[ladder.indicator_id]["target"] == ""
    assert reread(sample_folder).indicators[1].target is None
    assert not any("mchch-ladder-is-target" in step._dom_classes for step in ladder.steps)


def test_fill_empty_fills_only_the_empty_levels(ladder, sample_folder, status):
    for level in (2, 4):
        step_for(ladder, level).text.value = ""
    before = reread(sample_folder).indicators[0].levels
    assert (before[2], before[4]) == ("", "")
    assert not ladder.fill.disabled

    ladder.fill.click()

    after = indicator_rows(sample_folder)[ladder.indicator_id]
    generic = generic_ladder(reread(sample_folder).profile.levels, "th")
    assert (after["level_2"], after["level_4"]) == (generic[2], generic[4])
    for level in (1, 3, 5):
        assert after[f"level_{level}"] == before[level]
    assert step_for(ladder, 2).text.value == generic[2]
    assert ladder.fill.disabled  # nothing empty any more
    assert t("ladder_filled", "th", count=2) in status.value


def test_levels_still_holding_the_example_words_are_pointed_out(ladder, sample_folder):
    assert ladder.note.value == ""
    generic = generic_ladder(reread(sample_folder).profile.levels, "th")

    step_for(ladder, 1).text.value = generic[1]
    step_for(ladder, 2).text.value = generic[2]

    assert ladder.note.value == t("ladder_generic_note", "th", levels="1, 2")
    assert "mchch-ladder-generic" in step_for(ladder, 1)._dom_classes
    assert reread(sample_folder).indicators[0].levels[1] == generic[1]  # helpful, not blocking

    step_for(ladder, 1).text.value = "ยังไม่มีการประชุมเลย"
    assert ladder.note.value == t("ladder_generic_note", "th", levels="2")


def test_a_level_outside_a_narrowed_scale_is_refused_and_nothing_changes(ladder, session, sample_folder, status):
    # The scale is narrowed on the profile screen while this ladder still shows level 5.
    narrow_the_scale_to_4(session)
    before = (sample_folder / store.INDICATORS).read_bytes()
    old_words = step_for(ladder, 5).text.value

    step_for(ladder, 5).text.value = "คำใหม่ที่ไม่ควรถูกบันทึก"

    assert (sample_folder / store.INDICATORS).read_bytes() == before
    assert step_for(ladder, 5).text.value == old_words
    assert status.state == "error"
    assert t("err_level_outside", "th", low=1, high=4) in status.value

    ladder.refresh()
    assert [step.level for step in ladder.steps] == [1, 2, 3, 4]


def test_a_target_left_outside_a_narrowed_scale_is_shown_and_can_be_put_right(session, status, sample_folder):
    narrow_the_scale_to_4(session)
    outside = next(i for i in reread(sample_folder).selected_indicators() if i.target == 5)
    ladder = LadderEditor(session, status)

    ladder.show(outside.indicator_id)
    assert ladder.target.value == 5
    assert ladder.target.options[-1] == ("5 ⚠", 5)

    ladder.target.value = 4
    assert indicator_rows(sample_folder)[outside.indicator_id]["target"] == "4"
    ladder.next.click()
    ladder.previous.click()
    assert [value for _label, value in ladder.target.options] == [NO_TARGET, 1, 2, 3, 4]


def test_a_broken_file_on_disk_refuses_the_save_and_puts_everything_back(ladder, session, sample_folder, status):
    step_for(ladder, 1).text.value = ""  # saved while the file was still fine
    path = sample_folder / store.INDICATORS
    path.write_bytes(path.read_bytes().replace(b",title,", b",headline,", 1))  # a hand edit broke the header
    before = path.read_bytes()
    old_words = step_for(ladder, 3).text.value
    old_target = ladder.target.value

    step_for(ladder, 3).text.value = "คำใหม่"
    ladder.target.value = NO_TARGET
    ladder.fill.click()

    assert path.read_bytes() == before
    assert status.state == "error"
    assert step_for(ladder, 3).text.value == old_words
    assert ladder.target.value == old_target
    indicator = forum.find(session.workbook, ladder.indicator_id)
    assert indicator.levels[3] == old_words and indicator.target == old_target  # memory matches the disk
    assert indicator.levels[1] == "" and step_for(ladder, 1).text.value == ""  # the fill was put back too


def test_a_scale_of_0_to_10_gives_eleven_steps(session, status, sample_folder):
    session.workbook.profile = replace(session.workbook.profile, scale_min=0, scale_max=10)
    session.save(store.INDICATORS, store.PROFILE)
    ladder = LadderEditor(session, status)

    assert [step.level for step in ladder.ladder.children] == list(range(10, -1, -1))
    assert [value for _label, value in ladder.target.options] == [NO_TARGET, *range(11)]

    step_for(ladder, 0).text.value = "ไม่มีอะไรเลย"
    ladder.target.value = 8
    row = indicator_rows(sample_folder)[ladder.indicator_id]
    assert (row["level_0"], row["target"]) == ("ไม่มีอะไรเลย", "8")


def test_english_mode_speaks_english(session, status, sample_folder):
    ladder = LadderEditor(session, status, language="en")
    count = len(reread(sample_folder).selected_indicators())

    assert ladder.position.value == f"Indicator 1 of {count}"
    assert ladder.next.description == t("ladder_next", "en")
    assert ladder.target.options[0][0] == t("ladder_target_none", "en")

    step_for(ladder, 5).text.value = ""
    ladder.fill.click()
    assert reread(sample_folder).indicators[0].levels[5] == generic_ladder(range(1, 6), "en")[5]


def test_a_script_in_a_title_is_shown_as_text(session, status, sample_folder):
    first = session.workbook.selected_indicators()[0]
    forum.edit(session.workbook, first.indicator_id, title="<script>alert(1)</script> บัญชี & เงินออม")
    session.save(store.INDICATORS)

    ladder = LadderEditor(session, status)

    assert "<script>" not in ladder.title.value
    assert "&lt;script&gt;alert(1)&lt;/script&gt; บัญชี &amp; เงินออม" in ladder.title.value
    # A dropdown's labels are set as text by the browser (option.textContent): kept as typed.
    assert ladder.chooser.options[0][0] == "1. <script>alert(1)</script> บัญชี & เงินออม"
