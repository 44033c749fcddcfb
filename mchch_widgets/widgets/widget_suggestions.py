"""Suggested indicators for the workbook's target type, clearly marked as suggestions.

The group may take any of them as a starting proposal (then reword it like any
other) or none at all: the community sets its own indicators.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

import ipywidgets as widgets

from ..model import Workbook
from ..store import title_key
from ..suggestions import Suggestion, suggestions_for
from ..text import t
from .style import markup_block


class SuggestionsCard(widgets.VBox):
    """A card that opens and closes; each suggestion has a "use this" button."""

    def __init__(self, workbook_source: Callable[[], Workbook], on_use: Callable[[Suggestion], None],
                 language: str = "th", open_: bool = False) -> None:
        super().__init__(layout=widgets.Layout(width="100%"))
        self.add_class("mchch-suggestions")
        self._workbook = workbook_source
        self.on_use = on_use
        self.language = language
        self.toggle = widgets.ToggleButton(value=open_, layout=widgets.Layout(width="auto", min_width="250px",
                                                                              height="46px", flex="0 0 auto"))
        self.toggle.observe(lambda _c: self.draw(), "value")
        self.buttons: list[widgets.Button] = []
        self.draw()

    @property
    def suggestions(self) -> tuple[Suggestion, ...]:
        return suggestions_for(self._workbook().profile.target_type)

    def draw(self) -> None:
        lang = self.language
        workbook = self._workbook()
        target = t(f"target_{workbook.profile.target_type}", lang)
        count = len(self.suggestions)
        self.toggle.description = t("suggest_hide" if self.toggle.value else "suggest_show", lang, count=count)
        heading = markup_block(
            f"<b>{escape(t('suggest_heading', lang, target=target))}</b> "
            f"<span class='mchch-note'>{escape(t('suggest_note', lang))}</span>", "mchch-suggest-heading")
        rows = []
        self.buttons = []
        if self.toggle.value:
            used = {title_key(i.title) for i in workbook.indicators if i.status != "dropped"}
            for suggestion in self.suggestions:
                rows.append(self._row(suggestion, used))
        self.children = [widgets.HBox([heading, self.toggle], layout=widgets.Layout(
            justify_content="space-between", align_items="center", width="100%")), *rows]

    def _row(self, suggestion: Suggestion, used: set[str]) -> widgets.Widget:
        lang = self.language
        aspect, title, description = suggestion.pick(lang)
        taken = any(title_key(words) in used for words in suggestion.title)  # in either language
        button = widgets.Button(
            description=t("suggest_taken" if taken else "suggest_use", lang), disabled=taken,
            button_style="" if taken else "info", layout=widgets.Layout(width="190px", height="46px"),
        )
        button.on_click(lambda _b, s=suggestion: self.on_use(s))
        self.buttons.append(button)
        text = markup_block(
            f"<span class='mchch-tag'>{escape(aspect)}</span> <b>{escape(title)}</b>"
            f"<div class='mchch-note'>{escape(description)}</div>", "mchch-suggest-text")
        text.layout = widgets.Layout(flex="1 1 0", min_width="0")
        return widgets.HBox([text, button], layout=widgets.Layout(width="100%", align_items="center"))
