"""Step 5, assessment rounds: the rounds, and inside a round the three parts of scoring.

ก. each participant scores alone on the laptop (anonymous codes);
ข. the facilitator reveals where people disagree, widest spread first;
ค. the group agrees on a level per indicator, with the reason, and reflects on it.
The consensus part goes through the indicators in the disagreement order, so the room
talks first about where it disagrees. A closed round opens read-only.
"""

from __future__ import annotations

from datetime import date
from html import escape

import ipywidgets as widgets

from .. import scoring
from ..session import Session
from ..text import t
from ..thai import format_date
from .closing import close_tree
from .style import markup_block, text_block
from .widget_consensus import ConsensusScoring
from .widget_disagreement import DisagreementList
from .widget_external import SelfVsExternal
from .widget_individual import IndividualScoring
from .widget_round_closer import RoundCloser
from .widget_rounds import RoundsList
from .widget_save_status import SaveStatus

PARTS = (("assess_part_rounds", "rounds"), ("assess_part_external", "external"))
PHASES = (
    ("assess_phase_individual", "individual"),
    ("assess_phase_disagreement", "disagreement"),
    ("assess_phase_consensus", "consensus"),
)


def first_phase(session: Session, round_id: str) -> str:
    """Where a round opens: what is left to do in it (a closed round opens on its results)."""
    found = session.workbook.round(round_id)
    progress = scoring.round_progress(session.workbook).set_index("round_id").loc[round_id]
    if found.closed or progress["complete"]:
        return "consensus"
    if progress["n_rated"] == 0 and progress["n_decided"] == 0:
        return "individual"
    return "disagreement"


def discussion_order(session: Session, round_id: str) -> list[str]:
    """Widest disagreement first, then the indicators nobody rated alone, in workbook order."""
    disputed = list(scoring.disagreement(session.workbook, round_id).index)
    rest = [i.indicator_id for i in session.workbook.selected_indicators() if i.indicator_id not in disputed]
    return disputed + rest


class RoundView(widgets.VBox):
    """One round: its header (back, name, date, close/reopen) and the three parts of scoring."""

    def __init__(self, session: Session, status: SaveStatus, language: str, round_id: str,
                 digits: bool, on_back) -> None:
        super().__init__(layout=widgets.Layout(width="100%"))
        self.add_class("mchch-assess-round")
        self.session, self.status, self.language, self.round_id, self.digits = session, status, language, round_id, digits
        self.on_back = on_back
        back = widgets.Button(description=t("assess_back", language),
                              layout=widgets.Layout(width="auto", flex="0 0 auto"))
        back.add_class("mchch-assess-back")
        back.on_click(lambda _b: on_back())
        self.facts = markup_block("", "mchch-assess-round-facts")
        self.closer = RoundCloser(session, status, language, round_id, on_change=self._closed_or_opened, digits=digits)
        self.phases = widgets.ToggleButtons(
            options=[(t(key, language), name) for key, name in PHASES], style={"button_width": "auto"},
        )
        self.phases.add_class("mchch-phases")
        self.individual = IndividualScoring(session, status, language, round_id, digits=digits,
                                            on_reveal=lambda: self.show_phase("disagreement"))
        self.disagreement = DisagreementList(session, language, round_id, on_discuss=self.discuss, digits=digits)
        self.consensus = ConsensusScoring(session, status, language, round_id, digits=digits)
        self.area = widgets.Box(layout=widgets.Layout(width="100%"))
        header = widgets.HBox([back, self.facts, self.closer],
                              layout=widgets.Layout(align_items="center", width="100%"))
        header.add_class("mchch-assess-round-header")
        self.children = [header, self.phases, self.area]
        self._draw_facts()
        session.on_change(self._saved)  # the header's progress follows every score
        self.phases.value = first_phase(session, round_id)
        self.phases.observe(lambda _c: self._show(), "value")
        self._show()

    def _draw_facts(self) -> None:
        found = self.session.workbook.round(self.round_id)
        when = format_date(found.held_on, self.language, digits=self.digits)
        who = t(f"assessor_{found.assessor}", self.language)
        lock = f" · {escape(t('assess_closed_tag', self.language))}" if found.closed else ""
        self.facts.value = (f"<span class='mchch-assess-round-name'>{escape(found.label)}</span> "
                            f"<span class='mchch-assess-round-when'>{escape(when)} · {escape(who)}{lock}</span>")

    def show_phase(self, name: str) -> None:
        self.phases.value = name

    def discuss(self, indicator_id: str) -> None:
        """From the disagreement list straight to agreeing on that indicator."""
        self.consensus.set_order(discussion_order(self.session, self.round_id))
        self.consensus.show(indicator_id)
        self.phases.value = "consensus"

    @property
    def parts(self) -> dict[str, widgets.Widget]:
        return {"individual": self.individual, "disagreement": self.disagreement, "consensus": self.consensus}

    def _show(self) -> None:
        name = self.phases.value
        if name == "disagreement":
            self.disagreement.refresh()
        elif name == "consensus":
            self.consensus.set_order(discussion_order(self.session, self.round_id))
            self.consensus.refresh()
        elif name == "individual":
            self.individual.refresh()
        self.individual.listening = name == "individual"  # only the ladder on screen hears keys 1–5
        self.consensus.listening = name == "consensus"
        self.area.children = [self.parts[name]]

    def _closed_or_opened(self) -> None:
        if self.session.workbook.round(self.round_id) is None:
            self.on_back()  # removed: back to the list of rounds
            return
        self.refresh()

    def _saved(self, _files: tuple[str, ...]) -> None:
        if self.session.workbook.round(self.round_id) is not None:
            self.closer.refresh()

    def close(self) -> None:
        self.session.off_change(self._saved)
        for part in self.parts.values():  # the parts not on screen too
            close_tree(part)
        super().close()

    def refresh(self) -> None:
        """Draw again from the workbook (a save here or in another tab)."""
        self._draw_facts()
        self.closer.refresh()
        for part in self.parts.values():
            part.refresh()
        self._show()


