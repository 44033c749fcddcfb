"""Step 5, individual scoring: the laptop passes from hand to hand, each person scores alone.

In a hall a few loud voices usually decide, so before the group talks every participant
scores each indicator on their own, anonymously (CARE Community Score Card style). Three
cards take turns: the hand-over card (the next anonymous code, nothing of anyone's
scores), the rating card (one indicator, its ladder as big buttons; a choice is saved at
once and the next indicator comes up) and the thank-you card (this code's own counts,
read back from the workbook). Nothing on this screen shows another person's scores.
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

import ipywidgets as widgets
from traitlets import Unicode

from .. import assessment, store
from ..model import Indicator, Refused, Round, Score, Workbook, clean_line
from ..session import Session
from ..text import t
from ..thai import shown_digits
from .closing import close_tree
from .style import markup_block, text_block
from .widget_level_buttons import LevelButtons
from .widget_save_status import SaveStatus, save_change

HANDOVER, RATING, THANKS, CLOSED, EMPTY = "handover", "rating", "thanks", "closed", "empty"
CARDS = (HANDOVER, RATING, THANKS, CLOSED, EMPTY)


def _box(children: list[widgets.Widget], css_class: str, **layout: str) -> widgets.VBox:
    box = widgets.VBox(children, layout=widgets.Layout(**{"width": "100%", **layout}))
    box.add_class(css_class)
    return box


def _button(label: str, css_class: str, width: str = "auto", height: str = "56px") -> widgets.Button:
    button = widgets.Button(description=label, layout=widgets.Layout(width=width, height=height, flex="0 0 auto"))
    button.add_class(css_class)
    return button


class IndividualScoring(widgets.VBox):
    """One participant at a time scores every selected indicator of an open round."""

    card = Unicode(HANDOVER, help="the card on screen: handover, rating, thanks, closed or empty").tag(sync=False)
    rater = Unicode("", help="the anonymous code whose turn it is; empty between participants").tag(sync=False)
    indicator_id = Unicode("", help="the indicator on the rating card").tag(sync=False)

    def __init__(self, session: Session, status: SaveStatus, language: str, round_id: str,
                 digits: bool = True, on_reveal: Callable[[], None] | None = None) -> None:
        super().__init__(layout=widgets.Layout(width="100%"))
        self._claiming = False  # the code on screen is new and not yet taken by a saved rating
        self.add_class("mchch-individual")
        self.session = session
        self.status = status
        self.language = language
        self.round_id = round_id
        self.digits = digits
        self.on_reveal = on_reveal
        self._listening = True
        # One ladder per indicator, kept while its words, target and scale stay the same.
        self._ladders: dict[str, tuple[tuple, LevelButtons]] = {}
        self.level_buttons: LevelButtons | None = None
        self._build_handover()
        self._build_rating()
        self._build_thanks()
        self.message_heading = markup_block("", "mchch-individual-heading")
        self.message = markup_block("", "mchch-individual-message")
        self.closed_reveal = self._reveal_button()
        self.refresh()

    # --- the cards, built once -----------------------------------------------------------

    def _build_handover(self) -> None:
        lang = self.language
        self.handover_heading = text_block(t("individual_handover_heading", lang), "mchch-individual-heading")
        self.next_code = markup_block("", "mchch-individual-code")
        self.rated_count = markup_block("", "mchch-individual-count")
        self.start_button = _button("", "mchch-individual-start", width="auto", height="76px")
        self.start_button.on_click(lambda _b: self.start())
        anonymous = text_block(t("individual_anonymous", lang), "mchch-individual-anonymous")
        self.code_box = widgets.Text(placeholder=t("individual_code_placeholder", lang),
                                     layout=widgets.Layout(width="160px", flex="0 0 auto"))
        self.code_button = _button(t("individual_continue", lang), "mchch-individual-secondary", height="48px")
        self.code_button.on_click(lambda _b: self.continue_with(self.code_box.value))
        returning = widgets.HBox(
            [text_block(t("individual_returning", lang), "mchch-individual-returning"), self.code_box, self.code_button],
            layout=widgets.Layout(align_items="center", flex_flow="row wrap"),
        )
        self.reveal_button = self._reveal_button()
        facilitator = widgets.HBox(
            [text_block(t("individual_reveal_note", lang), "mchch-individual-reveal-note"), self.reveal_button],
            layout=widgets.Layout(align_items="center", margin="0 0 0 auto"),
        )
        if self.on_reveal is None:
            facilitator.layout.display = "none"
        code = _box([text_block(t("individual_your_code", lang), "mchch-individual-code-label"), self.next_code],
                    "mchch-individual-code-box", width="auto", align_items="center")
        go = _box([self.start_button, self.rated_count, anonymous], "mchch-individual-go", width="auto",
                  align_items="center")
        main = widgets.HBox([code, go], layout=widgets.Layout(width="100%", justify_content="center",
                                                               align_items="center"))
        main.add_class("mchch-individual-main")
        bottom = widgets.HBox([returning, facilitator], layout=widgets.Layout(
            width="100%", align_items="center", flex_flow="row wrap"))
        bottom.add_class("mchch-individual-side")
        self.handover_card = _box([self.handover_heading, main, bottom], "mchch-individual-card")

    def _reveal_button(self) -> widgets.Button:
        button = _button(t("individual_reveal", self.language), "mchch-individual-reveal", height="52px")
        button.on_click(lambda _b: self.on_reveal() if self.on_reveal else None)
        if self.on_reveal is None:
            button.layout.display = "none"
        return button

    def _build_rating(self) -> None:
        lang = self.language
        self.position = markup_block("", "mchch-individual-position")
        self.code_badge = markup_block("", "mchch-individual-badge")
        # The participant's code in the top left corner: who is scoring now.
        corner = widgets.HBox([self.code_badge, self.position],
                              layout=widgets.Layout(align_items="center", flex_flow="row wrap"))
        self.title = markup_block("", "mchch-individual-title")
        self.description = markup_block("", "mchch-individual-description")
        self.earlier = markup_block("", "mchch-individual-earlier")
        self.previous_button = _button(t("individual_previous", lang), "mchch-individual-nav", width="170px")
        self.next_button = _button(t("individual_next", lang), "mchch-individual-nav", width="170px")
        self.finish_button = _button(t("individual_finish", lang), "mchch-individual-finish", width="100%")
        self.previous_button.on_click(lambda _b: self._step_by(-1))
        self.next_button.on_click(lambda _b: self._step_by(1))
        self.finish_button.on_click(lambda _b: self.finish())
        nav = widgets.HBox([self.previous_button, self.next_button],
                           layout=widgets.Layout(width="100%", justify_content="space-between"))
        left = _box([corner, self.title, self.description, self.earlier, nav, self.finish_button],
                    "mchch-individual-left", width="390px", flex="0 0 390px")
        self.ladder_area = widgets.Box(layout=widgets.Layout(flex="1 1 auto", width="auto", min_width="0"))
        body = widgets.HBox([left, self.ladder_area], layout=widgets.Layout(width="100%", align_items="flex-start"))
        self.rating_card = _box([body], "mchch-individual-card")

    def _build_thanks(self) -> None:
        lang = self.language
        self.thanks_counts = markup_block("", "mchch-individual-thanks-counts")
        self.edit_button = _button(t("individual_edit", lang), "mchch-individual-secondary", height="56px")
        self.hand_over_button = _button(t("individual_hand_over", lang), "mchch-individual-start", height="76px")
        self.edit_button.on_click(lambda _b: self.edit())
        self.hand_over_button.on_click(lambda _b: self.hand_over())
        buttons = widgets.HBox([self.edit_button, self.hand_over_button],
                               layout=widgets.Layout(width="100%", justify_content="center", align_items="center"))
        buttons.add_class("mchch-individual-thanks-buttons")
        self.thanks_card = _box(
            [text_block(t("individual_thanks", lang), "mchch-individual-thanks"), self.thanks_counts, buttons],
            "mchch-individual-card", align_items="center")

    # --- helpers ---------------------------------------------------------------------

    def _n(self, number: int) -> str:
        """A number as the room reads it (Thai digits in Thai when asked); codes never go through this."""
        return shown_digits(str(number), self.language, self.digits)

    def _level_text(self, level: int | None) -> str:
        return t("individual_skip_word", self.language) if level is None else self._n(level)

    def _workbook(self) -> Workbook:
        return self.session.workbook  # read each time: a save under the lock may have replaced it

    def _round(self) -> Round | None:
        return self._workbook().round(self.round_id)

    def _indicators(self) -> list[Indicator]:
        return self._workbook().selected_indicators()

    def _answers(self, code: str) -> dict[str, Score]:
        """This code's ratings that count now, by indicator (selected indicators only)."""
        workbook = self._workbook()
        found = {i.indicator_id: assessment.current_score(workbook, self.round_id, i.indicator_id, code)
                 for i in self._indicators()}
        return {iid: score for iid, score in found.items() if score is not None}

    def _resume_at(self, code: str) -> str:
        """Where a returning code picks up: the first indicator it has not answered, else the first."""
        answers = self._answers(code)
        ids = [i.indicator_id for i in self._indicators()]
        return next((iid for iid in ids if iid not in answers), ids[0])

    # --- what is shown -------------------------------------------------------------------

    def refresh(self) -> None:
        """Draw again from the workbook, keeping the participant and indicator on screen by id."""
        found = self._round()
        if found is None:
            self._show_message(EMPTY, "", t("err_round_unknown", self.language, round_id=self.round_id))
        elif found.closed:
            self._show_message(CLOSED, t("individual_closed_heading", self.language),
                               t("individual_closed_note", self.language, label=found.label))
        elif not self._indicators():
            self._show_message(EMPTY, "", t("individual_no_indicators", self.language))
        elif self.card == RATING and self.rater:
            ids = [i.indicator_id for i in self._indicators()]
            self._show_rating(self.indicator_id if self.indicator_id in ids else self._resume_at(self.rater))
        elif self.card == THANKS and self.rater:
            self._show_thanks()
        else:
            self._show_handover()

    def _show_message(self, card: str, heading: str, text: str) -> None:
        self.rater = ""  # a closed round ends the turn: the next one starts at the hand-over card
        self.card = card
        self.message_heading.value = escape(heading)
        self.message.value = escape(text)
        reveal = [self.closed_reveal] if card == CLOSED else []
        heading_row = [self.message_heading] if heading else []
        box = _box([*heading_row, self.message, *reveal], "mchch-individual-card", align_items="center")
        box.add_class(f"mchch-individual-{card}")
        self.children = [box]
        self._apply_listening()

    def _show_handover(self) -> None:
        workbook = self._workbook()
        self.rater = ""
        self.card = HANDOVER
        self.code_box.value = ""
        for _signature, ladder in self._ladders.values():
            ladder.show_choice(None)  # the last person's choices are gone before the next one sits down
        code = assessment.next_rater_code(workbook, self.round_id)
        count = len(assessment.raters(workbook, self.round_id))
        self.next_code.value = escape(code)
        self.start_button.description = t("individual_start", self.language, code=code)
        self.rated_count.value = escape(t("individual_rated_count", self.language, count=self._n(count)))
        self.children = [self.handover_card]
        self._apply_listening()

    def _ladder_for(self, indicator: Indicator) -> LevelButtons:
        scale = self._workbook().profile.levels
        signature = (tuple(sorted(indicator.levels.items())), indicator.target, tuple(scale))
        kept = self._ladders.get(indicator.indicator_id)
        if kept is not None and kept[0] == signature:
            return kept[1]
        if kept is not None:
            kept[1].key_listener.close()  # its words changed elsewhere: the old ladder must hear no key
        # No target marked: alone, people rate where the group is now, and a marked goal would steer them.
        ladder = LevelButtons(levels=indicator.levels, scale=scale, language=self.language,
                              target=None, digits=self.digits)
        ladder.on_choose(lambda level, iid=indicator.indicator_id: self._chosen(iid, level))
        self._ladders[indicator.indicator_id] = (signature, ladder)
        return ladder

    def close(self) -> None:
        """Close the cards and the ladders kept for later too, not only what is on screen."""
        for _signature, ladder in self._ladders.values():
            close_tree(ladder)
        for card in (self.handover_card, self.thanks_card):
            close_tree(card)
        super().close()

    def _show_rating(self, indicator_id: str) -> None:
        indicators = self._indicators()
        ids = [i.indicator_id for i in indicators]
        number = ids.index(indicator_id) + 1
        indicator = indicators[number - 1]
        lang = self.language
        self.card = RATING
        self.indicator_id = indicator_id
        position = t("individual_position", lang, number=self._n(number), count=self._n(len(ids)))
        aspect = f" · {escape(indicator.aspect)}" if indicator.aspect else ""
        self.position.value = f"<b>{escape(position)}</b><span class='mchch-individual-aspect'>{aspect}</span>"
        self.code_badge.value = escape(t("individual_code_badge", lang, code=self.rater))
        self.title.value = escape(indicator.title)
        self.description.value = escape(indicator.description).replace("\n", "<br>")
        self.level_buttons = self._ladder_for(indicator)
        earlier = assessment.current_score(self._workbook(), self.round_id, indicator_id, self.rater)
        if earlier is None:
            self.level_buttons.show_choice(None)
            self.earlier.value = escape(t("individual_choose_hint", lang))
            self.earlier.remove_class("mchch-individual-earlier-set")
        else:
            self.level_buttons.show_choice(earlier.score, skipped=earlier.score is None)
            key = "individual_earlier_skip" if earlier.score is None else "individual_earlier_level"
            self.earlier.value = escape(t(key, lang, level=self._level_text(earlier.score)))
            self.earlier.add_class("mchch-individual-earlier-set")
        self.previous_button.disabled = number == 1
        self.next_button.disabled = number == len(ids)
        self.ladder_area.children = [self.level_buttons]
        self.children = [self.rating_card]
        self._apply_listening()

    def _show_thanks(self) -> None:
        self.card = THANKS
        answers = self._answers(self.rater)
        scored = sum(1 for s in answers.values() if s.score is not None)
        skipped = len(answers) - scored
        unanswered = len(self._indicators()) - len(answers)
        lang = self.language
        counts = escape(t("individual_thanks_counts", lang, code=self.rater, scored=self._n(scored),
                          skipped=self._n(skipped)))
        if unanswered:
            counts += "<br><span class='mchch-individual-unanswered'>" + escape(
                t("individual_thanks_unanswered", lang, count=self._n(unanswered))) + "</span>"
        self.thanks_counts.value = counts
        self.children = [self.thanks_card]
        self._apply_listening()

    # --- what people do ------------------------------------------------------------------

    def start(self) -> None:
        """The big button of the hand-over card: the next free code's turn begins."""
        round_ = self._round()
        if round_ is None or round_.closed or not self._indicators():
            self.refresh()
            return
        self._begin(assessment.next_rater_code(self._workbook(), self.round_id))

    def continue_with(self, typed: str) -> bool:
        """A returning participant types their code; False (message in the badge) when it cannot be used."""
        try:
            code = self._known_code(typed)
        except Refused as refused:
            self.status.failed(refused.message(self.language))
            return False
        self.code_box.value = ""
        self._begin(code)
        return True

    def _known_code(self, typed: str) -> str:
        """The code as it is in this round (p04 finds P04); a code no one used here is a typo."""
        if not clean_line(typed):
            raise Refused("individual_code_empty")
        code = assessment.check_rater(typed)
        workbook = self._workbook()
        usable = [*assessment.raters(workbook, self.round_id), assessment.next_rater_code(workbook, self.round_id)]
        known = {c.casefold(): c for c in usable}
        if code.casefold() not in known:
            raise Refused("individual_code_unknown", code=code)
        return known[code.casefold()]

    def _begin(self, code: str) -> None:
        round_ = self._round()
        if round_ is None or round_.closed or not self._indicators():
            self.refresh()
            return
        self.rater = code
        # A code with no saved rating yet is taken by its first one (another tab may hand it out too).
        self._claiming = code not in assessment.raters(self._workbook(), self.round_id)
        self._show_rating(self._resume_at(code))

    def _step_by(self, step: int) -> None:
        ids = [i.indicator_id for i in self._indicators()]
        if self.card != RATING or self.indicator_id not in ids:
            self.refresh()
            return
        position = ids.index(self.indicator_id) + step
        if 0 <= position < len(ids):
            self._show_rating(ids[position])

    def finish(self) -> None:
        """"จบ": this participant's turn ends at the thank-you card."""
        if self.rater:
            self._show_thanks()

    def edit(self) -> None:
        """"← แก้ไขคำตอบ": back to this code's rating card."""
        if self.rater:
            self._begin(self.rater)

    def hand_over(self) -> None:
        """The laptop goes to the next person: a fresh hand-over card with the next code."""
        self.rater = ""
        self.indicator_id = ""
        self.refresh()

    def _chosen(self, indicator_id: str, level: int | None) -> None:
        """A level (None: skip) was clicked or keyed: save it at once, then the next indicator."""
        if self.card != RATING or not self.rater or indicator_id != self.indicator_id:
            return  # a key heard from a ladder no longer on screen
        code = self.rater
        earlier = assessment.current_score(self._workbook(), self.round_id, indicator_id, code)
        if earlier is None or earlier.score != level:  # the same choice again adds no row
            claim = self._claiming
            recorded = save_change(
                self.session, self.status, self.language,
                lambda wb: assessment.record_score(wb, self.round_id, indicator_id, code, level, claim=claim),
                store.SCORES,
            )
            if recorded is None:
                self.refresh()  # refused (say, the round was closed elsewhere): show what holds now
                return
            self._claiming = False
            note = self._replaced_note(recorded) or self._code_changed_note(code, recorded)
            if note:
                self.status.saved(note)
        self._after_choice(indicator_id)

    def _code_changed_note(self, handed: str, recorded: assessment.Recorded) -> str:
        """Another tab handed out the same code first: this participant carries on under the next one."""
        if recorded.score.rater == handed:
            return ""
        self.rater = recorded.score.rater
        self.code_badge.value = escape(t("individual_code_badge", self.language, code=self.rater))
        return t("individual_code_changed", self.language, before=handed, after=self.rater)

    def _replaced_note(self, recorded: assessment.Recorded) -> str:
        replaced = recorded.replaced
        if replaced is None or replaced.score == recorded.score.score:
            return ""
        return t("individual_replaced", self.language, code=recorded.score.rater,
                 before=self._level_text(replaced.score), after=self._level_text(recorded.score.score))

    def _after_choice(self, indicator_id: str) -> None:
        ids = [i.indicator_id for i in self._indicators()]
        if indicator_id in ids and ids.index(indicator_id) + 1 < len(ids):
            self._show_rating(ids[ids.index(indicator_id) + 1])
        else:
            self._show_thanks()

    # --- keys ------------------------------------------------------------------------------

    @property
    def listening(self) -> bool:
        return self._listening

    @listening.setter
    def listening(self, on: bool) -> None:
        """Keys score only while this screen is shown (the step sets it when switching screens)."""
        self._listening = bool(on)
        self._apply_listening()

    def _apply_listening(self) -> None:
        for _signature, ladder in self._ladders.values():
            ladder.listening = self._listening and self.card == RATING and ladder is self.level_buttons
