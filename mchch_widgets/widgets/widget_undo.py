"""The undo button in the header: takes back the last delete or merge, until the next change."""

from __future__ import annotations

from collections.abc import Callable

import ipywidgets as widgets

from ..session import Session
from ..store import WorkbookError
from ..text import t
from .widget_save_status import SaveStatus, problem_message

LABEL_LIMIT = 24  # characters of a title shown on the button: it sits in the header beside the steps


def _shorten(text: str, limit: int = LABEL_LIMIT) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class UndoButton(widgets.Button):
    """Hidden until there is something to undo; then says what it will put back."""

    def __init__(self, session: Session, status: SaveStatus, language: str = "th",
                 on_undone: Callable[[], None] | None = None) -> None:
        super().__init__(layout=widgets.Layout(width="auto", height="46px", display="none"))
        self.add_class("mchch-undo")
        self.session = session
        self.status = status
        self.language = language
        self.on_undone = on_undone
        self.on_click(lambda _b: self.undo())
        session.on_change(lambda _files: self.update())
        self.update()

    def action(self) -> str:
        """What the last delete or merge was, in words (empty when there is none)."""
        undo = self.session.last_undo
        if undo is None:
            return ""
        return t(undo.key, self.language, **{k: _shorten(str(v)) for k, v in undo.params.items()})

    def update(self) -> None:
        action = self.action()
        self.description = t("undo_button", self.language, action=action) if action else ""
        self.layout.display = "" if action else "none"

    def undo(self) -> None:
        action = self.action()
        if not action:
            return
        try:
            self.session.undo()
        except (WorkbookError, OSError) as error:
            self.status.failed(problem_message(error, self.language))
            return
        self.status.saved(t("undone", self.language, action=action))
        self.update()
        if self.on_undone:
            self.on_undone()
