"""The scoring tables on the main sample, with values checked by hand against scores.csv.

Where a value is easy to recompute from the raw file (medians, counts), the test
recomputes it with the csv module instead of trusting the code under test.
"""

from __future__ import annotations

import csv
import io
import statistics

import pandas as pd
import pytest
from workbook_files import read_csv_text

from mchch_widgets import assessment, scoring, store
from mchch_widgets.samples import sample_path
from mchch_widgets.session import Session


@pytest.fixture(scope="module")
def sample():
    return store.read_workbook(sample_path())


@pytest.fixture(scope="module")
def stats(sample) -> pd.DataFrame:
    return scoring.indicator_stats(sample)


def raw_ratings(folder) -> dict[tuple[str, str], list[str]]:
    """The individual scores of scores.csv per (round, indicator), read with nothing but csv."""
    found: dict[tuple[str, str], list[str]] = {}
    for row in csv.DictReader(io.StringIO(read_csv_text(folder, store.SCORES))):
        if row["rater"] != "consensus":
            found.setdefault((row["round_id"], row["indicator_id"]), []).append(row["score"])
    return found


def cell(stats: pd.DataFrame, round_id: str, indicator_id: str, column: str):
    return stats[(stats["round_id"] == round_id) & (stats["indicator_id"] == indicator_id)][column].item()


def test_one_row_per_round_and_selected_indicator_in_order(stats):
    assert len(stats) == 5 * 10
    assert list(stats["round_id"].unique()) == ["r1", "r2", "r3", "r4", "x1"]
    assert list(stats["indicator_id"][:10]) == [f"G{n:02d}" for n in range(1, 11)]
    assert list(stats.columns) == scoring.STATS_COLUMNS


def test_counts_and_medians_agree_with_the_raw_file(stats):
    raw = raw_ratings(sample_path())
    for row in stats.itertuples():
        given = raw[(row.round_id, row.indicator_id)]
        levels = [int(v) for v in given if v]
        assert row.n_raters == len(levels)
        assert row.n_skipped == len(given) - len(levels)
        assert row.median == statistics.median(levels)
        assert row.spread == max(levels) - min(levels)


def test_the_accounts_split_the_hall_in_round_3(stats):
    # scores.csv, r3/G02: thirteen raters, two skipped; 1 to 5 (the story the trainers tell)
    assert cell(stats, "r3", "G02", "n_raters") == 11
    assert cell(stats, "r3", "G02", "n_skipped") == 2
    assert (cell(stats, "r3", "G02", "low"), cell(stats, "r3", "G02", "high")) == (1, 5)
    assert cell(stats, "r3", "G02", "spread") == 4
    assert cell(stats, "r3", "G02", "iqr") == 4
    assert cell(stats, "r3", "G02", "median") == 4
    assert cell(stats, "r3", "G02", "consensus") == 3


def test_change_since_previous_and_first_and_gap_to_target(stats):
    # G01 consensus: r1 2, r2 3, r3 3, r4 4; target 4
    assert cell(stats, "r4", "G01", "consensus") == 4
    assert cell(stats, "r4", "G01", "previous") == 3
    assert cell(stats, "r4", "G01", "change_since_previous") == 1
    assert cell(stats, "r4", "G01", "first") == 2
    assert cell(stats, "r4", "G01", "change_since_first") == 2
    assert cell(stats, "r4", "G01", "gap_to_target") == 0
    # G02: target 5, stuck at 3
    assert cell(stats, "r4", "G02", "gap_to_target") == 2
    assert cell(stats, "r4", "G02", "change_since_previous") == 0
    # the first round has nothing before it
    assert pd.isna(cell(stats, "r1", "G01", "previous"))
    assert pd.isna(cell(stats, "r1", "G01", "change_since_first"))


def test_an_external_round_is_compared_with_external_rounds_only(stats):
    assert pd.isna(cell(stats, "x1", "G03", "previous"))
    assert cell(stats, "x1", "G03", "consensus") == 3


def test_previous_skips_a_round_where_the_indicator_was_not_agreed(session: Session, open_round: str):
    wb = session.workbook
    wb.scores = [s for s in wb.scores if not (s.round_id == "r4" and s.indicator_id == "G01" and s.rater == "consensus")]
    assessment.record_score(wb, open_round, "G01", "consensus", 4)
    stats = scoring.indicator_stats(wb)
    assert cell(stats, open_round, "G01", "previous") == 3  # round 3's, since round 4 has none now
    assert not cell(stats, "r4", "G01", "decided")


def test_disagreement_lists_the_widest_spread_first(sample):
    order = list(scoring.disagreement(sample, "r3").index)
    assert order[0] == "G02"  # 1..5
    assert order[1] == "G06"  # spread 3
    spreads = scoring.disagreement(sample, "r3")["spread"].tolist()
    assert spreads == sorted(spreads, reverse=True)
    # ties on spread (2) are broken by the middle half's width, then by workbook order
    assert order[2:5] == ["G01", "G03", "G09"]  # iqr 2, 1, 1


def test_disagreement_leaves_out_indicators_nobody_rated(session: Session, open_round: str):
    wb = session.workbook
    for code, level in (("P01", 1), ("P02", 5), ("P03", 3)):
        assessment.record_score(wb, open_round, "G04", code, level)
    assessment.record_score(wb, open_round, "G07", "P01", 2)
    assessment.record_score(wb, open_round, "G07", "P02", 3)
    table = scoring.disagreement(wb, open_round)
    assert list(table.index) == ["G04", "G07"]
    assert table.loc["G04", "spread"] == 4 and table.loc["G07", "spread"] == 1


