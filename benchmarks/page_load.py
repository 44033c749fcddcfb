"""Page-load benchmark: the workshop app next to a bare one-button Voila page.

Both servers start once; after one untimed warm-up load each, loads alternate
(app, bare, app, bare, ...) so drift on the machine hits both alike. Every load opens a
fresh browser context, so nothing is cached between loads; the browser itself is reused.

A report, not a test: it always exits 0.

    python benchmarks/page_load.py [--rounds 10] [--json timings.json] [--logs DIR]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import nbformat
from playwright.sync_api import Browser, Page, sync_playwright
from playwright.sync_api import Error as PlaywrightError

from mchch_widgets import samples, serve
from mchch_widgets.settings import AppSettings
from mchch_widgets.store import read_workbook

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]
LOAD_TIMEOUT_S = 60.0
TARGET_RATIO = 1.5
CHART_READY = """() => {
    const img = document.querySelector('img.mchch-chart');
    return img !== null && img.complete && img.naturalWidth > 0;
}"""
# When the browser got the whole HTML page, in ms since navigation start.
HTML_DONE = "() => performance.getEntriesByType('navigation')[0]?.responseEnd ?? null"

# {"total": s, "html": s, ...}: seconds since page.goto; "html" = the whole HTML page
# received (navigation responseEnd). A total of None: the load timed out or failed.
Timing = dict[str, float | None]


def bare_notebook(folder: Path) -> Path:
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell('import ipywidgets as w; w.Button(description="OK")')]
    path = folder / "bare.ipynb"
    nbformat.write(notebook, path)
    return path


def start_app(workbook: Path, port: int, log: Path) -> subprocess.Popen:
    # serve.start's command and environment, but with the server's log in a file so it
    # does not interleave with the timings.
    settings = AppSettings(workbook=str(workbook))
    return subprocess.Popen(
        serve.voila_command(serve.notebook_path(), port), env=serve.voila_environment(settings),
        stdout=log.open("wb"), stderr=subprocess.STDOUT, start_new_session=True,
    )


def start_bare(notebook: Path, port: int, log: Path) -> subprocess.Popen:
    # Voila's defaults (lab template, its CDN links included), only the port and host set.
    command = [sys.executable, "-m", "voila", str(notebook), "--no-browser", f"--port={port}",
               f"--Voila.ip={serve.HOST}"]
    return subprocess.Popen(command, stdout=log.open("wb"), stderr=subprocess.STDOUT,
                            start_new_session=True)


def stop(process: subprocess.Popen) -> None:
    # The servers run in their own session, so a Ctrl+C reaches only this script, which
    # then stops them here; Voila shuts its kernels down on SIGTERM.
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


# A page's wait: given the page, the ms left of this load, and the seconds since page.goto,
# it waits for the page to be ready and returns the phases it timed on the way.
Wait = Callable[[Page, Callable[[], float], Callable[[], float]], Timing]


def time_load(browser: Browser, url: str, wait: Wait) -> Timing:
    """Seconds from page.goto until `wait` returns; a fresh context so nothing is cached."""
    context = browser.new_context()
    try:
        page = context.new_page()
        start = time.perf_counter()
        deadline = start + LOAD_TIMEOUT_S
        # Remaining time of this load's 60 s, in ms, for each of playwright's waits.
        remaining = lambda: max(1.0, (deadline - time.perf_counter()) * 1000)
        elapsed = lambda: time.perf_counter() - start
        try:
            # "commit": do not wait for the load event; the elements below are what the
            # user waits for.
            page.goto(url, wait_until="commit", timeout=remaining())
            phases = wait(page, remaining, elapsed)
            total = elapsed()
            html_ms = page.evaluate(HTML_DONE)
        except PlaywrightError as error:  # a timeout or a crashed page: report it, go on
            print(f"    load failed: {type(error).__name__}: {str(error).splitlines()[0]}")
            return {"total": None}
        return {"total": total, "html": html_ms / 1000 if html_ms else None, **phases}
    finally:
        context.close()


def wait_for_app(name: str) -> Wait:
    def wait(page: Page, remaining: Callable[[], float], elapsed: Callable[[], float]) -> Timing:
        page.get_by_text(name).first.wait_for(state="visible", timeout=remaining())
        name_at = elapsed()
        page.locator("img.mchch-chart").wait_for(state="visible", timeout=remaining())
        page.wait_for_function(CHART_READY, timeout=remaining())
        return {"name": name_at, "chart": elapsed()}
    return wait


def wait_for_bare(page: Page, remaining: Callable[[], float], _elapsed: Callable[[], float]) -> Timing:
    page.locator('button:has-text("OK"), .jupyter-button').first.wait_for(
        state="visible", timeout=remaining()
    )
    return {}


def describe(timing: Timing) -> str:
    if timing["total"] is None:
        return "timed out / failed"
    phases = ", ".join(f"{k} {v:.2f}" for k, v in timing.items() if k != "total" and v is not None)
    return f"{timing['total']:.2f} s" + (f" ({phases})" if phases else "")


def median_or_none(values: list[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return statistics.median(present) if present else None


def report(app: list[Timing], bare: list[Timing]) -> None:
    app_s = [t["total"] for t in app]
    bare_s = [t["total"] for t in bare]
    ratios = [a / b for a, b in zip(app_s, bare_s) if a is not None and b is not None]
    app_median, bare_median = median_or_none(app_s), median_or_none(bare_s)
    if app_median is None or bare_median is None or not ratios:
        print("not enough successful loads for a ratio")
        return
    print(f"app median {app_median:.2f} s, bare median {bare_median:.2f} s, "
          f"ratio {statistics.median(ratios):.2f} (target <= {TARGET_RATIO})")
    print(f"ratio of medians {app_median / bare_median:.2f}; "
          f"per-round ratios {', '.join(f'{r:.2f}' for r in ratios)}")
    for phase in ("html", "name", "chart"):
        phase_median = median_or_none([t.get(phase) for t in app])
        if phase_median is not None:
            print(f"  app {phase} median {phase_median:.2f} s")


def run(rounds: int, json_path: Path | None, log_dir: Path | None) -> None:
    with tempfile.TemporaryDirectory(prefix="mchch-bench-") as tmp:
        folder = Path(tmp)
        logs = log_dir or folder
        logs.mkdir(parents=True, exist_ok=True)
        # A copy: the app may write to its workbook, and the bundled sample stays untouched.
        workbook = shutil.copytree(samples.sample_path(), folder / "workbook")
        name = read_workbook(workbook).profile.name
        app_port = serve.free_port()
        bare_port = serve.free_port()
        while bare_port == app_port:  # both probes may get the same just-freed port
            bare_port = serve.free_port()
        app_url, bare_url = serve.url_for(app_port), serve.url_for(bare_port)
        servers: list[subprocess.Popen] = []
        try:
            servers.append(start_app(workbook, app_port, logs / "voila-app.log"))
            servers.append(start_bare(bare_notebook(folder), bare_port, logs / "voila-bare.log"))
            for url, process in ((app_url, servers[0]), (bare_url, servers[1])):
                if not serve.wait_until_ready(url, process):
                    print(f"server at {url} did not start; see its log in {logs}")
                    return
            app_wait = wait_for_app(name)
            app: list[Timing] = []
            bare: list[Timing] = []
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                try:
                    print(f"warm-up: app {describe(time_load(browser, app_url, app_wait))}, "
                          f"bare {describe(time_load(browser, bare_url, wait_for_bare))}")
                    for round_number in range(1, rounds + 1):
                        app.append(time_load(browser, app_url, app_wait))
                        bare.append(time_load(browser, bare_url, wait_for_bare))
                        print(f"round {round_number:2d}: app {describe(app[-1])} | "
                              f"bare {describe(bare[-1])}", flush=True)
                finally:
                    browser.close()
            report(app, bare)
            if json_path:
                json_path.write_text(json.dumps(
                    {"rounds": rounds, "unit": "s", "app": app, "bare": bare}, indent=2
                ) + "\n")
                print(f"raw timings written to {json_path}")
        finally:
            for process in servers:
                stop(process)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=10, help="timed loads of each page (default 10)")
    parser.add_argument("--json", type=Path, help="write the raw timings to this file")
    parser.add_argument("--logs", type=Path, help="keep the two Voila logs in this folder")
    args = parser.parse_args(argv)
    sys.stdout.reconfigure(encoding="utf-8", errors="replace")  # Thai names on any console
    try:
        run(max(1, args.rounds), args.json, args.logs)
    except KeyboardInterrupt:
        print("interrupted; servers stopped")
    except Exception as error:  # noqa: BLE001 - a report: say what went wrong, but exit 0
        print(f"benchmark failed: {type(error).__name__}: {error}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
