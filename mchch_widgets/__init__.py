"""มชช. workshop workbook: community self-assessment over CSV files, as Voila widget apps.

The core (model, store, scoring, charts) works without widgets; `workshop_app()` builds the
Voila app and imports ipywidgets only when called.
"""

from __future__ import annotations

__version__ = "0.1.0"


def workshop_app(workbook: str = "", language: str = ""):
    """Build and show the workshop app; arguments override the settings from `mchch serve`."""
    from .settings import AppSettings
    from .widgets.widget_app import WorkshopApp

    settings = AppSettings.from_environment()
    if workbook:
        settings.workbook = str(workbook)
    if language:
        settings.language = language
    return WorkshopApp(settings)
