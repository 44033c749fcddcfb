"""Fixtures shared by the test scenarios: copies of the samples, never the samples themselves."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from browser_pages import browser, page, served  # noqa: F401  (fixtures for the browser tests)

from mchch_widgets.assessment import add_round, next_round_label
from mchch_widgets.samples import MAIN_SAMPLE, sample_path
from mchch_widgets.session import Session
from mchch_widgets.store import ROUNDS
from mchch_widgets.widgets.widget_save_status import SaveStatus


@pytest.fixture
def sample_folder(tmp_path: Path) -> Path:
    """A writable copy of the main sample workbook."""
    return Path(shutil.copytree(sample_path(MAIN_SAMPLE), tmp_path / MAIN_SAMPLE))


@pytest.fixture
def session(sample_folder: Path) -> Session:
    return Session(sample_folder)


@pytest.fixture
def status() -> SaveStatus:
    return SaveStatus()


TODAY = date(2026, 11, 21)  # the day the samples were written for (the machine's clock may differ)


@pytest.fixture
def open_round(session: Session) -> str:
    """A new, open self-assessment round ("รอบที่ ๕", today) in the sample; its round_id."""
    new = session.change(lambda wb: add_round(wb, next_round_label(wb, "self"), TODAY, "self", TODAY), ROUNDS)
    return new.round_id
