"""Colours shared by the charts and the screens (no matplotlib, no widgets: cheap to import).

- A round keeps one colour everywhere. The palette is chosen for a projector in a bright hall
  and for colour-blind readers: Okabe–Ito's palette without its yellow (it vanishes on a
  bright projector) and its black (the target is drawn as a black dotted outline), then wine
  and indigo from Paul Tol's "muted" scheme for rounds 6 and 7. Every pair stays at least
  ΔE2000 ≈ 11 apart for protanopes, deuteranopes and tritanopes (Machado 2009 simulation)
  and 22 apart in normal vision (Tol's muted scheme alone: 15). Sky blue, the nearest to
  round 1's blue, comes last: few groups hold eight rounds.
- A level is a step on ColorBrewer's YlGnBu ramp (classes 2–9), pale yellow-green at the
  bottom to deep navy at the top, the same on the ladder, the scoring buttons and the charts.
  Its hue turns as it darkens, so neighbouring levels differ in hue as well as in lightness
  (on 1..5, ΔE2000 ≥ 18 between neighbours; the old single blue ramp reached only 11).
"""

from __future__ import annotations

ROUND_COLOURS = (
    "#0072B2",  # blue (Okabe–Ito)
    "#E69F00",  # orange
    "#009E73",  # bluish green
    "#CC79A7",  # reddish purple
    "#D55E00",  # vermillion
    "#882255",  # wine (Tol muted)
    "#332288",  # indigo (Tol muted)
    "#56B4E9",  # sky blue (Okabe–Ito)
)
# ColorBrewer YlGnBu, its 9 classes without the first (almost white: an empty cell would look
# the same). Steps between them are interpolated, so any scale from 2 to 11 levels spreads over it.
LEVEL_RAMP = ("#EDF8B1", "#C7E9B4", "#7FCDBB", "#41B6C4", "#1D91C0", "#225EA8", "#253494", "#081D58")
DARK_INK = "#111111"  # the charts' ink
LIGHT_INK = "#FFFFFF"
MIN_CONTRAST = 4.5  # WCAG AA for normal text


def _rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i:i + 2], 16) for i in (1, 3, 5))


def step_colour(position: int, count: int) -> str:
    """The colour of the step `position` (0 = bottom) of `count`: darker toward the top."""
    share = position / (count - 1) if count > 1 else 1.0
    where = share * (len(LEVEL_RAMP) - 1)
    below = min(int(where), len(LEVEL_RAMP) - 2)
    low, high = _rgb(LEVEL_RAMP[below]), _rgb(LEVEL_RAMP[below + 1])
    rgb = [round(a + (b - a) * (where - below)) for a, b in zip(low, high)]
    return "#" + "".join(f"{c:02X}" for c in rgb)


def level_colour(level: int, levels: range) -> str:
    """The ramp colour of `level` on the scale `levels` (a level off the scale takes the nearest end)."""
    position = min(max(level - levels.start, 0), len(levels) - 1)
    return step_colour(position, len(levels))


def luminance(colour: str) -> float:
    """WCAG 2 relative luminance of #RRGGBB: 0 for black, 1 for white."""
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in (v / 255 for v in _rgb(colour))]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(one: str, other: str) -> float:
    """WCAG 2 contrast ratio of two #RRGGBB colours, from 1 (the same) to 21 (black on white)."""
    light, dark = sorted((luminance(one), luminance(other)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def ink_on(background: str) -> str:
    """Dark or white text, whichever contrasts more with `background` (#RRGGBB).

    In a narrow band of mid tones neither the charts' near-black nor white reaches 4.5:1;
    pure black always does there.
    """
    ink = max((DARK_INK, LIGHT_INK), key=lambda colour: contrast(colour, background))
    return ink if contrast(ink, background) >= MIN_CONTRAST else "#000000"
