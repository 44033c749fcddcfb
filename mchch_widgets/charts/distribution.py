"""The distribution chart: how the individual scores of each indicator spread over the levels.

How to read it: one row per indicator, one column per round (oldest on the left, the
latest six when more were chosen). Each bar is everyone who rated that indicator in that
round (100%), split into the levels they gave, pale (low) to deep (high) from left to
right, with the number of people written in each part wide enough to hold it. One colour
filling most of a bar means the group agrees; many colours mean it does not. The black
pointer shows the level the group agreed on (or the median of the scores); the bar's end
says how many rated and how many skipped. A bar nobody rated is an empty dashed outline
that says so — never a bar of zero length.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.collections import PatchCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle

from .. import scoring
from ..colours import ink_on, level_colour
from ..model import Indicator, Round, Workbook
from ..text import t
from .common import (
    MAX_OVERLAID_ROUNDS,
    ChartOptions,
    chosen_rounds,
    left_out_note,
    level_axis,
    message,
    new_figure,
    notes,
    nothing_to_draw,
    round_looks,
    scale_notes,
    title,
)
from .heatmap import (
    CHIP_ROOM,
    EMPTY_EDGE,
    EMPTY_INK,
    SMALLEST,
    Layout,
    chart_axes,
    ems,
    label_rows,
    level_handles,
    put_legend,
    round_headers,
)

BAR_HEIGHT = 0.56  # of a row: room above for the pointer, below for air between rows
CHIP_EMS = 0.3  # the width of the round's chip before each bar, in ems of the base size
ROW_EMS = 2.3  # the lowest a row may be, in label sizes: a bar tall enough for its numbers, a pointer above
POINTER = "v"  # a black pointer over the agreed level (Noto Sans Thai has no ▼ glyph: a marker)


def distribution_chart(workbook: Workbook, options: ChartOptions = ChartOptions()) -> Figure:
    """Individual scores per indicator and round as 100% bars of the share of raters per level.

    The bars always show the individual ratings; options.value only chooses what the
    pointer marks: the agreed level (consensus) or the median of the ratings. Up to six
    rounds are shown (the latest chosen; a footnote names the others): more would make
    the bars too short to read, and a group compares a few rounds at a time.
    """
    indicators = workbook.selected_indicators()
    shown, left_out = chosen_rounds(workbook, options, limit=MAX_OVERLAID_ROUNDS)
    footnotes = scale_notes(workbook, shown, options) + left_out_note(left_out, options)
    sizes = Layout.of(workbook, options, indicators, shown, extra_columns=0, share=0.7, widest=18,
                      footnotes=len(footnotes), least_row=options.style.label_size * ROW_EMS)
    figure = new_figure(options, height=sizes.height)
    title(figure, t("chart_distribution_title", options.lang), options,
          subtitle=t("chart_distribution_subtitle", options.lang))
    stop = nothing_to_draw(workbook, shown, options)
    if stop:
        message(figure.add_subplot(), stop, options)
        return figure
    axes, key = chart_axes(figure, sizes, options)
    bars = Bars.of(workbook, options, indicators, shown)
    axis = level_axis(workbook, shown)
    ends = end_labels(bars, sizes, options)
    widest_end = max((ems(line) * size for text, size in ends.values() for line in text.split("\n")), default=0)
    track = Track.of(sizes, options, widest_end)
    _draw_bars(axes, bars, axis, track, sizes, options)
    _draw_empty(axes, bars, track, sizes, options)
    _draw_pointers(axes, bars, track, sizes, options)
    _draw_ends(axes, ends, track)
    _draw_chips(axes, workbook, shown, indicators, track)
    label_rows(axes, indicators, sizes, options)
    top = pointer_top(sizes, options)  # the first row's pointers reach up to here
    round_headers(axes, workbook, shown, sizes, options, chip_y=top - CHIP_ROOM / 2)
    axes.set_xlim(0, len(shown))
    axes.set_ylim(len(indicators) - 0.5, top - CHIP_ROOM)
    _legend(key, axis, options)
    if not bars.rated.any():
        message(axes.inset_axes((0, 0, 1, 1)), t("chart_no_levels_median", options.lang), options)
    notes(figure, footnotes, options)
    return figure


# --- the counts --------------------------------------------------------------------------


@dataclass(frozen=True)
class Bars:
    """Per indicator (row) × shown round (column): raters per level, skips and the marked level."""

    counts: np.ndarray  # rows × columns × levels
    skipped: np.ndarray  # rows × columns
    mark: np.ndarray  # rows × columns: the consensus (or median) level, NaN when none
    levels: list[int]  # the level of each entry of the last axis of `counts`

    @property
    def total(self) -> np.ndarray:
        return self.counts.sum(axis=2)

    @property
    def rated(self) -> np.ndarray:
        return self.total > 0

    @classmethod
    def of(cls, workbook: Workbook, options: ChartOptions, indicators: list[Indicator], shown: list[Round]) -> Bars:
        given = scoring.distribution(workbook)
        scale = [c for c in given.columns if c != "skipped"]
        grid = pd.MultiIndex.from_product([[r.round_id for r in shown], [i.indicator_id for i in indicators]])
        given = given.reindex(grid, fill_value=0)  # rounds × indicators, in the chart's order
        counts = given[scale].to_numpy().reshape(len(shown), len(indicators), len(scale)).transpose(1, 0, 2)
        skipped = given["skipped"].to_numpy().reshape(len(shown), len(indicators)).T
        levels = [int(level) for level in scale]
        if options.value == "median":  # of the very ratings the bar shows
            mark = np.array([[_median(counts[y, x], levels) for x in range(len(shown))]
                             for y in range(len(indicators))]).reshape(len(indicators), len(shown))
        else:
            mark = _consensus(workbook, indicators, shown)
        return cls(counts, skipped, mark, levels)


def _median(counts: np.ndarray, levels: list[int]) -> float:
    """The median of the ratings counted per level (3.5 between two), NaN when nobody rated."""
    return float(np.median(np.repeat(levels, counts))) if counts.sum() else np.nan


def _consensus(workbook: Workbook, indicators: list[Indicator], shown: list[Round]) -> np.ndarray:
    """The agreed level per indicator × round: NaN when not agreed yet, or agreed "not applicable"."""
    agreed = scoring.consensus_by_round(workbook).set_index(["indicator_id", "round_id"])["consensus"]
    grid = pd.MultiIndex.from_product([[i.indicator_id for i in indicators], [r.round_id for r in shown]])
    values = agreed.reindex(grid).astype("float64").to_numpy()
    return values.reshape(len(indicators), len(shown))


# --- drawing -----------------------------------------------------------------------------


@dataclass(frozen=True)
class Track:
    """Where a bar lies in its column (the column is 1 wide): the round's chip, the bar, then its counts."""

    chip: float  # the chip's width
    start: float  # where the bar starts
    length: float  # the bar's length: 100% of the raters
    gap: float  # between the bar's end and its counts

    @classmethod
    def of(cls, sizes: Layout, options: ChartOptions, end_points: float) -> Track:
        """Room after the bar for its widest count (`end_points` wide: "11 คน", "ข้าม 2"); the bar gets the rest."""
        column = max(sizes.column_points, 1)
        chip = options.style.base_size * CHIP_EMS
        start, gap = (chip * 2 + 2) / column, chip / column
        return cls(chip / column, start, max(0.4, 1 - start - gap - (end_points + chip) / column), gap)


