"""Thai calendar, digits and line breaking for what people read.

Files keep ISO Gregorian dates; screens and paper show the Buddhist Era (พ.ศ. = ค.ศ. + 543).
"""

from __future__ import annotations

import unicodedata
from datetime import date, datetime

BUDDHIST_ERA_OFFSET = 543
MONTHS_SHORT = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.")
MONTHS_LONG = ("มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม",
               "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม")
MONTHS_EN_LONG = ("January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December")
MONTHS_EN = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
_THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
# A line may not break before these (they belong to the consonant before them) ...
_NO_BREAK_BEFORE = set("ะาำๅๆ")
# ... nor after these leading vowels (they are written before the consonant they follow in speech).
_NO_BREAK_AFTER = set("เแโใไ")
# Thai has no spaces between words; these common words usually start a phrase, so a line
# break just before one reads naturally (a full word segmenter would need a dictionary).
PHRASE_STARTS = ("และ", "การ", "ของ", "จาก", "สู่", "เพื่อ", "อย่าง", "โดย", "ด้วย", "กับ", "ให้", "ที่", "ใน")


def overflow(width: int) -> int:
    """How far a last line may run past `width` rather than leave a short tail on its own."""
    return width // 8


def thai_digits(text: str) -> str:
    return text.translate(_THAI_DIGITS)


def shown_digits(text: str, lang: str, digits: bool) -> str:
    """`text` with Thai digits when they are asked for and the screen is in Thai."""
    return thai_digits(text) if digits and lang == "th" else text


def format_date(day: date | datetime, lang: str = "th", digits: bool = False) -> str:
    """'15 มี.ค. 2569' in Thai (Buddhist Era) or '15 Mar 2026' in English."""
    if lang == "en":
        return f"{day.day} {MONTHS_EN[day.month - 1]} {day.year}"
    text = f"{day.day} {MONTHS_SHORT[day.month - 1]} {day.year + BUDDHIST_ERA_OFFSET}"
    return thai_digits(text) if digits else text


def can_break_before(text: str, index: int) -> bool:
    """True when a line may break between text[index - 1] and text[index].

    Never inside a Thai character cluster: not before a combining vowel or tone mark,
    not before a following vowel like า, not after a leading vowel like เ.
    """
    if index <= 0 or index >= len(text):
        return True
    nxt, prev = text[index], text[index - 1]
    if unicodedata.combining(nxt) or unicodedata.category(nxt) == "Mn" or nxt in _NO_BREAK_BEFORE:
        return False
    return prev not in _NO_BREAK_AFTER


def _phrase_break(text: str, width: int) -> int:
    """The last place within `width` (past its first half) where a phrase word starts, else `width`."""
    for cut in range(width, width // 2, -1):
        if text.startswith(PHRASE_STARTS, cut) and can_break_before(text, cut):
            return cut
    return width


def wrap(text: str, width: int, max_lines: int | None = None) -> str:
    """Break `text` into lines of about `width` characters, at spaces where there are any.

    Thai is written without spaces between words, so a long run is cut at a cluster
    boundary instead. With `max_lines`, the rest is shortened with '…'.
    """
    lines: list[str] = []
    rest = " ".join(text.split())
    while rest:
        if len(rest) <= width + overflow(width):
            lines.append(rest)
            break
        cut = rest.rfind(" ", 0, width + 1)
        if cut <= 0:
            cut = _phrase_break(rest, width)
            while cut > 1 and not can_break_before(rest, cut):
                cut -= 1
            if not can_break_before(rest, cut):  # one cluster longer than the width: keep it whole
                cut = next((i for i in range(width + 1, len(rest)) if can_break_before(rest, i)), len(rest))
        lines.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if max_lines is not None and len(lines) > max_lines:
        last = lines[max_lines - 1]
        cut = len(last)
        while cut > 1 and not can_break_before(last, cut):
            cut -= 1
        lines = lines[: max_lines - 1] + [last[:cut] + "…"]
    return "\n".join(lines)
