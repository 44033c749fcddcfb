"""Step 2, the gentle checks: what a careful facilitator would point out before moving on.

An amber card at the top of the forum screen, never blocking. It stays small (the
first few points, the rest behind "show all") and disappears when there is nothing to say.
"""

from __future__ import annotations

from html import escape

import ipywidgets as widgets

from .. import forum
from ..session import Session
from ..text import t
from .style import markup_block

VISIBLE = 5  # points shown before "show all": the card must not push the forum off the screen


class ForumChecks(widgets.VBox):
    def __init__(self, session: Session, language: str = "th") -> None:
        super().__init__(layout=widgets.Layout(width="100%"))
        self.add_class("mchch-checks")
        self.session = session
        self.language = language
        self.checks: list[forum.Check] = []
        self.heading = markup_block("", "mchch-checks-heading")
        self.heading.layout = widgets.Layout(flex="1 1 auto", min_width="0")
        self.more = widgets.ToggleButton(value=False, layout=widgets.Layout(width="auto", height="44px",
                                                                            flex="0 0 auto"))
        self.list = markup_block("", "mchch-checks-list")
        self.more.observe(lambda _c: self._draw(), "value")
        top = widgets.HBox([self.heading, self.more], layout=widgets.Layout(width="100%", align_items="center"))
        self.children = [top, self.list]
        self.refresh()

    def refresh(self) -> None:
        """Look at the workbook again."""
        self.checks = forum.checks(self.session.workbook)
        self._draw()

    def _draw(self) -> None:
        count = len(self.checks)
        if not count:
            self.layout.display = "none"
            return
        self.layout.display = None
        lang = self.language
        self.heading.value = (
            f"{escape(t('checks_heading', lang, count=count))} "
            f"<span class='mchch-checks-advice'>· {escape(t('checks_advice', lang))}</span>"
        )
        shown = self.checks if self.more.value else self.checks[:VISIBLE]
        self.list.value = "".join(f"<div class='mchch-check'>• {escape(c.message(lang))}</div>" for c in shown)
        self.more.layout.display = None if count > VISIBLE else "none"
        self.more.description = t("checks_show_fewer", lang) if self.more.value else t("checks_show_all", lang,
                                                                                         count=count)
