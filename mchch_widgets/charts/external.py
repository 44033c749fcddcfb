"""Self vs external: the group's own level and the outsiders' level of each indicator (dumbbell).

How to read it: one row per indicator; the circle is the group's self-assessment, the
diamond the external assessment, a line joins them; the longer the line, the more the two
views differ. The words at the row's end say by how much the outsiders differ (external
minus self, with a ▲ or ▼ mark); rows a level or more apart have their words framed, a dark
line and a shaded band. The dark tick is the target.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection, PolyCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import BoxStyle, Patch
from matplotlib.path import Path
from matplotlib.transforms import ScaledTranslation

from .. import compare
from ..assessment import round_scale
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
    levels,
    message_figure,
    new_figure,
    note_inches,
    notes,
    other_scales,
    place,
    plain,
    round_handles,
    round_looks,
    scale_notes,
    text_inches,
    title,
    title_inches,
)

# Marks beside a row's words, drawn as markers: Noto Sans Thai has no ▲ ▼ ✓ glyphs.
SYMBOLS = {"higher": "^", "lower": "v", "reached": r"$\checkmark$"}
BAND = "#E8E8E8"  # the band behind rows that differ: with the framed words, more than colour alone
NEAR_LINE = "#B0B0B0"  # the line of rows less than a level apart
FAR_LINE = "#444444"  # the line of rows a level or more apart
NOT_AGREED = "not_agreed"  # a side's state: rated alone, no consensus yet (pair_rows)
MISSING_WORDS = {NOT_APPLICABLE: "chart_external_missing_na", NOT_AGREED: "chart_external_missing_not_agreed"}


def external_pair(workbook: Workbook, options: ChartOptions) -> tuple[Round | None, Round | None]:
    """(self round, external round) the chart compares; None where there is none.

    External: the latest chosen external round with levels, else the workbook's. Self: the
    group's round with levels held just before (or on) the visit, whether it is chosen or
    not: the group's own view when the outsiders came (compare.outside_rounds, as the summary).
    """
    shown, _ = chosen_rounds(workbook, options)
    externals = [r for r in shown if r.assessor == "external"]
    externals = externals or [r for r in workbook.rounds_in_order() if r.assessor == "external"]
    return compare.outside_rounds(workbook, externals, options.value)


def external_chart(workbook: Workbook, options: ChartOptions = ChartOptions()) -> Figure:
    """Self vs external per selected indicator: two dots and a line between them (a dumbbell).

    The level of each side is options.value (consensus or median) of the rounds external_pair
    picks; the words at the end of a row say external minus self ("ภายนอก +1"), framed, with a
    dark line on a shaded band, where they are a level or more apart; a missing side is said
    in words and never drawn as 0. Rounds on other scales are named under the chart, and
    their levels are not subtracted.
    """
    lang = options.lang
    own, outside = external_pair(workbook, options)
    heading, subtitle = t("chart_external_title", lang), _subtitle(own, outside, options)
    indicators = workbook.selected_indicators()
    if not indicators:
        return message_figure(options, heading, subtitle, t("chart_no_indicators", lang))
    if outside is None:
        return message_figure(options, heading, subtitle, t("chart_external_none", lang))
    if own is None:
        return message_figure(options, heading, subtitle, t("chart_external_no_self", lang, external=outside.label))
    pairs = pair_rows(workbook, options, own, outside)
    if not ((pairs["self_state"] == SCORED) | (pairs["external_state"] == SCORED)).any():
        return message_figure(options, heading, subtitle, t("chart_external_no_levels", lang, self=own.label,
                                                            external=outside.label,
                                                            value=t(f"chart_value_{options.value}", lang)))
    comparable = round_scale(workbook, own) == round_scale(workbook, outside)
    records = pairs.to_dict("records")
    words = [row_words(row, options, comparable) for row in records]
    # Targets are on the workbook's scale: beside levels of another scale they would mislead.
    with_targets = not other_scales(workbook, [own, outside])
    handles = round_handles(workbook, [own, outside], options)
    if with_targets:
        handles.append(target_handle(options))
    if any(w.strong for w in words):
        handles.append(Patch(facecolor=BAND, edgecolor=FAR_LINE,
                             label=t("chart_external_differs", lang, n=options.number(1))))
    not_agreed = [t("chart_external_note_not_agreed", lang)] if any(
        NOT_AGREED in (row["self_state"], row["external_state"]) for row in records) else []
    rows = row_layout(indicators, options, words)
    figure, axes = row_figure(rows, words, level_axis(workbook, [own, outside]), handles, options, heading=heading,
                              subtitle=subtitle, note_lines=[t("chart_external_note", lang)] + not_agreed
                              + scale_notes(workbook, [own, outside], options))
    _draw_pairs(axes, workbook, pairs, rows, words, (own, outside), with_targets, options)
    return figure


@dataclass(frozen=True)
class Words:
    """What is written at a row's end, and whether the row stands out."""

    text: str
    symbol: str = ""  # a key of SYMBOLS: the mark beside the words
    strong: bool = False


