"""The overview's chart: the consensus level of every indicator, one dot per round."""

from __future__ import annotations

from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from .. import scoring
from ..model import Workbook
from ..text import t
from ..thai import format_date, wrap
from .common import THEMES, Theme, plain, round_colours, use_thai_font


def _new_figure(theme: Theme, height: float) -> Figure:
    use_thai_font()
    return Figure(figsize=(theme.width_inches, height), dpi=100, layout="constrained")


def consensus_chart(workbook: Workbook, lang: str = "th", theme: str = "projector") -> Figure:
    """Consensus level of every selected indicator, one coloured dot per round, target marked."""
    style = THEMES[theme]
    table = scoring.consensus_by_round(workbook)
    indicators = workbook.selected_indicators()
    rounds = workbook.rounds_in_order()
    height = min(max(1.3 + 0.56 * len(indicators), 4.0), 18)
    figure = _new_figure(style, height)
    axes = figure.add_subplot()
    axes.tick_params(labelsize=style.base_size)
    figure.suptitle(t("chart_title", lang), fontsize=style.title_size, x=0.01, ha="left")
    if not indicators:
        _empty(axes, t("chart_no_indicators", lang), style)
        return figure
    _draw_consensus(axes, workbook, table, style, lang)
    if table["consensus"].isna().all():
        axes.text(0.5, 0.5, t("chart_no_scores", lang), transform=axes.transAxes, ha="center",
                  va="center", fontsize=style.title_size, color="#444444",
                  bbox={"facecolor": "white", "edgecolor": "#999999", "boxstyle": "round,pad=0.6"})
    _legend(figure, axes, rounds, workbook, style, lang)
    return figure


def _draw_consensus(axes, workbook: Workbook, table, style: Theme, lang: str) -> None:
    indicators = workbook.selected_indicators()
    rounds = workbook.rounds_in_order()
    colours = round_colours(workbook)
    levels = workbook.profile.levels
    positions = {i.indicator_id: len(indicators) - 1 - n for n, i in enumerate(indicators)}
    spread = 0.6 / max(len(rounds), 1)  # dots of one indicator sit one under the other, not on top
    offsets = {r.round_id: (n - (len(rounds) - 1) / 2) * spread for n, r in enumerate(rounds)}
    scored = table[table["consensus"].notna()]
    for indicator_id, trail in scored[scored["assessor"] == "self"].groupby("indicator_id", sort=False):
        ys = [positions[indicator_id] - offsets[r] for r in trail["round_id"]]
        axes.plot(trail["consensus"].astype(float), ys, color="#bbbbbb", linewidth=style.line_width * 0.6,
                  zorder=1)
    for r in rounds:
        part = scored[scored["round_id"] == r.round_id]
        ys = [positions[i] - offsets[r.round_id] for i in part["indicator_id"]]
        axes.scatter(part["consensus"].astype(float), ys, s=style.marker_size, color=colours[r.round_id],
                     marker="D" if r.assessor == "external" else "o", edgecolors="white",
                     linewidths=1.2, zorder=3)
    targets = [(i.target, positions[i.indicator_id]) for i in indicators if i.target is not None]
    if targets:
        axes.scatter([x for x, _ in targets], [y for _, y in targets], marker="|", color="#222222",
                     s=style.marker_size * 4, linewidths=style.line_width, zorder=2)
    axes.set_yticks(list(positions.values()))
    axes.set_yticklabels([plain(wrap(i.title, style.label_width, max_lines=2)) for i in indicators],
                         fontsize=style.label_size, linespacing=1.0)
    axes.set_ylim(-0.6, len(indicators) - 0.4)
    axes.set_xlim(levels.start - 0.4, levels.stop - 1 + 0.4)
    axes.set_xticks(list(levels))
    axes.set_xlabel(t("chart_level", lang), fontsize=style.base_size)
    axes.grid(axis="x", color="#cccccc", linewidth=1)
    for y in positions.values():
        axes.axhline(y - 0.5, color="#eeeeee", linewidth=1, zorder=0)
    axes.spines[["top", "right", "left"]].set_visible(False)
    axes.tick_params(axis="y", length=0)


def _legend(figure: Figure, axes, rounds, workbook: Workbook, style: Theme, lang: str) -> None:
    colours = round_colours(workbook)
    handles = [
        Line2D([], [], linestyle="", marker="D" if r.assessor == "external" else "o",
               markersize=style.base_size * 0.8, color=colours[r.round_id],
               label=plain(f"{wrap(r.label, 30, max_lines=3)}\n{format_date(r.held_on, lang)}"))
        for r in rounds
    ]
    handles.append(Line2D([], [], linestyle="", marker="|", markersize=style.base_size * 1.3,
                          markeredgewidth=style.line_width, color="#222222", label=t("chart_target", lang)))
    figure.legend(handles=handles, loc="outside right upper", frameon=False, fontsize=style.label_size,
                  labelspacing=0.9)


def _empty(axes, message: str, style: Theme) -> None:
    axes.set_axis_off()
    axes.text(0.5, 0.5, message, ha="center", va="center", fontsize=style.title_size, color="#444444")
