"""The chart arrives as SVG and goes into the page itself: only drawing may come with it.

Titles are typed by people; matplotlib escapes them, and the chart view strips anything
that could run from whatever SVG it is given (a second guard). Both checked in Chromium.
"""

from __future__ import annotations

import re

import pytest
from browser_pages import open_app
from workbook_files import reread

from mchch_widgets.widgets.widget_chart_view import _ESM

pytestmark = pytest.mark.browser

HOSTILE_SVG = """<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"
     viewBox="0 0 100 50" onload="window.ran = 'onload'">
  <defs><path id="m0" d="M0 0 L5 5"/></defs>
  <script>window.ran = 'script'</script>
  <foreignObject width="50" height="20"><div xmlns="http://www.w3.org/1999/xhtml">html</div></foreignObject>
  <text x="1" y="20" onclick="window.ran='click'">ระดับ</text>
  <a xlink:href="javascript:window.ran='link'"><text x="1" y="40">link</text></a>
  <use xlink:href="#m0" x="10" y="10"/>
  <image href="http://example.com/x.png" width="5" height="5"/>
  <style>* { display: none }</style>
  <a><set attributeName="href" to="javascript:window.ran='set'"/><animate attributeName="x" to="9"/></a>
  <rect width="5" height="5" style="fill: url(http://example.com/f.svg#p)"/>
  <rect width="5" height="5" clip-path="url(#c1)"/>
</svg>"""


def chart_only_source() -> str:
    """The view's own sanitiser, taken from its module's JavaScript."""
    match = re.search(r"const DRAWING = .*?function chartOnly\(svg\) \{.*?\n\}\n", _ESM, re.DOTALL)
    assert match, "chartOnly not found in the chart view's JavaScript"
    return match.group(0)


def test_only_drawing_survives_from_a_hostile_svg(page):
    page.set_content("<html><body><div id='frame'></div></body></html>")
    result = page.evaluate("""([source, text]) => {
        const chartOnly = new Function(source + '; return chartOnly;')();
        const svg = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
        chartOnly(svg);
        document.getElementById('frame').replaceChildren(document.importNode(svg, true));
        const shown = document.querySelector('#frame svg');
        shown.querySelector('text').dispatchEvent(new MouseEvent('click', { bubbles: true }));
        const attributes = [...shown.querySelectorAll('*'), shown].flatMap(n => [...n.attributes].map(a => a.name + '=' + a.value));
        return { ran: window.ran || null, attributes,
                 tags: [...shown.querySelectorAll('*')].map(n => n.localName),
                 text: shown.textContent.trim() };
    }""", [chart_only_source(), HOSTILE_SVG])

    assert result["ran"] is None
    assert set(result["tags"]) <= {"defs", "path", "text", "use", "rect"}  # no script, style, set, animate, image…
    assert not [a for a in result["attributes"] if a.startswith("on") or "javascript" in a or "example.com" in a]
    assert "xlink:href=#m0" in result["attributes"]  # a marker's reference to its own shape stays
    assert "clip-path=url(#c1)" in result["attributes"]  # and so does a clip to its own area
    assert result["text"] == "ระดับ"


def test_a_title_with_markup_shows_as_text_in_the_chart(page, served):
    url, folder = served
    indicators = folder / "indicators.csv"
    hostile = "<img src=x onerror=window.ran=1>การประชุมกลุ่ม<script>window.ran=2</script>"
    text = indicators.read_text(encoding="utf-8-sig")
    indicators.write_text(text.replace("การประชุมกลุ่มและบันทึกการประชุม", hostile, 1), encoding="utf-8-sig")
    open_app(page, url, reread(folder).profile.name)

    page.get_by_text("เปรียบเทียบรอบ", exact=True).click()
    page.locator(".mchch-chart-view[data-shown] svg.mchch-chart").wait_for(timeout=60_000)
    page.get_by_role("button", name="ตารางระดับ").click()  # the heatmap names every indicator in full
    page.wait_for_function("() => document.querySelector('.mchch-chart-view svg.mchch-chart')"
                           "?.textContent.includes('onerror')", timeout=60_000)

    found = page.evaluate("""() => {
        const svg = document.querySelector('.mchch-chart-view svg.mchch-chart');
        return { ran: window.ran || null, img: svg.querySelectorAll('img, script').length,
                 words: svg.textContent };
    }""")
    assert found["ran"] is None and found["img"] == 0
    assert "<img src=x" in found["words"]
