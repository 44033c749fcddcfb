"""Charts for the screen (SVG with live text): the recent ones kept, the ones a click away drawn ahead.

A chart takes some tens of milliseconds to draw with matplotlib on a slow laptop, and a
first chart in a new worker longer still. While the group looks at one
chart, a worker process draws the choices one click away (a round added or removed, another
chart, a quick choice, the other level), so the next click usually finds its chart ready.
The worker is a separate process so the kernel stays free to answer clicks; it ends with
the kernel, even when the kernel is killed.
"""

from __future__ import annotations

import multiprocessing
import multiprocessing.connection
import os
import pickle
import threading
from collections import OrderedDict
from collections.abc import Iterable
from concurrent.futures import BrokenExecutor, Future, ProcessPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout

from ..model import Workbook
from . import draw
from .common import ChartOptions, screen_svg

Choice = tuple[str, ChartOptions]  # (chart kind, options): what one chart on screen shows
KEEP = 96  # charts kept: a workshop's worth of back-and-forth (about 100 KB each)
WAIT_FOR_WORKER = 1.0  # seconds to wait for the chart the worker is drawing, before drawing it here


def chart_image(workbook: Workbook, kind: str, options: ChartOptions) -> bytes:
    """One chart as the screen shows it (SVG, text as text): what the worker runs, and what
    the screen runs when nothing is ready."""
    return screen_svg(draw(workbook, kind, options))


def one_click_away(kind: str, options: ChartOptions, round_ids: Iterable[str],
                   quick_choices: Iterable[tuple[str, ...]], kinds: Iterable[str]) -> list[Choice]:
    """The charts one click away from the one shown, the likeliest first.

    Rounds added or removed one at a time (what a group does most), then the other charts for
    the same rounds, the quick choices, and the other level (consensus or median).
    """
    chosen = set(options.rounds or ())
    wanted: list[Choice] = []
    for round_id in round_ids:
        rounds = tuple(sorted(chosen ^ {round_id}))
        if rounds:
            wanted.append((kind, options.with_rounds(rounds)))
    wanted += [(other, options) for other in kinds if other != kind]
    wanted += [(kind, options.with_rounds(tuple(sorted(rounds)))) for rounds in quick_choices if rounds]
    other_value = "median" if options.value == "consensus" else "consensus"
    wanted.append((kind, ChartOptions(options.rounds, other_value, options.lang, options.theme, options.digits)))
    shown = (kind, normal(options))
    unique: dict[Choice, None] = {}
    for other, other_options in wanted:
        choice = (other, normal(other_options))
        if choice != shown:
            unique.setdefault(choice, None)
    return list(unique)


def normal(options: ChartOptions) -> ChartOptions:
    """The same options with the rounds in one order, so a choice is found whatever order it was made in."""
    return options.with_rounds(tuple(sorted(options.rounds))) if options.rounds is not None else options


