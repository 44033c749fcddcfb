"""The bars of individual scores: counts as entered, highest level on top, the agreed level marked."""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from pathlib import Path

from workbook_files import read_csv_text, reread

from mchch_widgets import store
from mchch_widgets.colours import step_colour
from mchch_widgets.text import t
from mchch_widgets.thai import thai_digits
from mchch_widgets.widgets.widget_distribution import Distribution, counts_of, strip_html


def individual_ratings(folder: Path, round_id: str, indicator_id: str) -> dict[str, str]:
    """rater -> the score cell that counts (the latest row of each rater; '' is a skip), consensus left out.

    Read straight from scores.csv, as a spreadsheet shows it: an independent check of the widgets.
    """
    latest: dict[str, tuple[str, str]] = {}
    rows = csv.DictReader(io.StringIO(read_csv_text(folder, store.SCORES), newline=""))
    mine = [row for row in rows
            if (row["round_id"], row["indicator_id"]) == (round_id, indicator_id) and row["rater"] != "consensus"]
    for row in mine:
        if row["rater"] not in latest or row["recorded_at"] >= latest[row["rater"]][0]:
            latest[row["rater"]] = (row["recorded_at"], row["score"])
    return {rater: score for rater, (_at, score) in latest.items()}


def shown_levels(markup: str) -> list[str]:
    return re.findall(r"class='mchch-dist-level'[^>]*>([^<]*)</span>", markup)


def shown_counts(markup: str) -> list[str]:
    return re.findall(r"class='mchch-dist-count[^']*'>([^<]*)</span>", markup)


def test_the_bars_show_the_counts_entered_highest_level_on_top(sample_folder, session):
    given = individual_ratings(sample_folder, "r4", "G02")
    counted = Counter(int(score) for score in given.values() if score)
    scale = reread(sample_folder).profile.levels

    counts, skipped = counts_of(session.workbook, "r4", "G02")
    bars = Distribution(counts, skipped, scale, "th")

    assert bars.counts == {level: counted.get(level, 0) for level in scale}
    assert bars.skipped == sum(1 for score in given.values() if not score)
    top_down = sorted(scale, reverse=True)
    assert shown_levels(bars.value) == [thai_digits(str(level)) for level in top_down]
    assert shown_counts(bars.value) == [
        t("dist_people", "th", n=thai_digits(str(counted.get(level, 0)))) for level in top_down]
    assert t("dist_total", "th", n=thai_digits(str(len(given)))) in bars.value


def test_each_bar_wears_its_ladder_colour_and_the_longest_is_the_most_given(session):
    scale = range(1, 6)
    bars = Distribution({1: 0, 2: 1, 3: 6, 4: 3, 5: 0}, 0, scale, "th")
    colours = re.findall(r"class='mchch-dist-bar' style='width:(\d+)%;background:(#[0-9A-F]{6})'", bars.value)
    assert [colour for _width, colour in colours] == [step_colour(p, 5) for p in reversed(range(5))]
    widths = {level: int(width) for level, (width, _c) in zip(sorted(scale, reverse=True), colours)}
    assert max(widths, key=widths.get) == 3 and widths[1] == widths[5] == 0
    assert widths[2] < widths[4] < widths[3]


def test_the_agreed_level_is_marked_with_a_symbol_and_words_not_colour_alone():
    bars = Distribution({1: 1, 2: 2, 3: 3, 4: 0, 5: 0}, 0, range(1, 6), "th", consensus=2)
    rows = re.findall(r"<div class='mchch-dist-row[^>]*>.*?</div></div>", bars.value)
    marked = [row for row in rows if t("dist_agreed", "th") in row]
    assert len(marked) == 1 and f">{thai_digits('2')}</span>" in marked[0]
    assert "mchch-dist-agreed" in marked[0]
    assert t("dist_agreed", "th").startswith("◆")


def test_nothing_is_marked_without_a_consensus_and_skips_get_their_own_line():
    bars = Distribution({1: 0, 2: 2, 3: 1, 4: 0, 5: 0}, 2, range(1, 6), "th")
    assert t("dist_agreed", "th") not in bars.value
    assert t("dist_skipped", "th", n="๒") in bars.value
    assert t("dist_total", "th", n="๕") in bars.value  # three gave a level, two skipped


def test_update_redraws_with_new_counts_and_the_consensus():
    bars = Distribution({1: 1, 2: 0, 3: 0, 4: 0, 5: 0}, 0, range(1, 6), "th")
    bars.update({1: 0, 2: 0, 3: 0, 4: 4, 5: 1}, 1, consensus=4)

    assert shown_counts(bars.value)[:2] == [t("dist_people", "th", n="๑"), t("dist_people", "th", n="๔")]
    assert t("dist_agreed", "th") in bars.value
    assert t("dist_skipped", "th", n="๑") in bars.value
    assert bars.total == 6


def test_an_agreed_not_applicable_is_said_in_words():
    bars = Distribution({1: 1, 2: 0, 3: 0, 4: 0, 5: 0}, 1, range(1, 6), "th")
    bars.update(bars.counts, bars.skipped, None, agreed_na=True)
    assert t("dist_agreed_na", "th") in bars.value


def test_nobody_scored_says_so():
    bars = Distribution({}, 0, range(1, 6), "th")
    assert t("dist_none", "th") in bars.value
    assert bars.total == 0


def test_english_labels_and_arabic_digits():
    bars = Distribution({1: 0, 2: 0, 3: 2, 4: 1, 5: 0}, 1, range(1, 6), "en", consensus=3)
    assert shown_levels(bars.value) == ["5", "4", "3", "2", "1"]
    assert "◆ agreed" in bars.value
    assert t("dist_total", "en", n=4) in bars.value
    assert t("dist_skipped", "en", n=1) in bars.value
    assert not re.search("[ก-๙]", bars.value)


def test_digits_false_keeps_arabic_digits_in_thai():
    bars = Distribution({1: 0, 2: 0, 3: 2, 4: 0, 5: 0}, 0, range(1, 6), "th", digits=False)
    assert shown_levels(bars.value) == ["5", "4", "3", "2", "1"]
    assert t("dist_people", "th", n="2") in bars.value


def test_the_small_strip_has_a_column_per_level_lowest_first_with_its_count():
    markup = strip_html({1: 2, 2: 0, 3: 5, 4: 1, 5: 0}, 0, range(1, 6), "th")
    counts = re.findall(r"class='mchch-strip-count'>([^<]*)</span>", markup)
    assert counts == ["๒", "๐", "๕", "๑", "๐"]
    heights = [int(h) for h in re.findall(r"height:(\d+)px", markup)]
    assert heights.index(max(heights)) == 2 and heights[1] == heights[4] == 0
