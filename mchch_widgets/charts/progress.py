"""Progress: one small panel per indicator, its level round after round, the target as a band.

Drawn on ONE axes (its axis off): each panel is a region of it, placed by a data offset; each
kind of mark (frames, grid lines, bands, lines, ×; points per marker) is one collection for all
panels, and the legend is drawn by hand beside them. An Axes per panel cost about 15 ms each
(this chart had twelve), matplotlib's Legend a third of what is left.

Inside a panel, x is the round's place among the shown rounds (0, 1, …) and y the level;
panel n adds `Panels.origin(n)` to both.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from matplotlib.collections import LineCollection, PathCollection, PolyCollection
from matplotlib.figure import Figure
from matplotlib.transforms import IdentityTransform, offset_copy

from ..model import Indicator, Round, Workbook
from ..text import t
from .common import (
    NOT_APPLICABLE,
    NOT_YET,
    PAD_INCHES,
    SCORED,
    ChartOptions,
    chosen_rounds,
    indicator_label,
    level_axis,
    level_matrices,
    levels,
    marker_path,
    message_figure,
    new_figure,
    notes,
    nothing_to_draw,
    other_scales,
    place,
    round_label,
    round_looks,
    scale_notes,
    text_inches,
    title,
    title_width,
)

MANY_ROUNDS = 6  # more rounds than this: legend entries without their dates (each half as tall)
COLUMNS = 4  # 12 indicators: 4 × 3 panels fill 1280×720; more indicators add rows (the figure scrolls)
BAND = "#CFE8D5"  # pale green: "reached"; the band is named in the legend, not told by colour alone
FLOOR = 0.8  # the lowest level sits this far above a panel's floor: room for × ("not applicable") on it
TOP = 0.5  # a panel reaches half a level above the highest level
SELF_LINE = "#555555"
EXTERNAL_LINE = "#8a8a8a"
NOT_APPLICABLE_MARK = "#444444"
FRAME = "#999999"  # a panel's left and bottom edges
GRID = "#dddddd"
# per theme: inches for the title and notes, inches per row of panels (more than three rows)
HEADER_INCHES = {"projector": 1.6, "print": 1.0}
ROW_INCHES = {"projector": 1.87, "print": 1.33}
# in font sizes (label size): gaps between panels, texts and the legend
COLUMN_GAP = 0.8  # between two panels side by side
ROW_GAP = 0.5  # under a row's round numbers (or the panel), above the next row's titles
TITLE_PAD = 0.25  # between a panel's title and its top
TITLE_CLEAR = 0.5  # at least between a panel's title and the next panel's
NUMBER_PAD = 0.3  # between the level numbers and a panel's left edge
NUMBER_GAP = 0.3  # at least between two round numbers side by side
LABEL_GAP = 0.4  # between the word "level" and the level numbers
LEGEND_GAP = 1.0  # between the panels (and the title) and the legend
# Of a title's room, what its measured width may fill: text_inches measures letters fitted to whole
# pixels; the browser draws the screen SVG without that, up to 5% wider at print's 9 pt (narrow
# letters, as in "illicit" or "การประชุม"), up to 1% at the projector's 14 pt.
TITLE_FIT = {"projector": 0.98, "print": 0.95}
CHAR_EM = 0.35  # a title's narrowest width per character (marks counted), in em: where wrapping starts to try


def progress_chart(workbook: Workbook, options: ChartOptions = ChartOptions()) -> Figure:
    """One panel per selected indicator: its level in each chosen round, left to right by date.

    How to read it: the numbers under the panels are the rounds (named in the legend, each in
    its own colour and marker, as in every chart). The dark line joins the group's own (self)
    rounds in order; external rounds are diamonds off the line (another assessor, another
    question). The shaded band runs from the target level up: a point in the band has reached
    the target. A break in the line is a round without a level yet; × at the bottom marks
    "not applicable" (neither is a 0). Hollow markers: a round scored on another scale.
    """
    indicators = workbook.selected_indicators()
    shown, _ = chosen_rounds(workbook, options)
    table = levels(workbook, options, shown) if shown and indicators else None
    height = _height(_grid(len(indicators))[0], options)
    heading = t("chart_progress_title", options.lang)
    problem = nothing_to_draw(workbook, shown, options, table)
    if problem:
        return message_figure(options, heading, _subtitle(options), problem, height=height)
    figure = new_figure(options, height=height)
    top = title(figure, heading, options, subtitle=_subtitle(options))
    axes = figure.add_axes((0, 0, 1, 1))
    axes.set_axis_off()
    values, states = level_matrices(table, indicators, shown)
    scale = level_axis(workbook, shown)
    hollow = {r.round_id for r, _ in other_scales(workbook, shown)}
    bottom = notes(figure, _note_lines(workbook, shown, states, options), options)
    legend_width = _legend(figure, workbook, shown, hollow, (states == NOT_APPLICABLE).any(), options, top, bottom)
    panels = _layout(figure, indicators, len(shown), scale, options, (top, bottom, legend_width))
    _place_panels(axes, panels)
    _draw_frames(axes, panels, indicators, scale)
    _write_panel_text(axes, panels, [round_numbers(workbook)[r.round_id] for r in shown], scale, options)
    _draw_levels(axes, panels, workbook, shown, values, states, hollow, options)
    _write_level_word(figure, panels, options)
    return figure


# --- what there is to draw -----------------------------------------------------------------


def _subtitle(options: ChartOptions) -> str:
    """'ระดับ: ฉันทามติ': which level is drawn (the legend names the rounds, numbered as under the panels)."""
    return t("chart_progress_subtitle", options.lang, value=t(f"chart_value_{options.value}", options.lang))


def _grid(count: int) -> tuple[int, int]:
    """(rows, columns) of panels: wide panels for a few indicators, four columns from nine on."""
    if count <= 3:
        return 1, max(count, 1)
    if count == 4:
        return 2, 2
    if count <= 6:
        return 2, 3
    if count <= 8:
        return 2, 4
    return math.ceil(count / COLUMNS), COLUMNS


def _height(rows: int, options: ChartOptions) -> float:
    """The theme's height up to three rows of panels; beyond, each row adds its height (it scrolls)."""
    if rows <= 3:
        return options.style.height_inches
    return HEADER_INCHES[options.theme] + rows * ROW_INCHES[options.theme]


