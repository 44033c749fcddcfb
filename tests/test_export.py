"""The whole workbook as one file: a ZIP of its CSVs byte for byte, and an XLSX whose every
cell is the text of the CSV, opened with openpyxl as a district office would open it."""

from __future__ import annotations

import csv
import io
import shutil
import zipfile
from datetime import date
from pathlib import Path

import openpyxl
import pytest
from workbook_files import reread, rows

from conftest import TODAY
from mchch_widgets import csvfile, samples, store
from mchch_widgets.export import export_file_name, workbook_xlsx, workbook_zip
from mchch_widgets.model import Refused
from mchch_widgets.text import t

CONTRACT_ORDER = ["profile", "members", "indicators", "rounds", "scores", "plan", "reflections"]
FORMULA = '=HYPERLINK("http://x","y")'


def csv_rows(path: Path) -> list[list[str]]:
    """The file's cells as the app reads them (the formula guard taken off), read with the stdlib."""
    text = csvfile.decode(path.read_bytes())
    return [[csvfile.unescape_cell(cell) for cell in row] for row in csv.reader(io.StringIO(text, newline=""))]


def sheet_rows(sheet) -> list[list[str]]:
    """The sheet's rows as text, empty cells as "", trailing empty cells dropped."""
    result = []
    for row in sheet.iter_rows(values_only=True):
        cells = ["" if value is None else value for value in row]
        while cells and cells[-1] == "":
            cells.pop()
        result.append(cells)
    return result


def trimmed(rows_: list[list[str]]) -> list[list[str]]:
    out = []
    for row in rows_:
        row = list(row)
        while row and row[-1] == "":
            row.pop()
        out.append(row)
    return out


def open_xlsx(data: bytes) -> openpyxl.Workbook:
    return openpyxl.load_workbook(io.BytesIO(data))


def copy_of(name: str, tmp_path: Path) -> Path:
    return Path(shutil.copytree(samples.sample_path(name), tmp_path / name))


def write_raw(path: Path, rows_: list[list[str]], encoding: str = "utf-8-sig") -> None:
    """A file as a spreadsheet saves it, without the app's formula guard."""
    buffer = io.StringIO(newline="")
    csv.writer(buffer, lineterminator="\r\n").writerows(rows_)
    path.write_bytes(buffer.getvalue().encode(encoding))


def set_cell(path: Path, row: int, column: str, value: str) -> None:
    """Set a cell of a data row (0 = the first after the header), as a hand edit would."""
    table = csv_rows(path)
    table[row + 1][table[0].index(column)] = value
    write_raw(path, table)


# --- ZIP ----------------------------------------------------------------------------------


def test_the_zip_holds_every_csv_byte_for_byte_in_one_folder_and_nothing_else(sample_folder):
    (sample_folder / store.LOCK_NAME).write_bytes(b"")
    (sample_folder / ".scores.csv.k2j4.tmp").write_bytes(b"half a save")
    (sample_folder / ".~lock.plan.csv#").write_text("LibreOffice is editing this")
    (sample_folder / "~$plan.csv").write_bytes(b"Excel is editing this")
    (sample_folder / "notes.txt").write_text("not a CSV")
    (sample_folder / "old").mkdir()
    (sample_folder / "old" / "scores.csv").write_text("an older copy")
    (sample_folder / "attendance.csv").write_bytes("name\r\nสมศรี\r\n".encode())  # a CSV the group added
    expected = {p.name: p.read_bytes() for p in sample_folder.glob("*.csv") if p.name[0] not in ".~"}

    with zipfile.ZipFile(io.BytesIO(workbook_zip(sample_folder))) as archive:
        assert archive.testzip() is None
        names = archive.namelist()
        contents = {name: archive.read(name) for name in names}

    folder = sample_folder.name
    assert sorted(names) == sorted(f"{folder}/{name}" for name in expected)
    assert contents == {f"{folder}/{name}": data for name, data in expected.items()}
    # The data contract's files first, in its order, then the group's own.
    assert [Path(n).stem for n in names] == [*CONTRACT_ORDER, "attendance"]


