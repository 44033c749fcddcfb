"""The domain: a workbook and what it holds (profile, people, indicators, rounds, scores, plan).

Plain dataclasses with no I/O; `store` reads and writes them as CSV files.
Every record keeps the extra columns a user added in a spreadsheet (`extra`), so that
rewriting a file never drops them.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from .text import t

SCHEMA_VERSION = 1

TARGET_TYPES = ("leader", "group", "network", "community")
INDICATOR_STATUSES = ("proposed", "selected", "dropped")
ASSESSORS = ("self", "external")
PLAN_STATUSES = ("planned", "in_progress", "done", "cancelled")
MEMBER_ROLES = ("lead", "advisor")
CONSENSUS = "consensus"  # the `rater` of the score the group agreed on together

TITLE_MAX = 200  # characters in a name or an indicator title


# Characters that show nothing: a title made of them (text copied from the web often
# carries U+200B between Thai words) must not count as typed.
INVISIBLE = dict.fromkeys(map(ord, "\u200b\ufeff"))


def clean_line(text: str) -> str:
    """One line of typed text as it is kept: no newlines, no runs of spaces, no invisible characters.

    Sara am typed as nikhahit + sara aa (ํา, how some keyboards produce it) becomes ำ,
    so two titles that look the same are the same.
    """
    return " ".join(text.translate(INVISIBLE).replace("\u0e4d\u0e32", "\u0e33").split())


class Refused(ValueError):
    """Input that breaks a rule of the workbook; `key` names its message in `text`."""

    def __init__(self, key: str, **params: object) -> None:
        super().__init__(key)
        self.key = key
        self.params = params

    def message(self, lang: str = "th") -> str:
        return t(self.key, lang, **self.params)


def new_id() -> str:
    """A short random id: unique enough for one workbook, short enough to read aloud."""
    return uuid.uuid4().hex[:8]


def now() -> datetime:
    """The current local time, with its UTC offset, to the second."""
    return datetime.now().astimezone().replace(microsecond=0)


@dataclass
class Profile:
    workbook_id: str
    name: str
    target_type: str
    province: str = ""
    district: str = ""
    subdistrict: str = ""
    facilitator: str = ""
    scale_min: int = 1
    scale_max: int = 5
    created_at: datetime = field(default_factory=now)
    schema_version: int = SCHEMA_VERSION
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def levels(self) -> range:
        return range(self.scale_min, self.scale_max + 1)


@dataclass
class Member:
    """A person of the lead team (ทีมนำการพัฒนา) or an advisor (ที่ปรึกษา)."""

    name: str
    role: str = "lead"
    contact: str = ""
    position: str = ""  # e.g. ประธานกลุ่ม; an extra column beyond the contract's three
    extra: dict[str, str] = field(default_factory=dict)


@dataclass
class Indicator:
    indicator_id: str
    title: str
    aspect: str = ""
    description: str = ""
    status: str = "proposed"
    votes: int = 0
    target: int | None = None
    levels: dict[int, str] = field(default_factory=dict)  # level -> rubric descriptor
    extra: dict[str, str] = field(default_factory=dict)


@dataclass
class Round:
    round_id: str
    label: str
    held_on: date
    assessor: str = "self"
    closed: bool = False
    extra: dict[str, str] = field(default_factory=dict)


@dataclass
class Score:
    round_id: str
    indicator_id: str
    rater: str
    score: int | None  # None: skipped / not applicable
    note: str = ""
    recorded_at: datetime = field(default_factory=now)
    extra: dict[str, str] = field(default_factory=dict)


@dataclass
class Reflection:
    """What the group learnt about one indicator in one round (ถอดบทเรียน)."""

    round_id: str
    indicator_id: str
    strengths: str = ""
    weaknesses: str = ""
    next_action: str = ""
    extra: dict[str, str] = field(default_factory=dict)


@dataclass
class PlanActivity:
    activity_id: str
    indicator_id: str
    activity: str
    owner: str = ""
    start_on: date | None = None
    end_on: date | None = None
    budget: Decimal | None = None
    status: str = "planned"
    extra: dict[str, str] = field(default_factory=dict)


@dataclass
class Workbook:
    profile: Profile
    members: list[Member] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    rounds: list[Round] = field(default_factory=list)
    scores: list[Score] = field(default_factory=list)
    plan: list[PlanActivity] = field(default_factory=list)
    reflections: list[Reflection] = field(default_factory=list)

    def selected_indicators(self) -> list[Indicator]:
        return [i for i in self.indicators if i.status == "selected"]

    def lead_team(self) -> list[Member]:
        """The lead team (ทีมนำการพัฒนา), in the order of members.csv."""
        return [m for m in self.members if m.role == "lead"]

    def advisors(self) -> list[Member]:
        """The advisors (ที่ปรึกษา), in the order of members.csv."""
        return [m for m in self.members if m.role == "advisor"]

    def indicator(self, indicator_id: str) -> Indicator | None:
        return next((i for i in self.indicators if i.indicator_id == indicator_id), None)

    def round(self, round_id: str) -> Round | None:
        return next((r for r in self.rounds if r.round_id == round_id), None)

    def rounds_in_order(self) -> list[Round]:
        """Rounds by date; rounds on the same day keep their file order."""
        return sorted(self.rounds, key=lambda r: r.held_on)

    def current_scores(self) -> list[Score]:
        """One score per round, indicator and rater: the latest recorded one.

        scores.csv keeps every rating ever given, so a corrected rating replaces the
        earlier one here while the file still shows both.
        """
        latest: dict[tuple[str, str, str], Score] = {}
        for score in self.scores:
            key = (score.round_id, score.indicator_id, score.rater)
            if key not in latest or score.recorded_at >= latest[key].recorded_at:
                latest[key] = score
        return list(latest.values())


def new_workbook(name: str, target_type: str, **profile_fields: object) -> Workbook:
    """An empty workbook with a fresh id, ready to save."""
    profile = Profile(workbook_id=new_id(), name=name, target_type=target_type, **profile_fields)
    return Workbook(profile=profile)
