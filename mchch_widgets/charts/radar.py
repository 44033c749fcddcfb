"""Radar: every indicator at once, one outline per chosen round, the target as a dotted ring.

Laid out by hand in inches: no layout engine, and no polar Axes (its tick and grid machinery
cost more than the chart). One Axes without axis lines, placed on the radar, holds the radar, its
titles and the key; the outlines keep (angle, level) as their data, and a `_Polar` transform turns
those into inches around the centre. The legend is drawn on the figure by hand.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.transforms import Affine2D, Transform

from ..model import Indicator, Round, Workbook
from ..text import t
from ..thai import format_date, wrap
from .common import (
    MAX_OVERLAID_ROUNDS,
    NOT_APPLICABLE,
    PAD_INCHES,
    SCORED,
    ChartOptions,
    chosen_rounds,
    indicator_label,
    left_out_note,
    level_axis,
    level_matrices,
    levels,
    message_figure,
    new_figure,
    notes,
    nothing_to_draw,
    other_scales,
    place,
    plain,
    round_label,
    round_looks,
    scale_notes,
    text_inches,
    title,
    title_width,
)
from .external import NOT_AGREED, agreed_states

MIN_SPOKES = 3  # with one or two spokes a radar is a line or a point: nothing to read
# beyond this, titles around the circle collide: spokes show numbers, a key lists titles (so too with
# fewer spokes when the titles would run into each other around a radar squeezed by notes and legend)
MANY_SPOKES = 12
TARGET_STYLE = (0, (1.2, 1.4))  # dots: unlike any round's solid or dashed line
FILL_ALPHA = 0.14
GRID = "#c8c8c8"
RING_POINTS = 181  # a ring is drawn as this many straight steps: round to the eye
KEY_CHAR_EM = 0.48  # a Thai title's width per character (marks count too), in em, with room to spare
KEY_COLUMNS = 2  # narrower columns would cut titles that differ only at the end ("… (ชุดที่ 2)")
KEY_LINE = 1.55  # the key's line height, in font sizes: a line of Noto Sans Thai is laid out 1.51 tall
# characters per line of a spoke's title (and lines): at the sides the margin is wide; at the top and
# bottom a title must stay narrow or it runs into its neighbours' titles
SIDE_SPOKE = {"projector": (22, 2), "print": (18, 3)}
END_SPOKE = {"projector": (18, 2), "print": (14, 3)}
MISSING_WORDS = {NOT_APPLICABLE: "chart_not_applicable", NOT_AGREED: "chart_radar_not_agreed"}  # on a spoke
SPOKE_LINESPACING = 1.1
LABEL_OFFSET = 8 / 72  # inches from the outer ring to a spoke's title
LEGEND_GAP = 0.35  # inches between the radar (its titles included) and the legend on its right
HANDLE_EM = 3.2  # a legend entry's line, in font sizes
HANDLE_GAP_EM = 0.8  # from that line to the entry's words
KEY_GAP = 0.15  # inches between the radar's lowest title and the key under it
RING_PATCH_EM = 1.2  # the light patch under a ring's number, in font sizes: over the digits, not the line's marks
MIN_RADIUS = 0.5  # inches: a radar squeezed smaller would say nothing (only on absurdly long titles)


def radar_chart(workbook: Workbook, options: ChartOptions = ChartOptions()) -> Figure:
    """Every selected indicator as a spoke (clockwise from the top, in workbook order), rings for levels.

    How to read it: each chosen round (at most the latest six) is an outline in its own colour,
    marker and line; the further out on a spoke, the higher the level. The thick dotted dark
    outline is the target. Only the latest round is lightly filled, so older outlines stay
    visible. Where a round has no level for an indicator (not yet scored, or "not applicable")
    its outline breaks there instead of dropping to the centre, and the spoke says so.
    Rounds scored on another scale have hollow markers and a footnote.
    """
    indicators = workbook.selected_indicators()
    shown, left_out = chosen_rounds(workbook, options, limit=MAX_OVERLAID_ROUNDS)
    table = levels(workbook, options, shown) if shown and indicators else None
    if table is not None:
        table = table.assign(state=agreed_states(table, options))
    problem = _empty_reason(workbook, indicators, shown, table, options)
    if problem:
        return message_figure(options, t("chart_radar_title", options.lang), _subtitle(shown, options), problem)
    values, states = level_matrices(table, indicators, shown)
    empty = _empty_rounds(shown, states)
    laid_out = _lay_out(workbook, indicators, shown, left_out, states, empty, options,
                        numbered=len(indicators) > MANY_SPOKES)
    if laid_out is None:  # titles around a squeezed radar would run into each other: numbers and a key
        laid_out = _lay_out(workbook, indicators, shown, left_out, states, empty, options, numbered=True)
    figure, axes, labels, frame = laid_out
    scale = level_axis(workbook, shown)
    polar = _polar(figure, frame, scale)
    _draw_frame(axes, polar, len(indicators), scale, options)
    _draw_rounds(axes, polar, workbook, shown, values, options)
    _draw_target(axes, polar, indicators, options)
    _draw_spoke_labels(axes, labels, frame, options)
    return figure


def _lay_out(workbook: Workbook, indicators: list[Indicator], shown: list[Round], left_out: list[Round],
             states: np.ndarray, empty: list[Round], options: ChartOptions,
             numbered: bool) -> tuple[Figure, Axes, list[_SpokeLabel], _Frame] | None:
    """A figure with its title, notes, legend (and with `numbered` spokes the key), the Axes placed
    on the radar, the spoke titles and where the radar goes. None when, not numbered, the spoke
    titles would run into each other around the largest radar that fits."""
    figure = new_figure(options, height=_height(len(indicators), options) if numbered else None)
    width, height = figure.get_size_inches()
    top = height - title(figure, t("chart_radar_title", options.lang), options, subtitle=_subtitle(shown, options))
    bottom = notes(figure, _notes(workbook, shown, left_out, states, empty, options), options)
    axes = figure.add_axes((0, 0, 1, 1), gid="radar")
    axes.set_axis_off()
    if numbered:
        key_top = bottom + _key_height(len(indicators), options)
        _draw_key(axes, indicators, shown, states, empty, options, top=key_top)
        bottom = key_top + KEY_GAP
    legend_left = _draw_legend(figure, workbook, shown, options, top, bottom)
    labels = _spoke_labels(indicators, shown, states, empty, options, numbered=numbered)
    frame = _fit(labels, PAD_INCHES, legend_left - LEGEND_GAP, bottom, top)
    if not numbered and _collide(labels, frame.radius):
        return None
    place(axes, frame.x - frame.radius, width - frame.x - frame.radius, height - frame.y - frame.radius,
          frame.y - frame.radius)
    return figure, axes, labels, frame


# --- what there is to draw -----------------------------------------------------------------


def _empty_reason(workbook: Workbook, indicators: list[Indicator], shown: list[Round],
                  table: pd.DataFrame | None, options: ChartOptions) -> str:
    """Why there is no radar to draw ('' when there is one): a radar needs three spokes."""
    if indicators and len(indicators) < MIN_SPOKES:
        return t("chart_radar_too_few", options.lang, minimum=options.number(MIN_SPOKES),
                 count=options.number(len(indicators)))
    return nothing_to_draw(workbook, shown, options, table)


def _subtitle(shown: list[Round], options: ChartOptions) -> str:
    """'ระดับ: ฉันทามติ · รอบที่ ๑, รอบที่ ๒': which level is drawn, for which rounds."""
    level = t("chart_radar_subtitle", options.lang, value=t(f"chart_value_{options.value}", options.lang))
    return " · ".join([level] + ([", ".join(r.label for r in shown)] if shown else []))


def _notes(workbook: Workbook, shown: list[Round], left_out: list[Round], states: np.ndarray,
           empty: list[Round], options: ChartOptions) -> list[str]:
    """Footnotes: other scales (hollow markers), rounds left out or without outline, broken outlines."""
    lines = scale_notes(workbook, shown, options)
    lines += [t("chart_radar_hollow", options.lang)] if lines else []
    lines += left_out_note(left_out, options)
    lines += _empty_notes(shown, states, empty, options)
    if (states[[r not in empty for r in shown]] != SCORED).any():
        lines.append(t("chart_radar_gap", options.lang))
    return lines


def _empty_rounds(shown: list[Round], states: np.ndarray) -> list[Round]:
    """Chosen rounds without a single level (just opened, say): one footnote, not a word on every spoke."""
    return [r for r, row in zip(shown, states) if not (row == SCORED).any()]


def _empty_notes(shown: list[Round], states: np.ndarray, empty: list[Round], options: ChartOptions) -> list[str]:
    """The footnotes for rounds without an outline: rated alone but not agreed yet, or nothing yet."""
    waiting = [r for r, row in zip(shown, states) if r in empty and (row == NOT_AGREED).any()]
    nothing = [r for r in empty if r not in waiting]
    lines = []
    for key, rounds in (("chart_radar_not_agreed_rounds", waiting), ("chart_radar_empty_rounds", nothing)):
        if rounds:
            lines.append(t(key, options.lang, labels=", ".join(r.label for r in rounds)))
    return lines


def _angles(count: int) -> np.ndarray:
    """Spoke angles, clockwise from the top."""
    return np.linspace(0, 2 * np.pi, count, endpoint=False)


def _closed(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Angles and values with the first spoke repeated at the end, so an outline closes."""
    count = len(values)
    return np.append(_angles(count), 2 * np.pi), np.append(values, values[0])


