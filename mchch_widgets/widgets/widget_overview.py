"""The first screen: who this workbook is, and the consensus scores of every round."""

from __future__ import annotations

import threading
from html import escape

import ipywidgets as widgets

from ..session import Session
from ..text import t
from .style import text_block


def place_of(profile, language: str) -> str:
    parts = [
        f"ต.{profile.subdistrict}" if profile.subdistrict and language == "th" else profile.subdistrict,
        f"อ.{profile.district}" if profile.district and language == "th" else profile.district,
        f"จ.{profile.province}" if profile.province and language == "th" else profile.province,
    ]
    return " ".join(p for p in parts if p) or t("no_place", language)


class OverviewScreen(widgets.VBox):
    """Facts about the workbook and its chart.

    The chart is drawn on a background thread: importing matplotlib and drawing take
    about half a second, which then overlaps the browser loading the page instead of
    delaying it.
    """

    def __init__(self, session: Session, language: str = "th") -> None:
        super().__init__()
        self.session = session
        self.language = language
        self._drawing: threading.Thread | None = None
        self.facts = text_block("", "mchch-facts")
        # hidden until drawn: an empty image shows the browser's broken-picture sign meanwhile
        self.chart = widgets.Image(format="png", layout=widgets.Layout(width="100%", height="auto",
                                                                       visibility="hidden"))
        self.chart.add_class("mchch-chart")
        self.children = [self.facts, self.chart]
        self._drawn_version = -1
        self.refresh()

    def refresh(self) -> None:
        """Redraw when the workbook changed since the last drawing."""
        if self._drawn_version == self.session.version:
            return
        workbook = self.session.workbook
        facts = t(
            "overview_facts", self.language,
            target=t(f"target_{workbook.profile.target_type}", self.language),
            place=place_of(workbook.profile, self.language),
            indicators=len(workbook.selected_indicators()),
            rounds=len(workbook.rounds),
        )
        self.facts.value = escape(facts)
        self._drawn_version = self.session.version
        self._drawing = threading.Thread(
            target=self._draw_chart, args=(workbook, self.session.version), daemon=True
        )
        self._drawing.start()

    def _draw_chart(self, workbook, version: int) -> None:
        from .. import charts  # here, not at the top: matplotlib loads off the page's critical path

        png = charts.figure_png(charts.consensus_chart(workbook, lang=self.language))
        if version == self._drawn_version:  # a later drawing was asked for: this one is out of date
            self.chart.value = png
            self.chart.layout.visibility = "visible"

    def wait_for_chart(self, timeout: float = 30) -> None:
        """Block until the chart drawn last is on screen (for scripts and tests)."""
        if self._drawing is not None:
            self._drawing.join(timeout)
