"""Progress: one small panel per indicator, its level round after round, the target as a band."""

from __future__ import annotations

import math
from functools import cache

import numpy as np
from matplotlib.collections import PathCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.markers import MarkerStyle
from matplotlib.patches import Patch, Rectangle
from matplotlib.path import Path
from matplotlib.transforms import IdentityTransform

from ..model import Indicator, Round, Workbook
from ..text import t
from .common import (
    NOT_APPLICABLE,
    NOT_YET,
    SCORED,
    ChartOptions,
    chosen_rounds,
    indicator_label,
    level_axis,
    level_matrices,
    levels,
    message,
    new_figure,
    notes,
    nothing_to_draw,
    other_scales,
    round_handles,
    round_label,
    round_looks,
    scale_notes,
    title,
)

MANY_ROUNDS = 6  # more rounds than this: legend entries without their dates, or the legend runs off the page
COLUMNS = 4  # 12 indicators: 4 × 3 panels fill 1280×720; more indicators add rows (the figure scrolls)
BAND = "#CFE8D5"  # pale green: "reached"; the band is named in the legend, not told by colour alone
FLOOR = 0.8  # the lowest level sits this far above the x axis: room for × ("not applicable") under it
SELF_LINE = "#555555"
EXTERNAL_LINE = "#8a8a8a"
NOT_APPLICABLE_MARK = "#444444"
# per theme: inches for the title and notes, inches per row of panels, characters per panel title line
HEADER_INCHES = {"projector": 1.6, "print": 1.0}
ROW_INCHES = {"projector": 1.87, "print": 1.33}
LEGEND_INCHES = {"projector": 3.6, "print": 2.3}  # what the legend takes on the right
CHAR_EM = 0.5  # a Thai title's width per character (marks counted), in em, with room for wrap's overflow


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
    rows, columns = _grid(len(indicators))
    figure = new_figure(options, height=_height(rows, options))
    title(figure, t("chart_progress_title", options.lang), options, subtitle=_subtitle(options))
    problem = nothing_to_draw(workbook, shown, options, table)
    if problem:
        message(figure.add_subplot(), problem, options)
        return figure
    values, states = level_matrices(table, indicators, shown)
    scale = level_axis(workbook, shown)
    # not shared axes: every panel gets the same limits anyway, and sharing costs time per draw
    panels = figure.subplots(rows, columns, squeeze=False).ravel()
    hollow = {r.round_id for r, _ in other_scales(workbook, shown)}
    numbers = round_numbers(workbook)
    for n, axes in enumerate(panels):
        if n >= len(indicators):
            axes.set_visible(False)  # the last row's empty slots
            continue
        _frame(axes, indicators[n], [numbers[r.round_id] for r in shown], scale, options,
               bottom=n + columns >= len(indicators), left=n % columns == 0, title_width=_title_width(columns, options))
        _draw_panel(axes, workbook, shown, values[:, n], states[:, n], indicators[n], hollow, options)
    figure.supylabel(t("chart_level", options.lang), fontsize=options.style.base_size, color=options.style.ink)
    _legend(figure, workbook, shown, hollow, (states == NOT_APPLICABLE).any(), options)
    lines = scale_notes(workbook, shown, options)
    lines += [t("chart_progress_hollow", options.lang)] if lines else []
    empty = [r for r, row in zip(shown, states) if not (row == SCORED).any()]
    if empty:
        lines.append(t("chart_progress_empty_rounds", options.lang, labels=", ".join(r.label for r in empty)))
    if (states[[r not in empty for r in shown]] == NOT_YET).any():
        lines.append(t("chart_progress_gap", options.lang))
    notes(figure, lines, options)
    return figure


# --- what there is to draw -----------------------------------------------------------------


def _subtitle(options: ChartOptions) -> str:
    """'ระดับ: ฉันทามติ': which level is drawn (the legend names the rounds, numbered as on the x axes)."""
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


def _title_width(columns: int, options: ChartOptions) -> int:
    """Characters per line of a panel's title: what a panel's width holds at the label size."""
    room = (options.style.width_inches - LEGEND_INCHES[options.theme]) * 72 / columns - 12
    return max(10, int(room / (CHAR_EM * options.style.label_size)))


# --- one panel -------------------------------------------------------------------------------


def _frame(axes, indicator: Indicator, numbers: list[int], scale: range, options: ChartOptions, bottom: bool,
           left: bool, title_width: int) -> None:
    """The panel's title, levels (numbered in the first column), round numbers (on panels with none
    below), the target band. Panels without numbers get no ticks at all: ticks are what costs time."""
    count = len(numbers)
    style = options.style
    # y given: matplotlib then skips placing the title around tick labels, slow with many panels
    axes.set_title(indicator_label(indicator, options, title_width, 2), loc="left", pad=3, y=1.0,
                   fontsize=style.label_size, color=style.ink, linespacing=1.0)
    top = scale.stop - 1 + 0.5
    axes.set_ylim(scale.start - FLOOR, top)
    axes.set_xlim(-0.5, count - 0.5)
    if left:
        axes.set_yticks(list(scale), [options.number(level) for level in scale])
    else:
        axes.set_yticks([])
    if bottom:
        axes.set_xticks(range(count), [options.number(number) for number in numbers])
    else:
        axes.set_xticks([])
    if left or bottom:
        axes.tick_params(labelsize=style.label_size, length=0, colors=style.ink)
    axes.hlines(list(scale), 0, 1, transform=axes.get_yaxis_transform(), colors="#dddddd", linewidth=1,
                zorder=0.5)
    axes.spines[["top", "right"]].set_visible(False)
    axes.spines[["left", "bottom"]].set_color("#999999")
    if indicator.target is not None:  # as axhspan draws it, without its costly autoscaling
        axes.add_artist(Rectangle((0, indicator.target), 1, top - indicator.target,
                                  transform=axes.get_yaxis_transform(), facecolor=BAND, edgecolor="none",
                                  zorder=0, gid="progress-band"))


