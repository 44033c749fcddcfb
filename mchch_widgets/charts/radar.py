"""Radar: every indicator at once, one outline per chosen round, the target as a dotted ring."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from ..model import Indicator, Round, Workbook
from ..text import t
from ..thai import wrap
from .common import (
    MAX_OVERLAID_ROUNDS,
    NOT_APPLICABLE,
    SCORED,
    ChartOptions,
    chosen_rounds,
    indicator_label,
    left_out_note,
    level_axis,
    level_matrices,
    levels,
    message,
    new_figure,
    notes,
    nothing_to_draw,
    other_scales,
    plain,
    round_handles,
    round_looks,
    scale_notes,
    title,
)
from .external import NOT_AGREED, agreed_states

MIN_SPOKES = 3  # with one or two spokes a radar is a line or a point: nothing to read
MANY_SPOKES = 12  # beyond this, titles around the circle collide: spokes show numbers, a key lists titles
TARGET_STYLE = (0, (1.2, 1.4))  # dots: unlike any round's solid or dashed line
FILL_ALPHA = 0.14
GRID = "#c8c8c8"
RING_POINTS = 181  # a ring is drawn as this many straight steps: round to the eye
KEY_CHAR_EM = 0.48  # a Thai title's width per character (marks count too), in em, with room to spare
KEY_LINE = 1.45  # the key's line height, in font sizes
# characters per line of a spoke's title (and lines): at the sides the margin is wide; at the top and
# bottom a title must stay narrow or it runs into its neighbours' titles
SIDE_SPOKE = {"projector": (22, 2), "print": (18, 3)}
END_SPOKE = {"projector": (18, 2), "print": (14, 3)}
LEGEND_INCHES = {"projector": 3.6, "print": 2.4}  # what the round legend takes on the right
MISSING_WORDS = {NOT_APPLICABLE: "chart_not_applicable", NOT_AGREED: "chart_radar_not_agreed"}  # on a spoke


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
    many = len(indicators) > MANY_SPOKES
    figure = new_figure(options, height=_height(len(indicators), options) if many else None)
    title(figure, t("chart_radar_title", options.lang), options, subtitle=_subtitle(shown, options))
    problem = _empty_reason(workbook, indicators, shown, table, options)
    if problem:
        message(figure.add_subplot(), problem, options)
        return figure
    grid = figure.add_gridspec(2 if many else 1, 1, height_ratios=[_radar_height(options), _key_height(
        len(indicators), options)] if many else None)
    axes = figure.add_subplot(grid[0], projection="polar")
    values, states = level_matrices(table, indicators, shown)
    scale = level_axis(workbook, shown)
    _draw_frame(axes, len(indicators), scale, options)
    _draw_rounds(axes, workbook, shown, values, options)
    _draw_target(axes, indicators, options)
    empty = _empty_rounds(shown, states)
    _draw_spoke_labels(axes, indicators, shown, states, empty, options, numbered=many)
    if many:
        _draw_key(figure.add_subplot(grid[1]), indicators, shown, states, empty, options)
    _legend(figure, workbook, shown, options)
    lines = scale_notes(workbook, shown, options)
    lines += [t("chart_radar_hollow", options.lang)] if lines else []
    lines += left_out_note(left_out, options)
    lines += _empty_notes(shown, states, empty, options)
    if (states[[r not in empty for r in shown]] != SCORED).any():
        lines.append(t("chart_radar_gap", options.lang))
    notes(figure, lines, options)
    return figure


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
    """Spoke angles, clockwise from the top (the axes are turned so theta 0 is up)."""
    return np.linspace(0, 2 * np.pi, count, endpoint=False)


def _closed(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Angles and values with the first spoke repeated at the end, so an outline closes."""
    count = len(values)
    return np.append(_angles(count), 2 * np.pi), np.append(values, values[0])


# --- sizes -----------------------------------------------------------------------------------


def _radar_height(options: ChartOptions) -> float:
    return options.style.height_inches - 1.2


def _key_columns(options: ChartOptions) -> int:
    """Two: narrower columns would cut titles that differ only at the end ("… (ชุดที่ 2)")."""
    return 2


