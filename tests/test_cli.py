"""The `mchch` command, run as a user runs it: in its own process, output through a pipe.

`serve` is left to the browser tests.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from mchch_widgets import samples

TIMEOUT = 60  # seconds; the command itself takes well under one
WORKBOOK_FILES = {"profile.csv", "members.csv", "indicators.csv", "rounds.csv", "scores.csv", "plan.csv",
                  "reflections.csv"}
BOM_BYTES = b"\xef\xbb\xbf"
MAIN = "khiriwong-natural-dye-group"


def _console_script() -> str:
    beside = Path(sys.executable).with_name("mchch")
    found = str(beside) if beside.exists() else shutil.which("mchch")
    assert found, "the `mchch` console script is not installed next to the Python running the tests"
    return found


@pytest.fixture
def mchch(tmp_path: Path) -> Callable[..., subprocess.CompletedProcess]:
    """Run `python -m mchch_widgets ARGS` (or the console script) and decode its output as UTF-8."""

    def run(*args: object, script: bool = False, env: dict[str, str] | None = None):
        command = [_console_script()] if script else [sys.executable, "-m", "mchch_widgets"]
        result = subprocess.run(
            [*command, *map(str, args)],
            check=False,
            capture_output=True,
            timeout=TIMEOUT,
            cwd=tmp_path,
            env=env if env is not None else {**os.environ, "MCHCH_DATA_DIR": str(tmp_path / "data")},
        )
        # Strict decoding: Thai that was mangled on its way through the pipe fails here.
        result.stdout = result.stdout.decode("utf-8")
        result.stderr = result.stderr.decode("utf-8")
        return result

    return run


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every entry in `folder` (hidden ones too): its bytes and modification time."""
    return {p.name: (p.read_bytes(), p.stat().st_mtime_ns) for p in sorted(folder.iterdir())}


def copy_sample(name: str, target: Path) -> Path:
    shutil.copytree(samples.sample_path(name), target)
    return target


def read_csv(path: Path) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode("utf-8-sig"), newline="")))


def write_csv(path: Path, rows: list[list[str]]) -> None:
    """Save as a spreadsheet would: UTF-8 with BOM, CRLF."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    path.write_bytes(BOM_BYTES + buffer.getvalue().encode("utf-8"))


def edit_cell(path: Path, key: dict[str, str], column: str, value: str) -> int:
    """Set `column` of the one row matching `key`; returns that row's spreadsheet number."""
    rows = read_csv(path)
    header = rows[0]
    matches = [n for n, row in enumerate(rows[1:], start=1)
               if all(row[header.index(k)] == v for k, v in key.items())]
    assert len(matches) == 1, f"{key} matches {len(matches)} rows of {path.name}"
    rows[matches[0]][header.index(column)] = value
    write_csv(path, rows)
    return matches[0] + 1  # the header is spreadsheet row 1


def assert_no_traceback(result: subprocess.CompletedProcess) -> None:
    assert "Traceback" not in result.stdout
    assert "Traceback" not in result.stderr


# --- validate: every bundled sample is valid --------------------------------------------


@pytest.mark.parametrize("name", samples.sample_names())
def test_validate_accepts_every_bundled_sample(mchch, tmp_path, name):
    folder = copy_sample(name, tmp_path / name)
    before = snapshot(folder)

    result = mchch("validate", folder)

    assert result.returncode == 0, result.stdout + result.stderr
    assert f"สมุดงานถูกต้อง: {folder} / Workbook is valid: {folder}" in result.stdout.splitlines()
    assert "พบปัญหา" not in result.stdout and "problems in" not in result.stdout
    assert result.stderr == ""
    assert snapshot(folder) == before


def test_samples_include_the_main_workshop():
    names = samples.sample_names()
    assert MAIN in names
    assert len(names) >= 2


def test_validate_through_the_installed_console_script(mchch, tmp_path):
    folder = copy_sample(MAIN, tmp_path / "wb")

    result = mchch("validate", folder, script=True)

    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.strip() == f"สมุดงานถูกต้อง: {folder} / Workbook is valid: {folder}"


