"""The download button inside Voilà, in the system Chromium: the facilitator presses it and the
browser saves the workbook as an Excel file; a slow file shows that it is being made and
arrives once however often the button is pressed; a kernel that does not answer in time
gives the button back.

A throwaway notebook (written to tmp_path) with three buttons, served as `mchch serve` serves.
"""

from __future__ import annotations

import io
import shutil
import time
from pathlib import Path

import nbformat
import openpyxl
import pytest
from browser_pages import non_local, shoot
from workbook_files import rows

from mchch_widgets import serve, store
from mchch_widgets.samples import MAIN_SAMPLE, sample_path
from mchch_widgets.settings import AppSettings
from mchch_widgets.text import t

pytestmark = pytest.mark.browser

SLOW_SECONDS = 3
HANG_SECONDS = 6
NOTEBOOK = """
import time
from pathlib import Path

import ipywidgets as widgets

from mchch_widgets.widgets.style import style_widget
from mchch_widgets.widgets.widget_download import DownloadButton, workbook_export_button


def slow_file():
    time.sleep({slow})
    return "ช้า.txt", "ไฟล์ที่ทำช้า".encode(), "text/plain"


def hanging_file():
    time.sleep({hang})
    return "ค้าง.txt", b"late", "text/plain"


app = widgets.VBox([
    style_widget(),
    workbook_export_button(Path({folder!r}), "xlsx"),
    DownloadButton(slow_file, label="ไฟล์ที่ทำช้า"),
    DownloadButton(hanging_file, label="ไฟล์ที่ค้าง", timeout=1.5),
])
app.add_class("mchch")
app
"""


@pytest.fixture
def served_buttons(tmp_path: Path):
    folder = Path(shutil.copytree(sample_path(MAIN_SAMPLE), tmp_path / "workbook"))
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(NOTEBOOK.format(folder=str(folder), slow=SLOW_SECONDS,
                                                                 hang=HANG_SECONDS))]
    path = tmp_path / "buttons.ipynb"
    nbformat.write(notebook, path)
    port = serve.free_port()
    process = serve.start(AppSettings(workbook=str(folder)), port, notebook=path)
    url = serve.url_for(port)
    try:
        assert serve.wait_until_ready(url, process), "Voila did not start"
        yield url, folder
    finally:
        serve.stop(process)


def open_buttons(page, url: str) -> None:
    page.goto(url)
    page.locator(".mchch-download[data-ready='1']").nth(2).wait_for(timeout=90_000)


def button_box(page, label: str):
    """The button's widget, found by its label, and still found while its words change."""
    boxes = page.locator(".mchch-download:has(button.mchch-download-button)")
    texts = [text.strip() for text in boxes.locator("button").all_inner_texts()]
    return boxes.nth(texts.index(label))


def test_the_workbook_downloads_as_an_excel_file_that_opens(page, served_buttons, tmp_path):
    url, folder = served_buttons
    open_buttons(page, url)
    shoot(page, "download_idle")
    name = rows(folder, store.PROFILE)[0]["name"]

    with page.expect_download(timeout=60_000) as download_info:
        page.get_by_role("button", name=t("export_xlsx_button", "th")).click()
    download = download_info.value

    assert download.suggested_filename.startswith(f"{name} - ข้อมูลสมุดงาน ")
    assert download.suggested_filename.endswith(".xlsx")
    saved = tmp_path / "saved.xlsx"
    download.save_as(saved)
    spreadsheet = openpyxl.load_workbook(io.BytesIO(saved.read_bytes()))
    assert spreadsheet["profile"]["C2"].value == name
    assert spreadsheet["scores"].max_row == len(rows(folder, store.SCORES)) + 1
    page.get_by_text(t("download_saved", "th", name=download.suggested_filename)).wait_for()
    assert non_local(page.requested) == []


def test_a_slow_file_shows_progress_and_arrives_once_however_often_pressed(page, served_buttons, tmp_path):
    url, _folder = served_buttons
    open_buttons(page, url)
    downloads = []
    page.on("download", lambda download: downloads.append(download))
    box = button_box(page, "ไฟล์ที่ทำช้า")
    button = box.get_by_role("button")

    button.click()

    busy = box.get_by_role("button", name=t("download_busy", "th"))
    busy.wait_for(timeout=5_000)
    assert busy.is_disabled()
    assert box.locator(".mchch-download-progress").is_visible()
    height = busy.bounding_box()["height"]
    assert height >= 44
    shoot(page, "download_busy")
    busy.click(force=True, timeout=2_000, no_wait_after=True)  # pressed again while waiting: nothing more
    page.evaluate("b => b.click()", busy.element_handle())

    box.get_by_role("button", name="ไฟล์ที่ทำช้า").wait_for(timeout=SLOW_SECONDS * 1000 + 30_000)
    page.wait_for_timeout(1_500)  # room for a second file, were one on its way

    assert len(downloads) == 1
    assert downloads[0].suggested_filename == "ช้า.txt"
    saved = tmp_path / "slow.txt"
    downloads[0].save_as(saved)
    assert saved.read_text(encoding="utf-8") == "ไฟล์ที่ทำช้า"
    assert not box.locator(".mchch-download-progress").is_visible()
    box.get_by_text(t("download_saved", "th", name="ช้า.txt")).wait_for()


def test_a_kernel_that_does_not_answer_in_time_gives_the_button_back(page, served_buttons):
    url, _folder = served_buttons
    open_buttons(page, url)
    downloads = []
    page.on("download", lambda download: downloads.append(download))
    box = button_box(page, "ไฟล์ที่ค้าง")
    pressed = time.monotonic()

    box.get_by_role("button").click()
    box.get_by_role("button", name=t("download_busy", "th")).wait_for(timeout=5_000)

    box.get_by_text(t("download_timeout", "th"), exact=False).wait_for(timeout=HANG_SECONDS * 1000)
    assert box.get_by_role("button", name="ไฟล์ที่ค้าง").is_enabled()
    assert time.monotonic() - pressed < HANG_SECONDS  # back before the file was made
    shoot(page, "download_timeout")
    # The file made at last is still saved.
    deadline = time.monotonic() + HANG_SECONDS + 30
    while not downloads and time.monotonic() < deadline:
        page.wait_for_timeout(250)
    assert [d.suggested_filename for d in downloads] == ["ค้าง.txt"]