def test_the_zip_of_a_copy_unpacks_into_a_workbook_the_app_reads(sample_folder, tmp_path):
    with zipfile.ZipFile(io.BytesIO(workbook_zip(sample_folder))) as archive:
        archive.extractall(tmp_path / "unpacked")

    unpacked = tmp_path / "unpacked" / sample_folder.name
    workbook, problems = store.check_workbook(unpacked)
    assert workbook is not None and store.errors_only(problems) == []
    assert workbook.profile.name == reread(sample_folder).profile.name
    assert len(workbook.scores) == len(rows(sample_folder, store.SCORES))


def test_exporting_makes_no_file_in_the_workbook_folder(sample_folder):
    before = sorted(p.name for p in sample_folder.iterdir())

    workbook_zip(sample_folder)
    workbook_xlsx(sample_folder)

    assert sorted(p.name for p in sample_folder.iterdir()) == before


# --- XLSX ---------------------------------------------------------------------------------


@pytest.mark.parametrize("name", samples.sample_names())
def test_every_sheet_equals_its_csv_cell_for_cell_for_every_sample(name, tmp_path):
    folder = copy_of(name, tmp_path)

    spreadsheet = open_xlsx(workbook_xlsx(folder))

    present = [stem for stem in CONTRACT_ORDER if (folder / f"{stem}.csv").exists()]
    assert spreadsheet.sheetnames == present
    thai_cells = 0
    for stem in present:
        sheet = spreadsheet[stem]
        expected = csv_rows(folder / f"{stem}.csv")
        assert sheet_rows(sheet) == trimmed(expected), stem
        for row in sheet.iter_rows():
            for cell in row:
                if cell.value is not None:
                    assert cell.data_type == "s" and isinstance(cell.value, str), (stem, cell.coordinate)
                    thai_cells += any("\u0e00" <= char <= "\u0e7f" for char in cell.value)
    assert thai_cells > 20  # Thai came through as Thai, not as question marks or mojibake
    assert spreadsheet["profile"]["C2"].value == rows(folder, store.PROFILE)[0]["name"]


def test_numbers_dates_and_leading_zeros_stay_the_text_of_the_file(sample_folder):
    set_cell(sample_folder / store.MEMBERS, 0, "contact", "0812345678")

    spreadsheet = open_xlsx(workbook_xlsx(sample_folder))

    rounds = rows(sample_folder, store.ROUNDS)
    held_on = spreadsheet["rounds"].cell(row=2, column=csv_rows(sample_folder / store.ROUNDS)[0].index("held_on") + 1)
    assert held_on.value == rounds[0]["held_on"] and isinstance(held_on.value, str)
    scores = spreadsheet["scores"]
    score_column = [c.value for c in scores[1]].index("score") + 1
    first_score = rows(sample_folder, store.SCORES)[0]["score"]
    assert scores.cell(row=2, column=score_column).value == first_score  # "4", not 4
    members = spreadsheet["members"]
    contact = [c.value for c in members[1]].index("contact") + 1
    assert members.cell(row=2, column=contact).value == "0812345678"