def test_thai_output_survives_a_pipe_with_a_non_utf8_console(mchch, tmp_path):
    """A pipe to a console set to Latin-1 and the C locale still gets readable Thai (UTF-8)."""
    folder = copy_sample(MAIN, tmp_path / "wb")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONUTF8", "LANG", "LC_ALL", "LC_CTYPE")}
    env.update(PYTHONIOENCODING="latin-1", LC_ALL="C", LANG="C", PYTHONUTF8="0")

    result = mchch("validate", folder, env=env)

    assert result.returncode == 0
    assert "สมุดงานถูกต้อง" in result.stdout  # decoded as UTF-8 by the fixture, strictly
    assert "?" not in result.stdout.replace(str(folder), "")  # nothing replaced on the way


def test_usage_error_text_is_utf8_in_a_pipe(mchch):
    """The Thai program description comes through the pipe intact too."""
    result = mchch("--help")

    assert result.returncode == 0
    assert "สมุดงาน มชช." in result.stdout
    assert "validate" in result.stdout and "new" in result.stdout


# --- validate: broken workbooks ---------------------------------------------------------


def _score_of_seven(folder: Path) -> int:
    return edit_cell(folder / "scores.csv", {"round_id": "r2", "indicator_id": "G03", "rater": "consensus"},
                     "score", "7")


def _unknown_indicator(folder: Path) -> int:
    return edit_cell(folder / "scores.csv", {"round_id": "r1", "indicator_id": "G05", "rater": "consensus"},
                     "indicator_id", "G99")


def _duplicate_title(folder: Path) -> int:
    rows = read_csv(folder / "indicators.csv")
    first_title = rows[1][rows[0].index("title")]
    # The same title typed again with stray spaces around it is still the same title.
    return edit_cell(folder / "indicators.csv", {"indicator_id": "G02"}, "title", f"  {first_title} ")


def _buddhist_year_in_round(folder: Path) -> int:
    return edit_cell(folder / "rounds.csv", {"round_id": "r2"}, "held_on", "2569-02-14")


def _buddhist_year_in_plan(folder: Path) -> int:
    return edit_cell(folder / "plan.csv", {"activity_id": "A02"}, "start_on", "2569-01-10")


BROKEN = {
    # name: (how to break it, file, column, Thai message, English message, value shown as typed)
    "score 7 on a 1..5 scale": (
        _score_of_seven, "scores.csv", "score",
        "คะแนนต้องอยู่ระหว่าง 1 ถึง 5", "score must be between 1 and 5", "7",
    ),
    "unknown indicator in scores": (
        _unknown_indicator, "scores.csv", "indicator_id",
        "ไม่พบ ตัวชี้วัด นี้ใน indicators.csv", "no such indicator in indicators.csv", "G99",
    ),
    "duplicate indicator title": (
        _duplicate_title, "indicators.csv", "title",
        "ชื่อตัวชี้วัดซ้ำกับแถว 2", "same indicator title as row 2", "  การประชุมกลุ่มและบันทึกการประชุม ”",
    ),
    "Buddhist Era year in a round date": (
        _buddhist_year_in_round, "rounds.csv", "held_on",
        "ปีนี้ดูเหมือนเป็น พ.ศ.", "this year looks Buddhist Era", "2569-02-14",
    ),
    "Buddhist Era year in a plan date": (
        _buddhist_year_in_plan, "plan.csv", "start_on",
        "ปีนี้ดูเหมือนเป็น พ.ศ.", "this year looks Buddhist Era", "2569-01-10",
    ),
}


@pytest.fixture
def main_copy(tmp_path: Path) -> Path:
    return copy_sample(MAIN, tmp_path / "wb")


