"""The whole workbook in one file, to back it up or send it on: a ZIP of its CSVs, or an XLSX.

- The ZIP holds every CSV of the folder byte for byte, inside one folder named after the
  workbook folder; nothing else (no lock file, no temporary file, no spreadsheet's lock).
- The XLSX has a sheet per CSV (named after the file), in the data contract's order,
  every cell the text the app reads from the CSV, always stored as text: never a
  number, a date or a formula. Two things XML cannot carry change: a line break inside
  a cell becomes LF (as Excel's own are), and control characters become U+FFFD.

Both read the files under the folder's lock where the app saves, so a save in the middle
never mixes two versions. A workbook with problems still exports (it is a backup); a folder without
`profile.csv` is refused.
"""

from __future__ import annotations

import io
import re
import unicodedata
import zipfile
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from . import csvfile, store
from .filenames import FILE_NAME_MAX_BYTES, fit_bytes, safe_name
from .model import Refused, Workbook
from .text import t

SHEET_NAME_MAX = 31  # Excel's limit
SHEET_NAME_REFUSED = re.compile(r"[\[\]:*?/\\]")
COLUMN_WIDTH = (6, 50)  # in characters: narrowest and widest column of a sheet
# What XML 1.0 cannot hold (openpyxl refuses them); tab, LF and CR are allowed.
XML_REFUSED = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


@dataclass(frozen=True)
class CsvFile:
    name: str
    data: bytes
    modified: float  # seconds since the epoch, for the ZIP entry's date


def workbook_zip(folder: Path) -> bytes:
    """Every CSV of the workbook at `folder`, byte for byte, in one folder inside a ZIP file."""
    folder = Path(folder)
    inner = folder.resolve().name or "workbook"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for file in workbook_csv_files(folder):
            entry = zipfile.ZipInfo(f"{inner}/{file.name}", _zip_time(file.modified))
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o644 << 16  # an ordinary readable file when unpacked
            archive.writestr(entry, file.data)
    return buffer.getvalue()


def workbook_xlsx(folder: Path) -> bytes:
    """One spreadsheet with a sheet per CSV of the workbook at `folder`, every cell as text."""
    # Imported here: only exports need openpyxl, and it is slow to import.
    from openpyxl import Workbook as Spreadsheet

    spreadsheet = Spreadsheet()
    spreadsheet.remove(spreadsheet.active)
    used: set[str] = set()
    for file in workbook_csv_files(Path(folder)):
        sheet = spreadsheet.create_sheet(_sheet_name(Path(file.name).stem, used))
        _fill_sheet(sheet, _cells(file))
    buffer = io.BytesIO()
    spreadsheet.save(buffer)
    return buffer.getvalue()


def workbook_csv_files(folder: Path) -> list[CsvFile]:
    """The workbook's CSV files in the data contract's order, then any other CSV by name."""
    folder = Path(folder)
    if not (folder / store.PROFILE).is_file():
        raise Refused("export_not_workbook", path=folder)
    with ExitStack() as stack:
        # Only where the app has saved (it leaves the lock file): reading makes no file of its
        # own, so a bundled sample or a read-only folder exports as it is.
        if (folder / store.LOCK_NAME).exists():
            try:
                stack.enter_context(store.locked(folder))
            except OSError:
                pass  # a lock we may not take (read-only) or that stays taken: read as it is
        return [_read(folder / name) for name in _csv_names(folder)]


def _csv_names(folder: Path) -> list[str]:
    # Hidden names are our temporary files and LibreOffice's locks; "~$" starts Excel's.
    names = {p.name for p in folder.iterdir()
             if p.suffix.lower() == ".csv" and not p.name.startswith((".", "~$")) and p.is_file()}
    return [n for n in store.FILES if n in names] + sorted(names - set(store.FILES))


def _read(path: Path) -> CsvFile:
    try:
        return CsvFile(path.name, path.read_bytes(), path.stat().st_mtime)
    except OSError as error:
        raise Refused("export_unreadable", file=path.name, detail=error.strerror or error) from error


