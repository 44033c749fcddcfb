"""Step 3, the development plan (แผนพัฒนาตนเอง): activities, dates and budget per indicator.

People type dates in the Buddhist Era and budgets the way they say them ("5,000",
"๕๐๐๐", "ห้าพัน", "1.5 หมื่น"); this module understands those, refuses what it cannot
read with `Refused`, and works out totals and what is overdue. Files keep ISO
Gregorian dates and plain numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from pythainlp.util import thai_digit_to_arabic_digit, thaiword_to_num

from .model import PLAN_STATUSES, TITLE_MAX, PlanActivity, Refused, Workbook, clean_line, new_id
from .store import BUDDHIST_YEARS_FROM, THOUSANDS
from .thai import BUDDHIST_ERA_OFFSET, MONTHS_EN, MONTHS_EN_LONG, MONTHS_LONG, MONTHS_SHORT

FINISHED = ("done", "cancelled")  # statuses that can no longer be overdue
GREGORIAN_YEARS = range(1900, BUDDHIST_YEARS_FROM)  # what the files accept (store refuses 2400 and up)
BUDDHIST_YEARS = range(BUDDHIST_YEARS_FROM, 2700)  # a four-digit year in here was typed in the Buddhist Era
TWO_DIGIT_YEARS_AROUND = 30  # "69" is พ.ศ. 2569 when that is within this many years of today
BUDGET_LIMIT = Decimal("1e12")  # a trillion baht: anything larger is a slip of the keyboard
# Thai multipliers people put after a figure: "5 พัน", "1.5 หมื่น".
UNITS = {"สิบ": 10, "ร้อย": 100, "พัน": 1_000, "หมื่น": 10_000, "แสน": 100_000, "ล้าน": 1_000_000}
# Spoken Thai leaves the last unit out: "สองพันห้า" is 2,500 and "หมื่นห้า" is 15,000.
_NEXT_UNIT_DOWN = {"ร้อย": "สิบ", "พัน": "ร้อย", "หมื่น": "พัน", "แสน": "หมื่น", "ล้าน": "แสน"}
_SPOKEN_TAIL = re.compile(r"(ร้อย|พัน|หมื่น|แสน|ล้าน)(หนึ่ง|สอง|สาม|สี่|ห้า|หก|เจ็ด|แปด|เก้า)$")
_CURRENCY = re.compile(r"(บาทถ้วน|บาท|ถ้วน|฿|thb|baht|\s)", re.IGNORECASE)
_ERA = re.compile(r"(พ\.?\s?ศ\.?|ค\.?\s?ศ\.?|B\.\s?E\.?)", re.IGNORECASE)  # "15 มี.ค. พ.ศ. 2569"
_FIGURE_UNIT = re.compile(r"^(\d+(?:\.\d+)?)(สิบ|ร้อย|พัน|หมื่น|แสน|ล้าน)$")


# --- budgets ----------------------------------------------------------------------------


def parse_budget(text: str) -> Decimal | None:
    """Baht as typed: "5000", "5,000", "5000.50", "๕,๐๐๐", "ห้าพัน", "5 พัน", "5,000 บาท".

    Empty means no budget (None). Refused for what is not an amount or is negative.
    """
    plain = _CURRENCY.sub("", thai_digit_to_arabic_digit(text.strip()))
    if not plain:
        return None
    if plain.startswith("-"):
        raise Refused("err_budget_negative", value=text.strip())
    if THOUSANDS.match(plain):
        plain = plain.replace(",", "")
    amount = _as_decimal(plain)
    if amount is None and (match := _FIGURE_UNIT.match(plain)):
        amount = Decimal(match.group(1)) * UNITS[match.group(2)]
    if amount is None:
        amount = _thai_words(plain)
    if amount is None or not amount.is_finite() or amount >= BUDGET_LIMIT:
        raise Refused("err_budget", value=text.strip())
    if amount == amount.to_integral():
        return amount.quantize(Decimal(1))  # "1e5" becomes a plain 100000
    return amount.quantize(Decimal("0.01"))  # baht and satang


def _as_decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def _thai_words(text: str) -> Decimal | None:
    if match := _SPOKEN_TAIL.search(text):
        text += _NEXT_UNIT_DOWN[match.group(1)]
    try:
        return Decimal(thaiword_to_num(text))
    except (ValueError, TypeError):
        return None


def format_baht(amount: Decimal | None) -> str:
    """'12,500' (with satang only when there are any); empty for no budget."""
    if amount is None:
        return ""
    whole = amount == amount.to_integral()
    return f"{amount:,.0f}" if whole else f"{amount:,.2f}"


# --- dates ------------------------------------------------------------------------------


@dataclass
class TypedDate:
    """A date read from what a person typed, and whether its year was read as Gregorian."""

    day: date
    gregorian_year: bool = False


def _undotted(word: str) -> str:
    """'มี.ค.', 'มีค' and 'Mar.' all compare alike: without dots or spaces, in lower case."""
    return re.sub(r"[.\s]", "", word).casefold()


def _month_number(word: str) -> int | None:
    word = _undotted(word)
    for number, names in enumerate(zip(MONTHS_SHORT, MONTHS_LONG, MONTHS_EN, MONTHS_EN_LONG), start=1):
        if word in {_undotted(n) for n in names}:
            return number
    if word.isdigit():
        return int(word)
    return None


def parse_be_date(text: str) -> TypedDate | None:
    """A date typed in the Buddhist Era: "15/3/2569", "15-03-69", "15 มี.ค. 2569", "๑๕ มีนาคม ๒๕๖๙".

    "2026-03-15" (year first) is ISO Gregorian. A four-digit year below 2400 is taken as
    Gregorian (someone typed ค.ศ.) and reported back. Empty means no date (None).
    """
    if not text.strip():
        return None
    plain = _ERA.sub(" ", thai_digit_to_arabic_digit(text.strip())).strip()
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", plain)
    if iso:
        year, month, day = (int(g) for g in iso.groups())
        return _dated(year, month, day, text)
    parts = [p for p in re.split(r"[\s/.\-,]+", plain) if p] if not _has_thai_month(plain) else _split_thai(plain)
    if len(parts) != 3 or not parts[0].isdigit() or not parts[2].isdigit():
        raise Refused("err_date_typed", value=text.strip())
    month = _month_number(parts[1])
    if month is None:
        raise Refused("err_date_typed", value=text.strip())
    day, year = int(parts[0]), int(parts[2])
    if len(parts[2]) <= 2:
        year = _two_digit_year(year, text)
    return _dated(year, month, day, text)


def _dated(year: int, month: int, day: int, typed: str) -> TypedDate:
    """Buddhist Era, or a Gregorian year said back to the user; any other year is refused."""
    if year in BUDDHIST_YEARS:
        return TypedDate(_make_date(year - BUDDHIST_ERA_OFFSET, month, day, typed))
    if year in GREGORIAN_YEARS:
        return TypedDate(_make_date(year, month, day, typed), gregorian_year=True)
    raise Refused("err_date_typed", value=typed.strip())


def _two_digit_year(year: int, typed: str) -> int:
    """'69' is พ.ศ. 2569; a short year far from today ('26' would be 2526) asks for all four digits."""
    full = 2500 + year
    if abs(full - BUDDHIST_ERA_OFFSET - date.today().year) > TWO_DIGIT_YEARS_AROUND:
        raise Refused("err_date_short_year", value=typed.strip())
    return full


def _has_thai_month(text: str) -> bool:
    return any(_undotted(name) in _undotted(text) for name in MONTHS_SHORT + MONTHS_LONG)


def _split_thai(text: str) -> list[str]:
    """'15 มี.ค. 2569' or '15มีนาคม2569' → ['15', 'มี.ค.', '2569']."""
    match = re.fullmatch(r"(\d{1,2})\s*([^\d\s]+)\s*(\d{2,4})", text.strip())
    return list(match.groups()) if match else []


def _make_date(year: int, month: int, day: int, typed: str) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise Refused("err_date_typed", value=typed.strip()) from None


def format_be_entry(day: date | None) -> str:
    """How a date sits in a date box: '15/3/2569' (what people write on paper)."""
    if day is None:
        return ""
    return f"{day.day}/{day.month}/{day.year + BUDDHIST_ERA_OFFSET}"


# --- activities ---------------------------------------------------------------------------


def check_activity_text(text: str) -> str:
    """The activity as it will be kept (commas, quotes and a leading = stay exactly), or Refused."""
    text = clean_line(text)
    if not text:
        raise Refused("err_activity_empty")
    if len(text) > TITLE_MAX:
        raise Refused("err_activity_long", limit=TITLE_MAX, count=len(text))
    return text


def check_owner(text: str) -> str:
    """Who leads the activity: free text (a lead-team name or anyone else); may be empty."""
    text = clean_line(text)
    if len(text) > TITLE_MAX:
        raise Refused("err_too_long", limit=TITLE_MAX)
    return text


def owner_choices(workbook: Workbook) -> list[str]:
    """Names to offer for an activity's owner: the lead team first, then the advisors."""
    ordered = workbook.lead_team() + workbook.advisors()
    return list(dict.fromkeys(m.name for m in ordered if m.name.strip()))