# --- sizes and places ------------------------------------------------------------------------


def _key_step(options: ChartOptions) -> float:
    """Inches from one line of the key to the next."""
    return options.style.label_size * KEY_LINE / 72


def _key_height(count: int, options: ChartOptions) -> float:
    """Inches the key takes: its heading and a line per indicator in each column, and a gap."""
    rows = math.ceil(count / KEY_COLUMNS) + 1  # and the key's heading
    return rows * _key_step(options) + 0.2


def _height(count: int, options: ChartOptions) -> float:
    """With many spokes the figure grows by the key under the radar (it scrolls on screen)."""
    return options.style.height_inches + _key_height(count, options)


@dataclass(frozen=True)
class _SpokeLabel:
    """A spoke's title (or number) and how it sits outside the outer ring."""

    indicator_id: str
    text: str
    across: float  # sine of the spoke's angle: + to the right
    up: float  # cosine: + upwards
    width: float  # inches
    height: float

    @property
    def ha(self) -> str:
        return "left" if self.across > 0.2 else "right" if self.across < -0.2 else "center"

    @property
    def va(self) -> str:
        return "bottom" if self.up > 0.7 else "top" if self.up < -0.7 else "center"


ALIGNED = {"left": 0.0, "bottom": 0.0, "center": 0.5, "right": 1.0, "top": 1.0}  # share of a box before its anchor


