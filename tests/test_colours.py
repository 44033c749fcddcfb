"""colours: round colours that stay apart for colour-blind readers, level steps that differ clearly,
text on every colour readable (WCAG 4.5:1).

Colour distances are computed here from the standard formulas (sRGB → CIELAB D65, CIE76 ΔE;
Machado et al. 2009 for colour-vision deficiency), not taken from the module under test.
"""

from __future__ import annotations

import itertools
import math

import pytest

from mchch_widgets.colours import (
    DARK_INK,
    LEVEL_RAMP,
    ROUND_COLOURS,
    contrast,
    ink_on,
    level_colour,
    step_colour,
)

SCALE_SIZES = range(2, 12)  # the profile allows scales within 0..10: 2 to 11 levels
COMMON_SIZES = (3, 4, 5)  # 1..3, 1..4 and the usual 1..5
# Machado, Oliveira & Fernandes (2009), severity 1.0, applied to linear RGB
DEFICIENCIES = {
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}
D65 = (0.95047, 1.0, 1.08883)


def linear_rgb(colour: str) -> list[float]:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    return [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]


def lab_of_linear(rgb: list[float]) -> tuple[float, float, float]:
    red, green, blue = (min(max(c, 0.0), 1.0) for c in rgb)
    xyz = (0.4124564 * red + 0.3575761 * green + 0.1804375 * blue,
           0.2126729 * red + 0.7151522 * green + 0.0721750 * blue,
           0.0193339 * red + 0.1191920 * green + 0.9503041 * blue)

    def f(t: float) -> float:
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    fx, fy, fz = (f(value / white) for value, white in zip(xyz, D65))
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def lab(colour: str, deficiency: str | None = None) -> tuple[float, float, float]:
    rgb = linear_rgb(colour)
    if deficiency:
        rgb = [sum(m * c for m, c in zip(row, rgb)) for row in DEFICIENCIES[deficiency]]
    return lab_of_linear(rgb)


def delta_e(one: str, other: str, deficiency: str | None = None) -> float:
    """CIE76 colour difference: about 2 is just noticeable, above 10 plainly different."""
    return math.dist(lab(one, deficiency), lab(other, deficiency))


def lightness(colour: str) -> float:
    return lab(colour)[0]


def ramp(count: int) -> list[str]:
    return [step_colour(position, count) for position in range(count)]


# --- WCAG contrast -------------------------------------------------------------------------


def test_contrast_matches_known_wcag_ratios():
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21.0)
    assert contrast("#FFFFFF", "#000000") == pytest.approx(21.0)
    assert contrast("#0072B2", "#0072B2") == pytest.approx(1.0)
    assert contrast("#767676", "#FFFFFF") == pytest.approx(4.54, abs=0.01)  # the lightest grey that passes AA
    assert contrast("#777777", "#FFFFFF") == pytest.approx(4.48, abs=0.01)


def test_ink_is_the_charts_near_black_or_white_where_that_is_enough():
    assert ink_on("#FFFFFF") == DARK_INK
    assert ink_on("#EDF8B1") == DARK_INK
    assert ink_on("#000000") == "#FFFFFF"
    assert ink_on(LEVEL_RAMP[-1]) == "#FFFFFF"


def test_ink_on_a_mid_grey_is_pure_black_as_neither_near_black_nor_white_reaches_4_5():
    assert contrast(DARK_INK, "#777777") < 4.5 and contrast("#FFFFFF", "#777777") < 4.5
    assert ink_on("#777777") == "#000000"


def test_ink_reads_on_any_colour():
    for red, green, blue in itertools.product(range(0, 256, 17), repeat=3):
        background = f"#{red:02X}{green:02X}{blue:02X}"
        assert contrast(ink_on(background), background) >= 4.5, background


@pytest.mark.parametrize("count", SCALE_SIZES)
def test_ink_reads_on_every_level_of_every_scale(count):
    for colour in ramp(count):
        assert contrast(ink_on(colour), colour) >= 4.5, (count, colour)


