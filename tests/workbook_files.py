"""Small helpers for reading back what a test saved."""

from __future__ import annotations

from pathlib import Path

from mchch_widgets import store


def read_csv_text(folder: Path, name: str) -> str:
    return (folder / name).read_bytes().decode("utf-8-sig")


def reread(folder: Path):
    return store.read_workbook(folder)
