"""The heatmap: every indicator's level in every chosen round, written in its cell, beside the target.

How to read it: one row per indicator, one column per round (oldest on the left), the
target in its own grey column on the right. A cell's number is the level (the consensus,
or the median of the individual scores); the darker the blue, the higher. A cell with a
thick frame and a tick reached the indicator's target. An empty cell is white with a
dashed outline: "–" nothing yet, or "not applicable" — never a coloured 0.

The layout helpers at the end (hand layout, many texts in one artist, column headers with
the rounds' chips, row titles, the legend) are shared with the distribution chart, which
has the same rows and columns.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection, PathCollection, PolyCollection
from matplotlib.figure import Figure
from matplotlib.path import Path
from matplotlib.transforms import (
    IdentityTransform,
    ScaledTranslation,
    Transform,
    blended_transform_factory,
)

from ..colours import ink_on, level_colour
from ..model import Indicator, Round, Workbook
from ..text import t
from ..thai import format_date, wrap
from .common import (
    NOT_APPLICABLE,
    PAD_INCHES,
    SCORED,
    ChartOptions,
    chosen_rounds,
    level_axis,
    levels,
    marker_path,
    message,
    message_figure,
    new_figure,
    note_inches,
    notes,
    nothing_to_draw,
    other_scales,
    place,
    plain,
    round_looks,
    scale_notes,
    text_inches,
    title,
    title_inches,
)
from .text_group import TextGroup

TARGET_GAP = 0.3  # the target column stands apart from the rounds by this much of a cell
TARGET_FACE = "#E6E6E6"  # the target column: grey, a yardstick rather than a measurement
EMPTY_EDGE = "#8C8C8C"  # the dashed outline of an empty cell
EMPTY_INK = "#555555"
TALL = 15  # with more rows than this the round names are repeated under the last row
SMALLEST = 0.86  # of the label size: the least any text gets (12 points on the projector)
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
    heading = (t("chart_heatmap_title", options.lang),
               t("chart_heatmap_subtitle", options.lang, value=t(f"chart_value_{options.value}", options.lang)))
    stop = nothing_to_draw(workbook, shown, options)
    if stop:
        return message_figure(options, *heading, stop)
    footnotes = scale_notes(workbook, shown, options)
    axis = level_axis(workbook, shown)
    sizes = Layout.of(workbook, options, indicators, shown, heading=heading, footnotes=footnotes,
                      key=_key(axis, options), extra_columns=1 + TARGET_GAP, share=0.6, widest=7,
                      extra_headers=(t("chart_target", options.lang),), above_points=chip_points(options))
    figure = new_figure(options, height=sizes.height)
    title(figure, heading[0], options, heading[1])
    axes = chart_axes(figure, sizes)
    cells = Cells.of(levels(workbook, options, shown), indicators, shown)
    colours = cell_colours(cells, axis)
    others = {r.round_id for r, _ in other_scales(workbook, shown)}
    comparable = np.array([r.round_id not in others for r in shown], dtype=bool)
    axes.set_xlim(0, len(shown) + TARGET_GAP + 1)
    axes.set_ylim(len(indicators) - 0.5, -0.5 - sizes.above_rows)
    _draw_cells(axes, cells, colours, sizes, options)
    _draw_targets(axes, indicators, len(shown), sizes, options)
    _draw_reached(axes, cells, colours, comparable, sizes, options)
    label_rows(axes, sizes, options)
    round_headers(axes, workbook, shown, sizes, options, chip_y=-0.5 - sizes.above_rows / 2,
                  extra=[len(shown) + TARGET_GAP + 0.5])
    draw_key(axes, sizes, options)
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
    ramp = {level: level_colour(level, axis) for level in set(cells.level[scored])}
    colours[scored] = [ramp[level] for level in cells.level[scored]]
    return colours


def shown_level(level: float) -> float | int:
    """3.0 is written '3'; a median of 3.5 stays '3.5'."""
    return int(level) if float(level).is_integer() else float(level)


def _draw_cells(axes: Axes, cells: Cells, colours: np.ndarray, sizes: Layout, options: ChartOptions) -> None:
    """Every cell (the rounds', then the targets' grey ones) in one collection, a path per colour;
    then the words written on them: the levels in one group, the rare "not applicable" (smaller,
    maybe two lines) in another."""
    style = options.style
    rows, columns = cells.level.shape
    ys, xs = np.divmod(np.arange(rows * columns), max(columns, 1))
    target_x = columns + TARGET_GAP
    axes.add_collection(boxes_by_colour(
        np.concatenate([xs, np.full(rows, target_x)]), np.concatenate([ys, np.arange(rows)]) - 0.5, 1, 1,
        [*colours.ravel(), *[TARGET_FACE] * rows], edgecolor="white", linewidth=style.line_width, gid="cells"),
        autolim=False)
    ys, xs = np.nonzero(cells.state != SCORED)
    axes.add_collection(boxes(xs + 0.05, ys - 0.4, 0.9, 0.8, facecolor="none", edgecolor=EMPTY_EDGE, linewidth=1.2,
                              linestyle=(0, (4, 3)), gid="empty_cells"), autolim=False)
    width = max(6, int(sizes.column_points * 0.85 / (sizes.word_size(options) * 0.55)))  # may take two lines
    numbers: dict[tuple[int, int], tuple[str, str]] = {}
    words: dict[tuple[int, int], tuple[str, str]] = {}
    inks = {colour: ink_on(colour) for colour in set(colours.ravel())}
    for (y, x), state in np.ndenumerate(cells.state):
        if state == SCORED:
            numbers[y, x] = options.number(shown_level(cells.level[y, x])), inks[colours[y, x]]
        elif state == NOT_APPLICABLE:
            words[y, x] = wrap(t("chart_not_applicable", options.lang), width, max_lines=2), EMPTY_INK
        else:
            numbers[y, x] = "–", EMPTY_INK
    for gid, found, size in (("cell_levels", numbers, sizes.number_size(options)),
                             ("cell_words", words, sizes.word_size(options))):
        if found:
            axes.add_artist(TextGroup([(x + 0.5, y) for y, x in found], [text for text, _ in found.values()],
                                      size, [ink for _, ink in found.values()], keys=list(found),
                                      linespacing=1.0, gid=gid))


def _draw_targets(axes: Axes, indicators: list[Indicator], columns: int, sizes: Layout,
                  options: ChartOptions) -> None:
    """The target of each indicator in the grey column; '–' where the group set none."""
    x = columns + TARGET_GAP + 0.5
    axes.add_artist(TextGroup([(x, y) for y in range(len(indicators))],
                              ["–" if i.target is None else options.number(i.target) for i in indicators],
                              sizes.number_size(options), options.style.ink, gid="targets"))


def _draw_reached(axes: Axes, cells: Cells, colours: np.ndarray, comparable: np.ndarray, sizes: Layout,
                  options: ChartOptions) -> None:
    """A thick frame and a tick on every cell at or above its target: not colour alone."""
    style = options.style
    ys, xs = np.nonzero(reached(cells, comparable))
    inks = {colour: ink_on(colour) for colour in set(colours.ravel())}
    axes.add_collection(boxes_by_colour(xs + 0.04, ys - 0.44, 0.92, 0.88, [style.ink] * len(xs), fill=False,
                                        linewidth=style.line_width, gid="reached_frames", zorder=3), autolim=False)
    axes.add_collection(symbols(xs + 0.84, ys - 0.2, TICK, style.base_size * 0.85, sizes,
                                [inks[colours[y, x]] for y, x in zip(ys, xs)], fill=False,
                                linewidth=style.line_width * 0.8, zorder=4, gid="reached_ticks"), autolim=False)


def reached(cells: Cells, comparable: np.ndarray) -> np.ndarray:
    """Cells at or above their indicator's target, in rounds scored on today's scale (targets are on it)."""
    if not cells.level.size:
        return np.zeros(cells.level.shape, dtype=bool)
    with np.errstate(invalid="ignore"):
        return (cells.state == SCORED) & (cells.level >= cells.target[:, None]) & comparable[None, :]


def _key(axis: range, options: ChartOptions) -> list[KeyEntry]:
    style = options.style
    return [*level_entries(axis, options),
            KeyEntry(f"– {t('chart_not_yet', options.lang)}", face="white", edge=EMPTY_EDGE, dashed=True),
            KeyEntry(t("chart_heatmap_reached", options.lang), face="none", edge=style.ink,
                     edge_width=style.line_width * 0.7, marker=TICK, marker_size=style.base_size * 0.7,
                     marker_edge=style.ink, marker_width=style.line_width * 0.6)]


# --- shared with the distribution chart: hand layout, many texts, headers, rows, legend ---

CHAR_WIDTH = 0.47  # a character's average width in Noto Sans Thai, in ems, counting Thai marks as characters
NARROW = set(" .,:;()/'|-")  # about half as wide as a letter or digit
LABEL_GAP = 6 / 72  # between a row's title and its first cell, inches
LABEL_SPACING = 1.0  # line spacing of a two-line indicator title
ROW_AIR = 3 / 72  # a row's least height over its title's line box (which has room for Thai marks), inches
HEADER_PAD = 4 / 72  # between the round names and their chips (or the last row), inches
HEADER_SPACING = 0.95  # Noto Sans Thai's lines are 1.5 ems high (room for stacked marks): tight enough
KEY_GAP = 0.06  # between the chart (or the names repeated under it) and the legend, inches
KEY_LINE = 1.5  # a legend row's height, in label sizes
SWATCH = (1.3, 0.7)  # a legend swatch's width and height, in label sizes (matplotlib's legend's)
SWATCH_PAD, KEY_SPACING = 0.4, 0.9  # after a swatch and between entries, in label sizes


def ems(text: str) -> float:
    """About how wide `text` is in Noto Sans Thai, in ems: marks above or below a letter take no room."""
    return sum(0.0 if unicodedata.category(c) == "Mn" else 0.3 if c in NARROW else 0.55 for c in text)


def chip_points(options: ChartOptions) -> float:
    """The band over the first row for the rounds' colour chips: the chip's marker and some air."""
    return options.style.marker_size ** 0.5 * 0.75 + 2


@dataclass(frozen=True)
class KeyEntry:
    """One entry of a legend: a swatch (a patch, a marker, or both, or none for a word) and its words."""

    label: str
    face: str | None = None  # the swatch's fill ('none': an outline only); None: no swatch
    edge: str = "none"
    edge_width: float = 1.0
    dashed: bool = False
    marker: str | Path | None = None  # drawn on the swatch's middle
    marker_size: float = 0.0  # points across, as a Line2D's markersize
    marker_face: str = "none"
    marker_edge: str = "none"
    marker_width: float = 1.0

    @property
    def has_swatch(self) -> bool:
        return self.face is not None or self.marker is not None

    def inches(self, options: ChartOptions) -> float:
        """The entry's width: its swatch, the gap after it, its words."""
        em = options.style.label_size / 72
        swatch = (SWATCH[0] + SWATCH_PAD) * em if self.has_swatch else 0.0
        return swatch + text_inches(plain(self.label), options.style.label_size)[0]


