"""Step 6, the summary of the self-assessment (สรุปผลการประเมินตนเอง): per indicator and overall.

Per selected indicator: where it stands now against its target, how far it moved since
it was first scored, what the group learnt (the latest reflection) and how its plan is
going. Overall: a few plain sentences made from templates, for the screen, the district
report, or the facilitator to read aloud. No widgets here.

Levels come from scoring.indicator_stats (the consensus that counts); plan counts and
budgets from plan.py.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

import pandas as pd

from . import scoring
from .assessment import REFLECTION_FIELDS, round_scale
from .model import Indicator, PlanActivity, Reflection, Round, Workbook
from .plan import activities_for, format_baht, is_overdue, plan_total, total_budget
from .text import t
from .thai import format_date, shown_digits

TOP = 3  # indicators named in one sentence: more than that is read as a list, not a sentence
MAX_SENTENCES = 6


@dataclass(frozen=True)
class RoundLevel:
    """An indicator's consensus in one round: a level, or "not applicable" agreed by the group."""

    round: Round
    level: int | None
    not_applicable: bool


@dataclass(frozen=True)
class IndicatorSummary:
    """One selected indicator in the summary.

    first: the first self round with a consensus level (a baseline is a level, never "not
    applicable"); latest: the latest self round with a consensus, a level or "not applicable"
    (the group's latest word). change = latest - first when both are levels, in different
    rounds, on the same scale; reached when there is a target and the latest level is on
    the workbook's scale (targets are set on it).
    """

    indicator: Indicator
    first: RoundLevel | None
    latest: RoundLevel | None
    target: int | None
    reached: bool | None
    change: int | None
    reflection: Reflection | None
    reflection_round: Round | None
    activities: list[PlanActivity]
    done: int
    in_progress: int
    not_started: int
    overdue: int
    budget: Decimal
    cancelled: int = 0
    on_targets_scale: bool = True  # False: the latest level was given on another scale than the target's

    @property
    def gap(self) -> int | None:
        """Levels still to climb to the target (0 or less: reached); None when it cannot be told."""
        if self.reached is None:
            return None
        return self.target - self.latest.level

    @property
    def compared(self) -> bool:
        return self.change is not None


@dataclass(frozen=True)
class WorkbookSummary:
    indicators: list[IndicatorSummary]
    self_rounds: list[Round]  # in date order
    external_rounds: list[Round]
    first_round: Round | None  # the first and latest self rounds
    latest_round: Round | None
    reached: int
    improved: int
    slipped: int
    stayed: int
    not_compared: int
    budget_total: Decimal  # the whole plan, cancelled activities left out (plan.total_budget)
    with_target: int = 0  # indicators whose target can be judged (see IndicatorSummary.reached)
    not_scored: int = 0  # selected indicators without any self consensus yet
    activities: int = 0  # the whole plan, whatever its indicator
    done: int = 0
    in_progress: int = 0
    overdue: int = 0
    members: int = 0
    lead_team: int = 0
    advisors: int = 0
    today: date = field(default_factory=date.today)

    @property
    def biggest_gains(self) -> list[IndicatorSummary]:
        """The indicators that rose the most (all of them when tied); none when nothing rose."""
        risen = [i for i in self.indicators if i.change is not None and i.change > 0]
        top = max((i.change for i in risen), default=None)
        return [i for i in risen if i.change == top]

    @property
    def furthest(self) -> list[IndicatorSummary]:
        """The indicators furthest below their target (all of them when tied); none when all reached."""
        short = [i for i in self.indicators if i.gap is not None and i.gap > 0]
        top = max((i.gap for i in short), default=None)
        return [i for i in short if i.gap == top]


# --- working it out ---------------------------------------------------------------------------


def summarise_workbook(workbook: Workbook, today: date) -> WorkbookSummary:
    """The summary of every selected indicator and of the whole workbook, as of `today`."""
    rounds = workbook.rounds_in_order()
    selves = [r for r in rounds if r.assessor == "self"]
    decided = _self_consensus(workbook, selves)
    items = [_indicator_summary(workbook, indicator, decided.get(indicator.indicator_id, []), today)
             for indicator in workbook.selected_indicators()]
    compared = [i for i in items if i.compared]
    whole = plan_total(workbook, today)
    return WorkbookSummary(
        indicators=items,
        self_rounds=selves,
        external_rounds=[r for r in rounds if r.assessor == "external"],
        first_round=selves[0] if selves else None,
        latest_round=selves[-1] if selves else None,
        reached=sum(1 for i in items if i.reached),
        improved=sum(1 for i in compared if i.change > 0),
        slipped=sum(1 for i in compared if i.change < 0),
        stayed=sum(1 for i in compared if i.change == 0),
        not_compared=len(items) - len(compared),
        budget_total=whole.budget,
        with_target=sum(1 for i in items if i.reached is not None),
        not_scored=sum(1 for i in items if i.latest is None),
        activities=whole.activities,
        done=whole.done,
        in_progress=sum(1 for a in workbook.plan if a.status == "in_progress"),
        overdue=whole.overdue,
        members=len(workbook.members),
        lead_team=len(workbook.lead_team()),
        advisors=len(workbook.advisors()),
        today=today,
    )


