"""The "saved" badge: tells the room that what was typed is safe on disk, or why it is not."""

from __future__ import annotations

from datetime import datetime
from html import escape

import ipywidgets as widgets
from traitlets import Unicode, observe

from ..session import Session
from ..store import WorkbookError
from ..text import t

STATES = ("idle", "saving", "saved", "error")


class SaveStatus(widgets.HTML):
    state = Unicode("idle", help="idle, saving, saved or error").tag(sync=False)
    detail = Unicode("", help="the reason, when state is error").tag(sync=False)
    language = Unicode("th").tag(sync=False)

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.add_class("mchch-status")
        self._saved_at: datetime | None = None
        self._draw()

    def saving(self) -> None:
        self.state = "saving"

    def saved(self, note: str = "") -> None:
        self._saved_at = datetime.now()
        self.detail = note
        self.state = "saved"
        self._draw()

    def failed(self, reason: str) -> None:
        self.detail = reason
        self.state = "error"
        self._draw()

    @observe("state", "language")
    def _redraw(self, _change) -> None:
        self._draw()

    def _draw(self) -> None:
        for state in STATES:
            self.remove_class(f"mchch-status-{state}")
        self.add_class(f"mchch-status-{self.state}")
        if self.state == "saved" and self._saved_at:
            text = "✓ " + t("saved_at", self.language, time=self._saved_at.strftime("%H:%M:%S"))
            if self.detail:
                text += f" · {self.detail}"
        elif self.state == "saving":
            text = t("saving", self.language)
        elif self.state == "error":
            text = "⚠ " + t("not_saved", self.language, reason=self.detail)
        else:
            text = t("loaded", self.language)
        self.value = escape(text).replace("\n", "<br>")


def save_files(session: Session, status: SaveStatus, language: str, *files: str) -> bool:
    """Save and show the outcome in `status`; False (and nothing written) on refusal."""
    status.saving()
    try:
        session.save(*files)
    except WorkbookError as error:
        status.failed(error.problems[0].message(language))
        return False
    return True
