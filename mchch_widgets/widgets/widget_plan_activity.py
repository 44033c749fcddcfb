"""One activity of the plan, on two lines, and how what is typed into it is read.

Line 1: the activity (wide), an "overdue" label when it is late, and its status.
Line 2: owner, start and end (Buddhist Era, as on paper), budget, and a two-click remove.
Each box is read by the core (`plan`) and handed to `commit`, which saves it; a refusal
or a failed save puts the box back to what is saved, so the screen never shows
something that is not in plan.csv.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import ipywidgets as widgets

from ..model import PLAN_STATUSES, PlanActivity, Refused
from ..plan import (
    check_activity_text,
    check_dates,
    check_owner,
    check_status,
    format_baht,
    format_be_entry,
    is_overdue,
    parse_be_date,
    parse_budget,
)
from ..text import t
from ..thai import BUDDHIST_ERA_OFFSET
from ..thai import thai_digits as to_thai_digits
from .style import set_class, text_block
from .widget_confirm_button import ConfirmButton
from .widget_save_status import SaveStatus, formula_note

# Line 2's boxes and the column labels above them share these widths, so they line up.
DATE_WIDTH = "132px"  # "30/12/2569" at 20px
BUDGET_WIDTH = "124px"  # "1,250,000"
REMOVE_WIDTH = "112px"  # "ยืนยันลบ?"
STATUS_WIDTH = "180px"

Commit = Callable[["ActivityRow", dict[str, object], str], bool]


def _flexible() -> widgets.Layout:
    return widgets.Layout(flex="1 1 0", min_width="0")


def _fixed(width: str) -> widgets.Layout:
    return widgets.Layout(width=width, min_width=width)


def column_labels(language: str) -> widgets.HBox:
    """The names of line 2's boxes, once above the list (a placeholder vanishes once typed)."""
    def label(key: str, layout: widgets.Layout) -> widgets.HTML:
        block = text_block(t(key, language), "mchch-plan-columns")
        block.layout = layout
        return block

    return widgets.HBox(
        [
            label("plan_owner", _flexible()),
            label("plan_start", _fixed(DATE_WIDTH)),
            label("plan_end", _fixed(DATE_WIDTH)),
            label("plan_budget", _fixed(BUDGET_WIDTH)),
            widgets.Box(layout=_fixed(REMOVE_WIDTH)),
        ],
        layout=widgets.Layout(width="100%", padding="0 0 0 18px"),
    )


