"""The heatmap: every indicator's level in every chosen round, written in its cell, beside the target.

How to read it: one row per indicator, one column per round (oldest on the left), the
target in its own grey column on the right. A cell's number is the level (the consensus,
or the median of the individual scores); the darker the blue, the higher. A cell with a
thick frame and a tick reached the indicator's target. An empty cell is white with a
dashed outline: "–" nothing yet, or "not applicable" — never a coloured 0.

The layout helpers at the end (column headers with the rounds' chips, row sizes) are
shared with the distribution chart, which has the same rows and columns.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection, PatchCollection
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.legend_handler import HandlerTuple
from matplotlib.lines import Line2D
from matplotlib.patches import Patch, Rectangle
from matplotlib.path import Path
from matplotlib.transforms import blended_transform_factory

from ..colours import ink_on, level_colour
from ..model import Indicator, Round, Workbook
from ..text import t
from ..thai import format_date, wrap
from .common import (
    NOT_APPLICABLE,
    SCORED,
    ChartOptions,
    chosen_rounds,
    indicator_label,
    level_axis,
    levels,
    message,
    new_figure,
    notes,
    nothing_to_draw,
    other_scales,
    plain,
    round_looks,
    scale_notes,
    title,
)

TARGET_GAP = 0.3  # the target column stands apart from the rounds by this much of a cell
CHIP_ROOM = 0.34  # room above the first row for the rounds' colour chips, in rows
TARGET_FACE = "#E6E6E6"  # the target column: grey, a yardstick rather than a measurement
EMPTY_EDGE = "#8C8C8C"  # the dashed outline of an empty cell
EMPTY_INK = "#555555"
TALL = 15  # with more rows than this the round names are repeated under the last row
SMALLEST = 0.86  # of the label size: the least any text gets (12 points on the projector)
LEGEND_LINES = 1.6  # the legend's row under the chart, in lines of label text
# A tick mark drawn as a path: Noto Sans Thai has no ✓ glyph, and a second font would break the font check.
TICK = Path([(-0.5, 0.05), (-0.12, -0.4), (0.55, 0.5)], [Path.MOVETO, Path.LINETO, Path.LINETO])


def heatmap_chart(workbook: Workbook, options: ChartOptions = ChartOptions()) -> Figure:
    """Indicators × chosen rounds: each cell coloured on the level ramp with its level written in it.

    Rows follow the workbook's order of indicators, columns the rounds by date, each headed
    by the round's name, date and colour chip (as in every chart). The grey last column is
    the target; a frame and a tick mark the cells that reached it. A round scored on another
    scale says so in its header and in a footnote, and its cells are not marked as reaching
    the target (its levels do not compare).
    """
    indicators = workbook.selected_indicators()
    shown, _ = chosen_rounds(workbook, options)
    footnotes = scale_notes(workbook, shown, options)
    sizes = Layout.of(workbook, options, indicators, shown, extra_columns=1 + TARGET_GAP, share=0.6, widest=7,
                      footnotes=len(footnotes))
    figure = new_figure(options, height=sizes.height)
    title(figure, t("chart_heatmap_title", options.lang), options,
          subtitle=t("chart_heatmap_subtitle", options.lang, value=t(f"chart_value_{options.value}", options.lang)))
    stop = nothing_to_draw(workbook, shown, options)
    if stop:
        message(figure.add_subplot(), stop, options)
        return figure
    axes, key = chart_axes(figure, sizes, options)
    cells = Cells.of(levels(workbook, options, shown), indicators, shown)
    axis = level_axis(workbook, shown)
    colours = cell_colours(cells, axis)
    others = {r.round_id for r, _ in other_scales(workbook, shown)}
    comparable = np.array([r.round_id not in others for r in shown], dtype=bool)
    _draw_cells(axes, cells, colours, sizes, options)
    _draw_targets(axes, indicators, len(shown), sizes, options)
    _draw_reached(axes, cells, colours, comparable, options)
    label_rows(axes, indicators, sizes, options)
    round_headers(axes, workbook, shown, sizes, options, chip_y=-0.5 - CHIP_ROOM / 2,
                  extra=[(len(shown) + TARGET_GAP + 0.5, t("chart_target", options.lang))])
    axes.set_xlim(0, len(shown) + TARGET_GAP + 1)
    axes.set_ylim(len(indicators) - 0.5, -0.5 - CHIP_ROOM)
    _legend(key, axis, options)
    if not (cells.state == SCORED).any():
        message(axes.inset_axes((0, 0, 1, 1)), t(f"chart_no_levels_{options.value}", options.lang), options)
    notes(figure, footnotes, options)
    return figure


# --- cells -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cells:
    """The shown levels as indicator × round grids (rows in workbook order, columns by date)."""

    level: np.ndarray  # float, NaN where empty
    state: np.ndarray  # 'scored' / 'not_applicable' / 'not_yet'
    target: np.ndarray  # per row, NaN when the indicator has none

    @classmethod
    def of(cls, table: pd.DataFrame, indicators: list[Indicator], shown: list[Round]) -> Cells:
        rows = {i.indicator_id: n for n, i in enumerate(indicators)}
        columns = {r.round_id: n for n, r in enumerate(shown)}
        level = np.full((len(indicators), len(shown)), np.nan)
        state = np.full((len(indicators), len(shown)), "not_yet", dtype=object)
        for row in table.itertuples():
            y, x = rows[row.indicator_id], columns[row.round_id]
            level[y, x] = np.nan if pd.isna(row.level) else float(row.level)
            state[y, x] = row.state
        target = np.array([np.nan if i.target is None else float(i.target) for i in indicators])
        return cls(level, state, target)


def cell_colours(cells: Cells, axis: range) -> np.ndarray:
    """'#RRGGBB' per cell: the level's step on the app's ramp (a median 3.5 between two), white when empty."""
    colours = np.full(cells.level.shape, "#FFFFFF", dtype=object)
    scored = cells.state == SCORED
    colours[scored] = [level_colour(level, axis) for level in cells.level[scored]]
    return colours


def shown_level(level: float) -> float | int:
    """3.0 is written '3'; a median of 3.5 stays '3.5'."""
    return int(level) if float(level).is_integer() else float(level)


def _draw_cells(axes: Axes, cells: Cells, colours: np.ndarray, sizes: Layout, options: ChartOptions) -> None:
    """One mesh for every cell (rounds, a blank gap, the target), then the words written on them."""
    style = options.style
    rows, columns = cells.level.shape
    faces = np.ones((rows, columns + 2, 3))
    if colours.size:
        faces[:, :columns] = np.array([[to_rgb(c) for c in row] for row in colours])
    faces[:, columns + 1] = to_rgb(TARGET_FACE)
    x_edges = np.array([*range(columns + 1), columns + TARGET_GAP, columns + TARGET_GAP + 1])
    axes.pcolormesh(x_edges, np.arange(rows + 1) - 0.5, faces, edgecolors="white", linewidth=style.line_width,
                    gid="cells")
    empty = [Rectangle((x + 0.05, y - 0.4), 0.9, 0.8) for y, x in zip(*np.nonzero(cells.state != SCORED))]
    axes.add_collection(PatchCollection(empty, facecolor="none", edgecolor=EMPTY_EDGE, linewidth=1.2,
                                        linestyle=(0, (4, 3)), gid="empty_cells"))
    number, words = sizes.number_size(options), sizes.word_size(options)
    width = max(6, int(sizes.column_points * 0.85 / (words * 0.55)))  # "not applicable" may take two lines
    for (y, x), state in np.ndenumerate(cells.state):
        if state == SCORED:
            text, size, colour = options.number(shown_level(cells.level[y, x])), number, ink_on(colours[y, x])
        elif state == NOT_APPLICABLE:
            text, size, colour = wrap(t("chart_not_applicable", options.lang), width, max_lines=2), words, EMPTY_INK
        else:
            text, size, colour = "–", number, EMPTY_INK
        # in_layout=False: inside the axes anyway, and the layout need not measure a hundred texts
        axes.text(x + 0.5, y, text, ha="center", va="center", fontsize=size, color=colour, linespacing=1.0,
                  gid=f"cell:{y}:{x}", in_layout=False)


def _draw_targets(axes: Axes, indicators: list[Indicator], columns: int, sizes: Layout,
                  options: ChartOptions) -> None:
    """The target of each indicator in the grey column; '–' where the group set none."""
    x = columns + TARGET_GAP + 0.5
    for y, indicator in enumerate(indicators):
        text = "–" if indicator.target is None else options.number(indicator.target)
        axes.text(x, y, text, ha="center", va="center", fontsize=sizes.number_size(options),
                  color=options.style.ink, gid=f"target:{y}", in_layout=False)


def _draw_reached(axes: Axes, cells: Cells, colours: np.ndarray, comparable: np.ndarray,
                  options: ChartOptions) -> None:
    """A thick frame and a tick on every cell at or above its target: not colour alone."""
    style = options.style
    ys, xs = np.nonzero(reached(cells, comparable))
    frames = [Rectangle((x + 0.04, y - 0.44), 0.92, 0.88) for y, x in zip(ys, xs)]
    axes.add_collection(PatchCollection(frames, facecolor="none", edgecolor=style.ink,
                                        linewidth=style.line_width, gid="reached_frames", zorder=3))
    if len(xs):
        axes.scatter(xs + 0.84, ys - 0.2, marker=TICK, s=(style.base_size * 0.85) ** 2, facecolors="none",
                     edgecolors=[ink_on(colours[y, x]) for y, x in zip(ys, xs)],
                     linewidths=style.line_width * 0.8, zorder=4, gid="reached_ticks")


def reached(cells: Cells, comparable: np.ndarray) -> np.ndarray:
    """Cells at or above their indicator's target, in rounds scored on today's scale (targets are on it)."""
    if not cells.level.size:
        return np.zeros(cells.level.shape, dtype=bool)
    with np.errstate(invalid="ignore"):
        return (cells.state == SCORED) & (cells.level >= cells.target[:, None]) & comparable[None, :]


def _legend(key: Axes, axis: range, options: ChartOptions) -> None:
    style = options.style
    frame = Patch(facecolor="none", edgecolor=style.ink, linewidth=style.line_width * 0.7)
    tick = Line2D([], [], marker=TICK, linestyle="", markersize=style.base_size * 0.7, markerfacecolor="none",
                  markeredgecolor=style.ink, markeredgewidth=style.line_width * 0.6)
    empty = Patch(facecolor="white", edgecolor=EMPTY_EDGE, linestyle=(0, (3, 2)))
    handles = [*level_handles(axis, options), empty, (frame, tick)]
    labels = [h.get_label() for h in handles[:-2]]
    labels += [f"– {t('chart_not_yet', options.lang)}", t("chart_heatmap_reached", options.lang)]
    put_legend(key, handles, labels, options, handler_map={tuple: HandlerTuple(ndivide=1)})


# --- shared with the distribution chart: sizes, row labels, column headers ---------------

CHAR_WIDTH = 0.47  # a character's average width in Noto Sans Thai, in ems, counting Thai marks as characters
NARROW = set(" .,:;()/'|-")  # about half as wide as a letter or digit
LINE = 1.3  # the height of a line of Noto Sans Thai, in ems: its marks above and below need room


def ems(text: str) -> float:
    """About how wide `text` is in Noto Sans Thai, in ems: marks above or below a letter take no room."""
    return sum(0.0 if unicodedata.category(c) == "Mn" else 0.3 if c in NARROW else 0.55 for c in text)


@dataclass(frozen=True)
class Layout:
    """The figure's height and what fits in it: rows, columns, titles and headers (points unless said)."""

    height: float  # inches
    row_points: float
    column_points: float
    label_width: int  # characters per line of an indicator's title
    label_lines: int  # 1 or 2
    headers: tuple[str, ...]  # each shown round's header: name, date, another scale
    rows: int

    @classmethod
    def of(cls, workbook: Workbook, options: ChartOptions, indicators: list[Indicator], shown: list[Round],
           extra_columns: float, share: float, widest: float, footnotes: int, least_row: float = 0) -> Layout:
        """The theme's height when the rows fit (titles on one line if need be), else taller.

        The titles may take what the rounds' columns leave them, at least 1 - `share` of the
        width (the columns at most `widest` ems each); the columns then share what the
        titles do not need. A title on two lines needs a taller row; when that would push a
        dozen rows off the screen, titles get one line (shortened with '…': the full title is
        on every other screen). Thirty rows never fit a screen: the figure grows, and titles
        keep two lines. `least_row`: the lowest a row may be (points) whatever its title needs.
        """
        style = options.style
        room = style.width_inches * 72 - 30
        columns = len(shown) + extra_columns
        column_points = min(style.base_size * widest, room * share / max(columns, 1))
        label_width = max(style.label_width, int((room - column_points * columns) / (style.label_size * CHAR_WIDTH)))
        # The titles take what their longest line needs; the columns share the rest.
        longest = max((ems(line) for i in indicators for line in wrap(i.title, label_width).split("\n")), default=0)
        column_points = (room - longest * style.label_size - 12) / max(columns, 1)
        headers = tuple(header_labels(workbook, shown, options, column_points))
        header_lines = max((h.count("\n") + 1 for h in headers), default=2)
        header = style.label_size * (LINE * header_lines + 1.6)  # round names, dates, chips
        chrome = (style.title_size * 1.25 + style.label_size * LINE + 24  # title, subtitle
                  + header * (2 if len(indicators) > TALL else 1)  # repeated under a tall chart
                  + style.label_size * LINE * LEGEND_LINES  # legend
                  + style.label_size * LINE * footnotes)
        lines = min(2, max((wrap(i.title, label_width).count("\n") + 1 for i in indicators), default=1))
        rows = max(len(indicators), 1)

        def least(lines: int) -> float:
            return max(style.label_size * LINE * lines + 6, least_row)

        if lines == 2 and chrome + least(2) * rows > style.height_inches * 72 >= chrome + least(1) * rows:
            lines = 1
        height = max(style.height_inches, (chrome + least(lines) * rows) / 72)
        return cls(height, (height * 72 - chrome) / rows, column_points, label_width, lines, headers, rows)

    def number_size(self, options: ChartOptions) -> float:
        """The level written in a cell: large, but within the cell."""
        return min(options.style.base_size * 1.5, self.row_points * 0.6, self.column_points * 0.32)

    def word_size(self, options: ChartOptions) -> float:
        """Words in a cell ("not applicable"): the label size, smaller only in small cells."""
        style = options.style
        return max(style.label_size * SMALLEST, min(style.label_size, self.number_size(options)))


