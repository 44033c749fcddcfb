"""Step 6 (สรุปผลการประเมินตนเอง): the summary the group reads together, and takes to the district.

At the top, a few plain sentences in large type (summary.overall_text). Below, a card per
selected indicator: the latest level against the target as big numbers with a word, the
change since the first round (▲/▼/= and words), the plan's counts (overdue in words), and
the latest lessons learnt. The cards scroll inside a list of fixed height, so the
sentences above stay in view. Read-only: the lessons are edited in step 5.
"""

from __future__ import annotations

from datetime import date
from html import escape

import ipywidgets as widgets

from .. import summary
from ..assessment import REFLECTION_FIELDS
from ..session import Session
from ..text import t
from ..thai import shown_digits
from .style import markup_block, text_block
from .widget_save_status import SaveStatus


def _html(text: str) -> str:
    """Text (ours or the user's) for HTML: escaped, line breaks kept."""
    return escape(text).replace("\n", "<br>")


def _unbroken(line: str) -> str:
    """'2 กิจกรรม · เสร็จแล้ว 1 · …' breaks only at the dots: never inside 'กำลังทำ 1'."""
    return " · ".join(f"<span class='mchch-step6-nowrap'>{_html(part)}</span>" for part in line.split(" · "))


class SummaryStep(widgets.VBox):
    """The summary of the session's workbook; redrawn when the workbook changes."""

    def __init__(self, session: Session, status: SaveStatus | None = None, language: str = "th",
                 thai_digits: bool = False, today: date | None = None) -> None:
        super().__init__(layout=widgets.Layout(width="100%"))
        self.add_class("mchch-step6")
        self.session = session
        self.status = status  # nothing is saved here; kept like every step for the app's sake
        self.language = language
        self.digits = thai_digits and language == "th"
        self._today = today
        self._drawn_version: int | None = None
        self.result: summary.WorkbookSummary | None = None
        self.overall = markup_block("", "mchch-step6-overall")
        self.cards = widgets.VBox(layout=widgets.Layout(width="100%"))
        self.cards.add_class("mchch-step6-list")
        top = widgets.HBox([text_block(t("step6_heading", language), "mchch-heading"),
                            text_block(t("step6_edit_hint", language), "mchch-step6-hint")],
                           layout=widgets.Layout(width="100%", align_items="flex-end"))
        top.add_class("mchch-step6-top")
        self.children = [top, self.overall, self.cards]
        self.refresh()

    @property
    def today(self) -> date:
        return self._today or date.today()

    # --- the workbook changed (another screen, an undo, another tab) ---

    def refresh(self, force: bool = False) -> None:
        """Draw again from session.workbook when it changed since the last drawing."""
        if not force and self._drawn_version == self.session.version:
            return
        self._drawn_version = self.session.version
        self.result = summary.summarise_workbook(self.session.workbook, self.today)
        sentences = summary.overall_text(self.result, self.language, self.digits)
        self.overall.value = "".join(f"<p>{_html(s)}</p>" for s in sentences)
        items = self.result.indicators
        if items:
            self.cards.children = [self._card(item, n) for n, item in enumerate(items, start=1)]
        else:
            self.cards.children = [text_block(t("step6_no_cards", self.language), "mchch-note")]

    def reloaded(self) -> None:
        """Another tab saved: the app keeps this screen and asks it to draw from the files."""
        self.refresh()

    # --- one indicator ---

    def _n(self, value: object) -> str:
        return shown_digits(str(value), self.language, self.digits)

    def _card(self, item: summary.IndicatorSummary, number: int) -> widgets.HTML:
        state = {True: "reached", False: "short", None: "unknown"}[item.reached]
        markup = (
            f"<div class='mchch-step6-title'>{_html(self._n(number))}. {_html(item.indicator.title)}</div>"
            f"<div class='mchch-step6-row'>{self._level(item)}{self._change(item)}{self._plan(item)}"
            f"{self._reflection(item)}</div>"
        )
        card = markup_block(markup, "mchch-step6-card")
        card.add_class(f"mchch-step6-{state}")
        card.indicator_id = item.indicator.indicator_id  # for tests and scripts
        return card

    def _column(self, kind: str, label: str, body: str) -> str:
        return (f"<div class='mchch-step6-{kind}'><div class='mchch-step6-label'>{_html(label)}</div>"
                f"{body}</div>")

    def _level(self, item: summary.IndicatorSummary) -> str:
        lang = self.language
        level = item.latest.level if item.latest is not None else None
        big = self._n(level) if level is not None else "–"
        target = self._n(item.target) if item.target is not None else "–"
        mark = "✓ " if item.reached else ""
        where = ""
        if item.latest is not None:
            where = f"<div class='mchch-step6-small'>{_html(t('step6_in_round', lang, label=item.latest.round.label))}</div>"
        body = (f"<div class='mchch-step6-big'>{_html(big)}<span class='mchch-step6-of'> / {_html(target)}</span></div>"
                f"<div class='mchch-step6-word'>{_html(mark + summary.level_text(item, lang, self.digits))}</div>"
                + where)
        return self._column("level", t("step6_col_level", lang), body)

    def _change(self, item: summary.IndicatorSummary) -> str:
        lang = self.language
        body = ""
        if item.change is not None:
            body = (f"<div class='mchch-step6-big'>{_html(self._n(item.first.level))}"
                    f"<span class='mchch-step6-of'> → </span>{_html(self._n(item.latest.level))}</div>")
        body += f"<div class='mchch-step6-word'>{_html(summary.change_text(item, lang, self.digits))}</div>"
        return self._column("change", t("step6_col_change", lang), body)

    def _plan(self, item: summary.IndicatorSummary) -> str:
        body = "".join(
            f"<div class='{'mchch-step6-late' if line.startswith('⚠') else 'mchch-step6-line'}'>{_unbroken(line)}</div>"
            for line in summary.plan_text(item, self.language, self.digits))
        return self._column("plan", t("step6_col_plan", self.language), body)

    def _reflection(self, item: summary.IndicatorSummary) -> str:
        lang = self.language
        if item.reflection is None:
            return self._column("reflection", t("reflect_heading", lang),
                                f"<div class='mchch-step6-line'>{_html(t('step6_no_reflection', lang))}</div>")
        parts = "".join(
            f"<div class='mchch-step6-line'><b>{_html(t(f'reflect_{name}', lang))}:</b> "
            f"{_html(getattr(item.reflection, name) or '–')}</div>"
            for name in REFLECTION_FIELDS)
        return self._column("reflection", t("step6_col_reflection", lang, label=item.reflection_round.label), parts)
