"""The workshop app: header (name, saved badge, language), the steps as navigation, one screen.

Only finished steps appear in the navigation: a facilitator never meets a fake screen.
Switching the language rebuilds the screens; everything confirmed is already on disk.
"""

from __future__ import annotations

from html import escape

import ipywidgets as widgets

from ..session import Session
from ..settings import AppSettings
from ..store import WorkbookError
from ..text import t
from .closing import close_tree
from .style import markup_block, style_widget, text_block
from .widget_assessment import AssessmentStep
from .widget_compare import CompareScreen
from .widget_forum import ForumStep
from .widget_overview import OverviewScreen
from .widget_plan import PlanStep
from .widget_profile import ProfileStep
from .widget_save_status import SaveStatus
from .widget_submit import SubmitStep
from .widget_summary import SummaryStep
from .widget_undo import UndoButton

SCREENS = (
    ("nav_overview", "overview"), ("nav_step1", "profile"), ("nav_step2", "forum"), ("nav_step3", "plan"),
    ("nav_step5", "assess"), ("nav_compare", "compare"), ("nav_step6", "summary"), ("nav_step7", "submit"),
)


class WorkshopApp(widgets.VBox):
    def __init__(self, settings: AppSettings | None = None) -> None:
        super().__init__()
        self.add_class("mchch")
        self.settings = settings or AppSettings.from_environment()
        self.folder = self.settings.workbook_folder()
        self.language = widgets.ToggleButtons(
            options=[("ไทย", "th"), ("English", "en")], value=self.settings.language,
            style={"button_width": "110px"},
        )
        self.language.add_class("mchch-language")
        self.status = SaveStatus(language=self.settings.language)
        self.nav = widgets.ToggleButtons(style={"button_width": "auto"})
        self.nav.add_class("mchch-nav")
        self.title = text_block("", "mchch-title")
        self.screen_area = widgets.Box(layout=widgets.Layout(width="100%"))
        self.screens: dict[str, widgets.Widget] = {}  # built when first opened
        self._compare_choices: dict[str, object] = {}
        self.style = style_widget()  # carries the font: sent to the page once
        try:
            self.session: Session | None = Session(self.folder)
        except WorkbookError as error:
            self.session = None
            self._show_problems(error)
            return
        self.session.on_change(self._on_saved)
        self.session.on_reload(self._reloaded)
        self.undo = UndoButton(self.session, self.status, self.settings.language, on_undone=self._show_screen)
        self.language.observe(lambda _c: self._build(), "value")
        self._relabelling = False
        self.nav.observe(lambda _c: None if self._relabelling else self._show_screen(), "value")
        self._build()

    @property
    def lang(self) -> str:
        return self.language.value

    def _build(self) -> None:
        lang = self.lang
        self.status.language = lang
        self.undo.language = lang
        self.undo.update()
        for name, old_screen in list(self.screens.items()):
            self._close_screen(name, old_screen)  # built in the other language
        self.screens = {}
        current = self.nav.value or "overview"
        self._relabelling = True  # new labels, same screen: it is built once, below
        self.nav.options = [(t(key, lang), name) for key, name in SCREENS]
        self.nav.value = current
        self._relabelling = False
        self._update_title()
        if not self.children:
            self.children = [self.style, self._header(), self.screen_area]
        self._show_screen()

    def _reloaded(self) -> None:
        """Another tab saved: every screen is drawn again from the files.

        The screen on show stays where it is if it can redraw itself (`reloaded`), so
        someone scoring is not thrown back to the start when another tab scores too.
        """
        current = self.screens.get(self.nav.value)
        if current is None or not hasattr(current, "reloaded"):
            self._build()
            return
        for name, screen in list(self.screens.items()):
            if screen is not current:
                self._close_screen(name, screen)
                del self.screens[name]
        self._update_title()
        self.undo.update()
        current.reloaded()

    def _close_screen(self, name: str, screen: widgets.Widget) -> None:
        """Gone from the page and from the session's listeners; the compare choices are kept for the next one."""
        if name == "compare":
            self._compare_choices = screen.choices()
        close_tree(screen)

    def _header(self) -> widgets.Widget:
        """Built once: a language switch relabels what is in it."""
        # Eight steps fill the width: the saving badge and undo sit beside the name instead.
        header = widgets.VBox([
            widgets.HBox(
                [self.title, widgets.HBox([self.undo, self.status], layout=widgets.Layout(align_items="center")),
                 self.language],
                layout=widgets.Layout(justify_content="space-between", align_items="flex-start", width="100%"),
            ),
            self.nav,
        ])
        header.add_class("mchch-header")
        return header

    def _update_title(self) -> None:
        name = self.session.workbook.profile.name
        self.title.value = (
            f"<div class='mchch-name'>{escape(name)}</div><div class='mchch-subtitle'>{escape(t('app_title', self.lang))} · "
            f"{escape(t('app_subtitle', self.lang))}</div>"
        )

    def screen(self, name: str) -> widgets.Widget:
        """The screen called `name`, built on first use in the current language."""
        if name not in self.screens:
            self.screens[name] = self._make_screen(name)
            self._fresh = name
        return self.screens[name]

    def _make_screen(self, name: str) -> widgets.Widget:
        if name == "overview":
            return OverviewScreen(self.session, self.lang)
        if name == "forum":
            return ForumStep(self.session, self.status, self.lang)
        if name == "plan":
            return PlanStep(self.session, self.status, self.lang, self.settings.thai_digits)
        if name == "assess":
            return AssessmentStep(self.session, self.status, self.lang, self.settings.thai_digits)
        if name == "summary":
            return SummaryStep(self.session, self.status, self.lang, self.settings.thai_digits)
        if name == "submit":
            return SubmitStep(self.session, self.status, self.lang, self.settings.thai_digits)
        if name == "compare":
            screen = CompareScreen(self.session, self.lang, self.settings.thai_digits, self.settings.draw_ahead)
            if self._compare_choices:  # the same chart and rounds after a language switch or another tab's save
                screen.choose(**self._compare_choices)
            return screen
        return ProfileStep(self.session, self.status, self.lang, self.settings.thai_digits)

    def _show_screen(self) -> None:
        if self.nav.value is None:
            return
        self._fresh = None
        screen = self.screen(self.nav.value)
        if self._fresh is None and hasattr(screen, "refresh"):
            screen.refresh()  # another screen (or an undo) may have changed what it shows
        self.screen_area.children = [screen]

    def _on_saved(self, _files: tuple[str, ...]) -> None:
        self._update_title()

    def _show_problems(self, error: WorkbookError) -> None:
        lang = self.settings.language
        items = "".join(
            f"<li>{escape(p.message('th'))}<br><span class='mchch-note'>{escape(p.message('en'))}</span></li>"
            for p in error.problems
        )
        panel = markup_block(
            f"<b>{escape(t('cannot_open', 'th'))}</b><br>{escape(t('cannot_open', 'en'))}"
            f"<p>{escape(t('workbook_folder', lang, path=self.folder))}</p><ul>{items}</ul>",
            "mchch-problems",
        )
        self.children = [self.style, text_block(t("app_title", lang), "mchch-title"), panel]
