"""Step 2a, the forum board: call out proposals, cluster them by aspect, and dot-vote.

The facilitator types what the room calls out into one large box and presses Enter;
the aspect box keeps its value, so a run of ideas on one theme goes in quickly.
Votes change with big −/+ buttons (or a typed count) and the bar chart beside the
list follows at once. Everything is saved to indicators.csv on every change.
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets
from pythainlp.util import thai_digit_to_arabic_digit

from .. import forum
from ..model import Refused
from ..session import Session
from ..store import INDICATORS, PLAN
from ..suggestions import Suggestion
from ..text import t
from .style import text_block
from .widget_proposal_row import ProposalRow
from .widget_save_status import SaveStatus, change_and_save, formula_note
from .widget_suggestions import SuggestionsCard
from .widget_vote_bars import VoteBars

SORT_ORDERS = ("aspect", "votes")


class EntryBox(widgets.Text):
    """A text box that reports Enter (the browser sends a "submit" message for it)."""

    def __init__(self, on_enter: Callable[[], None], **kwargs) -> None:
        super().__init__(continuous_update=True, **kwargs)
        self.on_msg(lambda _w, content, _buffers: on_enter() if content.get("event") == "submit" else None)


class ProposalsBoard(widgets.HBox):
    def __init__(self, session: Session, status: SaveStatus, language: str = "th") -> None:
        super().__init__(layout=widgets.Layout(width="100%", align_items="flex-start"))
        self.session = session
        self.status = status
        self.language = language
        lang = language
        self.rows: dict[str, ProposalRow] = {}

        self.aspect = widgets.Combobox(placeholder=t("entry_aspect", lang), ensure_option=False,
                                       layout=widgets.Layout(width="230px"))
        self.title = EntryBox(self.add_from_entry, placeholder=t("entry_title", lang),
                              layout=widgets.Layout(flex="1 1 0", min_width="0", height="56px"))
        self.title.add_class("mchch-entry")
        self.description = widgets.Text(placeholder=t("entry_description", lang),
                                        layout=widgets.Layout(flex="1 1 0", min_width="0"))
        self.add = widgets.Button(description=t("entry_add", lang), button_style="primary",
                                  layout=widgets.Layout(width="150px", height="56px"))
        self.add.on_click(lambda _b: self.add_from_entry())
        self.sort = widgets.ToggleButtons(
            options=[(t(f"sort_{order}", lang), order) for order in SORT_ORDERS], value="aspect",
            style={"button_width": "auto"},
        )
        self.sort.observe(lambda _c: self.refresh(), "value")
        self.suggestions = SuggestionsCard(lambda: self.session.workbook, self.use_suggestion, lang,
                                           open_=not forum.live(session.workbook))
        self.list = widgets.VBox(layout=widgets.Layout(width="100%"))
        self.bars = VoteBars(lambda: self.session.workbook, lang)
        entry = widgets.VBox([
            widgets.HBox([self.title, self.add], layout=widgets.Layout(width="100%", align_items="center")),
            widgets.HBox([self.aspect, self.description], layout=widgets.Layout(width="100%")),
        ], layout=widgets.Layout(width="100%"))
        entry.add_class("mchch-entry-card")
        left = widgets.VBox([entry, self.suggestions, self.sort, self.list],
                            layout=widgets.Layout(width="62%", padding="0 14px 0 0"))
        right = widgets.VBox([self.bars], layout=widgets.Layout(width="38%"))
        self.children = [left, right]
        self.refresh()

    # --- drawing ---

    def refresh(self) -> None:
        """Lay the proposals out again from the workbook (rows are reused, so open panels stay)."""
        workbook = self.session.workbook
        live = {i.indicator_id: i for i in forum.live(workbook)}
        self.rows = {key: row for key, row in self.rows.items() if key in live}
        for key, indicator in live.items():
            if key in self.rows:
                self.rows[key].update(indicator)
            else:
                self.rows[key] = ProposalRow(indicator, self, self.language)
        self.list.children = self._laid_out()
        self.aspect.options = forum.aspects(workbook)
        self.bars.draw()
        self.suggestions.draw()

    def _laid_out(self) -> list[widgets.Widget]:
        lang = self.language
        workbook = self.session.workbook
        if not self.rows:
            return [text_block(t("proposals_none", lang), "mchch-note")]
        if self.sort.value == "votes":
            return [self.rows[i.indicator_id] for i in forum.by_votes(workbook)]
        laid: list[widgets.Widget] = []
        for aspect, items in forum.by_aspect(workbook):
            heading = aspect or t("aspect_none", lang)
            laid.append(text_block(f"{heading} ({len(items)})", "mchch-aspect-heading"))
            laid += [self.rows[i.indicator_id] for i in items]
        return laid

    def _after(self, row: ProposalRow | None) -> None:
        """Show the outcome: just the row and the bars after a vote, everything otherwise."""
        if row is not None and row.indicator_id in {i.indicator_id for i in self.session.workbook.indicators}:
            row.update(forum.find(self.session.workbook, row.indicator_id))
            self.bars.draw()
        else:
            self.refresh()

    def _change(self, change: Callable[[], object], row: ProposalRow | None = None, note: str = "",
                undo: tuple[str, dict] | None = None, files: tuple[str, ...] = (INDICATORS,)) -> bool:
        done = change_and_save(self.session, self.status, self.language, files, change, note, undo)
        self._after(row)
        return done

    # --- adding ---

    def add_from_entry(self) -> None:
        """Add what is in the entry box; the aspect stays for the next idea."""
        title, aspect, description = self.title.value, self.aspect.value, self.description.value
        if not title.strip():
            self.status.failed(t("err_title_empty", self.language))
            return
        dropped_ids = {i.indicator_id for i in forum.dropped(self.session.workbook)}
        added = []
        note = formula_note(self.language, title, aspect, description)
        if self._change(lambda: added.append(forum.add_proposal(self.session.workbook, title, aspect, description)),
                        note=note):
            if added[0].indicator_id in dropped_ids:
                self.status.saved(t("proposal_came_back", self.language))
            self.title.value = ""
            self.description.value = ""
            self.refresh()

    def use_suggestion(self, suggestion: Suggestion) -> None:
        aspect, title, description = suggestion.pick(self.language)
        if self._change(lambda: forum.add_proposal(self.session.workbook, title, aspect, description)):
            self.refresh()

    # --- what rows ask for (ProposalActions) ---

    def vote(self, row: ProposalRow, step: int) -> None:
        self._change(lambda: forum.add_votes(self.session.workbook, row.indicator_id, step), row)

    def type_votes(self, row: ProposalRow, text: str) -> None:
        def change() -> None:
            plain = thai_digit_to_arabic_digit(text.strip())
            if not plain.lstrip("-").isdigit():
                raise Refused("err_votes_number")
            forum.set_votes(self.session.workbook, row.indicator_id, int(plain))

        self._change(change, row)

    def edit(self, row: ProposalRow, **fields: str) -> None:
        note = formula_note(self.language, *fields.values())
        self._change(lambda: forum.edit(self.session.workbook, row.indicator_id, **fields), row, note=note)
        if "aspect" in fields:
            self.refresh()  # it moves to another group

    def merge(self, row: ProposalRow, other_id: str) -> None:
        workbook = self.session.workbook
        keep, other = forum.find(workbook, row.indicator_id), forum.find(workbook, other_id)
        undo = ("undo_merge", {"title": keep.title, "other": other.title})
        self._change(lambda: forum.merge(self.session.workbook, keep.indicator_id, other_id, self.language),
                     undo=undo, files=(INDICATORS, PLAN))

    def drop(self, row: ProposalRow) -> None:
        indicator = forum.find(self.session.workbook, row.indicator_id)
        self._change(lambda: forum.drop(self.session.workbook, row.indicator_id),
                     undo=("undo_drop", {"title": indicator.title}))

    def merge_choices(self, row: ProposalRow) -> list[tuple[str, str]]:
        return [(i.title if len(i.title) <= 60 else i.title[:59] + "…", i.indicator_id)
                for i in forum.live(self.session.workbook) if i.indicator_id != row.indicator_id]

    def aspect_choices(self) -> list[str]:
        return forum.aspects(self.session.workbook)