def text_size(sizes: Layout, options: ChartOptions) -> float:
    """Numbers in the bars: the label size when the bar is tall enough, never below the smallest."""
    style = options.style
    return max(style.label_size * SMALLEST, min(style.label_size, sizes.row_points * BAR_HEIGHT * 0.75))


def segments(bars: Bars, track: Track) -> list[tuple[int, int, int, float, float]]:
    """(row, column, level index, left, width) of every non-empty part, left to right in level order."""
    parts = []
    for (y, x), total in np.ndenumerate(bars.total):
        if total == 0:
            continue
        shares = bars.counts[y, x] / total
        lefts = x + track.start + track.length * np.concatenate(([0.0], np.cumsum(shares)[:-1]))
        parts += [(y, x, k, lefts[k], track.length * shares[k]) for k in np.nonzero(bars.counts[y, x])[0]]
    return parts


def _draw_bars(axes: Axes, bars: Bars, axis: range, track: Track, sizes: Layout, options: ChartOptions) -> None:
    """Every part of every bar in one collection, then the count in each part wide enough for it."""
    parts = segments(bars, track)
    colours = [level_colour(bars.levels[k], axis) for _, _, k, _, _ in parts]
    rectangles = [Rectangle((left, y - BAR_HEIGHT / 2), width, BAR_HEIGHT) for y, _, _, left, width in parts]
    axes.add_collection(PatchCollection(rectangles, facecolors=colours, edgecolor="white", linewidth=1.0,
                                        gid="segments"))
    size = text_size(sizes, options)
    for (y, x, k, left, width), colour in zip(parts, colours):
        text = options.number(int(bars.counts[y, x, k]))
        if width * sizes.column_points >= ems(text) * size + 5:  # the number fits inside the part
            axes.text(left + width / 2, y, text, ha="center", va="center", fontsize=size,
                      color=ink_on(colour), gid=f"count:{y}:{x}:{bars.levels[k]}", in_layout=False)


