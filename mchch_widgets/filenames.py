"""File names made from what a group typed: safe on every computer, short enough, Thai intact.

One rule for every download (charts, papers, exports): characters Windows, macOS or Linux
refuse become spaces, no leading or trailing dot, and at most FILE_NAME_MAX_BYTES of UTF-8
(Thai takes three bytes a letter) cut where a line could break, never inside a word's marks.
"""

from __future__ import annotations

import re

from .thai import wrap

FILE_NAME_REFUSED = re.compile(r'[<>:"/\\|?*\x00-\x1f\x7f]')  # what Windows, macOS or Linux refuse
FILE_NAME_MAX_BYTES = 200  # well under the usual 255-byte limit of a file name, extension aside


def safe_name(text: str) -> str:
    """`text` with refused characters as spaces, spaces collapsed, no leading or trailing dot.

    Leading dots would hide the file; trailing dots and spaces are dropped by Windows.
    """
    return " ".join(FILE_NAME_REFUSED.sub(" ", text).split()).lstrip(". ").rstrip(". ")


def fit_bytes(text: str, limit: int) -> str:
    """`text`, or its start and '…', in at most `limit` bytes of UTF-8 (cut where a line could break)."""
    shortened, width = text, len(text)
    while len(shortened.encode("utf-8")) > limit and width > 1:
        width -= max(1, (len(shortened.encode("utf-8")) - limit) // 3)
        shortened = wrap(text, width, max_lines=1)
    return shortened
