"""A workbook is a folder of CSV files (DESIGN.md section 4); this module reads, checks and saves it.

Reading collects *every* problem (file, spreadsheet row, column, value) instead of
stopping at the first, so a facilitator can fix a hand-edited file in one go.
Saving is atomic, one file at a time, under a lock on the folder, and refuses to
replace a file on disk that can no longer be read: a broken file is never overwritten.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from pathlib import Path

from filelock import FileLock

from . import csvfile
from .model import (
    ASSESSORS,
    INDICATOR_STATUSES,
    MEMBER_ROLES,
    PLAN_STATUSES,
    SCHEMA_VERSION,
    TARGET_TYPES,
    TITLE_MAX,
    Indicator,
    Member,
    PlanActivity,
    Profile,
    Reflection,
    Round,
    Score,
    Workbook,
)
from .text import both, t

PROFILE = "profile.csv"
MEMBERS = "members.csv"
INDICATORS = "indicators.csv"
ROUNDS = "rounds.csv"
SCORES = "scores.csv"
PLAN = "plan.csv"
REFLECTIONS = "reflections.csv"
FILES = (PROFILE, MEMBERS, INDICATORS, ROUNDS, SCORES, PLAN, REFLECTIONS)
LOCK_NAME = ".mchch.lock"

COLUMNS: dict[str, tuple[str, ...]] = {
    PROFILE: (
        "schema_version", "workbook_id", "name", "target_type", "province", "district",
        "subdistrict", "facilitator", "scale_min", "scale_max", "created_at",
    ),
    MEMBERS: ("name", "role", "contact", "position"),
    INDICATORS: ("indicator_id", "aspect", "title", "description", "status", "votes", "target"),
    ROUNDS: ("round_id", "label", "held_on", "assessor", "closed"),
    SCORES: ("round_id", "indicator_id", "rater", "score", "note", "recorded_at"),
    PLAN: ("activity_id", "indicator_id", "activity", "owner", "start_on", "end_on", "budget", "status"),
    REFLECTIONS: ("round_id", "indicator_id", "strengths", "weaknesses", "next_action"),
}
# Columns a hand-made file may leave out (everything else in COLUMNS must be there).
OPTIONAL_COLUMNS = {MEMBERS: {"position"}}
LEVEL_COLUMN = re.compile(r"^level_(\d+)$")
SCALE_LIMITS = (0, 10)
ROUND_SCALE_COLUMNS = ("scale_min", "scale_max")  # rounds.csv's extra columns: the scale a round was scored on
BUDDHIST_YEARS_FROM = 2400  # a year this large in a file was typed in the Buddhist Era (Gregorian + 543)
TRUE_WORDS = {"true", "1", "yes", "y", "ใช่", "ปิด"}
FALSE_WORDS = {"false", "0", "no", "n", "", "ไม่", "เปิด"}
THOUSANDS = re.compile(r"^\d{1,3}(,\d{3})+(\.\d+)?$")  # "5,000" as Thai Excel formats it


@dataclass
class Problem:
    """One thing wrong in a workbook, located as a spreadsheet user would find it."""

    file: str
    row: int | None  # the spreadsheet row: the header is row 1
    column: str | None
    value: str | None
    key: str  # the message in `text`
    params: dict[str, object] = field(default_factory=dict)
    severity: str = "error"  # or "warning": reported, but the workbook still opens

    def message(self, lang: str = "th") -> str:
        if self.row is not None and self.column:
            where = t("problem_at", lang, file=self.file, row=self.row, column=self.column)
        elif self.row is not None:
            where = t("problem_at_row", lang, file=self.file, row=self.row)
        elif self.column:
            where = t("problem_at", lang, file=self.file, row=1, column=self.column)
        else:
            where = t("problem_at_file", lang, file=self.file)
        # A param named "what" is itself a text key, translated with the rest of the message.
        params = {k: t(v, lang) if k == "what" else v for k, v in self.params.items()}
        text = f"{where}: {t(self.key, lang, **params)}"
        if self.value not in (None, ""):
            text += f" ({t('problem_value', lang, value=_shorten(self.value))})"
        return text

    def __str__(self) -> str:
        return f"{self.message('th')}\n    {self.message('en')}"


class WorkbookError(Exception):
    """The workbook cannot be read or saved; `problems` says where and why."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__("\n".join(str(p) for p in problems))
        self.problems = problems


