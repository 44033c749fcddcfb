"""Scores turned into tables (pandas), with no widgets: used by charts, screens and reports.

Every table lists rounds in date order and indicators in workbook order, so every chart
and screen shows them the same way. Only the rating that counts is used (the latest of
each rater: Workbook.current_scores). A skipped rating ("not applicable") is counted in
`n_skipped` and in nothing else.
"""

from __future__ import annotations

import pandas as pd

from .model import CONSENSUS, Workbook

CONSENSUS_COLUMNS = ["round_id", "round_label", "held_on", "assessor", "indicator_id", "title", "target", "consensus"]

STATS_COLUMNS = [
    "round_id", "round_label", "held_on", "assessor", "closed", "indicator_id", "title", "target",
    "consensus", "decided", "n_raters", "n_skipped", "median", "mean", "low", "high", "spread", "iqr",
    "previous", "change_since_previous", "first", "change_since_first", "gap_to_target",
]
NUMBER_COLUMNS = [
    "target", "consensus", "median", "mean", "low", "high", "spread", "iqr",
    "previous", "change_since_previous", "first", "change_since_first", "gap_to_target",
]


def _round_rows(workbook: Workbook) -> list[dict[str, object]]:
    return [
        {"round_id": r.round_id, "round_label": r.label, "held_on": r.held_on, "assessor": r.assessor,
         "closed": r.closed, "indicator_id": i.indicator_id, "title": i.title, "target": i.target}
        for r in workbook.rounds_in_order()
        for i in workbook.selected_indicators()
    ]


def consensus_by_round(workbook: Workbook) -> pd.DataFrame:
    """One row per round and selected indicator: the consensus level (NaN when not scored or skipped)."""
    agreed = {
        (s.round_id, s.indicator_id): s.score
        for s in workbook.current_scores()
        if s.rater == CONSENSUS
    }
    rows = [
        {name: row[name] for name in CONSENSUS_COLUMNS[:-1]} | {"consensus": agreed.get((row["round_id"], row["indicator_id"]))}
        for row in _round_rows(workbook)
    ]
    table = pd.DataFrame(rows, columns=CONSENSUS_COLUMNS)
    table["consensus"] = pd.to_numeric(table["consensus"], errors="coerce").astype("Float64")
    table["target"] = pd.to_numeric(table["target"], errors="coerce").astype("Float64")
    return table


def _individual(workbook: Workbook) -> dict[tuple[str, str], list[int | None]]:
    """The ratings that count, per (round, indicator), consensus left out; None is a skip."""
    given: dict[tuple[str, str], list[int | None]] = {}
    for score in sorted(workbook.current_scores(), key=lambda s: s.rater):
        if score.rater != CONSENSUS:
            given.setdefault((score.round_id, score.indicator_id), []).append(score.score)
    return given


def _spread(levels: list[int]) -> dict[str, object]:
    # Plain Python, not a pandas Series per cell: charts ask for every round × indicator at once.
    if not levels:
        return {"n_raters": 0, "median": None, "mean": None, "low": None, "high": None, "spread": None, "iqr": None}
    ordered = sorted(float(level) for level in levels)
    return {
        "n_raters": len(ordered),
        "median": _quantile(ordered, 0.5),
        "mean": round(sum(ordered) / len(ordered), 2),
        "low": ordered[0],
        "high": ordered[-1],
        "spread": ordered[-1] - ordered[0],
        "iqr": _quantile(ordered, 0.75) - _quantile(ordered, 0.25),
    }


def _quantile(ordered: list[float], share: float) -> float:
    """The value `share` of the way through the sorted values, interpolated (as pandas' default)."""
    position = (len(ordered) - 1) * share
    below = int(position)
    above = min(below + 1, len(ordered) - 1)
    return ordered[below] + (ordered[above] - ordered[below]) * (position - below)


