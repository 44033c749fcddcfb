"""The round chips: first and latest chosen at the start, clicks and quick choices change the choice."""

from __future__ import annotations

from datetime import date

import pytest
from chart_checks import main_sample, make_workbook

from mchch_widgets.model import Round, Score
from mchch_widgets.widgets.widget_round_picker import RoundPicker, preset_rounds


@pytest.fixture
def picker() -> RoundPicker:
    return RoundPicker(main_sample(), "th")


def chosen_labels(picker: RoundPicker) -> list[str]:
    return [chip.description for chip in picker.chips.values() if chip.value]


def test_first_and_latest_of_the_group_are_chosen_at_the_start(picker):
    # the sample: r1..r4 self, x1 external (held last); the group's own first and latest
    assert picker.value == ("r1", "r4")
    assert chosen_labels(picker) == ["✓ ● รอบที่ ๑", "✓ ● รอบที่ ๔"]
    assert picker.chips["r1"].tooltip == "รอบที่ ๑ · 15 พ.ย. 2568"  # the date on hover


def test_chips_in_date_order_with_the_chart_colour_and_a_mark_for_external(picker):
    chips = list(picker.chips.values())

    assert list(picker.chips) == ["r1", "r2", "r3", "r4", "x1"]
    assert [f"mchch-round-colour-{n}" in chip._dom_classes for n, chip in enumerate(chips)] == [True] * 5
    assert chips[-1].description == "◆ ประเมินจากภายนอก…"  # shortened on the chip
    assert chips[-1].tooltip == "ประเมินจากภายนอก (คณะกรรมการ มชช. อำเภอลานสกา) · 19 ก.ย. 2569"
    assert all(chip.description.lstrip("✓ ").startswith("●") for chip in chips[:4])


def test_clicking_a_chip_adds_it_and_clicking_again_takes_it_away(picker):
    heard = []
    picker.observe(lambda change: heard.append(change["new"]), "value")

    picker.chips["r3"].value = True
    picker.chips["r1"].value = False

    assert heard == [("r1", "r3", "r4"), ("r3", "r4")]
    assert picker.chips["r3"].description.startswith("✓ ")
    assert not picker.chips["r1"].description.startswith("✓ ")


def test_quick_choices(picker):
    picker.presets["all"].click()
    assert picker.value == ("r1", "r2", "r3", "r4", "x1")

    picker.presets["last_two"].click()
    assert picker.value == ("r3", "r4")  # since last time: the group's own last two

    picker.presets["first_latest"].click()
    assert picker.value == ("r1", "r4")


def test_a_reload_keeps_what_is_chosen_and_adds_new_rounds():
    workbook = main_sample()
    picker = RoundPicker(workbook, "en")
    picker.choose(("r2", "x1"))
    workbook = main_sample()
    workbook.rounds = [r for r in workbook.rounds if r.round_id != "r2"]  # removed in another tab

    picker.set_workbook(workbook)

    assert picker.value == ("x1",)
    assert list(picker.chips) == ["r1", "r3", "r4", "x1"]
    assert picker.chips["x1"].description.startswith("✓ ◆")


def test_a_workbook_without_rounds_has_no_chips_and_chooses_nothing():
    picker = RoundPicker(make_workbook(3), "th")

    assert picker.chips == {} and picker.value == ()
    assert preset_rounds(make_workbook(3), "last_two") == ()


def test_rounds_without_scores_are_still_offered():
    workbook = make_workbook(2, rounds=[("r1", date(2026, 1, 5), "self"), ("r2", date(2026, 4, 5), "self")])

    picker = RoundPicker(workbook, "th")

    assert picker.value == ("r1", "r2")


def sample_with_round_5(raters: int) -> object:
    """The main sample and a fifth round that `raters` people rated alone (nothing agreed yet)."""
    workbook = main_sample()
    workbook.rounds.append(Round(round_id="r5", label="รอบที่ ๕", held_on=date(2026, 11, 21)))
    workbook.scores += [Score("r5", i.indicator_id, f"P{p:02d}", 3)
                        for p in range(1, raters + 1) for i in workbook.selected_indicators()]
    return workbook


@pytest.mark.parametrize("raters", [0, 3])
def test_the_first_choice_and_quick_choices_pass_over_a_round_without_an_agreed_level(raters):
    picker = RoundPicker(sample_with_round_5(raters), "th")

    assert picker.value == ("r1", "r4")
    picker.presets["last_two"].click()
    assert picker.value == ("r3", "r4")
    picker.presets["all"].click()
    assert picker.value == ("r1", "r2", "r3", "r4", "x1", "r5")  # every round: the summary sorts them out


def test_with_the_median_shown_a_round_rated_alone_counts():
    picker = RoundPicker(sample_with_round_5(3), "th", level="median")

    assert picker.value == ("r1", "r5")
    picker.presets["last_two"].click()
    assert picker.value == ("r4", "r5")
    picker.level = "consensus"
    picker.presets["first_latest"].click()
    assert picker.value == ("r1", "r4")
    assert preset_rounds(sample_with_round_5(0), "last_two", "median") == ("r3", "r4")  # empty: passed over


def test_a_quick_choice_first_catches_up_with_the_workbook():
    picker = RoundPicker(main_sample(), "th")
    newer = sample_with_round_5(3)
    picker.catch_up = lambda: picker.set_workbook(newer)  # as the screen does after another tab saved
    picker.level = "median"

    picker.presets["last_two"].click()

    assert picker.value == ("r4", "r5") and "r5" in picker.chips