@pytest.mark.parametrize("case", list(BROKEN))
def test_validate_names_file_row_column_and_message_in_both_languages(mchch, main_copy, case):
    breaker, file, column, thai, english, value = BROKEN[case]
    row = breaker(main_copy)
    before = snapshot(main_copy)

    result = mchch("validate", main_copy)

    assert result.returncode == 1
    assert_no_traceback(result)
    out = result.stdout
    assert f"พบปัญหา 1 ข้อใน {main_copy} / 1 problems in {main_copy}" in out
    thai_line, english_line = [line.strip() for line in out.splitlines()[1:3]]
    assert thai_line.startswith(f"- {file} แถว {row} คอลัมน์ {column}: {thai}")
    assert english_line.startswith(f"{file} row {row} column {column}: {english}")
    assert f"ค่า “{value}" in thai_line and f"value “{value}" in english_line
    assert "สมุดงานถูกต้อง" not in out and "is valid" not in out
    assert snapshot(main_copy) == before


def test_validate_reports_a_missing_profile(mchch, main_copy):
    (main_copy / "profile.csv").unlink()
    before = snapshot(main_copy)

    result = mchch("validate", main_copy)

    assert result.returncode == 1
    assert_no_traceback(result)
    lines = [line.strip() for line in result.stdout.splitlines()]
    assert "- profile.csv: ไม่พบไฟล์" in lines
    assert "profile.csv: file is missing" in lines
    assert snapshot(main_copy) == before
    assert not (main_copy / "profile.csv").exists()


def _break_quote(folder: Path) -> bytes:
    """A stray character after a closing quote on spreadsheet row 4 of scores.csv."""
    path = folder / "scores.csv"
    lines = path.read_bytes().split(b"\n")
    assert lines[3].startswith(b"r1,G01,P03,1,,")
    lines[3] = lines[3].replace(b"r1,G01,P03,1,,", b'r1,G01,P03,1,"oops"x,')
    path.write_bytes(b"\n".join(lines))
    return path.read_bytes()


def test_validate_reports_a_malformed_csv(mchch, main_copy):
    _break_quote(main_copy)
    before = snapshot(main_copy)

    result = mchch("validate", main_copy)

    assert result.returncode == 1
    assert_no_traceback(result)
    lines = [line.strip() for line in result.stdout.splitlines()]
    assert lines[0] == f"พบปัญหา 1 ข้อใน {main_copy} / 1 problems in {main_copy}"
    assert lines[1].startswith("- scores.csv") and "รูปแบบ CSV ผิด" in lines[1]
    assert lines[2].startswith("scores.csv") and "malformed CSV" in lines[2]
    assert snapshot(main_copy) == before


def test_validate_names_the_row_of_a_malformed_csv(mchch, main_copy):
    _break_quote(main_copy)

    result = mchch("validate", main_copy)

    assert result.returncode == 1
    assert "scores.csv แถว 4" in result.stdout
    assert "scores.csv row 4" in result.stdout


def test_validate_reports_an_unterminated_quote_without_a_traceback(mchch, main_copy):
    with (main_copy / "rounds.csv").open("ab") as handle:
        handle.write('r9,"รอบที่ ๙,2026-12-01,self,false\r\n'.encode())
    before = snapshot(main_copy)

    result = mchch("validate", main_copy)

    assert result.returncode == 1
    assert_no_traceback(result)
    assert "rounds.csv" in result.stdout
    assert "รูปแบบ CSV ผิด" in result.stdout and "malformed CSV" in result.stdout
    assert snapshot(main_copy) == before


def test_validate_lists_every_problem_at_once(mchch, main_copy):
    """A facilitator fixes a hand-edited workbook in one go: all problems, not the first."""
    seven = _score_of_seven(main_copy)
    year = _buddhist_year_in_round(main_copy)
    before = snapshot(main_copy)

    result = mchch("validate", main_copy)

    assert result.returncode == 1
    out = result.stdout
    assert f"พบปัญหา 2 ข้อใน {main_copy} / 2 problems in {main_copy}" in out
    assert f"rounds.csv row {year} column held_on" in out
    assert f"scores.csv row {seven} column score" in out
    assert snapshot(main_copy) == before