def arrange_key(entries: Sequence[KeyEntry], options: ChartOptions, room: float) -> tuple[tuple[KeyEntry, ...], ...]:
    """The legend's entries in rows no wider than `room` inches (one row when they fit)."""
    spacing = KEY_SPACING * options.style.label_size / 72
    rows: list[list[KeyEntry]] = []
    used = 0.0
    for entry in entries:
        width = entry.inches(options)
        if rows and used + spacing + width <= room:
            rows[-1].append(entry)
            used += spacing + width
        else:
            rows.append([entry])
            used = width
    return tuple(tuple(row) for row in rows)


@dataclass(frozen=True)
class Layout:
    """Where everything goes (inches from the figure's edges) and the sizes that fit (points).

    The axes hold the grid of rows and columns and, `above` its first row, the rounds' chips;
    the round names stand over the axes, the indicator titles left of it, the legend and the
    footnotes under it.
    """

    width: float  # the figure, inches
    height: float
    left: float  # the axes' margins, inches
    right: float
    top: float
    bottom: float
    above: float  # inches inside the axes over the first row
    key_bottom: float  # the legend's lowest edge, inches from the figure's bottom
    row_points: float
    column_points: float
    labels: tuple[str, ...]  # each indicator's title, wrapped
    headers: tuple[str, ...]  # each shown round's header: name, date, another scale
    extra_headers: tuple[str, ...]  # headers of the columns after the rounds ("target")
    header_size: float
    key: tuple[tuple[KeyEntry, ...], ...]  # the legend's rows
    rows: int

    @classmethod
    def of(cls, workbook: Workbook, options: ChartOptions, indicators: list[Indicator], shown: list[Round], *,
           heading: tuple[str, str], footnotes: list[str], key: Sequence[KeyEntry], extra_columns: float,
           share: float, widest: float, extra_headers: tuple[str, ...] = (), above_points: float = 0.0,
           least_row: float = 0.0) -> Layout:
        """The theme's height when the rows fit (titles on one line if need be), else taller.

        The titles may take what the rounds' columns leave them, at least 1 - `share` of the
        width (the columns at most `widest` ems each); the columns then share what the
        titles need not. A title on two lines needs a taller row; when that would push a
        dozen rows off the screen, titles get one line (shortened with '…': the full title is
        on every other screen). Thirty rows never fit a screen: the figure grows, and titles
        keep two lines. `least_row`: the lowest a row may be (points) whatever its title needs.
        """
        style = options.style
        columns = max(len(shown) + extra_columns, 1)
        room = style.width_inches * 72 - 30
        guess = min(style.base_size * widest, room * share / columns)
        label_width = max(style.label_width, int((room - guess * columns) / (style.label_size * CHAR_WIDTH)))
        lines = min(2, max((wrap(i.title, label_width).count("\n") + 1 for i in indicators), default=1))

        def fit(lines: int) -> Layout:
            labels = tuple(wrap(i.title, label_width, max_lines=lines) for i in indicators)
            return cls._fitted(workbook, options, shown, labels, columns, heading=heading, footnotes=footnotes,
                               key=key, extra_headers=extra_headers, above=above_points / 72,
                               least_row=least_row / 72)

        sizes = fit(lines)
        if lines == 2 and sizes.height > style.height_inches:
            one_line = fit(1)
            if one_line.height <= style.height_inches:
                return one_line
        return sizes

    @classmethod
    def _fitted(cls, workbook: Workbook, options: ChartOptions, shown: list[Round], labels: tuple[str, ...],
                columns: float, *, heading: tuple[str, str], footnotes: list[str], key: Sequence[KeyEntry],
                extra_headers: tuple[str, ...], above: float, least_row: float) -> Layout:
        """Measured: the titles set the left margin, the columns share the rest, the headers' height
        follows from the columns' width; rows take what the title, headers, legend and notes leave."""
        style = options.style
        width = style.width_inches
        measured = [text_inches(plain(label), style.label_size, LABEL_SPACING) for label in labels]
        left = PAD_INCHES + max((w for w, _ in measured), default=0.0) + LABEL_GAP
        column_points = (width - left - PAD_INCHES) * 72 / columns
        size, headers = header_labels(workbook, shown, options, column_points)
        header = HEADER_PAD + max(text_inches(plain(h), size, HEADER_SPACING)[1] for h in (*headers, *extra_headers))
        rows_of_key = arrange_key(key, options, width - 2 * PAD_INCHES)
        key_inches = len(rows_of_key) * style.label_size * KEY_LINE / 72
        key_bottom = note_inches(footnotes, options)
        top = title_inches(heading[0], options, heading[1]) + header
        bottom = key_bottom + key_inches + KEY_GAP + (header if len(labels) > TALL else 0.0)
        rows = max(len(labels), 1)
        least = max(max((h for _, h in measured), default=0.0) + ROW_AIR, least_row)
        height = max(style.height_inches, top + above + bottom + least * rows)
        row_points = (height - top - above - bottom) * 72 / rows
        return cls(width, height, left, PAD_INCHES, top, bottom, above, key_bottom, row_points, column_points,
                   labels, tuple(headers), extra_headers, size, rows_of_key, rows)

    @property
    def above_rows(self) -> float:
        """The room over the first row, in rows (the axes' y unit)."""
        return self.above * 72 / self.row_points

    def number_size(self, options: ChartOptions) -> float:
        """The level written in a cell: large, but within the cell."""
        return min(options.style.base_size * 1.5, self.row_points * 0.65, self.column_points * 0.32)

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


