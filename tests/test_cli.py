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


def test_validate_reports_a_round_scale_it_cannot_use_as_a_warning(mchch, main_copy):
    rows = read_csv(main_copy / "rounds.csv")
    rows[0] += ["scale_min", "scale_max"]
    for row in rows[1:]:
        row += ["1", "5"]
    r2 = next(n for n, row in enumerate(rows) if row[0] == "r2")
    rows[r2][-2:] = ["5", "3"]  # the lowest level above the highest
    write_csv(main_copy / "rounds.csv", rows)
    before = snapshot(main_copy)

    result = mchch("validate", main_copy)

    assert result.returncode == 0  # a warning: the round is read on the workbook's scale
    assert_no_traceback(result)
    lines = [line.strip() for line in result.stdout.splitlines()]
    assert lines[0] == "ข้อสังเกต 1 ข้อ / 1 warnings"
    assert lines[1].startswith(f"- rounds.csv แถว {r2 + 1} คอลัมน์ scale_max: scale_min ต้องน้อยกว่า scale_max")
    assert "ระดับของสมุดงาน" in lines[1] and "ค่า “3”" in lines[1]
    assert lines[2].startswith(f"rounds.csv row {r2 + 1} column scale_max: scale_min must be below scale_max")
    assert "สมุดงานถูกต้อง" in result.stdout
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


# --- export: the whole workbook as one file -----------------------------------------------


class TestExport:
    """`mchch export PATH --xlsx|--zip [-o FILE] [--force]`."""

    def test_xlsx_goes_next_to_the_folder_named_after_the_workbook(self, mchch, main_copy, tmp_path):
        import openpyxl

        before = set(tmp_path.iterdir())
        result = mchch("export", main_copy, "--xlsx")

        assert result.returncode == 0, result.stderr
        [written] = set(tmp_path.iterdir()) - before
        header, profile = read_csv(main_copy / "profile.csv")
        name = dict(zip(header, profile))["name"]
        assert written.name.startswith(f"{name} - ข้อมูลสมุดงาน ") and written.suffix == ".xlsx"
        assert str(written) in result.stdout
        spreadsheet = openpyxl.load_workbook(written)
        assert spreadsheet.sheetnames == [Path(f).stem for f in
                                          ("profile.csv", "members.csv", "indicators.csv", "rounds.csv",
                                           "scores.csv", "plan.csv", "reflections.csv")]
        scores = read_csv(main_copy / "scores.csv")
        sheet = [["" if v is None else v for v in row] for row in spreadsheet["scores"].iter_rows(values_only=True)]
        assert sheet == scores

    def test_zip_to_a_named_file_holds_every_csv_byte_for_byte(self, mchch, main_copy, tmp_path):
        import zipfile

        target = tmp_path / "backup" / "สำรอง.zip"
        target.parent.mkdir()

        result = mchch("export", main_copy, "--zip", "-o", target)

        assert result.returncode == 0, result.stderr
        with zipfile.ZipFile(target) as archive:
            assert sorted(archive.namelist()) == sorted(f"wb/{n}" for n in WORKBOOK_FILES)
            for name in WORKBOOK_FILES:
                assert archive.read(f"wb/{name}") == (main_copy / name).read_bytes()

    def test_an_output_folder_gets_the_file_under_its_usual_name(self, mchch, main_copy, tmp_path):
        out = tmp_path / "out"
        out.mkdir()

        result = mchch("export", main_copy, "--zip", "--output", out)

        assert result.returncode == 0, result.stderr
        [written] = list(out.iterdir())
        assert written.suffix == ".zip" and " - ข้อมูลสมุดงาน " in written.name

    def test_an_existing_file_is_never_overwritten_without_force(self, mchch, main_copy, tmp_path):
        import zipfile

        target = tmp_path / "workbook.zip"
        target.write_bytes(b"last week's backup")

        refused = mchch("export", main_copy, "--zip", "-o", target)

        assert refused.returncode == 2
        assert_no_traceback(refused)
        assert str(target) in refused.stderr and "--force" in refused.stderr
        assert "อยู่แล้ว" in refused.stderr and "already exists" in refused.stderr
        assert target.read_bytes() == b"last week's backup"

        forced = mchch("export", main_copy, "--zip", "-o", target, "--force")

        assert forced.returncode == 0, forced.stderr
        with zipfile.ZipFile(target) as archive:
            assert archive.read("wb/profile.csv") == (main_copy / "profile.csv").read_bytes()

    @pytest.mark.parametrize("kind", ["--xlsx", "--zip"])
    def test_a_folder_that_is_not_a_workbook_exits_1_and_writes_nothing(self, mchch, tmp_path, kind):
        folder = tmp_path / "photos"
        folder.mkdir()
        before = sorted(tmp_path.rglob("*"))

        result = mchch("export", folder, kind)

        assert result.returncode == 1
        assert_no_traceback(result)
        assert "ไม่ใช่โฟลเดอร์สมุดงาน" in result.stderr and "not a workbook folder" in result.stderr
        assert str(folder) in result.stderr
        assert sorted(tmp_path.rglob("*")) == before

    def test_a_broken_csv_names_the_file_for_xlsx_and_the_zip_still_works(self, mchch, main_copy, tmp_path):
        (main_copy / "plan.csv").write_bytes((main_copy / "plan.csv").read_bytes() + b'"P99,"open quote\r\n')

        result = mchch("export", main_copy, "--xlsx", "-o", tmp_path / "x.xlsx")

        assert result.returncode == 1
        assert_no_traceback(result)
        assert "plan.csv" in result.stderr and "ZIP" in result.stderr
        assert not (tmp_path / "x.xlsx").exists()
        assert mchch("export", main_copy, "--zip", "-o", tmp_path / "x.zip").returncode == 0

    def test_a_folder_that_cannot_hold_the_file_is_a_message(self, mchch, main_copy, tmp_path):
        result = mchch("export", main_copy, "--xlsx", "-o", tmp_path / "missing" / "x.xlsx")

        assert result.returncode == 2
        assert_no_traceback(result)
        assert str(tmp_path / "missing" / "x.xlsx") in result.stderr

    def test_one_format_must_be_chosen(self, mchch, main_copy):
        for args in ([], ["--xlsx", "--zip"]):
            result = mchch("export", main_copy, *args)
            assert result.returncode == 2
            assert "--xlsx" in result.stderr