def _shorten(value: str, limit: int = 60) -> str:
    value = value.replace("\n", "⏎")
    return value if len(value) <= limit else value[: limit - 1] + "…"


def errors_only(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]


# --- reading cells -------------------------------------------------------------------


class _Row:
    """The cells of one spreadsheet row, turned into typed values; problems are collected."""

    def __init__(self, file: str, number: int, cells: dict[str, str], problems: list[Problem]):
        self.file = file
        self.number = number
        self.cells = cells
        self.problems = problems

    def _problem(self, column: str, key: str, severity: str = "error", **params: object) -> None:
        value = self.cells.get(column, "")
        self.problems.append(Problem(self.file, self.number, column, value, key, params, severity))

    def text(self, column: str, required: bool = False, limit: int | None = None) -> str:
        raw = self.cells.get(column, "")
        if csvfile.is_formula_like(raw):
            self._problem(column, "warn_formula", severity="warning")
        value = csvfile.unescape_cell(raw)
        if required and not value.strip():
            self._problem(column, "err_required")
        if limit is not None and len(value) > limit:
            self._problem(column, "err_too_long", limit=limit)
        return value

    def _plain(self, column: str) -> str:
        return csvfile.unescape_cell(self.cells.get(column, "")).strip()

    def integer(self, column: str, required: bool = False) -> int | None:
        value = self._plain(column)
        if not value:
            if required:
                self._problem(column, "err_required")
            return None
        try:
            return int(value)
        except ValueError:
            self._problem(column, "err_integer")
            return None

    def in_scale(self, column: str, scale: range | None) -> int | None:
        value = self.integer(column)
        if value is not None and scale is not None and value not in scale:
            self._problem(column, "err_out_of_scale", low=scale.start, high=scale.stop - 1)
            return None
        return value

    def choice(self, column: str, choices: tuple[str, ...], default: str | None = None) -> str:
        value = self._plain(column)
        if not value and default is not None:
            return default
        if value not in choices:
            self._problem(column, "err_choice", choices=", ".join(choices))
            return choices[0]
        return value

    def _calendar(self, column: str, parse, bad_key: str, required: bool) -> date | datetime | None:
        value = self._plain(column)
        if not value:
            if required:
                self._problem(column, "err_required")
            return None
        try:
            parsed = parse(value)
        except ValueError:
            self._problem(column, bad_key)
            return None
        if parsed.year >= BUDDHIST_YEARS_FROM:
            self._problem(column, "err_buddhist_year")
            return None
        return parsed

    def day(self, column: str, required: bool = False) -> date | None:
        return self._calendar(column, date.fromisoformat, "err_date", required)

    def timestamp(self, column: str) -> datetime | None:
        parsed = self._calendar(column, datetime.fromisoformat, "err_datetime", required=True)
        if parsed is None or parsed.tzinfo:
            return parsed
        try:  # a time typed by hand without an offset is this computer's local time
            return parsed.astimezone()
        except (ValueError, OverflowError, OSError):  # e.g. year 1, which has no local time
            self._problem(column, "err_datetime")
            return None

    def amount(self, column: str) -> Decimal | None:
        value = self._plain(column)
        if not value:
            return None
        if THOUSANDS.match(value):  # Thai Excel may format 5000 as "5,000"
            value = value.replace(",", "")
        try:
            parsed = Decimal(value)
        except InvalidOperation:
            self._problem(column, "err_number")
            return None
        if not parsed.is_finite():
            self._problem(column, "err_number")
            return None
        if parsed < 0:
            self._problem(column, "err_negative")
            return None
        return parsed

    def flag(self, column: str) -> bool:
        value = self._plain(column).casefold()
        if value in TRUE_WORDS:
            return True
        if value not in FALSE_WORDS:
            self._problem(column, "err_choice", choices="true, false")
        return False

    def extra(self, known: set[str]) -> dict[str, str]:
        return {c: csvfile.unescape_cell(v) for c, v in self.cells.items() if c not in known}


