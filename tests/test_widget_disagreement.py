"""Where the room disagrees: indicators ranked by the spread of the individual scores entered."""

from __future__ import annotations

import statistics

import pytest
from workbook_files import reread

from mchch_widgets import assessment, store
from mchch_widgets.model import CONSENSUS
from mchch_widgets.text import t
from mchch_widgets.thai import thai_digits
from mchch_widgets.widgets.widget_disagreement import DisagreementList

# What four people (P01–P04) gave each indicator in the new round; None is "skip / not applicable".
RATINGS: dict[str, list[int | None]] = {
    "G01": [3, 3, 3, 3],
    "G02": [1, 5, 3, 3],
    "G03": [1, 5, 1, 5],
    "G04": [2, 4, 3, 3],
    "G05": [2, 4, 2, 4],
    "G06": [1, 3, 2, 2],
    "G08": [4, None, 5, 4],
    "G09": [None],
    "G10": [5, 5, 4, 5],
}  # G07: nobody scored it on their own


def rate_everyone(session, round_id: str, ratings: dict[str, list[int | None]] = RATINGS) -> None:
    def rate(wb) -> None:
        for indicator_id, levels in ratings.items():
            for n, level in enumerate(levels, start=1):
                assessment.record_score(wb, round_id, indicator_id, f"P{n:02d}", level)

    session.change(rate, store.SCORES)


def expected_order(folder, round_id: str) -> tuple[list[str], list[str]]:
    """(ranked, unrated) worked out here from the scores on disk: widest spread, then widest middle half,
    then workbook order; indicators nobody gave a level come last, in workbook order."""
    workbook = reread(folder)
    ids = [i.indicator_id for i in workbook.selected_indicators()]
    given = {iid: [s.score for s in workbook.current_scores()
                   if (s.round_id, s.indicator_id) == (round_id, iid) and s.rater != CONSENSUS and s.score is not None]
             for iid in ids}

    def key(iid: str) -> tuple[float, float, int]:
        levels = given[iid]
        quartiles = statistics.quantiles(levels, n=4, method="inclusive") if len(levels) > 1 else [levels[0]] * 3
        return (-(max(levels) - min(levels)), -(quartiles[2] - quartiles[0]), ids.index(iid))

    rated = [iid for iid in ids if given[iid]]
    return sorted(rated, key=key), [iid for iid in ids if not given[iid]]


@pytest.fixture
def discussed() -> list[str]:
    return []


@pytest.fixture
def listing(session, open_round, discussed) -> DisagreementList:
    rate_everyone(session, open_round)
    return DisagreementList(session, "th", open_round, discussed.append)


def row_for(listing: DisagreementList, indicator_id: str):
    return next(row for row in listing.rows if row.indicator_id == indicator_id)


def test_widest_disagreement_comes_first_then_iqr_then_workbook_order(listing, sample_folder, open_round):
    ranked, unrated = expected_order(sample_folder, open_round)

    assert listing.order == ranked + unrated
    assert [row.position for row in listing.rows] == [*range(1, len(ranked) + 1), *[None] * len(unrated)]
    assert ranked[:2] == ["G03", "G02"]  # the same spread of 4: the wider middle half first (a check on the data)


def test_each_row_says_the_spread_median_and_people_in_words(listing, sample_folder, open_round):
    top = row_for(listing, listing.order[0])
    levels = [level for level in RATINGS[top.indicator_id] if level is not None]
    low, high = min(levels), max(levels)
    expected = t("disagree_range", "th", low=thai_digits(str(low)), high=thai_digits(str(high)),
                 spread=thai_digits(str(high - low)))
    assert expected in top.info.value
    assert t("disagree_median", "th", median=thai_digits(str(int(statistics.median(levels))))) in top.info.value
    assert t("disagree_raters", "th", n=thai_digits(str(len(levels)))) in top.info.value
    title = reread(sample_folder).indicator(top.indicator_id).title
    assert title in top.info.value
    assert top.rank.value == "๑"