def test_ink_reads_on_every_round_colour():
    for colour in ROUND_COLOURS:  # the round chips on the compare screen
        assert contrast(ink_on(colour), colour) >= 4.5, colour


# --- levels ------------------------------------------------------------------------------


@pytest.mark.parametrize("count", COMMON_SIZES)
def test_neighbouring_levels_of_a_common_scale_differ_clearly(count):
    colours = ramp(count)
    for level, (lower, upper) in enumerate(itertools.pairwise(colours), start=1):
        assert delta_e(lower, upper) >= 25, (count, level, lower, upper)
        assert lightness(lower) - lightness(upper) >= 15, (count, level, lower, upper)


def test_levels_3_and_4_of_five_are_told_apart_by_lightness_alone():
    """They were #6B9CB8 and #36759A: one blue, 15 apart in lightness, 16.5 in ΔE."""
    third, fourth = level_colour(3, range(1, 6)), level_colour(4, range(1, 6))
    assert lightness(third) - lightness(fourth) >= 20
    assert delta_e(third, fourth) >= 30
    assert delta_e("#6B9CB8", "#36759A") < 20  # the old pair, measured the same way


@pytest.mark.parametrize("count", SCALE_SIZES)
def test_levels_darken_step_by_step_on_every_scale(count):
    colours = ramp(count)
    assert len(set(colours)) == count
    for lower, upper in itertools.pairwise(colours):
        assert lightness(lower) - lightness(upper) >= 4, (count, lower, upper)
        assert delta_e(lower, upper) >= 9, (count, lower, upper)


def test_the_ramp_runs_from_its_palest_to_its_darkest_colour():
    for count in SCALE_SIZES:
        assert step_colour(0, count) == LEVEL_RAMP[0]
        assert step_colour(count - 1, count) == LEVEL_RAMP[-1]
    assert ramp(len(LEVEL_RAMP)) == list(LEVEL_RAMP)  # as many levels as classes: the published colours


def test_a_level_off_the_scale_takes_the_nearest_end():
    scale = range(1, 6)
    assert level_colour(0, scale) == level_colour(1, scale) == LEVEL_RAMP[0]
    assert level_colour(9, scale) == level_colour(5, scale) == LEVEL_RAMP[-1]
    assert level_colour(-1, range(11)) == LEVEL_RAMP[0]


def test_the_lowest_level_is_not_white():
    """An empty cell is white: the lowest level must not look like one."""
    assert delta_e(LEVEL_RAMP[0], "#FFFFFF") >= 20


# --- rounds ------------------------------------------------------------------------------


def test_eight_distinct_round_colours():
    assert len(ROUND_COLOURS) == 8
    assert len({colour.upper() for colour in ROUND_COLOURS}) == 8


def test_round_colours_are_far_apart_in_normal_vision():
    for one, other in itertools.combinations(ROUND_COLOURS, 2):
        assert delta_e(one, other) >= 25, (one, other)


@pytest.mark.parametrize("deficiency", sorted(DEFICIENCIES))
def test_round_colours_stay_apart_for_colour_blind_readers(deficiency):
    for one, other in itertools.combinations(ROUND_COLOURS, 2):
        assert delta_e(one, other, deficiency) >= 15, (deficiency, one, other)


def test_no_round_is_black_or_yellow():
    """Black is the target's dotted outline; yellow vanishes on a bright projector."""
    for colour in ROUND_COLOURS:
        assert delta_e(colour, DARK_INK) >= 30, colour
        _, a, b = lab(colour)
        assert not (b > 60 and abs(a) < 15 and lightness(colour) > 80), colour  # Okabe–Ito's #F0E442 is


def test_yellow_would_be_caught():
    _, a, b = lab("#F0E442")
    assert b > 60 and abs(a) < 15 and lightness("#F0E442") > 80