def indicator_stats(workbook: Workbook) -> pd.DataFrame:
    """One row per round and selected indicator: the consensus and what the individual ratings say.

    - consensus: the agreed level (NaN when not agreed yet, or agreed "not applicable");
      decided: a consensus was recorded, a level or "not applicable".
    - n_raters, median, mean, low, high: over the individual ratings given (skips left out);
      n_skipped: individual "not applicable"; spread = high - low; iqr: the middle half's width.
    - previous / first: the consensus of this indicator in the latest earlier / the first
      round of the same kind (self or external) that has one; change_since_previous and
      change_since_first are this consensus minus those.
    - gap_to_target: target - consensus, the levels still to climb (0 or less: reached).
    """
    agreed = {(s.round_id, s.indicator_id): s for s in workbook.current_scores() if s.rater == CONSENSUS}
    given = _individual(workbook)
    history: dict[tuple[str, str], list[float]] = {}  # (assessor, indicator) -> consensus levels so far
    rows = []
    for row in _round_rows(workbook):
        key = (row["round_id"], row["indicator_id"])
        consensus_score = agreed.get(key)
        consensus = consensus_score.score if consensus_score else None
        ratings = given.get(key, [])
        levels = [level for level in ratings if level is not None]
        earlier = history.setdefault((row["assessor"], row["indicator_id"]), [])
        previous = earlier[-1] if earlier else None
        first = earlier[0] if earlier else None
        rows.append(row | _spread(levels) | {
            "consensus": consensus,
            "decided": consensus_score is not None,
            "n_skipped": len(ratings) - len(levels),
            "previous": previous,
            "change_since_previous": _minus(consensus, previous),
            "first": first,
            "change_since_first": _minus(consensus, first),
            "gap_to_target": _minus(row["target"], consensus),
        })
        if consensus is not None:
            earlier.append(consensus)
    table = pd.DataFrame(rows, columns=STATS_COLUMNS)
    for name in NUMBER_COLUMNS:
        table[name] = pd.to_numeric(table[name], errors="coerce").astype("Float64")
    for name in ("n_raters", "n_skipped"):
        table[name] = table[name].astype("int64")
    table["decided"] = table["decided"].astype(bool)
    return table


