"""What changed between rounds, in plain words: the summary beside the compare screen's chart.

No widgets and no matplotlib: the summary is worked out from the scoring tables, so it
can be tested, printed in a report, or said aloud by the facilitator.

The comparison is between two rounds of the same kind (self with self, external with
external): the latest chosen round with levels and the earliest chosen one of its kind
(compared_rounds; the charts show the same two). A level is the consensus or, when asked,
the median of the individual ratings. When an external round is chosen, the outsiders'
levels are also set against the group's own round held before their visit (outside_rounds).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from . import scoring
from .assessment import round_scale
from .filenames import FILE_NAME_MAX_BYTES, fit_bytes, safe_name
from .model import Indicator, Round, Workbook
from .text import t
from .thai import shown_digits, wrap

TOP = 3  # biggest gains and furthest from target: the few a group can talk about
VALUES = ("consensus", "median")
FEW_RATERS = 0.5  # a median of fewer than half as many raters as the other round's is pointed out
FILE_NAME_LABEL = 24  # characters kept of a round's name


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
class OutsideView:
    """The outsiders' level of each indicator against the group's own (Change: before = self, after = external)."""

    external: Round
    own: Round | None  # the self round held before the visit (scoring.comparison_rounds); None: there is none
    comparable: bool = True  # False: the two rounds were scored on different scales
    higher: list[Change] = field(default_factory=list)  # the outsiders saw a higher level
    lower: list[Change] = field(default_factory=list)
    same: list[Change] = field(default_factory=list)
    not_compared: list[Change] = field(default_factory=list)  # a level missing on one side


@dataclass
class Summary:
    """The answer to "what changed since then?" for the chosen rounds."""

    value: str
    after: Round | None = None  # the latest chosen round with levels (see compared_rounds)
    before: Round | None = None  # the earliest chosen round of the same kind; None: nothing to compare with
    unused: list[Round] = field(default_factory=list)  # chosen, but without a level: not compared
    unused_rated: list[Round] = field(default_factory=list)  # of those, rounds rated alone but not agreed yet
    raters: dict[str, int] = field(default_factory=dict)  # people who rated, for before and after
    outside: OutsideView | None = None  # when an external round is chosen
    comparable: bool = True  # False: the two rounds were scored on different scales
    improved: list[Change] = field(default_factory=list)  # biggest rise first
    slipped: list[Change] = field(default_factory=list)  # biggest fall first
    stayed: list[Change] = field(default_factory=list)
    not_compared: list[Change] = field(default_factory=list)  # a level missing in one of the rounds
    furthest: list[Gap] = field(default_factory=list)  # furthest from target in the latest round, top few
    reached: int = 0  # indicators at or above their target in the latest round
    with_target: int = 0  # indicators that have a target and a level in the latest round
    not_scored: int = 0  # indicators without a level in the latest round
    not_agreed: int = 0  # of those, indicators rated alone but not agreed yet (consensus only)

    @property
    def biggest_gains(self) -> list[Change]:
        """The indicators that rose the most (all of them when tied), none when nothing rose."""
        if not self.improved:
            return []
        return [c for c in self.improved if c.change == self.improved[0].change]


def summarise(workbook: Workbook, rounds: tuple[str, ...] | None, value: str = "consensus") -> Summary:
    """Compare the latest of `rounds` (None: every round) that has levels with the earliest of its kind."""
    if value not in VALUES:
        raise ValueError(f"value must be one of {VALUES}, not {value!r}")
    chosen = [r for r in workbook.rounds_in_order() if rounds is None or r.round_id in rounds]
    summary = Summary(value=value)
    if not chosen:
        return summary
    stats = scoring.indicator_stats(workbook)  # once: a click on the compare screen waits for it
    scored = scoring.rounds_with_levels(workbook, value, stats)
    rated = scoring.rounds_with_levels(workbook, "median", stats)
    summary.before, summary.after = compared_rounds(chosen, scored)
    compared = (summary.before, summary.after)  # without levels too when no chosen round has any
    summary.unused = [r for r in chosen if r.round_id not in scored and r not in compared]
    summary.unused_rated = [r for r in summary.unused if value == "consensus" and r.round_id in rated]
    after = _levels(stats, summary.after.round_id, value)
    if summary.before is not None:
        summary.comparable = round_scale(workbook, summary.before) == round_scale(workbook, summary.after)
        before = _levels(stats, summary.before.round_id, value)
        _sort_changes(summary, workbook, before, after)
        summary.raters = _raters(workbook, (summary.before, summary.after))
    _gaps(summary, workbook, after, _rated(stats, summary.after.round_id))
    externals = [r for r in chosen if r.assessor == "external"]
    if externals:
        summary.outside = _outside_view(workbook, *outside_rounds(workbook, externals, value, stats), stats, value)
    return summary


def compared_rounds(chosen: list[Round], scored: set[str]) -> tuple[Round | None, Round | None]:
    """(before, after): the earliest and the latest chosen round of one kind that have levels.

    `scored` holds the rounds with levels (scoring.rounds_with_levels): a round just opened
    or not agreed yet is passed over, so choosing "every round" still compares something.
    When none has levels, the earliest and latest chosen of the kind (the summary says why).
    before is None when the kind has only one such round.
    """
    if not chosen:
        return None, None
    pool = [r for r in chosen if r.round_id in scored] or chosen
    kind = _compared_kind(pool)
    mine = [r for r in pool if r.assessor == kind]
    return (mine[0] if len(mine) > 1 else None), mine[-1]


def outside_rounds(workbook: Workbook, externals: list[Round], value: str,
                   stats: pd.DataFrame | None = None) -> tuple[Round | None, Round | None]:
    """(self round, external round) for the outsiders' view: the latest of `externals` with levels
    (else the latest), and the group's own round with levels held before the visit, chosen or not
    (scoring.comparison_rounds). `stats`: the workbook's indicator_stats, when the caller has them."""
    if not externals:
        return None, None
    stats = scoring.indicator_stats(workbook) if stats is None else stats  # once for both questions
    scored = scoring.rounds_with_levels(workbook, value, stats)
    outside = ([r for r in externals if r.round_id in scored] or externals)[-1]
    _, own_id = scoring.comparison_rounds(workbook, outside.round_id, value, stats)
    return (workbook.round(own_id) if own_id else None), outside


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