def _self_consensus(workbook: Workbook, selves: list[Round]) -> dict[str, list[RoundLevel]]:
    """Per indicator, the self rounds with a consensus (a level or "not applicable"), oldest first."""
    by_id = {r.round_id: r for r in selves}
    stats = scoring.indicator_stats(workbook)
    stats = stats[stats["round_id"].isin(by_id) & stats["decided"]]  # rows come in date order
    found: dict[str, list[RoundLevel]] = {}
    for row in stats.itertuples():
        level = None if pd.isna(row.consensus) else int(row.consensus)
        found.setdefault(row.indicator_id, []).append(RoundLevel(by_id[row.round_id], level, level is None))
    return found


def _indicator_summary(workbook: Workbook, indicator: Indicator, decided: list[RoundLevel],
                       today: date) -> IndicatorSummary:
    levels = [d for d in decided if d.level is not None]
    first = levels[0] if levels else None
    latest = decided[-1] if decided else None
    reflection, reflection_round = latest_reflection(workbook, indicator.indicator_id)
    activities = activities_for(workbook, indicator.indicator_id)
    on_scale = latest is None or round_scale(workbook, latest.round) == workbook.profile.levels
    return IndicatorSummary(
        indicator=indicator,
        first=first,
        latest=latest,
        target=indicator.target,
        reached=_reached(indicator.target, latest, on_scale),
        change=_change(workbook, first, latest),
        reflection=reflection,
        reflection_round=reflection_round,
        activities=activities,
        done=_count(activities, "done"),
        in_progress=_count(activities, "in_progress"),
        not_started=_count(activities, "planned"),
        overdue=sum(1 for a in activities if is_overdue(a, today)),
        budget=total_budget(activities),
        cancelled=_count(activities, "cancelled"),
        on_targets_scale=on_scale,
    )


def _count(activities: list[PlanActivity], status: str) -> int:
    return sum(1 for a in activities if a.status == status)


def _reached(target: int | None, latest: RoundLevel | None, on_scale: bool) -> bool | None:
    if target is None or latest is None or latest.level is None or not on_scale:
        return None
    return latest.level >= target


def _change(workbook: Workbook, first: RoundLevel | None, latest: RoundLevel | None) -> int | None:
    """latest - first, only for two different rounds scored on the same scale."""
    if first is None or latest is None or latest.level is None or first.round is latest.round:
        return None
    if round_scale(workbook, first.round) != round_scale(workbook, latest.round):
        return None  # a 3 on 1..3 is not a 3 on 1..5
    return latest.level - first.level


def latest_reflection(workbook: Workbook, indicator_id: str) -> tuple[Reflection | None, Round | None]:
    """The reflection of the latest round (self or external) that has any text for the indicator."""
    for round_ in reversed(workbook.rounds_in_order()):
        for found in workbook.reflections:
            if (found.round_id, found.indicator_id) == (round_.round_id, indicator_id) and _has_text(found):
                return found, round_
    return None, None


def _has_text(reflection: Reflection) -> bool:
    return any(getattr(reflection, name).strip() for name in REFLECTION_FIELDS)


# --- in words -----------------------------------------------------------------------------------


def _numbers(lang: str, digits: bool) -> Callable[[object], str]:
    return lambda x: shown_digits(f"{x}", lang, digits)


def overall_text(summary: WorkbookSummary, lang: str = "th", digits: bool = False) -> list[str]:
    """The summary in 3 to 6 short plain sentences; what is missing is said plainly."""
    n = _numbers(lang, digits)
    head = [_rounds_sentence(summary, lang, digits)]
    details: list[str] = []  # the first to go when there would be more than MAX_SENTENCES
    if not summary.indicators:
        head.append(t("step6_no_indicators", lang))
    elif summary.self_rounds:
        head += _level_sentences(summary, lang, n)
        details = _detail_sentences(summary, lang, n)
    tail = [_plan_sentence(summary, lang, n)]
    if not summary.members:
        tail.append(t("step6_no_members", lang))
    room = max(MAX_SENTENCES - len(head) - len(tail), 0)
    return head + details[:room] + tail


def _plan_sentence(summary: WorkbookSummary, lang: str, n) -> str:
    if not summary.activities:
        return t("step6_no_plan", lang)
    return t("step6_plan", lang, activities=n(summary.activities), done=n(summary.done),
             in_progress=n(summary.in_progress), overdue=n(summary.overdue),
             budget=n(format_baht(summary.budget_total)))


