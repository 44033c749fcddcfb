"""Step 5, assessment rounds (ประเมินตนเอง): rounds, individual and consensus scores, reflections.

Each function changes a workbook in memory and refuses, with `Refused`, what breaks a
rule: a closed round, a dropped or unknown indicator, a score off the scale, a round
dated in the future. Saving is the caller's (Session.change, under the workbook's lock).

scores.csv is a log: a second rating by the same code for the same indicator in a round
is a new row, and the latest counts (Workbook.current_scores), so nothing is lost.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from pythainlp.util import thai_digit_to_arabic_digit

from .model import (
    ASSESSORS,
    CONSENSUS,
    TITLE_MAX,
    Reflection,
    Refused,
    Round,
    Score,
    Workbook,
    clean_line,
    now,
)
from .plan import format_be_entry, parse_be_date
from .text import t
from .thai import shown_digits

ROUND_PREFIX = {"self": "r", "external": "x"}  # round ids: r1, r2, … and x1, x2, …
RATER_PREFIX = {"self": "P", "external": "E"}  # anonymous codes: P01, P02, … and E01, …
RATER_CODE = re.compile(r"^[A-Za-z0-9ก-๙][A-Za-z0-9ก-๙_-]{0,11}$")
REOPENED_AT = "reopened_at"  # extra column of rounds.csv: every reopening, oldest first
CLOSED_AT = "closed_at"  # extra column of rounds.csv: when the round was last closed
SCALE_MIN, SCALE_MAX = "scale_min", "scale_max"  # extra columns of rounds.csv: the scale the round was scored on
SCALE_LIMITS = (0, 10)  # the lowest and highest level step 1 offers
NOTE_MAX = 2000


# --- rounds --------------------------------------------------------------------------------


def next_round_id(workbook: Workbook, assessor: str) -> str:
    prefix = ROUND_PREFIX[assessor]
    numbers = [int(r.round_id[1:]) for r in workbook.rounds if re.fullmatch(prefix + r"\d+", r.round_id)]
    return f"{prefix}{max(numbers, default=0) + 1}"


def next_round_label(workbook: Workbook, assessor: str, lang: str = "th", digits: bool = True) -> str:
    """'รอบที่ ๕' for the fifth self-assessment; 'ประเมินจากภายนอก ครั้งที่ ๒' for the second external one."""
    number = sum(1 for r in workbook.rounds if r.assessor == assessor) + 1
    text = t(f"round_label_{assessor}", lang, n=number)
    return shown_digits(text, lang, digits)


def parse_round_date(text: str, workbook: Workbook, today: date) -> date:
    """A round's date as typed (Buddhist Era, like the plan): not in the future, not before the workbook."""
    typed = parse_be_date(text)
    if typed is None:
        raise Refused("err_round_date_empty")
    return check_round_date(typed.day, workbook, today)


def check_round_date(day: date, workbook: Workbook, today: date) -> date:
    if day > today:
        raise Refused("err_round_future", day=format_be_entry(day))
    created = workbook.profile.created_at
    if created != datetime.min and day < created.date():
        raise Refused("err_round_before_workbook", day=format_be_entry(day), created=format_be_entry(created.date()))
    return day


def add_round(workbook: Workbook, label: str, held_on: date, assessor: str, today: date) -> Round:
    """A new open round; its label is typed (or the prefilled 'รอบที่ n') and must be unique."""
    label = clean_line(label)
    if not label:
        raise Refused("err_round_label_empty")
    if len(label) > TITLE_MAX:
        raise Refused("err_round_label_long", limit=TITLE_MAX, count=len(label))
    if any(_same_label(r.label, label) for r in workbook.rounds):
        raise Refused("err_round_label_taken", label=label)
    if assessor not in ASSESSORS:
        raise Refused("err_round_assessor")
    check_round_date(held_on, workbook, today)
    new = Round(round_id=next_round_id(workbook, assessor), label=label, held_on=held_on, assessor=assessor,
                extra=_scale_columns(workbook.profile.levels))
    workbook.rounds.append(new)
    return new


def _scale_columns(levels: range) -> dict[str, str]:
    return {SCALE_MIN: str(levels.start), SCALE_MAX: str(levels.stop - 1)}