@dataclass(frozen=True)
class _Frame:
    """Where the radar is: its centre and the outer ring's radius, in inches from the figure's lower left."""

    x: float
    y: float
    radius: float


def _fit(labels: list[_SpokeLabel], left: float, right: float, bottom: float, top: float) -> _Frame:
    """The largest radar whose ring and spoke titles fit between these edges (inches), centred in the room.

    Every title's box moves outwards linearly with the radius, so the space taken grows with it:
    halving the interval finds the largest radius that fits.
    """
    def extent(radius: float) -> tuple[float, float, float, float]:
        x0, y0, x1, y1 = _boxes(labels, radius)
        return min(-radius, x0.min()), max(radius, x1.max()), min(-radius, y0.min()), max(radius, y1.max())

    def fits(radius: float) -> bool:
        x0, x1, y0, y1 = extent(radius)
        return x1 - x0 <= right - left and y1 - y0 <= top - bottom

    low, high = MIN_RADIUS, max(MIN_RADIUS, min(right - left, top - bottom) / 2)
    for _ in range(24):  # to a hundredth of a point
        middle = (low + high) / 2
        low, high = (middle, high) if fits(middle) else (low, middle)
    x0, x1, y0, y1 = extent(low)
    return _Frame(x=left + (right - left - (x1 - x0)) / 2 - x0, y=bottom + (top - bottom - (y1 - y0)) / 2 - y0,
                  radius=low)


