"""The compare screen, driven as a facilitator would: pick a chart, rounds, consensus or median."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from chart_checks import EDGE_CASES, png_size
from workbook_files import reread

from mchch_widgets import assessment, charts, store
from mchch_widgets.charts import CHART_KINDS, ChartOptions
from mchch_widgets.session import Session
from mchch_widgets.widgets import widget_compare
from mchch_widgets.widgets.widget_compare import CompareScreen


@pytest.fixture
def screen(session) -> CompareScreen:
    return CompareScreen(session, "th")


def summary_text(screen: CompareScreen) -> str:
    return screen.summary.value


def test_it_opens_on_the_overview_of_the_first_and_latest_round(screen, sample_folder):
    assert screen.kind.value == "radar"
    assert screen.rounds.value == ("r1", "r4")
    expected = charts.figure_png(charts.draw(reread(sample_folder), "radar",
                                             ChartOptions(rounds=("r1", "r4"))))
    assert screen.chart.png == expected
    assert png_size(screen.chart.png) == (1280, 720)
    assert "จาก รอบที่ ๑ ถึง รอบที่ ๔ (ฉันทามติ)" in summary_text(screen)
    assert "ขยับขึ้นมากที่สุด" in summary_text(screen) and "ห่างเป้าหมายมากที่สุด" in summary_text(screen)


@pytest.mark.parametrize("kind", CHART_KINDS)
def test_every_chart_kind_is_drawn_for_what_is_chosen(screen, sample_folder, kind):
    screen.choose(kind=kind, rounds=("r2", "r3", "x1"), value="median")

    options = ChartOptions(rounds=("r2", "r3", "x1"), value="median")
    assert screen.options() == options
    assert screen.chart.png == charts.figure_png(charts.draw(reread(sample_folder), kind, options))
    assert screen.chart.alt == screen.kind.label


def test_changing_the_rounds_changes_the_chart_and_the_summary(screen):
    before, serial = screen.chart.png, screen.chart.serial

    screen.rounds.chips["r3"].value = True
    screen.rounds.chips["r1"].value = False

    assert screen.rounds.value == ("r3", "r4")
    assert screen.chart.png != before and screen.chart.serial == serial + 2
    assert "จาก รอบที่ ๓ ถึง รอบที่ ๔" in summary_text(screen)


def test_median_instead_of_consensus_changes_the_words(screen):
    screen.value.value = "median"

    assert "(มัธยฐานของคะแนนรายคน)" in summary_text(screen)
    assert "(ฉันทามติ)" not in summary_text(screen)


def test_a_choice_made_again_is_shown_from_memory(screen, monkeypatch):
    drawn = []
    real = charts.draw
    monkeypatch.setattr(charts, "draw", lambda *args: drawn.append(args[1:]) or real(*args))

    screen.kind.value = "heatmap"
    screen.kind.value = "radar"
    screen.kind.value = "heatmap"

    assert [kind for kind, _options in drawn] == ["heatmap"]


def test_the_paper_theme_shows_the_print_chart(screen):
    screen.theme.value = "print"

    assert png_size(screen.chart.png)[0] == 750


def test_downloads_are_the_chart_on_screen_sharper_or_as_svg(screen):
    screen.choose(kind="progress", rounds=("r1", "r2", "r3", "r4"))

    message, (png,) = screen.chart.download("png")
    assert png_size(png) == (1920, 1080)  # 12.8 × 7.2 in at 150 dpi
    assert message["name"].endswith(".png")
    message, (svg,) = screen.chart.download("svg")
    assert svg.startswith(b"<?xml") and b"<svg" in svg[:500]
    assert message["name"] == ("กลุ่มผ้ามัดย้อมสีธรรมชาติบ้านคีรีวง - ความก้าวหน้า - "
                               "รอบที่ ๑, รอบที่ ๒, รอบที่ ๓, รอบที่ ๔.svg")


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
        assert png_size(screen.chart.png)[0] == 1280, kind
    assert screen.summary.value


def test_user_text_in_the_summary_is_escaped(session):
    session.workbook.indicators[0].title = "<script>alert(1)</script>"

    screen = CompareScreen(session, "th")

    assert "<script>" not in screen.summary.value
    assert "&lt;script&gt;" in widget_compare.summary_markup(
        [widget_compare.compare.Line("improved", "x", ("<script>",))])