def _rated(stats: pd.DataFrame, round_id: str) -> set[str]:
    """The indicators someone rated alone in the round."""
    mine = stats[(stats["round_id"] == round_id) & (stats["n_raters"] > 0)]
    return set(mine["indicator_id"])


def _raters(workbook: Workbook, rounds: tuple[Round, Round]) -> dict[str, int]:
    raters = scoring.raters_per_round(workbook)  # not round_progress: a click need not count everything
    return {r.round_id: raters.get(r.round_id, 0) for r in rounds}


def _sort_changes(summary: Summary, workbook: Workbook, before: dict, after: dict) -> None:
    improved, slipped, stayed, not_compared = _changes(workbook, before, after, summary.comparable)
    summary.improved, summary.slipped, summary.stayed, summary.not_compared = improved, slipped, stayed, not_compared


def _changes(workbook: Workbook, before: dict, after: dict, comparable: bool) -> tuple[list[Change], ...]:
    """(rose, fell, same, not compared): each indicator's change, biggest first, ties in workbook order."""
    rose, fell, same, not_compared = [], [], [], []
    for indicator in workbook.selected_indicators():
        change = Change(indicator, before.get(indicator.indicator_id), after.get(indicator.indicator_id))
        if change.change is None or not comparable:
            not_compared.append(change)
        elif change.change > 0:
            rose.append(change)
        elif change.change < 0:
            fell.append(change)
        else:
            same.append(change)
    rose.sort(key=lambda c: -c.change)  # stable: ties keep workbook order
    fell.sort(key=lambda c: c.change)
    return rose, fell, same, not_compared


def _gaps(summary: Summary, workbook: Workbook, after: dict, rated: set[str]) -> None:
    on_targets_scale = round_scale(workbook, summary.after) == workbook.profile.levels
    gaps = []
    for indicator in workbook.selected_indicators():
        level = after.get(indicator.indicator_id)
        if level is None:
            summary.not_scored += 1
            if summary.value == "consensus" and indicator.indicator_id in rated:
                summary.not_agreed += 1
        elif indicator.target is not None and on_targets_scale:
            gaps.append(Gap(indicator, level, indicator.target))
    summary.with_target = len(gaps)
    summary.reached = sum(1 for g in gaps if g.gap <= 0)
    ranked = sorted((g for g in gaps if g.gap > 0), key=lambda g: -g.gap)
    # All those tied at the cut, as with the biggest gains: which of equals to leave out would be arbitrary.
    cut = ranked[TOP - 1].gap if len(ranked) > TOP else None
    summary.furthest = ranked[:TOP] + [g for g in ranked[TOP:] if g.gap == cut]