def header_size(options: ChartOptions, column_points: float) -> float:
    """The round names' size: the label size, smaller (to the smallest) when a column is narrow.

    A column must hold a word of about nine letters ("จากภายนอก"): Thai cannot break inside one.
    """
    style = options.style
    return max(style.label_size * SMALLEST, min(style.label_size, column_points / (9 * 0.55)))


def header_labels(workbook: Workbook, shown: list[Round], options: ChartOptions, column_points: float) -> list[str]:
    """Each round's name (two lines at most), its date (split when the column is narrow), its other scale."""
    size = header_size(options, column_points)
    width = max(6, int(column_points / (size * CHAR_WIDTH)))
    others = {r.round_id: scale for r, scale in other_scales(workbook, shown)}
    labels = []
    for r in shown:
        day = format_date(r.held_on, options.lang, options.digits)
        if ems(day) * size > column_points * 0.95:
            day = "\n".join(day.rsplit(" ", 1))  # '15 พ.ย.' over '2568'
        label = plain(wrap(r.label, width, max_lines=2)) + "\n" + day
        if r.round_id in others:
            scale = others[r.round_id]
            label += "\n" + t("chart_heatmap_scale", options.lang, low=options.number(scale.start),
                              high=options.number(scale.stop - 1))
        labels.append(label)
    return labels