def add_activity(workbook: Workbook, indicator_id: str, activity: str, **fields: object) -> PlanActivity:
    item = PlanActivity(activity_id=new_id(), indicator_id=indicator_id,
                        activity=check_activity_text(activity), **fields)
    check_dates(item.start_on, item.end_on)
    workbook.plan.append(item)
    return item


def remove_activity(workbook: Workbook, activity_id: str) -> PlanActivity:
    """Take the activity out of the plan and return it; KeyError when it is not there."""
    for index, item in enumerate(workbook.plan):
        if item.activity_id == activity_id:
            return workbook.plan.pop(index)
    raise KeyError(activity_id)


def check_dates(start_on: date | None, end_on: date | None) -> None:
    if start_on and end_on and end_on < start_on:
        raise Refused("err_end_before_start_typed")


def check_status(status: str) -> str:
    if status not in PLAN_STATUSES:
        raise Refused("err_choice", choices=", ".join(PLAN_STATUSES))
    return status


def activities_for(workbook: Workbook, indicator_id: str) -> list[PlanActivity]:
    return [a for a in workbook.plan if a.indicator_id == indicator_id]


def is_overdue(activity: PlanActivity, today: date) -> bool:
    """Past its end date and neither done nor cancelled."""
    return activity.end_on is not None and activity.end_on < today and activity.status not in FINISHED


