"""How the room scored one indicator: a bar per level, highest level on top, for the projector.

Drawn as HTML (like the vote bars): it redraws at once and stays sharp on any projector.
Each bar wears its level's ladder colour, but the level number is always written beside
it and the agreed level carries a symbol and a word, so colour never carries meaning alone.
"""

from __future__ import annotations

from html import escape

import ipywidgets as widgets
import pandas as pd
from traitlets import Dict, Int

from .. import scoring
from ..colours import ink_on, step_colour
from ..model import Workbook
from ..text import t
from ..thai import shown_digits

BAR_ROOM = 64  # percent of the track the longest bar takes: the rest is for its count and mark
STRIP_HEIGHT = 22  # px of the tallest column in a list row's small histogram


def counts_of(workbook: Workbook, round_id: str, indicator_id: str,
              table: pd.DataFrame | None = None) -> tuple[dict[int, int], int]:
    """(level -> how many individual raters gave it, how many skipped), from scoring.distribution.

    Pass `table` (scoring.distribution of the round) when asking for many indicators at once.
    """
    if table is None:
        table = scoring.distribution(workbook, round_id)
    levels = list(workbook.profile.levels)
    if (round_id, indicator_id) not in table.index:
        return {level: 0 for level in levels}, 0
    row = table.loc[(round_id, indicator_id)]
    return {level: int(row[level]) for level in levels}, int(row["skipped"])


def number_text(value: float, language: str, digits: bool) -> str:
    """3 -> '๓' (Thai digits when asked), 3.5 -> '๓.๕'."""
    number = float(value)
    text = str(int(number)) if number.is_integer() else f"{number:.1f}"
    return shown_digits(text, language, digits)


def bars_html(counts: dict[int, int], skipped: int, scale: range, language: str,
              consensus: int | None = None, digits: bool = True, agreed_na: bool = False) -> str:
    """The bars' markup: one row per level of `scale`, highest first; the agreed level marked."""
    def n(value: int) -> str:
        return number_text(value, language, digits)

    levels = list(scale)
    most = max((counts.get(level, 0) for level in levels), default=0) or 1
    rows = []
    for position, level in reversed(list(enumerate(levels))):
        colour = step_colour(position, len(levels))
        count = counts.get(level, 0)
        agreed = level == consensus
        mark = f"<span class='mchch-dist-mark'>{escape(t('dist_agreed', language))}</span>" if agreed else ""
        rows.append(
            f"<div class='mchch-dist-row{' mchch-dist-agreed' if agreed else ''}'>"
            f"<span class='mchch-dist-level' style='background:{colour};color:{ink_on(colour)}'>{n(level)}</span>"
            f"<div class='mchch-dist-track'>"
            f"<div class='mchch-dist-bar' style='width:{round(BAR_ROOM * count / most)}%;background:{colour}'></div>"
            f"<span class='mchch-dist-count{' mchch-dist-zero' if not count else ''}'>"
            f"{escape(t('dist_people', language, n=n(count)))}</span>{mark}</div></div>"
        )
    given = sum(counts.get(level, 0) for level in levels)
    lines = [t("dist_total", language, n=n(given + skipped)) if given + skipped else t("dist_none", language)]
    if skipped:
        lines.append(t("dist_skipped", language, n=n(skipped)))
    if agreed_na:
        lines.append(t("dist_agreed_na", language))
    footer = "".join(f"<div class='mchch-dist-line'>{escape(line)}</div>" for line in lines)
    return f"<div class='mchch-dist-bars'>{''.join(rows)}</div>{footer}"


def strip_html(counts: dict[int, int], skipped: int, scale: range, language: str, digits: bool = True) -> str:
    """A small histogram for a list row: one column per level, lowest on the left, its count on top.

    The level numbers stand once above the list (strip_header_html), in the same columns.
    """
    levels = list(scale)
    most = max((counts.get(level, 0) for level in levels), default=0) or 1
    cells = []
    for position, level in enumerate(levels):
        colour = step_colour(position, len(levels))
        count = counts.get(level, 0)
        cells.append(
            f"<div class='mchch-strip-cell{' mchch-strip-zero' if not count else ''}'>"
            f"<span class='mchch-strip-count'>{number_text(count, language, digits)}</span>"
            f"<span class='mchch-strip-bar' style='height:{round(STRIP_HEIGHT * count / most)}px;"
            f"background:{colour}'></span></div>"
        )
    return f"<div class='mchch-strip'>{''.join(cells)}</div>"


def strip_header_html(scale: range, language: str, digits: bool = True) -> str:
    """The level numbers over the strips' columns, each in its ladder colour."""
    levels = list(scale)
    chips = []
    for position, level in enumerate(levels):
        colour = step_colour(position, len(levels))
        chips.append(f"<span class='mchch-strip-chip' style='background:{colour};color:{ink_on(colour)}'>"
                     f"{number_text(level, language, digits)}</span>")
    return f"<div class='mchch-strip mchch-strip-header'>{''.join(chips)}</div>"


class Distribution(widgets.HTML):
    """The individual scores of one indicator as bars; `update` redraws it with new counts."""

    counts = Dict(help="level -> how many individual raters gave it").tag(sync=False)
    skipped = Int(0, help="raters who chose 'skip / not applicable'").tag(sync=False)
    consensus = Int(None, allow_none=True, help="the agreed level, marked on its bar").tag(sync=False)

    def __init__(self, counts: dict[int, int], skipped: int, scale: range, language: str,
                 consensus: int | None = None, digits: bool = True) -> None:
        super().__init__()
        self.add_class("mchch-dist")
        self.scale = scale
        self.language = language
        self.digits = digits
        self.agreed_na = False  # the group agreed "not applicable": said under the bars
        self.update(counts, skipped, consensus)
        self.observe(lambda _change: self._draw(), ["counts", "skipped", "consensus"])

    def update(self, counts: dict[int, int], skipped: int, consensus: int | None = None,
               agreed_na: bool = False) -> None:
        with self.hold_trait_notifications():
            self.counts = {int(level): int(count) for level, count in counts.items()}
            self.skipped = int(skipped)
            self.consensus = consensus
        self.agreed_na = agreed_na and consensus is None
        self._draw()

    @property
    def total(self) -> int:
        """Everyone who scored: a level or a skip."""
        return sum(self.counts.values()) + self.skipped

    def _draw(self) -> None:
        self.value = bars_html(self.counts, self.skipped, self.scale, self.language, self.consensus,
                               self.digits, self.agreed_na)