def header_labels(workbook: Workbook, shown: list[Round], options: ChartOptions,
                  column_points: float) -> tuple[float, list[str]]:
    """The headers' size, and each round's header: its name (two lines at most), its date (split
    when the column is narrow), its other scale.

    A name that does not fit its column at `header_size` gets a smaller size (to the smallest),
    then narrower lines: the characters per line are a guess, and Thai letters differ in width.
    """
    smallest = options.style.label_size * SMALLEST
    room = column_points + 2  # a point into each neighbour's edge: columns are framed with white
    size = header_size(options, column_points)
    names = _round_names(shown, size, column_points)
    while size > smallest and _widest(names, size) > room:
        size = max(smallest, size - 0.5)
        names = _round_names(shown, size, column_points)
    width = max(6, int(column_points / (size * CHAR_WIDTH)))
    while width > 6 and _widest(names, size) > room:
        width -= 1
        names = [wrap(r.label, width, max_lines=2) for r in shown]
    others = {r.round_id: scale for r, scale in other_scales(workbook, shown)}
    labels = []
    for r, name in zip(shown, names):
        day = format_date(r.held_on, options.lang, options.digits)
        if ems(day) * size > column_points * 0.95:
            day = "\n".join(day.rsplit(" ", 1))  # '15 พ.ย.' over '2568'
        label = name + "\n" + day
        if r.round_id in others:
            scale = others[r.round_id]
            label += "\n" + t("chart_heatmap_scale", options.lang, low=options.number(scale.start),
                              high=options.number(scale.stop - 1))
        labels.append(label)
    return size, labels


