"""Charts kept and drawn ahead: the next click finds its chart ready, and never an old one."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest
from chart_checks import main_sample, screen_size

from mchch_widgets import charts
from mchch_widgets.charts import CHART_KINDS, ChartOptions, drawer
from mchch_widgets.charts.drawer import ChartDrawer, one_click_away

ROUNDS = ("r1", "r2", "r3", "r4", "x1")


@pytest.fixture
def drawn(monkeypatch) -> list[tuple[str, ChartOptions]]:
    """Every chart drawn in this process (not by the worker), in order."""
    calls: list[tuple[str, ChartOptions]] = []
    real = drawer.chart_image

    def counted(workbook, kind, options):
        calls.append((kind, options))
        return real(workbook, kind, options)

    monkeypatch.setattr(drawer, "chart_image", counted)
    return calls


@pytest.fixture
def worker():
    yield
    drawer.stop_worker()


def wait_until(ready, seconds: float = 90) -> bool:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if ready():
            return True
        time.sleep(0.1)
    return False


def test_one_click_away_is_each_round_toggled_then_other_charts_quick_choices_and_the_other_level():
    shown = ChartOptions(rounds=("r4", "r1"))
    near = one_click_away("radar", shown, ROUNDS, [("r1", "r4"), ("r3", "r4"), ROUNDS], CHART_KINDS)

    toggled = [(("r4",)), ("r1", "r2", "r4"), ("r1", "r3", "r4"), ("r1",), ("r1", "r4", "x1")]
    assert near[:5] == [("radar", shown.with_rounds(rounds)) for rounds in toggled]
    assert near[5:10] == [(kind, shown.with_rounds(("r1", "r4"))) for kind in CHART_KINDS if kind != "radar"]
    assert near[10:12] == [("radar", shown.with_rounds(("r3", "r4"))), ("radar", shown.with_rounds(tuple(sorted(ROUNDS))))]
    assert near[12] == ("radar", ChartOptions(rounds=("r1", "r4"), value="median"))
    assert len(near) == 13  # the quick choice that is the chart shown is not drawn again


def test_no_round_at_all_is_not_a_choice():
    near = one_click_away("gap", ChartOptions(rounds=("r2",)), ("r2",), [], ("gap",))
    assert [options.rounds for _, options in near] == [("r2",)]  # only the other level
    assert near[0][1].value == "median"


def test_a_chart_asked_for_again_is_not_drawn_again_whatever_the_order_of_rounds(drawn):
    workbook, keeper = main_sample(), ChartDrawer(ahead=False)

    first = keeper.image(workbook, 1, "heatmap", ChartOptions(rounds=("r4", "r1")))
    again = keeper.image(workbook, 1, "heatmap", ChartOptions(rounds=("r1", "r4")))

    assert again is first and len(drawn) == 1
    assert first == charts.screen_svg(charts.draw(workbook, "heatmap", ChartOptions(rounds=("r1", "r4"))))
    assert screen_size(first) == (1280, 720)


def test_a_new_workbook_version_forgets_every_kept_chart(drawn):
    workbook, keeper = main_sample(), ChartDrawer(ahead=False)
    keeper.image(workbook, 1, "gap", ChartOptions())
    keeper.image(workbook, 2, "gap", ChartOptions())
    assert len(drawn) == 2


def test_only_the_most_recent_charts_are_kept(drawn):
    workbook, keeper = main_sample(), ChartDrawer(keep=2, ahead=False)
    for rounds in (("r1",), ("r2",), ("r3",), ("r1",)):
        keeper.image(workbook, 1, "gap", ChartOptions(rounds=rounds))
    assert [options.rounds for _, options in drawn] == [("r1",), ("r2",), ("r3",), ("r1",)]


def test_without_drawing_ahead_nothing_is_drawn_before_it_is_asked_for(drawn):
    keeper = ChartDrawer(ahead=False)
    keeper.draw_ahead(main_sample(), 1, [("gap", ChartOptions())])
    assert not keeper.is_ready("gap", ChartOptions()) and drawn == []


def test_charts_drawn_ahead_by_the_worker_are_shown_without_drawing_here(drawn, worker):
    workbook, keeper = main_sample(), ChartDrawer()
    near = [("radar", ChartOptions(rounds=("r1", "r3"))), ("gap", ChartOptions(rounds=("r3",)))]

    keeper.draw_ahead(workbook, 1, near)

    assert wait_until(lambda: all(keeper.is_ready(kind, options) for kind, options in near))
    for kind, options in near:
        assert keeper.image(workbook, 1, kind, options) == charts.screen_svg(charts.draw(workbook, kind, options))
    assert drawn == []  # the worker drew them: this process did not


def test_charts_drawn_ahead_for_an_older_workbook_are_never_shown(drawn, worker):
    workbook, keeper = main_sample(), ChartDrawer()
    keeper.draw_ahead(workbook, 1, [("gap", ChartOptions(rounds=("r2",)))])
    keeper.image(workbook, 2, "radar", ChartOptions())  # the workbook changed meanwhile
    drawer._worker().submit(int).result(timeout=90)  # everything asked of the worker before is done

    keeper.image(workbook, 2, "gap", ChartOptions(rounds=("r2",)))
    assert [kind for kind, _ in drawn] == ["radar", "gap"]


@pytest.mark.skipif(sys.platform == "win32", reason="kills a process with SIGKILL")
def test_the_worker_ends_with_the_kernel_even_when_the_kernel_is_killed(tmp_path):
    script = tmp_path / "kernel.py"
    script.write_text(textwrap.dedent("""
        import os, sys, time
        from mchch_widgets.charts import drawer
        if __name__ == "__main__":
            pool = drawer._worker()
            pool.submit(int).result(timeout=90)
            print(*pool._processes, flush=True)
            time.sleep(600)
    """))
    kernel = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True)
    try:
        worker_pid = int(kernel.stdout.readline())
        assert process_alive(worker_pid)
        os.kill(kernel.pid, signal.SIGKILL)
        kernel.wait(timeout=10)
        assert wait_until(lambda: not process_alive(worker_pid), seconds=15)
    finally:
        if kernel.poll() is None:
            kernel.kill()


def process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    try:  # a finished child not yet reaped by its (dead) parent is gone for our purposes
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().split()[2] != "Z"
    except FileNotFoundError:
        return False


def test_a_new_choice_or_a_changed_workbook_drops_charts_waiting_to_be_drawn_without_hanging(worker):
    """Cancelling a waiting chart runs its callback at once, in the same thread: never under a held lock."""
    import threading

    workbook, keeper = main_sample(), ChartDrawer()
    waiting = [("gap", ChartOptions(rounds=(r,))) for r in ROUNDS] + [("radar", ChartOptions(rounds=(r,))) for r in ROUNDS]

    def ask_and_change() -> None:
        keeper.draw_ahead(workbook, 1, waiting)
        keeper.draw_ahead(workbook, 1, waiting[:1])  # a new choice: the rest are no longer wanted
        keeper.draw_ahead(workbook, 1, waiting)
        keeper.image(workbook, 2, "gap", ChartOptions(rounds=("r1",)))  # the workbook changed: all forgotten

    done = threading.Thread(target=ask_and_change, daemon=True)
    done.start()
    done.join(timeout=120)
    assert not done.is_alive()


@pytest.mark.skipif(sys.platform == "win32", reason="kills a process with SIGKILL")
def test_a_worker_that_died_is_replaced_and_the_screen_never_sees_an_error(worker):
    workbook, keeper = main_sample(), ChartDrawer()
    pool = drawer._worker()
    pool.submit(int).result(timeout=90)
    for pid in list(pool._processes):
        os.kill(pid, signal.SIGKILL)  # the out-of-memory killer, or a crash in FreeType
    assert wait_until(lambda: pool._broken, seconds=30)

    wanted = ("gap", ChartOptions(rounds=("r2",)))
    keeper.draw_ahead(workbook, 1, [wanted])  # no exception: a new worker is started
    if not keeper.is_ready(*wanted):
        keeper.draw_ahead(workbook, 1, [wanted])
    assert wait_until(lambda: keeper.is_ready(*wanted))
    assert drawer._worker() is not pool


def test_a_chart_a_warm_worker_is_drawing_is_awaited_but_a_starting_worker_is_not(drawn, worker):
    workbook, keeper = main_sample(), ChartDrawer()
    starting = ("gap", ChartOptions(rounds=("r2",)))
    drawer.stop_worker()  # a new worker: seconds to start

    keeper.draw_ahead(workbook, 1, [starting])
    keeper.image(workbook, 1, *starting)
    assert drawn == [starting]  # drawn here at once rather than after the worker's start

    warm = ("radar", ChartOptions(rounds=("r1", "r2")))
    assert wait_until(lambda: drawer._warm.is_set())  # the worker finished the first chart anyway
    keeper.draw_ahead(workbook, 1, [warm])
    assert keeper.image(workbook, 1, *warm) == charts.screen_svg(charts.draw(workbook, *warm))
    assert drawn == [starting]  # the warm worker's chart was awaited, not drawn again here