def _outside_view(workbook: Workbook, own: Round | None, outside: Round | None, stats: pd.DataFrame,
                  value: str) -> OutsideView | None:
    if outside is None:
        return None
    view = OutsideView(external=outside, own=own)
    if own is None:
        return view
    view.comparable = round_scale(workbook, own) == round_scale(workbook, outside)
    higher, lower, same, missing = _changes(workbook, _levels(stats, own.round_id, value),
                                            _levels(stats, outside.round_id, value), view.comparable)
    view.higher, view.lower, view.same, view.not_compared = higher, lower, same, missing
    return view


# --- in words ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Line:
    """One line of the summary: its kind (for the screen's look) and its words."""

    kind: str  # heading, improved, slipped, stayed, gains, outside, furthest, reached, note
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
        if not summary.unused:  # else the note below says why the other rounds are not compared
            lines.append(Line("note", t("summary_pick_another", lang)))
    else:
        lines.append(Line("heading", t("summary_between", lang, before=summary.before.label,
                                       after=summary.after.label, value=value)))
        lines += _change_lines(summary, lang, n)
    lines += _unused_lines(summary, lang, value)
    lines += _few_raters_lines(summary, lang, n)
    lines += _outside_lines(summary.outside, lang, n)
    lines += _target_lines(summary, lang, n)
    return lines


def _change_lines(summary: Summary, lang: str, n) -> list[Line]:
    if not summary.comparable:
        return [Line("note", t("summary_other_scale", lang))]

    def titles(changes: list[Change]) -> tuple[str, ...]:
        return tuple(c.indicator.title for c in changes)

    lines = []
    if summary.improved:
        best = summary.biggest_gains
        lines.append(Line("gains", t("summary_gains", lang, change=_signed(best[0].change, n)), titles(best)))
        lines.append(Line("improved", t("summary_improved", lang, count=n(len(summary.improved))),
                          _with_change(summary.improved, n)))
    if summary.slipped:
        lines.append(Line("slipped", t("summary_slipped", lang, count=n(len(summary.slipped))),
                          _with_change(summary.slipped, n)))
    if summary.stayed:
        lines.append(Line("stayed", t("summary_stayed", lang, count=n(len(summary.stayed))), titles(summary.stayed)))
    if summary.not_compared:
        lines.append(Line("note", t("summary_not_compared", lang, count=n(len(summary.not_compared))),
                          titles(summary.not_compared)))
    if not (summary.improved or summary.slipped or summary.stayed or summary.not_compared):
        lines.append(Line("note", t("summary_nothing_to_compare", lang)))
    return lines


def _with_change(changes: list[Change], n) -> tuple[str, ...]:
    return tuple(f"{c.indicator.title} {_signed(c.change, n)}" for c in changes)


def _unused_lines(summary: Summary, lang: str, value: str) -> list[Line]:
    """Chosen rounds left out of the comparison, and why: not agreed yet (see the median), or no level at all."""
    lines = []
    if summary.unused_rated:
        lines.append(Line("note", t("summary_unused_not_agreed", lang,
                                    labels=", ".join(r.label for r in summary.unused_rated))))
    empty = [r for r in summary.unused if r not in summary.unused_rated]
    if empty:
        lines.append(Line("note", t("summary_unused_empty", lang, labels=", ".join(r.label for r in empty),
                                    value=value)))
    return lines


def _few_raters_lines(summary: Summary, lang: str, n) -> list[Line]:
    """A median of 3 people beside one of 14 can move a level with one person: say so."""
    if summary.value != "median" or summary.before is None:
        return []
    counts = [(r, summary.raters.get(r.round_id, 0)) for r in (summary.before, summary.after)]
    most = max(count for _r, count in counts)
    return [
        Line("note", t("summary_few_raters", lang, label=r.label, count=n(count), most=n(most)))
        for r, count in counts if 0 < count < FEW_RATERS * most
    ]