def _round_names(shown: list[Round], size: float, column_points: float) -> list[str]:
    width = max(6, int(column_points / (size * CHAR_WIDTH)))
    return [wrap(r.label, width, max_lines=2) for r in shown]


def _widest(names: list[str], size: float) -> float:
    """The widest line of `names` at `size`, in points."""
    return max((text_inches(plain(line), size)[0] * 72 for name in names for line in name.split("\n")), default=0.0)


def chart_axes(figure: Figure, sizes: Layout) -> Axes:
    """The chart's one axes where the layout puts it, without ticks or frame: every label is drawn by hand."""
    axes = figure.add_axes((0, 0, 1, 1))
    place(axes, sizes.left, sizes.right, sizes.top, sizes.bottom)
    axes.set_axis_off()
    return axes


def label_rows(axes: Axes, sizes: Layout, options: ChartOptions) -> None:
    """Indicator titles on the left of rows 0, 1, … (top to bottom), wrapped between Thai words."""
    shift = ScaledTranslation(-LABEL_GAP, 0, axes.get_figure(root=True).dpi_scale_trans)
    axes.add_artist(TextGroup([(0, y) for y in range(len(sizes.labels))], sizes.labels, options.style.label_size,
                              options.style.ink, ha="right", linespacing=LABEL_SPACING,
                              transform=axes.transData + shift, gid="row_titles"))


