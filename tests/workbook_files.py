"""Small helpers for tests: read back what was saved, wait for what happens elsewhere."""

from __future__ import annotations

import csv
import io
import time
from pathlib import Path

from mchch_widgets import store


def read_csv_text(folder: Path, name: str) -> str:
    return (folder / name).read_bytes().decode("utf-8-sig")


def rows(folder: Path, name: str) -> list[dict[str, str]]:
    """The rows of a CSV file on disk, as a spreadsheet would show them."""
    return list(csv.DictReader(io.StringIO(read_csv_text(folder, name))))


def reread(folder: Path):
    return store.read_workbook(folder)


def wait_until(condition, timeout: float = 15) -> bool:
    """Poll `condition` until it holds or `timeout` seconds pass; its last answer."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.2)
    return condition()
