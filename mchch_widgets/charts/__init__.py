"""Charts for the projector and for paper (matplotlib, no widgets, no pyplot state).

Each chart function takes a workbook and ChartOptions and returns a Figure. The same
round has the same colour in every chart (round_colours); Thai text is set in the bundled
Noto Sans Thai; an empty chart says why ("no scores yet") instead of drawing zeros.
"""

from __future__ import annotations

from collections.abc import Callable

from matplotlib.figure import Figure

from ..model import Workbook
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
    screen_svg,
    use_thai_font,
)
from .consensus import consensus_chart
from .distribution import distribution_chart
from .external import external_chart, external_pair
from .gap import gap_chart, gap_round
from .heatmap import heatmap_chart
from .progress import progress_chart
from .radar import radar_chart

CHARTS: dict[str, Callable[[Workbook, ChartOptions], Figure]] = {  # the compare screen's order
    "radar": radar_chart,
    "progress": progress_chart,
    "heatmap": heatmap_chart,
    "distribution": distribution_chart,
    "external": external_chart,
    "gap": gap_chart,
}
CHART_KINDS = tuple(CHARTS)


def draw(workbook: Workbook, kind: str, options: ChartOptions) -> Figure:
    """The chart of `kind` for the workbook and the options chosen."""
    if kind not in CHARTS:
        raise ValueError(f"kind must be one of {CHART_KINDS}, not {kind!r}")
    return CHARTS[kind](workbook, options)

__all__ = [
    "CHARTS",
    "CHART_KINDS",
    "MAX_OVERLAID_ROUNDS",
    "ROUND_COLOURS",
    "THAI_FONT",
    "THEMES",
    "VALUES",
    "ChartOptions",
    "Theme",
    "consensus_chart",
    "default_rounds",
    "draw",
    "external_pair",
    "figure_png",
    "figure_svg",
    "gap_round",
    "plain",
    "round_colours",
    "round_looks",
    "screen_svg",
    "use_thai_font",
]