class ChartDrawer:
    """Charts for one workbook as the screen shows them: kept, and drawn ahead by a worker process when asked.

    `version` is the workbook's version (Session.version): when it changes, every kept chart
    and every chart to be drawn ahead is forgotten, so a chart never shows old scores.
    The worker gets one chart at a time from a to-do list, the likeliest first: a new choice
    replaces the list at once, and a kernel shutting down waits for one chart at most.
    """

    def __init__(self, keep: int = KEEP, ahead: bool = True) -> None:
        self.keep = keep
        self.ahead = ahead
        self._kept: OrderedDict[Choice, bytes] = OrderedDict()
        self._todo: list[Choice] = []
        self._source: tuple[int, bytes] | None = None  # (version, pickled workbook) the to-do list is for
        self._in_flight: tuple[Choice, Future] | None = None
        self._version: int | None = None
        self._lock = threading.Lock()  # worker results arrive on the executor's thread

    def image(self, workbook: Workbook, version: int, kind: str, options: ChartOptions) -> bytes:
        """The chart as the screen shows it: kept, or finished by the worker, or drawn now."""
        choice = (kind, normal(options))
        self._forget_if_changed(version)
        with self._lock:
            if choice in self._kept:
                self._kept.move_to_end(choice)
                return self._kept[choice]
            if choice in self._todo:
                self._todo.remove(choice)
            flying = self._in_flight
        image = None
        if flying is not None and flying[0] == choice and flying[1] is not None and _warm.is_set():
            image = _result(flying[1])  # the worker is on it, and a warm worker is nearly done
        if image is None:
            image = chart_image(workbook, kind, options)
        self._keep(version, choice, image)
        return image

    def is_ready(self, kind: str, options: ChartOptions) -> bool:
        with self._lock:
            return (kind, normal(options)) in self._kept

    def draw_ahead(self, workbook: Workbook, version: int, choices: Iterable[Choice]) -> None:
        """Have the worker draw these charts, in this order, instead of what was asked before."""
        if not self.ahead:
            return
        self._forget_if_changed(version)
        source = (version, pickle.dumps(workbook))  # here, on the kernel's thread: a workbook not mid-change
        with self._lock:
            self._todo = [c for c in dict.fromkeys((k, normal(o)) for k, o in choices) if c not in self._kept]
            self._source = source
        self._next()

    def forget(self) -> None:
        """Nothing kept, nothing more to draw (the chart being drawn is dropped when it arrives)."""
        with self._lock:
            self._forget()

    def _forget(self) -> None:
        self._kept.clear()
        self._todo.clear()
        self._source = None

    def _forget_if_changed(self, version: int) -> None:
        with self._lock:  # one step: a chart arriving meanwhile is checked against the new version
            if version != self._version:
                self._version = version
                self._forget()

    def _next(self) -> None:
        """Hand the worker the next chart to do, if it is free (never under the lock: see _arrived)."""
        with self._lock:
            if self._in_flight is not None or not self._todo or self._source is None:
                return
            choice = self._todo.pop(0)
            version, data = self._source
            self._in_flight = (choice, None)  # taken: no second chart goes to the worker meanwhile
        future = None
        pool = _worker()
        if pool is not None:
            try:
                future = pool.submit(_draw_in_worker, data, *choice)
            except (BrokenExecutor, RuntimeError):  # the worker died (or is shutting down): a new one next time
                _drop_worker(pool)
        with self._lock:
            self._in_flight = (choice, future) if future is not None else None
        if future is not None:  # a callback runs at once if the chart is already done, or when cancelled
            future.add_done_callback(lambda done: self._arrived(version, choice, done, pool))

    def _arrived(self, version: int, choice: Choice, future: Future, pool: ProcessPoolExecutor) -> None:
        with self._lock:
            if self._in_flight is not None and self._in_flight[1] is future:
                self._in_flight = None
        image = None if future.cancelled() or future.exception() is not None else future.result()
        if image is not None:
            _now_warm(pool)
            self._keep(version, choice, image)
        self._next()

    def _keep(self, version: int, choice: Choice, image: bytes) -> None:
        with self._lock:
            if version != self._version:
                return
            self._kept[choice] = image
            self._kept.move_to_end(choice)
            while len(self._kept) > self.keep:
                self._kept.popitem(last=False)


def _result(future: Future) -> bytes | None:
    try:
        return future.result(timeout=WAIT_FOR_WORKER)
    except FutureTimeout:
        return None
    except Exception:  # noqa: BLE001 - a broken worker never stops the screen: the chart is drawn here
        return None


# --- the worker process: one per kernel, started on first use ------------------------------

_pool: ProcessPoolExecutor | None = None
_pool_lock = threading.Lock()
# Set once the worker has drawn a chart. A worker still starting (importing matplotlib,
# loading the font) takes seconds: the screen draws the chart itself rather than wait.
_warm = threading.Event()
_stopping = False


def _worker() -> ProcessPoolExecutor | None:
    """The kernel's one drawing worker (None where processes cannot be started)."""
    global _pool
    with _pool_lock:
        if _stopping:
            return None
        if _pool is None:
            try:
                # spawn: a fresh interpreter, never a fork of a kernel that runs threads
                _pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                                            initializer=_start_worker)
            except (OSError, RuntimeError, NotImplementedError):
                return None
        return _pool


def _now_warm(pool: ProcessPoolExecutor) -> None:
    """The worker drew a chart: it is warm, unless it was replaced meanwhile (a late result of a dropped one)."""
    with _pool_lock:
        if _pool is pool:
            _warm.set()


def _draw_in_worker(workbook: bytes, kind: str, options: ChartOptions) -> bytes:
    return chart_image(pickle.loads(workbook), kind, options)


def _drop_worker(pool: ProcessPoolExecutor) -> None:
    """A broken worker: let it go, so the next chart drawn ahead starts a new one."""
    global _pool
    with _pool_lock:
        if _pool is pool:
            _pool = None
            _warm.clear()
    pool.shutdown(wait=False, cancel_futures=True)


def _start_worker() -> None:
    """In the worker: end with the kernel, and load the font once before the first chart."""
    parent = multiprocessing.parent_process()
    if parent is not None:
        threading.Thread(target=_end_with, args=(parent.sentinel,), daemon=True).start()
    from .common import use_thai_font

    use_thai_font()


def _end_with(sentinel: int) -> None:
    multiprocessing.connection.wait([sentinel])  # ready when the kernel has gone, however it went
    os._exit(0)


def stop_worker() -> None:
    """End the worker (tests, and a kernel shutting down cleanly); later charts drawn ahead start a new one."""
    global _pool, _stopping
    with _pool_lock:
        pool, _pool = _pool, None
        _warm.clear()
        _stopping = True  # a chart arriving meanwhile must not start a new worker
    try:
        if pool is not None:  # not under the lock: the pool's callbacks ask for it
            pool.shutdown(wait=True, cancel_futures=True)
    finally:
        with _pool_lock:
            _stopping = False
