"""Step 1 screen: every change reaches profile.csv at once; bad input is refused and put back."""

from __future__ import annotations

from pathlib import Path

import pytest
from workbook_files import read_csv_text, reread, rows

from mchch_widgets import assessment, samples, store
from mchch_widgets.model import Refused
from mchch_widgets.session import Session
from mchch_widgets.widgets.widget_profile import ProfileStep


def reread_sample():
    return store.read_workbook(samples.sample_path(samples.MAIN_SAMPLE))


@pytest.fixture
def step(session, status) -> ProfileStep:
    return ProfileStep(session, status)


def test_renaming_saves_profile_csv_at_once(step, sample_folder: Path, status):
    step.name.value = "กลุ่มผ้ามัดย้อมบ้านคีรีวง (ชื่อใหม่)"

    assert reread(sample_folder).profile.name == "กลุ่มผ้ามัดย้อมบ้านคีรีวง (ชื่อใหม่)"
    assert status.state == "saved"
    assert "บันทึกแล้ว" in status.value


def test_spaces_around_a_name_are_trimmed_before_saving(step, sample_folder: Path):
    step.name.value = "   กลุ่มทดสอบ   "

    assert step.name.value == "กลุ่มทดสอบ"
    assert reread(sample_folder).profile.name == "กลุ่มทดสอบ"


def test_an_empty_name_is_refused_put_back_and_nothing_is_written(step, sample_folder: Path, status):
    before = (sample_folder / "profile.csv").read_bytes()
    old_name = step.name.value

    step.name.value = "   "

    assert step.name.value == old_name
    assert (sample_folder / "profile.csv").read_bytes() == before
    assert status.state == "error"
    assert "ต้องกรอก" in status.value


def test_a_name_over_200_characters_is_refused(step, sample_folder: Path, status):
    before = (sample_folder / "profile.csv").read_bytes()

    step.name.value = "ก" * 201

    assert (sample_folder / "profile.csv").read_bytes() == before
    assert status.state == "error"
    assert "200" in status.value


def test_formula_like_name_is_stored_as_text_that_cannot_run(step, sample_folder: Path, status):
    step.name.value = '=HYPERLINK("http://example.com","กลุ่ม")'

    raw = read_csv_text(sample_folder, "profile.csv")
    assert "'=HYPERLINK(" in raw  # a spreadsheet shows it as text
    assert reread(sample_folder).profile.name == '=HYPERLINK("http://example.com","กลุ่ม")'
    assert "ข้อความ" in status.value  # the note says it is kept as text


def test_target_type_and_facilitator_are_saved(step, sample_folder: Path):
    step.target_type.value = "network"
    step.facilitator.value = "นายใหม่ พัฒนากร"

    profile = reread(sample_folder).profile
    assert profile.target_type == "network"
    assert profile.facilitator == "นายใหม่ พัฒนากร"


def test_choosing_a_province_offers_its_districts_and_clears_the_rest(step, sample_folder: Path):
    step.province.value = "สระแก้ว"

    districts = [value for _label, value in step.district.options]
    assert "วัฒนานคร" in districts and "ลานสกา" not in districts
    profile = reread(sample_folder).profile
    assert (profile.province, profile.district, profile.subdistrict) == ("สระแก้ว", "", "")

    step.district.value = "วัฒนานคร"
    assert "หนองตะเคียนบอน" in [value for _label, value in step.subdistrict.options]
    step.subdistrict.value = "หนองตะเคียนบอน"

    profile = reread(sample_folder).profile
    assert (profile.province, profile.district, profile.subdistrict) == ("สระแก้ว", "วัฒนานคร", "หนองตะเคียนบอน")


def test_a_place_typed_by_hand_outside_the_list_is_kept_as_a_choice(sample_folder: Path, status):
    workbook = reread(sample_folder)
    workbook.profile.district = "อำเภอที่พิมพ์เอง"
    store.save(sample_folder, workbook, "profile.csv")
    from mchch_widgets.session import Session

    step = ProfileStep(Session(sample_folder), status)

    assert step.district.value == "อำเภอที่พิมพ์เอง"