# --- report: the district report and the application form --------------------------------------


class TestReport:
    """`mchch report PATH [-o FILE] [--pdf] [--form] [--thai-digits] [--language th|en]`."""

    def test_the_report_goes_next_to_the_folder_and_changes_nothing_in_it(self, mchch, main_copy, tmp_path):
        before = snapshot(main_copy)

        result = mchch("report", main_copy)

        assert result.returncode == 0, result.stderr
        written = tmp_path / "wb-report.html"
        assert str(written) in result.stdout
        html = written.read_text(encoding="utf-8")
        header, profile = read_csv(main_copy / "profile.csv")
        assert dict(zip(header, profile))["name"] in html
        assert "รายงานสรุปผลการประเมินตนเอง" in html
        assert snapshot(main_copy) == before

    def test_the_form_with_thai_digits_to_a_named_file(self, mchch, main_copy, tmp_path):
        target = tmp_path / "ใบสมัคร.html"

        result = mchch("report", main_copy, "--form", "--thai-digits", "-o", target)

        assert result.returncode == 0, result.stderr
        html = target.read_text(encoding="utf-8")
        assert "แบบสมัครเข้าร่วมระบบมาตรฐานการพัฒนาชุมชน (มชช.)" in html
        assert "๑. ข้อมูลผู้สมัคร" in html
        header, *members = read_csv(main_copy / "members.csv")
        assert all(row[header.index("name")] in html for row in members)

    def test_english(self, mchch, main_copy, tmp_path):
        result = mchch("report", main_copy, "--language", "en", "-o", tmp_path / "en.html")

        assert result.returncode == 0, result.stderr
        assert "Self-assessment report" in (tmp_path / "en.html").read_text(encoding="utf-8")

    def test_pdf_beside_the_html(self, mchch, main_copy, tmp_path):
        from mchch_widgets.pdf import pdf_available

        if not pdf_available():
            if os.environ.get("CI") == "true":
                pytest.fail("Chromium is needed for `mchch report --pdf`")
            pytest.skip("no Chromium here")
        result = mchch("report", main_copy, "--pdf", "-o", tmp_path / "r.html")

        assert result.returncode == 0, result.stderr
        assert (tmp_path / "r.pdf").read_bytes().startswith(b"%PDF-")
        assert str(tmp_path / "r.pdf") in result.stdout

    def test_without_chromium_the_html_is_written_and_the_reason_given(self, mchch, main_copy, tmp_path):
        env = {**os.environ, "MCHCH_DATA_DIR": str(tmp_path / "data"), "MCHCH_CHROMIUM": "no-such-browser"}

        result = mchch("report", main_copy, "--pdf", "-o", tmp_path / "r.html", env=env)

        assert result.returncode == 3
        assert_no_traceback(result)
        assert (tmp_path / "r.html").exists() and not (tmp_path / "r.pdf").exists()
        assert "Chromium" in result.stderr and "Ctrl+P" in result.stderr

    def test_a_broken_workbook_gives_its_problems_and_no_report(self, mchch, main_copy, tmp_path):
        row = _score_of_seven(main_copy)

        result = mchch("report", main_copy)

        assert result.returncode == 1
        assert_no_traceback(result)
        assert f"scores.csv แถว {row} คอลัมน์ score" in result.stderr
        assert not (tmp_path / "wb-report.html").exists()

    def test_a_folder_that_cannot_hold_the_file_is_a_message(self, mchch, main_copy, tmp_path):
        result = mchch("report", main_copy, "-o", tmp_path / "missing" / "r.html")

        assert result.returncode == 2
        assert_no_traceback(result)
        assert str(tmp_path / "missing" / "r.html") in result.stderr
