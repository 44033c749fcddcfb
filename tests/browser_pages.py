"""A real browser for the tests: the system Chromium, `mchch serve`, and helpers for the page.

Runs against the system Chromium. Without it the browser tests skip, except in CI
(CI=true), where a missing browser is a failure. The fixtures are shared through
conftest.py; the helpers are imported by the browser test modules.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlparse

import pytest

from mchch_widgets import serve
from mchch_widgets.samples import MAIN_SAMPLE, sample_path

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
LOCAL_HOSTS = {"127.0.0.1", "localhost", "[::1]", "::1"}
SCREENSHOTS = Path(os.environ.get("MCHCH_SCREENSHOTS", "")) if os.environ.get("MCHCH_SCREENSHOTS") else None


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing: browser tests must run in CI (apt-get install chromium)")
        pytest.skip(f"{CHROMIUM} is not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def served(tmp_path: Path):
    """`mchch serve --no-browser` on a free port, for a copy of the main sample."""
    folder = Path(shutil.copytree(sample_path(MAIN_SAMPLE), tmp_path / "workbook"))
    port = serve.free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "mchch_widgets", "serve", str(folder), "--no-browser", f"--port={port}"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, encoding="utf-8",
    )
    url = serve.url_for(port)
    try:
        assert serve.wait_until_ready(url, process), process.stdout.read() if process.poll() is not None else ""
        yield url, folder
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1280, "height": 720})
    page = context.new_page()
    page.requested = []  # every URL the page asked for, to prove it never left this computer
    page.on("request", lambda request: page.requested.append(request.url))
    page.on("websocket", lambda socket: page.requested.append(socket.url))
    yield page
    context.close()


def open_app(page, url: str, name: str) -> None:
    page.goto(url)
    page.locator(".mchch-name", has_text=name).wait_for(timeout=90_000)
    chart = page.locator("img.mchch-chart")
    chart.wait_for(timeout=90_000)  # drawn on a thread: slow when the machine is busy (a CI runner)
    page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=chart.element_handle(),
                           timeout=90_000)


def shoot(page, name: str) -> None:
    if SCREENSHOTS:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def non_local(urls: list[str]) -> list[str]:
    return [u for u in urls if urlparse(u).scheme not in ("data", "blob", "about")
            and urlparse(u).hostname not in LOCAL_HOSTS]
