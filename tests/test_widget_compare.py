"""The compare screen, driven as a facilitator would: pick a chart, rounds, consensus or median."""

from __future__ import annotations

import time
from datetime import date
from pathlib import Path

import pytest
from chart_checks import EDGE_CASES, png_size, screen_size
from workbook_files import reread

from mchch_widgets import assessment, charts, compare, store
from mchch_widgets.charts import CHART_KINDS, ChartOptions, drawer
from mchch_widgets.session import Session
from mchch_widgets.settings import AppSettings
from mchch_widgets.widgets import widget_compare
from mchch_widgets.widgets.widget_app import WorkshopApp
from mchch_widgets.widgets.widget_compare import NO_DOWNLOADS, CompareScreen

TODAY = date(2026, 11, 21)


@pytest.fixture
def screen(session) -> CompareScreen:
    return CompareScreen(session, "th")


def summary_text(screen: CompareScreen) -> str:
    return screen.summary.value


def test_it_opens_on_the_overview_of_the_first_and_latest_round(screen, sample_folder):
    assert screen.kind.value == "radar"
    assert screen.rounds.value == ("r1", "r4")
    expected = charts.screen_svg(charts.draw(reread(sample_folder), "radar",
                                             ChartOptions(rounds=("r1", "r4"))))
    assert screen.chart.image == expected
    assert screen_size(screen.chart.image) == (1280, 720)
    assert "จาก รอบที่ ๑ ถึง รอบที่ ๔ (ฉันทามติ)" in summary_text(screen)
    assert "ขยับขึ้นมากที่สุด" in summary_text(screen) and "ห่างเป้าหมายมากที่สุด" in summary_text(screen)


@pytest.mark.parametrize("kind", CHART_KINDS)
def test_every_chart_kind_is_drawn_for_what_is_chosen(screen, sample_folder, kind):
    screen.choose(kind=kind, rounds=("r2", "r3", "x1"), value="median")

    options = ChartOptions(rounds=("r2", "r3", "x1"), value="median")
    assert screen.options() == options
    assert screen.chart.image == charts.screen_svg(charts.draw(reread(sample_folder), kind, options))
    assert screen.chart.alt == screen.kind.label


def test_changing_the_rounds_changes_the_chart_and_the_summary(screen):
    before, serial = screen.chart.image, screen.chart.serial

    screen.rounds.chips["r3"].value = True
    screen.rounds.chips["r1"].value = False

    assert screen.rounds.value == ("r3", "r4")
    assert screen.chart.image != before and screen.chart.serial == serial + 2
    assert "จาก รอบที่ ๓ ถึง รอบที่ ๔" in summary_text(screen)


def test_median_instead_of_consensus_changes_the_words(screen):
    screen.value.value = "median"

    assert "(มัธยฐานของคะแนนรายคน)" in summary_text(screen)
    assert "(ฉันทามติ)" not in summary_text(screen)


def test_a_choice_made_again_is_shown_from_memory(screen, monkeypatch):
    drawn = []
    real = drawer.chart_image
    monkeypatch.setattr(drawer, "chart_image", lambda *args: drawn.append(args[1:]) or real(*args))

    screen.kind.value = "heatmap"
    screen.kind.value = "radar"
    screen.kind.value = "heatmap"

    assert [kind for kind, _options in drawn] == ["heatmap"]


def test_the_paper_theme_shows_the_print_chart(screen):
    screen.theme.value = "print"

    assert screen_size(screen.chart.image)[0] == 750


def test_downloads_are_the_chart_on_screen_sharper_or_as_svg(screen):
    screen.choose(kind="progress", rounds=("r1", "r2", "r3", "r4"))

    message, (png,) = screen.chart.download("png")
    assert png_size(png) == (1920, 1080)  # 12.8 × 7.2 in at 150 dpi
    assert message["name"].endswith(".png")
    message, (svg,) = screen.chart.download("svg")
    assert svg.startswith(b"<?xml") and b"<svg" in svg[:500]
    assert message["name"] == "กลุ่มผ้ามัดย้อมสีธรรมชาติบ้านคีรีวง - ความก้าวหน้า - รอบที่ ๑–๔ (4 รอบ).svg"