def _read_table(folder: Path, file: str, problems: list[Problem]) -> tuple[list[str], list[_Row]] | None:
    """Header and rows of one file; None when it is missing or cannot be parsed at all."""
    path = folder / file
    if not path.exists():
        return None
    try:
        raw_rows = csvfile.read_rows(path)
    except csvfile.CsvReadError as error:
        problems.append(Problem(file, error.row, None, None, error.key, {"detail": error.detail}))
        return None
    if not raw_rows:
        problems.append(Problem(file, 1, None, None, "err_missing_column"))
        return None
    header = [name.strip() for name in raw_rows[0]]
    ok = _check_header(file, header, problems)
    rows = []
    for index, cells in enumerate(raw_rows[1:], start=2):
        if not any(cell.strip() for cell in cells):
            continue  # spreadsheets leave blank rows behind
        if len(cells) > len(header) and any(c.strip() for c in cells[len(header):]):
            problems.append(
                Problem(file, index, None, None, "err_ragged_row",
                        {"count": len(cells), "expected": len(header)})
            )
            ok = False
            continue
        padded = cells + [""] * (len(header) - len(cells))
        rows.append(_Row(file, index, dict(zip(header, padded)), problems))
    return (header, rows) if ok else None


def _check_header(file: str, header: list[str], problems: list[Problem]) -> bool:
    ok = True
    seen: set[str] = set()
    for name in header:
        if name in seen:
            problems.append(Problem(file, 1, name, None, "err_duplicate_column"))
            ok = False
        seen.add(name)
    for name in COLUMNS[file]:
        if name not in seen and name not in OPTIONAL_COLUMNS.get(file, set()):
            problems.append(Problem(file, 1, name, None, "err_missing_column"))
            ok = False
    return ok


# --- reading each file ---------------------------------------------------------------


def _read_profile(folder: Path, problems: list[Problem]) -> Profile | None:
    if not (folder / PROFILE).exists():
        problems.append(Problem(PROFILE, None, None, None, "err_missing_file"))
        return None
    table = _read_table(folder, PROFILE, problems)
    if table is None:
        return None
    _, rows = table
    if len(rows) != 1:
        extra_row = rows[1].number if len(rows) > 1 else None
        problems.append(Problem(PROFILE, extra_row, None, None, "err_one_row", {"count": len(rows)}))
        return None
    row = rows[0]
    before = len(errors_only(problems))
    version = row.integer("schema_version", required=True)
    if version is not None and version != SCHEMA_VERSION:
        row._problem("schema_version", "err_schema", supported=SCHEMA_VERSION)
    low = row.integer("scale_min", required=True)
    high = row.integer("scale_max", required=True)
    if low is not None and high is not None and not SCALE_LIMITS[0] <= low < high <= SCALE_LIMITS[1]:
        row._problem("scale_max", "err_scale")
    profile = Profile(
        schema_version=version or SCHEMA_VERSION,
        workbook_id=row.text("workbook_id", required=True),
        name=row.text("name", required=True, limit=TITLE_MAX),
        target_type=row.choice("target_type", TARGET_TYPES),
        province=row.text("province"),
        district=row.text("district"),
        subdistrict=row.text("subdistrict"),
        facilitator=row.text("facilitator", limit=TITLE_MAX),
        scale_min=low if low is not None else 1,
        scale_max=high if high is not None else 5,
        created_at=row.timestamp("created_at") or datetime.min,
        extra=row.extra(set(COLUMNS[PROFILE])),
    )
    return profile if len(errors_only(problems)) == before else None