def test_validate_reports_an_impossible_local_time_without_a_traceback(mchch, main_copy):
    row = edit_cell(main_copy / "scores.csv", {"round_id": "r1", "indicator_id": "G01", "rater": "P02"},
                    "recorded_at", "0001-01-01T00:00:00")
    before = snapshot(main_copy)

    result = mchch("validate", main_copy)

    assert_no_traceback(result)
    assert result.returncode == 1
    assert f"scores.csv row {row} column recorded_at" in result.stdout
    assert snapshot(main_copy) == before


def test_validate_a_folder_that_does_not_exist(mchch, tmp_path):
    missing = tmp_path / "no-such-workbook"

    result = mchch("validate", missing)

    assert result.returncode == 1
    assert_no_traceback(result)
    assert f"{missing}: ไม่พบโฟลเดอร์สมุดงาน" in result.stdout
    assert f"{missing}: workbook folder not found" in result.stdout
    assert not missing.exists()


def test_validate_a_file_instead_of_a_folder(mchch, tmp_path):
    stray = tmp_path / "profile.csv"
    stray.write_bytes(b"not a folder")

    result = mchch("validate", stray)

    assert result.returncode == 1
    assert_no_traceback(result)
    assert "workbook folder not found" in result.stdout
    assert stray.read_bytes() == b"not a folder"


# --- usage errors -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "complaint"),
    [
        ([], "the following arguments are required: command"),
        (["frobnicate"], "invalid choice: 'frobnicate'"),
        (["validate"], "the following arguments are required: path"),
        (["new", "wb", "--name", "กลุ่มทดสอบ"], "the following arguments are required: --type"),
        (["new", "wb", "--type", "village", "--name", "กลุ่มทดสอบ"], "invalid choice: 'village'"),
        (["new", "wb", "--type", "group"], "the following arguments are required: --name"),
    ],
    ids=["no-args", "unknown-subcommand", "validate-without-path", "new-without-type", "bad-type",
         "new-without-name"],
)
def test_usage_errors_exit_2_and_create_nothing(mchch, tmp_path, args, complaint):
    result = mchch(*args)

    assert result.returncode == 2
    assert_no_traceback(result)
    assert complaint in result.stderr
    assert result.stderr.startswith("usage: mchch")
    assert not (tmp_path / "wb").exists()


# --- new --------------------------------------------------------------------------------


def test_new_creates_a_valid_empty_workbook(mchch, tmp_path):
    folder = tmp_path / "workbooks" / "กลุ่มทดสอบ"

    created = mchch("new", folder, "--type", "group", "--name", "กลุ่มทดสอบ", "--facilitator", "นางสาวสมศรี")

    assert created.returncode == 0, created.stdout + created.stderr
    assert created.stdout.strip() == f"สร้างสมุดงานใหม่แล้ว: {folder} / New workbook created: {folder}"
    assert {p.name for p in folder.glob("*.csv")} == WORKBOOK_FILES
    for name in WORKBOOK_FILES:
        assert (folder / name).read_bytes().startswith(BOM_BYTES), name
    header, row = read_csv(folder / "profile.csv")
    profile = dict(zip(header, row))
    assert profile["name"] == "กลุ่มทดสอบ"
    assert profile["target_type"] == "group"
    assert profile["facilitator"] == "นางสาวสมศรี"
    assert (profile["schema_version"], profile["scale_min"], profile["scale_max"]) == ("1", "1", "5")
    assert profile["workbook_id"].strip()
    for name in WORKBOOK_FILES - {"profile.csv"}:
        assert len(read_csv(folder / name)) == 1, f"{name} should hold only its header"
    assert read_csv(folder / "reflections.csv")[0] == ["round_id", "indicator_id", "strengths", "weaknesses",
                                                       "next_action"]
    assert read_csv(folder / "scores.csv")[0] == ["round_id", "indicator_id", "rater", "score", "note",
                                                  "recorded_at"]

    checked = mchch("validate", folder)
    assert checked.returncode == 0, checked.stdout
    assert f"Workbook is valid: {folder}" in checked.stdout