def _key_height(count: int, options: ChartOptions) -> float:
    rows = math.ceil(count / _key_columns(options)) + 1  # and the key's heading
    return rows * options.style.label_size * KEY_LINE / 72 + 0.2


def _height(count: int, options: ChartOptions) -> float:
    """With many spokes the figure grows by the key under the radar (it scrolls on screen)."""
    return options.style.height_inches + _key_height(count, options)


# --- drawing ---------------------------------------------------------------------------------


def _draw_frame(axes, count: int, scale: range, options: ChartOptions) -> None:
    """Spokes, one ring per level with its number, the centre one step below the lowest level.

    The centre is not a level: with it at the lowest level, level 1 would be a point and
    every outline touching it would vanish into the middle.
    """
    style = options.style
    axes.set_theta_zero_location("N")
    axes.set_theta_direction(-1)
    axes.set_ylim(scale.start - 1, scale.stop - 1 + 0.3)
    axes.set_xticks([])  # spokes and rings drawn as two lines below: matplotlib's ticks cost far more
    axes.set_yticks([])
    axes.spines["polar"].set_visible(False)
    centre = axes.get_ylim()[0]
    around = np.append(np.linspace(0, 2 * np.pi, RING_POINTS), np.nan)
    rings = np.concatenate([np.full(RING_POINTS + 1, float(level)) for level in scale])
    axes.plot(np.tile(around, len(scale)), rings, color=GRID, linewidth=1, zorder=0.5, gid="radar-rings")
    spokes = np.repeat(_angles(count), 3)
    lengths = np.tile([centre, scale.stop - 1, np.nan], count)
    axes.plot(spokes, lengths, color=GRID, linewidth=1, zorder=0.5, gid="radar-spokes")
    # the ring numbers over the outlines, half way to the next spoke (off every spoke)
    between = np.pi / count
    for level in scale:
        axes.text(between, level, options.number(level), ha="center", va="center", fontsize=style.label_size * 0.9,
                  color="#333333", zorder=12, gid="radar-ring-label",
                  bbox={"facecolor": "white", "edgecolor": "none", "pad": 1, "alpha": 0.85})


def _draw_rounds(axes, workbook: Workbook, shown: list[Round], values: np.ndarray, options: ChartOptions) -> None:
    """One outline per round in its look; NaN levels break the line (no vertex, no drop to 0)."""
    style = options.style
    looks = round_looks(workbook)
    hollow = {r.round_id for r, _ in other_scales(workbook, shown)}
    for row, round_ in enumerate(shown):
        look = looks[round_.round_id]
        angles, radii = _closed(values[row])
        latest = row == len(shown) - 1
        axes.plot(angles, radii, color=look.colour, linestyle=look.line_style,
                  linewidth=style.line_width * (1.0 if latest else 0.8), marker=look.marker,
                  markersize=style.base_size * 0.55,
                  markerfacecolor="white" if round_.round_id in hollow else look.colour,
                  markeredgecolor=look.colour, markeredgewidth=1.5, zorder=3 + row, clip_on=False,
                  gid=f"radar-round-{round_.round_id}")
    drawn = [row for row in range(len(shown)) if not np.isnan(values[row]).all()]
    if drawn:  # the latest round with an outline (a just-opened round has none)
        _fill_latest(axes, values[drawn[-1]], looks[shown[drawn[-1]].round_id].colour, axes.get_ylim()[0])


def _fill_latest(axes, values: np.ndarray, colour: str, centre: float) -> None:
    """A light fill under the latest outline: wedges only between neighbouring spokes with levels."""
    angles, radii = _closed(values)
    wedges = [
        [(0.0, centre), (angles[n], radii[n]), (angles[n + 1], radii[n + 1])]
        for n in range(len(values))
        if not (np.isnan(radii[n]) or np.isnan(radii[n + 1]))
    ]
    if wedges:
        axes.add_collection(PolyCollection(wedges, facecolors=colour, edgecolors="none", alpha=FILL_ALPHA,
                                           zorder=1, gid="radar-fill"), autolim=False)


