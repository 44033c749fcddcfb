"""The bundled samples are opened through a writable copy; the originals never change."""

from __future__ import annotations

from pathlib import Path

from mchch_widgets import samples, store
from mchch_widgets.model import TARGET_TYPES
from mchch_widgets.settings import AppSettings


def test_at_least_three_samples_covering_three_target_types():
    types = {store.read_workbook(samples.sample_path(n)).profile.target_type for n in samples.sample_names()}
    assert len(samples.sample_names()) >= 3
    assert len(types) >= 3 and types <= set(TARGET_TYPES)


def test_the_main_sample_is_a_full_workshop():
    workbook = store.read_workbook(samples.sample_path())
    assert workbook.profile.target_type == "group"
    assert len(workbook.selected_indicators()) >= 8
    assert {"proposed", "dropped"} <= {i.status for i in workbook.indicators}
    assert [r.assessor for r in workbook.rounds_in_order()].count("self") >= 4
    assert any(r.assessor == "external" for r in workbook.rounds)
    assert workbook.plan and workbook.members


def test_writable_copy_is_made_once_and_reused(tmp_path: Path, monkeypatch):
    monkeypatch.setenv(samples.ENV_DATA_DIR, str(tmp_path))
    bundled = {p.name: p.read_bytes() for p in samples.sample_path().glob("*.csv")}

    copy = samples.writable_sample_copy()
    (copy / "profile.csv").write_bytes((copy / "profile.csv").read_bytes().replace("คีรีวง".encode(), "ทดสอบ".encode()))
    again = samples.writable_sample_copy()

    assert copy == again and copy.is_relative_to(tmp_path)
    assert "ทดสอบ".encode() in (again / "profile.csv").read_bytes()  # the user's change is kept
    assert {p.name: p.read_bytes() for p in samples.sample_path().glob("*.csv")} == bundled


def test_settings_without_a_workbook_open_the_writable_copy(tmp_path: Path, monkeypatch):
    monkeypatch.setenv(samples.ENV_DATA_DIR, str(tmp_path))
    assert AppSettings().workbook_folder() == samples.writable_sample_copy()


def test_settings_come_from_the_environment():
    settings = AppSettings.from_environment({"MCHCH_WORKBOOK": "/x", "MCHCH_LANGUAGE": "en", "MCHCH_THAI_DIGITS": "1"})
    assert (settings.workbook, settings.language, settings.thai_digits) == ("/x", "en", True)
    assert AppSettings.from_environment({"MCHCH_LANGUAGE": "fr"}).language == "th"


def test_drawing_ahead_is_on_unless_the_environment_turns_it_off():
    assert AppSettings.from_environment({}).draw_ahead
    assert not AppSettings.from_environment({"MCHCH_DRAW_AHEAD": "0"}).draw_ahead
    settings = AppSettings(draw_ahead=False)
    assert not AppSettings.from_environment(settings.to_environment()).draw_ahead