def total_budget(activities: list[PlanActivity]) -> Decimal:
    """What the activities will cost: cancelled ones are not counted."""
    return sum((a.budget or Decimal(0) for a in activities if a.status != "cancelled"), Decimal(0))


@dataclass
class IndicatorPlan:
    """One indicator's line in the plan's summary."""

    indicator_id: str
    title: str
    activities: int
    done: int
    overdue: int
    budget: Decimal
    selected: bool = True  # False for the lines after the selected indicators (not selected, or none)


def _line(indicator_id: str, title: str, items: list[PlanActivity], today: date,
          selected: bool = True) -> IndicatorPlan:
    return IndicatorPlan(
        indicator_id=indicator_id,
        title=title,
        activities=len(items),
        done=sum(a.status == "done" for a in items),
        overdue=sum(is_overdue(a, today) for a in items),
        budget=total_budget(items),
        selected=selected,
    )


def plan_summary(workbook: Workbook, today: date) -> list[IndicatorPlan]:
    """A line per selected indicator, then any other indicator the plan still points at.

    Activities of a dropped indicator, or with no indicator (""), get lines of their own
    at the end, so nothing in plan.csv is hidden from the group.
    """
    order = [i for i in workbook.selected_indicators()]
    shown = {i.indicator_id for i in order}
    titles = {i.indicator_id: i.title for i in workbook.indicators}
    extra_ids = [a.indicator_id for a in workbook.plan if a.indicator_id not in shown]
    lines = []
    for indicator_id in [i.indicator_id for i in order] + list(dict.fromkeys(extra_ids)):
        items = activities_for(workbook, indicator_id)
        lines.append(_line(indicator_id, titles.get(indicator_id, ""), items, today, indicator_id in shown))
    return lines


def plan_total(workbook: Workbook, today: date) -> IndicatorPlan:
    """The whole plan in one line (every activity, whatever its indicator)."""
    return _line("", "", workbook.plan, today)
