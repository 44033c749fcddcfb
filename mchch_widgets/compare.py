"""What changed between rounds, in plain words: the summary beside the compare screen's chart.

No widgets and no matplotlib: the summary is worked out from the scoring tables, so it
can be tested, printed in a report, or said aloud by the facilitator.

The comparison is between two rounds of the same kind (self with self, external with
external): the latest chosen round and the earliest chosen one of its kind. A level is
the consensus or, when asked, the median of the individual ratings.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from . import scoring
from .assessment import round_scale
from .model import Indicator, Round, Workbook
from .text import t
from .thai import shown_digits

TOP = 3  # biggest gains and furthest from target: the few a group can talk about
VALUES = ("consensus", "median")


@dataclass(frozen=True)
class Change:
    """One indicator between the two rounds compared: its level then and now."""

    indicator: Indicator
    before: float | None
    after: float | None

    @property
    def change(self) -> float | None:
        return None if self.before is None or self.after is None else self.after - self.before


@dataclass(frozen=True)
class Gap:
    """One indicator in the latest round: its level, its target and the levels still to climb."""

    indicator: Indicator
    level: float
    target: int

    @property
    def gap(self) -> float:
        return self.target - self.level


@dataclass
class Summary:
    """The answer to "what changed since then?" for the chosen rounds."""

    value: str
    after: Round | None = None  # the latest chosen round
    before: Round | None = None  # the earliest chosen round of the same kind; None: nothing to compare with
    comparable: bool = True  # False: the two rounds were scored on different scales
    improved: list[Change] = field(default_factory=list)  # biggest rise first
    slipped: list[Change] = field(default_factory=list)  # biggest fall first
    stayed: list[Change] = field(default_factory=list)
    not_compared: list[Change] = field(default_factory=list)  # a level missing in one of the rounds
    furthest: list[Gap] = field(default_factory=list)  # furthest from target in the latest round, top few
    reached: int = 0  # indicators at or above their target in the latest round
    with_target: int = 0  # indicators that have a target and a level in the latest round
    not_scored: int = 0  # indicators without a level in the latest round

    @property
    def biggest_gains(self) -> list[Change]:
        """The indicators that rose the most (all of them when tied), none when nothing rose."""
        if not self.improved:
            return []
        return [c for c in self.improved if c.change == self.improved[0].change]


def summarise(workbook: Workbook, rounds: tuple[str, ...] | None, value: str = "consensus") -> Summary:
    """Compare the latest of `rounds` (None: every round) with the earliest of the same kind."""
    if value not in VALUES:
        raise ValueError(f"value must be one of {VALUES}, not {value!r}")
    chosen = [r for r in workbook.rounds_in_order() if rounds is None or r.round_id in rounds]
    summary = Summary(value=value)
    if not chosen:
        return summary
    kind = _compared_kind(chosen)
    mine = [r for r in chosen if r.assessor == kind]
    summary.after = mine[-1]
    summary.before = mine[0] if len(mine) > 1 else None
    stats = scoring.indicator_stats(workbook)
    after = _levels(stats, summary.after.round_id, value)
    if summary.before is not None:
        summary.comparable = round_scale(workbook, summary.before) == round_scale(workbook, summary.after)
        before = _levels(stats, summary.before.round_id, value)
        _sort_changes(summary, workbook, before, after)
    _gaps(summary, workbook, after)
    return summary


def _compared_kind(chosen: list[Round]) -> str:
    """The group's own rounds when two are chosen, else two external ones, else the latest round's kind."""
    for kind in ("self", "external"):
        if sum(1 for r in chosen if r.assessor == kind) > 1:
            return kind
    return "self" if any(r.assessor == "self" for r in chosen) else "external"


def _levels(stats: pd.DataFrame, round_id: str, value: str) -> dict[str, float | None]:
    mine = stats[stats["round_id"] == round_id]
    column = mine["consensus"] if value == "consensus" else mine["median"]
    return {i: (None if pd.isna(v) else float(v)) for i, v in zip(mine["indicator_id"], column)}


def _sort_changes(summary: Summary, workbook: Workbook, before: dict, after: dict) -> None:
    for indicator in workbook.selected_indicators():
        change = Change(indicator, before.get(indicator.indicator_id), after.get(indicator.indicator_id))
        if change.change is None or not summary.comparable:
            summary.not_compared.append(change)
        elif change.change > 0:
            summary.improved.append(change)
        elif change.change < 0:
            summary.slipped.append(change)
        else:
            summary.stayed.append(change)
    summary.improved.sort(key=lambda c: -c.change)  # stable: ties keep workbook order
    summary.slipped.sort(key=lambda c: c.change)


def _gaps(summary: Summary, workbook: Workbook, after: dict) -> None:
    on_targets_scale = round_scale(workbook, summary.after) == workbook.profile.levels
    gaps = []
    for indicator in workbook.selected_indicators():
        level = after.get(indicator.indicator_id)
        if level is None:
            summary.not_scored += 1
        elif indicator.target is not None and on_targets_scale:
            gaps.append(Gap(indicator, level, indicator.target))
    summary.with_target = len(gaps)
    summary.reached = sum(1 for g in gaps if g.gap <= 0)
    summary.furthest = sorted((g for g in gaps if g.gap > 0), key=lambda g: -g.gap)[:TOP]


# --- in words ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """One line of the summary: its kind (for the screen's look) and its words."""

    kind: str  # heading, improved, slipped, stayed, gains, furthest, reached, note
    text: str
    items: tuple[str, ...] = ()  # the indicators it names, each with its figure


def summary_lines(summary: Summary, lang: str = "th", digits: bool = False) -> list[Line]:
    """The summary in plain Thai (or English), a line per point, most important first."""

    def n(x: float) -> str:
        return shown_digits(f"{x:g}", lang, digits)

    if summary.after is None:
        return [Line("note", t("summary_no_rounds", lang))]
    value = t(f"chart_value_{summary.value}", lang)
    lines: list[Line] = []
    if summary.before is None:
        lines.append(Line("heading", t("summary_one_round", lang, label=summary.after.label, value=value)))
        lines.append(Line("note", t("summary_pick_another", lang)))
    else:
        lines.append(Line("heading", t("summary_between", lang, before=summary.before.label,
                                       after=summary.after.label, value=value)))
        lines += _change_lines(summary, lang, n)
    lines += _target_lines(summary, lang, n)
    return lines


def _change_lines(summary: Summary, lang: str, n) -> list[Line]:
    if not summary.comparable:
        return [Line("note", t("summary_other_scale", lang))]

    def with_change(changes: list[Change]) -> tuple[str, ...]:
        return tuple(f"{c.indicator.title} {_signed(c.change, n)}" for c in changes)

    def titles(changes: list[Change]) -> tuple[str, ...]:
        return tuple(c.indicator.title for c in changes)

    lines = []
    if summary.improved:
        best = summary.biggest_gains
        lines.append(Line("gains", t("summary_gains", lang, change=_signed(best[0].change, n)), titles(best)))
        lines.append(Line("improved", t("summary_improved", lang, count=n(len(summary.improved))),
                          with_change(summary.improved)))
    if summary.slipped:
        lines.append(Line("slipped", t("summary_slipped", lang, count=n(len(summary.slipped))),
                          with_change(summary.slipped)))
    if summary.stayed:
        lines.append(Line("stayed", t("summary_stayed", lang, count=n(len(summary.stayed))), titles(summary.stayed)))
    if summary.not_compared:
        lines.append(Line("note", t("summary_not_compared", lang, count=n(len(summary.not_compared))),
                          titles(summary.not_compared)))
    if not (summary.improved or summary.slipped or summary.stayed or summary.not_compared):
        lines.append(Line("note", t("summary_nothing_to_compare", lang)))
    return lines


def _target_lines(summary: Summary, lang: str, n) -> list[Line]:
    lines = []
    if summary.furthest:
        lines.append(Line("furthest", t("summary_furthest", lang, label=summary.after.label), tuple(
            t("summary_gap_item", lang, title=g.indicator.title, gap=n(g.gap)) for g in summary.furthest)))
    if summary.with_target:
        lines.append(Line("reached", t("summary_reached", lang, reached=n(summary.reached),
                                       total=n(summary.with_target), label=summary.after.label)))
    if summary.not_scored:
        lines.append(Line("note", t("summary_not_scored", lang, count=n(summary.not_scored),
                                    label=summary.after.label)))
    return lines


def _signed(change: float | None, n) -> str:
    if change is None:
        return "–"
    if change > 0:
        return f"▲ +{n(change)}"
    if change < 0:
        return f"▼ −{n(-change)}"
    return "= 0"
