"""One proposal on the forum board: its words, big −/+ vote buttons, and an edit panel.

The edit panel (title, aspect, description, merge, drop) opens under the row on a
click, so the list stays one line per proposal while the room is voting.
"""

from __future__ import annotations

from html import escape
from typing import Protocol

import ipywidgets as widgets

from ..model import Indicator
from ..text import t
from .style import markup_block
from .widget_confirm_button import ConfirmButton


class ProposalActions(Protocol):
    """What a row asks its board to do (the board changes the workbook and saves)."""

    def vote(self, row: ProposalRow, step: int) -> None: ...
    def type_votes(self, row: ProposalRow, text: str) -> None: ...
    def edit(self, row: ProposalRow, **fields: str) -> None: ...
    def merge(self, row: ProposalRow, other_id: str) -> None: ...
    def drop(self, row: ProposalRow) -> None: ...
    def merge_choices(self, row: ProposalRow) -> list[tuple[str, str]]: ...
    def aspect_choices(self) -> list[str]: ...


def _square(label: str) -> widgets.Button:
    button = widgets.Button(description=label, layout=widgets.Layout(width="56px", height="52px"))
    button.add_class("mchch-vote-button")
    return button


class ProposalRow(widgets.VBox):
    def __init__(self, indicator: Indicator, actions: ProposalActions, language: str = "th") -> None:
        super().__init__(layout=widgets.Layout(width="100%"))
        self.add_class("mchch-proposal")
        self.indicator_id = indicator.indicator_id
        self.actions = actions
        self.language = language
        self.words = markup_block("", "mchch-proposal-words")
        self.words.layout = widgets.Layout(flex="1 1 0", min_width="0")
        self.minus = _square("−")
        self.plus = _square("+")
        self.votes = widgets.Text(continuous_update=False, layout=widgets.Layout(width="72px"))
        self.votes.add_class("mchch-vote-count")
        self.edit_toggle = widgets.ToggleButton(description=t("proposal_edit", language),
                                                layout=widgets.Layout(width="auto", min_width="96px", height="52px"))
        self.minus.on_click(lambda _b: actions.vote(self, -1))
        self.plus.on_click(lambda _b: actions.vote(self, +1))
        self.votes.observe(self._on_votes_typed, "value")
        self.edit_toggle.observe(lambda _c: self._show_panel(), "value")
        self._syncing = False
        self.panel = widgets.VBox(layout=widgets.Layout(width="100%", display="none"))
        self.panel.add_class("mchch-proposal-panel")
        line = widgets.HBox([self.words, self.minus, self.votes, self.plus, self.edit_toggle],
                            layout=widgets.Layout(width="100%", align_items="center"))
        self.children = [line, self.panel]
        self.update(indicator)

    def update(self, indicator: Indicator) -> None:
        """Show the proposal as it now is in the workbook."""
        lang = self.language
        self._indicator = indicator
        tags = f"<span class='mchch-tag'>{escape(indicator.aspect)}</span> " if indicator.aspect else ""
        if indicator.status == "selected":
            tags += f"<span class='mchch-tag mchch-tag-chosen'>✓ {escape(t('selected_tag', lang))}</span> "
        description = (f"<div class='mchch-note'>{escape(indicator.description)}</div>"
                       if indicator.description else "")
        self.words.value = f"<div class='mchch-proposal-title'>{escape(indicator.title)}</div>{tags}{description}"
        self._syncing = True  # putting saved values on screen is not a user's edit
        try:
            self.votes.value = str(indicator.votes)
            if self.panel.children:
                self.title_box.value = indicator.title
                self.aspect_box.value = indicator.aspect
                self.aspect_box.options = self.actions.aspect_choices()
                self.description_box.value = indicator.description
                self.merge_with.options = [(t("choose", lang), "")] + self.actions.merge_choices(self)
                self.merge_with.value = ""
        finally:
            self._syncing = False

    def _on_votes_typed(self, change) -> None:
        if not self._syncing:
            self.actions.type_votes(self, change["new"])

    def _edited(self, **fields: str) -> None:
        if not self._syncing:
            self.actions.edit(self, **fields)

    # --- the edit panel ---

    def _show_panel(self) -> None:
        if self.edit_toggle.value:
            if not self.panel.children:
                self._build_panel()
            self.update(self._indicator)
            self.panel.layout.display = ""
        else:
            self.panel.layout.display = "none"

    def _build_panel(self) -> None:
        lang = self.language
        wide = widgets.Layout(width="100%")
        label = {"description_width": "130px"}
        self.title_box = widgets.Text(continuous_update=False, layout=wide, style=label,
                                      description=t("proposal_title", lang))
        self.aspect_box = widgets.Combobox(continuous_update=False, ensure_option=False, layout=wide, style=label,
                                           description=t("proposal_aspect", lang))
        self.description_box = widgets.Textarea(continuous_update=False, rows=2, layout=wide, style=label,
                                                description=t("proposal_description", lang))
        self.title_box.observe(lambda c: self._edited(title=c["new"]), "value")
        self.aspect_box.observe(lambda c: self._edited(aspect=c["new"]), "value")
        self.description_box.observe(lambda c: self._edited(description=c["new"]), "value")
        self.merge_with = widgets.Dropdown(layout=widgets.Layout(flex="1 1 0", min_width="0"), style=label,
                                           description=t("proposal_merge_with", lang))
        self.merge_button = ConfirmButton(t("proposal_merge", lang), t("proposal_merge_confirm", lang),
                                          self._merge_confirmed, layout=widgets.Layout(width="auto", height="48px"))
        self.merge_with.observe(lambda _c: self.merge_button.disarm(), "value")
        self.drop_button = widgets.Button(description=t("proposal_drop", lang), button_style="warning",
                                          layout=widgets.Layout(width="auto", height="48px"))
        self.drop_button.on_click(lambda _b: self.actions.drop(self))
        self.panel.children = [
            self.title_box, self.aspect_box, self.description_box,
            widgets.HBox([self.merge_with, self.merge_button, self.drop_button],
                         layout=widgets.Layout(width="100%", align_items="center")),
            markup_block(escape(t("proposal_merge_help", lang)), "mchch-note"),
        ]

    def _merge_confirmed(self) -> None:
        if self.merge_with.value:
            self.actions.merge(self, self.merge_with.value)