def test_a_formula_typed_in_the_app_is_text_in_the_spreadsheet(session, sample_folder):
    def retitle(workbook):
        workbook.selected_indicators()[0].title = FORMULA

    session.change(retitle, store.INDICATORS)
    raw = csvfile.read_rows(sample_folder / store.INDICATORS)
    assert any(cell == "'" + FORMULA for row in raw for cell in row)  # the CSV keeps it behind its guard
    set_cell(sample_folder / store.MEMBERS, 0, "contact", "+66 81 234 5678")  # typed in a spreadsheet
    set_cell(sample_folder / store.MEMBERS, 1, "contact", "-")
    set_cell(sample_folder / store.MEMBERS, 2, "contact", "@SUM(A1:A2)")

    data = workbook_xlsx(sample_folder)

    spreadsheet = open_xlsx(data)
    titles = [row[2] for row in sheet_rows(spreadsheet["indicators"])]
    assert titles[0] == "title" and FORMULA in titles
    contacts = [row[2] if len(row) > 2 else "" for row in sheet_rows(spreadsheet["members"])][1:4]
    assert contacts == ["+66 81 234 5678", "-", "@SUM(A1:A2)"]
    for sheet in spreadsheet:
        for row in sheet.iter_rows():
            for cell in row:
                assert cell.data_type != "f", (sheet.title, cell.coordinate, cell.value)
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheets_xml = [archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/")]
    assert not any(b"<f>" in xml or b"<f " in xml for xml in sheets_xml)  # no formula anywhere in the file
    formula_cell = next(c for row in spreadsheet["indicators"].iter_rows() for c in row if c.value == FORMULA)
    assert formula_cell.quotePrefix  # stays text when someone edits the cell in Excel


def test_the_header_is_bold_and_frozen_and_columns_fit_their_text(sample_folder):
    spreadsheet = open_xlsx(workbook_xlsx(sample_folder))

    for sheet in spreadsheet:
        assert sheet.freeze_panes == "A2", sheet.title
        assert all(cell.font.bold for cell in sheet[1]), sheet.title
        assert not any(cell.font.bold for row in sheet.iter_rows(min_row=2) for cell in row)
    widths = {c.value: spreadsheet["indicators"].column_dimensions[c.column_letter].width
              for c in spreadsheet["indicators"][1]}
    assert all(6 <= width <= 50 for width in widths.values())
    assert widths["description"] > widths["votes"]  # long sentences get a wider column than counts


def test_a_thai_excel_file_and_lf_line_ends_read_as_the_app_reads_them(sample_folder):
    members = csv_rows(sample_folder / store.MEMBERS)
    (sample_folder / store.MEMBERS).write_bytes(  # "CSV" from Thai Excel: Windows-874, no BOM
        "\r\n".join(",".join(row) for row in members).encode("cp874") + b"\r\n")
    plan = (sample_folder / store.PLAN).read_bytes().replace(b"\r\n", b"\n")
    (sample_folder / store.PLAN).write_bytes(plan[3:])  # LF, no BOM

    spreadsheet = open_xlsx(workbook_xlsx(sample_folder))

    assert sheet_rows(spreadsheet["members"]) == trimmed(members)
    assert sheet_rows(spreadsheet["plan"]) == trimmed(csv_rows(sample_folder / store.PLAN))


def test_line_breaks_in_a_cell_arrive_as_excel_keeps_them_and_control_characters_are_marked(sample_folder):
    set_cell(sample_folder / store.MEMBERS, 0, "contact", "บรรทัดแรก\r\nบรรทัดสอง")
    set_cell(sample_folder / store.MEMBERS, 1, "contact", "กริ่ง\x07")

    spreadsheet = open_xlsx(workbook_xlsx(sample_folder))

    contacts = [row[2] for row in sheet_rows(spreadsheet["members"])[1:3]]
    assert contacts == ["บรรทัดแรก\nบรรทัดสอง", "กริ่ง\ufffd"]


def test_a_workbook_with_problems_still_exports(sample_folder):
    set_cell(sample_folder / store.SCORES, 0, "score", "7")
    workbook, problems = store.check_workbook(sample_folder)
    assert workbook is None and store.errors_only(problems)

    spreadsheet = open_xlsx(workbook_xlsx(sample_folder))

    assert sheet_rows(spreadsheet["scores"]) == trimmed(csv_rows(sample_folder / store.SCORES))
    with zipfile.ZipFile(io.BytesIO(workbook_zip(sample_folder))) as archive:
        assert archive.read(f"{sample_folder.name}/scores.csv") == (sample_folder / store.SCORES).read_bytes()


def test_a_file_that_is_not_csv_any_more_is_named_and_the_zip_still_works(sample_folder):
    broken = (sample_folder / store.PLAN).read_bytes() + b'"P99,G01,"an open quote\r\n'
    (sample_folder / store.PLAN).write_bytes(broken)
    plan_lines = broken.count(b"\r\n")

    with pytest.raises(Refused) as refused:
        workbook_xlsx(sample_folder)

    assert refused.value.key == "export_broken_row"
    assert refused.value.params["file"] == store.PLAN
    assert refused.value.params["row"] == plan_lines
    assert "plan.csv" in refused.value.message("th") and "ZIP" in refused.value.message("en")
    with zipfile.ZipFile(io.BytesIO(workbook_zip(sample_folder))) as archive:
        assert archive.read(f"{sample_folder.name}/plan.csv") == broken


@pytest.mark.parametrize("make", [workbook_zip, workbook_xlsx])
def test_a_folder_that_is_not_a_workbook_is_refused_and_left_alone(make, tmp_path):
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "list.csv").write_text("a,b\r\n1,2\r\n")

    with pytest.raises(Refused) as refused:
        make(folder)

    assert refused.value.key == "export_not_workbook"
    assert str(folder) in refused.value.message("th") and "profile.csv" in refused.value.message("en")
    assert refused.value.message("th") != refused.value.message("en")
    assert sorted(p.name for p in folder.iterdir()) == ["list.csv"]
    with pytest.raises(Refused):
        make(tmp_path / "no such folder")