def pair_rows(workbook: Workbook, options: ChartOptions, own: Round, outside: Round) -> pd.DataFrame:
    """One row per selected indicator (workbook order): each side's level (NaN when none) and state, the target.

    A state is agreed_states()'s.
    """
    table = levels(workbook, options, rounds=[own, outside])
    ids = [i.indicator_id for i in workbook.selected_indicators()]
    level, target, state = _floats(table["level"]), _floats(table["target"]), agreed_states(table, options).to_numpy()
    # by position, not by pandas' reindexing: a few rows, drawn at every click
    row_of = {key: k for k, key in enumerate(zip(table["round_id"], table["indicator_id"]))}

    def side(values: np.ndarray, round_: Round) -> list:
        rows = [row_of.get((round_.round_id, i)) for i in ids]
        return [np.nan if k is None else values[k] for k in rows]

    return pd.DataFrame({
        "indicator_id": ids,
        "target": side(target, own),
        "self": side(level, own), "self_state": side(state, own),
        "external": side(level, outside), "external_state": side(state, outside),
    }).astype({"target": "float64", "self": "float64", "external": "float64"})


def agreed_states(table: pd.DataFrame, options: ChartOptions) -> pd.Series:
    """levels()'s states, NOT_AGREED where the consensus is shown, people rated alone and the
    group has not agreed yet: "not agreed yet" points to the median, "no score" would mislead."""
    waiting = (table["state"] == NOT_YET) & (table["n_raters"] > 0) & (options.value == "consensus")
    return table["state"].where(~waiting, NOT_AGREED)


def row_words(row: dict, options: ChartOptions, comparable: bool) -> Words:
    """'ภายนอก +1' / 'ภายนอก −2' / 'ตรงกัน', or which side has no level and why."""
    lang = options.lang
    have_self, have_external = row["self_state"] == SCORED, row["external_state"] == SCORED
    if have_self and have_external:
        if not comparable:
            return Words(t("chart_external_other_scales", lang))
        difference = row["external"] - row["self"]
        strong = abs(difference) >= 1
        if difference > 0:
            return Words(t("chart_external_higher", lang, n=options.number(difference)), "higher", strong)
        if difference < 0:
            return Words(t("chart_external_lower", lang, n=options.number(-difference)), "lower", strong)
        return Words(t("chart_external_same", lang))
    if not have_self and not have_external and row["self_state"] == row["external_state"] != NOT_AGREED:
        both = "chart_external_both_na" if row["self_state"] == NOT_APPLICABLE else "chart_external_both_missing"
        return Words(t(both, lang))
    missing = [(side, row[f"{side}_state"]) for side in ("self", "external") if row[f"{side}_state"] != SCORED]
    return Words("\n".join(
        t(MISSING_WORDS.get(state, "chart_external_missing"), lang, side=t(f"chart_external_side_{side}", lang))
        for side, state in missing))