def _draw_panel(axes, workbook: Workbook, shown: list[Round], values: np.ndarray, states: np.ndarray,
                indicator: Indicator, hollow: set[str], options: ChartOptions) -> None:
    """The self line (broken where a level is missing), external diamonds, a point per round, × for n/a."""
    style = options.style
    x = np.arange(len(shown))
    own = np.array([r.assessor != "external" for r in shown])
    axes.plot(x[own], values[own], color=SELF_LINE, linewidth=style.line_width * 0.8, zorder=2,
              gid="progress-self-line")
    if (~own).sum() > 1:  # external rounds among themselves, dashed, never into the self line
        axes.plot(x[~own], values[~own], color=EXTERNAL_LINE, linewidth=style.line_width * 0.6,
                  linestyle="--", zorder=2, gid="progress-external-line")
    _draw_points(axes, workbook, shown, values, hollow, options)
    not_applicable = x[states == NOT_APPLICABLE]
    if len(not_applicable):
        # on the panel's floor (the x axis), below every level: "not applicable" is no level at all
        axes.scatter(not_applicable, np.zeros(len(not_applicable)), marker="x", color=NOT_APPLICABLE_MARK,
                     s=style.marker_size * 0.6, linewidths=style.line_width * 0.7, zorder=4, clip_on=False,
                     transform=axes.get_xaxis_transform(), gid="progress-not-applicable")
    if not (states == SCORED).any():
        word = "chart_not_applicable" if (states == NOT_APPLICABLE).all() else "chart_not_yet"
        axes.text(0.5, 0.5, t(word, options.lang), transform=axes.transAxes, ha="center", va="center",
                  fontsize=style.label_size, color="#333333", zorder=5,
                  bbox={"facecolor": "white", "edgecolor": "#999999", "boxstyle": "round,pad=0.3"})


def _draw_points(axes, workbook: Workbook, shown: list[Round], values: np.ndarray, hollow: set[str],
                 options: ChartOptions) -> None:
    """One collection per marker kind (self or external, filled or hollow), each point in its round's colour.

    Built as PathCollections directly: axes.scatter does the same, several times slower.
    """
    looks = round_looks(workbook)
    groups: dict[tuple[str, bool], list[int]] = {}
    for n, round_ in enumerate(shown):
        if not np.isnan(values[n]):
            groups.setdefault((looks[round_.round_id].marker, round_.round_id in hollow), []).append(n)
    for (marker, empty), members in groups.items():
        colours = [looks[shown[n].round_id].colour for n in members]
        points = PathCollection([_marker_path(marker)], sizes=[options.style.marker_size * 0.6],
                                offsets=np.column_stack([members, values[members]]), offset_transform=axes.transData,
                                transform=IdentityTransform(),  # marker sizes in points, as scatter's
                                facecolors="white" if empty else colours, edgecolors=colours if empty else "white",
                                linewidths=1.8 if empty else 1.0, zorder=3, gid="progress-points")
        points.set_clip_on(False)
        axes.add_collection(points, autolim=False)


@cache
def _marker_path(marker: str) -> Path:
    style = MarkerStyle(marker)
    return style.get_path().transformed(style.get_transform())


def round_numbers(workbook: Workbook) -> dict[str, int]:
    """Round id -> its number in date order over all rounds (1, 2, …): the same round has the same
    number under the panels whichever rounds are chosen, as it has the same colour."""
    return {r.round_id: n for n, r in enumerate(workbook.rounds_in_order(), start=1)}


def _legend(figure: Figure, workbook: Workbook, shown: list[Round], hollow: set[str], any_not_applicable: bool,
            options: ChartOptions) -> None:
    """Numbered rounds (as under the panels) with their look, then the line, the band and ×."""
    style = options.style
    handles = round_handles(workbook, shown, options)
    many = len(shown) > MANY_ROUNDS
    numbers = round_numbers(workbook)
    for handle, round_ in zip(handles, shown):
        label = round_label(round_, options, date=False) if many else handle.get_label()
        handle.set_label(f"{options.number(numbers[round_.round_id])}  {label}")
        if round_.round_id in hollow:
            handle.set_markerfacecolor("white")
    if sum(r.assessor != "external" for r in shown) > 1:  # a line needs two rounds
        handles.append(Line2D([], [], color=SELF_LINE, linewidth=style.line_width * 0.8,
                              label=t("chart_progress_self_line", options.lang)))
    handles.append(Patch(facecolor=BAND, edgecolor="none", label=t("chart_progress_band", options.lang)))
    if any_not_applicable:
        handles.append(Line2D([], [], color=NOT_APPLICABLE_MARK, marker="x", linestyle="",
                              markersize=style.base_size * 0.6, markeredgewidth=style.line_width * 0.7,
                              label=t("chart_progress_not_applicable", options.lang)))
    figure.legend(handles=handles, loc="outside right upper", frameon=False, fontsize=style.label_size,
                  labelspacing=0.4 if many else 0.8, title=t("chart_progress_rounds", options.lang),
                  title_fontsize=style.label_size, alignment="left")