def test_narrowing_the_scale_below_existing_scores_is_refused(step, sample_folder: Path, status):
    before = (sample_folder / "profile.csv").read_bytes()

    step.scale_max.value = 3  # the sample has consensus scores of 4 and 5

    assert step.scale_max.value == 5
    assert (sample_folder / "profile.csv").read_bytes() == before
    assert status.state == "error"
    assert "นอกช่วง" in status.value


def test_widening_the_scale_adds_level_columns_to_indicators_csv(step, sample_folder: Path):
    step.scale_max.value = 7

    assert reread(sample_folder).profile.levels == range(1, 8)
    header = read_csv_text(sample_folder, "indicators.csv").splitlines()[0].split(",")
    assert header[-2:] == ["level_6", "level_7"]
    assert store.check_workbook(sample_folder)[0] is not None


def test_widening_the_scale_keeps_the_scale_each_scored_round_was_scored_on(sample_folder: Path, status, open_round):
    # Read from disk, as a page load does: older rounds' scale cells are empty in rounds.csv now
    step = ProfileStep(Session(sample_folder), status)

    step.scale_max.value = 7

    workbook = reread(sample_folder)
    scales = {r.round_id: assessment.round_scale(workbook, r) for r in workbook.rounds}
    # r1-r4 and x1 were scored on 1..5; the empty new round will be scored on 1..7
    assert scales == {"r1": range(1, 6), "r2": range(1, 6), "r3": range(1, 6), "r4": range(1, 6),
                      "x1": range(1, 6), open_round: range(1, 8)}
    saved = {row["round_id"]: (row["scale_min"], row["scale_max"]) for row in rows(sample_folder, "rounds.csv")}
    assert saved["r1"] == ("1", "5") and saved[open_round] == ("1", "7")


def test_the_scale_cannot_change_while_a_round_with_ratings_is_open(sample_folder: Path, status, open_round):
    session = Session(sample_folder)
    session.change(lambda wb: assessment.record_score(wb, open_round, "G01", "P01", 3), store.SCORES)
    step = ProfileStep(session, status)
    before = (sample_folder / "profile.csv").read_bytes()

    step.scale_max.value = 7

    assert step.scale_max.value == 5
    assert (sample_folder / "profile.csv").read_bytes() == before
    assert status.state == "error" and "รอบที่ ๕" in status.value and "ปิดรอบ" in status.value


def test_a_reopened_round_is_still_scored_on_its_own_scale(sample_folder: Path, status):
    step = ProfileStep(Session(sample_folder), status)
    step.scale_max.value = 7  # every sample round is closed and keeps 1..5
    session = Session(sample_folder)
    session.change(lambda wb: assessment.reopen_round(wb, "r4"), store.ROUNDS)

    with pytest.raises(Refused) as refused:
        assessment.record_score(session.workbook, "r4", "G01", "consensus", 6)

    assert refused.value.key == "err_score_outside" and refused.value.params["high"] == 5


@pytest.mark.parametrize(("low", "high"), [("", ""), ("1", "5000"), ("3", "3"), ("x", "5"), ("-1", "4")])
def test_a_hand_edited_round_scale_that_makes_no_sense_counts_as_the_workbooks(low, high):
    workbook = reread_sample()
    workbook.rounds[0].extra.update({assessment.SCALE_MIN: low, assessment.SCALE_MAX: high})

    assert assessment.round_scale(workbook, workbook.rounds[0]) == workbook.profile.levels


def test_a_refused_scale_change_leaves_the_rounds_as_they_were(step, sample_folder: Path, status):
    (sample_folder / "profile.csv").write_bytes(b"\xef\xbb\xbfnot,the,profile\n")  # the save is refused
    before = (sample_folder / "rounds.csv").read_bytes()

    step.scale_max.value = 7

    assert (sample_folder / "rounds.csv").read_bytes() == before
    assert all("scale_max" not in r.extra for r in step.session.workbook.rounds)


def test_a_broken_file_on_disk_is_never_overwritten(step, sample_folder: Path, status):
    broken = b"\xef\xbb\xbfthis is not,the profile\n1,2\n"
    (sample_folder / "profile.csv").write_bytes(broken)

    step.name.value = "ชื่อที่บันทึกไม่ได้"

    assert (sample_folder / "profile.csv").read_bytes() == broken
    assert status.state == "error"
    assert "profile.csv" in status.value
