"""CSV files as people and spreadsheets make them, read and written safely.

- Reading accepts UTF-8 with or without BOM, LF or CRLF, and Windows-874 (what Thai
  Excel writes when a user picks "CSV").
- Writing is UTF-8 with a BOM (so Excel shows Thai), CRLF line ends, and atomic: a temporary file in the
  same folder, flushed and fsynced, then renamed over the old one. A reader sees the old
  file or the new one, never half of one, even if the process is killed mid-save.
- Text that a spreadsheet would run as a formula (starting `=`, `+`, `-`, `@`, tab or CR)
  is written with a leading apostrophe, and the apostrophe is removed on reading, so
  what the user typed round-trips exactly and never runs in Excel or LibreOffice.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from pathlib import Path

BOM = "\ufeff"
FORMULA_TRIGGERS = "=+-@\t\r"
_QUOTE = "'"


class CsvReadError(Exception):
    """A file that cannot be decoded or parsed as CSV; `key` names the message in `text`."""

    def __init__(self, key: str, detail: str = "", row: int | None = None) -> None:
        super().__init__(detail or key)
        self.key = key
        self.detail = detail
        self.row = row  # the spreadsheet row where parsing failed, when known


def decode(data: bytes) -> str:
    """The text of a CSV file: UTF-8 (BOM or not), else Windows-874 (Thai Excel)."""
    if data.startswith(BOM.encode("utf-8")):
        try:
            return data[3:].decode("utf-8")
        except UnicodeDecodeError as error:
            raise CsvReadError("err_encoding", str(error)) from error
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp874")
    except UnicodeDecodeError as error:
        raise CsvReadError("err_encoding", str(error)) from error


def parse(text: str) -> list[list[str]]:
    """Rows of raw cells; quoted cells may hold commas, quotes and newlines."""
    rows: list[list[str]] = []
    try:
        rows.extend(csv.reader(io.StringIO(text, newline=""), strict=True))  # keeps rows read before an error
    except csv.Error as error:
        raise CsvReadError("err_csv", str(error), row=len(rows) + 1) from error
    return rows


def read_rows(path: Path) -> list[list[str]]:
    """Raw rows of the file at `path` (cells still formula-escaped), header first."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise CsvReadError("err_unreadable", error.strerror or str(error)) from error
    return parse(decode(data))


def is_formula_like(text: str) -> bool:
    return text[:1] in FORMULA_TRIGGERS and text != ""


def escape_cell(text: str) -> str:
    """Make `text` safe to open in a spreadsheet; `unescape_cell` gives it back exactly."""
    starts_quoted = text[:1] == _QUOTE and text[1:2] != "" and text[1:2] in FORMULA_TRIGGERS + _QUOTE
    return _QUOTE + text if is_formula_like(text) or starts_quoted else text


def unescape_cell(cell: str) -> str:
    if cell[:1] == _QUOTE and cell[1:2] != "" and cell[1:2] in FORMULA_TRIGGERS + _QUOTE:
        return cell[1:]
    return cell


def render(header: list[str], rows: list[list[str]]) -> bytes:
    """The bytes of a CSV file: BOM, header, escaped cells, CRLF line ends.

    CRLF (the CSV standard, and Excel's) also makes the writer quote a cell holding a
    lone CR, which with LF line ends would split the row.
    """
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([escape_cell(cell) for cell in row] for row in rows)
    return (BOM + buffer.getvalue()).encode("utf-8")


def atomic_write(path: Path, data: bytes) -> None:
    """Replace `path` with `data` so that readers see the old or the new file, never a mix."""
    atomic_write_all({path: data})


def atomic_write_all(contents: dict[Path, bytes]) -> None:
    """Replace several files in one folder: every new file is complete on disk before any is renamed.

    A failure while writing (a full disk, say) leaves every old file as it was; only the
    renames, which do not fail for want of space, come after.
    """
    written: dict[Path, Path] = {}
    try:
        for path, data in contents.items():
            written[path] = _write_temporary(path, data)
        for path, temporary in written.items():
            os.replace(temporary, path)
    except BaseException:
        for temporary in written.values():
            temporary.unlink(missing_ok=True)
        raise
    for folder in {path.parent for path in contents}:
        _fsync_folder(folder)


def _write_temporary(path: Path, data: bytes) -> Path:
    mode = path.stat().st_mode & 0o777 if path.exists() else _default_mode()
    with tempfile.NamedTemporaryFile(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp", delete=False) as handle:
        temporary = Path(handle.name)
    try:
        os.chmod(temporary, mode)  # keep the old file's permissions: a temporary file is private
        with open(temporary, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return temporary


def _default_mode() -> int:
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _fsync_folder(folder: Path) -> None:
    # The rename itself must reach the disk too; folders cannot be opened on Windows.
    if os.name != "posix":
        return
    descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
