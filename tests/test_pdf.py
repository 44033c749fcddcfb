"""Printing the district report and the application form to PDF with the system Chromium.

Without Chromium these tests skip, except in CI (CI=true), where that is a failure.
Thai read back from the PDF: pypdf gives sara am as nikhahit + aa (ํา) and loses a mark
stacked on another (ที่ → ที + \\x00, น้ำ → นํ + \\x00 + า), so names are compared on their
letters: sara am split (NFKD), marks, \\x00 and spaces left out on both sides.
"""

from __future__ import annotations

import io
import os
import stat
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader

from conftest import TODAY
from mchch_widgets import pdf, samples, store
from mchch_widgets.report import ReportOptions, application_form_html, district_report_html
from mchch_widgets.text import t

A4_POINTS = (595.3, 841.9)


@pytest.fixture(scope="module")
def chromium() -> str:
    found = pdf.find_chromium()
    if found is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is needed to print the report to PDF (apt-get install chromium)")
        pytest.skip("no Chromium here")
    return found


def letters(text: str) -> str:
    """Thai text without what PDF text extraction may lose: marks above and below, NULs and spaces."""
    text = unicodedata.normalize("NFKD", text)  # ำ becomes nikhahit + aa, like the PDF's
    return "".join(c for c in text if unicodedata.category(c) != "Mn" and c != "\x00" and not c.isspace())


def read(data: bytes) -> PdfReader:
    assert data.startswith(b"%PDF-")
    return PdfReader(io.BytesIO(data))


def embedded_fonts(reader: PdfReader) -> set[str]:
    names = set()
    for page in reader.pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for font in fonts.values():
            font = font.get_object()
            for descendant in font.get("/DescendantFonts", [font]):
                descriptor = descendant.get_object().get("/FontDescriptor")
                if descriptor and any(k in descriptor.get_object() for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    names.add(str(descendant.get_object()["/BaseFont"]))
    return names


_printed: dict[str, bytes] = {}


def report_pdf(name: str) -> bytes:
    if name not in _printed:
        workbook = store.read_workbook(samples.sample_path(name))
        _printed[name] = pdf.html_to_pdf(district_report_html(workbook, ReportOptions(today=TODAY)))
    return _printed[name]


@pytest.mark.parametrize("name", samples.sample_names())
def test_the_report_prints_to_a4_with_the_thai_name_and_font(chromium, name):
    workbook = store.read_workbook(samples.sample_path(name))
    reader = read(report_pdf(name))

    assert len(reader.pages) >= 8  # the cover and seven sections, each on a new page
    for page in reader.pages:
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width, 1), round(height, 1)) == pytest.approx(A4_POINTS, abs=1)
    first = reader.pages[0].extract_text()
    assert letters(workbook.profile.name) in letters(first)
    assert any("NotoSansThai" in font for font in embedded_fonts(reader))
    last = reader.pages[-1].extract_text()
    assert letters(f"{len(reader.pages)} / {len(reader.pages)}") in letters(last)  # numbered pages


def test_every_indicator_of_the_main_sample_is_in_the_pdf(chromium):
    workbook = store.read_workbook(samples.sample_path())
    text = letters("".join(page.extract_text() for page in read(report_pdf(samples.MAIN_SAMPLE)).pages))

    for indicator in workbook.selected_indicators():
        assert letters(indicator.title) in text


@pytest.mark.parametrize("name", samples.sample_names())
def test_the_application_form_prints_on_one_or_two_pages(chromium, name):
    workbook = store.read_workbook(samples.sample_path(name))
    reader = read(pdf.html_to_pdf(application_form_html(workbook, ReportOptions(today=TODAY))))

    assert 1 <= len(reader.pages) <= 2
    text = letters("".join(page.extract_text() for page in reader.pages))
    assert letters(t("form_title")) in text and letters(workbook.profile.name) in text
    for member in workbook.members:
        assert letters(member.name) in text


@pytest.mark.parametrize("paper", ["report", "form"])
def test_nothing_is_wider_than_the_paper(browser, paper):
    """Wider content would make Chromium shrink every page to fit it: small print for the committee.

    `browser`: the browser tests' shared Chromium (one Playwright per test session).
    """
    workbook = store.read_workbook(samples.sample_path())
    html = (district_report_html if paper == "report" else application_form_html)(workbook, ReportOptions(today=TODAY))
    page = browser.new_page(viewport={"width": 650, "height": 900})  # A4 less its margins, at 96 dpi
    try:
        page.emulate_media(media="print")
        page.set_content(html)
        widths = page.evaluate("[document.documentElement.clientWidth, document.documentElement.scrollWidth]")
    finally:
        page.close()
    assert widths[1] <= widths[0]


def test_without_chromium_the_message_says_to_print_the_html(monkeypatch):
    monkeypatch.setenv("MCHCH_CHROMIUM", "no-such-browser-anywhere")

    assert not pdf.pdf_available()
    with pytest.raises(pdf.PdfUnavailable) as refused:
        pdf.html_to_pdf("<p>ก</p>")
    assert "Chromium" in refused.value.message("th") and "HTML" in refused.value.message("th")
    assert "Ctrl+P" in refused.value.message("en")


def use_fake_browser(monkeypatch, tmp_path: Path, script: str) -> None:
    """A shell script in place of Chromium, as MCHCH_CHROMIUM."""
    fake = tmp_path / "chromium"
    fake.write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setenv("MCHCH_CHROMIUM", str(fake))


def test_a_browser_that_hangs_is_stopped(monkeypatch, tmp_path: Path):
    use_fake_browser(monkeypatch, tmp_path, "sleep 30")

    with pytest.raises(pdf.PdfFailed) as failed:
        pdf.html_to_pdf("<p>ก</p>", timeout=1)
    assert "timeout" in failed.value.message("en")


def test_a_browser_that_fails_says_why(monkeypatch, tmp_path: Path):
    use_fake_browser(monkeypatch, tmp_path, "echo 'cannot open display' >&2\nexit 1")

    with pytest.raises(pdf.PdfFailed) as failed:
        pdf.html_to_pdf("<p>ก</p>")
    assert "cannot open display" in failed.value.message("th")