def _read_members(folder: Path, problems: list[Problem]) -> list[Member]:
    table = _read_table(folder, MEMBERS, problems)
    if table is None:
        return []
    return [
        Member(
            name=row.text("name", required=True, limit=TITLE_MAX),
            role=row.choice("role", MEMBER_ROLES, default="lead"),
            contact=row.text("contact"),
            position=row.text("position"),
            extra=row.extra(set(COLUMNS[MEMBERS])),
        )
        for row in table[1]
    ]


def _read_indicators(folder: Path, scale: range | None, problems: list[Problem]) -> list[Indicator]:
    table = _read_table(folder, INDICATORS, problems)
    if table is None:
        return []
    header, rows = table
    level_columns = {int(m.group(1)): name for name in header if (m := LEVEL_COLUMN.match(name))}
    for level in scale or ():
        if level not in level_columns:
            problems.append(
                Problem(INDICATORS, 1, f"level_{level}", None, "err_level_missing", {"level": level})
            )
    known = set(COLUMNS[INDICATORS]) | set(level_columns.values())
    indicators = []
    for row in rows:
        votes = row.integer("votes")
        if votes is not None and votes < 0:
            row._problem("votes", "err_negative")
        indicators.append(
            Indicator(
                indicator_id=row.text("indicator_id", required=True),
                aspect=row.text("aspect"),
                title=row.text("title", required=True, limit=TITLE_MAX),
                description=row.text("description"),
                status=row.choice("status", INDICATOR_STATUSES, default="proposed"),
                votes=max(votes or 0, 0),
                target=_target(row, scale),
                levels={level: row.text(name) for level, name in sorted(level_columns.items())},
                extra=row.extra(known),
            )
        )
    _check_unique(INDICATORS, "indicator_id", [i.indicator_id for i in indicators], rows, problems)
    _check_titles(indicators, rows, problems)
    return indicators


def _target(row: _Row, scale: range | None) -> int | None:
    """A target outside the scale (say, after the scale was narrowed) is kept and pointed out."""
    target = row.integer("target")
    if target is not None and scale is not None and target not in scale:
        row._problem("target", "warn_target_outside", severity="warning", low=scale.start, high=scale.stop - 1)
    return target


def _read_rounds(folder: Path, problems: list[Problem]) -> list[Round]:
    table = _read_table(folder, ROUNDS, problems)
    if table is None:
        return []
    rows = table[1]
    rounds = [
        Round(
            round_id=row.text("round_id", required=True),
            label=row.text("label", required=True, limit=TITLE_MAX),
            held_on=row.day("held_on", required=True) or date.min,
            assessor=row.choice("assessor", ASSESSORS, default="self"),
            closed=row.flag("closed"),
            extra=row.extra(set(COLUMNS[ROUNDS])),
        )
        for row in rows
    ]
    for row in rows:
        _check_round_scale(row)
    _check_unique(ROUNDS, "round_id", [r.round_id for r in rounds], rows, problems)
    return rounds


def _check_round_scale(row: _Row) -> None:
    """A round's own scale (the app's extra columns) that cannot be used is pointed out, not ignored.

    A warning: the round is then read on the workbook's scale (assessment.round_scale), as
    when both cells are empty. The rule is assessment's: two whole numbers, low below high,
    both within SCALE_LIMITS.
    """
    cells = {column: row._plain(column) for column in ROUND_SCALE_COLUMNS}
    if not any(cells.values()):
        return
    numbers = {}
    for column, text in cells.items():
        try:
            numbers[column] = int(text)
        except ValueError:
            row._problem(column, "warn_round_scale_number", severity="warning")
    low, high = (numbers.get(column) for column in ROUND_SCALE_COLUMNS)
    if low is not None and high is not None and not SCALE_LIMITS[0] <= low < high <= SCALE_LIMITS[1]:
        row._problem(ROUND_SCALE_COLUMNS[1], "warn_round_scale_range", severity="warning",
                     low=SCALE_LIMITS[0], high=SCALE_LIMITS[1])