def round_headers(axes: Axes, workbook: Workbook, shown: list[Round], sizes: Layout, options: ChartOptions,
                  chip_y: float, extra: Sequence[float] = ()) -> None:
    """Name and date over each round's column (x = n + 0.5), and its colour chip at height `chip_y`.

    The chip is the round's line and marker as in every other chart (external rounds: dashed,
    diamond), so a column is recognisable without the words. `extra`: where the layout's extra
    headers (the target's) go. Under a tall chart the names are repeated below the last row.
    """
    style = options.style
    looks = round_looks(workbook)
    points = [n + 0.5 for n in range(len(shown))] + list(extra)
    words = [*sizes.headers, *sizes.extra_headers]
    dpi_scale = axes.get_figure(root=True).dpi_scale_trans
    columns = blended_transform_factory(axes.transData, axes.transAxes)
    axes.add_artist(TextGroup([(x, 1) for x in points], words, sizes.header_size, style.ink, va="bottom",
                              linespacing=HEADER_SPACING, gid="round_names",
                              transform=columns + ScaledTranslation(0, HEADER_PAD, dpi_scale)))
    if sizes.rows > TALL:
        axes.add_artist(TextGroup([(x, 0) for x in points], words, sizes.header_size, style.ink, va="top",
                                  linespacing=HEADER_SPACING, gid="round_names_below",
                                  transform=columns + ScaledTranslation(0, -HEADER_PAD, dpi_scale)))
    segments = [[(n + 0.1, chip_y), (n + 0.9, chip_y)] for n in range(len(shown))]
    axes.add_collection(LineCollection(
        segments, colors=[looks[r.round_id].colour for r in shown], linewidths=style.line_width * 1.6,
        linestyles=[looks[r.round_id].line_style for r in shown], capstyle="butt", gid="round_chips"))
    for marker in sorted({looks[r.round_id].marker for r in shown}):
        mine = [n for n, r in enumerate(shown) if looks[r.round_id].marker == marker]
        markers(axes, [n + 0.5 for n in mine], [chip_y] * len(mine), marker, style.marker_size * 0.55,
                facecolors=[looks[shown[n].round_id].colour for n in mine], edgecolors="white", linewidths=1.5,
                zorder=5, clip_on=False, gid=f"round_markers:{marker}")


