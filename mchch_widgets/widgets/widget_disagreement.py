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
from .closing import close_tree
from .style import markup_block, text_block
from .widget_distribution import counts_of, number_text, strip_header_html, strip_html


def strip_width(scale: range) -> str:
    """The width of the small histogram's column (as in the CSS: 34px a level, 4px between)."""
    return f"{len(scale) * 38 - 4}px"


def _columns(rank: str, info: str, strip: str, tag: str, scale: range) -> list[widgets.HTML]:
    """The four text columns of a row (or of the header), in the widths every row shares."""
    cells = [markup_block(rank, "mchch-disagree-rank"), markup_block(info, "mchch-disagree-info"),
             markup_block(strip, "mchch-disagree-strip"), markup_block(tag, "mchch-disagree-tag")]
    cells[1].layout = widgets.Layout(flex="1 1 auto", width="auto", min_width="0")
    cells[2].layout = widgets.Layout(width=strip_width(scale), min_width=strip_width(scale))
    return cells


BUTTON_WIDTH = "250px"


class DisagreementRow(widgets.HBox):
    """One indicator: rank, title and spread in words, a small histogram, the agreed tag, a button."""

    def __init__(self, indicator_id: str, rank: int | None, markup: dict[str, str], scale: range, language: str,
                 on_discuss: Callable[[str], None]) -> None:
        super().__init__(layout=widgets.Layout(width="100%", align_items="center"))
        self.add_class("mchch-disagree-row")
        self.indicator_id = indicator_id
        self.position = rank  # 1 = widest disagreement; None: nobody scored it on their own
        self.rank, self.info, self.strip, self.tag = _columns(markup["rank"], markup["info"], markup["strip"],
                                                              markup["tag"], scale)
        self.discuss = widgets.Button(description=t("disagree_discuss", language), button_style="primary",
                                      layout=widgets.Layout(width=BUTTON_WIDTH, min_width=BUTTON_WIDTH, height="44px"))
        self.discuss.add_class("mchch-disagree-discuss")
        self.discuss.on_click(lambda _b: on_discuss(self.indicator_id))
        self.children = [self.rank, self.info, self.strip, self.tag, self.discuss]


def _header(scale: range, language: str, digits: bool) -> widgets.HBox:
    """What the columns hold; the level numbers stand over the small histograms' columns."""
    info = (f"<span>{escape(t('disagree_col_indicator', language))}</span>"
            f"<span class='mchch-disagree-col-counts'>{escape(t('disagree_col_counts', language))}</span>")
    cells = _columns("", info, strip_header_html(scale, language, digits),
                     escape(t("disagree_col_agreed", language)), scale)
    room = widgets.HTML(layout=widgets.Layout(width=BUTTON_WIDTH, min_width=BUTTON_WIDTH))
    header = widgets.HBox([*cells, room], layout=widgets.Layout(width="100%", align_items="flex-end"))
    header.add_class("mchch-disagree-header")
    return header


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
        header = [_header(workbook.profile.levels, lang, self.digits)] if len(ranked) else []
        old = [child for child in self.list.children if child is not self.unrated_heading]
        self.list.children = [*header, *self.rows[:len(ranked)], *([self.unrated_heading] if later else []), *later]
        self.children = [*top, self.list]
        for child in old:
            close_tree(child)  # the rows drawn before: nothing refers to them any more

    def _row(self, indicator_id: str, stats: pd.Series, rank: int | None, table: pd.DataFrame) -> DisagreementRow:
        counts, skipped = counts_of(self.session.workbook, self.round_id, indicator_id, table)
        scale = self.session.workbook.profile.levels
        markup = {
            "rank": escape(self._n(rank)) if rank else "·",
            "info": self._info(stats),
            "strip": strip_html(counts, skipped, scale, self.language, self.digits) if stats["n_raters"] else "",
            "tag": self._tag(stats),
        }
        return DisagreementRow(indicator_id, rank, markup, scale, self.language, self.on_discuss)

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
