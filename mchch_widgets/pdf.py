"""HTML to PDF with the system's Chromium (or Google Chrome), printing headless.

Chosen over a Python PDF renderer: Chromium shapes Thai correctly (vowels and tone marks
stacked, lines broken between words by its dictionary), honours the print CSS (A4, page
breaks, repeated table headers, page numbers) exactly as a person printing the HTML would
see it, and it is already on the machines that run the browser tests. The HTML must be
self-contained (report.py embeds the font and the charts): Chromium runs with networking
shut off, in a throwaway profile, and is stopped after TIMEOUT seconds.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from .model import Refused

CANDIDATES = ("/usr/bin/chromium", "chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
TIMEOUT = 120  # seconds; a 20-page report prints in a few
FLAGS = (
    "--headless",
    "--no-sandbox",  # as root in a container the sandbox cannot start; the page is our own file
    "--disable-gpu",
    "--no-pdf-header-footer",  # the page's own CSS writes the header and the page numbers
    "--no-first-run",
    "--no-default-browser-check",
    "--disable-extensions",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--host-resolver-rules=MAP * ~NOTFOUND",  # nothing resolves: the page cannot reach the network
    "--run-all-compositor-stages-before-draw",
    "--virtual-time-budget=10000",  # let the embedded font and images settle before printing
)


class PdfUnavailable(Refused):
    """No Chromium here: the HTML file can still be printed from any browser."""

    def __init__(self) -> None:
        super().__init__("err_pdf_no_chromium")


class PdfFailed(Refused):
    """Chromium ran but made no PDF (it crashed, or took longer than TIMEOUT)."""

    def __init__(self, detail: str) -> None:
        super().__init__("err_pdf_failed", detail=detail)


def find_chromium() -> str | None:
    """The Chromium or Chrome to print with: MCHCH_CHROMIUM if set, else the first one found."""
    wanted = os.environ.get("MCHCH_CHROMIUM")
    for name in ([wanted] if wanted else CANDIDATES):
        found = shutil.which(name)
        if found:
            return found
    return None


def pdf_available() -> bool:
    return find_chromium() is not None


def html_to_pdf(html: str, timeout: float = TIMEOUT) -> bytes:
    """The PDF Chromium prints of `html` (A4 and margins come from the page's own @page CSS).

    PdfUnavailable without Chromium; PdfFailed when it makes no PDF in time.
    """
    browser = find_chromium()
    if browser is None:
        raise PdfUnavailable()
    with tempfile.TemporaryDirectory(prefix="mchch-pdf-") as work:
        folder = Path(work)
        page, out = folder / "page.html", folder / "page.pdf"
        page.write_text(html, encoding="utf-8")
        command = [browser, *FLAGS, f"--user-data-dir={folder / 'profile'}", f"--print-to-pdf={out}",
                   page.as_uri()]
        _run(command, timeout)
        if not out.exists() or out.stat().st_size == 0:
            raise PdfFailed("no file")
        return out.read_bytes()


def _run(command: list[str], timeout: float) -> None:
    # Its own process group, so a timeout stops Chromium's helper processes too.
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                               stdin=subprocess.DEVNULL, start_new_session=True)
    try:
        _, errors = process.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        raise PdfFailed(f"timeout {timeout:g} s") from None
    finally:  # whatever happened: no Chromium helper outlives the print (its group is not the kernel's)
        _stop_group(process)
    if process.returncode != 0:
        last = errors.decode("utf-8", "replace").strip().splitlines()[-1:] or [f"exit {process.returncode}"]
        raise PdfFailed(last[0][:200])


def _stop_group(process: subprocess.Popen) -> None:
    try:
        if hasattr(os, "killpg"):
            os.killpg(process.pid, signal.SIGKILL)
        elif process.poll() is None:  # Windows: no process groups here
            process.kill()
    except (ProcessLookupError, PermissionError):  # already gone
        pass
    try:
        process.communicate(timeout=5)
    except subprocess.TimeoutExpired:
        pass