def _read_scores(
    folder: Path, scale: range | None, round_ids: set[str], indicator_ids: set[str],
    problems: list[Problem],
) -> list[Score]:
    table = _read_table(folder, SCORES, problems)
    if table is None:
        return []
    scores = []
    for row in table[1]:
        score = Score(
            round_id=row.text("round_id", required=True),
            indicator_id=row.text("indicator_id", required=True),
            rater=row.text("rater", required=True),
            score=row.in_scale("score", scale),
            note=row.text("note"),
            recorded_at=row.timestamp("recorded_at") or datetime.min,
            extra=row.extra(set(COLUMNS[SCORES])),
        )
        _check_reference(row, "round_id", score.round_id, round_ids, "what_round", ROUNDS)
        _check_reference(row, "indicator_id", score.indicator_id, indicator_ids, "what_indicator", INDICATORS)
        scores.append(score)
    return scores


def _read_plan(folder: Path, indicator_ids: set[str], problems: list[Problem]) -> list[PlanActivity]:
    table = _read_table(folder, PLAN, problems)
    if table is None:
        return []
    rows = table[1]
    plan = []
    for row in rows:
        activity = PlanActivity(
            activity_id=row.text("activity_id", required=True),
            indicator_id=row.text("indicator_id"),
            activity=row.text("activity", required=True, limit=TITLE_MAX),
            owner=row.text("owner"),
            start_on=row.day("start_on"),
            end_on=row.day("end_on"),
            budget=row.amount("budget"),
            status=row.choice("status", PLAN_STATUSES, default="planned"),
            extra=row.extra(set(COLUMNS[PLAN])),
        )
        if activity.indicator_id:
            _check_reference(row, "indicator_id", activity.indicator_id, indicator_ids, "what_indicator", INDICATORS)
        if activity.start_on and activity.end_on and activity.end_on < activity.start_on:
            row._problem("end_on", "err_end_before_start")
        plan.append(activity)
    _check_unique(PLAN, "activity_id", [a.activity_id for a in plan], rows, problems)
    return plan


def _read_reflections(
    folder: Path, round_ids: set[str], indicator_ids: set[str], problems: list[Problem],
) -> list[Reflection]:
    table = _read_table(folder, REFLECTIONS, problems)
    if table is None:
        return []
    rows = table[1]
    reflections = []
    for row in rows:
        reflection = Reflection(
            round_id=row.text("round_id", required=True),
            indicator_id=row.text("indicator_id", required=True),
            strengths=row.text("strengths"),
            weaknesses=row.text("weaknesses"),
            next_action=row.text("next_action"),
            extra=row.extra(set(COLUMNS[REFLECTIONS])),
        )
        _check_reference(row, "round_id", reflection.round_id, round_ids, "what_round", ROUNDS)
        _check_reference(row, "indicator_id", reflection.indicator_id, indicator_ids, "what_indicator", INDICATORS)
        reflections.append(reflection)
    # One reflection per round and indicator: a second row would leave unclear which one counts.
    pairs = [f"{r.round_id} · {r.indicator_id}" for r in reflections]
    _check_unique(REFLECTIONS, "indicator_id", pairs, rows, problems)
    return reflections


def _check_reference(row: _Row, column: str, value: str, known: set[str], what: str, file: str) -> None:
    if value and value not in known:
        row._problem(column, "err_unknown_ref", what=what, file=file)


def _check_unique(file: str, column: str, values: list[str], rows: list[_Row], problems: list[Problem]) -> None:
    first_row: dict[str, int] = {}
    for value, row in zip(values, rows):
        if value and value in first_row:
            problems.append(Problem(file, row.number, column, value, "err_duplicate_id", {"other": first_row[value]}))
        first_row.setdefault(value, row.number)


def title_key(title: str) -> str:
    """What makes two indicator titles "the same": case and spacing do not count."""
    return " ".join(title.split()).casefold()