def label_rows(axes: Axes, indicators: list[Indicator], sizes: Layout, options: ChartOptions) -> None:
    """Indicator titles on the left of rows 0, 1, … (top to bottom), wrapped at Thai cluster boundaries."""
    axes.set_yticks(range(len(indicators)),
                    [indicator_label(i, options, width=sizes.label_width, max_lines=sizes.label_lines)
                     for i in indicators],
                    fontsize=options.style.label_size, linespacing=1.0)
    axes.tick_params(axis="y", length=0, pad=6)
    for spine in axes.spines.values():
        spine.set_visible(False)


def round_headers(axes: Axes, workbook: Workbook, shown: list[Round], sizes: Layout, options: ChartOptions,
                  chip_y: float, extra: list[tuple[float, str]] = ()) -> None:
    """Name and date over each round's column (x = n + 0.5), and its colour chip at height `chip_y`.

    The chip is the round's line and marker as in every other chart (external rounds: dashed,
    diamond), so a column is recognisable without the words. `extra` adds headers such as
    the target's. Under a tall chart the names are repeated below the last row.
    """
    style = options.style
    looks = round_looks(workbook)
    positions = [n + 0.5 for n in range(len(shown))] + [x for x, _ in extra]
    axes.set_xticks(positions, [*sizes.headers, *[text for _, text in extra]],
                    fontsize=header_size(options, sizes.column_points), linespacing=1.05)
    axes.tick_params(axis="x", length=0, top=True, labeltop=True, bottom=False,
                     labelbottom=sizes.rows > TALL, pad=4)
    segments = [[(n + 0.1, chip_y), (n + 0.9, chip_y)] for n in range(len(shown))]
    axes.add_collection(LineCollection(
        segments, colors=[looks[r.round_id].colour for r in shown], linewidths=style.line_width * 1.6,
        linestyles=[looks[r.round_id].line_style for r in shown], capstyle="butt", gid="round_chips"))
    for marker in sorted({looks[r.round_id].marker for r in shown}):
        mine = [n for n, r in enumerate(shown) if looks[r.round_id].marker == marker]
        axes.scatter([n + 0.5 for n in mine], [chip_y] * len(mine), marker=marker, s=style.marker_size * 0.55,
                     c=[looks[shown[n].round_id].colour for n in mine], edgecolors="white", linewidths=1.5,
                     zorder=5, clip_on=False, gid=f"round_markers:{marker}")


