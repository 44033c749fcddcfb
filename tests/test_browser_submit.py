"""Step 7 in the browser: the facilitator downloads the district report as PDF, the application
form as a web page, and the whole workbook as Excel, from inside Voilà.

`mchch serve` on a copy of the main sample, the system Chromium at projector size.
"""

from __future__ import annotations

import io
import unicodedata

import openpyxl
import pytest
from browser_pages import non_local, open_app, shoot
from pypdf import PdfReader
from workbook_files import reread

pytestmark = pytest.mark.browser


def squeezed(text: str) -> str:
    """Thai text as a PDF gives it back: compared without spaces, in one normal form."""
    return "".join(unicodedata.normalize("NFC", text).split())


def download(page, button_name: str, tmp_path, file_name: str) -> tuple[str, bytes]:
    with page.expect_download(timeout=180_000) as info:
        page.get_by_role("button", name=button_name).first.click()
    path = tmp_path / file_name
    info.value.save_as(path)
    return info.value.suggested_filename, path.read_bytes()


def test_the_papers_for_the_district_download_from_step_7(page, served, tmp_path):
    url, folder = served
    workbook = reread(folder)
    open_app(page, url, workbook.profile.name)

    page.get_by_text("๗ ส่งอำเภอ", exact=True).click()
    page.get_by_text("ก่อนส่ง ตรวจว่าครบหรือยัง").wait_for()
    shoot(page, "submit")

    name, report_pdf = download(page, "ดาวน์โหลด PDF", tmp_path, "report.pdf")
    assert name.startswith(workbook.profile.name) and " - รายงานสรุปผล มชช. " in name and name.endswith(".pdf")
    reader = PdfReader(io.BytesIO(report_pdf))
    assert len(reader.pages) >= 4
    printed = squeezed(" ".join(page_.extract_text() for page_ in reader.pages))
    assert squeezed(workbook.profile.name) in printed

    form_cards = page.locator(".mchch-step7-card").nth(1)
    with page.expect_download(timeout=180_000) as info:
        form_cards.get_by_role("button", name="ดาวน์โหลดหน้าเว็บ (HTML)").click()
    form = (tmp_path / "form.html")
    info.value.save_as(form)
    html = form.read_text(encoding="utf-8")
    assert all(member.name in html for member in workbook.members if member.role == "lead")

    _, xlsx = download(page, "ดาวน์โหลดข้อมูลทั้งหมด (Excel)", tmp_path, "workbook.xlsx")
    sheet = openpyxl.load_workbook(io.BytesIO(xlsx))["profile"]
    assert sheet.cell(2, [c.value for c in sheet[1]].index("name") + 1).value == workbook.profile.name
    assert non_local(page.requested) == []
