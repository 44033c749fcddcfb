"""Charts for the projector and for paper (matplotlib, no widgets, no pyplot state).

Each chart function takes a workbook and ChartOptions and returns a Figure. The same
round has the same colour in every chart (round_colours); Thai text is set in the bundled
Noto Sans Thai; an empty chart says why ("no scores yet") instead of drawing zeros.
"""

from __future__ import annotations

from .common import (
    MAX_OVERLAID_ROUNDS,
    ROUND_COLOURS,
    THAI_FONT,
    THEMES,
    VALUES,
    ChartOptions,
    Theme,
    default_rounds,
    figure_png,
    figure_svg,
    plain,
    round_colours,
    round_looks,
    use_thai_font,
)
from .consensus import consensus_chart

__all__ = [
    "MAX_OVERLAID_ROUNDS", "ROUND_COLOURS", "THAI_FONT", "THEMES", "VALUES", "ChartOptions", "Theme",
    "consensus_chart", "default_rounds", "figure_png", "figure_svg", "plain", "round_colours", "round_looks",
    "use_thai_font",
]