def test_the_file_name_loses_characters_a_computer_refuses(session):
    session.workbook.profile.name = 'กลุ่ม "ทดสอบ" 1/2: ใหม่?'

    screen = CompareScreen(session, "en")

    assert screen.chart.file_name == "กลุ่ม ทดสอบ 1 2 ใหม่ - Overview - รอบที่ ๑, รอบที่ ๔"


def test_a_new_round_saved_elsewhere_appears_when_the_screen_is_shown_again(screen, session):
    session.change(lambda wb: assessment.add_round(wb, "รอบที่ ๕", date(2026, 11, 21), "self", date(2026, 11, 21)),
                   store.ROUNDS)

    screen.refresh()

    assert "r5" in screen.rounds.chips
    assert screen.rounds.value == ("r1", "r4")  # what was chosen stays chosen


def test_english_screen(session):
    screen = CompareScreen(session, "en")

    assert [label for label, _ in screen.kind.options][:2] == ["Overview", "Progress"]
    assert "From รอบที่ ๑ to รอบที่ ๔ (consensus)" in summary_text(screen)


@pytest.mark.parametrize("case", EDGE_CASES)
def test_every_chart_draws_for_every_odd_workbook(tmp_path: Path, case):
    folder = tmp_path / case
    store.create_workbook(folder, EDGE_CASES[case]())
    screen = CompareScreen(Session(folder), "th")

    for kind in CHART_KINDS:
        screen.kind.value = kind
        assert screen_size(screen.chart.image)[0] == 1280, kind
    assert screen.summary.value


def test_user_text_in_the_summary_is_escaped(session):
    session.workbook.indicators[0].title = "<script>alert(1)</script>"

    screen = CompareScreen(session, "th")

    assert "<script>" not in screen.summary.value
    assert "&lt;script&gt;" in widget_compare.summary_markup(
        [widget_compare.compare.Line("improved", "x", ("<script>",))])


# --- another tab saves ------------------------------------------------------------------------


def fifth_round(session: Session, agreed: bool = True, raters: int = 0) -> str:
    """A fifth round saved by `session`: every indicator agreed at 5 and/or rated alone at 3 by `raters` people."""
    def change(workbook):
        new = assessment.add_round(workbook, "รอบที่ ๕", TODAY, "self", TODAY)
        for indicator in workbook.selected_indicators():
            for code in (f"P{n:02d}" for n in range(1, raters + 1)):
                assessment.record_score(workbook, new.round_id, indicator.indicator_id, code, 3)
            if agreed:
                assessment.record_score(workbook, new.round_id, indicator.indicator_id, "consensus", 5)
        return new.round_id
    return session.change(change, store.ROUNDS, store.SCORES)


def test_a_save_in_another_tab_is_read_in_at_the_next_choice(screen, sample_folder):
    other_tab = Session(sample_folder)
    round_id = fifth_round(other_tab)
    assert screen.session.workbook.round(round_id) is None

    screen.kind.value = "gap"  # any click reads the other tab's save in first

    assert round_id in screen.rounds.chips
    screen.choose(rounds=("r1", round_id))
    assert "จาก รอบที่ ๑ ถึง รอบที่ ๕ (ฉันทามติ)" in summary_text(screen)
    options = ChartOptions(rounds=("r1", round_id))
    assert screen.chart.image == charts.screen_svg(charts.draw(reread(sample_folder), "gap", options))


def test_a_save_in_another_tab_shows_when_the_screen_is_shown_again(screen, sample_folder):
    fifth_round(Session(sample_folder))

    screen.refresh()  # the app calls it when the facilitator comes back to the screen

    assert "r5" in screen.rounds.chips and screen.session.workbook.round("r5") is not None
    assert screen.rounds.value == ("r1", "r4")  # what was chosen stays chosen


def test_in_the_app_the_compare_screen_stays_and_follows_the_other_tab(sample_folder):
    app = WorkshopApp(AppSettings(workbook=str(sample_folder), language="th"))
    app.nav.value = "compare"
    screen = app.screens["compare"]
    fifth_round(Session(sample_folder))

    screen.rounds.presets["last_two"].click()

    assert app.screens["compare"] is screen  # the app kept the screen on show (reloaded), not a new one
    assert screen.rounds.value == ("r4", "r5")
    assert "จาก รอบที่ ๔ ถึง รอบที่ ๕" in summary_text(screen)


