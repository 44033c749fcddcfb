"""The first screen: who this workbook is, and the consensus scores of every round."""

from __future__ import annotations

from html import escape

import ipywidgets as widgets

from .. import charts
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
    def __init__(self, session: Session, language: str = "th") -> None:
        super().__init__()
        self.session = session
        self.language = language
        self.facts = text_block("", "mchch-facts")
        self.chart = widgets.Image(format="png", layout=widgets.Layout(width="100%", height="auto"))
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
        figure = charts.consensus_chart(workbook, lang=self.language)
        self.chart.value = charts.figure_png(figure)
        self._drawn_version = self.session.version
