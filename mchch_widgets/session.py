"""An open workbook: its data in memory, saved to its folder on every change.

Screens change `session.workbook` and call `save` with the files they touched; other
screens hear about it through `on_change`. No widgets here.
"""

from __future__ import annotations

from collections.abc import Callable
from copy import deepcopy
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from . import store
from .model import Workbook

# Which part of the workbook each file holds.
HELD_IN = {
    store.PROFILE: "profile", store.MEMBERS: "members", store.INDICATORS: "indicators",
    store.ROUNDS: "rounds", store.SCORES: "scores", store.PLAN: "plan", store.REFLECTIONS: "reflections",
}

T = TypeVar("T")

# What one undo puts back: the lists a delete or a merge can change.
UNDOABLE = (("indicators", store.INDICATORS), ("plan", store.PLAN), ("members", store.MEMBERS))


@dataclass
class Undo:
    """The state before the last delete or merge, and what to call it ("undo: merge ...")."""

    key: str  # a text key describing the action
    params: dict[str, object]
    lists: dict[str, list]
    saved: bool = False  # the action itself has been saved; the next change ends the chance to undo


class Session:
    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        # _seen: the digests of the files as this session last read or wrote them
        self.workbook, self._seen = store.read_with_digests(self.folder)
        self.version = 0  # grows with every save, so views know when to redraw
        self._listeners: list[Callable[[tuple[str, ...]], None]] = []
        self._reload_listeners: list[Callable[[], None]] = []
        self.last_undo: Undo | None = None
        self._undo_before: Undo | None = None  # offered again if the action remembered next is refused

    def save(self, *files: str) -> None:
        """Write the named files now; raises store.WorkbookError and writes nothing on refusal.

        store.ChangedElsewhere when another tab or program saved one of them since this
        session read it: writing would silently undo their work.
        """
        names = files or store.FILES
        self._seen.update(store.save(self.folder, self.workbook, *names, expected=self._seen))
        self._saved(files)

    def _saved(self, files: tuple[str, ...]) -> None:
        self.version += 1
        if self.last_undo is not None:
            if self.last_undo.saved:
                self.last_undo = None  # something else changed since: undoing now would lose it
            else:
                self.last_undo.saved = True
        self._tell(files)

    def change(self, change: Callable[[Workbook], T], *files: str) -> T:
        """Read, change and write the workbook under its lock, so that no one else's work is lost.

        When another tab or process saved since this session last read the files, the
        workbook is read again first (inside the lock), `change` is made on top of it,
        and the reload listeners are told. Several people scoring at once therefore all
        count. `change` gets the workbook and may raise model.Refused; on any refusal or
        write error nothing is written and memory is as before the call (or as on disk).
        """
        reloaded = False
        try:
            with store.locked(self.folder):
                if store.digests(self.folder) != self._seen:
                    self._read_again()
                    reloaded = True
                before = {name: deepcopy(getattr(self.workbook, HELD_IN[name])) for name in files}
                try:
                    result = change(self.workbook)
                    self._seen.update(store.write_locked(self.folder, self.workbook, *files))
                except Exception:
                    for name, value in before.items():
                        setattr(self.workbook, HELD_IN[name], value)
                    raise
        finally:
            if reloaded:
                self._tell_reloaded()
        self._saved(files)
        return result

    def remember(self, key: str, **params: object) -> None:
        """Call just before a delete or a merge, so that `undo` can put things back as they were.

        Undo is offered until the next change: it never takes back anything done after.
        """
        lists = {name: deepcopy(getattr(self.workbook, name)) for name, _file in UNDOABLE}
        self._undo_before = self.last_undo
        self.last_undo = Undo(key, params, lists)

    def forget(self) -> None:
        """The remembered action was refused: the undo offered before it is offered again."""
        self.last_undo = self._undo_before
        self._undo_before = None
        self._tell(())

    def replaced(self) -> None:
        """The workbook in memory was put back after a refused change: views must draw it again."""
        self.version += 1
        self._tell(())

    def undo(self) -> None:
        """Put back what the last delete or merge changed, and save it; raises like `save`."""
        if self.last_undo is None:
            return
        undo = self.last_undo
        now = {name: getattr(self.workbook, name) for name, _file in UNDOABLE}
        for name, items in undo.lists.items():
            setattr(self.workbook, name, items)
        files = tuple(file for _name, file in UNDOABLE)
        # Any failure to write (a refusal, a full disk, a read-only folder) puts memory back, so
        # it keeps matching the files; listeners are told only after the write, outside this.
        try:
            store.save(self.folder, self.workbook, *files)
        except Exception:
            for name, items in now.items():
                setattr(self.workbook, name, items)
            raise
        self.last_undo = None
        self.version += 1
        self._tell(files)

    def _tell(self, files: tuple[str, ...]) -> None:
        for listener in list(self._listeners):
            listener(files)

    def changed_elsewhere(self) -> bool:
        """The files on disk are not those this session last read or wrote: another tab or laptop saved."""
        return store.digests(self.folder) != self._seen

    def reload(self) -> None:
        """Read the workbook again from its folder (after someone else changed it)."""
        self._read_again()
        self._tell_reloaded()

    def _read_again(self) -> None:
        self.workbook, self._seen = store.read_with_digests(self.folder)
        self.last_undo = None  # undoing would put back lists another tab has changed since

    def _tell_reloaded(self) -> None:
        self.version += 1
        for listener in list(self._reload_listeners):
            listener()

    def on_reload(self, listener: Callable[[], None]) -> None:
        self._reload_listeners.append(listener)

    def on_change(self, listener: Callable[[tuple[str, ...]], None]) -> None:
        self._listeners.append(listener)

    def off_change(self, listener: Callable[[tuple[str, ...]], None]) -> None:
        """Stop telling `listener` (a screen that was closed)."""
        if listener in self._listeners:
            self._listeners.remove(listener)
