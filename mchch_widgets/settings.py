"""The app's settings: one object, every option a documented trait.

`mchch serve` passes them to the notebook's kernel through environment variables,
so the notebook itself stays an import and a call.
"""

from __future__ import annotations

import os
from pathlib import Path

from traitlets import Bool, HasTraits, Unicode, validate

ENV_WORKBOOK = "MCHCH_WORKBOOK"
ENV_LANGUAGE = "MCHCH_LANGUAGE"
ENV_THAI_DIGITS = "MCHCH_THAI_DIGITS"
ENV_DRAW_AHEAD = "MCHCH_DRAW_AHEAD"


class AppSettings(HasTraits):
    workbook = Unicode(
        "", help="Folder of the workbook to open. Empty: a writable copy of the main sample."
    )
    language = Unicode("th", help="Language of the screens at start: 'th' (Thai) or 'en' (English).")
    thai_digits = Bool(False, help="Show numbers in dates with Thai digits (๒๕๖๙) instead of 2569.")
    draw_ahead = Bool(
        True,
        help="While a chart is on the compare screen, draw the charts one click away in a worker "
        "process, so the next click finds its chart ready. Off: each chart is drawn when asked for.",
    )

    @validate("language")
    def _known_language(self, proposal):
        return proposal["value"] if proposal["value"] in ("th", "en") else "th"

    @classmethod
    def from_environment(cls, environ: dict[str, str] | None = None) -> AppSettings:
        environ = os.environ if environ is None else environ
        return cls(
            workbook=environ.get(ENV_WORKBOOK, ""),
            language=environ.get(ENV_LANGUAGE, "th"),
            thai_digits=environ.get(ENV_THAI_DIGITS, "") in ("1", "true", "yes"),
            draw_ahead=environ.get(ENV_DRAW_AHEAD, "1") not in ("0", "false", "no"),
        )

    def to_environment(self) -> dict[str, str]:
        return {
            ENV_WORKBOOK: self.workbook,
            ENV_LANGUAGE: self.language,
            ENV_THAI_DIGITS: "1" if self.thai_digits else "",
            ENV_DRAW_AHEAD: "1" if self.draw_ahead else "0",
        }

    def workbook_folder(self) -> Path:
        """The workbook to open: the one given, or the writable sample copy."""
        if self.workbook:
            return Path(self.workbook).expanduser().resolve()
        from .samples import writable_sample_copy

        return writable_sample_copy()
