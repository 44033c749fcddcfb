"""Step 2, the indicator forum (เวทีกำหนดตัวชี้วัด), as plain functions over a workbook.

The group calls out proposals, votes with dots, merges and drops, selects a short
list, orders it, and writes words for every level. Nothing is ever deleted here:
a dropped or merged proposal stays in indicators.csv with status `dropped`, so the
record shows what the group considered. Input that breaks a rule raises `Refused`
and changes nothing. Checks that only advise are returned by `checks`, never raised.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher

from pythainlp.util import collate

from .model import INVISIBLE, TITLE_MAX, Indicator, Refused, Workbook, clean_line, new_id
from .store import title_key
from .suggestions import generic_ladder
from .text import t

MAX_SELECTED = 12  # more than this is hard to score in one half-day workshop
NEAR_DUPLICATE = 0.8  # similarity of two titles (0..1) from which the facilitator is asked to look
MERGED_INTO = "merged_into"  # extra column: where a merged proposal's votes went
# Invisible characters that text copied from the web or Word leaves in Thai (a zero-width space
# marks word breaks); kept, they make a blank title look filled and twin titles look different.
def find(workbook: Workbook, indicator_id: str) -> Indicator:
    for indicator in workbook.indicators:
        if indicator.indicator_id == indicator_id:
            return indicator
    raise KeyError(indicator_id)


def live(workbook: Workbook) -> list[Indicator]:
    """Proposals still in play: proposed or selected, in file order."""
    return [i for i in workbook.indicators if i.status != "dropped"]


def dropped(workbook: Workbook) -> list[Indicator]:
    return [i for i in workbook.indicators if i.status == "dropped"]


def _same_title(workbook: Workbook, title: str, exclude_id: str | None) -> Indicator | None:
    key = title_key(title)
    for indicator in workbook.indicators:
        live_other = indicator.indicator_id != exclude_id and indicator.status != "dropped"
        if live_other and title_key(indicator.title) == key:
            return indicator
    return None


def check_title(workbook: Workbook, title: str, exclude_id: str | None = None) -> str:
    """The title as it will be kept, or Refused: empty, too long, or the same as a live one."""
    title = clean_line(title)
    if not title:
        raise Refused("err_title_empty")
    if len(title) > TITLE_MAX:
        raise Refused("err_title_long", limit=TITLE_MAX, count=len(title))
    same = _same_title(workbook, title, exclude_id)
    if same is not None:
        raise Refused("err_title_taken", title=same.title)
    return title


def _check_aspect(aspect: str) -> str:
    aspect = clean_line(aspect)
    if len(aspect) > TITLE_MAX:
        raise Refused("err_aspect_long", limit=TITLE_MAX, count=len(aspect))
    return aspect


def add_proposal(workbook: Workbook, title: str, aspect: str = "", description: str = "") -> Indicator:
    """A new proposal; a title the group dropped before comes back instead of being repeated."""
    title = check_title(workbook, title)
    aspect = _check_aspect(aspect)
    description = description.strip()
    key = title_key(title)
    for indicator in dropped(workbook):
        # Not `MERGED_INTO in extra`: once a merge is saved every row read back has the
        # column, empty unless that proposal was merged.
        if title_key(indicator.title) == key and not indicator.extra.get(MERGED_INTO):
            indicator.status = "proposed"
            indicator.title = title  # as typed this time: a corrected spelling is kept
            indicator.aspect = aspect or indicator.aspect
            indicator.description = description or indicator.description
            return indicator
    indicator = Indicator(indicator_id=new_id(), title=title, aspect=aspect, description=description)
    workbook.indicators.append(indicator)
    return indicator


def edit(workbook: Workbook, indicator_id: str, title: str | None = None, aspect: str | None = None,
         description: str | None = None) -> Indicator:
    """Change the words of a proposal; all checks pass before anything changes."""
    indicator = find(workbook, indicator_id)
    new_title = check_title(workbook, title, indicator_id) if title is not None else indicator.title
    new_aspect = _check_aspect(aspect) if aspect is not None else indicator.aspect
    indicator.title = new_title
    indicator.aspect = new_aspect
    if description is not None:
        indicator.description = description.strip()
    return indicator


# --- dot voting ------------------------------------------------------------------------


def set_votes(workbook: Workbook, indicator_id: str, votes: int) -> Indicator:
    if votes < 0:
        raise Refused("err_votes_negative")
    indicator = find(workbook, indicator_id)
    indicator.votes = int(votes)
    return indicator


def add_votes(workbook: Workbook, indicator_id: str, step: int = 1) -> Indicator:
    """One more (or, with -1, one fewer) dot; never below zero."""
    indicator = find(workbook, indicator_id)
    indicator.votes = max(indicator.votes + step, 0)
    return indicator


def by_votes(workbook: Workbook) -> list[Indicator]:
    """Live proposals, most votes first; ties keep the order they were called out in."""
    return sorted(live(workbook), key=lambda i: -i.votes)


def by_aspect(workbook: Workbook) -> list[tuple[str, list[Indicator]]]:
    """Live proposals grouped by aspect, groups in the order first seen; no aspect comes last."""
    groups: dict[str, list[Indicator]] = {}
    for indicator in live(workbook):
        groups.setdefault(indicator.aspect, []).append(indicator)
    ordered = [(aspect, items) for aspect, items in groups.items() if aspect]
    if "" in groups:
        ordered.append(("", groups[""]))
    return ordered


def aspects(workbook: Workbook) -> list[str]:
    """Every aspect named so far, for the aspect box to offer."""
    return collate({i.aspect for i in workbook.indicators if i.aspect})  # Thai dictionary order


# --- merging, dropping, selecting ------------------------------------------------------


def merge(workbook: Workbook, keep_id: str, other_id: str, lang: str = "th") -> Indicator:
    """Fold `other` into `keep`: its votes, words, plan and selection move; it stays as dropped."""
    if keep_id == other_id:
        raise Refused("err_merge_self")
    keep, other = find(workbook, keep_id), find(workbook, other_id)
    scored = [s for s in workbook.scores if s.indicator_id == other_id]
    if scored:
        raise Refused("err_merge_scored", title=other.title, count=len(scored))
    if keep.status == "dropped":
        # The merged proposal comes back into play, so its title must be free (except for
        # `other`, which is leaving): two live proposals with one title make the file unreadable.
        same = _same_title(workbook, keep.title, keep_id)
        if same is not None and same is not other:
            raise Refused("err_title_taken", title=same.title)
        keep.status = "proposed"
        keep.extra.pop(MERGED_INTO, None)
    keep.votes += other.votes
    merged_words = t("merged_from", lang, title=other.title)
    keep.description = "\n".join(p for p in (keep.description, other.description, merged_words) if p)
    for level, text in other.levels.items():
        if text and not keep.levels.get(level):
            keep.levels[level] = text
    if keep.target is None:
        keep.target = other.target
    if other.status == "selected":
        keep.status = "selected"
    for activity in workbook.plan:
        if activity.indicator_id == other_id:
            activity.indicator_id = keep_id
    other.votes = 0
    other.status = "dropped"
    other.extra[MERGED_INTO] = keep_id
    return keep


def drop(workbook: Workbook, indicator_id: str) -> Indicator:
    indicator = find(workbook, indicator_id)
    indicator.status = "dropped"
    return indicator


def restore(workbook: Workbook, indicator_id: str) -> Indicator:
    """Bring a dropped proposal back into play, unless a live one now has its title."""
    indicator = find(workbook, indicator_id)
    if indicator.status != "dropped":
        return indicator  # e.g. a stale button: a selected indicator must stay selected
    check_title(workbook, indicator.title, indicator_id)
    indicator.status = "proposed"
    indicator.extra.pop(MERGED_INTO, None)
    return indicator


def select(workbook: Workbook, indicator_id: str, lang: str = "th") -> Indicator:
    """Into the final set, at its end; empty levels get the generic ladder to start from."""
    indicator = find(workbook, indicator_id)
    if indicator.status == "dropped":
        check_title(workbook, indicator.title, indicator_id)
    if indicator.status != "selected":
        workbook.indicators.remove(indicator)
        last = max((n for n, i in enumerate(workbook.indicators) if i.status == "selected"), default=-1)
        workbook.indicators.insert(last + 1, indicator)
    indicator.status = "selected"
    indicator.extra.pop(MERGED_INTO, None)
    for level, text in generic_ladder(workbook.profile.levels, lang).items():
        if not indicator.levels.get(level, "").strip():
            indicator.levels[level] = text
    return indicator


def unselect(workbook: Workbook, indicator_id: str) -> Indicator:
    indicator = find(workbook, indicator_id)
    if indicator.status == "selected":  # a dropped one made "proposed" here would skip the title check
        indicator.status = "proposed"
    return indicator


def drop_unselected(workbook: Workbook) -> list[Indicator]:
    """End of the forum: every proposal not selected is dropped, for the record."""
    left = [i for i in workbook.indicators if i.status == "proposed"]
    for indicator in left:
        indicator.status = "dropped"
    return left


def move(workbook: Workbook, indicator_id: str, step: int) -> bool:
    """Move a selected indicator up (-1) or down (+1) in the selected set; False at an end."""
    selected = workbook.selected_indicators()
    indicator = find(workbook, indicator_id)
    if indicator not in selected:
        return False  # e.g. a stale button after an undo: nothing to move
    position = selected.index(indicator)
    other_position = position + step
    if not 0 <= other_position < len(selected):
        return False
    other = selected[other_position]
    items = workbook.indicators
    a, b = items.index(indicator), items.index(other)
    items[a], items[b] = items[b], items[a]
    return True


# --- the ladder: words for each level, and the target --------------------------------


def set_level(workbook: Workbook, indicator_id: str, level: int, text: str) -> Indicator:
    if level not in workbook.profile.levels:
        raise Refused("err_level_outside", low=workbook.profile.scale_min, high=workbook.profile.scale_max)
    indicator = find(workbook, indicator_id)
    indicator.levels[level] = text.translate(INVISIBLE).strip()  # a lone zero-width space is no description
    return indicator


def set_target(workbook: Workbook, indicator_id: str, target: int | None) -> Indicator:
    if target is not None and target not in workbook.profile.levels:
        raise Refused("err_level_outside", low=workbook.profile.scale_min, high=workbook.profile.scale_max)
    indicator = find(workbook, indicator_id)
    indicator.target = target
    return indicator


# --- gentle checks ----------------------------------------------------------------------


@dataclass
class Check:
    """Advice for the facilitator; the workbook is fine as it is."""

    key: str
    params: dict[str, object] = field(default_factory=dict)
    indicator_ids: tuple[str, ...] = ()

    def message(self, lang: str = "th") -> str:
        return t(self.key, lang, **self.params)


def similarity(a: str, b: str) -> float:
    """How alike two titles read, 0..1, ignoring case and spacing."""
    a, b = title_key(a).replace(" ", ""), title_key(b).replace(" ", "")
    # autojunk off: from 200 characters on, difflib ignores every letter seen more than a few
    # times, and two long Thai titles one word apart would score about 0.5.
    return _matcher(a, b).ratio()


def _matcher(a: str, b: str) -> SequenceMatcher:
    return SequenceMatcher(None, a, b, autojunk=False)


def _alike(a: str, b: str) -> bool:
    # The cheap upper bounds first: the checks run after every vote, over every pair.
    a, b = title_key(a).replace(" ", ""), title_key(b).replace(" ", "")
    matcher = _matcher(a, b)
    return (matcher.real_quick_ratio() >= NEAR_DUPLICATE and matcher.quick_ratio() >= NEAR_DUPLICATE
            and matcher.ratio() >= NEAR_DUPLICATE)


def near_duplicates(workbook: Workbook) -> list[tuple[Indicator, Indicator]]:
    items = live(workbook)
    return [(a, b) for n, a in enumerate(items) for b in items[n + 1:] if _alike(a.title, b.title)]


def checks(workbook: Workbook) -> list[Check]:
    """What a careful facilitator would point out before the group moves on."""
    found = [
        Check("check_near_duplicate", {"a": a.title, "b": b.title}, (a.indicator_id, b.indicator_id))
        for a, b in near_duplicates(workbook)
    ]
    selected = workbook.selected_indicators()
    if len(selected) > MAX_SELECTED:
        found.append(Check("check_too_many", {"count": len(selected), "limit": MAX_SELECTED}))
    scale = workbook.profile.levels
    for indicator in selected:
        empty = [n for n in scale if not indicator.levels.get(n, "").strip()]
        if empty:
            levels = ", ".join(str(n) for n in empty)
            found.append(Check("check_levels_empty", {"title": indicator.title, "levels": levels},
                               (indicator.indicator_id,)))
        if indicator.target is not None and indicator.target not in scale:
            found.append(Check("check_target_outside", {"title": indicator.title, "target": indicator.target,
                                                        "low": scale.start, "high": scale.stop - 1},
                               (indicator.indicator_id,)))
    # One line for every indicator still without a target: the group sets targets last.
    no_target = [i for i in selected if i.target is None]
    if len(no_target) == 1:
        found.append(Check("check_no_target", {"title": no_target[0].title}, (no_target[0].indicator_id,)))
    elif no_target:
        found.append(Check("check_no_targets", {"count": len(no_target)},
                           tuple(i.indicator_id for i in no_target)))
    return found
