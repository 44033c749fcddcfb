"""The consensus card: one indicator at a time on the projector, the group agrees on its level.

Left (about 60%): the ladder as big buttons. Right: last round's agreed level (and, once
chosen, an arrow: up, down or the same), then one of two panels, switched by two big
buttons: how everyone scored on their own with the note "evidence / why we agreed", or
the lessons learnt (ถอดบทเรียน). All of it at once does not fit a 1280×720 projector
with the ladder legible; the reflection comes after the agreement anyway.

Choosing a level records the consensus at once (a new row in scores.csv; the latest
counts). A note typed before any level is chosen waits in its box and is saved with the
level; a note changed afterwards is recorded again with the same level.
"""

from __future__ import annotations

from html import escape

import ipywidgets as widgets
import pandas as pd
from traitlets import Unicode

from .. import assessment, scoring, store
from ..model import CONSENSUS, Indicator, Score, Workbook
from ..session import Session
from ..text import t
from .closing import close_tree
from .quiet import Quiet
from .style import markup_block, set_class, text_block
from .widget_distribution import Distribution, counts_of, number_text
from .widget_level_buttons import LevelButtons
from .widget_reflection import ReflectionBox
from .widget_save_status import SaveStatus, formula_note, save_change

SCORES_PANEL, REFLECTION_PANEL = "scores", "reflection"

KEEP = object()  # "as saved on disk now", for the level or the note of a consensus being re-recorded


def previous_round_label(workbook: Workbook, round_id: str, indicator_id: str) -> str:
    """The label of the round that scoring.indicator_stats calls `previous`: the latest earlier
    round of the same kind (self or external) with an agreed level for this indicator; '' if none."""
    this = workbook.round(round_id)
    if this is None:
        return ""
    order = [r.round_id for r in workbook.rounds_in_order()]
    table = scoring.consensus_by_round(workbook)
    earlier = table[
        (table["indicator_id"] == indicator_id) & (table["assessor"] == this.assessor)
        & table["consensus"].notna() & (table["round_id"].map(order.index) < order.index(round_id))
    ]
    return str(earlier.iloc[-1]["round_label"]) if len(earlier) else ""