def _boxes(labels: list[_SpokeLabel], radius: float) -> tuple[np.ndarray, ...]:
    """Left, bottom, right and top of every spoke title, in inches from the centre of a radar this large."""
    reach = radius + LABEL_OFFSET
    widths = np.array([label.width for label in labels])
    heights = np.array([label.height for label in labels])
    x0 = reach * np.array([label.across for label in labels]) - [ALIGNED[label.ha] for label in labels] * widths
    y0 = reach * np.array([label.up for label in labels]) - [ALIGNED[label.va] for label in labels] * heights
    return x0, y0, x0 + widths, y0 + heights


def _collide(labels: list[_SpokeLabel], radius: float) -> bool:
    """Whether any two spoke titles overlap around a radar this large."""
    x0, y0, x1, y1 = _boxes(labels, radius)
    overlap = ((x0[:, None] < x1[None, :]) & (x0[None, :] < x1[:, None])
               & (y0[:, None] < y1[None, :]) & (y0[None, :] < y1[:, None]))
    np.fill_diagonal(overlap, False)
    return bool(overlap.any())


class _Polar(Transform):
    """(angle clockwise from the top, level) -> inches from the radar's centre: what a polar Axes
    would do, without its ticks. Straight lines stay straight between spokes; NaN stays NaN."""

    input_dims = output_dims = 2

    def __init__(self, centre: float, inches_per_level: float) -> None:
        super().__init__()
        self.centre, self.inches_per_level = centre, inches_per_level

    def transform_non_affine(self, values):
        angle, level = np.asarray(values, dtype=float).T
        reach = (level - self.centre) * self.inches_per_level
        return np.column_stack([reach * np.sin(angle), reach * np.cos(angle)])


def _polar(figure: Figure, frame: _Frame, scale: range) -> Transform:
    """Data (angle, level) to the figure's pixels. The centre is one step below the lowest level;
    the outer ring a little beyond the highest, so its markers stay inside."""
    centre, outer = scale.start - 1, scale.stop - 1 + 0.3
    return (_Polar(centre, frame.radius / (outer - centre)) + Affine2D().translate(frame.x, frame.y)
            + figure.dpi_scale_trans)


# --- drawing ---------------------------------------------------------------------------------


def _draw_frame(axes: Axes, polar: Transform, count: int, scale: range, options: ChartOptions) -> None:
    """Spokes, one ring per level with its number, the centre one step below the lowest level.

    The centre is not a level: with it at the lowest level, level 1 would be a point and
    every outline touching it would vanish into the middle.
    """
    style = options.style
    centre = scale.start - 1
    around = np.append(np.linspace(0, 2 * np.pi, RING_POINTS), np.nan)
    rings = np.concatenate([np.full(RING_POINTS + 1, float(level)) for level in scale])
    axes.add_artist(Line2D(np.tile(around, len(scale)), rings, color=GRID, linewidth=1, zorder=0.5,
                           transform=polar, clip_on=False, gid="radar-rings"))
    spokes = np.repeat(_angles(count), 3)
    lengths = np.tile([centre, scale.stop - 1, np.nan], count)
    axes.add_artist(Line2D(spokes, lengths, color=GRID, linewidth=1, zorder=0.5, transform=polar, clip_on=False,
                           gid="radar-spokes"))
    # the ring numbers over the outlines, half way to the next spoke (off every spoke), each on a
    # light patch; one collection of patches, as a text's own bbox is a patch per text
    places = [(np.pi / count, float(level)) for level in scale]
    words = [options.number(level) for level in scale]
    size = style.label_size * 0.9
    width = max(text_inches(word, size)[0] for word in words) + 2 / 72  # a point of padding around
    height = RING_PATCH_EM * size / 72  # the digits' height, not the Thai line's: rings can be close
    patch = [(-width / 2, -height / 2), (width / 2, -height / 2), (width / 2, height / 2), (-width / 2, height / 2)]
    axes.add_collection(PolyCollection([patch], offsets=places, offset_transform=polar,
                                       transform=axes.figure.dpi_scale_trans, facecolors="white", edgecolors="none",
                                       alpha=0.85, zorder=11.5, clip_on=False), autolim=False)
    for place_, word in zip(places, words):
        axes.text(*place_, word, ha="center", va="center", fontsize=size, color="#333333", zorder=12,
                  gid="radar-ring-label", transform=polar, clip_on=False)


