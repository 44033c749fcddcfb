"""Thai calendar, digits and line breaking for what people read.

Files keep ISO Gregorian dates; screens and paper show the Buddhist Era (พ.ศ. = ค.ศ. + 543).
"""

from __future__ import annotations

import unicodedata
from bisect import bisect_left, bisect_right
from datetime import date, datetime
from functools import lru_cache

from pythainlp.tokenize import word_tokenize

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
# Punctuation that belongs to the word before it: a line starting with ")" or "," reads as a mistake.
_NO_LINE_START = set(")]}>,.;:!?%…ฯ")
_TONE_MARKS = "\u0e48\u0e49\u0e4a\u0e4b"  # ่ ้ ๊ ๋
# A syllable does not end on these vowels: they need a final consonant (กั|น, มื|อ, เป็|น).
_NEED_FINAL = ("ั", "ื", "็")
# Thai has no spaces between words; these common words usually start a phrase, so a line
# break just before one reads more naturally than one between any two words.
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


@lru_cache(maxsize=4096)
def word_breaks(text: str) -> tuple[int, ...]:
    """Where a line may break in `text` (sorted): between two words, never inside a cluster.

    Words come from pythainlp's newmm segmenter and its bundled dictionary (no download, no
    network). Cached: every chart label is wrapped again on every redraw.
    """
    ends, end = [], 0
    for word in word_tokenize(text, engine="newmm", keep_whitespace=True):
        end += len(word)
        ends.append(end)
    if end != len(text):  # the segmenter lost or added characters: trust clusters only
        ends = list(range(1, len(text)))
    return tuple(i for i in ends if 0 < i < len(text) and _may_start_line(text, i))


def _may_start_line(text: str, index: int) -> bool:
    """A cluster boundary that does not put punctuation of the word before at a line's start."""
    return can_break_before(text, index) and text[index:index + 1] not in _NO_LINE_START


def _likely_syllable_end(text: str, index: int, word_end: int) -> bool:
    """False where a cut surely splits a syllable: after ั ื ็ (they need a final consonant),
    before a consonant silenced by ์ (it closes the syllable before it), before a lone last letter."""
    before = text[:index].rstrip(_TONE_MARKS)
    return (not before.endswith(_NEED_FINAL) and "์" not in text[index + 1:index + 3]
            and word_end - index > 1)


def _cut_in_word(text: str, start: int, limit: int, word_start: int, word_end: int) -> int:
    """Where to cut the word text[word_start:word_end], longer than a line, in the line from `start`
    to `limit`: where a syllable likely ends, else at the last cluster boundary (past `limit` for a
    cluster longer than a line)."""
    syllable = next((i for i in range(limit, word_start, -1)
                     if _may_start_line(text, i) and _likely_syllable_end(text, i, word_end)), None)
    if syllable:
        return syllable
    cut = limit
    while cut > start + 1 and not _may_start_line(text, cut):
        cut -= 1
    if _may_start_line(text, cut):
        return cut
    return next((i for i in range(limit + 1, len(text)) if _may_start_line(text, i)), len(text))


def _line_end(text: str, start: int, width: int, breaks: tuple[int, ...]) -> int:
    """Where the line that starts at `start` ends: at a space if it has one, else between two words.

    Prefer a break before a phrase word (past half the line). A word longer than a whole line
    must be cut anyway, so it starts on this line and is cut inside.
    """
    limit = start + width
    space = text.rfind(" ", start, limit + 1)
    if space > start:
        return space
    between = breaks[bisect_right(breaks, start):bisect_right(breaks, limit)]
    word_start = between[-1] if between else start
    after = bisect_right(breaks, limit)
    word_end = breaks[after] if after < len(breaks) else len(text)
    if word_end - word_start > width:
        return _cut_in_word(text, start, limit, word_start, word_end)
    phrase = [i for i in between[bisect_left(between, start + width // 2 + 1):]
              if text.startswith(PHRASE_STARTS, i)]
    return (phrase or between)[-1]


def wrap(text: str, width: int, max_lines: int | None = None) -> str:
    """Break `text` into lines of about `width` characters, at spaces where there are any.

    Thai is written without spaces between words, so a long run is broken between words
    (pythainlp's dictionary); only a word longer than the width is cut, where a syllable
    likely ends or else between clusters. With `max_lines`, the rest is shortened with '…'.
    """
    whole = " ".join(text.split())
    breaks = word_breaks(whole) if len(whole) > width + overflow(width) else ()
    lines: list[str] = []
    start = 0
    while start < len(whole):
        if len(whole) - start <= width + overflow(width):
            lines.append(whole[start:])
            break
        end = _line_end(whole, start, width, breaks)
        lines.append(whole[start:end].rstrip())
        start = end + (whole[end:end + 1] == " ")
    if max_lines is not None and len(lines) > max_lines:
        lines = lines[: max_lines - 1] + [lines[max_lines - 1] + "…"]
    return "\n".join(lines)
