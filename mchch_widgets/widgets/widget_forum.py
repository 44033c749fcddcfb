"""Step 2, the indicator forum (เวทีกำหนดตัวชี้วัด), in the order a workshop runs it.

a. propose and vote, b. select and order, c. words for each level and a target.
The gentle checks stay on top whichever part is open: they advise, never block.
"""

from __future__ import annotations

import ipywidgets as widgets

from ..session import Session
from ..text import t
from .style import text_block
from .widget_forum_checks import ForumChecks
from .widget_ladder import LadderEditor
from .widget_proposals import ProposalsBoard
from .widget_save_status import SaveStatus
from .widget_selection import SelectionBoard

PHASES = (("phase_propose", "propose"), ("phase_select", "select"), ("phase_ladder", "ladder"))


class ForumStep(widgets.VBox):
    def __init__(self, session: Session, status: SaveStatus, language: str = "th") -> None:
        super().__init__(layout=widgets.Layout(width="100%"))
        self.session = session
        self.status = status
        self.language = language
        self.phase = widgets.ToggleButtons(options=[(t(key, language), name) for key, name in PHASES],
                                           value=self._first_phase(), style={"button_width": "auto"})
        self.phase.add_class("mchch-phases")
        self.checks = ForumChecks(session, language)
        self.parts: dict[str, widgets.Widget] = {}  # built when first opened
        self.area = widgets.Box(layout=widgets.Layout(width="100%"))
        self.phase.observe(lambda _c: self.refresh(), "value")
        self._seen_version = session.version
        session.on_change(self._on_saved)
        self.children = [
            text_block(t("step2_heading", language), "mchch-heading"),
            text_block(t("step2_help", language), "mchch-help"),
            self.phase, self.checks, self.area,
        ]
        self.refresh()

    def _first_phase(self) -> str:
        """A forum with a selected set opens on its ladders; otherwise on the proposals."""
        return "ladder" if self.session.workbook.selected_indicators() else "propose"

    def part(self, name: str) -> widgets.Widget:
        if name not in self.parts:
            if name == "propose":
                self.parts[name] = ProposalsBoard(self.session, self.status, self.language)
            elif name == "select":
                self.parts[name] = SelectionBoard(self.session, self.status, self.language)
            else:
                self.parts[name] = LadderEditor(self.session, self.status, self.language)
        return self.parts[name]

    def refresh(self) -> None:
        """Show the open part as the workbook now is (another screen or an undo may have changed it)."""
        part = self.part(self.phase.value)
        part.refresh()
        self.area.children = [part]
        self.checks.refresh()

    def _on_saved(self, _files: tuple[str, ...]) -> None:
        self.checks.refresh()

    def close(self) -> None:
        self.session.off_change(self._on_saved)
        for part in self.parts.values():  # parts not on screen are in no box: close them here
            if part not in self.area.children:
                part.close()
        super().close()