def _draw_rounds(axes: Axes, polar: Transform, workbook: Workbook, shown: list[Round], values: np.ndarray,
                 options: ChartOptions) -> None:
    """One outline per round in its look; NaN levels break the line (no vertex, no drop to 0)."""
    style = options.style
    looks = round_looks(workbook)
    hollow = {r.round_id for r, _ in other_scales(workbook, shown)}
    for row, round_ in enumerate(shown):
        look = looks[round_.round_id]
        angles, radii = _closed(values[row])
        latest = row == len(shown) - 1
        axes.add_artist(Line2D(
            angles, radii, color=look.colour, linestyle=look.line_style,
            linewidth=style.line_width * (1.0 if latest else 0.8), marker=look.marker,
            markersize=style.base_size * 0.55, markerfacecolor="white" if round_.round_id in hollow else look.colour,
            markeredgecolor=look.colour, markeredgewidth=1.5, zorder=3 + row, transform=polar, clip_on=False,
            gid=f"radar-round-{round_.round_id}"))
    drawn = [row for row in range(len(shown)) if not np.isnan(values[row]).all()]
    if drawn:  # the latest round with an outline (a just-opened round has none)
        centre = level_axis(workbook, shown).start - 1
        _fill_latest(axes, polar, values[drawn[-1]], looks[shown[drawn[-1]].round_id].colour, centre)


def _fill_latest(axes: Axes, polar: Transform, values: np.ndarray, colour: str, centre: float) -> None:
    """A light fill under the latest outline: wedges only between neighbouring spokes with levels."""
    angles, radii = _closed(values)
    wedges = [
        [(0.0, centre), (angles[n], radii[n]), (angles[n + 1], radii[n + 1])]
        for n in range(len(values))
        if not (np.isnan(radii[n]) or np.isnan(radii[n + 1]))
    ]
    if wedges:
        axes.add_collection(PolyCollection(wedges, facecolors=colour, edgecolors="none", alpha=FILL_ALPHA,
                                           zorder=1, transform=polar, clip_on=False, gid="radar-fill"),
                            autolim=False)


def _draw_target(axes: Axes, polar: Transform, indicators: list[Indicator], options: ChartOptions) -> None:
    targets = np.array([np.nan if i.target is None else float(i.target) for i in indicators])
    if np.isnan(targets).all():
        return
    angles, radii = _closed(targets)
    axes.add_artist(Line2D(angles, radii, color=options.style.ink, linestyle=TARGET_STYLE,
                           linewidth=options.style.line_width * 1.5, solid_capstyle="round",
                           dash_capstyle="round", zorder=2, transform=polar, clip_on=False, gid="radar-target"))


def _missing_text(states: np.ndarray, shown: list[Round], empty: list[Round], options: ChartOptions) -> str:
    """What a spoke says when some chosen rounds have no level there ('' when all have one).

    Rounds without any level at all (`empty`) are said once in a footnote instead.
    """
    missing = [(r, s) for r, s in zip(shown, states) if s != SCORED and r not in empty]
    if not missing:
        return ""
    kinds = {s for _, s in missing}
    if len(kinds) > 1:
        word = t("chart_radar_no_level", options.lang)
    else:
        word = t(MISSING_WORDS.get(kinds.pop(), "chart_not_yet"), options.lang)
    if len(missing) == len(shown) - len(empty):
        return word
    if len(missing) == 1:
        return f"{missing[0][0].label}: {word}"
    return t("chart_radar_missing_rounds", options.lang, state=word, count=options.number(len(missing)))


def _spoke_wrap(across: float, options: ChartOptions) -> tuple[int, int]:
    """(characters per line, lines) for a spoke title pointing `across` (sine of its angle) sideways."""
    return (SIDE_SPOKE if abs(across) > 0.2 else END_SPOKE)[options.theme]