def _minus(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None else a - b


def round_stats(workbook: Workbook, round_id: str) -> pd.DataFrame:
    """indicator_stats for one round, indexed by indicator_id (workbook order)."""
    table = indicator_stats(workbook)
    return table[table["round_id"] == round_id].set_index("indicator_id")


def disagreement(workbook: Workbook, round_id: str) -> pd.DataFrame:
    """The round's indicators with individual ratings, widest disagreement first.

    Ordered by spread (highest minus lowest), then by the width of the middle half (iqr),
    then by workbook order: the group talks first about where it disagrees most.
    """
    table = round_stats(workbook, round_id)
    table = table[table["n_raters"] > 0].copy()
    table["order"] = range(len(table))
    table = table.sort_values(["spread", "iqr", "order"], ascending=[False, False, True], kind="stable")
    return table.drop(columns="order")


def distribution(workbook: Workbook, round_id: str | None = None) -> pd.DataFrame:
    """How many individual raters gave each level: one row per (round, indicator), one column per level.

    Columns are the scale's levels (1…5) then 'skipped'; every selected indicator of every
    (or the one) round has a row, zeros where nobody rated.
    """
    levels = list(workbook.profile.levels)
    given = _individual(workbook)
    rows, index = [], []
    for row in _round_rows(workbook):
        if round_id is not None and row["round_id"] != round_id:
            continue
        ratings = given.get((row["round_id"], row["indicator_id"]), [])
        counts = {level: sum(1 for r in ratings if r == level) for level in levels}
        counts["skipped"] = sum(1 for r in ratings if r is None)
        rows.append(counts)
        index.append((row["round_id"], row["indicator_id"]))
    return pd.DataFrame(
        rows, columns=[*levels, "skipped"],
        index=pd.MultiIndex.from_tuples(index, names=["round_id", "indicator_id"]),
    ).astype("int64")


PROGRESS_COLUMNS = [
    "round_id", "round_label", "held_on", "assessor", "closed",
    "n_indicators", "n_decided", "n_rated", "n_raters", "complete",
]


def round_progress(workbook: Workbook) -> pd.DataFrame:
    """One row per round: how far it got ("5 of 8 scored").

    n_decided: indicators with a consensus (a level or "not applicable"); n_rated: indicators
    with at least one individual rating; n_raters: anonymous codes that rated anything;
    complete: every selected indicator decided.
    """
    stats = indicator_stats(workbook)
    raters = raters_per_round(workbook)
    n_selected = len(workbook.selected_indicators())
    rows = []
    for r in workbook.rounds_in_order():
        mine = stats[stats["round_id"] == r.round_id]
        decided = int(mine["decided"].sum())
        rows.append({
            "round_id": r.round_id, "round_label": r.label, "held_on": r.held_on, "assessor": r.assessor,
            "closed": r.closed, "n_indicators": n_selected, "n_decided": decided,
            "n_rated": int((mine["n_raters"] + mine["n_skipped"] > 0).sum()),
            "n_raters": raters.get(r.round_id, 0),
            "complete": n_selected > 0 and decided == n_selected,
        })
    return pd.DataFrame(rows, columns=PROGRESS_COLUMNS)


def raters_per_round(workbook: Workbook) -> dict[str, int]:
    """Round id -> how many anonymous codes rated a selected indicator in it (rounds without any left out)."""
    codes: dict[str, set[str]] = {}
    selected = {i.indicator_id for i in workbook.selected_indicators()}
    for score in workbook.current_scores():
        if score.rater != CONSENSUS and score.indicator_id in selected:
            codes.setdefault(score.round_id, set()).add(score.rater)
    return {round_id: len(raters) for round_id, raters in codes.items()}


SELF_VS_EXTERNAL_COLUMNS = ["indicator_id", "title", "target", "self", "external", "difference", "differs"]


def rounds_with_levels(workbook: Workbook, value: str | None = None, stats: pd.DataFrame | None = None) -> set[str]:
    """The rounds with a level for at least one selected indicator.

    value "consensus": an agreed level; "median": an individual rating; None: either (the
    level self_vs_external uses). A round just opened, or one scored only alone when the
    consensus is asked for, has none: comparing with it would compare nothing.
    `stats`: the workbook's indicator_stats, when the caller has them already.
    """
    stats = indicator_stats(workbook) if stats is None else stats
    agreed, rated = stats["consensus"].notna(), stats["n_raters"] > 0
    has = agreed if value == "consensus" else rated if value == "median" else agreed | rated
    return set(stats.loc[has.to_numpy(dtype=bool), "round_id"])


def comparison_rounds(workbook: Workbook, external_round_id: str | None = None,
                      value: str | None = None, stats: pd.DataFrame | None = None) -> tuple[str | None, str | None]:
    """The external round to compare (default: the latest) and the self round beside it.

    The self round is the latest held on or before the external one (the group's own view
    when the outsiders came), else the earliest after it; a round with levels (of `value`,
    see rounds_with_levels) is preferred to one without, chosen in the charts or not.
    `stats`: the workbook's indicator_stats, when the caller has them already.
    """
    externals = [r for r in workbook.rounds_in_order() if r.assessor == "external"]
    selves = [r for r in workbook.rounds_in_order() if r.assessor == "self"]
    if external_round_id is None:
        external = externals[-1] if externals else None
    else:
        external = workbook.round(external_round_id)
    if external is None or not selves:
        return (external.round_id if external else None), None
    scored = rounds_with_levels(workbook, value, stats)
    pool = [r for r in selves if r.round_id in scored] or selves
    before = [r for r in pool if r.held_on <= external.held_on]
    return external.round_id, (before[-1] if before else pool[0]).round_id


def self_vs_external(workbook: Workbook, external_round_id: str | None = None,
                     self_round_id: str | None = None) -> pd.DataFrame:
    """Per selected indicator: the self-assessment and the external assessment side by side.

    Each side is the round's consensus, or the median of its individual ratings when no
    consensus was recorded. difference = external - self; differs: they are a level or more apart.
    """
    default_external, default_self = comparison_rounds(workbook, external_round_id)
    external_round_id = external_round_id or default_external
    self_round_id = self_round_id or default_self
    stats = indicator_stats(workbook)

    def level(round_id: str | None) -> dict[str, float | None]:
        mine = stats[stats["round_id"] == round_id]
        # The median stands in only where no consensus was recorded: an agreed "not applicable" stays empty.
        return {
            row.indicator_id: (row.consensus if row.decided else row.median)
            for row in mine.itertuples()
        }

    own, outside = level(self_round_id), level(external_round_id)
    rows = []
    for i in workbook.selected_indicators():
        a, b = own.get(i.indicator_id), outside.get(i.indicator_id)
        a = None if a is None or pd.isna(a) else float(a)
        b = None if b is None or pd.isna(b) else float(b)
        diff = _minus(b, a)
        rows.append({"indicator_id": i.indicator_id, "title": i.title, "target": i.target, "self": a,
                     "external": b, "difference": diff, "differs": diff is not None and abs(diff) >= 1})
    table = pd.DataFrame(rows, columns=SELF_VS_EXTERNAL_COLUMNS)
    for name in ("target", "self", "external", "difference"):
        table[name] = pd.to_numeric(table[name], errors="coerce").astype("Float64")
    table["differs"] = table["differs"].astype(bool)
    return table
