"""Self vs external (รู้เขารู้เรา): the group's own scores beside the outsiders', indicator by indicator.

One compact table, so all ten indicators fit the projector: where the two are a level or
more apart the row is tinted AND says so with ▼/▲ and words, and a line above counts them.
A side with no consensus shows the median of the individual ratings, marked with *.
"""

from __future__ import annotations

from html import escape

import ipywidgets as widgets
import pandas as pd

from .. import scoring
from ..model import Round
from ..session import Session
from ..text import t
from ..thai import format_date, thai_digits
from .style import markup_block, text_block


def _number(value: float) -> str:
    """3 or 3.5: a whole level without decimals, a median with one."""
    return str(int(value)) if float(value).is_integer() else f"{value:.1f}"


class SelfVsExternal(widgets.VBox):
    """Choose an external round and a self round; the table compares their scores."""

    def __init__(self, session: Session, language: str, digits: bool = True) -> None:
        super().__init__(layout=widgets.Layout(width="100%"))
        self.add_class("mchch-external")
        self.session = session
        self.language = language
        self.digits = digits and language == "th"
        lang = language
        # External rounds carry long names (the committee's); self rounds are "รอบที่ ๔".
        self.external = widgets.Dropdown(description=t("external_choose_external", lang),
                                         layout=widgets.Layout(flex="3 1 0", width="auto", min_width="0"),
                                         style={"description_width": "auto"})
        self.own = widgets.Dropdown(description=t("external_choose_self", lang),
                                    layout=widgets.Layout(flex="2 1 0", width="auto", min_width="0"),
                                    style={"description_width": "auto"})
        self.pickers = widgets.HBox([self.external, self.own], layout=widgets.Layout(width="100%"))
        self.pickers.add_class("mchch-external-pickers")
        self.summary = text_block("", "mchch-external-summary")
        self.table = markup_block("", "mchch-external-table")
        self.empty = text_block(t("external_empty", lang), "mchch-external-empty")
        self._quiet = False  # True while the dropdowns are filled in, so that only a person's choice redraws
        self.external.observe(self._external_chosen, "value")
        self.own.observe(lambda _c: self._redraw(), "value")
        self.refresh()

    def _shown(self, text: str) -> str:
        return thai_digits(text) if self.digits else text

    def _option(self, found: Round) -> tuple[str, str]:
        return f"{found.label} · {format_date(found.held_on, self.language, self.digits)}", found.round_id

    def refresh(self) -> None:
        """Fill the choices again from session.workbook, keeping the rounds chosen if they are still there."""
        workbook = self.session.workbook
        newest_first = list(reversed(workbook.rounds_in_order()))
        externals = [self._option(r) for r in newest_first if r.assessor == "external"]
        selves = [self._option(r) for r in newest_first if r.assessor == "self"]
        if not externals:
            self.children = [self.empty]
            return
        chosen_external = self.external.value if self.external.value in {v for _l, v in externals} else None
        chosen_self = self.own.value if self.own.value in {v for _l, v in selves} else None
        default_external, default_self = scoring.comparison_rounds(workbook, chosen_external)
        self._quiet = True
        try:
            self.external.options = externals
            self.external.value = default_external
            self.own.options = selves
            self.own.value = chosen_self or default_self
        finally:
            self._quiet = False
        self.children = [self.pickers, self.summary, self.table]
        self._redraw()

    def _external_chosen(self, _change) -> None:
        """Another external round: compare it with the self round held nearest before it."""
        if self._quiet:
            return
        _external, default_self = scoring.comparison_rounds(self.session.workbook, self.external.value)
        self._quiet = True
        try:
            self.own.value = default_self
        finally:
            self._quiet = False
        self._redraw()

    def _redraw(self) -> None:
        if self._quiet or self.external.value is None:
            return
        workbook = self.session.workbook
        table = scoring.self_vs_external(workbook, self.external.value, self.own.value)
        medians = self._medians(self.own.value) | {("external", i) for _s, i in self._medians(self.external.value)}
        self.summary.value = escape(self._shown(self.summary_text(table)))
        self.table.value = self.table_html(table, medians)

    def _medians(self, round_id: str | None) -> set[tuple[str, str]]:
        """("self", indicator_id) for each indicator whose value is a median (no consensus in the round)."""
        if round_id is None:
            return set()
        stats = scoring.round_stats(self.session.workbook, round_id)
        return {("self", i) for i, row in stats.iterrows() if not row["decided"] and not pd.isna(row["median"])}

    def summary_text(self, table: pd.DataFrame) -> str:
        """"ต่างกัน ๔ ข้อ จาก ๑๐: ภายนอกให้ต่ำกว่า ๔ ข้อ" (or that they agree, or that nothing is scored yet)."""
        lang = self.language
        compared = table[table["difference"].notna()]
        if compared.empty:
            return t("external_summary_none", lang)
        differs = compared[compared["differs"]]
        if differs.empty:
            return t("external_summary_same", lang, total=len(compared))
        lower = int((differs["difference"] < 0).sum())
        higher = len(differs) - lower
        parts = [t(key, lang, n=n) for key, n in (("external_summary_lower", lower),
                                                   ("external_summary_higher", higher)) if n]
        return f"{t('external_summary', lang, n=len(differs), total=len(compared))}: {' · '.join(parts)}"

    def _value(self, value: object, median: bool) -> str:
        if value is None or pd.isna(value):
            return escape(t("external_no_score", self.language))
        return escape(self._shown(_number(float(value)) + ("*" if median else "")))

    def _difference(self, difference: object, differs: bool) -> str:
        lang = self.language
        if difference is None or pd.isna(difference):
            return t("external_no_score", lang)
        size = self._shown(_number(abs(float(difference))))
        if differs:
            return t("external_lower" if difference < 0 else "external_higher", lang, n=size)
        if difference == 0:
            return t("external_same", lang)
        sign = "+" if difference > 0 else "−"
        return t("external_near", lang, diff=sign + size)

    def table_html(self, table: pd.DataFrame, medians: set[tuple[str, str]]) -> str:
        lang = self.language
        heads = "".join(f"<th class='mchch-external-{name}'>{escape(t(f'external_col_{name}', lang))}</th>"
                        for name in ("indicator", "self", "external", "difference", "target"))
        rows = []
        for number, row in enumerate(table.itertuples(), start=1):
            tint = ""
            if row.differs:
                tint = " class='mchch-external-differs mchch-external-" + ("lower'" if row.difference < 0 else "higher'")
            rows.append(
                f"<tr{tint}><td class='mchch-external-indicator'>{self._shown(str(number))}. {escape(row.title)}</td>"
                f"<td class='mchch-external-self'>{self._value(row.self, ('self', row.indicator_id) in medians)}</td>"
                f"<td class='mchch-external-external'>"
                f"{self._value(row.external, ('external', row.indicator_id) in medians)}</td>"
                f"<td class='mchch-external-difference'>{escape(self._difference(row.difference, row.differs))}</td>"
                f"<td class='mchch-external-target'>{self._value(row.target, False)}</td></tr>"
            )
        note = ""
        if medians:
            note = f"<div class='mchch-note'>{escape(t('external_median_note', lang))}</div>"
        return f"<table><thead><tr>{heads}</tr></thead><tbody>{''.join(rows)}</tbody></table>{note}"
