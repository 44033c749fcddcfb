"""Gap to target: how far each indicator still is from its target in the latest round.

How to read it: one row per indicator, furthest from its target at the top; the dot is the
level now, the dark tick the target, the pale bar with its arrowhead the distance still to
climb. The words at the row's end say it: "ขาด 2 ระดับ", "ถึงเป้าแล้ว ✓", "เกินเป้า 1".
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.colors import to_rgba
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from .. import compare, scoring
from ..assessment import round_scale
from ..model import Round, Workbook
from ..text import t
from .common import (
    NOT_APPLICABLE,
    SCORED,
    ChartOptions,
    chosen_rounds,
    level_axis,
    levels,
    nothing_to_draw,
    round_handles,
    round_looks,
    scale_notes,
)
from .external import (
    NOT_AGREED,
    Words,
    agreed_states,
    draw_targets,
    markers,
    message_figure,
    row_figure,
    row_layout,
    target_handle,
)

BAR_ALPHA = 0.35  # the distance still to climb: the round's colour, pale, behind the dot
GAP_MISSING_WORDS = {NOT_APPLICABLE: "chart_not_applicable", NOT_AGREED: "chart_gap_not_agreed"}


def gap_round(workbook: Workbook, options: ChartOptions) -> Round | None:
    """The round the gap chart shows: the latest round the summary compares (compare.compared_rounds:
    the latest chosen with levels of options.value, of the kind compared), else the latest chosen
    of that kind; None when no round is chosen (or there is none)."""
    return _gap_round(workbook, options, scoring.rounds_with_levels(workbook, options.value))


def _gap_round(workbook: Workbook, options: ChartOptions, scored: set[str]) -> Round | None:
    """gap_round, given the rounds with levels (scoring.rounds_with_levels)."""
    shown, _ = chosen_rounds(workbook, options)
    return compare.compared_rounds(shown, scored)[1]


def _round_and_levels(workbook: Workbook, options: ChartOptions,
                      scored: set[str]) -> tuple[Round | None, pd.DataFrame | None]:
    """gap_round and its rows of levels()."""
    round_ = _gap_round(workbook, options, scored)
    if round_ is None:
        return None, None
    table = levels(workbook, options, rounds=[round_])
    return round_, table.assign(state=agreed_states(table, options))


def gap_chart(workbook: Workbook, options: ChartOptions = ChartOptions()) -> Figure:
    """The level now and the target of every selected indicator, joined by the distance still to climb.

    The round is gap_round's; its level is options.value (a median may be x.5 and is shown so).
    Rows are ordered furthest from the target first, rows without a level or target next, the
    reached ones at the bottom (ties in workbook order). A round scored on another scale than
    the targets' is drawn in workbook order without any "reached": the gap cannot be read.
    """
    lang = options.lang
    # worked out once: the round shown and the notes on rounds left out both need it
    scored = scoring.rounds_with_levels(workbook, options.value)
    round_, table = _round_and_levels(workbook, options, scored)
    indicators = workbook.selected_indicators()
    table = _with_gaps(table) if table is not None and indicators else None
    empty = nothing_to_draw(workbook, [round_] if round_ else [], options, table)
    comparable = round_ is not None and round_scale(workbook, round_) == workbook.profile.levels
    heading = t("chart_gap_title", lang, round=round_.label) if round_ else t("chart_gap_title_plain", lang)
    if empty:
        return message_figure(options, heading, "", empty)
    table = _ordered(table, comparable)
    words = [gap_words(row, options, comparable) for row in table.to_dict("records")]
    by_id = {i.indicator_id: i for i in indicators}
    rows = row_layout([by_id[i] for i in table["indicator_id"]], options, words)
    order = t("chart_gap_order" if comparable else "chart_gap_order_workbook", lang)
    handles = round_handles(workbook, [round_], options)
    if comparable:  # targets are drawn only where the round's levels can be read against them
        handles.append(target_handle(options))
        if (table["gap"] > 0).any():
            handles.append(_climb_handle(workbook, round_, options))
    extra = [] if comparable else [t("chart_gap_note_other_scale", lang, label=round_.label)]
    if (table["state"] == NOT_AGREED).any():
        extra.append(t("chart_external_note_not_agreed", lang))
    figure, axes = row_figure(
        rows, words, level_axis(workbook, [round_]), handles, options, heading=heading,
        subtitle=t("chart_gap_subtitle", lang, order=order, value=t(f"chart_value_{options.value}", lang)),
        note_lines=scale_notes(workbook, [round_], options) + extra + _skipped_notes(workbook, round_, scored, options))
    _draw_gaps(axes, workbook, table, rows.ys, round_, comparable, options)
    return figure


def _skipped_notes(workbook: Workbook, shown: Round, scored: set[str], options: ChartOptions) -> list[str]:
    """Why chosen rounds later than the one shown are not: no level yet, or another kind of assessment."""
    chosen, _ = chosen_rounds(workbook, options)
    later = chosen[chosen.index(shown) + 1:]
    empty = [r.label for r in later if r.round_id not in scored]
    other = [r.label for r in later if r.round_id in scored]  # then of the other kind (compared_rounds)
    value = t(f"chart_value_{options.value}", options.lang)
    notes_ = [t("chart_gap_note_skipped_empty", options.lang, labels=", ".join(empty), label=shown.label,
                value=value)] if empty else []
    if other:
        notes_.append(t("chart_gap_note_skipped_kind", options.lang, labels=", ".join(other), label=shown.label))
    return notes_


def gap_words(row, options: ChartOptions, comparable: bool) -> Words:
    """'ขาด 2 ระดับ' / 'ถึงเป้าแล้ว' (with a check) / 'เกินเป้า 1', or why there is no gap to tell."""
    lang = options.lang
    if row["state"] != SCORED:
        return Words(t(GAP_MISSING_WORDS.get(row["state"], "chart_gap_no_score"), lang))
    if pd.isna(row["target"]):
        return Words(t("chart_gap_no_target", lang))
    if not comparable:
        return Words(t("chart_gap_other_scale", lang, target=options.number(float(row["target"]))))
    gap = float(row["target"]) - float(row["level"])
    if gap > 0:
        return Words(t("chart_gap_short", lang, n=options.number(gap)))
    if gap == 0:
        return Words(t("chart_gap_reached", lang), "reached")
    return Words(t("chart_gap_above", lang, n=options.number(-gap)), "reached")


def _with_gaps(table: pd.DataFrame) -> pd.DataFrame:
    """The round's levels in workbook order, with gap = target - level (NaN when either is unknown)."""
    table = table.copy()
    table["level"] = pd.to_numeric(table["level"], errors="coerce").astype("float64")
    table["target"] = pd.to_numeric(table["target"], errors="coerce").astype("float64")
    table["gap"] = table["target"] - table["level"]
    return table.reset_index(drop=True)