class ActivityRow(widgets.VBox):
    """One activity; `activity` is the saved record (or a draft not yet in the plan)."""

    def __init__(
        self,
        activity: PlanActivity,
        *,
        language: str,
        owners: list[str],
        today: date,
        save_status: SaveStatus,
        commit: Commit,
        remove: Callable[[ActivityRow], None],
        thai_digits: bool = False,
    ) -> None:
        super().__init__(layout=widgets.Layout(width="100%"))
        self.activity = activity
        self.language = language
        self.today = today
        self.save_status = save_status
        self.commit = commit
        self.digits = thai_digits and language == "th"
        self._quiet = False  # True while the row itself puts a box back

        self.text = widgets.Text(placeholder=t("plan_activity_placeholder", language),
                                 continuous_update=False, layout=_flexible())
        self.late = text_block(t("plan_overdue", language), "mchch-plan-late")
        self.status = widgets.Dropdown(
            options=[(t(f"plan_status_{key}", language), key) for key in PLAN_STATUSES],
            layout=_fixed(STATUS_WIDTH))
        # A Combobox offers the lead team's names but still takes any name typed.
        self.owner = widgets.Combobox(options=owners, ensure_option=False, continuous_update=False,
                                      placeholder=t("plan_owner", language), layout=_flexible())
        date_hint = t("plan_date_placeholder", language)
        self.start = widgets.Text(placeholder=date_hint, continuous_update=False, layout=_fixed(DATE_WIDTH))
        self.end = widgets.Text(placeholder=date_hint, continuous_update=False, layout=_fixed(DATE_WIDTH))
        self.budget = widgets.Text(placeholder=t("plan_budget_placeholder", language), continuous_update=False, layout=_fixed(BUDGET_WIDTH))
        self.remove = ConfirmButton(t("plan_remove", language), t("plan_remove_confirm", language),
                                    lambda: remove(self), layout=_fixed(REMOVE_WIDTH))
        for box in self._boxes():
            self._put_back(box)

        self.text.observe(self._on_text, "value")
        self.status.observe(self._on_status, "value")
        self.owner.observe(self._on_owner, "value")
        self.start.observe(lambda c: self._on_date("start_on", self.start, c), "value")
        self.end.observe(lambda c: self._on_date("end_on", self.end, c), "value")
        self.budget.observe(self._on_budget, "value")

        line = widgets.Layout(width="100%", align_items="center")
        self.children = [
            widgets.HBox([self.text, self.late, self.status], layout=line),
            widgets.HBox([self.owner, self.start, self.end, self.budget, self.remove], layout=line),
        ]
        self.add_class("mchch-plan-row")
        self.mark()

    # --- showing what is saved ---

    def _boxes(self) -> tuple[widgets.Widget, ...]:
        return (self.text, self.status, self.owner, self.start, self.end, self.budget)

    def _shown(self, text: str) -> str:
        return to_thai_digits(text) if self.digits else text

    def _saved_value(self, box: widgets.Widget) -> str:
        a = self.activity
        if box is self.text:
            return a.activity
        if box is self.status:
            return a.status
        if box is self.owner:
            return a.owner
        if box is self.start:
            return self._shown(format_be_entry(a.start_on))
        if box is self.end:
            return self._shown(format_be_entry(a.end_on))
        return self._shown(format_baht(a.budget))

    def _put_back(self, box: widgets.Widget) -> None:
        """Show the saved value in `box` (without treating it as something typed)."""
        self._quiet = True
        box.remove_class("mchch-invalid")
        try:
            box.value = self._saved_value(box)
        finally:
            self._quiet = False

    def mark(self) -> None:
        """Late activities stand out by a red edge AND the words "เลยกำหนด" (not colour alone)."""
        late = is_overdue(self.activity, self.today)
        set_class(self, "mchch-plan-row-late", late)
        set_class(self, "mchch-plan-row-cancelled", self.activity.status == "cancelled")
        self.late.layout.display = None if late else "none"
        # A new row is saved once it has a name: until then its other boxes wait, so
        # nothing typed into them can be lost.
        for box in (self.status, self.owner, self.start, self.end, self.budget):
            box.disabled = not self.activity.activity

    @property
    def overdue(self) -> bool:
        return is_overdue(self.activity, self.today)

    # --- reading what was typed ---

    def _refuse(self, box: widgets.Widget, message: str) -> None:
        """Say why; a typed box keeps what was typed, marked red, so it can be corrected, not retyped."""
        self.save_status.failed(message)
        if isinstance(box, widgets.Dropdown):
            self._put_back(box)
        else:
            box.add_class("mchch-invalid")

    def _typed(self, change) -> bool:
        """True for a change the user made (not one the row made itself)."""
        if self._quiet:
            return False
        self.reset_remove()
        return True

    def _on_text(self, change) -> None:
        if not self._typed(change):
            return
        try:
            text = check_activity_text(change["new"])
        except Refused as refused:
            self._refuse(self.text, refused.message(self.language))
            return
        if text != self.activity.activity:
            note = formula_note(self.language, text)
            self.commit(self, {"activity": text}, note)
        self._put_back(self.text)

    def _on_owner(self, change) -> None:
        if not self._typed(change):
            return
        try:
            owner = check_owner(change["new"])
        except Refused as refused:
            self._refuse(self.owner, f"{t('plan_owner', self.language)}: {refused.message(self.language)}")
            return
        if owner != self.activity.owner:
            note = formula_note(self.language, owner)
            self.commit(self, {"owner": owner}, note)
        self._put_back(self.owner)

    def _on_date(self, which: str, box: widgets.Text, change) -> None:
        if not self._typed(change):
            return
        try:
            typed = parse_be_date(change["new"])
            day = typed.day if typed else None
            if which == "start_on":
                check_dates(day, self.activity.end_on)
            else:
                check_dates(self.activity.start_on, day)
        except Refused as refused:
            self._refuse(box, refused.message(self.language))
            return
        if day != getattr(self.activity, which):
            note = ""
            if typed and typed.gregorian_year:
                note = t("note_gregorian_year", self.language, year=day.year,
                         be=day.year + BUDDHIST_ERA_OFFSET)
            self.commit(self, {which: day}, note)
        self._put_back(box)  # the date as saved, written the usual way: 1/6/2569
        self.mark()

    def _on_budget(self, change) -> None:
        if not self._typed(change):
            return
        try:
            amount = parse_budget(change["new"])
        except Refused as refused:
            self._refuse(self.budget, refused.message(self.language))
            return
        if amount != self.activity.budget:
            self.commit(self, {"budget": amount}, "")
        self._put_back(self.budget)  # "ห้าพัน" is shown as it is saved: 5,000

    def _on_status(self, change) -> None:
        if not self._typed(change):
            return
        try:
            status = check_status(change["new"])
        except Refused as refused:
            self._refuse(self.status, refused.message(self.language))
            return
        if status != self.activity.status:
            self.commit(self, {"status": status}, "")
        self._put_back(self.status)
        self.mark()

    # --- removing: two clicks, since there is no hover on a projector and a slip must not cost a row ---

    def reset_remove(self) -> None:
        self.remove.disarm()