def _draw_pairs(axes: Axes, workbook: Workbook, pairs: pd.DataFrame, rows: Rows, words: list[Words],
                rounds: tuple[Round, Round], with_targets: bool, options: ChartOptions) -> None:
    style = options.style
    looks = round_looks(workbook)
    ys = np.array(rows.ys)
    strong = np.array([w.strong for w in words], dtype=bool)
    if strong.any():  # the shaded band behind rows that differ, across the plot: one collection
        halves = np.array(rows.heights)[strong] * 0.46
        bands = [[(0, y - h), (1, y - h), (1, y + h), (0, y + h)] for y, h in zip(ys[strong], halves)]
        axes.add_collection(PolyCollection(bands, facecolors=BAND, edgecolors="none", zorder=0,
                                           transform=axes.get_yaxis_transform(), gid="differs-band"), autolim=False)
    both = (pairs["self"].notna() & pairs["external"].notna()).to_numpy()
    if both.any():  # the dumbbells' bars: one line collection
        axes.hlines(ys[both], pairs["self"][both], pairs["external"][both],
                    colors=[FAR_LINE if s else NEAR_LINE for s in strong[both]],
                    linewidths=style.line_width * 2.2, zorder=2, gid="dumbbells")
    if with_targets:
        draw_targets(axes, pairs["target"], rows.ys, options)
    # The self circle is drawn larger, so an equal pair shows the diamond inside a ring.
    for side, round_, size in (("self", rounds[0], 2.4), ("external", rounds[1], 0.8)):
        present = pairs[side].notna().to_numpy()
        look = looks[round_.round_id]
        markers(axes, pairs[side][present], ys[present], marker=look.marker, area=style.marker_size * size,
                colour=look.colour, edge="white", edge_width=1.2, zorder=4, gid=f"{side}-levels")


# --- shared with the gap chart: one row per indicator, words at the row's end ----------------
#
# Laid out by hand, on one Axes with its axis off: the titles, the level numbers and the
# words are plain texts placed in inches, the grid one line collection. Matplotlib's ticks
# and layout engine cost more than the chart itself.

LABEL_WIDEN = {"projector": 1.5, "print": 1.25}  # five levels need little width: give it to the titles
GRID = "#CCCCCC"
TITLE_PAD_INCHES = 0.1  # between a row's title and the plot
WORDS_PAD_INCHES = 8 / 72  # between the plot and a row's words
# The frame around strong words, in font sizes: room at the sides; none above and below, as the
# text's box already holds Thai's marks above and below the line; its corners' radius.
FRAME_SIDE, FRAME_ROUNDING = 0.25, 0.25
NUMBER_PAD_INCHES = 5 / 72  # between the plot's bottom line and the level numbers
LEGEND_GAP_INCHES = 0.07  # between the legend (its own padding inside) and the plot
NORMAL_LINES = 1.0  # what matplotlib's "normal" line spacing (its default) measures in Noto Sans Thai
# A row's height in font sizes: per line of its title (Noto Sans Thai's line, marks above and
# below included) and the gap between rows; at the least, a line as drawn and a small gap.
ROW_LINE, ROW_GAP, LINE, LEAST_ROW_GAP = 1.45, 0.6, 1.52, 0.25
# matplotlib's Legend, in font sizes: the box's padding, a handle's length, the gaps (legend_above)
LEGEND_BORDER, LEGEND_HANDLE, LEGEND_HANDLE_GAP, LEGEND_COLUMN_GAP, LEGEND_ROW_GAP = 0.4, 2.0, 0.8, 1.5, 0.5


@dataclass(frozen=True)
class Rows:
    """Where each indicator's row sits (top row first): its wrapped title, centre and height.

    y is in inches at the rows' comfortable height, so a one-line title gets a low row and a
    two-line title a taller one, and the figure grows with the titles instead of shrinking them.
    `least` is the share of that height the rows can be squeezed to, their texts still clear
    of each other: to keep a chart of ten rows on one projector screen.
    """

    labels: list[str]
    ys: list[float]
    heights: list[float]
    least: float = 1.0

    @property
    def total(self) -> float:
        return sum(self.heights)