def _zip_time(modified: float) -> tuple[int, int, int, int, int, int]:
    moment = datetime.fromtimestamp(modified)
    if moment.year < 1980:  # the earliest a ZIP file can say
        return (1980, 1, 1, 0, 0, 0)
    return moment.timetuple()[:6]


def _cells(file: CsvFile) -> list[list[str]]:
    """The rows as the app reads them: formula guards removed, line ends as Excel keeps them."""
    try:
        rows = csvfile.parse(csvfile.decode(file.data))
    except csvfile.CsvReadError as error:
        if error.row is None:
            raise Refused("export_broken_file", file=file.name, detail=error.detail) from error
        raise Refused("export_broken_row", file=file.name, row=error.row, detail=error.detail) from error
    return [[_xml_text(csvfile.unescape_cell(cell)) for cell in row] for row in rows]


def _xml_text(text: str) -> str:
    return XML_REFUSED.sub("\ufffd", text.replace("\r\n", "\n").replace("\r", "\n"))


def _fill_sheet(sheet, rows: list[list[str]]) -> None:
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    bold = Font(bold=True)
    widths: dict[int, int] = {}
    for row_number, row in enumerate(rows, start=1):
        for column, text in enumerate(row, start=1):
            cell = sheet.cell(row=row_number, column=column, value=text)
            cell.data_type = "s"  # openpyxl makes "=..." a formula; text stays text
            if csvfile.is_formula_like(text):
                cell.quotePrefix = True  # and stays text when someone edits it in Excel
            if row_number == 1:
                cell.font = bold
            widths[column] = max(widths.get(column, 0), display_width(text))
    for column, width in widths.items():
        low, high = COLUMN_WIDTH
        sheet.column_dimensions[get_column_letter(column)].width = min(high, max(low, width + 2))
    sheet.freeze_panes = "A2"


def display_width(text: str) -> int:
    """Columns of the longest line of `text`: Thai vowel and tone marks take none, wide characters two."""
    return max((_line_width(line) for line in text.split("\n")), default=0)


def _line_width(line: str) -> int:
    width = 0
    for char in line:
        if unicodedata.category(char) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1
    return width


def _sheet_name(stem: str, used: set[str]) -> str:
    """`stem` as Excel allows a sheet name: no []:*?/\\, at most 31 characters, unique."""
    base = SHEET_NAME_REFUSED.sub("_", stem).strip("'") or "sheet"
    name, number = base[:SHEET_NAME_MAX], 1
    while name.casefold() in used:  # Excel compares sheet names without case
        number += 1
        suffix = f" ({number})"
        name = base[: SHEET_NAME_MAX - len(suffix)] + suffix
    used.add(name.casefold())
    return name


def export_file_name(
    workbook_or_folder: Workbook | Path, extension: str, *, lang: str = "th", today: date | None = None,
    label_key: str = "export_file_label",
) -> str:
    """'<workbook name> - ข้อมูลสมุดงาน 2569-11-21.xlsx': safe on every file system, under 200 bytes.

    The date is in the Buddhist Era in Thai and Gregorian in English, with Arabic digits
    so that the files sort by date. `label_key` names what the file is (the report, the form).
    """
    day = today or date.today()
    year = day.year + 543 if lang == "th" else day.year
    suffix = f" - {t(label_key, lang)} {year:04d}-{day.month:02d}-{day.day:02d}.{extension.lstrip('.')}"
    name = safe_name(_workbook_name(workbook_or_folder)) or t("export_file_fallback", lang)
    budget = FILE_NAME_MAX_BYTES - len(suffix.encode("utf-8"))
    return fit_bytes(name, budget) + suffix


def _workbook_name(workbook_or_folder: Workbook | Path) -> str:
    if isinstance(workbook_or_folder, Workbook):
        return workbook_or_folder.profile.name
    folder = Path(workbook_or_folder)
    try:  # the raw file, so that a workbook with problems still gets its own name
        header, first, *_ = csvfile.read_rows(folder / store.PROFILE)
        return csvfile.unescape_cell(dict(zip(header, first, strict=False)).get("name", ""))
    except (csvfile.CsvReadError, ValueError):
        return folder.resolve().name