def test_a_file_broken_in_another_tab_is_named_and_the_screen_keeps_working(screen, sample_folder):
    (sample_folder / store.SCORES).write_text("round_id,indicator_id\nr1", encoding="utf-8")

    screen.kind.value = "progress"

    assert "อ่านสิ่งที่แท็บอื่นบันทึกไว้ไม่ได้" in summary_text(screen) and "scores.csv" in summary_text(screen)
    assert "จาก รอบที่ ๑ ถึง รอบที่ ๔" in summary_text(screen)  # still what was read before


# --- the rounds chosen at first and by the quick choices have levels ---------------------------------------


def test_the_first_choice_and_quick_choices_pass_over_a_round_not_agreed_yet(session, sample_folder):
    round_id = fifth_round(session, agreed=False, raters=3)  # rated alone by three, nothing agreed
    screen = CompareScreen(session, "th")

    assert screen.rounds.value == ("r1", "r4")
    screen.rounds.presets["last_two"].click()
    assert screen.rounds.value == ("r3", "r4")
    screen.rounds.presets["all"].click()
    assert screen.rounds.value == ("r1", "r2", "r3", "r4", "x1", round_id)
    assert "จาก รอบที่ ๑ ถึง รอบที่ ๔ (ฉันทามติ)" in summary_text(screen)  # not "cannot compare 10"
    assert "ยังไม่ได้ตกลงระดับ" in summary_text(screen) and "เทียบไม่ได้" not in summary_text(screen)

    screen.value.value = "median"  # individual ratings count now: the fifth round has them
    screen.rounds.presets["last_two"].click()
    assert screen.rounds.value == ("r4", round_id)
    assert "รอบที่ ๕ มีผู้ประเมินเพียง 3 คน" in summary_text(screen)


# --- downloads -------------------------------------------------------------------------------


def test_no_round_chosen_offers_no_download(screen):
    screen.choose(rounds=())

    assert NO_DOWNLOADS in screen.chart._dom_classes
    message, files = screen.chart.download("png")
    assert files == [] and "เลือกรอบด้านบนก่อน" in message["error"]

    screen.choose(rounds=("r1",))
    assert NO_DOWNLOADS not in screen.chart._dom_classes
    assert screen.chart.download("png")[1]


def test_every_round_chosen_gives_a_file_name_well_under_255_bytes(session):
    session.workbook.profile.name = "กลุ่มอนุรักษ์ผ้าทอมือและสีย้อมธรรมชาติจากเปลือกไม้" * 4  # 200 Thai letters
    screen = CompareScreen(session, "th", digits=True)
    screen.rounds.presets["all"].click()

    message, _ = screen.chart.download("svg")

    assert len(message["name"].encode("utf-8")) <= 204
    assert message["name"].endswith(" - ภาพรวม - รอบที่ ๑–๔ (๕ รอบ).svg")
    assert message["name"] == compare.file_name(session.workbook, "ภาพรวม", None, digits=True) + ".svg"


def test_with_drawing_ahead_the_next_round_clicked_finds_its_chart_ready(session, monkeypatch):
    screen = CompareScreen(session, "th", draw_ahead=True)
    try:
        following = screen.options().with_rounds(("r1", "r3", "r4"))
        end = time.monotonic() + 120
        while not screen.drawer.is_ready("radar", following) and time.monotonic() < end:
            time.sleep(0.2)
        drawn = []
        monkeypatch.setattr(drawer, "chart_image", lambda *args: drawn.append(args[1:]))

        screen.rounds.chips["r3"].value = True

        assert screen.rounds.value == ("r1", "r3", "r4")
        assert drawn == []  # drawn ahead by the worker, not when clicked
        assert screen.chart.image == charts.screen_svg(charts.draw(session.workbook, "radar", following))
    finally:
        drawer.stop_worker()


def test_several_choices_set_together_draw_one_chart(screen, monkeypatch):
    drawn = []
    real = drawer.chart_image
    monkeypatch.setattr(drawer, "chart_image", lambda *args: drawn.append(args[1:]) or real(*args))

    screen.choose(kind="gap", rounds=("r2", "r3"), value="median", theme="print")

    assert drawn == [("gap", ChartOptions(rounds=("r2", "r3"), value="median", theme="print"))]
