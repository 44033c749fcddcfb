"""What the group learnt about one indicator in a round (ถอดบทเรียน): three boxes, saved as typed.

Strengths, what to improve and what to do next: the three questions an after-action
review asks. Each box is saved to reflections.csv when the facilitator leaves it, so a
closed laptop loses nothing; a closed round shows them read-only.
"""

from __future__ import annotations

import ipywidgets as widgets
from traitlets import Unicode

from .. import assessment, store
from ..session import Session
from ..text import t
from .quiet import Quiet
from .style import set_class, text_block
from .widget_save_status import SaveStatus, formula_note, save_change


class ReflectionBox(Quiet, widgets.VBox):
    """The reflection of one indicator; `show` switches to another without rebuilding."""

    indicator_id = Unicode("", help="the indicator whose reflection is on screen").tag(sync=False)

    def __init__(self, session: Session, status: SaveStatus, language: str, round_id: str,
                 indicator_id: str) -> None:
        super().__init__(layout=widgets.Layout(width="100%"))
        self.add_class("mchch-reflect")
        self.session = session
        self.status = status
        self.language = language
        self.round_id = round_id
        self._quiet = False  # set while boxes are filled from the workbook: nothing to save then
        self.closed_note = text_block(t("reflect_closed", language), "mchch-closed-note")
        self.fields: dict[str, widgets.Textarea] = {}
        self.heading = text_block(t("reflect_heading", language), "mchch-reflect-heading")
        parts: list[widgets.Widget] = [self.heading]
        for field in assessment.REFLECTION_FIELDS:
            box = widgets.Textarea(rows=2, continuous_update=False,
                                   layout=widgets.Layout(width="auto", height="auto"))
            box.observe(lambda change, field=field: self._on_text(field, change), "value")
            self.fields[field] = box
            parts += [text_block(t(f"reflect_{field}", language), "mchch-reflect-label"), box]
        self.hint = text_block(t("reflect_hint", language), "mchch-note")
        self._parts = [*parts, self.hint]
        self.show(indicator_id)

    @property
    def closed(self) -> bool:
        found = self.session.workbook.round(self.round_id)
        return found is None or found.closed

    def show(self, indicator_id: str) -> None:
        """Fill the boxes with `indicator_id`'s reflection in this round (empty when none yet)."""
        self.indicator_id = indicator_id
        self.refresh()

    def refresh(self) -> None:
        """Draw again from the workbook: the texts kept, and whether the round is closed."""
        kept = assessment.reflection(self.session.workbook, self.round_id, self.indicator_id)
        closed = self.closed
        with self._quietly():
            for field, box in self.fields.items():
                box.value = getattr(kept, field) if kept else ""
                box.disabled = closed or not self.indicator_id
        self.children = [self._parts[0], *([self.closed_note] if closed else []), *self._parts[1:-1],
                         *([] if closed else [self.hint])]

    def _stored(self, field: str) -> str:
        kept = assessment.reflection(self.session.workbook, self.round_id, self.indicator_id)
        return getattr(kept, field) if kept else ""

    def _put_back(self, field: str, value: str) -> None:
        with self._quietly():
            self.fields[field].value = value

    def _on_text(self, field: str, change) -> None:
        if self._quiet:
            return
        before = self._stored(field)
        text = change["new"]
        if text.strip() == before.strip():
            self._put_back(field, before)  # only spaces changed: nothing to save
            return
        indicator_id = self.indicator_id
        saved = save_change(
            self.session, self.status, self.language,
            lambda wb: assessment.set_reflection(wb, self.round_id, indicator_id, field, text),
            store.REFLECTIONS,
            note=formula_note(self.language, text) or t("reflect_saved", self.language,
                                                           field=t(f"reflect_{field}", self.language)),
        )
        if saved is None and not self.closed_now():
            # Refused (too long): the typed text stays in its box, marked, to be shortened, not retyped.
            set_class(self.fields[field], "mchch-invalid", True)
            return
        set_class(self.fields[field], "mchch-invalid", False)
        self._put_back(field, self._stored(field) if saved is None else getattr(saved, field))

    def closed_now(self) -> bool:
        """The round is closed (perhaps just now, in another tab): the boxes show what is kept."""
        found = self.session.workbook.round(self.round_id)
        return found is None or found.closed
