"""The "saved" badge: tells the room that what was typed is safe on disk, or why it is not."""

from __future__ import annotations

from collections.abc import Callable
from copy import deepcopy
from datetime import datetime
from html import escape
from typing import TypeVar

import ipywidgets as widgets
from traitlets import Unicode, observe

from .. import store
from ..csvfile import is_formula_like
from ..model import Refused
from ..session import HELD_IN, Session
from ..store import WorkbookError
from ..text import t

STATES = ("idle", "saving", "saved", "error")
T = TypeVar("T")


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
    return _save(session, status, language, files) == SAVED


def problem_message(error: Exception, language: str) -> str:
    """Why a save did not happen, for the badge: a problem the store found, or the disk's refusal."""
    if isinstance(error, WorkbookError):
        return error.problems[0].message(language)
    detail = getattr(error, "strerror", None) or error  # a full disk, a read-only folder, a lock held too long
    return t("err_write", language, detail=detail)


SAVED, RELOADED, FAILED = "saved", "reloaded", "failed"


def _save(session: Session, status: SaveStatus, language: str, files: tuple[str, ...]) -> str:
    """SAVED; RELOADED when another tab had saved first (its work is now in memory); else FAILED."""
    status.saving()
    try:
        session.save(*files)
    except store.ChangedElsewhere:
        return _reload(session, status, language)
    except (WorkbookError, OSError) as error:
        status.failed(problem_message(error, language))
        return FAILED
    return SAVED



def _reload(session: Session, status: SaveStatus, language: str) -> str:
    """Someone else saved the workbook: show their work; what was typed here must be typed again."""
    try:
        session.reload()
    except WorkbookError as error:
        status.failed(problem_message(error, language))
        return FAILED
    status.failed(t("changed_elsewhere", language))
    return RELOADED


def change_and_save(session: Session, status: SaveStatus, language: str, files: tuple[str, ...],
                    change: Callable[[], object], note: str = "", undo: tuple[str, dict] | None = None,
                    again: bool = True) -> bool:
    """Make `change` to the workbook and save `files`; on a refusal put everything back.

    When another tab saved the workbook meanwhile, its work is read in and `change` is
    made again on top of it (once), so neither is lost.

    `change` may raise model.Refused (the message goes to the badge); a save the store
    refuses (a broken file on disk) also leaves the workbook exactly as it was.
    With `undo` (a text key and its params) the undo button can take the change back.
    """
    workbook = session.workbook
    before = {name: deepcopy(getattr(workbook, HELD_IN[name])) for name in files}
    if undo is not None:
        session.remember(undo[0], **undo[1])
    try:
        change()
    except Refused as refused:
        _put_back(session, before, undo is not None)
        status.failed(refused.message(language))
        return False
    outcome = _save(session, status, language, files)
    if outcome == RELOADED and again:
        return change_and_save(session, status, language, files, change, note, undo, again=False)
    if outcome == FAILED:
        _put_back(session, before, undo is not None)
    if outcome != SAVED:
        return False  # after a reload memory holds the files as they are: nothing to put back
    status.saved(note)
    return True


def save_change(session: Session, status: SaveStatus, language: str, change: Callable[[object], T],
                *files: str, note: str = "") -> T | None:
    """Make `change(workbook)` and save `files` under the workbook's lock (Session.change).

    Another tab's or process's saved work is read in first, so several people scoring at
    once all count. Returns what `change` returned, or None when it was refused (the
    reason is in the badge) and nothing changed.
    """
    status.saving()
    try:
        result = session.change(change, *files)
    except Refused as refused:
        status.failed(refused.message(language))
        return None
    except (WorkbookError, OSError) as error:  # a broken file on disk, a full disk, a lock held too long
        status.failed(problem_message(error, language))
        return None
    status.saved(note)
    return result


def _put_back(session: Session, before: dict[str, object], remembered: bool) -> None:
    """Memory as it was, as copies: a view holding the old objects finds out through `replaced`."""
    for name, value in before.items():
        setattr(session.workbook, HELD_IN[name], value)
    if remembered:
        session.forget()
    session.replaced()


def formula_note(language: str, *texts: str) -> str:
    """The badge's note when typed text looks like a spreadsheet formula (it is kept as text)."""
    return t("formula_stored_as_text", language) if any(is_formula_like(x.strip()) for x in texts) else ""