def row_layout(indicators: list[Indicator], options: ChartOptions, words: list[Words] | None = None) -> Rows:
    """The rows of these indicators, each as tall as its title's lines or its words' lines, whichever more."""
    style = options.style
    width = round(style.label_width * LABEL_WIDEN[options.theme])
    labels = [indicator_label(i, options, width=width) for i in indicators]
    lines = [label.count("\n") + 1 for label in labels]
    if words is not None:
        lines = [max(n, w.text.count("\n") + 1) for n, w in zip(lines, words)]
    em = style.label_size / 72
    heights = [(ROW_LINE * n + ROW_GAP) * em for n in lines]
    least = max((LINE * n + LEAST_ROW_GAP) / (ROW_LINE * n + ROW_GAP) for n in lines) if lines else 1.0
    ys, top = [], sum(heights)
    for height in heights:
        ys.append(top - height / 2)
        top -= height
    return Rows(labels, ys, heights, min(least, 1.0))


def row_figure(rows: Rows, words: list[Words], scale: range, handles: list, options: ChartOptions, *,
               heading: str, subtitle: str = "", note_lines: Sequence[str] = ()) -> tuple[Figure, Axes]:
    """A figure with the title, the legend, the rows' titles and words, the level axis and the notes;
    its axes (x: levels, y: rows.ys) ready for the chart's marks.

    The figure is the theme's height, the rows squeezed a little if need be, or taller so that
    every row keeps its size: 30 indicators make a tall, scrolling figure rather than titles
    too small to read from the back of the hall. Rows spread out when there is room to spare.
    """
    style = options.style
    width = style.width_inches
    top = title_inches(heading, options, subtitle)  # before the figure: its height depends on it
    titles = [text_inches(label, style.label_size, NORMAL_LINES)[0] for label in rows.labels]
    titles.append(text_inches(t("chart_level", options.lang), style.base_size, NORMAL_LINES)[0])
    left = PAD_INCHES + max(titles) + TITLE_PAD_INCHES
    right = PAD_INCHES + WORDS_PAD_INCHES + max(_words_width(w, options) for w in words)
    columns, legend_height = legend_shape(handles, options, width - PAD_INCHES - right)
    above = top + (legend_height + LEGEND_GAP_INCHES if handles else 0)
    below = _axis_inches(scale, options) + note_inches(list(note_lines), options)
    plot = max(min(rows.total, style.height_inches - above - below), rows.total * rows.least)
    figure = new_figure(options, height=max(style.height_inches, above + plot + below))
    title(figure, heading, options, subtitle)
    axes = figure.add_axes((0, 0, 1, 1))
    place(axes, left, right, above, below)
    axes.set_axis_off()
    axes.set_xlim(scale.start - 0.4, scale.stop - 1 + 0.75)  # room right of the top level for a symbol
    axes.set_ylim(0, rows.total)
    _draw_level_axis(axes, scale, rows.total, options)
    _write_row_titles(axes, rows, options)
    write_row_words(axes, words, rows.ys, options)
    if handles:
        legend_above(axes, handles, options, columns)
    notes(figure, list(note_lines), options)
    return figure, axes


def legend_shape(handles: list, options: ChartOptions, room: float) -> tuple[int, float]:
    """(columns, height in inches) of legend_above's legend: one row when it fits in `room` inches
    wide, else as few rows as fit. Worked out from its labels' sizes as matplotlib's Legend packs them."""
    if not handles:
        return 1, 0.0
    size = options.style.label_size
    boxes = [text_inches(handle.get_label(), size, NORMAL_LINES) for handle in handles]
    for columns in range(len(handles), 1, -1):
        width, height = _legend_size(boxes, columns, size / 72)
        if width <= room:
            return columns, height
    return 1, _legend_size(boxes, 1, size / 72)[1]