def _check_titles(indicators: list[Indicator], rows: list[_Row], problems: list[Problem]) -> None:
    first_row: dict[str, int] = {}
    for indicator, row in zip(indicators, rows):
        if indicator.status == "dropped" or not indicator.title.strip():
            continue  # dropped proposals stay for the record and may repeat a live title
        key = title_key(indicator.title)
        if key in first_row:
            problems.append(
                Problem(INDICATORS, row.number, "title", indicator.title, "err_duplicate_title",
                        {"other": first_row[key]})
            )
        first_row.setdefault(key, row.number)


def check_workbook(folder: Path) -> tuple[Workbook | None, list[Problem]]:
    """Read the workbook at `folder`; the workbook is None when any problem is an error."""
    folder = Path(folder)
    problems: list[Problem] = []
    if not folder.is_dir():
        return None, [Problem(str(folder), None, None, None, "err_not_folder")]
    profile = _read_profile(folder, problems)
    scale = profile.levels if profile else None
    members = _read_members(folder, problems)
    indicators = _read_indicators(folder, scale, problems)
    rounds = _read_rounds(folder, problems)
    indicator_ids = {i.indicator_id for i in indicators}
    scores = _read_scores(folder, scale, {r.round_id for r in rounds}, indicator_ids, problems)
    plan = _read_plan(folder, indicator_ids, problems)
    reflections = _read_reflections(folder, {r.round_id for r in rounds}, indicator_ids, problems)
    if profile is None or errors_only(problems):
        return None, problems
    return Workbook(profile, members, indicators, rounds, scores, plan, reflections), problems


def read_workbook(folder: Path) -> Workbook:
    """The workbook at `folder`, or WorkbookError listing every error found."""
    workbook, problems = check_workbook(folder)
    if workbook is None:
        raise WorkbookError(errors_only(problems))
    return workbook


# --- writing ---------------------------------------------------------------------------


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else format(value, "f")
    return str(value)


def _table(file: str, records: list[dict[str, object]], extras: list[dict[str, str]]) -> bytes:
    """Header = the contract's columns, then any extra columns in the order first seen."""
    header = list(records[0]) if records else list(COLUMNS[file])
    for extra in extras:
        header += [name for name in extra if name not in header]
    rows = [[_cell({**extra, **record}.get(name)) for name in header] for record, extra in zip(records, extras)]
    return csvfile.render(header, rows)


def _profile_bytes(workbook: Workbook) -> bytes:
    p = workbook.profile
    record = {name: getattr(p, name) for name in COLUMNS[PROFILE]}
    return _table(PROFILE, [record], [p.extra])


def _members_bytes(workbook: Workbook) -> bytes:
    records = [{name: getattr(m, name) for name in COLUMNS[MEMBERS]} for m in workbook.members]
    return _table(MEMBERS, records, [m.extra for m in workbook.members])


def level_numbers(workbook: Workbook) -> list[int]:
    """The scale's levels plus any other level that still has a descriptor (never dropped)."""
    described = {n for i in workbook.indicators for n, text in i.levels.items() if text}
    return sorted(set(workbook.profile.levels) | described)


def _indicators_bytes(workbook: Workbook) -> bytes:
    levels = level_numbers(workbook)
    records = [
        {**{name: getattr(i, name) for name in COLUMNS[INDICATORS]},
         **{f"level_{n}": i.levels.get(n, "") for n in levels}}
        for i in workbook.indicators
    ]
    if not records:
        header_only = {name: "" for name in COLUMNS[INDICATORS]} | {f"level_{n}": "" for n in levels}
        return csvfile.render(list(header_only), [])
    return _table(INDICATORS, records, [i.extra for i in workbook.indicators])


def _records(file: str, items: list) -> bytes:
    records = [{name: getattr(item, name) for name in COLUMNS[file]} for item in items]
    return _table(file, records, [item.extra for item in items])


RENDERERS = {
    PROFILE: _profile_bytes,
    MEMBERS: _members_bytes,
    INDICATORS: _indicators_bytes,
    ROUNDS: lambda wb: _records(ROUNDS, wb.rounds),
    SCORES: lambda wb: _records(SCORES, wb.scores),
    PLAN: lambda wb: _records(PLAN, wb.plan),
    REFLECTIONS: lambda wb: _records(REFLECTIONS, wb.reflections),
}


