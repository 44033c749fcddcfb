"""Where the room disagrees: the round's indicators, widest spread of individual scores first.

Good practice (CARE's Community Score Card, OCA) is to collect everyone's own score
first, then talk first about where people differ most: a wide spread is where the
group learns most. One compact row per indicator, so ten fit on a projector at
1280×720; each has a big button that opens the consensus card for it.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

import ipywidgets as widgets
import pandas as pd

from .. import scoring
from ..session import Session
from ..text import t
from .style import markup_block, text_block
from .widget_distribution import counts_of, number_text, strip_html


class DisagreementRow(widgets.HBox):
    """One indicator: rank, title and spread in words, a small histogram, the agreed tag, a button."""

    def __init__(self, indicator_id: str, rank: int | None, markup: dict[str, str], language: str,
                 on_discuss: Callable[[str], None]) -> None:
        super().__init__(layout=widgets.Layout(width="100%", align_items="center"))
        self.add_class("mchch-disagree-row")
        self.indicator_id = indicator_id
        self.position = rank  # 1 = widest disagreement; None: nobody scored it on their own
        self.rank = markup_block(markup["rank"], "mchch-disagree-rank")
        self.info = markup_block(markup["info"], "mchch-disagree-info")
        self.info.layout = widgets.Layout(flex="1 1 auto", width="auto", min_width="0")
        self.strip = markup_block(markup["strip"], "mchch-disagree-strip")
        self.tag = markup_block(markup["tag"], "mchch-disagree-tag")
        self.discuss = widgets.Button(description=t("disagree_discuss", language), button_style="primary",
                                      layout=widgets.Layout(width="250px", min_width="250px", height="46px"))
        self.discuss.add_class("mchch-disagree-discuss")
        self.discuss.on_click(lambda _b: on_discuss(self.indicator_id))
        self.children = [self.rank, self.info, self.strip, self.tag, self.discuss]


class DisagreementList(widgets.VBox):
    """The round's indicators in the order to discuss them; `refresh` after scores change."""

    def __init__(self, session: Session, language: str, round_id: str, on_discuss: Callable[[str], None],
                 digits: bool = True) -> None:
        super().__init__(layout=widgets.Layout(width="100%"))
        self.add_class("mchch-disagree")
        self.session = session
        self.language = language
        self.round_id = round_id
        self.on_discuss = on_discuss
        self.digits = digits
        self.rows: list[DisagreementRow] = []
        lang = language
        self.heading = markup_block("", "mchch-disagree-heading")
        self.closed_note = text_block(t("disagree_closed", lang), "mchch-closed-note")
        self.empty = text_block(t("disagree_empty", lang), "mchch-disagree-empty")
        self.unrated_heading = text_block(t("disagree_unrated_heading", lang), "mchch-disagree-subheading")
        self.list = widgets.VBox(layout=widgets.Layout(width="100%"))
        self.list.add_class("mchch-disagree-list")
        self.refresh()

    def _n(self, value: float) -> str:
        return number_text(value, self.language, self.digits)

    @property
    def order(self) -> list[str]:
        """The indicator ids in the order shown: widest disagreement first, unrated last."""
        return [row.indicator_id for row in self.rows]

    def refresh(self) -> None:
        """Redraw from the workbook (after individual scores or a consensus were recorded)."""
        workbook = self.session.workbook
        stats = scoring.round_stats(workbook, self.round_id)
        ranked = scoring.disagreement(workbook, self.round_id)
        unrated = [iid for iid in stats.index if iid not in ranked.index]
        codes = scoring.round_progress(workbook)
        raters = codes.loc[codes["round_id"] == self.round_id, "n_raters"]
        n_raters = int(raters.iloc[0]) if len(raters) else 0
        lang = self.language
        self.heading.value = (
            f"<span class='mchch-heading'>{escape(t('disagree_heading', lang))}</span> "
            f"<span class='mchch-disagree-help'>{escape(t('disagree_help', lang))}</span>"
            f"<span class='mchch-disagree-count'>{escape(t('disagree_raters_total', lang, n=self._n(n_raters)))}</span>"
        )
        table = scoring.distribution(workbook, self.round_id)
        self.rows = [self._row(iid, stats.loc[iid], rank, table) for rank, iid in enumerate(ranked.index, start=1)]
        later = [self._row(iid, stats.loc[iid], None, table) for iid in unrated]
        self.rows += later
        found = workbook.round(self.round_id)
        top = [self.heading] + ([self.closed_note] if found is not None and found.closed else [])
        if ranked.empty and not n_raters:
            top.append(self.empty)
        self.list.children = [*self.rows[:len(ranked)], *([self.unrated_heading] if later else []), *later]
        self.children = [*top, self.list]

    def _row(self, indicator_id: str, stats: pd.Series, rank: int | None, table: pd.DataFrame) -> DisagreementRow:
        counts, skipped = counts_of(self.session.workbook, self.round_id, indicator_id, table)
        scale = self.session.workbook.profile.levels
        markup = {
            "rank": escape(self._n(rank)) if rank else "·",
            "info": self._info(stats),
            "strip": strip_html(counts, skipped, scale, self.language, self.digits) if stats["n_raters"] else "",
            "tag": self._tag(stats),
        }
        return DisagreementRow(indicator_id, rank, markup, self.language, self.on_discuss)

    def _info(self, stats: pd.Series) -> str:
        lang = self.language
        facts = []
        if stats["n_raters"]:
            if stats["spread"] == 0:
                facts.append(t("disagree_same", lang, level=self._n(stats["low"])))
            else:
                facts.append(t("disagree_range", lang, low=self._n(stats["low"]), high=self._n(stats["high"]),
                               spread=self._n(stats["spread"])))
            facts.append(t("disagree_median", lang, median=self._n(stats["median"])))
            facts.append(t("disagree_raters", lang, n=self._n(stats["n_raters"])))
        if stats["n_skipped"]:
            facts.append(t("disagree_skipped", lang, n=self._n(stats["n_skipped"])))
        return (
            f"<div class='mchch-disagree-title'>{escape(stats['title'])}</div>"
            f"<div class='mchch-disagree-facts'>{escape(' · '.join(facts))}</div>"
        )

    def _tag(self, stats: pd.Series) -> str:
        if not stats["decided"]:
            return ""
        if pd.isna(stats["consensus"]):
            text = t("disagree_agreed_na", self.language)
        else:
            text = t("disagree_agreed", self.language, level=self._n(stats["consensus"]))
        return f"<span class='mchch-agreed-tag'>{escape(text)}</span>"