def _spoke_labels(indicators: list[Indicator], shown: list[Round], states: np.ndarray, empty: list[Round],
                  options: ChartOptions, numbered: bool) -> list[_SpokeLabel]:
    """Each spoke's title (or number, with many spokes), what is missing there, and its size."""
    labels = []
    for n, (indicator, angle) in enumerate(zip(indicators, _angles(len(indicators)))):
        missing = _missing_text(states[:, n], shown, empty, options)
        across, up = math.sin(angle), math.cos(angle)
        if numbered:
            text = options.number(n + 1) + (" –" if missing else "")
        else:
            width, lines = _spoke_wrap(across, options)
            text = indicator_label(indicator, options, width=width, max_lines=lines)
            text += f"\n({plain(wrap(missing, width, max_lines=2))})" if missing else ""
        size = text_inches(text, options.style.label_size, SPOKE_LINESPACING)
        labels.append(_SpokeLabel(indicator.indicator_id, text, across, up, *size))
    return labels


def _draw_spoke_labels(axes: Axes, labels: list[_SpokeLabel], frame: _Frame, options: ChartOptions) -> None:
    """Titles (or numbers) just outside the outer ring, aligned away from the circle."""
    style = options.style
    reach = frame.radius + LABEL_OFFSET
    for label in labels:
        axes.text(frame.x + reach * label.across, frame.y + reach * label.up, label.text, ha=label.ha, va=label.va,
                  fontsize=style.label_size, color=style.ink, linespacing=SPOKE_LINESPACING,
                  transform=axes.figure.dpi_scale_trans, clip_on=False, gid=f"radar-spoke-{label.indicator_id}")


def _draw_key(axes: Axes, indicators: list[Indicator], shown: list[Round], states: np.ndarray, empty: list[Round],
              options: ChartOptions, top: float) -> None:
    """Number → title under the radar, in columns, one line each (shortened with '…'); `top` in inches."""
    style = options.style
    inches = axes.figure.dpi_scale_trans
    columns = KEY_COLUMNS
    per_column = math.ceil(len(indicators) / columns)
    column_width = (axes.figure.get_figwidth() - 2 * PAD_INCHES) / columns
    axes.text(PAD_INCHES, top, t("chart_radar_key", options.lang), ha="left", va="top", fontsize=style.label_size,
              color="#333333", transform=inches, clip_on=False, gid="radar-key-heading")
    step = _key_step(options)
    for n, indicator in enumerate(indicators):
        missing = _missing_text(states[:, n], shown, empty, options)
        line = _key_line(n, indicator, missing, column_width - 0.2, options)
        # one text per line: a multi-line text spaces Thai lines unevenly (tall vowels and tone marks)
        axes.text(PAD_INCHES + n // per_column * column_width, top - step * (n % per_column + 1), line,
                  ha="left", va="top", fontsize=style.label_size, color=style.ink, transform=inches,
                  clip_on=False, gid="radar-key")


def _key_line(n: int, indicator: Indicator, missing: str, room: float, options: ChartOptions) -> str:
    """'12  title (what is missing)' shortened with '…' to fit `room` inches."""
    size = options.style.label_size
    number = options.number(n + 1)
    suffix = f" ({plain(missing)})" if missing else ""
    characters = max(12, int(room * 72 / (KEY_CHAR_EM * size)))
    while True:  # the estimate has room to spare; a title of wide letters is shortened further
        label = indicator_label(indicator, options, width=characters - len(number) - len(suffix), max_lines=1)
        line = f"{number}  {label}{suffix}"
        if characters <= 12 or text_inches(line, size)[0] <= room:
            return line
        characters -= 3


def _legend_entries(workbook: Workbook, shown: list[Round], options: ChartOptions,
                    one_line: bool = False) -> list[tuple[str, dict]]:
    """(words, line style) for each round (label and date under it, or after it: its look) and the target."""
    style = options.style
    looks = round_looks(workbook)
    hollow = {r.round_id for r, _ in other_scales(workbook, shown)}
    entries = [
        (_round_words(r, options, one_line), {
            "color": looks[r.round_id].colour, "marker": looks[r.round_id].marker, "markevery": [1],
            "markersize": style.base_size * 0.7, "linestyle": looks[r.round_id].line_style,
            "linewidth": style.line_width, "markeredgecolor": looks[r.round_id].colour,
            "markerfacecolor": "white" if r.round_id in hollow else looks[r.round_id].colour,
            "gid": f"radar-legend-{r.round_id}"})
        for r in shown
    ]
    entries.append((t("chart_target", options.lang), {
        "color": style.ink, "linestyle": TARGET_STYLE, "linewidth": style.line_width * 1.5,
        "dash_capstyle": "round", "gid": "radar-legend-target"}))
    return entries