class AssessmentStep(widgets.VBox):
    """Step 5: the list of rounds (and self vs external); opening a round shows its scoring."""

    def __init__(self, session: Session, status: SaveStatus, language: str, digits: bool = True,
                 today: date | None = None) -> None:
        super().__init__(layout=widgets.Layout(width="100%"))
        self.add_class("mchch-assess")
        self.session, self.status, self.language, self.digits = session, status, language, digits
        self.today = today or date.today()
        self.heading = text_block(t("step5_heading", language), "mchch-heading")
        self.help = text_block(t("step5_help", language), "mchch-help")
        self.parts = widgets.ToggleButtons(options=[(t(key, language), name) for key, name in PARTS],
                                           style={"button_width": "auto"})
        self.parts.add_class("mchch-phases")
        self.rounds = RoundsList(session, status, language, self.today, on_open=self.open_round, digits=digits)
        self.external = SelfVsExternal(session, language, digits=digits)
        self.round_view: RoundView | None = None
        self.parts.observe(lambda _c: self._show_list(), "value")
        self._show_list()

    def _show_list(self) -> None:
        self._close_round_view()
        part = self.rounds if self.parts.value == "rounds" else self.external
        part.refresh()
        self.children = [self.heading, self.help, self.parts, part]

    def open_round(self, round_id: str) -> None:
        self._close_round_view()
        self.round_view = RoundView(self.session, self.status, self.language, round_id, self.digits,
                                    on_back=self._show_list)
        self.children = [self.round_view]

    def _close_round_view(self) -> None:
        if self.round_view is not None:
            close_tree(self.round_view)
            self.round_view = None

    def refresh(self) -> None:
        if self.round_view is not None:
            self.round_view.refresh()
        else:
            self._show_list()

    def reloaded(self) -> None:
        """Another tab saved: draw from the files again, staying where the facilitator is."""
        if self.round_view is not None and self.session.workbook.round(self.round_view.round_id) is None:
            self._show_list()
            return
        self.refresh()
