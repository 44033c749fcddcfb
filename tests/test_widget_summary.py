"""Step 6, the summary screen, read as the group reads it on the projector."""

from __future__ import annotations

import html
import re
from datetime import date
from pathlib import Path

import pytest
from workbook_files import rows

from conftest import TODAY
from mchch_widgets import assessment, model, store
from mchch_widgets.session import Session
from mchch_widgets.settings import AppSettings
from mchch_widgets.store import INDICATORS, REFLECTIONS, SCORES
from mchch_widgets.text import t
from mchch_widgets.widgets.widget_app import WorkshopApp
from mchch_widgets.widgets.widget_summary import SummaryStep

TO_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


@pytest.fixture
def screen(session, status) -> SummaryStep:
    return SummaryStep(session, status, "th", today=TODAY)


def shown(widget) -> str:
    """The text a person reads in an HTML widget: tags out, entities decoded."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", widget.value)).split())


def card_for(screen: SummaryStep, indicator_id: str):
    return next(c for c in screen.cards.children if c.indicator_id == indicator_id)


def latest_consensus(folder: Path) -> dict[str, tuple[str, int | None]]:
    """indicator -> (latest self round with a consensus, its level), from the CSV rows."""
    held = {r["round_id"]: r["held_on"] for r in rows(folder, "rounds.csv") if r["assessor"] == "self"}
    agreed: dict[tuple[str, str], tuple[str, str]] = {}
    for row in rows(folder, "scores.csv"):
        key = (row["round_id"], row["indicator_id"])
        if row["rater"] == "consensus" and row["round_id"] in held and (
                key not in agreed or row["recorded_at"] >= agreed[key][0]):
            agreed[key] = (row["recorded_at"], row["score"])
    found = {}
    for (round_id, indicator_id), (_when, score) in sorted(agreed.items(), key=lambda kv: held[kv[0][0]]):
        found[indicator_id] = (round_id, int(score) if score else None)
    return found


def test_a_card_per_selected_indicator_with_its_level_target_and_lessons(screen, sample_folder):
    selected = [r for r in rows(sample_folder, "indicators.csv") if r["status"] == "selected"]
    latest = latest_consensus(sample_folder)
    labels = {r["round_id"]: r["label"] for r in rows(sample_folder, "rounds.csv")}
    lessons = {r["indicator_id"]: r for r in rows(sample_folder, "reflections.csv")}

    assert [c.indicator_id for c in screen.cards.children] == [r["indicator_id"] for r in selected]
    for number, row in enumerate(selected, start=1):
        text = shown(card_for(screen, row["indicator_id"]))
        round_id, level = latest[row["indicator_id"]]
        assert f"{number}. {row['title']}" in text
        assert f"{level} / {row['target']}" in text
        gap = int(row["target"]) - level
        assert ("✓ ถึงเป้าแล้ว" if gap <= 0 else f"ขาด {gap} ระดับ") in text
        assert f"ใน{labels[round_id]}" in text
        reflection = lessons[row["indicator_id"]]
        for field in ("strengths", "weaknesses", "next_action"):
            assert reflection[field] in text
        assert f"ถอดบทเรียน ({labels[reflection['round_id']]})" in text


def test_change_since_the_first_round_and_plan_in_words(screen, sample_folder):
    plan = rows(sample_folder, "plan.csv")
    scores = {(r["round_id"], r["indicator_id"]): r["score"] for r in rows(sample_folder, "scores.csv")
              if r["rater"] == "consensus"}
    for card in screen.cards.children:
        text = shown(card)
        first, last = int(scores[("r1", card.indicator_id)]), int(scores[("r4", card.indicator_id)])
        words = {1: f"▲ ดีขึ้น {last - first} ระดับ จากรอบที่ ๑", 0: "= เท่าเดิม ตั้งแต่รอบที่ ๑",
                 -1: f"▼ ลดลง {first - last} ระดับ จากรอบที่ ๑"}[(last > first) - (last < first)]
        assert words in text
        assert f"{first} → {last}" in text
        mine = [r for r in plan if r["indicator_id"] == card.indicator_id]
        late = [r for r in mine if r["end_on"] and date.fromisoformat(r["end_on"]) < TODAY
                and r["status"] not in ("done", "cancelled")]
        assert f"{len(mine)} กิจกรรม · เสร็จแล้ว " in text if mine else "ยังไม่มีกิจกรรมในแผน" in text
        assert (f"⚠ เลยกำหนด {len(late)} กิจกรรม" in text) == bool(late)


def test_the_overall_summary_is_at_the_top_in_sentences(screen, sample_folder):
    plan = rows(sample_folder, "plan.csv")
    selves = [r for r in rows(sample_folder, "rounds.csv") if r["assessor"] == "self"]
    text = shown(screen.overall)

    assert screen.children.index(screen.overall) < screen.children.index(screen.cards)
    assert f"ประเมินตนเอง {len(selves)} รอบ ตั้งแต่ " in text
    assert f"แผนพัฒนา {len(plan)} กิจกรรม" in text
    assert 3 <= screen.overall.value.count("<p>") <= 6
    assert "mchch-step6-list" in screen.cards._dom_classes  # the cards scroll in a list of their own


def test_thai_digits(session, status, sample_folder):
    screen = SummaryStep(session, status, "th", thai_digits=True, today=TODAY)
    plan = rows(sample_folder, "plan.csv")

    assert f"แผนพัฒนา {str(len(plan)).translate(TO_THAI)} กิจกรรม" in shown(screen.overall)
    first = shown(screen.cards.children[0])
    assert first.lstrip().startswith("๑. ")


def test_english_screen(session, status, sample_folder):
    screen = SummaryStep(session, status, "en", thai_digits=True, today=TODAY)
    selves = [r for r in rows(sample_folder, "rounds.csv") if r["assessor"] == "self"]

    assert t("step6_heading", "en") in shown(screen.children[0].children[0])
    assert f"Self-assessed {len(selves)} times" in shown(screen.overall)
    text = shown(screen.cards.children[0])
    assert "Latest level / target" in text and "Strengths:" in text and "✓ Target reached" in text


def test_language_switch_in_the_app_keeps_the_summary_on_screen(sample_folder):
    app = WorkshopApp(AppSettings(workbook=str(sample_folder), language="th"))
    assert ("๖ สรุปผล", "summary") in app.nav.options
    app.nav.value = "summary"
    assert isinstance(app.screen_area.children[0], SummaryStep)

    app.language.value = "en"

    current = app.screen_area.children[0]
    assert isinstance(current, SummaryStep) and current.language == "en"
    assert ("6 Summary", "summary") in app.nav.options
    assert "Step 6" in shown(current.children[0].children[0])


def test_user_text_is_escaped(session, status):
    def change(workbook):
        workbook.selected_indicators()[0].title = "<script>alert(1)</script>"
    session.change(change, INDICATORS)
    session.workbook.reflections[0].strengths = "<b>ตัวหนา</b>"

    screen = SummaryStep(session, status, "th", today=TODAY)

    markup = screen.cards.children[0].value + screen.overall.value
    assert "<script>" not in markup and "<b>ตัวหนา" not in markup
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in screen.cards.children[0].value
    assert "<script>alert(1)</script>" in shown(screen.cards.children[0])  # shown as text


def test_an_empty_new_workbook_says_what_is_missing(tmp_path, status):
    folder = tmp_path / "new"
    store.create_workbook(folder, model.new_workbook("กลุ่มใหม่", "group"))
    screen = SummaryStep(Session(folder), status, "th", today=TODAY)

    text = shown(screen.overall)
    for key in ("step6_rounds_none", "step6_no_indicators", "step6_no_plan", "step6_no_members"):
        assert t(key, "th") in text
    assert [shown(c).strip() for c in screen.cards.children] == [t("step6_no_cards", "th")]


def test_a_new_consensus_shows_when_the_screen_is_shown_again(screen, session, open_round):
    indicator = session.workbook.selected_indicators()[0]
    top = session.workbook.profile.scale_max
    session.change(lambda wb: assessment.record_score(wb, open_round, indicator.indicator_id, "consensus", top),
                   SCORES)
    before = card_for(screen, indicator.indicator_id).value

    screen.refresh()  # the app calls this each time the screen is shown

    text = shown(card_for(screen, indicator.indicator_id))
    assert card_for(screen, indicator.indicator_id).value != before
    assert f"{top} / {indicator.target}" in text and "ในรอบที่ ๕" in text


def test_a_lesson_saved_in_another_tab_shows_after_the_reload(sample_folder, session, status, open_round):
    app = WorkshopApp(AppSettings(workbook=str(sample_folder), language="th"))
    app.nav.value = "summary"
    other = Session(sample_folder)
    indicator_id = other.workbook.selected_indicators()[1].indicator_id
    other.change(lambda wb: assessment.set_reflection(wb, open_round, indicator_id, "strengths",
                                                      "บันทึกจากอีกแท็บหนึ่ง"), REFLECTIONS)

    app.session.reload()  # what a save in this tab does when it finds the files changed

    current = app.screen_area.children[0]
    assert isinstance(current, SummaryStep)
    text = shown(card_for(current, indicator_id))
    assert "บันทึกจากอีกแท็บหนึ่ง" in text and "ถอดบทเรียน (รอบที่ ๕)" in text
    assert [r for r in rows(sample_folder, "reflections.csv") if r["strengths"] == "บันทึกจากอีกแท็บหนึ่ง"]
