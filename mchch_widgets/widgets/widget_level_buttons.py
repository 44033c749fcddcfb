"""The ladder as big buttons to score with: the highest level on top, each with its words.

Used for a participant's own rating and for the group's consensus. A level is chosen by
clicking its number or its words, or by pressing its digit on the keyboard (the Thai
layout too); "skip / not applicable" sits below the ladder. The colours are the
ladder's of step 2, so a level looks the same on every screen.
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets
from traitlets import Bool, Int

from ..colours import ink_on, step_colour
from ..text import t
from ..thai import shown_digits
from .style import set_class
from .widget_key_listener import KeyListener

SKIP = None  # what `on_choose` receives for "skip / not applicable"


class LevelButtons(widgets.VBox):
    """Choose one level of a rubric (or skip); `on_choose` callbacks hear the choice."""

    value = Int(None, allow_none=True, help="the level shown as chosen (None: none or skipped)")
    skipped = Bool(False, help="'skip / not applicable' is shown as chosen")
    disabled = Bool(False, help="a closed round: the ladder is shown, nothing can be chosen")

    def __init__(self, levels: dict[int, str], scale: range, language: str, target: int | None = None,
                 allow_skip: bool = True, digits: bool = True) -> None:
        super().__init__()
        self.add_class("mchch-level-buttons")
        self.language = language
        self.scale = scale
        self._callbacks: list[Callable[[int | None], None]] = []
        self.rows: dict[int, tuple[widgets.Button, widgets.Button]] = {}
        count = len(scale)
        rows = []
        for position, level in reversed(list(enumerate(scale))):
            number, words = self._level_row(level, levels.get(level, ""), position, count, level == target, digits)
            self.rows[level] = (number, words)
            rows.append(widgets.HBox([number, words], layout=widgets.Layout(width="100%", align_items="stretch")))
        self.skip = widgets.Button(description=t("level_skip", language), layout=widgets.Layout(width="auto"))
        self.skip.add_class("mchch-level-skip")
        self.skip.on_click(lambda _b: self._choose(SKIP))
        keys = [str(level) for level in scale if 0 <= level <= 9]
        self._listening = True  # the screen wants keys; they are heard only while not disabled too
        self.key_listener = KeyListener(keys)
        self.key_listener.on_key(lambda key: self._choose(int(key)))
        hint = t("level_keys_hint", language, low=keys[0], high=keys[-1]) if keys else ""
        self.hint = widgets.HTML(shown_digits(hint, language, digits))
        self.hint.add_class("mchch-note")
        bottom = [self.skip] if allow_skip else []
        self.children = [*rows, widgets.HBox([*bottom, self.hint], layout=widgets.Layout(align_items="center")),
                         self.key_listener]
        self.observe(self._show, ["value", "skipped", "disabled"])
        self._show()

    def _level_row(self, level: int, words: str, position: int, count: int, is_target: bool,
                   digits: bool) -> tuple[widgets.Button, widgets.Button]:
        colour = step_colour(position, count)
        label = shown_digits(str(level), self.language, digits)
        number = widgets.Button(description=label, layout=widgets.Layout(width="72px", height="auto"))
        number.add_class("mchch-level-number")
        number.style.button_color = colour
        number.style.text_color = ink_on(colour)
        text = words.strip() or t("level_no_words", self.language)
        if is_target:
            text = f"{text}   {t('ladder_target_badge', self.language)}"
        described = widgets.Button(description=text, layout=widgets.Layout(flex="1 1 auto", width="auto", height="auto"))
        described.add_class("mchch-level-words")
        if is_target:
            described.add_class("mchch-level-target")
        for button in (number, described):
            button.on_click(lambda _b, level=level: self._choose(level))
        return number, described

    def on_choose(self, callback: Callable[[int | None], None]) -> None:
        """`callback(level)` on a click or a key; level None means "skip / not applicable"."""
        self._callbacks.append(callback)

    def choose(self, level: int | None) -> None:
        """What a click on `level` (None: skip) does; also for tests."""
        self._choose(level)

    def _choose(self, level: int | None) -> None:
        if self.disabled or (level is not None and level not in self.scale):
            return
        for callback in list(self._callbacks):
            callback(level)

    def show_choice(self, level: int | None, skipped: bool = False) -> None:
        """Mark what counts now (after it was saved), without calling back."""
        self.value = level
        self.skipped = skipped and level is None

    @property
    def listening(self) -> bool:
        return self._listening

    @listening.setter
    def listening(self, on: bool) -> None:
        """Only the ladder on screen hears the keys."""
        self._listening = on
        self._show()

    def _show(self, _change=None) -> None:
        for level, pair in self.rows.items():
            for button in pair:
                button.disabled = self.disabled
                set_class(button, "mchch-level-chosen", level == self.value)
        self.skip.disabled = self.disabled
        set_class(self.skip, "mchch-level-chosen", self.skipped)
        self.key_listener.active = self._listening and not self.disabled
        self.hint.layout.display = "none" if self.disabled else None
