"""Step 3 (แผนพัฒนาตนเอง): activities, owners, dates and budget for each selected indicator.

Left (about a third): the whole plan's total, then one large card per selected
indicator (title, activities, budget, how many are overdue), then cards for
activities whose indicator is no longer selected, so nothing in plan.csv is hidden.
Right: the chosen indicator's activities, two lines each, and "+ เพิ่มกิจกรรม".
Every change is saved to plan.csv at once; a new activity once it has a name.
"""

from __future__ import annotations

from datetime import date
from html import escape

import ipywidgets as widgets

from ..model import PlanActivity, Refused
from ..plan import (
    IndicatorPlan,
    activities_for,
    add_activity,
    format_baht,
    owner_choices,
    plan_summary,
    plan_total,
    remove_activity,
)
from ..session import Session
from ..store import PLAN
from ..text import t
from ..thai import thai_digits as to_thai_digits
from .style import set_class, text_block
from .widget_plan_activity import ActivityRow, column_labels
from .widget_save_status import SaveStatus, save_files

DRAFT_FIELDS = ("owner", "start_on", "end_on", "budget", "status")


def _html(text: str) -> str:
    """Text (ours or the user's) for an HTML widget: escaped, line breaks kept."""
    return escape(text).replace("\n", "<br>")


def _help_block(text: str) -> widgets.HTML:
    block = text_block(text, "mchch-help")
    block.add_class("mchch-plan-help")  # two lines of help, not two inline-widget heights
    return block


