"""Colours shared by the charts and the screens (no matplotlib, no widgets: cheap to import).

- A round keeps one colour everywhere: Okabe–Ito, safe for colour-blind readers, without
  its yellow, which vanishes on a bright projector.
- A level is a step on one blue ramp, pale at the bottom and deep at the top, the same on
  the ladder, the scoring buttons and the charts.
"""

from __future__ import annotations

ROUND_COLOURS = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#D55E00", "#56B4E9", "#000000")
LOW_COLOUR = (0xD6, 0xE8, 0xF5)  # the bottom step: pale blue
HIGH_COLOUR = (0x00, 0x4F, 0x7C)  # the top step: deep blue (the app's #0072B2, darker)


def step_colour(position: int, count: int) -> str:
    """The colour of the step `position` (0 = bottom) of `count`: darker toward the top."""
    share = position / (count - 1) if count > 1 else 1.0
    rgb = [round(low + (high - low) * share) for low, high in zip(LOW_COLOUR, HIGH_COLOUR)]
    return "#" + "".join(f"{c:02X}" for c in rgb)


def level_colour(level: int, levels: range) -> str:
    """The ramp colour of `level` on the scale `levels` (a level off the scale takes the nearest end)."""
    position = min(max(level - levels.start, 0), len(levels) - 1)
    return step_colour(position, len(levels))


def ink_on(background: str) -> str:
    """Black or white text, whichever reads better on `background` (#RRGGBB)."""
    red, green, blue = (int(background[i:i + 2], 16) for i in (1, 3, 5))
    return "#111111" if 0.299 * red + 0.587 * green + 0.114 * blue > 150 else "#FFFFFF"
