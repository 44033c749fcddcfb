"""A facilitator runs an assessment round in the browser: three people score alone, the room sees
where they disagree, agrees on a level with the reason, and closes the round.

`mchch serve` on a copy of the main sample, the system Chromium at projector size.
Everything is checked again after a reload and in scores.csv and rounds.csv on disk.
"""

from __future__ import annotations

import csv
import io

import pytest
from browser_pages import non_local, open_app, shoot
from playwright.sync_api import expect
from workbook_files import read_csv_text, reread, wait_until

pytestmark = pytest.mark.browser

NOTE = 'บันทึกประชุมครบ ๓ เดือน, "มีลายมือชื่อ"'


def rows(folder, name: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(read_csv_text(folder, name))))


def round_scores(folder) -> list[tuple[str, str, str, str]]:
    return [(r["rater"], r["indicator_id"], r["score"], r["note"]) for r in rows(folder, "scores.csv")
            if r["round_id"] == "r5"]


def test_a_round_scored_alone_then_together_and_closed_survives_a_reload(page, served):
    url, folder = served
    name = reread(folder).profile.name
    open_app(page, url, name)

    page.get_by_text("๕ ประเมินผล", exact=True).click()
    label = page.locator(".mchch-rounds-new input").first
    expect(label).to_have_value("รอบที่ 5")  # prefilled (the app shows Arabic digits by default)
    shoot(page, "assess_rounds")
    page.get_by_role("button", name="สร้างรอบใหม่").click()
    assert wait_until(lambda: any(r["round_id"] == "r5" for r in rows(folder, "rounds.csv")))

    # a. three people score the first indicator alone: by click, by key, by key with the Thai layout on
    for code, how, level in (("P01", "click", "1"), ("P02", "key", "5"), ("P03", "key", "3")):
        page.get_by_role("button", name=f"เริ่มให้คะแนน · รหัส {code}").click()
        ladder = page.locator(".mchch-level-buttons")
        ladder.wait_for()
        ladder.locator(".mchch-key-listener[data-ready][data-active]").wait_for(state="attached")
        if how == "click":
            ladder.locator(".mchch-level-number", has_text=level).click()
        else:
            page.keyboard.press(level)
        assert wait_until(lambda c=code: any(r[0] == c for r in round_scores(folder)))
        if code == "P02":
            shoot(page, "assess_individual")
        page.get_by_role("button", name="จบ", exact=True).click()
        page.get_by_role("button", name="ส่งเครื่องให้คนถัดไป").click()
    assert round_scores(folder) == [("P01", "G01", "1", ""), ("P02", "G01", "5", ""), ("P03", "G01", "3", "")]

    # b. the distribution, widest disagreement first
    page.get_by_role("button", name="เปิดดูการกระจายของคะแนน →").click()
    first = page.locator(".mchch-disagree-row").first
    expect(first).to_contain_text(reread(folder).indicator("G01").title)
    shoot(page, "assess_disagreement")

    # c. agree on G01 with the evidence
    first.get_by_role("button", name="อภิปรายและตกลง →").click()
    note = page.locator(".mchch-consensus textarea").first
    note.fill(NOTE)
    note.press("Tab")
    page.locator(".mchch-consensus .mchch-level-number", has_text="3").click()
    assert wait_until(lambda: ("consensus", "G01", "3", NOTE) in round_scores(folder))
    shoot(page, "assess_consensus")

    # close the round: the first click warns that nine indicators are not agreed yet
    close = page.get_by_role("button", name="ปิดรอบ", exact=True)
    close.click()
    confirm = page.get_by_role("button", name="ยังไม่ได้ตกลง 9 ข้อ · ยืนยันปิดรอบ?")
    confirm.click()
    assert wait_until(lambda: next(r for r in rows(folder, "rounds.csv") if r["round_id"] == "r5")["closed"] == "true")

    # after a reload everything is still there, and the closed round takes no more scores
    page.reload()
    page.locator(".mchch-name", has_text=name).wait_for(timeout=90_000)
    page.get_by_text("๕ ประเมินผล", exact=True).click()
    page.locator(".mchch-rounds-row", has_text="รอบที่ 5").get_by_role("button", name="เปิด →").click()
    expect(page.locator(".mchch-consensus textarea").first).to_have_value(NOTE)
    expect(page.locator(".mchch-consensus .mchch-level-number").first).to_be_disabled()
    page.keyboard.press("4")
    shoot(page, "assess_closed")

    saved = round_scores(folder)
    assert saved == [("P01", "G01", "1", ""), ("P02", "G01", "5", ""), ("P03", "G01", "3", ""),
                     ("consensus", "G01", "3", NOTE)]
    assert (folder / "scores.csv").read_bytes().startswith(b"\xef\xbb\xbf")
    assert len(rows(folder, "scores.csv")) == 570 + 4
    assert non_local(page.requested) == []