def _still_readable(folder: Path, file: str) -> Problem | None:
    """A problem if the file on disk can no longer be read (e.g. broken by a hand edit)."""
    path = folder / file
    if not path.exists():
        return None
    try:
        rows = csvfile.read_rows(path)
    except csvfile.CsvReadError as error:
        detail = t(error.key, "th", detail=error.detail)
        return Problem(file, None, None, None, "err_not_saved_broken", {"file": file, "detail": detail})
    header_problems: list[Problem] = []
    if not rows or not _check_header(file, [c.strip() for c in rows[0]], header_problems):
        detail = header_problems[0].message("th") if header_problems else t("err_missing_column")
        return Problem(file, None, None, None, "err_not_saved_broken", {"file": file, "detail": detail})
    return None


class ChangedElsewhere(WorkbookError):
    """A file was changed on disk by someone else (another tab, another program) since it was read."""


def digest(path: Path) -> str:
    """What a file holds, in short: tells whether it changed since it was last read or written."""
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else ""


def digests(folder: Path) -> dict[str, str]:
    return {name: digest(Path(folder) / name) for name in FILES}


def read_with_digests(folder: Path, tries: int = 3) -> tuple[Workbook, dict[str, str]]:
    """The workbook and the digests of the very files it was read from.

    The digests are taken before and after reading: when another tab saved in between,
    it is read again. (No lock: opening a workbook must not add a file to its folder.)
    """
    folder = Path(folder)
    after = digests(folder)
    for _try in range(tries):
        before = after
        workbook = read_workbook(folder)
        after = digests(folder)
        if after == before:
            break
    # Still moving: the digests from before the last reading make the next save find out and reload.
    return workbook, before


@contextmanager
def locked(folder: Path) -> Iterator[None]:
    """One writer at a time per workbook, across tabs and processes (a lock file in the folder).

    Hold it around a whole read-modify-write, so that two people scoring at once both count.
    """
    with FileLock(Path(folder) / LOCK_NAME, timeout=30):
        yield


def save(folder: Path, workbook: Workbook, *files: str, expected: dict[str, str] | None = None) -> dict[str, str]:
    """Write the named files of `workbook` (all when none are named), each atomically, under the lock.

    All of them are written out before any replaces its old file, so a merge that
    touches indicators.csv and plan.csv never lands half on disk.

    Raises WorkbookError, writing nothing, when a file on disk cannot be read any more,
    and ChangedElsewhere when a file's digest on disk is not the `expected` one (someone
    else saved it since). Returns the digests of the files written.
    """
    with locked(folder):
        return write_locked(folder, workbook, *files, expected=expected)


def write_locked(folder: Path, workbook: Workbook, *files: str, expected: dict[str, str] | None = None) -> dict[str, str]:
    """`save` for a caller that already holds `locked(folder)`."""
    folder = Path(folder)
    names = files or FILES
    contents = {name: RENDERERS[name](workbook) for name in names}
    if expected is not None:
        changed = [name for name in names if digest(folder / name) != expected.get(name, "")]
        if changed:
            raise ChangedElsewhere([Problem(name, None, None, None, "err_changed_elsewhere") for name in changed])
    refused = [p for name in names if (p := _still_readable(folder, name))]
    if refused:
        raise WorkbookError(refused)
    csvfile.atomic_write_all({folder / name: data for name, data in contents.items()})
    return {name: hashlib.sha256(data).hexdigest() for name, data in contents.items()}


def create_workbook(folder: Path, workbook: Workbook) -> None:
    """Write a new workbook into an empty (or new) folder; never overwrite existing files."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    taken = [name for name in FILES if (folder / name).exists()]
    if taken:
        raise FileExistsError(both("cli_exists", path=folder / taken[0]))
    save(folder, workbook)

