"""Setting a widget's value from code without its handler saving it again as if a person typed it."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


class Quiet:
    """Mixin: handlers check `self._quiet` and do nothing while `with self._quietly():` runs."""

    _quiet = False

    @contextmanager
    def _quietly(self) -> Iterator[None]:
        was_quiet, self._quiet = self._quiet, True
        try:
            yield
        finally:
            self._quiet = was_quiet