def level_entries(axis: range, options: ChartOptions) -> list[KeyEntry]:
    """'Level ■1 ■2 …' for a legend: the ramp's colours with their numbers (the first entry is the word)."""
    return [KeyEntry(t("chart_level", options.lang)),
            *(KeyEntry(options.number(level), face=level_colour(level, axis), edge="#BBBBBB", edge_width=0.8)
              for level in axis)]


def draw_key(axes: Axes, sizes: Layout, options: ChartOptions) -> None:
    """The legend in its rows under the chart, each row centred on the figure: swatches in one
    collection, markers in a collection each, words in one group (a matplotlib Legend packs boxes
    for every entry and cost more than the chart's cells)."""
    style = options.style
    em = style.label_size / 72
    line = style.label_size * KEY_LINE / 72
    inches = axes.get_figure(root=True).dpi_scale_trans
    swatches: list[tuple[float, float, KeyEntry]] = []
    symbols: dict[object, list[tuple[float, float, KeyEntry]]] = {}
    words: list[tuple[float, float]] = []
    labels: list[str] = []
    for n, row in enumerate(sizes.key):
        y = sizes.key_bottom + line * (len(sizes.key) - n - 0.5)
        x = (sizes.width - sum(e.inches(options) for e in row) - KEY_SPACING * em * (len(row) - 1)) / 2
        for entry in row:
            if entry.has_swatch:
                if entry.face is not None:
                    swatches.append((x, y - SWATCH[1] * em / 2, entry))
                if entry.marker is not None:
                    symbols.setdefault(entry.marker, []).append((x + SWATCH[0] * em / 2, y, entry))
                x += (SWATCH[0] + SWATCH_PAD) * em
            words.append((x, y))
            labels.append(entry.label)
            x += entry.inches(options) - ((SWATCH[0] + SWATCH_PAD) * em if entry.has_swatch else 0) + KEY_SPACING * em
    axes.add_collection(boxes(
        [x for x, _, _ in swatches], [y for _, y, _ in swatches], SWATCH[0] * em, SWATCH[1] * em,
        facecolors=[e.face for _, _, e in swatches], edgecolors=[e.edge for _, _, e in swatches],
        linewidths=[e.edge_width for _, _, e in swatches],
        linestyles=[(0, (3, 2)) if e.dashed else "solid" for _, _, e in swatches], transform=inches,
        clip_on=False, gid="key_swatches"), autolim=False)
    for n, (marker, found) in enumerate(symbols.items()):
        markers(axes, [x for x, _, _ in found], [y for _, y, _ in found], marker,
                [e.marker_size ** 2 for _, _, e in found], facecolors=[e.marker_face for _, _, e in found],
                edgecolors=[e.marker_edge for _, _, e in found], linewidths=[e.marker_width for _, _, e in found],
                transform=inches, clip_on=False, zorder=5, gid=f"key_markers:{n}")
    axes.add_artist(TextGroup(words, labels, style.label_size, style.ink, ha="left", transform=inches, gid="key"))