def _legend_size(boxes: list[tuple[float, float]], columns: int, em: float) -> tuple[float, float]:
    """(width, height) in inches of a legend of labels this size in `columns` columns."""
    # matplotlib fills columns top to bottom, the first columns taking the extra entries
    split = [column for column in np.array_split(np.arange(len(boxes)), columns) if len(column)]
    width = sum(max(boxes[k][0] for k in column) for column in split)
    width += len(split) * (LEGEND_HANDLE + LEGEND_HANDLE_GAP) * em + (len(split) - 1) * LEGEND_COLUMN_GAP * em
    height = max(sum(boxes[k][1] for k in column) + (len(column) - 1) * LEGEND_ROW_GAP * em for column in split)
    return width + 2 * LEGEND_BORDER * em, height + 2 * LEGEND_BORDER * em


def legend_above(axes: Axes, handles: list, options: ChartOptions, columns: int | None = None) -> None:
    """The legend just above the plot, under the subtitle, flush with the plot's right end
    (it may reach left over the titles' column, which has nothing above it); row_figure
    reserves its room (legend_shape)."""
    axes.legend(handles=handles, loc="lower right", bbox_to_anchor=(1, 1), ncols=columns or len(handles),
                bbox_transform=axes.transAxes + ScaledTranslation(0, LEGEND_GAP_INCHES,
                                                                  axes.figure.dpi_scale_trans),
                frameon=False, fontsize=options.style.label_size, borderaxespad=0, borderpad=LEGEND_BORDER,
                handlelength=LEGEND_HANDLE, handletextpad=LEGEND_HANDLE_GAP, columnspacing=LEGEND_COLUMN_GAP,
                labelspacing=LEGEND_ROW_GAP)


def _words_width(words: Words, options: ChartOptions) -> float:
    """How far a row's words reach right of their start, their frame included."""
    size = options.style.label_size
    width = text_inches(plain(words.text), size, 1.0)[0]  # written with linespacing 1.0
    if words.strong:
        width += 2 * FRAME_SIDE * size / 72 + options.style.line_width * 0.6 / 72
    return width


def words_frame(x0: float, y0: float, width: float, height: float, mutation_size: float) -> Path:
    """The rounded frame of strong words (a boxstyle): room at their sides, none above and below."""
    side = FRAME_SIDE * mutation_size
    return BoxStyle.Round(pad=0, rounding_size=FRAME_ROUNDING)(x0 - side, y0, width + 2 * side, height, mutation_size)


def _axis_inches(scale: range, options: ChartOptions) -> float:
    """What the level numbers (and the word "level" beside them) take under the plot."""
    size = options.style.base_size
    texts = [options.number(level) for level in scale] + [t("chart_level", options.lang)]
    return NUMBER_PAD_INCHES + max(text_inches(text, size, NORMAL_LINES)[1] for text in texts)


def _draw_level_axis(axes: Axes, scale: range, top: float, options: ChartOptions) -> None:
    """A grid line at every level, the plot's bottom line, the level numbers under it and the
    word "level" before them, in the titles' column."""
    style = options.style
    left, right = axes.get_xlim()
    segments = [[(level, 0), (level, top)] for level in scale] + [[(left, 0), (right, 0)]]
    axes.add_collection(LineCollection(segments, colors=[GRID] * len(scale) + [style.ink],
                                       linewidths=[1] * len(scale) + [0.8], zorder=0.5, clip_on=False,
                                       gid="level-grid"), autolim=False)
    inches = axes.figure.dpi_scale_trans
    under = axes.get_xaxis_transform() + ScaledTranslation(0, -NUMBER_PAD_INCHES, inches)
    for level in scale:
        axes.text(level, 0, options.number(level), transform=under, ha="center", va="top",
                  fontsize=style.base_size, color=style.ink, gid="level-number")
    before = axes.transAxes + ScaledTranslation(-TITLE_PAD_INCHES, -NUMBER_PAD_INCHES, inches)
    axes.text(0, 0, t("chart_level", options.lang), transform=before, ha="right", va="top",
              fontsize=style.base_size, color=style.ink, gid="level-axis-label")


