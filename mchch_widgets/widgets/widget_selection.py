"""Step 2b: the group settles on its indicators and puts them in order.

Proposals (most votes first) on the left, the selected set on the right with ▲/▼ to
reorder. When the group is done, the rest can be dropped in one go; dropped ones stay
in indicators.csv for the record and can be brought back.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

import ipywidgets as widgets

from .. import forum
from ..model import Indicator
from ..session import Session
from ..store import INDICATORS
from ..text import t
from .style import markup_block, text_block
from .widget_confirm_button import ConfirmButton
from .widget_save_status import SaveStatus, change_and_save


def _button(label: str, width: str = "auto", style: str = "") -> widgets.Button:
    return widgets.Button(description=label, button_style=style,
                          layout=widgets.Layout(width=width, min_width="56px", height="50px"))


class SelectionBoard(widgets.VBox):
    def __init__(self, session: Session, status: SaveStatus, language: str = "th") -> None:
        super().__init__(layout=widgets.Layout(width="100%"))
        self.session = session
        self.status = status
        self.language = language
        self.proposed = widgets.VBox(layout=widgets.Layout(width="50%", padding="0 12px 0 0"))
        self.chosen = widgets.VBox(layout=widgets.Layout(width="50%"))
        self.drop_rest = ConfirmButton("", "", self._drop_rest, style="warning",
                                       layout=widgets.Layout(width="auto", min_width="56px", height="50px"))
        self.show_dropped = widgets.ToggleButton(layout=widgets.Layout(width="auto", height="50px"))
        self.show_dropped.observe(lambda _c: self.refresh(), "value")
        self.dropped = widgets.VBox(layout=widgets.Layout(width="100%"))
        self.children = [
            widgets.HBox([self.proposed, self.chosen], layout=widgets.Layout(width="100%", align_items="flex-start")),
            widgets.HBox([self.drop_rest, self.show_dropped], layout=widgets.Layout(margin="12px 0 0 0")),
            self.dropped,
        ]
        self.refresh()

    # --- drawing ---

    def refresh(self) -> None:
        lang = self.language
        workbook = self.session.workbook
        waiting = [i for i in forum.by_votes(workbook) if i.status == "proposed"]
        selected = workbook.selected_indicators()
        self.proposed.children = [
            text_block(t("select_proposals", lang), "mchch-subheading"),
            *[self._proposed_row(i) for i in waiting],
            *([] if waiting else [text_block(t("select_all_chosen", lang), "mchch-note")]),
        ]
        self.chosen.children = [
            text_block(t("select_chosen", lang, count=len(selected)), "mchch-subheading"),
            *[self._chosen_row(n, i, len(selected)) for n, i in enumerate(selected, start=1)],
            *([] if selected else [text_block(t("select_none", lang), "mchch-note")]),
        ]
        self._reset_drop_rest(len(waiting))
        gone = forum.dropped(workbook)
        self.show_dropped.description = t("select_dropped", lang, count=len(gone))
        self.show_dropped.layout.display = "" if gone else "none"
        self.dropped.children = [self._dropped_row(i) for i in gone] if self.show_dropped.value else []

    def _words(self, indicator: Indicator, extra: str = "") -> widgets.HTML:
        aspect = f"<span class='mchch-tag'>{escape(indicator.aspect)}</span> " if indicator.aspect else ""
        block = markup_block(
            f"<div class='mchch-proposal-title'>{escape(indicator.title)}</div>{aspect}{extra}", "mchch-select-words")
        block.layout = widgets.Layout(flex="1 1 0", min_width="0")
        return block

    def _line(self, *items: widgets.Widget) -> widgets.HBox:
        line = widgets.HBox(list(items), layout=widgets.Layout(width="100%", align_items="center"))
        line.add_class("mchch-select-row")
        return line

    def _proposed_row(self, indicator: Indicator) -> widgets.Widget:
        votes = f"<span class='mchch-note'>{escape(t('votes_count', self.language, count=indicator.votes))}</span>"
        add = _button(t("select_add", self.language), "150px", "primary")
        add.on_click(lambda _b: self.select(indicator.indicator_id))
        return self._line(self._words(indicator, votes), add)

    def _chosen_row(self, number: int, indicator: Indicator, count: int) -> widgets.Widget:
        up, down = _button(t("select_up", self.language), "56px"), _button(t("select_down", self.language), "56px")
        up.disabled, down.disabled = number == 1, number == count
        remove = _button(t("select_remove", self.language), "auto")
        up.on_click(lambda _b: self.move(indicator.indicator_id, -1))
        down.on_click(lambda _b: self.move(indicator.indicator_id, +1))
        remove.on_click(lambda _b: self.unselect(indicator.indicator_id))
        number_box = markup_block(f"<span class='mchch-number'>{number}</span>", "mchch-number-box")
        return self._line(number_box, self._words(indicator), up, down, remove)

    def _dropped_row(self, indicator: Indicator) -> widgets.Widget:
        merged_into = indicator.extra.get(forum.MERGED_INTO, "")
        extra = ""
        if merged_into:
            titles = {i.indicator_id: i.title for i in self.session.workbook.indicators}
            extra = (f"<span class='mchch-note'>"
                     f"{escape(t('select_merged_into', self.language, title=titles.get(merged_into, merged_into)))}"
                     f"</span>")
        back = _button(t("select_restore", self.language), "auto")
        back.on_click(lambda _b: self.restore(indicator.indicator_id))
        row = self._line(self._words(indicator, extra), back)
        row.add_class("mchch-dropped")
        return row

    # --- actions ---

    def _change(self, change: Callable[[], object], undo: tuple[str, dict] | None = None) -> bool:
        done = change_and_save(self.session, self.status, self.language, (INDICATORS,), change, undo=undo)
        self.refresh()
        return done

    def select(self, indicator_id: str) -> None:
        self._change(lambda: forum.select(self.session.workbook, indicator_id, self.language))

    def unselect(self, indicator_id: str) -> None:
        self._change(lambda: forum.unselect(self.session.workbook, indicator_id))

    def move(self, indicator_id: str, step: int) -> None:
        self._change(lambda: forum.move(self.session.workbook, indicator_id, step))

    def restore(self, indicator_id: str) -> None:
        self._change(lambda: forum.restore(self.session.workbook, indicator_id))

    def _reset_drop_rest(self, count: int) -> None:
        self.drop_rest.relabel(t("select_drop_rest", self.language, count=count),
                               t("select_drop_rest_confirm", self.language, count=count))
        self.drop_rest.layout.display = "" if count else "none"

    def _drop_rest(self) -> None:
        """End of the forum: the rest are dropped for the record (two clicks, and undo)."""
        count = sum(i.status == "proposed" for i in self.session.workbook.indicators)
        self._change(lambda: forum.drop_unselected(self.session.workbook),
                     undo=("undo_drop_rest", {"count": count}))