def round_scale(workbook: Workbook, round_: Round) -> range:
    """The levels the round was scored on: its own, recorded when it was made, else the workbook's.

    The workbook's scale may be widened later (say 1..3 to 1..5); an old round's 3 was then
    the top of its scale, and charts must not show it as the middle of the new one.
    """
    return _recorded_scale(round_) or workbook.profile.levels


def _recorded_scale(round_: Round) -> range | None:
    """The scale in the round's own columns; None when empty, not numbers, or not a scale the app makes."""
    try:
        low, high = int(round_.extra.get(SCALE_MIN, "")), int(round_.extra.get(SCALE_MAX, ""))
    except ValueError:
        return None
    return range(low, high + 1) if SCALE_LIMITS[0] <= low < high <= SCALE_LIMITS[1] else None


def keep_round_scales(workbook: Workbook, before: range) -> None:
    """Call as the workbook's scale changes from `before`: each round keeps the scale it was scored on.

    A round with scores that recorded no scale was scored on `before`; a round with nothing
    in it yet will be scored on the new scale.
    """
    for round_ in workbook.rounds:
        if is_empty_round(workbook, round_.round_id):
            round_.extra.update(_scale_columns(workbook.profile.levels))
        elif _recorded_scale(round_) is None:
            round_.extra.update(_scale_columns(before))


def _same_label(a: str, b: str) -> bool:
    """'รอบที่ ๔' and 'รอบที่ 4' name the same round."""
    return thai_digit_to_arabic_digit(a).casefold() == thai_digit_to_arabic_digit(b).casefold()


def rounds_in_progress(workbook: Workbook) -> list[Round]:
    """Open rounds that already have ratings: the scale must not change under them."""
    return [r for r in workbook.rounds if not r.closed and not is_empty_round(workbook, r.round_id)]


def is_empty_round(workbook: Workbook, round_id: str) -> bool:
    """Nothing was scored or written in the round yet: it can go without losing anything."""
    return not any(s.round_id == round_id for s in workbook.scores) and \
        not any(r.round_id == round_id for r in workbook.reflections)


def remove_round(workbook: Workbook, round_id: str) -> Round:
    """Take back a round made by mistake; only an open round with nothing in it can go."""
    found = open_round(workbook, round_id)
    if not is_empty_round(workbook, round_id):
        raise Refused("err_round_not_empty", label=found.label)
    workbook.rounds.remove(found)
    return found


def find_round(workbook: Workbook, round_id: str) -> Round:
    found = workbook.round(round_id)
    if found is None:
        raise Refused("err_round_unknown", round_id=round_id)
    return found


def open_round(workbook: Workbook, round_id: str) -> Round:
    """The round, if it can still be changed; a closed round is refused until reopened."""
    found = find_round(workbook, round_id)
    if found.closed:
        raise Refused("err_round_closed", label=found.label)
    return found


def close_round(workbook: Workbook, round_id: str, when: datetime | None = None) -> Round:
    found = open_round(workbook, round_id)
    found.closed = True
    found.extra[CLOSED_AT] = (when or now()).isoformat(timespec="seconds")
    return found


def reopen_round(workbook: Workbook, round_id: str, when: datetime | None = None) -> Round:
    """Open a closed round again; the time is added to the round's `reopened_at` column for the record."""
    found = find_round(workbook, round_id)
    if not found.closed:
        return found
    found.closed = False
    stamp = (when or now()).isoformat(timespec="seconds")
    earlier = found.extra.get(REOPENED_AT, "").split()
    found.extra[REOPENED_AT] = " ".join([*earlier, stamp])
    return found


def reopenings(found: Round) -> list[str]:
    return found.extra.get(REOPENED_AT, "").split()


# --- scores ----------------------------------------------------------------------------------