@pytest.mark.parametrize("target_type", ["leader", "group", "network", "community"])
def test_new_accepts_every_target_type(mchch, tmp_path, target_type):
    folder = tmp_path / target_type

    result = mchch("new", folder, "--type", target_type, "--name", "  ชุมชนบ้านหนองบัว  ", script=True)

    assert result.returncode == 0, result.stderr
    header, row = read_csv(folder / "profile.csv")
    profile = dict(zip(header, row))
    assert profile["target_type"] == target_type
    assert profile["name"] == "ชุมชนบ้านหนองบัว"  # surrounding spaces trimmed
    assert mchch("validate", folder).returncode == 0


def test_new_twice_on_the_same_folder_changes_nothing(mchch, tmp_path):
    folder = tmp_path / "wb"
    assert mchch("new", folder, "--type", "group", "--name", "กลุ่มทดสอบ").returncode == 0
    before = snapshot(folder)

    again = mchch("new", folder, "--type", "network", "--name", "เครือข่ายอื่น")

    assert again.returncode == 2
    assert_no_traceback(again)
    assert "ไม่ได้เขียนทับ" in again.stderr and "nothing was overwritten" in again.stderr
    assert again.stdout == ""
    assert snapshot(folder) == before
    header, row = read_csv(folder / "profile.csv")
    assert dict(zip(header, row))["name"] == "กลุ่มทดสอบ"


def test_new_never_overwrites_a_sample_workbook(mchch, main_copy):
    before = snapshot(main_copy)

    result = mchch("new", main_copy, "--type", "group", "--name", "ทับของเดิม")

    assert result.returncode == 2
    assert "nothing was overwritten" in result.stderr
    assert snapshot(main_copy) == before


@pytest.mark.parametrize("name", ["", "   ", "\t \u3000"], ids=["empty", "spaces", "tab-and-wide-space"])
def test_new_refuses_an_empty_name(mchch, tmp_path, name):
    folder = tmp_path / "wb"

    result = mchch("new", folder, "--type", "group", "--name", name)

    assert result.returncode == 2
    assert_no_traceback(result)
    assert result.stderr.strip() == "ต้องกรอก / must not be empty"
    assert not folder.exists()


def test_new_refuses_a_name_over_200_characters(mchch, tmp_path):
    folder = tmp_path / "wb"

    result = mchch("new", folder, "--type", "group", "--name", "ก" * 201)

    assert result.returncode == 2
    assert result.stderr.strip() == "ยาวเกิน 200 ตัวอักษร / longer than 200 characters"
    assert not folder.exists()


def test_new_accepts_a_name_of_exactly_200_characters(mchch, tmp_path):
    folder = tmp_path / "wb"

    result = mchch("new", folder, "--type", "leader", "--name", "ข" * 200)

    assert result.returncode == 0
    header, row = read_csv(folder / "profile.csv")
    assert dict(zip(header, row))["name"] == "ข" * 200


def test_new_into_a_path_that_is_a_file(mchch, tmp_path):
    stray = tmp_path / "notes.txt"
    stray.write_text("บันทึก", encoding="utf-8")

    result = mchch("new", stray, "--type", "group", "--name", "กลุ่มทดสอบ")

    assert result.returncode == 2
    assert_no_traceback(result)
    assert str(stray) in result.stderr
    assert stray.read_text(encoding="utf-8") == "บันทึก"


def test_new_below_a_file_gives_a_message_not_a_traceback(mchch, tmp_path):
    stray = tmp_path / "notes.txt"
    stray.write_text("บันทึก", encoding="utf-8")

    result = mchch("new", stray / "wb", "--type", "group", "--name", "กลุ่มทดสอบ")

    assert_no_traceback(result)
    assert result.returncode == 2
    assert str(stray / "wb") in result.stderr
    assert stray.read_text(encoding="utf-8") == "บันทึก"