def _round_words(round_: Round, options: ChartOptions, one_line: bool) -> str:
    """'รอบที่ ๑\n15 พ.ย. 2568', or 'รอบที่ ๑ · 15 พ.ย. 2568' where the legend is short of height."""
    if not one_line:
        return round_label(round_, options)
    return f"{round_label(round_, options, date=False)} · {format_date(round_.held_on, options.lang, options.digits)}"


@dataclass(frozen=True)
class _Legend:
    """How the legend's entries sit: the words' sizes (inches), entry numbers per column, the gap between entries."""

    boxes: list[tuple[float, float]]
    columns: list[list[int]]
    spacing: float
    handle: float  # the line before the words, with the gap to them
    widths: list[float]

    @property
    def width(self) -> float:
        return sum(self.widths) + LEGEND_GAP * (len(self.columns) - 1)


def _legend(entries: list[tuple[str, dict]], options: ChartOptions, room: float) -> _Legend:
    """The entries top down in `room` inches: closer together, or in a second column, when long
    round names need it."""
    size = options.style.label_size
    boxes = [text_inches(words, size) for words, _ in entries]
    spare = (room - sum(h for _, h in boxes)) / max(len(boxes) - 1, 1)
    spacing = max(min((0.9 if len(entries) <= 5 else 0.5) * size / 72, spare), 0.2 * size / 72)
    columns = _legend_columns([h for _, h in boxes], spacing, room)
    handle = (HANDLE_EM + HANDLE_GAP_EM) * size / 72
    return _Legend(boxes, columns, spacing, handle, [handle + max(boxes[n][0] for n in c) for c in columns])


def _legend_columns(heights: list[float], spacing: float, room: float) -> list[list[int]]:
    """Entry numbers per column: a column is filled down to `room` inches before the next begins."""
    columns: list[list[int]] = [[]]
    used = 0.0
    for n, height in enumerate(heights):
        if columns[-1] and used + spacing + height > room:
            columns.append([])
            used = 0.0
        used += (spacing if columns[-1] else 0.0) + height
        columns[-1].append(n)
    return columns


def _draw_legend(figure: Figure, workbook: Workbook, shown: list[Round], options: ChartOptions, top: float,
                 bottom: float) -> float:
    """Rounds (their look, label and date) and the target on the right, down to `bottom` (inches).

    In one column from the top edge where the title leaves room beside it, else under the title
    (`top`); short of height, each round's date goes after its label instead of under it, and
    only then a second column. Drawn by hand: a matplotlib legend packs boxes at every draw.
    Returns its left edge, in inches.
    """
    width, height = figure.get_size_inches()
    title_end = title_width(figure, options) + LEGEND_GAP
    tries = [(one_line, beside) for one_line in (False, True) for beside in (True, False)]
    for one_line, beside in tries:
        entries = _legend_entries(workbook, shown, options, one_line)
        legend = _legend(entries, options, room=(height - PAD_INCHES if beside else top) - bottom)
        if len(legend.columns) == 1 and (not beside or title_end <= width - PAD_INCHES - legend.width):
            break
    top = height - PAD_INCHES if beside else top
    left = width - PAD_INCHES - legend.width
    size, inches = options.style.label_size, figure.dpi_scale_trans
    line = HANDLE_EM * size / 72
    x = left
    for column, column_width in zip(legend.columns, legend.widths):
        y = top
        for n in column:
            (words, look), (_, h) = entries[n], legend.boxes[n]
            middle = y - h / 2
            figure.add_artist(Line2D([x, x + line / 2, x + line], [middle] * 3, transform=inches, **look))
            figure.text(x + legend.handle, middle, words, ha="left", va="center", fontsize=size,
                        color=options.style.ink, transform=inches, gid="radar-legend")
            y -= h + legend.spacing
        x += column_width + LEGEND_GAP
    return left
