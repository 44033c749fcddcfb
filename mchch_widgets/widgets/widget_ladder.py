"""Step 2, the ladder: for each selected indicator, words for every level and a target level.

The rubric is drawn as a ladder the group climbs: the highest level at the top, each
step further right and darker than the one below, the target step marked with a badge
and a coloured border. A level's words are saved when the facilitator leaves its box;
the target is saved at the click of its button.
"""

from __future__ import annotations

from html import escape

import ipywidgets as widgets
from traitlets import Unicode

from .. import forum
from ..colours import ink_on, step_colour
from ..model import Indicator
from ..session import Session
from ..store import INDICATORS
from ..suggestions import generic_ladder, is_generic
from ..text import t
from .quiet import Quiet
from .style import markup_block, set_class, text_block
from .widget_save_status import SaveStatus, change_and_save, formula_note

NO_TARGET = ""  # the target button "not set yet"; a level is an int, so it can never be ""
STAIR_RISE = 120  # px the top step sits right of the bottom one, whatever the number of levels


class LadderStep(widgets.HBox):
    """One level: its number in a coloured box (with the target badge) and its words."""

    def __init__(self, level: int, position: int, count: int, language: str, on_text) -> None:
        self.level = level
        self.language = language
        self.colour = step_colour(position, count)
        indent = round(position * STAIR_RISE / (count - 1)) if count > 1 else 0
        super().__init__(layout=widgets.Layout(
            margin=f"1px 0 1px {indent}px", border_left=f"10px solid {self.colour}", align_items="center",
        ))
        self.add_class("mchch-ladder-step")
        self.number = widgets.HTML(layout=widgets.Layout(flex="0 0 160px", width="160px"))
        self.text = widgets.Textarea(
            rows=2, continuous_update=False,
            placeholder=t("ladder_level_placeholder", language, level=level),
            layout=widgets.Layout(flex="1 1 auto", width="auto", min_width="0"),
        )
        self.text.observe(lambda change: on_text(self, change), "value")
        self.children = [self.number, self.text]
        self.mark(is_target=False, generic=False)

    def mark(self, is_target: bool, generic: bool) -> None:
        badge = f"<span class='mchch-ladder-badge'>{escape(t('ladder_target_badge', self.language))}</span>"
        self.number.value = (
            f"<div class='mchch-ladder-level'><span class='mchch-ladder-number' "
            f"style='background:{self.colour};color:{ink_on(self.colour)}'>{self.level}</span>"
            f"{badge if is_target else ''}</div>"
        )
        set_class(self, "mchch-ladder-is-target", is_target)
        set_class(self, "mchch-ladder-generic", generic)


