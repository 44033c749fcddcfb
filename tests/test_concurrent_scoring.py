"""Several tabs or processes scoring into one workbook at once: not one score may be lost.

Each Voilà tab is its own kernel process; they share the workbook folder. Session.change
holds the workbook's lock around read-modify-write, so each writer adds to what the
others wrote instead of writing over it.
"""

from __future__ import annotations

import csv
import io
import multiprocessing
from pathlib import Path

from workbook_files import read_csv_text, reread

from mchch_widgets import assessment, store
from mchch_widgets.session import Session

PROCESSES = 10
SCORES_EACH = 20


def score_many(folder: str, process: int, start, done) -> None:
    """One tab: a participant code of its own, twenty ratings over the ten indicators, one at a time."""
    session = Session(Path(folder))
    round_id = session.workbook.rounds[-1].round_id
    indicators = [i.indicator_id for i in session.workbook.selected_indicators()]
    start.wait()  # all processes begin together, so their writes really interleave
    for n in range(SCORES_EACH):
        indicator = indicators[n % len(indicators)]
        code = f"T{process:02d}{'a' if n < len(indicators) else 'b'}"
        session.change(
            lambda wb, i=indicator, c=code, v=1 + (process + n) % 5: assessment.record_score(wb, round_id, i, c, v),
            store.SCORES,
        )
    done.put(process)


def round_rows(folder: Path, round_id: str) -> list[dict[str, str]]:
    rows = csv.DictReader(io.StringIO(read_csv_text(folder, store.SCORES)))
    return [row for row in rows if row["round_id"] == round_id]


def test_ten_processes_scoring_at_once_lose_nothing(sample_folder: Path, open_round: str):
    context = multiprocessing.get_context("spawn")
    start, done = context.Event(), context.Queue()
    workers = [context.Process(target=score_many, args=(str(sample_folder), p, start, done))
               for p in range(PROCESSES)]
    for worker in workers:
        worker.start()
    start.set()
    for worker in workers:
        worker.join(timeout=120)
    assert all(worker.exitcode == 0 for worker in workers), [w.exitcode for w in workers]
    assert sorted(done.get(timeout=5) for _ in workers) == list(range(PROCESSES))

    saved = round_rows(sample_folder, open_round)
    assert len(saved) == PROCESSES * SCORES_EACH
    expected = {
        (f"T{p:02d}{'a' if n < 10 else 'b'}", f"G{n % 10 + 1:02d}", str(1 + (p + n) % 5))
        for p in range(PROCESSES) for n in range(SCORES_EACH)
    }
    assert {(r["rater"], r["indicator_id"], r["score"]) for r in saved} == expected
    workbook = reread(sample_folder)
    assert len(workbook.scores) == 570 + PROCESSES * SCORES_EACH  # the sample's rows are all still there


def test_two_tabs_scoring_in_turn_keep_each_others_scores(sample_folder: Path, open_round: str):
    first, second = Session(sample_folder), Session(sample_folder)
    heard: list[str] = []
    first.on_reload(lambda: heard.append("reloaded"))
    first.change(lambda wb: assessment.record_score(wb, open_round, "G01", "P01", 2), store.SCORES)
    second.change(lambda wb: assessment.record_score(wb, open_round, "G01", "P02", 4), store.SCORES)
    first.change(lambda wb: assessment.record_score(wb, open_round, "G02", "P01", 3), store.SCORES)

    assert [(r["rater"], r["indicator_id"]) for r in round_rows(sample_folder, open_round)] == [
        ("P01", "G01"), ("P02", "G01"), ("P01", "G02"),
    ]
    assert heard == ["reloaded"]  # the first tab read the second tab's score before adding its own
    assert assessment.raters(first.workbook, open_round) == ["P01", "P02"]


def test_a_round_closed_in_another_tab_refuses_the_next_score(sample_folder: Path, open_round: str):
    scoring_tab, closing_tab = Session(sample_folder), Session(sample_folder)
    closing_tab.change(lambda wb: assessment.close_round(wb, open_round), store.ROUNDS)
    before = (sample_folder / store.SCORES).read_bytes()
    try:
        scoring_tab.change(lambda wb: assessment.record_score(wb, open_round, "G01", "P01", 2), store.SCORES)
    except assessment.Refused as refused:
        assert refused.key == "err_round_closed"
    else:
        raise AssertionError("a score went into a closed round")
    assert (sample_folder / store.SCORES).read_bytes() == before
    assert scoring_tab.workbook.round(open_round).closed  # it now shows the round as closed
