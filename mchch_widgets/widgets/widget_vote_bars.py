"""The live dot-vote chart beside the proposals: one bar per proposal, most votes on top.

Drawn as HTML bars rather than a picture: it redraws at once on every vote, stays
sharp on any projector, and long Thai titles wrap like any other text.
"""

from __future__ import annotations

from html import escape

import ipywidgets as widgets

from .. import forum
from ..model import Workbook
from ..text import t


def bars_html(workbook: Workbook, language: str = "th") -> str:
    """The chart's markup: every live proposal, most votes first; selected ones marked."""
    items = forum.by_votes(workbook)
    if not items:
        return f"<div class='mchch-note'>{escape(t('votes_none', language))}</div>"
    most = max((i.votes for i in items), default=0) or 1
    total = sum(i.votes for i in items)
    rows = []
    for rank, indicator in enumerate(items, start=1):
        width = round(100 * indicator.votes / most)
        chosen = indicator.status == "selected"
        mark = f"<span class='mchch-bar-chosen'>✓ {escape(t('selected_tag', language))}</span>" if chosen else ""
        rows.append(
            f"<div class='mchch-bar-row{' mchch-bar-row-chosen' if chosen else ''}'>"
            f"<div class='mchch-bar-title'>{rank}. {escape(indicator.title)} {mark}</div>"
            f"<div class='mchch-bar-track'><div class='mchch-bar' style='width:{width}%'></div>"
            f"<span class='mchch-bar-count'>{indicator.votes}</span></div></div>"
        )
    heading = escape(t("votes_heading", language, total=total))
    return f"<div class='mchch-bars-heading'>{heading}</div>" + "".join(rows)


class VoteBars(widgets.HTML):
    """Redrawn by `draw` whenever a vote, a title or the selection changes."""

    def __init__(self, workbook_source, language: str = "th") -> None:
        super().__init__()
        self.add_class("mchch-vote-bars")
        self._workbook = workbook_source  # a callable: the session's workbook may be replaced (undo)
        self.language = language
        self.draw()

    def draw(self) -> None:
        self.value = bars_html(self._workbook(), self.language)