class LadderEditor(Quiet, widgets.VBox):
    indicator_id = Unicode("", help="the selected indicator on screen; empty when none is selected").tag(sync=False)

    def __init__(self, session: Session, status: SaveStatus, language: str = "th") -> None:
        super().__init__(layout=widgets.Layout(width="100%"))
        self.add_class("mchch-ladder")
        self.session = session
        self.status = status
        self.language = language
        self._quiet = False  # set while the widgets are filled from the workbook: nothing to save then
        lang = language
        big = widgets.Layout(width="200px", min_width="200px", height="52px")
        self.previous = widgets.Button(description=t("ladder_previous", lang), layout=big)
        self.next = widgets.Button(description=t("ladder_next", lang), layout=big)
        self.chooser = widgets.Dropdown(layout=widgets.Layout(flex="1 1 auto", width="auto", min_width="0"))
        self.position = markup_block("", "mchch-ladder-position")
        self.title = markup_block("", "mchch-ladder-title")
        self.target = widgets.ToggleButtons(style={"button_width": "auto"})
        self.target.add_class("mchch-ladder-targets")
        self.fill = widgets.Button(description=t("ladder_fill_generic", lang),
                                   layout=widgets.Layout(width="auto", height="48px", flex="0 0 auto"))
        self.note = markup_block("", "mchch-ladder-note")
        self.empty = text_block(t("ladder_none_selected", lang), "mchch-ladder-empty")
        self.steps: list[LadderStep] = []
        self.ladder = widgets.VBox(layout=widgets.Layout(width="100%"))

        self.previous.on_click(lambda _b: self._step_by(-1))
        self.next.on_click(lambda _b: self._step_by(1))
        self.chooser.observe(self._on_chosen, "value")
        self.target.observe(self._on_target, "value")
        self.fill.on_click(lambda _b: self.fill_empty_levels())

        row = widgets.Layout(width="100%", align_items="center")
        nav = widgets.HBox([self.previous, self.chooser, self.next, self.position], layout=row)
        nav.add_class("mchch-ladder-nav")
        target_row = widgets.HBox(
            [markup_block(f"<b>{escape(t('ladder_target', lang))}</b>", "mchch-ladder-target-label"), self.target],
            layout=widgets.Layout(width="100%", align_items="center", flex_flow="row wrap"),
        )
        bottom = widgets.HBox([self.note, self.fill], layout=widgets.Layout(
            width="100%", align_items="center", justify_content="space-between"))
        self._screen = [nav, self.title, target_row, self.ladder, bottom]
        self.refresh()

    # --- what is shown ------------------------------------------------------------------

    def _selected_ids(self) -> list[str]:
        return [i.indicator_id for i in self.session.workbook.selected_indicators()]

    def refresh(self) -> None:
        """Rebuild from the workbook; the indicator on screen stays if it is still selected."""
        selected = self.session.workbook.selected_indicators()
        if not selected:
            self.indicator_id = ""
            self.children = [self.empty]
            return
        levels = list(self.session.workbook.profile.levels)
        if [step.level for step in self.steps] != levels:
            self._build_steps(levels)
        ids = [i.indicator_id for i in selected]
        current = self.indicator_id if self.indicator_id in ids else ids[0]
        with self._quietly():
            self.chooser.options = [
                (t("ladder_option", self.language, number=n, title=i.title), i.indicator_id)
                for n, i in enumerate(selected, start=1)
            ]
        self.children = self._screen
        self._load(current)

    def show(self, indicator_id: str) -> None:
        """Put the selected indicator `indicator_id` on screen; KeyError if it is not selected."""
        if indicator_id not in self._selected_ids():
            raise KeyError(indicator_id)
        if indicator_id not in [value for _label, value in self.chooser.options]:
            self.refresh()  # selected since the last refresh
        self._load(indicator_id)

    def _build_steps(self, levels: list[int]) -> None:
        count = len(levels)
        self.steps = [LadderStep(level, n, count, self.language, self._on_text) for n, level in enumerate(levels)]
        self.ladder.children = list(reversed(self.steps))  # the highest level at the top
        with self._quietly():
            self.target.options = self._target_options()

    def _indicator(self) -> Indicator | None:
        """The indicator on screen; None when it left the workbook (say, an undo took it back)."""
        try:
            return forum.find(self.session.workbook, self.indicator_id)
        except KeyError:
            return None

    def _load(self, indicator_id: str) -> None:
        indicator = forum.find(self.session.workbook, indicator_id)
        ids = self._selected_ids()
        number = ids.index(indicator_id) + 1
        with self._quietly():
            self.indicator_id = indicator_id
            self.chooser.value = indicator_id
            for step in self.steps:
                step.text.value = indicator.levels.get(step.level, "")
            self._show_target(indicator.target)
        details = " · ".join(p for p in (indicator.aspect, indicator.description.replace("\n", " ")) if p)
        self.title.value = (
            f"{escape(indicator.title)}"
            + (f" <span class='mchch-ladder-details'>{escape(details)}</span>" if details else "")
        )
        self.position.value = escape(t("ladder_position", self.language, number=number, count=len(ids)))
        self.previous.disabled = number == 1
        self.next.disabled = number == len(ids)
        self._mark()

    def _show_target(self, target: int | None) -> None:
        """Select the target's button; a target left outside a narrowed scale gets a button of its own."""
        options = self._target_options()
        if target is not None and target not in [step.level for step in self.steps]:
            options.append((f"{target} ⚠", target))
        if tuple(options) != tuple(self.target.options):
            self.target.options = options
        self.target.value = NO_TARGET if target is None else target

    def _target_options(self) -> list[tuple[str, object]]:
        none = (t("ladder_target_none", self.language), NO_TARGET)
        return [none] + [(str(step.level), step.level) for step in self.steps]

    def _mark(self) -> None:
        """Badge the target step, grey the generic words, tell which levels still hold them."""
        indicator = forum.find(self.session.workbook, self.indicator_id)
        generic = [step.level for step in self.steps if is_generic(indicator.levels.get(step.level, "")) and
                   indicator.levels.get(step.level, "").strip()]
        for step in self.steps:
            step.mark(is_target=step.level == indicator.target, generic=step.level in generic)
        levels = ", ".join(str(level) for level in generic)
        self.note.value = escape(t("ladder_generic_note", self.language, levels=levels)) if generic else ""
        self.fill.disabled = not self._empty_levels(indicator)

    def _empty_levels(self, indicator: Indicator) -> list[int]:
        return [step.level for step in self.steps if not indicator.levels.get(step.level, "").strip()]

    # --- choosing the indicator -----------------------------------------------------------

    def _on_chosen(self, change) -> None:
        if not self._quiet and change["new"]:
            self._load(change["new"])

    def _step_by(self, step: int) -> None:
        ids = self._selected_ids()
        if self.indicator_id not in ids:
            return
        position = ids.index(self.indicator_id) + step
        if 0 <= position < len(ids):
            self.show(ids[position])

    # --- saving -------------------------------------------------------------------------

    def _put_back(self, widget: widgets.Widget, value: object) -> None:
        with self._quietly():
            widget.value = value

    def _indicator_or_redraw(self) -> Indicator | None:
        """The indicator to change; None (and the ladder drawn again) when it is gone."""
        if self._quiet or not self.indicator_id:
            return None
        indicator = self._indicator()
        if indicator is None:
            self.refresh()
        return indicator

    def _change(self, change) -> bool:
        return change_and_save(self.session, self.status, self.language, (INDICATORS,), change)

    def _on_text(self, step: LadderStep, change) -> None:
        indicator = self._indicator_or_redraw()
        if indicator is None:
            return
        before = indicator.levels.get(step.level, "")
        if change["new"].strip() == before.strip():
            self._put_back(step.text, before)  # only spaces changed: nothing to save
            return
        if not self._change(lambda: forum.set_level(self.session.workbook, self.indicator_id, step.level,
                                                    change["new"])):
            self._put_back(step.text, before)
            return
        stored = self._indicator().levels[step.level]
        if note := formula_note(self.language, stored):
            self.status.saved(note)
        if step.text.value != stored:
            self._put_back(step.text, stored)  # shown as kept: without surrounding spaces
        self._mark()

    def _on_target(self, change) -> None:
        indicator = self._indicator_or_redraw()
        if indicator is None:
            return
        before = indicator.target
        target = None if change["new"] == NO_TARGET else change["new"]
        if not self._change(lambda: forum.set_target(self.session.workbook, self.indicator_id, target)):
            self._put_back(self.target, NO_TARGET if before is None else before)
            return
        self._mark()

    def fill_empty_levels(self) -> list[int]:
        """Give every empty level of the indicator on screen the generic words; the levels filled."""
        indicator = self._indicator_or_redraw()
        if indicator is None:
            return []
        empty = self._empty_levels(indicator)
        if not empty:
            return []
        ladder = generic_ladder(self.session.workbook.profile.levels, self.language)

        def fill() -> None:
            for level in empty:
                forum.set_level(self.session.workbook, self.indicator_id, level, ladder[level])

        if not self._change(fill):
            return []
        self.status.saved(t("ladder_filled", self.language, count=len(empty)))
        self._load(self.indicator_id)
        return empty