# --- file names ---------------------------------------------------------------------------


def test_the_file_name_is_the_workbook_name_the_words_and_the_buddhist_era_date(sample_folder):
    name = rows(sample_folder, store.PROFILE)[0]["name"]
    year = TODAY.year + 543

    assert export_file_name(sample_folder, "xlsx", today=TODAY) == (
        f"{name} - {t('export_file_label', 'th')} {year}-{TODAY:%m-%d}.xlsx")
    assert export_file_name(reread(sample_folder), ".zip", today=TODAY) == (
        f"{name} - {t('export_file_label', 'th')} {year}-{TODAY:%m-%d}.zip")
    assert export_file_name(sample_folder, "zip", lang="en", today=TODAY) == (
        f"{name} - {t('export_file_label', 'en')} {TODAY:%Y-%m-%d}.zip")


def test_the_file_name_leaves_out_what_file_systems_refuse(sample_folder):
    def named(title: str) -> str:
        set_cell(sample_folder / store.PROFILE, 0, "name", title)
        return export_file_name(sample_folder, "xlsx", today=date(2026, 1, 2))

    refused = set('<>:"/\\|?*') | {chr(n) for n in range(32)}
    assert not set(named('กลุ่ม<ทอผ้า>: "บ้าน/ดอน\\ใต้"|?*\tหมู่ 3\n')) & refused
    assert named("กลุ่ม<ทอผ้า>").startswith("กลุ่ม ทอผ้า - ")
    assert not named("..กลุ่มซ่อน").startswith(".")
    assert named("///").startswith(t("export_file_fallback", "th") + " - ")


def test_a_long_thai_name_is_cut_well_under_255_bytes_and_never_inside_a_letter(sample_folder):
    long_name = "กลุ่มวิสาหกิจชุมชนทอผ้าย้อมสีธรรมชาติ" * 8  # ends words with vowel and tone marks
    set_cell(sample_folder / store.PROFILE, 0, "name", long_name)

    name = export_file_name(sample_folder, "xlsx", today=TODAY)

    assert len(name.encode("utf-8")) <= 200
    cut, suffix = name.split(" - ", 1)
    assert suffix == f"{t('export_file_label', 'th')} {TODAY.year + 543}-{TODAY:%m-%d}.xlsx"
    assert cut.endswith("…") and long_name.startswith(cut[:-1])
    following = long_name[len(cut) - 1]
    assert following not in "\u0e31\u0e34\u0e35\u0e36\u0e37\u0e38\u0e39\u0e3a\u0e47\u0e48\u0e49\u0e4a\u0e4b\u0e4c\u0e4d"