def _note_lines(workbook: Workbook, shown: list[Round], states: np.ndarray, options: ChartOptions) -> list[str]:
    """Rounds on another scale (and what hollow means), rounds without any level, gaps in the lines."""
    lines = scale_notes(workbook, shown, options)
    lines += [t("chart_progress_hollow", options.lang)] if lines else []
    empty = [r for r, row in zip(shown, states) if not (row == SCORED).any()]
    if empty:
        lines.append(t("chart_progress_empty_rounds", options.lang, labels=", ".join(r.label for r in empty)))
    if (states[[r not in empty for r in shown]] == NOT_YET).any():
        lines.append(t("chart_progress_gap", options.lang))
    return lines


def round_numbers(workbook: Workbook) -> dict[str, int]:
    """Round id -> its number in date order over all rounds (1, 2, …): the same round has the same
    number under the panels whichever rounds are chosen, as it has the same colour."""
    return {r.round_id: n for n, r in enumerate(workbook.rounds_in_order(), start=1)}


# --- where the panels go ---------------------------------------------------------------------


@dataclass(frozen=True)
class Panels:
    """The panels' grid: where it sits on the figure (inches), and each panel's region in data units.

    A panel spans x from -0.5 to rounds - 0.5 and y from `low` to `high` (levels), plus its origin.
    """

    count: int  # panels (indicators)
    columns: int
    rounds: int
    low: float
    high: float
    left: float  # the grid's place on the figure, inches from the left and top edges, and its size
    top: float
    width: float
    height: float
    x_per_inch: float
    y_per_inch: float
    column_step: float  # data units from one panel to the next one right / below
    row_step: float
    labels: tuple[str, ...]  # the panels' titles, wrapped

    def origin(self, n: int) -> tuple[float, float]:
        """Panel n's offset from the first panel (top left), in data units."""
        return (n % self.columns) * self.column_step, -(n // self.columns) * self.row_step

    def edges(self, n: int) -> tuple[float, float, float, float]:
        """Panel n's (left, bottom, right, top) in data units."""
        x, y = self.origin(n)
        return x - 0.5, y + self.low, x + self.rounds - 0.5, y + self.high

    def has_numbers(self, n: int) -> bool:
        """Round numbers go under the panels with no panel below them."""
        return n + self.columns >= self.count

    def frame_middle_inches(self) -> float:
        """The grid's middle, in inches from the figure's top."""
        return self.top + self.height / 2


def _layout(figure: Figure, indicators: list[Indicator], rounds: int, scale: range, options: ChartOptions,
            taken: tuple[float, float, float]) -> Panels:
    """Size the panels to the room left by the title (top), the notes (bottom) and the legend (right)."""
    above, below, legend_width = taken
    style = options.style
    em = style.label_size / 72
    width, height = figure.get_size_inches()
    rows, columns = _grid(len(indicators))
    level_width = max(text_inches(options.number(level), style.label_size)[0] for level in scale)
    word_width = text_inches(t("chart_level", options.lang), style.base_size)[1]  # written upright
    left = PAD_INCHES + word_width + LABEL_GAP * em + level_width + NUMBER_PAD * em
    grid_width = width - left - PAD_INCHES - legend_width - LEGEND_GAP * em
    panel_width = (grid_width - (columns - 1) * COLUMN_GAP * em) / columns
    labels = tuple(_panel_title(i, panel_width + (COLUMN_GAP - TITLE_CLEAR) * em, options) for i in indicators)
    title_height = max(text_inches(label, style.label_size, 1.0)[1] for label in labels) + TITLE_PAD * em
    number_height = _number_pad(options) / 72 + text_inches("1", style.label_size)[1]
    top = above + title_height
    grid_height = height - top - below - number_height
    row_gap = max(title_height, number_height) + ROW_GAP * em
    panel_height = (grid_height - (rows - 1) * row_gap) / rows
    low, high = scale.start - FLOOR, scale.stop - 1 + TOP
    x_per_inch, y_per_inch = rounds / panel_width, (high - low) / panel_height
    return Panels(count=len(indicators), columns=columns, rounds=rounds, low=low, high=high, left=left,
                  top=top, width=grid_width, height=grid_height, x_per_inch=x_per_inch, y_per_inch=y_per_inch,
                  column_step=(panel_width + COLUMN_GAP * em) * x_per_inch,
                  row_step=(panel_height + row_gap) * y_per_inch, labels=labels)


def _place_panels(axes, panels: Panels) -> None:
    """The axes covers the grid of panels exactly, one data unit being a round across and a level up."""
    width, height = axes.get_figure(root=True).get_size_inches()
    axes.set_xlim(-0.5, -0.5 + panels.width * panels.x_per_inch)
    axes.set_ylim(panels.high - panels.height * panels.y_per_inch, panels.high)
    place(axes, panels.left, width - panels.left - panels.width, panels.top, height - panels.top - panels.height)


def _panel_title(indicator: Indicator, room: float, options: ChartOptions) -> str:
    """The indicator's title in at most two lines as wide as `room` inches (measured, not guessed:
    a title never runs into the next panel's)."""
    size = options.style.label_size
    room *= TITLE_FIT[options.theme]
    characters = max(8, int(room * 72 / (CHAR_EM * size)))
    label = indicator_label(indicator, options, characters, 2)
    while characters > 8 and text_inches(label, size, 1.0)[0] > room:
        characters -= 1
        label = indicator_label(indicator, options, characters, 2)
    return label


def _number_pad(options: ChartOptions) -> float:
    """Points between a panel's floor and the round numbers: clear of the × drawn on the floor."""
    return math.sqrt(options.style.marker_size * 0.6) / 2 + 3


# --- the panels' frames and words ------------------------------------------------------------


def _draw_frames(axes, panels: Panels, indicators: list[Indicator], scale: range) -> None:
    """Every panel's left and bottom edges, its grid line per level, its target band: one collection each."""
    frames, grid, bands = [], [], []
    for n, indicator in enumerate(indicators):
        left, bottom, right, top = panels.edges(n)
        _, y = panels.origin(n)
        frames.append([(left, top), (left, bottom), (right, bottom)])
        grid += [[(left, y + level), (right, y + level)] for level in scale]
        if indicator.target is not None:
            target = y + indicator.target
            bands.append([(left, target), (right, target), (right, top), (left, top)])
    axes.add_collection(PolyCollection(bands, facecolors=BAND, edgecolors="none", zorder=0, gid="progress-band"),
                        autolim=False)
    axes.add_collection(LineCollection([_joined(grid)], colors=GRID, linewidths=1, zorder=0.5, gid="progress-grid"),
                        autolim=False)
    axes.add_collection(LineCollection(frames, colors=FRAME, linewidths=0.8, zorder=2.5, gid="progress-frame"),
                        autolim=False)


def _joined(segments: list) -> np.ndarray:
    """Many short lines as ONE line broken by NaN rows: drawn as a single path (an SVG writes one
    element, not one per level and panel)."""
    gap = np.full((1, 2), np.nan)
    return np.concatenate([part for segment in segments for part in (np.asarray(segment, dtype=float), gap)][:-1])


def _write_panel_text(axes, panels: Panels, numbers: list[int], scale: range, options: ChartOptions) -> None:
    """Each panel's title above it; the levels left of the first column; round numbers under the
    panels with none below them."""
    style = options.style
    figure = axes.get_figure(root=True)
    common = {"fontsize": style.label_size, "color": style.ink}
    above = offset_copy(axes.transData, fig=figure, y=TITLE_PAD * style.label_size, units="points")
    beside = offset_copy(axes.transData, fig=figure, x=-NUMBER_PAD * style.label_size, units="points")
    under = offset_copy(axes.transData, fig=figure, y=-_number_pad(options), units="points")
    level_words = [options.number(level) for level in scale]
    number_words = [options.number(number) for number in numbers]
    numbered = _numbered_places(number_words, panels, options)
    for n, label in enumerate(panels.labels):
        left, bottom, _, top = panels.edges(n)
        x, y = panels.origin(n)
        axes.text(left, top, label, transform=above, ha="left", va="bottom", linespacing=1.0,
                  gid="progress-title", **common)
        if n % panels.columns == 0:
            for level, word in zip(scale, level_words):
                axes.text(left, y + level, word, transform=beside, ha="right", va="center", gid="progress-level",
                          **common)
        if panels.has_numbers(n):
            for k in numbered:
                axes.text(x + k, bottom, number_words[k], transform=under, ha="center", va="top", gid="progress-round-number",
                          **common)


def _numbered_places(words: list[str], panels: Panels, options: ChartOptions) -> list[int]:
    """The round places numbered under the panels: all when the numbers fit side by side, else every
    so many and the latest (many rounds in a narrow panel: numbers over each other say nothing; the
    points keep their round's colour and marker)."""
    size = options.style.label_size
    needed = max(text_inches(word, size)[0] for word in words) + NUMBER_GAP * size / 72
    every = max(1, math.ceil(needed * panels.x_per_inch - 1e-9))
    places = list(range(0, len(words), every))
    latest = len(words) - 1
    if places[-1] != latest and latest - places[-1] >= every:
        places.append(latest)
    elif places[-1] != latest and len(places) > 1:
        places[-1] = latest
    return places


def _write_level_word(figure: Figure, panels: Panels, options: ChartOptions) -> None:
    """'ระดับ' upright at the left edge, beside the middle of the panels."""
    width, height = figure.get_size_inches()
    figure.text(PAD_INCHES / width, 1 - panels.frame_middle_inches() / height, t("chart_level", options.lang),
                rotation=90, ha="left", va="center", fontsize=options.style.base_size, color=options.style.ink)


# --- the levels ----------------------------------------------------------------------------


def _draw_levels(axes, panels: Panels, workbook: Workbook, shown: list[Round], values: np.ndarray,
                 states: np.ndarray, hollow: set[str], options: ChartOptions) -> None:
    """The self lines (broken where a level is missing), external dashes, a point per level, × for n/a,
    and a word in a panel without any level."""
    style = options.style
    own = np.array([r.assessor != "external" for r in shown])
    x = np.arange(len(shown), dtype=float)
    self_lines, external_lines, crosses = [], [], []
    for n in range(panels.count):
        dx, dy = panels.origin(n)
        self_lines += _runs(x[own] + dx, values[own, n] + dy)
        if (~own).sum() > 1:  # external rounds among themselves, dashed, never into the self line
            external_lines += _runs(x[~own] + dx, values[~own, n] + dy)
        # on the panel's floor, below every level: "not applicable" is no level at all
        crosses += [(k + dx, panels.low + dy) for k in np.flatnonzero(states[:, n] == NOT_APPLICABLE)]
        if not (states[:, n] == SCORED).any():
            _panel_word(axes, panels, n, states[:, n], options)
    axes.add_collection(LineCollection(self_lines, colors=SELF_LINE, linewidths=style.line_width * 0.8, zorder=2,
                                       capstyle="projecting", joinstyle="round", gid="progress-self-line"),
                        autolim=False)
    if external_lines:
        axes.add_collection(LineCollection(external_lines, colors=EXTERNAL_LINE, linewidths=style.line_width * 0.6,
                                           linestyles="--", zorder=2, gid="progress-external-line"), autolim=False)
    _draw_points(axes, panels, workbook, shown, values, hollow, options)
    if crosses:
        marks = PathCollection([marker_path("x")], sizes=[style.marker_size * 0.6], offsets=crosses,
                               offset_transform=axes.transData, transform=IdentityTransform(),
                               facecolors="none", edgecolors=NOT_APPLICABLE_MARK, linewidths=style.line_width * 0.7,
                               zorder=4, gid="progress-not-applicable")
        marks.set_clip_on(False)
        axes.add_collection(marks, autolim=False)


def _runs(x: np.ndarray, y: np.ndarray) -> list[np.ndarray]:
    """The line through (x, y) as pieces between missing levels (NaN); a lone level has no line."""
    present = ~np.isnan(y)
    pieces, start = [], None
    for k, here in enumerate([*present, False]):
        if here and start is None:
            start = k
        elif not here and start is not None:
            if k - start > 1:
                pieces.append(np.column_stack([x[start:k], y[start:k]]))
            start = None
    return pieces


def _draw_points(axes, panels: Panels, workbook: Workbook, shown: list[Round], values: np.ndarray,
                 hollow: set[str], options: ChartOptions) -> None:
    """Every level of every panel, in one collection per marker kind (circle: self, diamond: external;
    filled, or hollow for a round on another scale), each point in its round's colour.

    One marker per collection: the SVG then defines the marker once and reuses it for each point.
    """
    looks = round_looks(workbook)
    groups: dict[tuple[str, bool], tuple[list, list]] = {}
    for k, round_ in enumerate(shown):
        look = looks[round_.round_id]
        offsets, colours = groups.setdefault((look.marker, round_.round_id in hollow), ([], []))
        for n in np.flatnonzero(~np.isnan(values[k])):
            dx, dy = panels.origin(int(n))
            offsets.append((k + dx, values[k, n] + dy))
            colours.append(look.colour)
    for (marker, empty), (offsets, colours) in groups.items():
        if not offsets:
            continue
        points = PathCollection([marker_path(marker)], sizes=[options.style.marker_size * 0.6], offsets=offsets,
                                offset_transform=axes.transData, transform=IdentityTransform(),  # sizes in points²
                                facecolors="white" if empty else colours, edgecolors=colours if empty else "white",
                                linewidths=1.8 if empty else 1.0, zorder=3, gid="progress-points")
        points.set_clip_on(False)
        axes.add_collection(points, autolim=False)


def _panel_word(axes, panels: Panels, n: int, states: np.ndarray, options: ChartOptions) -> None:
    """'ไม่ประเมิน' or 'ยังไม่มี' in the middle of a panel without a single level."""
    left, bottom, right, top = panels.edges(n)
    word = "chart_not_applicable" if (states == NOT_APPLICABLE).all() else "chart_not_yet"
    axes.text((left + right) / 2, (bottom + top) / 2, t(word, options.lang), ha="center", va="center",
              fontsize=options.style.label_size, color="#333333", zorder=5, gid="progress-panel-word",
              bbox={"facecolor": "white", "edgecolor": "#999999", "boxstyle": "round,pad=0.3"})


# --- the legend ----------------------------------------------------------------------------
# Drawn by hand, as the panels: matplotlib's Legend packed its eleven entries in offset boxes and
# drew two Line2D per marker, a third of the chart's time. Sizes in font sizes, as Legend's.
KEY_LENGTH = 2.0  # the mark's room before the words (Legend's handlelength)
KEY_GAP = 0.8  # between the mark and the words (handletextpad)
KEY_HEIGHT = 0.7  # the band's height (handleheight)
KEY_COLUMN_GAP = 1.2  # between two columns of entries
NAME_WIDTH = 30  # characters per line of a round's name (round_label's)
NAME_WIDTH_IN_COLUMNS = 18  # …when the legend needs several columns: narrower columns leave the panels room


@dataclass(frozen=True)
class Key:
    """One entry of the legend: its words and the mark before them (a marker, 'line' or 'band')."""

    label: str
    mark: str
    colour: str
    hollow: bool = False


@dataclass(frozen=True)
class Legend:
    """The legend arranged: its entries in columns (left to right, each top down) under the heading."""

    heading: str
    columns: tuple[tuple[Key, ...], ...]
    widths: tuple[float, ...]  # each column's, inches
    width: float  # inches, the heading's or the columns' with the gaps between them
    spacing: float  # between two entries, in font sizes


@dataclass(frozen=True)
class Way:
    """One way to write the legend: dates under the names or not, entries' spacing (in font sizes),
    characters per line of a name, and how many columns it may take."""

    dated: bool
    spacing: float
    name_width: int
    columns: int


def _ways(rounds: int) -> list[list[Way]]:
    """Best first: each round's date under its name (a few rounds only); the names alone; entries
    closer together; then columns side by side, long names on one line or two (the narrower wins).
    The theme's font size in every way."""
    ways = [[Way(True, 0.35, NAME_WIDTH, 1)]] if rounds <= MANY_ROUNDS else []
    many = rounds + 3  # as many columns as entries
    return ways + [[Way(False, 0.2, NAME_WIDTH, 1)], [Way(False, 0.05, NAME_WIDTH, 1)],
                   [Way(False, 0.05, NAME_WIDTH, many), Way(False, 0.05, NAME_WIDTH_IN_COLUMNS, many)]]


def _legend(figure: Figure, workbook: Workbook, shown: list[Round], hollow: set[str], any_not_applicable: bool,
            options: ChartOptions, above: float, below: float) -> float:
    """Numbered rounds (as under the panels) with their look, then the line, the band and ×, at the
    top right (under the title when the title reaches it), always between the title (or the top)
    and the notes. Returns the inches it takes from the right."""
    width, height = figure.get_size_inches()
    beside_title = width - PAD_INCHES - title_width(figure, options) - LEGEND_GAP * options.style.label_size / 72

    def keys(way: Way) -> list[Key]:
        return _keys(workbook, shown, hollow, any_not_applicable, options, way.dated, way.name_width)

    ways = _ways(len(shown))
    for choices in ways:
        for top in (PAD_INCHES, above):
            fitting = [legend for way in choices if (legend := _arrange(keys(way), way, height - top - below, options))]
            legend = min(fitting, key=lambda legend: legend.width, default=None)
            if legend and (top == above or legend.width <= beside_title):
                return _place_legend(figure, legend, top, options)
    way = ways[-1][0]  # an entry taller than the room between the title and the notes: no chart is that short
    return _place_legend(figure, _arrange(keys(way), way, math.inf, options), PAD_INCHES, options)


def _place_legend(figure: Figure, legend: Legend, top: float, options: ChartOptions) -> float:
    """Draw the legend `top` inches from the figure's top, against the right edge; the inches it takes."""
    width, height = figure.get_size_inches()
    _draw_legend(figure, legend, (width - PAD_INCHES - legend.width, height - top), options)
    return PAD_INCHES + legend.width


def _keys(workbook: Workbook, shown: list[Round], hollow: set[str], any_not_applicable: bool,
          options: ChartOptions, dated: bool, name_width: int = NAME_WIDTH) -> list[Key]:
    """'1  รอบที่ ๑ / 15 พ.ย. 2568' per shown round (without the date when `dated` is False), the self
    line when there is one, the band, and × when some level is "not applicable"."""
    looks = round_looks(workbook)
    numbers = round_numbers(workbook)
    keys = [Key(f"{options.number(numbers[r.round_id])}  {round_label(r, options, name_width, date=dated)}",
                looks[r.round_id].marker, looks[r.round_id].colour, r.round_id in hollow) for r in shown]
    if sum(r.assessor != "external" for r in shown) > 1:  # a line needs two rounds
        keys.append(Key(t("chart_progress_self_line", options.lang), "line", SELF_LINE))
    keys.append(Key(t("chart_progress_band", options.lang), "band", BAND))
    if any_not_applicable:
        keys.append(Key(t("chart_progress_not_applicable", options.lang), "x", NOT_APPLICABLE_MARK))
    return keys


def _arrange(keys: list[Key], way: Way, room: float, options: ChartOptions) -> Legend | None:
    """The keys in the fewest columns (at most `way.columns`) that fit `room` inches high, as even
    as they go; None when they do not fit."""
    size = options.style.label_size
    em = size / 72
    heading = t("chart_progress_rounds", options.lang)
    heading_width, heading_height = text_inches(heading, size)
    boxes = [text_inches(key.label, size) for key in keys]
    tall = [h + way.spacing * em for _, h in boxes]
    room -= heading_height + way.spacing * em
    for count in range(1, min(way.columns, len(keys)) + 1):
        runs = _even_columns(tall, count, room)
        if runs is None:
            continue
        widths = tuple((KEY_LENGTH + KEY_GAP) * em + max(boxes[k][0] for k in run) for run in runs)
        width = max(heading_width, sum(widths) + (len(widths) - 1) * KEY_COLUMN_GAP * em)
        return Legend(heading, tuple(tuple(keys[k] for k in run) for run in runs), widths, width, way.spacing)
    return None


def _even_columns(tall: list[float], count: int, room: float) -> list[range] | None:
    """Entries of these heights in order in at most `count` columns no higher than `room`, the
    highest as low as it goes (so the columns end level); None when they do not fit."""
    def fill(limit: float) -> list[range]:
        runs, start, used = [], 0, 0.0
        for k, h in enumerate(tall):
            if k > start and used + h > limit + 1e-9:
                runs.append(range(start, k))
                start, used = k, 0.0
            used += h
        return [*runs, range(start, len(tall))]

    if max(tall) > room + 1e-9 or len(fill(room)) > count:
        return None
    limit = max(max(tall), sum(tall) / count)
    while len(fill(limit)) > count:  # ends by `room` at the latest
        limit += min(tall) / 4
    return fill(min(limit, room))


def _draw_legend(figure: Figure, legend: Legend, corner: tuple[float, float], options: ChartOptions) -> None:
    """The legend's words as texts, its marks as one collection per kind; `corner`: its top left, in
    inches from the figure's bottom left."""
    style = options.style
    size = style.label_size
    em = size / 72
    inches = figure.dpi_scale_trans
    x, y = corner
    common = {"fontsize": size, "color": style.ink, "transform": inches, "ha": "left", "va": "top"}
    figure.text(x, y, legend.heading, gid="progress-legend-title", **common)
    y -= text_inches(legend.heading, size)[1] + legend.spacing * em
    marks: dict[tuple[str, bool], list[tuple[tuple[float, float], str]]] = {}
    lines: dict[str, list] = {}
    bands: dict[str, list] = {}
    for column, column_width in zip(legend.columns, legend.widths):
        top = y
        for key in column:
            figure.text(x + (KEY_LENGTH + KEY_GAP) * em, top, key.label, gid="progress-legend", **common)
            centre = top - text_inches(key.label.split("\n")[0], size)[1] / 2  # beside the first line
            if key.mark == "line":
                lines.setdefault(key.colour, []).append(((x, centre), (x + KEY_LENGTH * em, centre)))
            elif key.mark == "band":
                half = KEY_HEIGHT * em / 2
                bands.setdefault(key.colour, []).append(((x, centre - half), (x + KEY_LENGTH * em, centre - half),
                              (x + KEY_LENGTH * em, centre + half), (x, centre + half)))
            else:
                marks.setdefault((key.mark, key.hollow), []).append(((x + KEY_LENGTH * em / 2, centre), key.colour))
            top -= text_inches(key.label, size)[1] + legend.spacing * em
        x += column_width + KEY_COLUMN_GAP * em
    for colour, segments in lines.items():
        figure.add_artist(LineCollection(segments, colors=colour, linewidths=style.line_width * 0.8, transform=inches))
    for colour, shapes in bands.items():
        figure.add_artist(PolyCollection(shapes, facecolors=colour, edgecolors="none", transform=inches))
    for (mark, empty), items in marks.items():
        colours = [colour for _, colour in items]
        cross = mark == "x"
        figure.add_artist(PathCollection(
            [marker_path(mark)], sizes=[(style.base_size * (0.6 if cross else 0.7)) ** 2],
            offsets=[xy for xy, _ in items], offset_transform=inches, transform=IdentityTransform(),
            facecolors="none" if cross else ("white" if empty else colours), edgecolors=colours,
            linewidths=style.line_width * 0.7 if cross else 1.0, gid="progress-legend-marks"))
