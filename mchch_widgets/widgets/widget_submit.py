"""Step 7 (ส่งผล): the papers for the district committee, ready to download and print.

A checklist says what the papers will show and what they still lack (with the step that
fills it), then three cards: the district report, the application form (step 1's paper),
and the whole workbook as Excel or ZIP. Each download is a DownloadButton: made in the
kernel, saved by the browser, shown as busy meanwhile and never started twice.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date
from html import escape

import ipywidgets as widgets

from .. import export, pdf, report
from ..model import Workbook
from ..paperwork import paperwork_checks
from ..session import Session
from ..text import t
from ..thai import shown_digits
from .style import markup_block, text_block
from .widget_download import DownloadButton, workbook_export_button
from .widget_save_status import SaveStatus

HTML_MIME = "text/html"
PDF_MIME = "application/pdf"
PaperMaker = Callable[..., str]  # (workbook, ReportOptions) -> HTML
Snapshot = tuple[Workbook, report.ReportOptions]


class SubmitStep(widgets.VBox):
    def __init__(self, session: Session, status: SaveStatus, language: str = "th", thai_digits: bool = False,
                 today: date | None = None) -> None:
        super().__init__()
        self.add_class("mchch-step7")
        self.session = session
        self.status = status
        self.language = language
        self.thai_digits = thai_digits
        self.today = today
        self.checks = markup_block("", "mchch-step7-checks")
        self.buttons: dict[str, DownloadButton] = {}
        self._version = -1
        lang = language
        self.children = [
            text_block(t("step7_heading", lang), "mchch-heading"),
            text_block(t("step7_intro", lang), "mchch-step7-intro"),
            self.checks,
            widgets.HBox([
                self._card("report", report.district_report_html),
                self._card("form", report.application_form_html),
                self._data_card(),
            ], layout=widgets.Layout(width="100%")),
        ]
        self.children[-1].add_class("mchch-step7-cards")
        self.refresh()

    # --- the checklist -----------------------------------------------------------------------

    def refresh(self) -> None:
        """Say again what the papers lack, when the workbook has changed since last said."""
        if self.session.version == self._version:
            return
        self._version = self.session.version
        self.checks.value = checks_markup(self.session, self.language, self.thai_digits)

    def reloaded(self) -> None:
        self._version = -1
        self.refresh()

    # --- the cards ---------------------------------------------------------------------------

    def _card(self, paper: str, make: PaperMaker) -> widgets.Widget:
        lang = self.language
        html_button = DownloadButton(self._html_maker(paper, make), label=t("step7_html", lang), lang=lang,
                                     snapshot=self._snapshot)
        pdf_button = DownloadButton(self._pdf_maker(paper, make), label=t("step7_pdf", lang), lang=lang,
                                    snapshot=self._snapshot, timeout=pdf.TIMEOUT + 60)  # printing, then sending
        if not pdf.pdf_available():
            pdf_button.disabled = True
            pdf_button.note = t("step7_no_pdf", lang)
        self.buttons[f"{paper}_html"], self.buttons[f"{paper}_pdf"] = html_button, pdf_button
        return self._card_box(f"step7_{paper}", [pdf_button, html_button])  # PDF first: what the district files

    def _data_card(self) -> widgets.Widget:
        for kind in ("xlsx", "zip"):
            self.buttons[kind] = workbook_export_button(self.session.folder, kind, self.language)
        return self._card_box("step7_data", [self.buttons["xlsx"], self.buttons["zip"]])

    def _card_box(self, key: str, buttons: list[widgets.Widget]) -> widgets.Widget:
        lang = self.language
        box = widgets.VBox([
            text_block(t(key, lang), "mchch-step7-card-title"),
            text_block(t(f"{key}_what", lang), "mchch-step7-card-what"),
            *buttons,
        ])
        box.add_class("mchch-step7-card")
        return box

    def _snapshot(self) -> Snapshot:
        """The workbook as it is when pressed (a copy: the paper is made on another thread)."""
        options = report.ReportOptions(lang=self.language, digits=self.thai_digits, today=self.today or date.today())
        return copy.deepcopy(self.session.workbook), options

    def _html_maker(self, paper: str, make: PaperMaker) -> Callable[[Snapshot], tuple[str, bytes, str]]:
        def make_file(taken: Snapshot) -> tuple[str, bytes, str]:
            workbook, options = taken
            html = make(workbook, options)
            return file_name(workbook, paper, "html", options), html.encode("utf-8"), HTML_MIME

        return make_file

    def _pdf_maker(self, paper: str, make: PaperMaker) -> Callable[[Snapshot], tuple[str, bytes, str]]:
        def make_file(taken: Snapshot) -> tuple[str, bytes, str]:
            workbook, options = taken
            return file_name(workbook, paper, "pdf", options), pdf.html_to_pdf(make(workbook, options)), PDF_MIME

        return make_file


def file_name(workbook: Workbook, paper: str, extension: str, options: report.ReportOptions) -> str:
    """'<name> - รายงานสรุปผล มชช. 2569-11-21.pdf': what the paper is, for whom, and when."""
    return export.export_file_name(workbook, extension, lang=options.lang, today=options.today,
                                   label_key=f"step7_{paper}_label")


def checks_markup(session: Session, lang: str, digits: bool = False) -> str:
    """The checklist: each line with ✓ or ! and words, so it never rests on colour alone."""
    items = []
    for check in paperwork_checks(session.workbook):
        mark = t("step7_ready" if check.ready else "step7_missing", lang)
        state = "ready" if check.ready else "missing"
        params = {k: shown_digits(str(v), lang, digits) if isinstance(v, int) else v for k, v in check.params.items()}
        items.append(f"<li class='mchch-paper-{state}'><b>{escape(mark)}</b> "
                     f"{escape(t(check.key, lang, **params))}</li>")
    return f"<div class='mchch-step7-checks-title'>{escape(t('step7_checks', lang))}</div><ul>{''.join(items)}</ul>"
