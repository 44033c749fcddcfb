"""Close a round when the group is done, so nobody changes it by accident; reopen it deliberately.

Both take two clicks (ConfirmButton). Closing warns first when indicators still have no
consensus; reopening is written to rounds.csv (`reopened_at`) and shown here afterwards,
so an office reading the file can see that a closed result was changed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from html import escape

import ipywidgets as widgets
from traitlets import Unicode

from .. import assessment, scoring, store
from ..model import Round
from ..session import Session
from ..text import t
from ..thai import format_date, thai_digits
from .style import markup_block
from .widget_confirm_button import ConfirmButton
from .widget_save_status import SaveStatus, save_change


class RoundCloser(widgets.HBox):
    """The round's open/closed state in words, and the button that changes it."""

    round_id = Unicode(help="the round shown; set it to show another").tag(sync=False)

    def __init__(self, session: Session, status: SaveStatus, language: str, round_id: str,
                 on_change: Callable[[], None] | None = None, digits: bool = True) -> None:
        super().__init__(layout=widgets.Layout(width="100%", align_items="center"))
        self.add_class("mchch-closer")
        self.session = session
        self.status = status
        self.language = language
        self.on_change = on_change
        self.digits = digits and language == "th"
        lang = language
        self.state = markup_block("", "mchch-closer-state")
        self.state.layout = widgets.Layout(flex="1 1 auto", min_width="0")

        def button() -> widgets.Layout:  # one each: a shared Layout would hide both buttons at once
            return widgets.Layout(width="auto", min_width="220px", height="52px", flex="0 0 auto")

        self.close_button = ConfirmButton(t("closer_close", lang), t("closer_close_confirm", lang), self.close_round,
                                   style="warning", layout=button())
        # The warning is counted at the first click, so it is right even if scores came in since the last redraw.
        self.close_button.observe(self._count_missing, "armed")
        self.reopen_button = ConfirmButton(t("closer_reopen", lang), t("closer_reopen_confirm", lang), self.reopen_round,
                                    layout=button())
        # A round made by mistake (nothing in it yet) can be taken back.
        self.remove_button = ConfirmButton(t("closer_remove", lang), t("closer_remove_confirm", lang),
                                           self.remove_round, layout=button())
        for confirm in (self.close_button, self.reopen_button, self.remove_button):
            confirm.add_class("mchch-closer-button")
        self.children = [self.state, self.remove_button, self.close_button, self.reopen_button]
        self.round_id = round_id
        self.observe(lambda _c: self.refresh(), "round_id")
        self.refresh()

    def _shown(self, text: str) -> str:
        return thai_digits(text) if self.digits else text

    def _round(self) -> Round | None:
        return self.session.workbook.round(self.round_id)

    def _progress_row(self):
        """The round's line of scoring.round_progress (None for an unknown round)."""
        progress = scoring.round_progress(self.session.workbook)
        mine = progress[progress["round_id"] == self.round_id]
        return mine.iloc[0] if len(mine) else None

    def missing(self) -> int:
        """Selected indicators of the round with no consensus yet."""
        row = self._progress_row()
        return 0 if row is None else int(row["n_indicators"]) - int(row["n_decided"])

    def _progress(self) -> str:
        """"ตกลงแล้ว 8/10 ข้อ · ผู้ประเมิน 14 คน": how far the round got before it is closed."""
        row = self._progress_row()
        if row is None:
            return ""
        return self._shown(t("rounds_progress", self.language, decided=int(row["n_decided"]),
                             total=int(row["n_indicators"]), raters=int(row["n_raters"])))

    def _confirm_text(self) -> str:
        count = self.missing()
        if count:
            return self._shown(t("closer_close_confirm_missing", self.language, count=count))
        return t("closer_close_confirm", self.language)

    def _count_missing(self, change) -> None:
        if change["new"]:
            self.close_button.confirm_label = self._confirm_text()

    def _when(self, stamp: str) -> str:
        """'21 พ.ย. 2569 10:05' from an ISO time in rounds.csv (a hand-edited one is shown as it is)."""
        try:
            moment = datetime.fromisoformat(stamp)
        except ValueError:
            return stamp
        return f"{format_date(moment, self.language, self.digits)} {self._shown(moment.strftime('%H:%M'))}"

    def refresh(self) -> None:
        """Draw the round's state again from session.workbook."""
        self.close_button.disarm()
        self.reopen_button.disarm()
        self.remove_button.disarm()
        found = self._round()
        lang = self.language
        if found is None:
            self.state.value = escape(t("err_round_unknown", lang, round_id=self.round_id))
            for button in (self.close_button, self.reopen_button, self.remove_button):
                button.layout.display = "none"
            return
        empty = not found.closed and assessment.is_empty_round(self.session.workbook, self.round_id)
        self.remove_button.layout.display = None if empty else "none"
        self.close_button.layout.display = "none" if found.closed else None
        self.reopen_button.layout.display = None if found.closed else "none"
        self.close_button.confirm_label = self._confirm_text()
        if found.closed:
            self.add_class("mchch-closer-closed")
            stamp = found.extra.get(assessment.CLOSED_AT, "").strip()
            state = t("closer_closed_at", lang, when=self._when(stamp)) if stamp else t("closer_closed", lang)
            help_text = t("closer_closed_help", lang)
            lines = [f"<b>{escape(state)}</b> <span class='mchch-closer-help'>· {escape(help_text)}</span>"]
        else:
            self.remove_class("mchch-closer-closed")
            progress = f"<span class='mchch-closer-help'>· {escape(self._progress())}</span>"
            lines = [f"<b>{escape(t('closer_open_state', lang))}</b> {progress}"]
        reopened = assessment.reopenings(found)
        if reopened:
            again = self._shown(t("closer_reopened", lang, count=len(reopened), when=self._when(reopened[-1])))
            lines.append(f"<div class='mchch-closer-reopened'>↺ {escape(again)}</div>")
        self.state.value = "".join(lines)

    def close_round(self) -> None:
        """The second click on "ปิดรอบ"."""
        found = self._round()
        note = t("closer_closed_note", self.language, label=found.label if found else self.round_id)
        done = save_change(self.session, self.status, self.language,
                           lambda wb: assessment.close_round(wb, self.round_id), store.ROUNDS, note=note)
        self._changed(done is not None)

    def reopen_round(self) -> None:
        """The second click on "เปิดรอบอีกครั้ง": recorded in rounds.csv."""
        found = self._round()
        note = t("closer_reopened_note", self.language, label=found.label if found else self.round_id)
        done = save_change(self.session, self.status, self.language,
                           lambda wb: assessment.reopen_round(wb, self.round_id), store.ROUNDS, note=note)
        self._changed(done is not None)

    def remove_round(self) -> None:
        """The second click on "ลบรอบนี้" (shown only while the round holds nothing)."""
        found = self._round()
        note = t("closer_removed_note", self.language, label=found.label if found else self.round_id)
        done = save_change(self.session, self.status, self.language,
                           lambda wb: assessment.remove_round(wb, self.round_id), store.ROUNDS, note=note)
        self._changed(done is not None)

    def _changed(self, saved: bool) -> None:
        self.refresh()  # also after a refusal: the round may have been closed from another tab meanwhile
        if saved and self.on_change is not None:
            self.on_change()
