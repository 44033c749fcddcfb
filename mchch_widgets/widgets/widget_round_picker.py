"""Which rounds to compare: one chip per round in its chart colour, and quick choices.

Each chip is a big toggle in the round's colour (filled when chosen, with ✓), with ● for a
self-assessment and ◆ for an external one, as in the charts: never colour alone. The
colour comes from a CSS class per palette place (ipywidgets' toggles take no background).
"""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets
from traitlets import Tuple

from ..charts.common import comparable_rounds, default_rounds
from ..colours import ROUND_COLOURS
from ..model import Round, Workbook
from ..text import t
from ..thai import format_date, shown_digits, wrap
from .quiet import Quiet

PRESETS = ("first_latest", "last_two", "all")
CHIP_WIDTH = 18  # characters of a round's name on its chip


def preset_rounds(workbook: Workbook, preset: str, value: str = "consensus") -> tuple[str, ...]:
    """first_latest: where the group started and is now; last_two: since last time; all: every round.

    The first two look only at rounds with levels of `value` (the consensus, or individual
    ratings for the median): a round just opened or not agreed yet would compare nothing.
    "all" takes every round; the summary then compares those with levels.
    """
    if preset == "all":
        return tuple(r.round_id for r in workbook.rounds_in_order())
    if preset == "last_two":
        return tuple(r.round_id for r in comparable_rounds(workbook, value)[-2:])
    return default_rounds(workbook, value)


class RoundPicker(Quiet, widgets.VBox):
    """`value` is the chosen round ids in date order; observe it to hear every new choice.

    `level` is the level shown ("consensus" or "median"): the quick choices and the first
    choice look for rounds that have it. `catch_up`, when set, is called before a quick
    choice, so that it looks at what another tab saved (the screen reads it in).
    """

    value = Tuple(help="the chosen round ids, in date order")

    def __init__(self, workbook: Workbook, language: str, digits: bool = False, level: str = "consensus") -> None:
        super().__init__()
        self.add_class("mchch-round-picker")
        self.language = language
        self.digits = digits
        self.level = level
        self.catch_up: Callable[[], object] | None = None
        self.chips: dict[str, widgets.ToggleButton] = {}
        self.chip_box = widgets.HBox(layout=widgets.Layout(flex_flow="row wrap"))
        self.chip_box.add_class("mchch-round-chips")
        self.presets = {
            name: widgets.Button(description=t(f"compare_preset_{name}", language),
                                 layout=widgets.Layout(width="auto", height="44px"))
            for name in PRESETS
        }
        for name, button in self.presets.items():
            button.add_class("mchch-round-preset")
            button.on_click(lambda _b, name=name: self.choose_preset(name))
        self.preset_box = widgets.HBox(list(self.presets.values()), layout=widgets.Layout(flex="0 0 auto"))
        self.children = [widgets.HBox([self.chip_box, self.preset_box],
                                      layout=widgets.Layout(width="100%", align_items="center", flex_flow="row wrap"))]
        self.set_workbook(workbook)

    def set_workbook(self, workbook: Workbook) -> None:
        """Chips for the workbook's rounds (after a reload); chosen rounds that still exist stay chosen."""
        self.workbook = workbook
        rounds = workbook.rounds_in_order()
        for chip in self.chips.values():
            chip.close()
        # the n-th round by date has the n-th colour, as in charts.round_colours
        self.chips = {r.round_id: self._chip(r, n % len(ROUND_COLOURS)) for n, r in enumerate(rounds)}
        self.chip_box.children = list(self.chips.values())
        kept = tuple(r for r in self.value if r in self.chips)
        self.choose(kept if kept or not rounds else default_rounds(workbook, self.level), force=True)

    def choose_preset(self, name: str) -> None:
        """A quick choice (PRESETS), on the workbook as saved now."""
        if self.catch_up is not None:
            self.catch_up()
        self.choose(preset_rounds(self.workbook, name, self.level))

    def _chip(self, round_: Round, colour: int) -> widgets.ToggleButton:
        mark = "◆" if round_.assessor == "external" else "●"
        day = shown_digits(format_date(round_.held_on, self.language, self.digits), self.language, self.digits)
        # Short on the chip (the charts name rounds in full); the whole name and date on hover.
        chip = widgets.ToggleButton(description=f"{mark} {wrap(round_.label, CHIP_WIDTH, max_lines=1)}",
                                    tooltip=f"{round_.label} · {day}",
                                    layout=widgets.Layout(width="auto", height="46px"))
        chip.add_class("mchch-round-chip")
        chip.add_class(f"mchch-round-colour-{colour}")
        chip.observe(lambda _c: self._picked(), "value")
        return chip

    def choose(self, round_ids: tuple[str, ...], force: bool = False) -> None:
        """Choose exactly these rounds (unknown ids are left out), as a click on the chips would."""
        wanted = set(round_ids)
        with self._quietly():
            for round_id, chip in self.chips.items():
                chip.value = round_id in wanted
                self._paint(chip)
        new = tuple(r for r in self.chips if r in wanted)
        if force or new != self.value:
            self.value = new

    def _picked(self) -> None:
        if self._quiet:
            return
        for chip in self.chips.values():
            self._paint(chip)
        self.value = tuple(r for r, chip in self.chips.items() if chip.value)

    @staticmethod
    def _paint(chip: widgets.ToggleButton) -> None:
        """Chosen: ✓ before the name (the page fills it in the round's colour); not chosen: no ✓."""
        text = chip.description.removeprefix("✓ ")
        chip.description = f"✓ {text}" if chip.value else text
