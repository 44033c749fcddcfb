"""Self vs external: the group's own level and the outsiders' level of each indicator (dumbbell).

How to read it: one row per indicator; the circle is the group's self-assessment, the
diamond the external assessment, a line joins them; the longer the line, the more the two
views differ. The words at the row's end say by how much the outsiders differ (external
minus self, with a ▲ or ▼ mark); rows a level or more apart have their words framed, a dark
line and a shaded band. The dark tick is the target.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from .. import compare
from ..assessment import round_scale
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
    levels,
    message,
    new_figure,
    notes,
    other_scales,
    plain,
    round_handles,
    round_looks,
    scale_notes,
    title,
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
    indicators = workbook.selected_indicators()
    rows = row_layout(indicators, options)
    figure = new_figure(options, height=row_chart_height(rows, options) if indicators and own and outside else None)
    title(figure, t("chart_external_title", lang), options, subtitle=_subtitle(own, outside, options))
    axes = figure.add_subplot()
    if not indicators:
        message(axes, t("chart_no_indicators", lang), options)
        return figure
    if outside is None:
        message(axes, t("chart_external_none", lang), options)
        return figure
    if own is None:
        message(axes, t("chart_external_no_self", lang, external=outside.label), options)
        return figure
    pairs = pair_rows(workbook, options, own, outside)
    if not ((pairs["self_state"] == SCORED) | (pairs["external_state"] == SCORED)).any():
        message(axes, t("chart_external_no_levels", lang, self=own.label, external=outside.label,
                        value=t(f"chart_value_{options.value}", lang)), options)
        return figure
    comparable = round_scale(workbook, own) == round_scale(workbook, outside)
    records = pairs.to_dict("records")
    words = [row_words(row, options, comparable) for row in records]
    # Targets are on the workbook's scale: beside levels of another scale they would mislead.
    with_targets = not other_scales(workbook, [own, outside])
    setup_rows(axes, rows, level_axis(workbook, [own, outside]), options)
    _draw_pairs(axes, workbook, pairs, rows, words, (own, outside), with_targets, options)
    handles = round_handles(workbook, [own, outside], options)
    if with_targets:
        handles.append(target_handle(options))
    if any(w.strong for w in words):
        handles.append(Patch(facecolor=BAND, edgecolor=FAR_LINE,
                             label=t("chart_external_differs", lang, n=options.number(1))))
    legend_above(axes, handles, options)
    not_agreed = [t("chart_external_note_not_agreed", lang)] if any(
        NOT_AGREED in (row["self_state"], row["external_state"]) for row in records) else []
    notes(figure, [t("chart_external_note", lang)] + not_agreed + scale_notes(workbook, [own, outside], options),
          options)
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

    def side(round_: Round) -> pd.DataFrame:
        return table[table["round_id"] == round_.round_id].set_index("indicator_id").reindex(ids)

    mine, theirs = side(own), side(outside)
    return pd.DataFrame({
        "indicator_id": ids,
        "target": _floats(mine["target"]),
        "self": _floats(mine["level"]), "self_state": agreed_states(mine, options).to_numpy(),
        "external": _floats(theirs["level"]), "external_state": agreed_states(theirs, options).to_numpy(),
    })


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


def _draw_pairs(axes, workbook: Workbook, pairs: pd.DataFrame, rows: Rows, words: list[Words],
                rounds: tuple[Round, Round], with_targets: bool, options: ChartOptions) -> None:
    style = options.style
    looks = round_looks(workbook)
    ys = np.array(rows.ys)
    strong = np.array([w.strong for w in words], dtype=bool)
    if strong.any():  # the shaded band behind rows that differ: one bar container
        axes.barh(ys[strong], width=1, left=0, height=np.array(rows.heights)[strong] * 0.92, color=BAND,
                  transform=axes.get_yaxis_transform(), zorder=0, gid="differs-band")
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
        axes.scatter(pairs[side][present], ys[present], s=style.marker_size * size, color=look.colour,
                     marker=look.marker, edgecolors="white", linewidths=1.2, zorder=4, gid=f"{side}-levels")
    write_row_words(axes, words, rows.ys, options)


# --- shared with the gap chart: one row per indicator, words at the row's end ----------------

LABEL_WIDEN = {"projector": 1.5, "print": 1.25}  # five levels need little width: give it to the titles


@dataclass(frozen=True)
class Rows:
    """Where each indicator's row sits (top row first): its wrapped title, centre and height.

    y is in inches, so a one-line title gets a low row and a two-line title a taller one,
    and the figure grows with the titles instead of shrinking them.
    """

    labels: list[str]
    ys: list[float]
    heights: list[float]

    @property
    def total(self) -> float:
        return sum(self.heights)


def row_layout(indicators: list[Indicator], options: ChartOptions) -> Rows:
    style = options.style
    width = round(style.label_width * LABEL_WIDEN[options.theme])
    labels = [indicator_label(i, options, width=width) for i in indicators]
    line = style.label_size * 1.45 / 72  # Noto Sans Thai's line, marks above and below included
    gap = style.label_size * 0.6 / 72
    heights = [line * (label.count("\n") + 1) + gap for label in labels]
    ys, top = [], sum(heights)
    for height in heights:
        ys.append(top - height / 2)
        top -= height
    return Rows(labels, ys, heights)


def row_chart_height(rows: Rows, options: ChartOptions) -> float:
    """Tall enough for every row at the theme's size: 30 indicators make a tall, scrolling
    figure rather than titles too small to read from the back of the hall, or cut short."""
    frame = 3.0 if options.theme == "projector" else 2.0  # title, subtitle, legend, axis, notes
    return max(options.style.height_inches, frame + rows.total)


def setup_rows(axes, rows: Rows, scale: range, options: ChartOptions) -> None:
    """Indicator titles down the left, levels along the bottom, room right of the top level for a symbol."""
    style = options.style
    axes.set_yticks(rows.ys, rows.labels, fontsize=style.label_size, linespacing=1.0)
    axes.set_ylim(0, rows.total)
    axes.set_xticks(list(scale), [options.number(level) for level in scale], fontsize=style.base_size)
    axes.set_xlim(scale.start - 0.4, scale.stop - 1 + 0.75)
    axes.set_xlabel(t("chart_level", options.lang), fontsize=style.base_size, color=style.ink, loc="left")
    axes.grid(axis="x", color="#CCCCCC", linewidth=1, zorder=0)
    axes.set_axisbelow(True)
    axes.spines[["top", "right", "left"]].set_visible(False)
    axes.tick_params(axis="y", length=0, colors=style.ink)
    axes.tick_params(axis="x", colors=style.ink)
    # The framed words at the right end: the layout measures their text, not the frame around it.
    axes.figure.get_layout_engine().set(w_pad=8 / 72)


def draw_targets(axes, targets: pd.Series, ys: list[float], options: ChartOptions) -> None:
    """The target of each row as a tall dark tick (one collection)."""
    style = options.style
    present = targets.notna()
    if present.any():
        axes.scatter(targets[present], [y for y, p in zip(ys, present) if p], marker="|", color=style.ink,
                     s=style.marker_size * 3, linewidths=style.line_width, zorder=3, gid="targets")


def legend_above(axes, handles: list, options: ChartOptions) -> None:
    """The legend in one row just above the plot, under the subtitle, flush with the plot's right end
    (it may reach left over the titles' column, which has nothing above it).

    An axes legend, not a figure one: constrained layout keeps it clear of the title and the
    notes (an "outside" figure legend is placed over the suptitle or the footnotes).
    """
    axes.legend(handles=handles, loc="lower right", bbox_to_anchor=(1, 1.02), ncols=len(handles),
                frameon=False, fontsize=options.style.label_size, borderaxespad=0, columnspacing=1.5,
                handletextpad=0.8)


def target_handle(options: ChartOptions) -> Line2D:
    style = options.style
    return Line2D([], [], linestyle="", marker="|", markersize=style.base_size * 1.3,
                  markeredgewidth=style.line_width, color=style.ink, label=t("chart_target", options.lang))


def write_row_words(axes, words: list[Words], ys: list[float], options: ChartOptions) -> None:
    """Each row's words right of the axes; its symbol (▲ ▼ ✓ as markers) just left of them."""
    style = options.style
    symbol_x = axes.get_xlim()[1] - 0.2
    for symbol in dict.fromkeys(w.symbol for w in words if w.symbol):
        mine = [y for w, y in zip(words, ys) if w.symbol == symbol]
        axes.scatter([symbol_x] * len(mine), mine, marker=SYMBOLS[symbol], s=style.marker_size * 0.9,
                     color=style.ink, linewidths=style.line_width * 0.4 if symbol == "reached" else 0, zorder=4,
                     gid=f"symbol-{symbol}")
    for w, y in zip(words, ys):
        # Strong rows get a framed label: the bundled variable font has no bold weight for matplotlib.
        frame = {"boxstyle": "round,pad=0.25", "facecolor": "white", "edgecolor": style.ink,
                 "linewidth": style.line_width * 0.6} if w.strong else None
        axes.annotate(plain(w.text), xy=(1, y), xycoords=axes.get_yaxis_transform(), xytext=(8, 0),
                      textcoords="offset points", va="center", ha="left", fontsize=style.label_size,
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