def _outside_lines(view: OutsideView | None, lang: str, n) -> list[Line]:
    """'ภายนอกเห็นสูงกว่า 2 ข้อ ต่ำกว่า 1 ข้อ ตรงกัน 7 ข้อ', against the group's round before the visit."""
    if view is None:
        return []
    if view.own is None:
        return [Line("note", t("summary_outside_no_self", lang, external=view.external.label))]
    when = "before" if view.own.held_on <= view.external.held_on else "after"
    heading = Line("outside", t(f"summary_outside_{when}", lang, external=view.external.label,
                                self=view.own.label))
    if not view.comparable:
        return [heading, Line("note", t("summary_other_scale", lang))]
    parts = [t(f"summary_outside_{name}", lang, count=n(len(changes)))
             for name, changes in (("higher", view.higher), ("lower", view.lower), ("same", view.same))
             if changes]
    if not parts:
        return [heading, Line("note", t("summary_outside_nothing", lang))]
    differing = sorted(view.higher + view.lower, key=lambda c: -abs(c.change))
    lines = [heading, Line("outside", t("summary_outside_saw", lang, parts=t("summary_outside_and", lang).join(parts)),
                           _with_change(differing, n))]
    if view.not_compared:
        lines.append(Line("note", t("summary_not_compared", lang, count=n(len(view.not_compared)))))
    return lines


def _target_lines(summary: Summary, lang: str, n) -> list[Line]:
    lines = []
    label = summary.after.label
    if summary.furthest:
        lines.append(Line("furthest", t("summary_furthest", lang, label=label), tuple(
            t("summary_gap_item", lang, title=g.indicator.title, gap=n(g.gap)) for g in summary.furthest)))
    if summary.with_target:
        lines.append(Line("reached", t("summary_reached", lang, reached=n(summary.reached),
                                       total=n(summary.with_target), label=label)))
    if summary.not_agreed:
        lines.append(Line("note", t("summary_not_agreed", lang, count=n(summary.not_agreed), label=label)))
    if summary.not_scored > summary.not_agreed:
        lines.append(Line("note", t("summary_not_scored", lang, count=n(summary.not_scored - summary.not_agreed),
                                    label=label)))
    return lines


def _signed(change: float | None, n) -> str:
    if change is None:
        return "–"
    if change > 0:
        return f"▲ +{n(change)}"
    if change < 0:
        return f"▼ −{n(-change)}"
    return "= 0"


# --- a downloaded chart's file name --------------------------------------------------------


def file_name(workbook: Workbook, chart: str, rounds: tuple[str, ...] | None, lang: str = "th",
              digits: bool = False) -> str:
    """'กลุ่มผ้ามัดย้อม - ความก้าวหน้า - รอบที่ ๑–๕ (6 รอบ)': who, which chart, which rounds.

    Without the extension, never more than FILE_NAME_MAX_BYTES of UTF-8: the group's name is
    shortened first, with '…' between letters (never inside a Thai letter's marks). Characters
    a computer refuses in a file name are left out.
    """
    chosen = [r for r in workbook.rounds_in_order() if rounds is None or r.round_id in rounds]
    tail = " - ".join(p for p in (safe_name(chart), safe_name(_rounds_named(chosen, lang, digits))) if p)
    room = max(FILE_NAME_MAX_BYTES - len(f" - {tail}".encode()), FILE_NAME_MAX_BYTES // 4)
    name = " - ".join(p for p in (fit_bytes(safe_name(workbook.profile.name), room), tail) if p)
    return fit_bytes(name, FILE_NAME_MAX_BYTES) or "chart"


def _rounds_named(chosen: list[Round], lang: str, digits: bool) -> str:
    """Two rounds by name; more as the group's own first–latest and how many in all ('รอบที่ ๑–๕ (6 รอบ)')."""
    if len(chosen) <= 2:
        return ", ".join(wrap(r.label, FILE_NAME_LABEL, max_lines=1) for r in chosen)
    own = [r for r in chosen if r.assessor == "self"]
    ends = own if len(own) > 1 else chosen
    first, last = (wrap(r.label, FILE_NAME_LABEL, max_lines=1) for r in (ends[0], ends[-1]))
    shared = first[:first.rfind(" ") + 1] if " " in first else ""
    if shared and last.startswith(shared):  # 'รอบที่ ๑–๕', not 'รอบที่ ๑–รอบที่ ๕'
        last = last[len(shared):]
    return t("compare_file_rounds", lang, first=first, last=last,
             count=shown_digits(str(len(chosen)), lang, digits))