def boxes(x, y, width, height, **settings) -> PolyCollection:
    """Rectangles from their lower left corners and sizes (numbers or arrays) as one collection:
    made from arrays at once, where a Rectangle patch each would cost 60 µs apiece."""
    x0, y0, x1, y1 = np.broadcast_arrays(*(np.asarray(v, dtype=float) for v in (x, y, np.add(x, width),
                                                                              np.add(y, height))))
    corners = np.stack([np.column_stack(pair) for pair in ((x0, y0), (x1, y0), (x1, y1), (x0, y1))], axis=1)
    return PolyCollection(corners.reshape(-1, 4, 2), **settings)


def boxes_by_colour(x, y, width, height, colours: Sequence[str], fill: bool = True, **settings) -> PathCollection:
    """Rectangles as `boxes` makes them, filled with `colours` (or outlined, `fill` False), as one
    path per colour: an SVG writes an element per path, and two hundred parts of bars in five
    colours become five elements."""
    x0, y0, x1, y1 = np.broadcast_arrays(*(np.asarray(v, dtype=float) for v in (x, y, np.add(x, width),
                                                                              np.add(y, height))))
    corners = np.stack([np.column_stack(pair) for pair in ((x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0))],
                       axis=1)
    codes = [Path.MOVETO, Path.LINETO, Path.LINETO, Path.LINETO, Path.CLOSEPOLY]
    return _by_colour(codes, corners, colours, fill, **settings)


def symbols(xs, ys, marker: str | Path, size: float, sizes: Layout, colours: Sequence[str], fill: bool = True,
            **settings) -> PathCollection:
    """Markers `size` points across at (xs, ys) in the axes' data, as one path per colour: a marker
    each would be an SVG element each. The hand layout says how many points a row and a column take."""
    shape = marker_path(marker) if isinstance(marker, str) else marker  # about 1 across, centred on 0
    scaled = shape.vertices * (size / sizes.column_points, -size / sizes.row_points)  # rows run downwards
    placed = scaled[None, :, :] + np.column_stack([np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)])[:, None]
    codes = shape.codes if shape.codes is not None else [Path.MOVETO] + [Path.LINETO] * (len(scaled) - 1)
    return _by_colour(codes, placed, colours, fill, **settings)


def _by_colour(codes, placed: np.ndarray, colours: Sequence[str], fill: bool, **settings) -> PathCollection:
    """Copies of a shape (its `codes`; its vertices `placed`, a row each) joined into one path per colour."""
    colours = list(colours)
    inks = list(dict.fromkeys(colours))
    paths = [Path(placed[[n for n, colour in enumerate(colours) if colour == ink]].reshape(-1, 2),
                  np.tile(codes, colours.count(ink))) for ink in inks]
    if fill:
        return PathCollection(paths, facecolors=inks, **settings)
    return PathCollection(paths, facecolors="none", edgecolors=inks, **settings)


def markers(axes: Axes, xs, ys, marker: str | Path, size, *, transform: Transform | None = None,
            **settings) -> PathCollection:
    """Markers of one shape at (xs, ys), `size` their area in points² as scatter's `s`, in one
    collection made directly: Axes.scatter spends a millisecond parsing its arguments."""
    shape = marker_path(marker) if isinstance(marker, str) else marker
    collection = PathCollection([shape], sizes=np.atleast_1d(size),
                                offsets=np.column_stack([np.asarray(xs, dtype=float), np.asarray(ys, dtype=float)]),
                                offset_transform=transform or axes.transData, **settings)
    collection.set_transform(IdentityTransform())  # sizes are points, as scatter's
    axes.add_collection(collection, autolim=False)
    return collection
