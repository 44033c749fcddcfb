"""Step 7, driven as a facilitator would: read the checklist, press each download, get the papers."""

from __future__ import annotations

import io
import zipfile
from html.parser import HTMLParser

import openpyxl
import pytest
from workbook_files import reread

from conftest import TODAY
from mchch_widgets import pdf, report
from mchch_widgets.model import new_workbook
from mchch_widgets.session import Session
from mchch_widgets.store import create_workbook
from mchch_widgets.text import t
from mchch_widgets.widgets.widget_save_status import SaveStatus
from mchch_widgets.widgets.widget_submit import SubmitStep


@pytest.fixture
def step(session, status) -> SubmitStep:
    return SubmitStep(session, status, "th", today=TODAY)


def fetch(button, monkeypatch) -> tuple[dict, bytes]:
    """Press a download button as the page does; what the kernel sends back."""
    sent: list[tuple[dict, list[bytes]]] = []
    monkeypatch.setattr(button, "send", lambda content, buffers=None: sent.append((content, buffers)))
    button._handle_custom_msg({"download": 1}, [])
    button.wait(timeout=180)
    assert len(sent) == 1
    content, buffers = sent[0]
    return content, (buffers[0] if buffers else b"")


class Collect(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def text_of(html: bytes) -> str:
    parser = Collect()
    parser.feed(html.decode("utf-8"))
    return " ".join(parser.text)


def test_the_checklist_says_the_sample_is_ready(step):
    shown = step.checks.value
    assert shown.count(t("step7_ready", "th")) == len(shown.split("<li")) - 1
    assert t("step7_missing", "th") not in shown
    assert "ตัวชี้วัดที่เลือก 10 ข้อ (ขั้นที่ ๒)" in shown


def test_an_open_round_appears_on_the_checklist_when_the_step_is_shown_again(step, open_round, session):
    step.refresh()
    round_label = next(r.label for r in session.workbook.rounds if r.round_id == open_round)
    assert t("step7_missing", "th") in step.checks.value
    assert f"ยังเปิดอยู่: {round_label}" in step.checks.value


def test_the_report_downloads_as_a_web_page_with_every_indicator(step, monkeypatch, sample_folder):
    content, data = fetch(step.buttons["report_html"], monkeypatch)

    workbook = reread(sample_folder)
    assert content["file"] == "ok" and content["mime"] == "text/html"
    assert content["name"] == f"{workbook.profile.name} - รายงานสรุปผล มชช. 2569-11-21.html"
    assert data.decode("utf-8") == report.district_report_html(workbook, report.ReportOptions(today=TODAY))
    words = text_of(data)
    assert all(indicator.title in words for indicator in workbook.selected_indicators())


def test_the_application_form_downloads_with_the_lead_team(step, monkeypatch, sample_folder):
    content, data = fetch(step.buttons["form_html"], monkeypatch)

    workbook = reread(sample_folder)
    assert content["name"].endswith("แบบสมัคร มชช. 2569-11-21.html")
    words = text_of(data)
    assert all(member.name in words for member in workbook.members)


@pytest.mark.skipif(not pdf.pdf_available(), reason="needs Chromium to print a PDF")
def test_the_report_downloads_as_a_pdf(step, monkeypatch):
    content, data = fetch(step.buttons["report_pdf"], monkeypatch)
    assert content["file"] == "ok" and content["mime"] == "application/pdf"
    assert content["name"].endswith(".pdf") and data.startswith(b"%PDF-")


def test_without_chromium_the_pdf_buttons_say_why_and_cannot_be_pressed(session, status, monkeypatch):
    monkeypatch.setattr(pdf, "find_chromium", lambda: None)
    step = SubmitStep(session, status, "th", today=TODAY)
    for paper in ("report", "form"):
        assert step.buttons[f"{paper}_pdf"].disabled
        assert step.buttons[f"{paper}_pdf"].note == t("step7_no_pdf", "th")
        assert not step.buttons[f"{paper}_html"].disabled


def test_the_whole_workbook_downloads_as_excel_and_zip(step, monkeypatch, sample_folder):
    _, xlsx = fetch(step.buttons["xlsx"], monkeypatch)
    sheets = openpyxl.load_workbook(io.BytesIO(xlsx)).sheetnames
    assert {"profile", "indicators", "rounds", "scores", "plan"} <= set(sheets)

    _, packed = fetch(step.buttons["zip"], monkeypatch)
    names = zipfile.ZipFile(io.BytesIO(packed)).namelist()
    assert sorted(name.split("/")[-1] for name in names) == sorted(p.name for p in sample_folder.glob("*.csv"))


def test_an_empty_workbook_still_gives_every_paper(tmp_path, monkeypatch):
    folder = tmp_path / "new"
    create_workbook(folder, new_workbook("กลุ่ม <script>alert(1)</script>", "group"))
    step = SubmitStep(Session(folder), SaveStatus(), "th", today=TODAY)

    assert t("step7_ready", "th") not in step.checks.value
    assert "<script>alert" not in step.checks.value
    for key in ("report_html", "form_html"):
        content, data = fetch(step.buttons[key], monkeypatch)
        assert content["file"] == "ok" and "<script>alert" not in data.decode("utf-8")


def test_english(session, status):
    step = SubmitStep(session, status, "en", today=TODAY)
    assert step.children[0].value == t("step7_heading", "en")
    assert step.buttons["report_html"].label == t("step7_html", "en")
    assert "Selected indicators: 10 (step 2)" in step.checks.value