class ConsensusScoring(Quiet, widgets.VBox):
    """The group's agreed score for each selected indicator of one round, one card at a time."""

    indicator_id = Unicode("", help="the indicator on the card; empty when none is selected").tag(sync=False)

    def __init__(self, session: Session, status: SaveStatus, language: str, round_id: str,
                 digits: bool = True) -> None:
        super().__init__(layout=widgets.Layout(width="100%"))
        self.add_class("mchch-consensus")
        self.session = session
        self.status = status
        self.language = language
        self.round_id = round_id
        self.digits = digits
        self._order: list[str] = []  # the order asked for by set_order; empty: workbook order
        self._ladders: dict[str, tuple[tuple, LevelButtons]] = {}  # id -> (what it was built from, ladder)
        self._drafts: dict[str, str] = {}  # notes typed before a level was chosen, by indicator
        self._listening = True
        self._quiet = False
        lang = language
        # arrows alone, beside "ข้อ 3/10": the title needs the width of the row on a projector
        big = widgets.Layout(width="76px", min_width="76px", height="52px")
        self.back = widgets.Button(description="◀", layout=big)
        self.forward = widgets.Button(description="▶", layout=big)
        self.back.on_click(lambda _b: self._step_by(-1))
        self.forward.on_click(lambda _b: self._step_by(1))
        self.position = markup_block("", "mchch-consensus-position")
        self.progress = markup_block("", "mchch-consensus-progress")
        self.closed_note = text_block(t("consensus_closed", lang), "mchch-closed-note")
        self.nav = widgets.HBox(layout=widgets.Layout(width="100%", align_items="center"))
        self.nav.add_class("mchch-consensus-nav")
        self.title = markup_block("", "mchch-consensus-title")
        self.title.layout = widgets.Layout(flex="1 1 auto", width="auto", min_width="0")

        self.ladder_box = widgets.VBox(layout=widgets.Layout(width="100%"))
        self.note = widgets.Textarea(rows=2, continuous_update=False, placeholder=t("consensus_note_label", lang),
                                     layout=widgets.Layout(width="auto", height="auto"))
        self.note.observe(self._on_note, "value")
        self.note_hint = text_block("", "mchch-note")
        label = widgets.HBox([text_block(t("consensus_note_label", lang), "mchch-consensus-note-label"),
                              self.note_hint], layout=widgets.Layout(width="100%", align_items="baseline"))
        self.note_part = [label, self.note]
        left = widgets.VBox([self.ladder_box], layout=widgets.Layout(width="60%", min_width="0", padding="0 16px 0 0"))
        self.previous_round = markup_block("", "mchch-consensus-previous")
        self.panel_choice = widgets.ToggleButtons(
            options=[(t("consensus_panel_scores", lang), SCORES_PANEL),
                     (t("consensus_panel_reflection", lang), REFLECTION_PANEL)],
            value=SCORES_PANEL, style={"button_width": "auto"},
        )
        self.panel_choice.add_class("mchch-consensus-panels")
        self.panel_choice.observe(lambda _c: self._show_panel(), "value")
        scale = session.workbook.profile.levels
        self.distribution = Distribution({}, 0, scale, lang, None, digits)
        self.no_ratings = text_block(t("consensus_no_ratings", lang), "mchch-consensus-no-ratings")
        self.reflection = ReflectionBox(session, status, lang, round_id, "")
        # The panel's button already says ถอดบทเรียน, and the badge says "saved": room for the three boxes at 1280×720.
        self.reflection.heading.layout.display = "none"
        self.reflection.hint.layout.display = "none"
        self.panel = widgets.VBox(layout=widgets.Layout(width="100%"))
        self.right = widgets.VBox(layout=widgets.Layout(width="40%", min_width="0"))
        self.right.add_class("mchch-consensus-right")
        self._screen = [self.nav,
                        widgets.HBox([left, self.right], layout=widgets.Layout(width="100%", align_items="flex-start"))]
        self.empty = text_block(t("consensus_none_selected", lang), "mchch-consensus-empty")
        self.refresh()

    # --- helpers -------------------------------------------------------------------------

    def _n(self, value: float) -> str:
        return number_text(value, self.language, self.digits)

    def _selected_ids(self) -> list[str]:
        return [i.indicator_id for i in self.session.workbook.selected_indicators()]

    @property
    def closed(self) -> bool:
        found = self.session.workbook.round(self.round_id)
        return found is None or found.closed

    @property
    def order(self) -> list[str]:
        """The selected indicators in the order the group goes through them."""
        selected = self._selected_ids()
        asked = [i for i in dict.fromkeys(self._order) if i in selected]
        return asked + [i for i in selected if i not in asked]  # none left unreachable

    @property
    def ladder(self) -> LevelButtons | None:
        """The ladder on the card now."""
        found = self._ladders.get(self.indicator_id)
        return found[1] if found else None

    def consensus(self) -> Score | None:
        """The agreed score that counts now for the indicator on the card, if any."""
        if not self.indicator_id:
            return None
        return assessment.current_score(self.session.workbook, self.round_id, self.indicator_id, CONSENSUS)

    # --- what is shown -------------------------------------------------------------------

    def refresh(self) -> None:
        """Draw again from the workbook; the indicator on the card stays if it is still selected."""
        ids = self.order
        if not ids:
            self.indicator_id = ""
            self.children = [self.empty]
            return
        self.children = self._screen
        self.distribution.scale = self.session.workbook.profile.levels  # the profile may have changed it
        self._load(self.indicator_id if self.indicator_id in ids else ids[0])

    def set_order(self, indicator_ids: list[str]) -> None:
        """Go through the indicators in this order (e.g. widest disagreement first)."""
        self._order = list(indicator_ids)
        if self.indicator_id:
            self._draw()

    def show(self, indicator_id: str) -> None:
        """Put `indicator_id` on the card; KeyError if it is not a selected indicator."""
        if indicator_id not in self._selected_ids():
            raise KeyError(indicator_id)
        if self.children != tuple(self._screen):
            self.children = self._screen
        self._load(indicator_id)

    @property
    def listening(self) -> bool:
        """Whether the ladder on the card hears the digit keys (only the screen in front should)."""
        return self._listening

    @listening.setter
    def listening(self, on: bool) -> None:
        self._listening = on
        self._apply_listening()

    def _apply_listening(self) -> None:
        for indicator_id, (_made_from, ladder) in self._ladders.items():
            ladder.listening = self._listening and indicator_id == self.indicator_id and not ladder.disabled

    def close(self) -> None:
        """Close the ladders kept for later too, not only the one on the card."""
        for _made_from, ladder in self._ladders.values():
            close_tree(ladder)
        close_tree(self.reflection)
        super().close()

    def _step_by(self, step: int) -> None:
        ids = self.order
        if self.indicator_id in ids and 0 <= ids.index(self.indicator_id) + step < len(ids):
            self._load(ids[ids.index(self.indicator_id) + step])

    def _load(self, indicator_id: str) -> None:
        self.indicator_id = indicator_id
        self.ladder_box.children = [self._ladder(self.session.workbook.indicator(indicator_id))]
        self.reflection.show(indicator_id)
        self._draw()

    def _ladder(self, indicator: Indicator) -> LevelButtons:
        """The indicator's ladder, built once and again only when its words, target or scale changed."""
        scale = self.session.workbook.profile.levels
        made_from = (tuple(sorted(indicator.levels.items())), indicator.target, scale)
        found = self._ladders.get(indicator.indicator_id)
        if found and found[0] == made_from:
            return found[1]
        ladder = LevelButtons(indicator.levels, scale, self.language, target=indicator.target, digits=self.digits)
        ladder.on_choose(lambda level, iid=indicator.indicator_id: self._on_choose(level, iid))
        self._ladders[indicator.indicator_id] = (made_from, ladder)
        if found:
            found[1].listening = False
            close_tree(found[1])
        return ladder

    def _draw(self) -> None:
        """Everything on the card that depends on what is saved: position, progress, choice, note, panels."""
        if self.indicator_id not in self.order:
            self.refresh()  # no longer selected (another tab changed the workbook): show another
            return
        workbook = self.session.workbook
        indicator = workbook.indicator(self.indicator_id)
        closed = self.closed
        stats = scoring.round_stats(workbook, self.round_id).loc[self.indicator_id]
        current = self.consensus()
        details = indicator.description.replace("\n", " ").strip()
        self.title.value = (
            f"<div class='mchch-consensus-name'>{escape(indicator.title)}</div>"
            + (f"<div class='mchch-consensus-details'>{escape(details)}</div>" if details else "")
        )
        self._draw_nav(closed)
        ladder = self.ladder
        ladder.disabled = closed
        ladder.show_choice(current.score if current else None, skipped=current is not None and current.score is None)
        self._apply_listening()
        with self._quietly():
            self.note.value = current.note if current else self._drafts.get(self.indicator_id, "")
        self.note.disabled = closed
        self.note_hint.value = "" if closed else escape(
            t("consensus_note_saves" if current else "consensus_note_pending", self.language))
        self.previous_round.value = self._previous_markup(stats, current)
        counts, skipped = counts_of(workbook, self.round_id, self.indicator_id)
        self.distribution.update(counts, skipped, current.score if current else None,
                                 agreed_na=current is not None and current.score is None)
        self.reflection.refresh()
        self._show_panel()

    def _draw_nav(self, closed: bool) -> None:
        ids = self.order
        number = ids.index(self.indicator_id) + 1
        self.position.value = escape(t("consensus_position", self.language, number=self._n(number),
                                       count=self._n(len(ids))))
        self.back.disabled = number == 1
        self.forward.disabled = number == len(ids)
        progress = scoring.round_progress(self.session.workbook)
        mine = progress[progress["round_id"] == self.round_id]
        done, total = (int(mine.iloc[0]["n_decided"]), int(mine.iloc[0]["n_indicators"])) if len(mine) else (0, 0)
        self.progress.value = escape(t("consensus_progress", self.language, done=self._n(done), total=self._n(total)))
        self.nav.children = [self.back, self.position, self.forward, self.title, self.progress]
        self.right.children = [*([self.closed_note] if closed else []), self.previous_round, self.panel_choice,
                               self.panel]

    def _previous_markup(self, stats: pd.Series, current: Score | None) -> str:
        lang = self.language
        if pd.isna(stats["previous"]):
            return f"<div class='mchch-consensus-no-previous'>{escape(t('consensus_no_previous', lang))}</div>"
        label = previous_round_label(self.session.workbook, self.round_id, self.indicator_id)
        line = t("consensus_previous_round", lang, label=label, level=self._n(stats["previous"]))
        markup = f"<div class='mchch-consensus-previous-line'>{escape(line)}</div>"
        change = stats["change_since_previous"]
        if current is not None and current.score is not None and not pd.isna(change):
            key, kind = (("consensus_up", "up") if change > 0 else ("consensus_down", "down") if change < 0
                         else ("consensus_same", "same"))
            arrow = t(key, lang, n=self._n(abs(change)))
            markup += f"<div class='mchch-consensus-change mchch-change-{kind}'>{escape(arrow)}</div>"
        return markup

    def _show_panel(self) -> None:
        if self.panel_choice.value == REFLECTION_PANEL:
            self.panel.children = [self.reflection]
        else:
            self.panel.children = [self.distribution if self.distribution.total else self.no_ratings, *self.note_part]

    # --- recording -----------------------------------------------------------------------

    def _record(self, level: int | None | object, note: str | object) -> Score | None:
        """Record the consensus of the indicator on the card; the score kept, or None when refused.

        KEEP takes the level (or the note) as saved on disk when the change is made: another
        tab may have changed it since this card was drawn, and its work must not be undone.
        """
        indicator_id = self.indicator_id

        def change(wb):
            on_disk = assessment.current_score(wb, self.round_id, indicator_id, CONSENSUS)
            chosen = (on_disk.score if on_disk else None) if level is KEEP else level
            said = (on_disk.note if on_disk else "") if note is KEEP else note
            return assessment.record_score(wb, self.round_id, indicator_id, CONSENSUS, chosen, said)

        typed = "" if note is KEEP else note
        recorded = save_change(self.session, self.status, self.language, change, store.SCORES,
                               note=formula_note(self.language, typed))
        if recorded is not None and not self.status.detail:
            agreed = recorded.score.score
            self.status.saved(t("consensus_saved", self.language, level=self._n(agreed)) if agreed is not None
                              else t("consensus_saved_na", self.language))
        return recorded.score if recorded is not None else None

    def _on_choose(self, level: int | None, indicator_id: str) -> None:
        if indicator_id != self.indicator_id or self.closed:
            return  # a key heard late, from a ladder no longer on the card
        current = self.consensus()
        untouched = current is not None and self.note.value.strip() == current.note
        if self._record(level, KEEP if untouched else self.note.value) is not None:
            self._drafts.pop(self.indicator_id, None)
        self._draw()  # refused: the card shows what counts, as before; saved: the new choice and arrow

    def choose(self, level: int | None) -> None:
        """What a click on `level` of the ladder (None: "skip / not applicable") does."""
        if self.ladder is not None:
            self.ladder.choose(level)

    def _on_note(self, change) -> None:
        if self._quiet or not self.indicator_id:
            return
        current = self.consensus()
        if current is None:
            self._drafts[self.indicator_id] = change["new"]  # saved together with the level, once chosen
            return
        if change["new"].strip() != current.note and self._record(KEEP, change["new"]) is None:
            self._draw()
            if not self.closed:  # refused (too long): the typed note stays, marked, to be shortened
                with self._quietly():
                    self.note.value = change["new"]
                set_class(self.note, "mchch-invalid", True)
            return
        set_class(self.note, "mchch-invalid", False)
        self._draw()
