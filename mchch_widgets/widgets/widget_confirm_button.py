"""A button for what cannot be taken back lightly: the first click asks, the second acts.

On a projector there is no hover and a slip of the touchpad must not remove a person
or an activity. The question disarms itself after a few seconds, so a "ยืนยันลบ?" left
behind never turns a later click into a deletion.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

import ipywidgets as widgets
from traitlets import Bool

DISARM_AFTER = 6.0  # seconds the question stays up


class ConfirmButton(widgets.Button):
    armed = Bool(False, help="True between the first click and the second").tag(sync=False)

    def __init__(self, label: str, confirm_label: str, on_confirm: Callable[[], None], style: str = "",
                 disarm_after: float = DISARM_AFTER, **kwargs) -> None:
        super().__init__(description=label, button_style=style, **kwargs)
        self.label = label
        self.confirm_label = confirm_label
        self.style_at_rest = style
        self.on_confirm = on_confirm
        self.disarm_after = disarm_after
        self._timer: threading.Timer | None = None
        self.on_click(lambda _b: self._clicked())

    def relabel(self, label: str, confirm_label: str) -> None:
        self.label, self.confirm_label = label, confirm_label
        self.disarm()

    def _clicked(self) -> None:
        if not self.armed:
            self._arm()
            return
        self.disarm()
        self.on_confirm()

    def _arm(self) -> None:
        self.armed = True
        self.button_style = "danger"
        self.description = self.confirm_label
        self._timer = threading.Timer(self.disarm_after, self.disarm)
        self._timer.daemon = True
        self._timer.start()

    def disarm(self) -> None:
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None
        self.armed = False
        self.button_style = self.style_at_rest
        self.description = self.label