def _draw_empty(axes: Axes, bars: Bars, track: Track, sizes: Layout, options: ChartOptions) -> None:
    """A dashed outline where nobody gave a level, saying so: "no ratings yet" or "all skipped (2)"."""
    ys, xs = np.nonzero(~bars.rated)
    outlines = [Rectangle((x + track.start, y - BAR_HEIGHT / 2), track.length, BAR_HEIGHT)
                for y, x in zip(ys, xs)]
    axes.add_collection(PatchCollection(outlines, facecolor="white", edgecolor=EMPTY_EDGE, linewidth=1.2,
                                        linestyle=(0, (4, 3)), gid="empty_bars"))
    size = text_size(sizes, options)
    for y, x in zip(ys, xs):
        skipped = int(bars.skipped[y, x])
        text = (t("chart_distribution_all_skipped", options.lang, count=options.number(skipped)) if skipped
                else t("chart_distribution_none", options.lang))
        axes.text(x + track.start + track.length / 2, y, text, ha="center", va="center", fontsize=size,
                  color=EMPTY_INK, gid=f"empty:{y}:{x}", in_layout=False)


def pointer_x(bars: Bars, y: int, x: int, track: Track) -> float | None:
    """Where the marked level sits on its bar: the middle of its part (a median 3.5: between 3 and 4)."""
    level = bars.mark[y, x]
    total = bars.total[y, x]
    if np.isnan(level) or total == 0:
        return None
    shares = bars.counts[y, x] / total
    levels = np.array(bars.levels)
    below = shares[levels < level].sum()
    at = shares[levels == level].sum()  # 0 for a median between two levels, or a level nobody gave
    return x + track.start + track.length * (below + at / 2)


def _draw_pointers(axes: Axes, bars: Bars, track: Track, sizes: Layout, options: ChartOptions) -> None:
    """A black pointer just above each bar at the agreed level (or the median), in one scatter."""
    style = options.style
    points = [(pointer_x(bars, y, x, track), y) for (y, x) in np.ndindex(bars.mark.shape)]
    points = [(px, y) for px, y in points if px is not None]
    if not points:
        return
    size = pointer_size(options)
    lift = BAR_HEIGHT / 2 + size * 0.42 / sizes.row_points  # its tip on the bar's top edge
    axes.scatter([px for px, _ in points], [y - lift for _, y in points], marker=POINTER, s=size ** 2,
                 c=style.ink, edgecolors="white", linewidths=1.2, zorder=5, clip_on=False, gid="pointers")


def pointer_size(options: ChartOptions) -> float:
    """The pointer's height in points (a row is at least ROW_EMS label sizes: room for it above a bar)."""
    return options.style.base_size * 0.8


def pointer_top(sizes: Layout, options: ChartOptions) -> float:
    """How high above the first row's centre its pointers reach (rows; negative is up)."""
    return -(BAR_HEIGHT / 2 + pointer_size(options) * 0.9 / sizes.row_points)


def end_labels(bars: Bars, sizes: Layout, options: ChartOptions) -> dict[tuple[int, int], tuple[str, float]]:
    """(row, column) -> ('11 คน', size), with 'ข้าม 2' on a second line when some skipped."""
    style = options.style
    labels = {}
    for (y, x), total in np.ndenumerate(bars.total):
        if total == 0:
            continue
        text = t("chart_distribution_raters", options.lang, count=options.number(int(total)))
        size = min(style.label_size, sizes.row_points * 0.45)
        if bars.skipped[y, x]:  # two lines in the row: the smallest size that still reads from afar
            skipped = options.number(int(bars.skipped[y, x]))
            text += "\n" + t("chart_distribution_skipped", options.lang, count=skipped)
            size = style.label_size * SMALLEST
        labels[y, x] = text, size
    return labels


def _draw_ends(axes: Axes, labels: dict[tuple[int, int], tuple[str, float]], track: Track) -> None:
    """How many rated each bar (and skipped), after its end."""
    for (y, x), (text, size) in labels.items():
        axes.text(x + track.start + track.length + track.gap, y, text, ha="left", va="center", fontsize=size,
                  color="#333333", linespacing=0.95, gid=f"end:{y}:{x}", in_layout=False)


def _draw_chips(axes: Axes, workbook: Workbook, shown: list[Round], indicators: list[Indicator],
                track: Track) -> None:
    """The round's colour at the start of each bar, so a bar is recognisable far from its header."""
    looks = round_looks(workbook)
    chips = [Rectangle((x + track.start - 2 * track.chip, y - BAR_HEIGHT / 2), track.chip, BAR_HEIGHT)
             for y in range(len(indicators)) for x in range(len(shown))]
    colours = [looks[r.round_id].colour for _ in indicators for r in shown]
    axes.add_collection(PatchCollection(chips, facecolors=colours, edgecolor="none", gid="bar_chips"))


def _legend(key: Axes, axis: range, options: ChartOptions) -> None:
    style = options.style
    pointer = Line2D([], [], marker=POINTER, linestyle="", markersize=style.base_size * 0.8, color=style.ink,
                     markeredgecolor="white")
    empty = Patch(facecolor="white", edgecolor=EMPTY_EDGE, linestyle=(0, (3, 2)))
    handles = [*level_handles(axis, options), pointer, empty]
    labels = [h.get_label() for h in handles[:-2]]
    labels += [t(f"chart_distribution_mark_{options.value}", options.lang),
               t("chart_distribution_none", options.lang)]
    put_legend(key, handles, labels, options)