def test_skips_are_counted_apart_and_an_all_alike_row_says_so(listing):
    skipping = row_for(listing, "G08")
    assert t("disagree_skipped", "th", n="๑") in skipping.info.value
    assert t("disagree_raters", "th", n="๓") in skipping.info.value
    alike = row_for(listing, "G01")
    assert t("disagree_same", "th", level="๓") in alike.info.value


def test_the_small_histogram_shows_how_many_gave_each_level(listing):
    row = row_for(listing, "G02")
    counts = [RATINGS["G02"].count(level) for level in range(1, 6)]
    for level, count in zip(range(1, 6), counts):
        assert f"<span class='mchch-strip-count'>{thai_digits(str(count))}</span>" in row.strip.value
    assert row.strip.value.count("mchch-strip-cell") == 5


def test_indicators_without_individual_scores_come_last_under_their_heading(listing):
    assert listing.order[-2:] == ["G07", "G09"]  # G09 was only skipped
    children = list(listing.list.children)
    heading = children.index(listing.unrated_heading)
    assert [c.indicator_id for c in children[heading + 1:]] == ["G07", "G09"]
    assert listing.unrated_heading.value == t("disagree_unrated_heading", "th")
    assert row_for(listing, "G07").strip.value == ""
    assert t("disagree_skipped", "th", n="๑") in row_for(listing, "G09").info.value


def test_discuss_hands_over_the_indicator(listing, discussed):
    row_for(listing, "G05").discuss.click()
    listing.rows[0].discuss.click()
    assert discussed == ["G05", listing.order[0]]
    assert listing.rows[0].discuss.description == t("disagree_discuss", "th")


def test_an_agreed_indicator_wears_the_tag_after_refresh(listing, session, open_round):
    assert all(row.tag.value == "" for row in listing.rows)
    session.change(lambda wb: assessment.record_score(wb, open_round, "G02", CONSENSUS, 3, "ตกลงกัน"), store.SCORES)
    session.change(lambda wb: assessment.record_score(wb, open_round, "G07", CONSENSUS, None), store.SCORES)
    listing.refresh()

    assert t("disagree_agreed", "th", level="๓") in row_for(listing, "G02").tag.value
    assert t("disagree_agreed_na", "th") in row_for(listing, "G07").tag.value
    assert row_for(listing, "G03").tag.value == ""


def test_the_heading_explains_the_order_and_counts_the_people(listing):
    assert t("disagree_help", "th") in listing.heading.value
    assert t("disagree_raters_total", "th", n="๔") in listing.heading.value  # P01–P04
    assert listing.empty not in listing.children


def test_nobody_rated_yet_says_how_to_collect_individual_scores_first(session, open_round, sample_folder):
    listing = DisagreementList(session, "th", open_round, lambda _id: None)

    assert listing.empty in listing.children
    assert "ให้คะแนนของตนเองก่อน" in listing.empty.value
    selected = [i.indicator_id for i in reread(sample_folder).selected_indicators()]
    assert listing.order == selected  # all still reachable, in workbook order
    assert all(row.position is None for row in listing.rows)


def test_a_closed_round_shows_its_disagreement_with_a_closed_note(session, sample_folder):
    listing = DisagreementList(session, "th", "r4", lambda _id: None)
    assert listing.closed_note in listing.children
    ranked, unrated = expected_order(sample_folder, "r4")
    assert listing.order == ranked + unrated
    agreed = {s.indicator_id: s.score for s in reread(sample_folder).current_scores()
              if s.round_id == "r4" and s.rater == CONSENSUS}
    for row in listing.rows:
        level = agreed[row.indicator_id]
        expected = (t("disagree_agreed", "th", level=thai_digits(str(level))) if level is not None
                    else t("disagree_agreed_na", "th"))
        assert expected in row.tag.value


def test_english_labels(session, open_round):
    rate_everyone(session, open_round)
    listing = DisagreementList(session, "en", open_round, lambda _id: None)
    assert listing.rows[0].discuss.description == "Discuss and agree →"
    assert "Widest disagreement first" in listing.heading.value
    assert "lowest 1 – highest 5 · a spread of 4" in listing.rows[0].info.value
    assert listing.unrated_heading.value == "No individual scores yet"