class PlanStep(widgets.VBox):
    def __init__(self, session: Session, status: SaveStatus, language: str = "th",
                 thai_digits: bool = False, today: date | None = None) -> None:
        super().__init__(layout=widgets.Layout(width="100%"))
        self.session = session
        self.status = status
        self.language = language
        self.digits = thai_digits and language == "th"
        self.thai_digits = thai_digits
        self.today = today or date.today()
        self.current: str | None = None  # the indicator shown on the right
        self.cards: dict[str, widgets.Button] = {}
        self.rows: dict[str, list[ActivityRow]] = {}  # built when an indicator is first shown
        self.lines: dict[str, IndicatorPlan] = {}
        self._drawn_version: int | None = None  # session.version when the screen last matched the workbook

        lang = language
        self.total = text_block("", "mchch-plan-total")
        self.card_list = widgets.VBox(layout=widgets.Layout(width="100%"))
        left = widgets.VBox([self.total, self.card_list],
                            layout=widgets.Layout(width="35%", min_width="0", padding="0 14px 0 0"))
        left.add_class("mchch-plan-left")
        self.title = text_block("", "mchch-plan-title")
        self.counts = text_block("", "mchch-plan-facts")
        self.notice = text_block("", "mchch-note")
        self.row_list = widgets.VBox(layout=widgets.Layout(width="100%"))
        self.add = widgets.Button(description=t("plan_add", lang), button_style="primary",
                                  layout=widgets.Layout(width="320px", height="52px", margin="10px 0 0 0"))
        self.add.on_click(lambda _b: self.add_activity())
        right = widgets.VBox([self.title, self.counts, self.notice, self.row_list, self.add],
                             layout=widgets.Layout(width="65%", min_width="0"))
        self.children = [
            text_block(t("step3_heading", lang), "mchch-heading"),
            _help_block(t("step3_help", lang)),
            widgets.HBox([left, right], layout=widgets.Layout(width="100%", align_items="flex-start")),
        ]
        self.refresh()

    # --- drawing ---

    def _shown(self, text: str) -> str:
        return to_thai_digits(text) if self.digits else text

    @property
    def stale(self) -> bool:
        """True when something else saved the workbook since this screen was drawn (an undo, step 2)."""
        return self._drawn_version != self.session.version

    def refresh(self, force: bool = False) -> None:
        """Redraw everything from session.workbook, when it changed elsewhere (or with `force`).

        The app calls this each time the screen is shown; when nothing changed, the
        screen stays as it is (new rows not yet named included).
        """
        if not (force or self.stale):
            return
        self._drawn_version = self.session.version
        self.rows = {}  # empty new rows are not in the workbook: they go too
        lines = plan_summary(self.session.workbook, self.today)
        ids = [line.indicator_id for line in lines]
        if self.current not in ids:
            self.current = ids[0] if ids else None
        self._draw_cards(lines)
        self._draw_total()
        self._draw_right()

    def _title(self, line: IndicatorPlan, number: int) -> str:
        if line.selected:
            return f"{self._shown(str(number))}. {line.title}"
        if not line.indicator_id:
            return t("plan_no_indicator", self.language)
        return t("plan_not_selected", self.language, title=line.title or line.indicator_id)

    def _counts(self, line: IndicatorPlan) -> str:
        """Activities, done and budget; how many are overdue on a line of its own."""
        text = t("plan_counts", self.language, activities=line.activities, done=line.done,
                 budget=format_baht(line.budget))
        if line.overdue:
            text += "\n" + t("plan_overdue_count", self.language, count=line.overdue)
        return self._shown(text)

    def _card_text(self, line: IndicatorPlan, number: int) -> str:
        # A button's text is one text node: the stylesheet keeps these line breaks (pre-line).
        mark = "▶ " if line.indicator_id == self.current else ""  # the chosen card, not by colour alone
        return f"{mark}{self._title(line, number)}\n{self._counts(line)}"

    def _draw_cards(self, lines: list[IndicatorPlan]) -> None:
        self.lines = {line.indicator_id: line for line in lines}
        self.cards = {}
        children: list[widgets.Widget] = []
        if not any(line.selected for line in lines):
            children.append(text_block(t("plan_no_selected", self.language), "mchch-note"))
        for line in lines:
            if not line.selected and not any(not c.selected for c in lines[: lines.index(line)]):
                children.append(text_block(t("plan_other_heading", self.language), "mchch-plan-other"))
            card = widgets.Button(layout=widgets.Layout(width="100%", height="auto"))
            card.add_class("mchch-plan-card")
            card.on_click(lambda _b, key=line.indicator_id: self.choose(key))
            self.cards[line.indicator_id] = card
            children.append(card)
        self.card_list.children = children
        self._label_cards()

    def _label_cards(self) -> None:
        for number, (key, line) in enumerate(self.lines.items(), start=1):
            card = self.cards[key]
            card.description = self._card_text(line, number)
            set_class(card, "mchch-plan-card-active", key == self.current)
            set_class(card, "mchch-plan-card-late", line.overdue > 0)

    def _draw_total(self) -> None:
        whole = plan_total(self.session.workbook, self.today)
        text = t("plan_total", self.language, activities=whole.activities, done=whole.done,
                 budget=format_baht(whole.budget))
        if whole.overdue:
            text += "\n" + t("plan_overdue_count", self.language, count=whole.overdue)
        note = _html(t("plan_cancelled_note", self.language))
        self.total.value = f"<b>{_html(self._shown(text))}</b><div class='mchch-note'>{note}</div>"

    def _draw_right(self) -> None:
        line = self.lines.get(self.current) if self.current is not None else None
        if line is None:
            self.title.value = _html(t("plan_no_selected", self.language))
            self.counts.value = self.notice.value = ""
            self.row_list.children = []
            self.add.layout.display = "none"
            return
        number = list(self.lines).index(line.indicator_id) + 1
        self.title.value = _html(self._title(line, number))
        self.counts.value = _html(self._counts(line))
        self.notice.value = "" if line.selected else _html(t("plan_not_selected_note", self.language))
        self.add.layout.display = None if line.selected else "none"  # new activities go to selected indicators
        self._draw_rows()

    def _draw_rows(self) -> None:
        rows = self.rows_for(self.current)
        if rows:
            self.row_list.children = [column_labels(self.language), *rows]
        else:
            self.row_list.children = [text_block(t("plan_none", self.language), "mchch-note")]

    def rows_for(self, indicator_id: str | None) -> list[ActivityRow]:
        """The rows of one indicator (its saved activities, then any new ones not yet named)."""
        if indicator_id is None:
            return []
        if indicator_id not in self.rows:
            items = activities_for(self.session.workbook, indicator_id)
            self.rows[indicator_id] = [self._make_row(a) for a in items]
        return self.rows[indicator_id]

    def _make_row(self, activity: PlanActivity) -> ActivityRow:
        return ActivityRow(
            activity, language=self.language, owners=owner_choices(self.session.workbook),
            today=self.today, save_status=self.status, commit=self._commit, remove=self._remove,
            thai_digits=self.thai_digits,
        )

    def _update_summary(self) -> None:
        """New totals on the cards and at the top; the cards are redrawn when groups came or went."""
        lines = plan_summary(self.session.workbook, self.today)
        ids = [line.indicator_id for line in lines]
        gone = self.current not in ids  # e.g. the last activity of a group not selected was removed
        if gone:
            self.current = ids[0] if ids else None
        if ids != list(self.lines):
            self._draw_cards(lines)
        else:
            self.lines = {line.indicator_id: line for line in lines}
            self._label_cards()
        self._draw_total()
        if gone:
            self._draw_right()
        elif (line := self.lines.get(self.current)) is not None:
            self.counts.value = _html(self._counts(line))

    # --- actions ---

    def choose(self, indicator_id: str) -> None:
        """Show this indicator's activities on the right."""
        if indicator_id not in self.lines:
            return
        self.current = indicator_id
        self._label_cards()
        self._draw_right()

    def add_activity(self) -> ActivityRow | None:
        """A new empty row for the chosen indicator; it is written once its activity is typed."""
        line = self.lines.get(self.current) if self.current is not None else None
        if line is None or not line.selected:
            return None
        draft = PlanActivity(activity_id="", indicator_id=line.indicator_id, activity="")
        row = self._make_row(draft)
        self.rows_for(line.indicator_id).append(row)
        self._draw_rows()
        return row

    def _in_plan(self, activity: PlanActivity) -> bool:
        return any(item is activity for item in self.session.workbook.plan)

    def _redrawn_if_stale(self) -> bool:
        """Never save through a row that shows an old copy of the plan: redraw and say so."""
        if not self.stale:
            return False
        self.refresh()
        self.status.failed(t("plan_changed_elsewhere", self.language))
        return True

    def _commit(self, row: ActivityRow, changes: dict[str, object], note: str) -> bool:
        """Apply `changes` to the row's activity and save plan.csv; on refusal nothing changes."""
        if self._redrawn_if_stale():
            return False
        activity = row.activity
        before = {name: getattr(activity, name) for name in changes}
        for name, value in changes.items():
            setattr(activity, name, value)
        if self._in_plan(activity):
            if self._save(note):
                self._changed(row)
                return True
            for name, value in before.items():
                setattr(activity, name, value)
            return False
        if not activity.activity:
            return True  # a new row without its activity yet: kept on screen, not written
        return self._add(row, before, note)

    def _add(self, row: ActivityRow, before: dict[str, object], note: str) -> bool:
        draft = row.activity
        workbook = self.session.workbook
        try:
            item = add_activity(workbook, draft.indicator_id, draft.activity,
                                **{name: getattr(draft, name) for name in DRAFT_FIELDS})
        except Refused as refused:
            self.status.failed(refused.message(self.language))
            item = None
        if item is not None and self._save(note):
            row.activity = item
            self._changed(row)
            return True
        if item is not None:
            workbook.plan[:] = [a for a in workbook.plan if a is not item]
        for name, value in before.items():
            setattr(draft, name, value)
        return False

    def _changed(self, row: ActivityRow) -> None:
        row.mark()
        self._update_summary()

    def _remove(self, row: ActivityRow) -> None:
        if self._redrawn_if_stale():
            return
        rows = self.rows_for(row.activity.indicator_id)
        workbook = self.session.workbook
        if not self._in_plan(row.activity):  # a new row never written: nothing to undo
            rows.remove(row)
            self._draw_rows()
            return
        index = next(i for i, item in enumerate(workbook.plan) if item is row.activity)
        self.session.remember("undo_remove_activity", title=row.activity.activity)
        removed = remove_activity(workbook, row.activity.activity_id)
        if not self._save(""):
            workbook.plan.insert(index, removed)
            self.session.forget()
            row.reset_remove()
            return
        rows.remove(row)
        self._draw_rows()
        self._update_summary()

    def _save(self, note: str) -> bool:
        if not save_files(self.session, self.status, self.language, PLAN):
            return False
        self._drawn_version = self.session.version  # our own save: the screen still matches
        self.status.saved(note)
        return True
