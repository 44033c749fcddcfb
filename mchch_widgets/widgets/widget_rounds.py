"""Step 5, the rounds: start a new round in seconds, see how far each round got, open one.

Left, a compact card to start a round (self or external, its name and its date, prefilled
so that one click is enough); right, every round newest first with its progress, a tag
saying self/external and open/closed (in words, not colour alone) and a big "เปิด →".
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from html import escape

import ipywidgets as widgets
import pandas as pd

from .. import assessment, scoring, store
from ..model import ASSESSORS, Refused, Round
from ..plan import format_be_entry
from ..session import Session
from ..text import t
from ..thai import format_date, thai_digits
from .closing import close_tree
from .style import markup_block, set_class, text_block
from .widget_save_status import SaveStatus, save_change

INVALID = "mchch-invalid"


class RoundsList(widgets.HBox):
    """The new-round card beside the list of rounds; `on_open(round_id)` when one is created or opened."""

    def __init__(self, session: Session, status: SaveStatus, language: str, today: date,
                 on_open: Callable[[str], None], digits: bool = True) -> None:
        super().__init__(layout=widgets.Layout(width="100%", align_items="flex-start"))
        self.add_class("mchch-rounds")
        self.session = session
        self.status = status
        self.language = language
        self.today = today
        self.on_open = on_open
        self.digits = digits and language == "th"
        self.open_buttons: dict[str, widgets.Button] = {}
        self.rows: dict[str, widgets.HBox] = {}
        self._prefill = ""  # the label last put in the box: replaced on a toggle unless the user typed their own

        lang = language
        self.assessor = widgets.ToggleButtons(
            options=[(t(f"rounds_assessor_{a}", lang), a) for a in ASSESSORS], value="self",
            style={"button_width": "auto"})
        self.assessor.add_class("mchch-rounds-assessor")
        self.label = widgets.Text(layout=widgets.Layout(width="100%"))
        self.day = widgets.Text(value=format_be_entry(today), placeholder=t("rounds_date_placeholder", lang),
                                layout=widgets.Layout(width="100%"))
        self.create = widgets.Button(description=t("rounds_create", lang), button_style="primary",
                                     layout=widgets.Layout(width="100%", height="56px", margin="10px 0 0 0"))
        self.create.add_class("mchch-rounds-create")
        self.create.on_click(lambda _b: self.create_round())
        self.assessor.observe(lambda _c: self._prefill_label(), "value")
        self.day.observe(self._day_typed, "value")
        self.label.observe(lambda _c: set_class(self.label, INVALID, False), "value")
        card = widgets.VBox([
            text_block(t("rounds_new_heading", lang), "mchch-subheading"),
            self.assessor,
            text_block(t("rounds_label", lang), "mchch-rounds-field"), self.label,
            text_block(t("rounds_date", lang), "mchch-rounds-field"), self.day,
            self.create,
        ], layout=widgets.Layout(flex="0 0 400px", width="400px", margin="0 16px 0 0"))
        card.add_class("mchch-rounds-new")
        self.heading = text_block("", "mchch-subheading")
        self.list_box = widgets.VBox(layout=widgets.Layout(width="100%"))
        self.children = [card, widgets.VBox([self.heading, self.list_box],
                                            layout=widgets.Layout(flex="1 1 auto", min_width="0"))]
        self.refresh()

    # --- the new-round card ---

    def _shown(self, text: str) -> str:
        return thai_digits(text) if self.digits else text

    def _prefill_label(self) -> None:
        """The next 'รอบที่ n' for the chosen assessor, unless a label of one's own is in the box."""
        if self.label.value.strip() and self.label.value != self._prefill:
            return
        self._prefill = assessment.next_round_label(self.session.workbook, self.assessor.value,
                                                    self.language, self.digits)
        self.label.value = self._prefill

    def _day_typed(self, _change) -> None:
        """A marked date box loses its mark as soon as it holds a date that can be used."""
        if INVALID not in self.day._dom_classes:
            return
        try:
            assessment.parse_round_date(self.day.value, self.session.workbook, self.today)
        except Refused:
            return
        set_class(self.day, INVALID, False)

    def create_round(self) -> str | None:
        """What the big button does: the new round's id (and on_open), or None when refused."""
        try:
            day = assessment.parse_round_date(self.day.value, self.session.workbook, self.today)
        except Refused as refused:
            self.status.failed(refused.message(self.language))
            set_class(self.day, INVALID, True)  # what was typed stays, to be corrected
            return None
        set_class(self.day, INVALID, False)
        label, assessor, refusals = self.label.value, self.assessor.value, []

        def change(workbook) -> Round:
            try:
                return assessment.add_round(workbook, label, day, assessor, self.today)
            except Refused as refused:
                refusals.append(refused)
                raise

        note = t("rounds_created", self.language, label=" ".join(label.split()))
        new = save_change(self.session, self.status, self.language, change, store.ROUNDS, note=note)
        if new is None:
            if refusals and refusals[0].key.startswith("err_round_label"):
                set_class(self.label, INVALID, True)
            elif refusals:
                set_class(self.day, INVALID, True)
            return None
        self.label.value = ""  # the next round gets the next prefilled name, not this one again
        self.refresh()
        self.on_open(new.round_id)
        return new.round_id

    # --- the list ---

    def refresh(self) -> None:
        """Draw the list again from session.workbook (after a round was created, scored or closed)."""
        self._prefill_label()
        progress = scoring.round_progress(self.session.workbook)
        rounds = list(reversed(self.session.workbook.rounds_in_order()))
        self.heading.value = escape(self._shown(t("rounds_heading", self.language, count=len(rounds))))
        self.open_buttons, self.rows = {}, {}
        rows: list[widgets.Widget] = []
        for found in rounds:
            mine = progress[progress["round_id"] == found.round_id]
            rows.append(self._row(found, mine.iloc[0] if len(mine) else None))
        if not rows:
            rows.append(text_block(t("rounds_none", self.language), "mchch-note"))
        old = self.list_box.children
        self.list_box.children = rows
        for row in old:
            close_tree(row)  # drawn anew each time: the old rows must leave the page and the kernel

    def _row(self, found: Round, progress: pd.Series | None) -> widgets.HBox:
        button = widgets.Button(description=t("rounds_open", self.language),
                                layout=widgets.Layout(flex="0 0 auto", width="120px", height="48px"))
        button.add_class("mchch-rounds-open")
        button.on_click(lambda _b, round_id=found.round_id: self.on_open(round_id))
        info = markup_block(self.row_html(found, progress), "mchch-rounds-info")
        info.layout = widgets.Layout(flex="1 1 auto", min_width="0")
        row = widgets.HBox([info, button], layout=widgets.Layout(width="100%", align_items="center"))
        row.add_class("mchch-rounds-row")
        row.add_class("mchch-rounds-row-closed" if found.closed else "mchch-rounds-row-open")
        self.open_buttons[found.round_id] = button
        self.rows[found.round_id] = row
        return row

    def row_html(self, found: Round, progress: pd.Series | None) -> str:
        """Two short lines: name and tags; date, a progress bar and "ตกลงแล้ว 8/10 ข้อ · ผู้ประเมิน 14 คน"."""
        lang = self.language
        kind = "external" if found.assessor == "external" else "self"
        tags = [f"<span class='mchch-tag mchch-rounds-tag-{kind}'>{escape(t(f'rounds_tag_{kind}', lang))}</span>"]
        state = "closed" if found.closed else "open"
        tags.append(f"<span class='mchch-tag mchch-rounds-tag-{state}'>{escape(t(f'rounds_tag_{state}', lang))}</span>")
        decided, total, raters = (0, len(self.session.workbook.selected_indicators()), 0)
        if progress is not None:
            decided, total, raters = int(progress["n_decided"]), int(progress["n_indicators"]), int(progress["n_raters"])
        width = round(100 * decided / total) if total else 0
        counts = self._shown(t("rounds_progress", lang, decided=decided, total=total, raters=raters))
        when = format_date(found.held_on, lang, self.digits)
        return (
            f"<div class='mchch-rounds-name'><b>{escape(found.label)}</b> {''.join(tags)}</div>"
            f"<div class='mchch-rounds-meta'><span class='mchch-rounds-date'>{escape(when)}</span>"
            f"<span class='mchch-rounds-track'><span class='mchch-rounds-fill' style='width:{width}%'></span></span>"
            f"<span>{escape(counts)}</span></div>"
        )
