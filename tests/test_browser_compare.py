"""The group compares rounds on the projector: the chart follows the chosen rounds, and the
facilitator downloads it as PNG and SVG from inside Voilà.

`mchch serve` on a copy of the main sample, the system Chromium at projector size.
"""

from __future__ import annotations

import io
from xml.etree import ElementTree

import pytest
from browser_pages import non_local, open_app, shoot
from PIL import Image
from workbook_files import reread

pytestmark = pytest.mark.browser

# The chart on screen as the page has it: the inline SVG's markup, hashed.
SHOWN_DIGEST = """async () => {
    const svg = document.querySelector('.mchch-chart-view svg.mchch-chart');
    if (!svg) return null;
    const data = new TextEncoder().encode(svg.outerHTML);
    const digest = await crypto.subtle.digest('SHA-256', data);
    return Array.from(new Uint8Array(digest)).map(b => b.toString(16).padStart(2, '0')).join('');
}"""

# The chart's words as the browser set them: text, in the page's Noto Sans Thai, inside the chart.
SHOWN_TEXT = """() => {
    const svg = document.querySelector('.mchch-chart-view svg.mchch-chart');
    const box = svg.getBoundingClientRect();
    const texts = [...svg.querySelectorAll('text')];
    const outside = texts.filter(t => { const r = t.getBoundingClientRect();
        return r.width > 0 && (r.left < box.left - 1 || r.right > box.right + 1); }).map(t => t.textContent);
    return { words: texts.map(t => t.textContent).join(' '), outside,
             font: getComputedStyle(texts[0]).fontFamily, loaded: document.fonts.check('16px "Noto Sans Thai"', 'ก'),
             width: box.width };
}"""


def shown_serial(page) -> str | None:
    return page.locator(".mchch-chart-view").get_attribute("data-shown")


def wait_for_new_chart(page, serial: str | None) -> str:
    page.wait_for_function(
        "old => { const v = document.querySelector('.mchch-chart-view'); "
        "return v && v.dataset.shown && v.dataset.shown !== old; }", arg=serial, timeout=30_000)
    return shown_serial(page)


def test_choosing_rounds_changes_the_chart_and_both_downloads_are_valid(page, served, tmp_path):
    url, folder = served
    open_app(page, url, reread(folder).profile.name)

    page.get_by_text("เปรียบเทียบรอบ", exact=True).click()
    serial = wait_for_new_chart(page, None)
    page.get_by_text("จาก รอบที่ ๑ ถึง รอบที่ ๔ (ฉันทามติ)").wait_for()
    first = page.evaluate(SHOWN_DIGEST)
    assert first
    shown = page.evaluate(SHOWN_TEXT)
    indicators = [i for i in reread(folder).selected_indicators()]
    assert "ภาพรวม" in shown["words"] and indicators[0].title[:8] in shown["words"]
    assert "Noto Sans Thai" in shown["font"] and shown["loaded"]
    assert shown["outside"] == [] and shown["width"] > 700  # fills its column, no word past its edge
    shoot(page, "compare_radar")

    page.get_by_role("button", name="รอบที่ ๒", exact=False).click()  # add round 2 to the overview
    serial = wait_for_new_chart(page, serial)
    assert page.evaluate(SHOWN_DIGEST) != first

    page.get_by_role("button", name="ครั้งก่อนกับครั้งนี้").click()
    serial = wait_for_new_chart(page, serial)
    page.get_by_text("จาก รอบที่ ๓ ถึง รอบที่ ๔ (ฉันทามติ)").wait_for()

    page.get_by_role("button", name="ความก้าวหน้า").click()
    serial = wait_for_new_chart(page, serial)
    shoot(page, "compare_progress")

    with page.expect_download() as download_info:
        page.get_by_role("button", name="ดาวน์โหลดรูป PNG").click()
    download = download_info.value
    assert download.suggested_filename.endswith(" - ความก้าวหน้า - รอบที่ ๓, รอบที่ ๔.png")
    png = (tmp_path / "chart.png")
    download.save_as(png)
    data = png.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    with Image.open(io.BytesIO(data)) as image:
        image.verify()
    with Image.open(io.BytesIO(data)) as image:
        assert image.size == (1920, 1080)

    with page.expect_download() as download_info:
        page.get_by_role("button", name="ดาวน์โหลด SVG").click()
    svg = tmp_path / "chart.svg"
    download_info.value.save_as(svg)
    root = ElementTree.parse(svg).getroot()  # a whole, well-formed file
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("width") == "921.6pt"  # 12.8 inches: the projector chart
    assert len(root.findall(".//{http://www.w3.org/2000/svg}path")) > 50  # letters drawn as outlines

    page.get_by_role("button", name="ตารางระดับ").click()
    wait_for_new_chart(page, serial)
    shoot(page, "compare_heatmap")
    assert non_local(page.requested) == []
