"""Compare rounds (เปรียบเทียบรอบ): the chart the group looks at together, and what changed, in words.

Above, the choices: which chart, which rounds (first and latest at the start), consensus
or the median of individual ratings, projector or paper. Below, the chart with its
downloads, and beside it the plain-Thai summary: improved, slipped, stayed, the biggest
gains and what is furthest from target.

Charts are drawn once per choice and kept (a choice made again shows at once), and while
the group looks at one, the charts one click away are drawn ahead in a worker process
(charts.drawer); all are forgotten when the workbook changes. Saves from another tab or laptop are read in
when the screen is shown and at every choice, the way a save in step 5 reads them in
(Session.reload: the app hears it and keeps this screen).
"""

from __future__ import annotations

from html import escape

import ipywidgets as widgets

from .. import charts, compare
from ..charts import CHART_KINDS, ChartOptions
from ..charts.drawer import ChartDrawer, one_click_away
from ..session import Session
from ..store import WorkbookError
from ..text import t
from .style import markup_block, set_class, text_block
from .widget_chart_view import ChartView
from .widget_round_picker import PRESETS, RoundPicker, preset_rounds
from .widget_save_status import problem_message

DOWNLOAD_DPI = {"projector": 150, "print": 200}  # sharper than the screen's: for slides and paper
NO_DOWNLOADS = "mchch-downloads-off"  # on the chart view while no round is chosen: nothing to download


class CompareScreen(widgets.VBox):
    """The compare screen over a session; `options()` is what is chosen now."""

    def __init__(self, session: Session, language: str = "th", digits: bool = False,
                 draw_ahead: bool = False) -> None:
        super().__init__()
        self.add_class("mchch-compare")
        self.session = session
        self.language = language
        self.digits = digits and language == "th"
        self.drawer = ChartDrawer(ahead=draw_ahead)
        self._choosing = False  # choose() sets several choices: one drawing for all of them
        self._version = session.version
        self._unreadable = ""  # why another tab's save could not be read in, shown above the summary
        lang = language
        self.kind = widgets.ToggleButtons(options=[(t(f"compare_kind_{k}", lang), k) for k in CHART_KINDS],
                                          value=CHART_KINDS[0], style={"button_width": "auto"})
        self.kind.add_class("mchch-compare-kinds")
        self.rounds = RoundPicker(session.workbook, lang, self.digits, level="consensus")
        self.value = widgets.ToggleButtons(
            options=[(t(f"compare_value_{v}", lang), v) for v in charts.VALUES], value="consensus",
            style={"button_width": "auto"})
        self.value.add_class("mchch-compare-value")
        # the quick choices look for rounds with the level shown (first, before redraw hears it)
        self.value.observe(lambda change: setattr(self.rounds, "level", change["new"]), "value")
        self.rounds.catch_up = self._caught_up
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
            control.observe(lambda _c: None if self._choosing else self.redraw(), "value")
        # What the session holds: reading another tab's save in while the app is still building
        # this screen would make it build the screens again. The next choice or visit reads it.
        self._draw()

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

    def choices(self) -> dict[str, object]:
        """What is chosen, as `choose` takes it: kept by the app when it builds the screen again."""
        return {"kind": self.kind.value, "rounds": self.rounds.value, "value": self.value.value,
                "theme": self.theme.value}

    def choose(self, kind: str | None = None, rounds: tuple[str, ...] | None = None, value: str | None = None,
               theme: str | None = None) -> None:
        """Set choices as clicks would, drawing once at the end (scripts, tests, the app rebuilding the screen)."""
        before = self.choices()
        self._choosing = True
        try:
            if kind is not None:
                self.kind.value = kind
            if rounds is not None:
                self.rounds.choose(rounds)
            if value is not None:
                self.value.value = value
            if theme is not None:
                self.theme.value = theme
        finally:
            self._choosing = False
        if self.choices() != before:
            self.redraw()

    # --- drawing ---

    def redraw(self) -> None:
        """Show the chart and the summary for what is chosen now (read in first what another tab saved)."""
        if not self._caught_up():  # else refresh() has drawn everything again
            self._draw()

    def _draw(self) -> None:
        self._forget_if_changed()
        options = self.options()
        workbook = self.session.workbook
        self.chart.file_name = compare.file_name(workbook, t(f"compare_kind_{self.kind.value}", self.language),
                                                 options.rounds, self.language, self.digits)
        set_class(self.chart, NO_DOWNLOADS, not options.rounds)
        # The chart first: it leaves for the page at once, while the rest is worked out here.
        self.chart.show(self._image(self.kind.value, options), t(f"compare_kind_{self.kind.value}", self.language))
        self.drawer.draw_ahead(workbook, self.session.version, self._one_click_away(options))
        lines = compare.summary_lines(compare.summarise(workbook, options.rounds, options.value),
                                      self.language, self.digits)
        if self._unreadable:
            lines.insert(0, compare.Line("note", self._unreadable))
        self.summary.value = summary_markup(lines)

    def _image(self, kind: str, options: ChartOptions) -> bytes:
        return self.drawer.image(self.session.workbook, self.session.version, kind, options)

    def _one_click_away(self, options: ChartOptions) -> list[tuple[str, ChartOptions]]:
        workbook = self.session.workbook
        quick = [preset_rounds(workbook, name, options.value) for name in PRESETS]
        return one_click_away(self.kind.value, options, self.rounds.chips, quick, CHART_KINDS)

    def _file(self, file_format: str) -> bytes:
        """The chart on screen as a file to keep: a sharper PNG, or an SVG. None while no round is chosen."""
        if not self.options().rounds:  # an empty chart: the page says why instead of saving it
            raise ValueError(t("compare_download_no_rounds", self.language))
        figure = charts.draw(self.session.workbook, self.kind.value, self.options())
        if file_format == "svg":
            return charts.figure_svg(figure)
        return charts.figure_png(figure, dpi=DOWNLOAD_DPI[self.theme.value])

    def _forget_if_changed(self) -> None:
        if self.session.version != self._version:
            self.drawer.forget()
            self._version = self.session.version

    # --- the workbook changed (another screen, another tab) ---

    def _caught_up(self) -> bool:
        """Read the files in again when another tab or laptop saved since this session last read
        or wrote them, and draw it all; True when it did."""
        self._unreadable = ""
        if not self.session.changed_elsewhere():
            return False
        try:
            self.session.reload()  # as a save would: the app hears it and calls reloaded()
        except WorkbookError as error:  # broken by a hand edit: keep showing what was read before
            self._unreadable = t("compare_reload_failed", self.language,
                                 detail=problem_message(error, self.language))
            return False
        self.refresh()
        return True

    def refresh(self) -> None:
        """Shown again: new rounds or scores since last time, here or in another tab, are drawn."""
        if self._caught_up() or self.session.version == self._version:
            return
        self.rounds.set_workbook(self.session.workbook)  # redraws through its value, or below
        self._draw()

    def reloaded(self) -> None:
        self.refresh()

    def close(self) -> None:
        """Gone from the page: the worker stops drawing ahead for it."""
        self.drawer.forget()
        super().close()


def summary_markup(lines: list[compare.Line]) -> str:
    """The summary as HTML: each point a line in big type, the indicators it names listed under it."""
    parts = []
    for line in lines:
        items = "".join(f"<li>{escape(item)}</li>" for item in line.items)
        parts.append(f"<div class='mchch-summary-{line.kind}'>{escape(line.text)}</div>"
                     + (f"<ul class='mchch-summary-items'>{items}</ul>" if items else ""))
    return "".join(parts)