def _write_row_titles(axes: Axes, rows: Rows, options: ChartOptions) -> None:
    """Each indicator's title, right-aligned against the plot, level with its row."""
    style = options.style
    beside = axes.get_yaxis_transform() + ScaledTranslation(-TITLE_PAD_INCHES, 0, axes.figure.dpi_scale_trans)
    for label, y in zip(rows.labels, rows.ys):
        axes.text(0, y, label, transform=beside, ha="right", va="center", fontsize=style.label_size,
                  linespacing=1.0, color=style.ink, gid="row-title")


def draw_targets(axes: Axes, targets: pd.Series, ys: list[float], options: ChartOptions) -> None:
    """The target of each row as a tall dark tick (one line of markers)."""
    style = options.style
    present = targets.notna()
    if present.any():
        markers(axes, targets[present], [y for y, p in zip(ys, present) if p], marker="|", area=style.marker_size * 3,
                colour=style.ink, edge=style.ink, edge_width=style.line_width, zorder=3, gid="targets")


def markers(axes: Axes, xs, ys, *, marker: str, area: float, colour: str, edge: str, edge_width: float,
            zorder: float, gid: str) -> Line2D:
    """The same marker at every (x, y), as one line without its line: cheaper than a scatter to
    make and to write as SVG. `area` in points², as a scatter's sizes."""
    line = Line2D(np.asarray(xs, dtype=float), np.asarray(ys, dtype=float), linestyle="", marker=marker,
                  markersize=float(np.sqrt(area)), markerfacecolor=colour, markeredgecolor=edge,
                  markeredgewidth=edge_width, color=colour, zorder=zorder, gid=gid)
    axes.add_line(line)
    return line


def target_handle(options: ChartOptions) -> Line2D:
    style = options.style
    return Line2D([], [], linestyle="", marker="|", markersize=style.base_size * 1.3,
                  markeredgewidth=style.line_width, color=style.ink, label=t("chart_target", options.lang))


def write_row_words(axes: Axes, words: list[Words], ys: list[float], options: ChartOptions) -> None:
    """Each row's words right of the axes; its symbol (▲ ▼ ✓ as markers) just left of them."""
    style = options.style
    symbol_x = axes.get_xlim()[1] - 0.2
    for symbol in dict.fromkeys(w.symbol for w in words if w.symbol):
        mine = [y for w, y in zip(words, ys) if w.symbol == symbol]
        markers(axes, [symbol_x] * len(mine), mine, marker=SYMBOLS[symbol], area=style.marker_size * 0.9,
                colour=style.ink, edge=style.ink, edge_width=style.line_width * 0.4 if symbol == "reached" else 0,
                zorder=4, gid=f"symbol-{symbol}")
    after = axes.get_yaxis_transform() + ScaledTranslation(WORDS_PAD_INCHES, 0, axes.figure.dpi_scale_trans)
    for w, y in zip(words, ys):
        # Strong rows get a framed label: the bundled variable font has no bold weight for matplotlib.
        frame = {"boxstyle": words_frame, "facecolor": "white", "edgecolor": style.ink,
                 "linewidth": style.line_width * 0.6} if w.strong else None
        # x = 1: the plot's right end, where the words start after their pad
        axes.text(1, y, plain(w.text), transform=after, va="center", ha="left", fontsize=style.label_size,
                  color=style.ink, linespacing=1.0, bbox=frame, gid="row-words")


def _floats(column: pd.Series) -> np.ndarray:
    """A nullable column as plain floats, NaN where empty (never 0)."""
    return pd.to_numeric(column, errors="coerce").astype("float64").to_numpy()


def _subtitle(own: Round | None, outside: Round | None, options: ChartOptions) -> str:
    """Which two rounds, and why that self round: the group's own view just before the visit."""
    if own is None or outside is None:
        return ""
    key = "chart_external_subtitle" if own.held_on <= outside.held_on else "chart_external_subtitle_after"
    return t(key, options.lang, self=own.label, external=outside.label,
             value=t(f"chart_value_{options.value}", options.lang))