def chart_axes(figure: Figure, sizes: Layout, options: ChartOptions) -> tuple[Axes, Axes]:
    """The chart's axes and, under it, a row for the legend (its axes hidden).

    A legend in its own row stays clear of the round names repeated under a tall chart and
    of the footnotes (a figure legend and the footnotes would both claim the bottom edge).
    """
    legend = options.style.label_size * LINE * LEGEND_LINES
    grid = figure.add_gridspec(2, 1, height_ratios=(sizes.rows * sizes.row_points, legend))
    axes, key = figure.add_subplot(grid[0]), figure.add_subplot(grid[1])
    key.set_axis_off()
    return axes, key


def put_legend(key: Axes, handles: list, labels: list[str], options: ChartOptions, **settings) -> None:
    """The legend in its row, centred on the figure (it may be wider than the chart's axes)."""
    style = options.style
    legend = key.legend(handles=handles, labels=labels, loc="center", ncols=len(labels), frameon=False,
                        bbox_to_anchor=(0.5, 0.5),
                        bbox_transform=blended_transform_factory(key.figure.transFigure, key.transAxes),
                        fontsize=style.label_size, handlelength=1.3, handletextpad=0.4, columnspacing=0.9,
                        borderaxespad=0, **settings)
    legend.set_in_layout(False)  # its row was sized for it: the layout need not move the chart for it


def level_handles(axis: range, options: ChartOptions) -> list[Patch]:
    """'Level ■1 ■2 …' for a legend: the ramp's colours with their numbers (the first entry is the word)."""
    handles = [Patch(facecolor="none", edgecolor="none", label=t("chart_level", options.lang))]
    handles += [Patch(facecolor=level_colour(level, axis), edgecolor="#BBBBBB", linewidth=0.8,
                      label=options.number(level)) for level in axis]
    return handles
