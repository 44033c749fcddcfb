"""Compare-screen benchmark: chart drawing, and a changed choice reaching the browser.

Two parts, both on a made-up workbook of 12 indicators and 8 rounds (6 self, 2 external):

1. **Drawing**: each chart function with every round chosen, rendered as the screen shows it
   (SVG with live text, `charts.screen_svg`) and as a PNG at projector size (the download and
   the paper), timed alternately with a bare matplotlib figure of the same size (one axes,
   one line, one title) rendered the same way. Target: each chart <= 100 ms.
2. **Browser**: `mchch serve` on that workbook, the compare screen in Chromium; a round
   chip is clicked and the time until the new chart is decoded and on screen is taken
   (a choice not made before by clicking). Timed alternately with a bare Voilà page where
   a click changes an image widget (the smallest round trip the page can make). Target:
   median <= 150 ms. Twice: clicking as soon as a chart is shown (the worst case: the
   charts one click away are still being drawn ahead), and after looking at it for a
   few seconds, as a group does (`--look`, default 4 s), when they usually are ready.
   `--no-draw-ahead` serves the app with drawing ahead off, to see what it saves.

Both print medians and the ratio to their bare neighbour measured in the same run,
because these machines are noisy. A report, not a test: it always exits 0.

    python benchmarks/compare_charts.py [--repeats 15] [--clicks 20] [--look 4] [--skip-browser]
                                        [--no-draw-ahead]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from matplotlib.figure import Figure
from page_load import start_bare, stop  # the same bare Voilà page server, stopped the same way

from mchch_widgets import charts, serve, settings, sized, store
from mchch_widgets.charts import CHART_KINDS, ChartOptions

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync",
]
DRAW_TARGET_MS = 100
UPDATE_TARGET_MS = 150

# Clicks the element, then resolves with the ms until the chart view marks a new chart shown.
CLICK_AND_WAIT = """async ([selector, index, watch, attribute]) => {
    const view = document.querySelector(watch);
    const before = view.getAttribute(attribute);
    const start = performance.now();
    document.querySelectorAll(selector)[index].click();
    return await new Promise((resolve, reject) => {
        const check = () => {
            if (view.getAttribute(attribute) !== before) return resolve(performance.now() - start);
            if (performance.now() - start > 20000) return reject(new Error("no new chart in 20 s"));
            requestAnimationFrame(check);
        };
        check();
    });
}"""


def the_workbook():
    return sized.scored_workbook(12, 6, n_externals=2)


# --- part 1: drawing ----------------------------------------------------------------------


def bare_figure() -> Figure:
    figure = Figure(figsize=(12.8, 7.2), dpi=100)
    axes = figure.add_subplot()
    axes.plot(range(8), [1, 2, 2, 3, 3, 4, 4, 5])
    figure.suptitle("ทดสอบ")
    return figure


def time_once(make) -> float:
    start = time.perf_counter()
    make()
    return (time.perf_counter() - start) * 1000


RENDERINGS = {"screen SVG": charts.screen_svg, "PNG": charts.figure_png}


def drawing(repeats: int) -> None:
    workbook = the_workbook()
    options = ChartOptions(rounds=tuple(r.round_id for r in workbook.rounds))
    print(f"drawing: 12 indicators x 8 rounds at 1280x720, chart function + rendering, median of {repeats}")
    for name, render in RENDERINGS.items():
        print(f" {name}:")
        for kind in CHART_KINDS:
            make = lambda kind=kind, render=render: render(charts.draw(workbook, kind, options))
            bare = lambda render=render: render(bare_figure())
            make(), bare()  # warm-up: imports, font cache
            chart_ms, bare_ms = [], []
            for _ in range(repeats):
                chart_ms.append(time_once(make))
                bare_ms.append(time_once(bare))
            chart, plain = statistics.median(chart_ms), statistics.median(bare_ms)
            verdict = "ok" if chart <= DRAW_TARGET_MS else "OVER"
            print(f"  {kind:<13} {chart:6.1f} ms (bare {plain:5.1f} ms, ratio {chart / plain:4.2f}) "
                  f"target <= {DRAW_TARGET_MS} ms: {verdict}", flush=True)


# --- part 2: the browser -------------------------------------------------------------------


def bare_notebook(folder: Path) -> Path:
    """A button that swaps an image widget's PNG: the page's smallest image round trip."""
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(
        "import io, ipywidgets as w\n"
        "from PIL import Image\n"
        "def png(n):\n"
        "    buffer = io.BytesIO(); Image.new('RGB', (1280, 720), (n % 255, 80, 160)).save(buffer, 'PNG')\n"
        "    return buffer.getvalue()\n"
        "image = w.Image(value=png(0)); image.add_class('bare-image')\n"
        "button = w.Button(description='next'); button.add_class('bare-next')\n"
        "count = [0]\n"
        "def next_image(_b):\n"
        "    count[0] += 1; image.value = png(count[0]); image.layout.width = f'{1000 + count[0] % 2}px'\n"
        "button.on_click(next_image)\n"
        "w.VBox([button, image])"
    )]
    path = folder / "bare.ipynb"
    nbformat.write(notebook, path)
    return path


def start_app(workbook: Path, port: int, log: Path, draw_ahead: bool) -> subprocess.Popen:
    command = [sys.executable, "-m", "mchch_widgets", "serve", str(workbook), "--no-browser", f"--port={port}"]
    return subprocess.Popen(command, stdout=log.open("wb"), stderr=subprocess.STDOUT, start_new_session=True,
                            env={**os.environ, settings.ENV_DRAW_AHEAD: "1" if draw_ahead else "0"})


def browser(clicks: int, look: float, draw_ahead: bool) -> None:
    from playwright.sync_api import sync_playwright

    with tempfile.TemporaryDirectory(prefix="mchch-bench-") as tmp:
        folder = Path(tmp)
        workbook = folder / "workbook"
        store.create_workbook(workbook, the_workbook())
        app_port, bare_port = serve.free_port(), serve.free_port()
        while bare_port == app_port:
            bare_port = serve.free_port()
        servers = [
            start_app(workbook, app_port, folder / "app.log", draw_ahead),
            start_bare(bare_notebook(folder), bare_port, folder / "bare.log"),  # page_load's bare Voilà
        ]
        try:
            for port, process in zip((app_port, bare_port), servers):
                if not serve.wait_until_ready(serve.url_for(port), process):
                    print(f"a server did not start; logs in {folder}")
                    return
            with sync_playwright() as playwright:
                chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
                try:
                    app, bare = chromium.new_page(viewport={"width": 1280, "height": 720}), chromium.new_page()
                    open_compare(app, serve.url_for(app_port))
                    bare.goto(serve.url_for(bare_port))
                    bare.locator(".bare-next").wait_for(timeout=60_000)
                    print(f"browser: drawing ahead {'on' if draw_ahead else 'off'}")
                    seen: set[frozenset[int]] = set()  # choices made once are kept: never timed twice
                    measure(app, bare, clicks, 0.0, seen)
                    if look > 0:
                        measure(app, bare, clicks, look, seen)
                finally:
                    chromium.close()
        finally:
            for process in servers:
                stop(process)


def open_compare(page, url: str) -> None:
    page.goto(url)
    page.locator(".mchch-nav").wait_for(timeout=90_000)
    page.get_by_text("เปรียบเทียบรอบ", exact=True).click()
    page.locator(".mchch-chart-view[data-shown]").wait_for(timeout=60_000)
    page.locator(".mchch-compare-kinds button", has_text="ความก้าวหน้า").click()  # all panels: the busiest
    page.wait_for_timeout(1500)


def measure(app, bare, clicks: int, look: float, seen: set[frozenset[int]]) -> None:
    """Click chips so that every choice of rounds is a new one; alternate with the bare page.

    `look`: seconds spent looking at each chart before the next click.
    """
    chips = app.locator(".mchch-round-chip")
    state = frozenset(n for n in range(chips.count()) if "mod-active" in (chips.nth(n).get_attribute("class") or ""))
    seen.add(state)
    app_ms, bare_ms = [], []
    rng = random.Random(8)
    for _ in range(clicks * 20):
        index = rng.randrange(chips.count())
        following = state ^ {index}
        if following in seen or not following:
            continue
        app.wait_for_timeout(look * 1000)
        app_ms.append(app.evaluate(CLICK_AND_WAIT, [".mchch-round-chip", index, ".mchch-chart-view", "data-shown"]))
        bare_ms.append(bare.evaluate(CLICK_AND_WAIT, ["button.bare-next", 0, "img.bare-image", "src"]))
        seen.add(following)
        state = following
        if len(app_ms) >= clicks:
            break
    app_median, bare_median = statistics.median(app_ms), statistics.median(bare_ms)
    when = f"after looking {look:g} s" if look else "as soon as the chart is shown"
    print(f"  a new choice of rounds on the progress chart, {when}, {len(app_ms)} clicks")
    print(f"  app  median {app_median:6.1f} ms (min {min(app_ms):.1f}, max {max(app_ms):.1f})")
    print(f"  bare median {bare_median:6.1f} ms (an image widget swapped by a click)")
    verdict = "ok" if app_median <= UPDATE_TARGET_MS else "OVER"
    print(f"  ratio {app_median / bare_median:.2f}; target app <= {UPDATE_TARGET_MS} ms: {verdict}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=15, help="timed drawings of each chart (default 15)")
    parser.add_argument("--clicks", type=int, default=20, help="timed clicks in the browser (default 20)")
    parser.add_argument("--look", type=float, default=4.0, help="seconds looking at a chart before a click (default 4)")
    parser.add_argument("--no-draw-ahead", action="store_true", help="serve the app with drawing ahead off")
    parser.add_argument("--skip-browser", action="store_true", help="only time the drawing")
    args = parser.parse_args(argv)
    sys.stdout.reconfigure(encoding="utf-8", errors="replace")
    try:
        drawing(max(1, args.repeats))
        if not args.skip_browser:
            browser(max(3, args.clicks), max(0.0, args.look), not args.no_draw_ahead)
    except KeyboardInterrupt:
        print("interrupted")
    except Exception as error:  # noqa: BLE001 - a report: say what went wrong, but exit 0
        print(f"benchmark failed: {type(error).__name__}: {error}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