def _ordered(table: pd.DataFrame, comparable: bool) -> pd.DataFrame:
    """Furthest from the target first; no level or no target next; reached (gap ≤ 0) last."""
    if not comparable:
        return table
    group = pd.Series(1, index=table.index)  # gap unknown
    group[table["gap"] > 0] = 0
    group[table["gap"] <= 0] = 2
    keyed = table.assign(group=group, key=-table["gap"].fillna(0), order=range(len(table)))
    return keyed.sort_values(["group", "key", "order"], kind="stable").drop(columns=["group", "key", "order"])


def _draw_gaps(axes, workbook: Workbook, rows: pd.DataFrame, ys: list[float], round_: Round,
               comparable: bool, options: ChartOptions) -> None:
    style = options.style
    look = round_looks(workbook)[round_.round_id]
    short = (rows["gap"] > 0).to_numpy() & comparable
    if short.any():  # one line collection and one line of markers for all rows still climbing
        level, target = rows.loc[short, "level"], rows.loc[short, "target"]
        y_short = np.array(ys)[short]
        axes.hlines(y_short, level, target, colors=[to_rgba(look.colour, BAR_ALPHA)],
                    linewidths=style.line_width * 4, zorder=2, gid="to-climb")
        # The arrowhead points at the target, stopping short of its tick.
        markers(axes, target - 0.14, y_short, marker=">", area=style.marker_size * 0.8, colour=look.colour,
                edge=look.colour, edge_width=0, zorder=3, gid="arrowheads")
    if comparable:
        draw_targets(axes, rows["target"], ys, options)
    present = rows["level"].notna().to_numpy()
    markers(axes, rows.loc[present, "level"], [y for y, p in zip(ys, present) if p], marker=look.marker,
            area=style.marker_size * 1.2, colour=look.colour, edge="white", edge_width=1.2, zorder=4, gid="levels")


def _climb_handle(workbook: Workbook, round_: Round, options: ChartOptions) -> Line2D:
    look = round_looks(workbook)[round_.round_id]
    return Line2D([], [], color=to_rgba(look.colour, BAR_ALPHA), linewidth=options.style.line_width * 3,
                  marker=">", markevery=[1], markersize=options.style.base_size * 0.6,
                  markerfacecolor=look.colour, markeredgewidth=0, label=t("chart_gap_to_climb", options.lang))