def parse_score(value: object, workbook: Workbook, scale: range | None = None) -> int | None:
    """A level typed or clicked: 3, '3', '๓'; None or '' is "skip / not applicable".

    scale: the round's (round_scale); the workbook's when not given.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    text = thai_digit_to_arabic_digit(str(value).strip())
    try:
        level = int(text)
    except ValueError:
        raise Refused("err_score_number", value=str(value).strip()) from None
    scale = scale or workbook.profile.levels
    if level not in scale:
        raise Refused("err_score_outside", value=level, low=scale.start, high=scale.stop - 1)
    return level


def check_rater(code: str) -> str:
    """An anonymous code such as P07: short, one word, and never 'consensus'."""
    code = clean_line(code)
    if code.casefold() == CONSENSUS or not RATER_CODE.match(code):
        raise Refused("err_rater_code", code=code)
    return code


def scorable_indicator(workbook: Workbook, indicator_id: str):
    indicator = workbook.indicator(indicator_id)
    if indicator is None:
        raise Refused("err_score_indicator_unknown", indicator_id=indicator_id)
    if indicator.status != "selected":
        raise Refused("err_score_indicator_not_selected", title=indicator.title)
    return indicator


@dataclass
class Recorded:
    """A score just recorded, and the one it replaced (same round, indicator and rater), if any."""

    score: Score
    replaced: Score | None


def record_score(
    workbook: Workbook, round_id: str, indicator_id: str, rater: str, value: object, note: str = "",
    when: datetime | None = None, claim: bool = False,
) -> Recorded:
    """Add one rating (or the consensus when `rater` is 'consensus'); the latest for a rater counts.

    claim: this is the first rating of a participant just handed `rater` as a new code. If
    another tab gave the same code to someone else meanwhile (it already has ratings in
    the round), the next free code is used instead, so two people never share one code;
    the returned score's `rater` says which code was used.
    """
    scored_in = open_round(workbook, round_id)
    scorable_indicator(workbook, indicator_id)
    rater = CONSENSUS if rater == CONSENSUS else check_rater(rater)
    if claim and rater != CONSENSUS and rater in raters(workbook, round_id):
        rater = next_rater_code(workbook, round_id)
    level = parse_score(value, workbook, round_scale(workbook, scored_in))  # a round keeps its scale
    note = note.strip()
    if len(note) > NOTE_MAX:
        raise Refused("err_note_long", limit=NOTE_MAX, count=len(note))
    earlier = current_score(workbook, round_id, indicator_id, rater)
    stamp = when or now()
    if earlier is not None and stamp < earlier.recorded_at:
        stamp = earlier.recorded_at  # a clock set back must not hide the newer rating (ties go to the later row)
    score = Score(round_id, indicator_id, rater, level, note, stamp)
    workbook.scores.append(score)
    return Recorded(score, earlier)


def current_score(workbook: Workbook, round_id: str, indicator_id: str, rater: str) -> Score | None:
    """The rating that counts now for this rater (Workbook.current_scores' rule: the last recorded), or None."""
    key = (round_id, indicator_id, rater)
    return next((s for s in workbook.current_scores() if (s.round_id, s.indicator_id, s.rater) == key), None)


def raters(workbook: Workbook, round_id: str) -> list[str]:
    """The anonymous codes that rated anything in the round, in code order."""
    codes = {s.rater for s in workbook.scores if s.round_id == round_id and s.rater != CONSENSUS}
    return sorted(codes)


def next_rater_code(workbook: Workbook, round_id: str) -> str:
    """The next free code in the round: P01, P02, … (E01, … for an external round)."""
    found = find_round(workbook, round_id)
    prefix = RATER_PREFIX.get(found.assessor, "P")
    taken = set(raters(workbook, round_id))
    number = 1
    while f"{prefix}{number:02d}" in taken:
        number += 1
    return f"{prefix}{number:02d}"


# --- reflections -------------------------------------------------------------------------------

REFLECTION_FIELDS = ("strengths", "weaknesses", "next_action")


def reflection(workbook: Workbook, round_id: str, indicator_id: str) -> Reflection | None:
    return next(
        (r for r in workbook.reflections if (r.round_id, r.indicator_id) == (round_id, indicator_id)), None
    )


def set_reflection(workbook: Workbook, round_id: str, indicator_id: str, field: str, text: str) -> Reflection:
    """Write one of strengths / weaknesses / next_action for an indicator in an open round."""
    if field not in REFLECTION_FIELDS:
        raise ValueError(field)
    open_round(workbook, round_id)
    scorable_indicator(workbook, indicator_id)
    text = text.strip()
    if len(text) > NOTE_MAX:
        raise Refused("err_note_long", limit=NOTE_MAX, count=len(text))
    found = reflection(workbook, round_id, indicator_id)
    if found is None:
        found = Reflection(round_id, indicator_id)
        workbook.reflections.append(found)
    setattr(found, field, text)
    return found
