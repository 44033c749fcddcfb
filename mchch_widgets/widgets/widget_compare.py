"""Compare rounds (เปรียบเทียบรอบ): the chart the group looks at together, and what changed, in words.

Above, the choices: which chart, which rounds (first and latest at the start), consensus
or the median of individual ratings, projector or paper. Below, the chart with its
downloads, and beside it the plain-Thai summary: improved, slipped, stayed, the biggest
gains and what is furthest from target.

Charts are drawn once per choice and kept (a choice made again shows at once); the
cache is forgotten when the workbook changes.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from html import escape

import ipywidgets as widgets

from .. import charts, compare
from ..charts import CHART_KINDS, ChartOptions
from ..session import Session
from ..text import t
from .style import markup_block, text_block
from .widget_chart_view import ChartView
from .widget_round_picker import RoundPicker

CACHE_SIZE = 48  # charts kept: every kind for a few round choices, about 5 MB
DOWNLOAD_DPI = {"projector": 150, "print": 200}  # sharper than the screen's: for slides and paper
UNSAFE_IN_FILE_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


class CompareScreen(widgets.VBox):
    """The compare screen over a session; `options()` is what is chosen now."""

    def __init__(self, session: Session, language: str = "th", digits: bool = False) -> None:
        super().__init__()
        self.add_class("mchch-compare")
        self.session = session
        self.language = language
        self.digits = digits and language == "th"
        self._cache: OrderedDict[tuple, bytes] = OrderedDict()
        self._version = session.version
        lang = language
        self.kind = widgets.ToggleButtons(options=[(t(f"compare_kind_{k}", lang), k) for k in CHART_KINDS],
                                          value=CHART_KINDS[0], style={"button_width": "auto"})
        self.kind.add_class("mchch-compare-kinds")
        self.rounds = RoundPicker(session.workbook, lang, self.digits)
        self.value = widgets.ToggleButtons(
            options=[(t(f"compare_value_{v}", lang), v) for v in charts.VALUES], value="consensus",
            style={"button_width": "auto"})
        self.value.add_class("mchch-compare-value")
        self.theme = widgets.ToggleButtons(
            options=[(t(f"compare_theme_{name}", lang), name) for name in charts.THEMES], value="projector",
            style={"button_width": "auto"})
        self.theme.add_class("mchch-compare-theme")
        self.chart = ChartView(self._file, labels={
            "png": t("compare_download_png", lang), "svg": t("compare_download_svg", lang),
            "busy": t("compare_download_busy", lang), "failed": t("compare_download_failed", lang)})
        self.summary = markup_block("", "mchch-compare-summary")
        size = widgets.HBox([text_block(t("compare_theme", lang), "mchch-compare-label"), self.theme],
                            layout=widgets.Layout(align_items="center"))
        chart_column = widgets.VBox([self.chart, size], layout=widgets.Layout(flex="1 1 auto", min_width="0"))
        self.summary.layout = widgets.Layout(flex="0 0 340px", width="340px", margin="0 0 0 12px")
        self.children = [self._choices(), widgets.HBox(
            [chart_column, self.summary], layout=widgets.Layout(width="100%", align_items="flex-start"))]
        for control in (self.kind, self.value, self.theme, self.rounds):
            control.observe(lambda _c: self.redraw(), "value")
        self.redraw()

    def _choices(self) -> widgets.Widget:
        """Two rows: which chart and which level; which rounds. The chart starts high on the screen."""
        top = widgets.HBox([self.kind, self.value],
                           layout=widgets.Layout(width="100%", justify_content="space-between", align_items="center"))
        box = widgets.VBox([top, self.rounds])
        box.add_class("mchch-compare-choices")
        return box

    # --- what is chosen ---

    def options(self) -> ChartOptions:
        return ChartOptions(rounds=self.rounds.value, value=self.value.value, lang=self.language,
                            theme=self.theme.value, digits=self.digits)

    def choose(self, kind: str | None = None, rounds: tuple[str, ...] | None = None, value: str | None = None,
               theme: str | None = None) -> None:
        """Set choices as a click would (for scripts and tests)."""
        if kind is not None:
            self.kind.value = kind
        if rounds is not None:
            self.rounds.choose(rounds)
        if value is not None:
            self.value.value = value
        if theme is not None:
            self.theme.value = theme

    # --- drawing ---

    def redraw(self) -> None:
        """Show the chart and the summary for what is chosen now."""
        self._forget_if_changed()
        options = self.options()
        workbook = self.session.workbook
        self.chart.file_name = self._file_name(options)
        self.chart.show(self._png(self.kind.value, options), t(f"compare_kind_{self.kind.value}", self.language))
        lines = compare.summary_lines(compare.summarise(workbook, options.rounds, options.value),
                                      self.language, self.digits)
        self.summary.value = summary_markup(lines)

    def _png(self, kind: str, options: ChartOptions) -> bytes:
        key = (kind, options)
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        png = charts.figure_png(charts.draw(self.session.workbook, kind, options))
        self._cache[key] = png
        if len(self._cache) > CACHE_SIZE:
            self._cache.popitem(last=False)
        return png

    def _file(self, file_format: str) -> bytes:
        """The chart on screen as a file to keep: a sharper PNG, or an SVG."""
        figure = charts.draw(self.session.workbook, self.kind.value, self.options())
        if file_format == "svg":
            return charts.figure_svg(figure)
        return charts.figure_png(figure, dpi=DOWNLOAD_DPI[self.theme.value])

    def _file_name(self, options: ChartOptions) -> str:
        """'กลุ่มผ้ามัดย้อม - ความก้าวหน้า - รอบที่ ๑, รอบที่ ๔': who, which chart, which rounds."""
        workbook = self.session.workbook
        labels = [r.label for r in workbook.rounds_in_order() if r.round_id in (options.rounds or ())]
        parts = [workbook.profile.name, t(f"compare_kind_{self.kind.value}", self.language), ", ".join(labels)]
        name = " - ".join(p for p in parts if p)
        return " ".join(UNSAFE_IN_FILE_NAMES.sub(" ", name).split())[:120] or "chart"

    def _forget_if_changed(self) -> None:
        if self.session.version != self._version:
            self._cache.clear()
            self._version = self.session.version

    # --- the workbook changed (another screen, another tab) ---

    def refresh(self) -> None:
        """Shown again: new rounds or scores since last time are drawn."""
        if self.session.version == self._version:
            return
        self.rounds.set_workbook(self.session.workbook)  # redraws through its value, or below
        self.redraw()

    def reloaded(self) -> None:
        self.refresh()


def summary_markup(lines: list[compare.Line]) -> str:
    """The summary as HTML: each point a line in big type, the indicators it names listed under it."""
    parts = []
    for line in lines:
        items = "".join(f"<li>{escape(item)}</li>" for item in line.items)
        parts.append(f"<div class='mchch-summary-{line.kind}'>{escape(line.text)}</div>"
                     + (f"<ul class='mchch-summary-items'>{items}</ul>" if items else ""))
    return "".join(parts)