def _rounds_sentence(summary: WorkbookSummary, lang: str, digits: bool) -> str:
    n = _numbers(lang, digits)
    if not summary.self_rounds:
        text = t("step6_rounds_none", lang)
    elif len(summary.self_rounds) == 1:
        text = t("step6_rounds_one", lang, count=n(1), day=format_date(summary.first_round.held_on, lang, digits))
    else:
        text = t("step6_rounds_many", lang, count=n(len(summary.self_rounds)),
                 first=format_date(summary.first_round.held_on, lang, digits),
                 latest=format_date(summary.latest_round.held_on, lang, digits))
    if summary.external_rounds:
        text += t("step6_external", lang, count=n(len(summary.external_rounds)))
    return text


def _level_sentences(summary: WorkbookSummary, lang: str, n) -> list[str]:
    total = len(summary.indicators)
    if not summary.with_target:
        reached = t("step6_no_targets", lang)
    elif summary.with_target == total:
        reached = t("step6_reached_all", lang, reached=n(summary.reached), total=n(total))
    else:
        reached = t("step6_reached_some", lang, reached=n(summary.reached), total=n(summary.with_target))
    if summary.improved or summary.slipped or summary.stayed:
        parts = [t("step6_improved", lang, count=n(summary.improved))]
        parts += [t(f"step6_{name}", lang, count=n(count))
                  for name, count in (("slipped", summary.slipped), ("stayed", summary.stayed)) if count]
        changes = t("step6_join", lang).join(parts)
    else:
        changes = t("step6_nothing_compared", lang)
    return [reached, changes]


def _detail_sentences(summary: WorkbookSummary, lang: str, n) -> list[str]:
    details = []
    if gains := summary.biggest_gains:
        details.append(t("step6_biggest_gain", lang, items=_named(
            [t("step6_item_gain", lang, title=i.indicator.title, change=n(i.change)) for i in gains], lang, n)))
    if furthest := summary.furthest:
        details.append(t("step6_furthest", lang, items=_named(
            [t("step6_item_gap", lang, title=i.indicator.title, gap=n(i.gap)) for i in furthest], lang, n)))
    return details


def _named(items: list[str], lang: str, n) -> str:
    """At most TOP items, then "and 2 more"."""
    text = ", ".join(items[:TOP])
    if len(items) > TOP:
        text += " " + t("step6_and_more", lang, count=n(len(items) - TOP))
    return text


# --- one indicator in words (the screen's cards and the district report) ---------------------


def level_text(item: IndicatorSummary, lang: str = "th", digits: bool = False) -> str:
    """Where it stands against its target: 'ถึงเป้าแล้ว', 'ขาด ๒ ระดับ', 'ยังไม่ตั้งเป้า' …"""
    n = _numbers(lang, digits)
    if item.latest is None:
        return t("step6_not_scored", lang)
    if item.latest.not_applicable:
        return t("step6_not_applicable", lang)
    if item.target is None:
        return t("step6_no_target", lang)
    if item.reached is None:
        return t("step6_target_other_scale", lang)
    return t("step6_reached", lang) if item.reached else t("step6_short", lang, n=n(item.gap))


def change_text(item: IndicatorSummary, lang: str = "th", digits: bool = False) -> str:
    """▲/▼/= and words: 'ดีขึ้น ๒ ระดับจากรอบที่ ๑'; or why it cannot be told."""
    n = _numbers(lang, digits)
    if item.change is None:
        if item.first is None:
            return t("step6_not_scored", lang)
        if item.latest.level is None:
            return t("step6_change_not_applicable", lang)
        if item.first.round is item.latest.round:
            return t("step6_change_one_round", lang)
        return t("step6_change_other_scale", lang)
    label = item.first.round.label
    if item.change > 0:
        return t("step6_change_up", lang, n=n(item.change), first=label)
    if item.change < 0:
        return t("step6_change_down", lang, n=n(-item.change), first=label)
    return t("step6_change_same", lang, first=label)


def plan_text(item: IndicatorSummary, lang: str = "th", digits: bool = False) -> list[str]:
    """The indicator's plan in words: counts, budget, and overdue on a line of its own."""
    n = _numbers(lang, digits)
    if not item.activities:
        return [t("step6_plan_none", lang)]
    lines = [t("step6_plan_counts", lang, activities=n(len(item.activities)), done=n(item.done),
               in_progress=n(item.in_progress), not_started=n(item.not_started))]
    if item.cancelled:
        lines[0] += t("step6_plan_cancelled", lang, count=n(item.cancelled))
    lines.append(t("step6_plan_budget", lang, budget=n(format_baht(item.budget))))
    if item.overdue:
        lines.append(t("step6_plan_overdue", lang, count=n(item.overdue)))
    return lines
