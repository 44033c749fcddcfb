"""An open workbook: its data in memory, saved to its folder on every change.

Screens change `session.workbook` and call `save` with the files they touched; other
screens hear about it through `on_change`. No widgets here.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from . import store
from .model import Workbook


class Session:
    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.workbook: Workbook = store.read_workbook(self.folder)
        self.version = 0  # grows with every save, so views know when to redraw
        self._listeners: list[Callable[[tuple[str, ...]], None]] = []

    def save(self, *files: str) -> None:
        """Write the named files now; raises store.WorkbookError and writes nothing on refusal."""
        store.save(self.folder, self.workbook, *files)
        self.version += 1
        for listener in list(self._listeners):
            listener(files)

    def on_change(self, listener: Callable[[tuple[str, ...]], None]) -> None:
        self._listeners.append(listener)
