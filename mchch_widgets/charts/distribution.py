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
from matplotlib.figure import Figure

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
    message_figure,
    new_figure,
    notes,
    nothing_to_draw,
    plain,
    round_looks,
    scale_notes,
    text_inches,
    title,
)
from .heatmap import (
    EMPTY_EDGE,
    EMPTY_INK,
    SMALLEST,
    KeyEntry,
    Layout,
    boxes,
    boxes_by_colour,
    chart_axes,
    chip_points,
    draw_key,
    ems,
    label_rows,
    level_entries,
    round_headers,
    symbols,
)
from .text_group import TextGroup

BAR_HEIGHT = 0.56  # of a row: room above for the pointer, below for air between rows
SHORTEST = 0.4  # of a column: the shortest a bar may be
CHIP_EMS = 0.3  # the width of the round's chip before each bar, in ems of the base size
ROW_EMS = 2.2  # the lowest a row may be, in label sizes: a bar tall enough for its numbers, a pointer above
END_SPACING = 0.95  # the two lines after a bar: how many rated, how many skipped
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
    heading = (t("chart_distribution_title", options.lang), t("chart_distribution_subtitle", options.lang))
    stop = nothing_to_draw(workbook, shown, options)
    if stop:
        return message_figure(options, *heading, stop)
    footnotes = scale_notes(workbook, shown, options) + left_out_note(left_out, options)
    axis = level_axis(workbook, shown)
    least_row = options.style.label_size * ROW_EMS
    # over the first row: the chips, and what the first bars' pointers need beyond the row's air
    above = chip_points(options) + max(0.0, pointer_size(options) * 0.9 - (0.5 - BAR_HEIGHT / 2) * least_row)
    sizes = Layout.of(workbook, options, indicators, shown, heading=heading, footnotes=footnotes,
                      key=_key(axis, options), extra_columns=0, share=0.7, widest=18, above_points=above,
                      least_row=least_row)
    figure = new_figure(options, height=sizes.height)
    title(figure, heading[0], options, heading[1])
    axes = chart_axes(figure, sizes)
    axes.set_xlim(0, len(shown))
    axes.set_ylim(len(indicators) - 0.5, -0.5 - sizes.above_rows)
    bars = Bars.of(workbook, options, indicators, shown)
    ends = end_labels(bars, sizes, options)
    track = Track.of(sizes, options, widest_end(ends))
    _draw_bars(axes, bars, axis, track, sizes, options)
    _draw_empty(axes, bars, track, sizes, options)
    _draw_pointers(axes, bars, track, sizes, options)
    _draw_ends(axes, ends, track)
    _draw_chips(axes, workbook, shown, indicators, track)
    label_rows(axes, sizes, options)
    chip_rows = chip_points(options) / sizes.row_points
    round_headers(axes, workbook, shown, sizes, options, chip_y=-0.5 - sizes.above_rows + chip_rows / 2)
    draw_key(axes, sizes, options)
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
    table = scoring.consensus_by_round(workbook)
    agreed = dict(zip(zip(table["indicator_id"], table["round_id"]),
                      table["consensus"].to_numpy(dtype=float, na_value=np.nan)))
    return np.array([[agreed.get((i.indicator_id, r.round_id), np.nan) for r in shown] for i in indicators],
                    dtype=float).reshape(len(indicators), len(shown))


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
        return cls(chip / column, start, max(SHORTEST, 1 - start - gap - (end_points + chip) / column), gap)


def widest_end(ends: dict[tuple[int, int], tuple[str, float]]) -> float:
    """The widest of the counts after the bars, in points."""
    return max((text_inches(plain(text), size, END_SPACING)[0] * 72 for text, size in set(ends.values())), default=0.0)


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
    ramp = [level_colour(level, axis) for level in bars.levels]
    inks = {colour: ink_on(colour) for colour in ramp}
    colours = [ramp[k] for _, _, k, _, _ in parts]
    axes.add_collection(boxes_by_colour(
        [left for _, _, _, left, _ in parts], [y - BAR_HEIGHT / 2 for y, _, _, _, _ in parts],
        [width for _, _, _, _, width in parts], BAR_HEIGHT, colours, edgecolor="white", linewidth=1.0,
        gid="segments"), autolim=False)
    size = text_size(sizes, options)
    points, texts, colours_of_texts, keys = [], [], [], []
    for (y, x, k, left, width), colour in zip(parts, colours):
        text = options.number(int(bars.counts[y, x, k]))
        if width * sizes.column_points >= ems(text) * size + 5:  # the number fits inside the part
            points.append((left + width / 2, y))
            texts.append(text)
            colours_of_texts.append(inks[colour])
            keys.append((y, x, bars.levels[k]))
    axes.add_artist(TextGroup(points, texts, size, colours_of_texts, keys=keys, gid="counts"))