def test_distribution_counts_each_level_and_the_skips(sample):
    table = scoring.distribution(sample, "r3")
    raw = raw_ratings(sample_path())[("r3", "G02")]
    row = table.loc[("r3", "G02")]
    for level in range(1, 6):
        assert row[level] == raw.count(str(level))
    assert row["skipped"] == raw.count("")
    assert list(table.columns) == [1, 2, 3, 4, 5, "skipped"]
    assert len(scoring.distribution(sample)) == 50


def test_round_progress_counts_what_was_agreed(session: Session, open_round: str):
    wb = session.workbook
    assessment.record_score(wb, open_round, "G01", "consensus", 3)
    assessment.record_score(wb, open_round, "G02", "consensus", None, "ยังไม่มีบัญชีรอบนี้")  # not applicable
    assessment.record_score(wb, open_round, "G03", "P01", 4)
    assessment.record_score(wb, open_round, "G03", "P02", None)
    progress = scoring.round_progress(wb).set_index("round_id")
    assert progress.loc[open_round, ["n_indicators", "n_decided", "n_rated", "n_raters"]].tolist() == [10, 2, 1, 2]
    assert not progress.loc[open_round, "complete"]
    assert progress.loc["r4", "complete"] and progress.loc["r4", "n_raters"] == 14


def test_self_versus_external_marks_a_level_apart(sample):
    table = scoring.self_vs_external(sample)
    consensus = scoring.consensus_by_round(sample).set_index(["round_id", "indicator_id"])["consensus"]
    expected = [i for i in table["indicator_id"] if abs(consensus[("x1", i)] - consensus[("r4", i)]) >= 1]
    assert table[table["differs"]]["indicator_id"].tolist() == expected == ["G03", "G05", "G09", "G10"]
    assert table.set_index("indicator_id").loc["G03", "difference"] == -1


def test_self_versus_external_uses_the_median_when_outsiders_did_not_agree(session: Session):
    wb = session.workbook
    wb.scores = [s for s in wb.scores if not (s.round_id == "x1" and s.rater == "consensus")]
    table = scoring.self_vs_external(wb, "x1", "r1").set_index("indicator_id")
    raw = raw_ratings(session.folder)[("x1", "G01")]
    assert table.loc["G01", "external"] == statistics.median(int(v) for v in raw if v)
    assert table.loc["G01", "self"] == 2  # round 1's consensus


def test_no_external_round_gives_an_empty_comparison(session: Session):
    wb = session.workbook
    wb.rounds = [r for r in wb.rounds if r.assessor == "self"]
    assert scoring.comparison_rounds(wb) == (None, None)
    assert scoring.self_vs_external(wb)["external"].isna().all()


def test_an_agreed_not_applicable_is_not_replaced_by_the_median(session: Session, open_round: str):
    wb = session.workbook
    for code, level in (("P01", 2), ("P02", 2), ("P03", 4)):
        assessment.record_score(wb, open_round, "G01", code, level)
    assessment.record_score(wb, open_round, "G01", "consensus", None, "ไม่มีการประชุมช่วงน้ำท่วม")
    table = scoring.self_vs_external(wb, "x1", open_round).set_index("indicator_id")
    assert pd.isna(table.loc["G01", "self"]) and not table.loc["G01", "differs"]


def test_raters_of_unselected_indicators_are_not_counted(session: Session, open_round: str):
    wb = session.workbook
    assessment.record_score(wb, open_round, "G01", "P01", 3)
    assessment.record_score(wb, open_round, "G02", "P02", 3)
    wb.indicator("G02").status = "proposed"  # unselected after it was scored
    assert scoring.round_progress(wb).set_index("round_id").loc[open_round, "n_raters"] == 1


def test_rounds_with_levels_tell_an_agreed_level_from_ratings_alone(session: Session, open_round: str):
    wb = session.workbook
    assert scoring.rounds_with_levels(wb, "consensus") == {"r1", "r2", "r3", "r4", "x1"}  # the new round is empty
    assessment.record_score(wb, open_round, "G01", "P01", 3)
    assert open_round not in scoring.rounds_with_levels(wb, "consensus")
    assert open_round in scoring.rounds_with_levels(wb, "median") and open_round in scoring.rounds_with_levels(wb)
    assessment.record_score(wb, open_round, "G02", "consensus", 4)
    assert open_round in scoring.rounds_with_levels(wb, "consensus")


def test_the_self_round_beside_the_outsiders_is_the_last_one_with_levels_before_their_visit(session: Session):
    wb = session.workbook
    assert scoring.comparison_rounds(wb) == ("x1", "r4")
    wb.scores = [s for s in wb.scores if not (s.round_id == "r4" and s.rater == "consensus")]
    assert scoring.comparison_rounds(wb, value="consensus") == ("x1", "r3")  # r4 was rated alone only
    assert scoring.comparison_rounds(wb, value="median") == ("x1", "r4")
    assert scoring.comparison_rounds(wb) == ("x1", "r4")  # the table's own level: consensus, else the median
    wb.scores = [s for s in wb.scores if s.round_id != "r4"]
    assert scoring.comparison_rounds(wb) == ("x1", "r3")
