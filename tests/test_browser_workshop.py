"""A person at the projector: `mchch serve`, a real Chromium, the page, and the files on disk.

Runs against the system Chromium (see browser_pages.py): in CI a missing browser fails.
"""

from __future__ import annotations

import urllib.request

import pytest
from browser_pages import non_local, open_app, shoot
from workbook_files import reread, wait_until

pytestmark = pytest.mark.browser

def test_rename_the_workbook_in_the_page_and_find_it_in_profile_csv(page, served):
    url, folder = served
    name = reread(folder).profile.name

    open_app(page, url, name)
    shoot(page, "overview")
    page.get_by_text("๑ สมัครเข้าร่วม", exact=True).click()
    field = page.locator("input[type=text]").first
    field.wait_for()
    assert field.input_value() == name
    shoot(page, "step1")

    field.fill("กลุ่มผ้ามัดย้อมคีรีวง, รุ่นใหม่")
    field.press("Enter")

    assert wait_until(lambda: reread(folder).profile.name == "กลุ่มผ้ามัดย้อมคีรีวง, รุ่นใหม่")
    page.get_by_text("บันทึกแล้ว", exact=False).first.wait_for()
    assert (folder / "profile.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert non_local(page.requested) == []


def test_the_page_itself_names_no_other_host(served):
    url, _folder = served
    with urllib.request.urlopen(url, timeout=30) as response:
        html = response.read().decode("utf-8")

    assert "cdn.jsdelivr.net" not in html and "cdnjs.cloudflare.com" not in html
    assert "<title>สมุดงาน มชช." in html


def test_reloading_shows_what_was_saved_and_the_language_switch_works(page, served):
    url, folder = served
    name = reread(folder).profile.name
    open_app(page, url, name)
    page.get_by_text("๑ สมัครเข้าร่วม", exact=True).click()
    province = page.locator("select", has=page.locator("option", has_text="สระแก้ว")).first
    province.select_option("สระแก้ว")
    assert wait_until(lambda: reread(folder).profile.province == "สระแก้ว")
    assert reread(folder).profile.district == ""

    page.reload()
    open_app(page, url, name)
    assert "จ.สระแก้ว" in page.inner_text("body")
    page.get_by_text("English", exact=True).click()
    page.get_by_text("1 Join", exact=True).wait_for()
    assert non_local(page.requested) == []
