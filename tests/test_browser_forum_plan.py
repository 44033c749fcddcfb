"""A facilitator runs a forum in the browser: an idea called out, voted, selected, described, planned.

Same setup as the workshop browser test: `mchch serve` on a copy of the main sample and
the system Chromium at projector size. Everything is checked again after a reload and
in the CSV files on disk.
"""

from __future__ import annotations

import csv
import io

import pytest
from browser_pages import non_local, open_app, shoot
from playwright.sync_api import expect
from workbook_files import read_csv_text, reread, wait_until

pytestmark = pytest.mark.browser

TITLE = 'ย้อมสีด้วยใบหูกวาง, "ไม่ใช้เคมี"'
LEVELS = {
    1: "ยังไม่มีใครลองย้อมด้วยใบหูกวาง",
    2: "ลองย้อมแล้ว ๑-๒ ครั้ง สียังไม่สม่ำเสมอ",
    3: "ย้อมได้สม่ำเสมอ, ขายได้บ้าง",
    4: "ย้อมเป็นสินค้าหลัก มีสูตรจดบันทึกไว้",
    5: "สอนกลุ่มอื่นได้ เป็นแหล่งเรียนรู้",
}
ACTIVITY = "อบรมการย้อมใบหูกวาง รุ่นที่ 1"


def indicator_row(folder) -> dict[str, str]:
    rows = csv.DictReader(io.StringIO(read_csv_text(folder, "indicators.csv")))
    return next(row for row in rows if row["title"] == TITLE)


def plan_row(folder) -> dict[str, str] | None:
    rows = csv.DictReader(io.StringIO(read_csv_text(folder, "plan.csv")))
    return next((row for row in rows if row["activity"] == ACTIVITY), None)


def vote_count_on_disk(folder) -> int:
    try:
        return int(indicator_row(folder)["votes"])
    except StopIteration:
        return -1


def ladder_box(page, level: int):
    return page.get_by_placeholder(f"ระดับ {level} เป็นอย่างไร", exact=False)


def test_an_idea_called_out_becomes_a_described_planned_indicator_that_survives_a_reload(page, served):
    url, folder = served
    name = reread(folder).profile.name
    open_app(page, url, name)

    # a. propose and vote
    page.get_by_text("๒ ตัวชี้วัด", exact=True).click()
    page.get_by_text("ก. เสนอและโหวต", exact=True).click()
    entry = page.get_by_placeholder("พิมพ์ข้อเสนอตัวชี้วัด แล้วกด Enter")
    entry.fill(TITLE)
    entry.press("Enter")
    row = page.locator(".mchch-proposal", has_text="ย้อมสีด้วยใบหูกวาง")
    row.wait_for()
    assert wait_until(lambda: vote_count_on_disk(folder) == 0)
    expect(entry).to_have_value("")  # ready for the next idea
    plus = row.get_by_role("button", name="+", exact=True)
    plus.click()
    assert wait_until(lambda: vote_count_on_disk(folder) == 1)
    plus.click()
    assert wait_until(lambda: vote_count_on_disk(folder) == 2)
    expect(row.locator("input").first).to_have_value("2")
    shoot(page, "forum_propose")

    # b. select
    page.get_by_text("ข. คัดเลือกและเรียงลำดับ", exact=True).click()
    page.locator(".mchch-select-row", has_text="ย้อมสีด้วยใบหูกวาง").get_by_role("button", name="เลือก →").click()
    assert wait_until(lambda: indicator_row(folder)["status"] == "selected")
    shoot(page, "forum_select")

    # c. the ladder: words for every level, and a target
    page.get_by_text("ค. คำอธิบายระดับและเป้าหมาย", exact=True).click()
    page.locator(".mchch-ladder-nav select").select_option(label=f"11. {TITLE}")
    page.locator(".mchch-ladder-title", has_text="ย้อมสีด้วยใบหูกวาง").wait_for()
    for level, words in LEVELS.items():
        box = ladder_box(page, level)
        box.fill(words)
        box.press("Tab")  # leaving the box saves it
        assert wait_until(lambda level=level, words=words: indicator_row(folder)[f"level_{level}"] == words)
    page.locator(".mchch-ladder-targets").get_by_role("button", name="4", exact=True).click()
    assert wait_until(lambda: indicator_row(folder)["target"] == "4")
    shoot(page, "forum_ladder")

    # step 3: a plan activity for it, dates typed in the Buddhist Era, budget in words
    page.get_by_text("๓ แผนพัฒนา", exact=True).click()
    page.locator(".mchch-plan-card", has_text="ย้อมสีด้วยใบหูกวาง").click()
    page.get_by_role("button", name="+ เพิ่มกิจกรรม").click()
    activity = page.get_by_placeholder("พิมพ์ชื่อกิจกรรม").last
    activity.fill(ACTIVITY)
    activity.press("Enter")
    assert wait_until(lambda: plan_row(folder) is not None)
    new_row = page.locator(".mchch-plan-row").last
    for box, typed in zip(new_row.get_by_placeholder("ว/ด/ปปปป").all(), ("1/6/2569", "30/6/2569")):
        box.fill(typed)
        box.press("Enter")
    budget = new_row.get_by_placeholder("เช่น 5,000")
    budget.fill("ห้าพัน")
    budget.press("Enter")
    assert wait_until(lambda: (plan_row(folder)["start_on"], plan_row(folder)["end_on"], plan_row(folder)["budget"])
                      == ("2026-06-01", "2026-06-30", "5000"))
    assert plan_row(folder)["indicator_id"] == indicator_row(folder)["indicator_id"]
    shoot(page, "plan")

    # reload: everything is found again, on screen and on disk
    page.reload()
    open_app(page, url, name)
    page.get_by_text("๒ ตัวชี้วัด", exact=True).click()
    page.locator(".mchch-ladder-nav select").select_option(label=f"11. {TITLE}")
    for level, words in LEVELS.items():
        expect(ladder_box(page, level)).to_have_value(words)
    page.get_by_text("ก. เสนอและโหวต", exact=True).click()
    row = page.locator(".mchch-proposal", has_text="ย้อมสีด้วยใบหูกวาง")
    expect(row.locator("input").first).to_have_value("2")
    page.get_by_text("๓ แผนพัฒนา", exact=True).click()
    page.locator(".mchch-plan-card", has_text="ย้อมสีด้วยใบหูกวาง").click()
    shown = page.locator(".mchch-plan-row")
    expect(shown).to_have_count(1)  # the new indicator's one activity
    expect(shown.get_by_placeholder("พิมพ์ชื่อกิจกรรม")).to_have_value(ACTIVITY)
    expect(shown.get_by_placeholder("ว/ด/ปปปป").first).to_have_value("1/6/2569")
    expect(shown.get_by_placeholder("ว/ด/ปปปป").last).to_have_value("30/6/2569")
    expect(shown.get_by_placeholder("เช่น 5,000")).to_have_value("5,000")

    saved = indicator_row(folder)
    assert (saved["status"], saved["votes"], saved["target"]) == ("selected", "2", "4")
    assert reread(folder).selected_indicators()[-1].title == TITLE
    assert (folder / "indicators.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert (folder / "plan.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert non_local(page.requested) == []