def _draw_target(axes, indicators: list[Indicator], options: ChartOptions) -> None:
    targets = np.array([np.nan if i.target is None else float(i.target) for i in indicators])
    if np.isnan(targets).all():
        return
    angles, radii = _closed(targets)
    axes.plot(angles, radii, color=options.style.ink, linestyle=TARGET_STYLE,
              linewidth=options.style.line_width * 1.5, solid_capstyle="round", dash_capstyle="round",
              zorder=2, clip_on=False, gid="radar-target")


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


def _draw_spoke_labels(axes, indicators: list[Indicator], shown: list[Round], states: np.ndarray,
                       empty: list[Round], options: ChartOptions, numbered: bool) -> None:
    """Titles (or numbers) just outside the outer ring, aligned away from the circle."""
    style = options.style
    outside = axes.get_ylim()[1]
    for n, (indicator, angle) in enumerate(zip(indicators, _angles(len(indicators)))):
        missing = _missing_text(states[:, n], shown, empty, options)
        across, up = math.sin(angle), math.cos(angle)
        if numbered:
            text = options.number(n + 1) + (" –" if missing else "")
        else:
            width, lines = _spoke_wrap(across, options)
            text = indicator_label(indicator, options, width=width, max_lines=lines)
            text += f"\n({plain(wrap(missing, width, max_lines=2))})" if missing else ""
        axes.annotate(text, xy=(angle, outside), xytext=(across * 8, up * 8), textcoords="offset points",
                      ha="left" if across > 0.2 else "right" if across < -0.2 else "center",
                      va="bottom" if up > 0.7 else "top" if up < -0.7 else "center",
                      fontsize=style.label_size, color=style.ink, linespacing=1.1,
                      annotation_clip=False, gid=f"radar-spoke-{indicator.indicator_id}")


def _draw_key(axes, indicators: list[Indicator], shown: list[Round], states: np.ndarray, empty: list[Round],
              options: ChartOptions) -> None:
    """Number → title under the radar, in columns, one line each (shortened with '…')."""
    style = options.style
    axes.set_axis_off()
    columns = _key_columns(options)
    per_column = math.ceil(len(indicators) / columns)
    room = (style.width_inches - LEGEND_INCHES[options.theme]) * 72 / columns
    width = max(12, int(room / (KEY_CHAR_EM * style.label_size)))
    axes.text(0, 1, t("chart_radar_key", options.lang), transform=axes.transAxes, ha="left", va="top",
              fontsize=style.label_size, color="#333333")
    step = style.label_size * KEY_LINE
    for n, indicator in enumerate(indicators):
        missing = _missing_text(states[:, n], shown, empty, options)
        number = options.number(n + 1)
        label = indicator_label(indicator, options, width=width - len(number) - (len(missing) + 3 if missing else 0),
                                max_lines=1)
        # one text per line: a multi-line text spaces Thai lines unevenly (tall vowels and tone marks)
        axes.annotate(f"{number}  {label}" + (f" ({plain(missing)})" if missing else ""),
                      xy=(n // per_column / columns, 1), xycoords="axes fraction",
                      xytext=(0, -step * (n % per_column + 1)), textcoords="offset points", ha="left", va="top",
                      fontsize=style.label_size, color=style.ink, gid="radar-key")


def _legend(figure: Figure, workbook: Workbook, shown: list[Round], options: ChartOptions) -> None:
    """Rounds (label and date, their look) and the target, to the right of the radar."""
    style = options.style
    handles = round_handles(workbook, shown, options, lines=True)
    hollow = {r.round_id for r, _ in other_scales(workbook, shown)}
    for handle, round_ in zip(handles, shown):
        if round_.round_id in hollow:
            handle.set_markerfacecolor("white")
    handles.append(Line2D([], [], color=style.ink, linestyle=TARGET_STYLE, linewidth=style.line_width * 1.5,
                          dash_capstyle="round", label=t("chart_target", options.lang)))
    figure.legend(handles=handles, loc="outside right upper", frameon=False, fontsize=style.label_size,
                  labelspacing=0.9 if len(shown) <= 4 else 0.5, handlelength=3.2)