def _draw_empty(axes: Axes, bars: Bars, track: Track, sizes: Layout, options: ChartOptions) -> None:
    """A dashed outline where nobody gave a level, saying so: "no ratings yet" or "all skipped (2)"."""
    ys, xs = np.nonzero(~bars.rated)
    axes.add_collection(boxes(xs + track.start, ys - BAR_HEIGHT / 2, track.length, BAR_HEIGHT, facecolor="white",
                              edgecolor=EMPTY_EDGE, linewidth=1.2, linestyle=(0, (4, 3)), gid="empty_bars"),
                        autolim=False)
    texts = []
    for y, x in zip(ys, xs):
        skipped = int(bars.skipped[y, x])
        texts.append(t("chart_distribution_all_skipped", options.lang, count=options.number(skipped)) if skipped
                     else t("chart_distribution_none", options.lang))
    axes.add_artist(TextGroup([(x + track.start + track.length / 2, y) for y, x in zip(ys, xs)], texts,
                              text_size(sizes, options), EMPTY_INK, keys=list(zip(ys, xs)), gid="empty_texts"))


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
    """A black pointer just above each bar at the agreed level (or the median), all in one path."""
    style = options.style
    points = [(pointer_x(bars, y, x, track), y) for (y, x) in np.ndindex(bars.mark.shape)]
    points = [(px, y) for px, y in points if px is not None]
    if not points:
        return
    size = pointer_size(options)
    lift = BAR_HEIGHT / 2 + size * 0.42 / sizes.row_points  # its tip on the bar's top edge
    axes.add_collection(symbols([px for px, _ in points], [y - lift for _, y in points], POINTER, size, sizes,
                                [style.ink] * len(points), edgecolor="white", linewidth=1.2, zorder=5,
                                clip_on=False, gid="pointers"), autolim=False)


def pointer_size(options: ChartOptions) -> float:
    """The pointer's height in points (a row is at least ROW_EMS label sizes: room for it above a bar)."""
    return options.style.base_size * 0.8


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
    """How many rated each bar (and skipped), after its end: one group per size."""
    for size in sorted({size for _, size in labels.values()}):
        mine = {key: text for key, (text, found) in labels.items() if found == size}
        axes.add_artist(TextGroup([(x + track.start + track.length + track.gap, y) for y, x in mine],
                                  list(mine.values()), size, "#333333", keys=list(mine), ha="left",
                                  linespacing=END_SPACING, gid=f"ends:{size:g}"))


def _draw_chips(axes: Axes, workbook: Workbook, shown: list[Round], indicators: list[Indicator],
                track: Track) -> None:
    """The round's colour at the start of each bar, so a bar is recognisable far from its header."""
    looks = round_looks(workbook)
    ys, xs = np.divmod(np.arange(len(indicators) * len(shown)), len(shown))
    colours = [looks[r.round_id].colour for _ in indicators for r in shown]
    axes.add_collection(boxes_by_colour(xs + track.start - 2 * track.chip, ys - BAR_HEIGHT / 2, track.chip,
                                        BAR_HEIGHT, colours, edgecolor="none", gid="bar_chips"), autolim=False)


def _key(axis: range, options: ChartOptions) -> list[KeyEntry]:
    style = options.style
    return [*level_entries(axis, options),
            KeyEntry(t(f"chart_distribution_mark_{options.value}", options.lang), marker=POINTER,
                     marker_size=pointer_size(options), marker_face=style.ink, marker_edge="white", marker_width=1.0),
            KeyEntry(t("chart_distribution_none", options.lang), face="white", edge=EMPTY_EDGE, dashed=True)]
