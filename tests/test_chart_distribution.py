"""The distribution chart: 100% bars of the individual scores per indicator and round.

Expected counts come from the sample's scores.csv read here without the package (the
latest rating of each rater counts; an empty score is a skip), and the bars are read back
from the drawn rectangles: each part's length over the bar's is the share of raters.
"""

# ruff: noqa: F401, F811  (`draw` is a fixture: imported for pytest, then every test's argument)

from __future__ import annotations

import csv
import io
import statistics
from collections import Counter
from datetime import datetime

import matplotlib.text
import numpy as np
import pytest
from chart_checks import (
    EDGE_CASES,
    all_text,
    draw,
    fonts_used,
    latest_ratings,
    main_sample,
    matches_baseline,
    png_size,
    sample_rows,
    texts,
)
from matplotlib.colors import to_hex

from mchch_widgets import samples, scoring
from mchch_widgets.charts.common import ChartOptions, round_looks
from mchch_widgets.charts.distribution import BAR_HEIGHT, distribution_chart
from mchch_widgets.charts.text_group import TextGroup
from mchch_widgets.colours import ink_on, level_colour
from mchch_widgets.text import t

SCALE = range(1, 6)
OPTIONS = [ChartOptions(lang=lang, theme=theme) for lang in ("th", "en") for theme in ("projector", "print")]


# --- the sample, read independently -------------------------------------------------------


def selected_ids() -> list[str]:
    return [row["indicator_id"] for row in sample_rows("indicators.csv") if row["status"] == "selected"]


def rounds_by_date() -> list[dict[str, str]]:
    return sorted(sample_rows("rounds.csv"), key=lambda row: row["held_on"])


def individual() -> dict[tuple[str, str], list[int | None]]:
    """(round, indicator) -> every individual rater's latest score (None: skipped)."""
    given: dict[tuple[str, str], list[int | None]] = {}
    for (r, i, rater), score in latest_ratings().items():
        if rater != "consensus":
            given.setdefault((r, i), []).append(score)
    return given


def consensus() -> dict[tuple[str, str], int | None]:
    return {(r, i): s for (r, i, rater), s in latest_ratings().items() if rater == "consensus"}


# --- reading the figure back --------------------------------------------------------------


def collection(figure, gid: str):
    found = [c for c in figure.axes[0].collections if c.get_gid() == gid]
    assert len(found) == 1, gid
    return found[0]


def shapes(collection) -> list[tuple[np.ndarray, str]]:
    """Each shape (its vertices) in a collection drawn as one path per colour, with its fill colour."""
    found = []
    for path, colour in zip(collection.get_paths(), collection.get_facecolors()):
        starts = np.nonzero(path.codes == path.MOVETO)[0]
        found += [(part, to_hex(colour)) for part in np.split(path.vertices, starts[1:])]
    return found


def bars(figure) -> dict[tuple[int, int], list[tuple[float, float, str]]]:
    """(row, column) -> the bar's parts left to right: (left, width, colour)."""
    found: dict[tuple[int, int], list[tuple[float, float, str]]] = {}
    for corners, colour in shapes(collection(figure, "segments")):
        xs, ys = corners[:, 0], corners[:, 1]
        assert ys.max() - ys.min() == pytest.approx(BAR_HEIGHT)
        key = (round(float(ys.min() + ys.max()) / 2), int(xs.min()))
        found.setdefault(key, []).append((float(xs.min()), float(xs.max() - xs.min()), colour))
    return {key: sorted(value) for key, value in found.items()}


def groups(figure, prefix: str = "") -> list[TextGroup]:
    """The groups of texts the chart drew (counts, bar ends, titles…) whose gid starts with `prefix`."""
    return [a for a in figure.axes[0].get_children()
            if isinstance(a, TextGroup) and (a.get_gid() or "").startswith(prefix)]


def bar_texts(figure, prefix: str) -> dict[tuple[int, ...], str]:
    """key -> text in the groups named `prefix`: (row, column, level) of a count, (row, column) of the others."""
    return {tuple(int(n) for n in key): text for group in groups(figure, prefix)
            for key, text in zip(group.keys, group.texts)}


def words(figure) -> list[str]:
    """Every text on the figure: matplotlib's Texts and the chart's groups."""
    return texts(figure) + [text for group in groups(figure) for text in group.texts if text]


def every_word(figure) -> str:
    return all_text(figure) + " " + " ".join(words(figure)).replace("\n", "")


def fonts(figure) -> set[str]:
    return fonts_used(figure) | {group.get_fontname() for group in groups(figure) if any(group.texts)}


def headers(figure) -> list[str]:
    """The rounds' headers, left to right."""
    (group,) = groups(figure, "round_names")
    return [text for _, text in sorted(zip(group.points[:, 0], group.texts))]


def row_titles(figure) -> list[str]:
    return [text for group in groups(figure, "row_titles") for text in group.texts]


def pointers(figure) -> list[tuple[float, float]]:
    """The middle of each pointer (it is drawn as one path of triangles)."""
    return [(float(corners[:, 0].min() + corners[:, 0].max()) / 2, float(corners[:, 1].min() + corners[:, 1].max()) / 2)
            for corners, _ in shapes(collection(figure, "pointers"))]


# --- the sample ---------------------------------------------------------------------------


def test_each_bar_is_the_share_of_raters_per_level_in_level_order(draw):
    figure, _ = draw(distribution_chart, main_sample())
    given, drawn = individual(), bars(figure)
    rounds = rounds_by_date()
    checked = 0
    for y, indicator_id in enumerate(selected_ids()):
        for x, round_ in enumerate(rounds):
            levels = [s for s in given[round_["round_id"], indicator_id] if s is not None]
            counts = sorted(Counter(levels).items())  # level order: pale (low) on the left
            parts = drawn[y, x]
            length = sum(width for _, width, _ in parts)
            assert [width / length for _, width, _ in parts] == pytest.approx([n / len(levels) for _, n in counts])
            assert [colour for _, _, colour in parts] == [level_colour(level, SCALE).lower() for level, _ in counts]
            lefts = [left for left, _, _ in parts]
            assert lefts == sorted(lefts)
            checked += 1
    assert checked == 50


def test_all_bars_have_the_same_length(draw):
    figure, _ = draw(distribution_chart, main_sample())
    lengths = {round(sum(width for _, width, _ in parts), 6) for parts in bars(figure).values()}
    assert len(lengths) == 1


def test_counts_are_written_in_the_parts_wide_enough(draw):
    figure, _ = draw(distribution_chart, main_sample())
    given = individual()
    rounds = rounds_by_date()
    written = bar_texts(figure, "counts")
    assert len(written) > 100
    for (y, x, level), text in written.items():
        levels = given[rounds[x]["round_id"], selected_ids()[y]]
        assert text == str(levels.count(level))
    (counts,) = groups(figure, "counts")
    for (_, _, level), colour in zip(counts.keys, counts.colours):  # the ink that reads on its part
        assert to_hex(colour) == ink_on(level_colour(level, SCALE)).lower()


def test_raters_and_skips_are_written_at_the_bar_end(draw):
    figure, _ = draw(distribution_chart, main_sample())
    given = individual()
    rounds = rounds_by_date()
    ends = bar_texts(figure, "ends")
    assert len(ends) == 50
    for (y, x), text in ends.items():
        ratings = given[rounds[x]["round_id"], selected_ids()[y]]
        skipped = ratings.count(None)
        expected = f"{len(ratings) - skipped} คน" + (f"\nข้าม {skipped}" if skipped else "")
        assert text == expected
    assert any("ข้าม" in text for text in ends.values())  # the sample has skips (r3 G02: 2)


def test_pointer_marks_the_agreed_level(draw):
    figure, _ = draw(distribution_chart, main_sample())
    agreed, drawn = consensus(), bars(figure)
    rounds = rounds_by_date()
    points = pointers(figure)
    assert len(points) == 50
    levels_given = individual()
    for px, py in points:
        y = round(py + BAR_HEIGHT / 2 + 0.2)  # the pointer sits just above its bar
        x = int(px)
        level = agreed[rounds[x]["round_id"], selected_ids()[y]]
        given = sorted(s for s in levels_given[rounds[x]["round_id"], selected_ids()[y]] if s is not None)
        parts = drawn[y, x]
        below = sum(width for left, width, colour in parts
                    if colour in {level_colour(lv, SCALE).lower() for lv in SCALE if lv < level})
        at = sum(width for _, width, colour in parts if colour == level_colour(level, SCALE).lower())
        start = parts[0][0]
        assert px == pytest.approx(start + below + at / 2)
        if level in given:
            assert at > 0  # over the middle of the part of the agreed level


def test_median_pointer_sits_between_two_levels_when_the_median_does(draw):
    figure, _ = draw(distribution_chart, main_sample(), ChartOptions(value="median"))
    assert t("chart_distribution_mark_median", "th") in every_word(figure)
    given = individual()
    rounds = rounds_by_date()
    column = [r["round_id"] for r in rounds].index("x1")
    row = selected_ids().index("G05")
    ratings = [s for s in given["x1", "G05"] if s is not None]
    assert statistics.median(ratings) == 2.5
    parts = bars(figure)[row, column]
    boundary = parts[0][0] + sum(width for _, width, colour in parts
                                 if colour in (level_colour(1, SCALE).lower(), level_colour(2, SCALE).lower()))
    near = [px for px, py in pointers(figure) if int(px) == column and round(py + 0.5) == row]
    assert near == [pytest.approx(boundary)]


def test_value_does_not_change_the_bars(draw):
    consensus_figure, _ = draw(distribution_chart, main_sample())
    median_figure, _ = draw(distribution_chart, main_sample(), ChartOptions(value="median"))
    assert bars(consensus_figure) == bars(median_figure)


def test_rounds_keep_their_colours_at_each_bar_and_in_the_header(draw):
    workbook = main_sample()
    figure, _ = draw(distribution_chart, workbook)
    looks = round_looks(workbook)
    order = [r["round_id"] for r in rounds_by_date()]
    header = collection(figure, "round_chips")
    assert [to_hex(c) for c in header.get_colors()] == [looks[r].colour.lower() for r in order]
    chips = shapes(collection(figure, "bar_chips"))
    assert len(chips) == 10 * len(order)  # one before every bar
    for corners, face in chips:
        assert face == looks[order[int(corners[:, 0].min())]].colour.lower()


def test_ten_indicators_by_five_rounds_fit_the_projector(draw):
    _, png = draw(distribution_chart, main_sample())
    assert png_size(png) == (1280, 720)


@pytest.mark.parametrize("options", OPTIONS, ids=lambda o: f"{o.lang}-{o.theme}")
def test_both_languages_and_themes_use_the_thai_font(draw, options):
    figure, png = draw(distribution_chart, main_sample(), options)
    assert fonts(figure) == {"Noto Sans Thai"}
    assert png_size(png)[0] == round(options.style.width_inches * 100)
    said = every_word(figure)
    assert t("chart_distribution_title", options.lang) in said
    assert t("chart_distribution_mark_consensus", options.lang) in said  # what the pointer marks
    if options.theme == "projector":  # nothing too small to read from the back of the hall
        sizes = [text.get_fontsize() for text in figure.findobj(matplotlib.text.Text) if text.get_text()]
        assert min(sizes + [group.size for group in groups(figure) if any(group.texts)]) >= 12


def test_thai_digits_when_asked(draw):
    figure, _ = draw(distribution_chart, main_sample(), ChartOptions(digits=True))
    written = list(bar_texts(figure, "counts").values()) + list(bar_texts(figure, "ends").values())
    assert written and not [w for w in written if any(c.isascii() and c.isdigit() for c in w)]


# --- the edge cases -----------------------------------------------------------------------


@pytest.mark.parametrize("options", OPTIONS, ids=lambda o: f"{o.lang}-{o.theme}")
@pytest.mark.parametrize("case", EDGE_CASES)
def test_every_edge_case_draws_without_a_zero(draw, case, options):
    workbook = EDGE_CASES[case]()
    figure, png = draw(distribution_chart, workbook, options)
    assert fonts(figure) == {"Noto Sans Thai"}
    assert png_size(png)[0] == round(options.style.width_inches * 100)
    assert not [text for text in words(figure) if text.strip() in ("0", "๐")]
    if figure.axes[0].collections:
        assert all(width > 0 for parts in bars(figure).values() for _, width, _ in parts)


@pytest.mark.parametrize(("case", "key"), [("no_rounds", "chart_no_rounds"),
                                           ("no_indicators", "chart_no_indicators"),
                                           ("rounds_without_scores", "chart_no_levels_median")])
def test_nothing_to_show_says_why(draw, case, key):
    figure, _ = draw(distribution_chart, EDGE_CASES[case]())
    assert t(key, "th") in every_word(figure)


def test_no_round_chosen_says_so(draw):
    figure, _ = draw(distribution_chart, main_sample(), ChartOptions(rounds=()))
    assert t("chart_no_rounds_chosen", "th") in all_text(figure)


def test_rounds_without_scores_are_empty_outlines_that_say_so(draw):
    figure, _ = draw(distribution_chart, EDGE_CASES["rounds_without_scores"](), ChartOptions(lang="en"))
    assert bars(figure) == {}
    assert len(collection(figure, "empty_bars").get_paths()) == 5 * 2
    assert set(bar_texts(figure, "empty_texts")) == {(y, x) for y in range(5) for x in range(2)}
    assert set(bar_texts(figure, "empty_texts").values()) == {t("chart_distribution_none", "en")}
    assert bar_texts(figure, "ends") == {}


def test_all_skipped_indicator_says_all_skipped(draw):
    workbook = EDGE_CASES["all_ratings_skipped"]()
    figure, _ = draw(distribution_chart, workbook)
    table = scoring.distribution(workbook)
    skips = table.xs("I02", level="indicator_id")["skipped"]
    empty = bar_texts(figure, "empty_texts")
    assert set(empty) == {(1, x) for x in range(4)}
    assert set(empty.values()) == {f"ข้ามทุกคน ({n})" for n in skips}
    assert not [key for key in bars(figure) if key[0] == 1]
    assert not [p for p in pointers(figure) if round(p[1] + 0.5) == 1]  # nothing agreed: no pointer


def test_a_round_on_another_scale_is_marked(draw):
    figure, _ = draw(distribution_chart, EDGE_CASES["other_scale"]())
    names = headers(figure)
    assert "(ระดับ 1–3)" in names[0] and "ระดับ" not in names[1]
    assert "ใช้ระดับ 1–3" in all_text(figure)


def test_more_than_six_rounds_keep_the_first_and_the_latest_and_name_the_others(draw):
    workbook = EDGE_CASES["twelve_by_eight"]()  # r1 r2 x1 r3 r4 x2 r5 r6, all rated
    figure, _ = draw(distribution_chart, workbook)
    order = workbook.rounds_in_order()
    names = headers(figure)
    assert len(names) == 6
    assert names[0].startswith(order[0].label[:7]) and names[1].startswith(order[3].label[:7])
    note = t("chart_radar_left_out", "th", count="6", labels=f"{order[1].label}, {order[2].label}")
    assert note in all_text(figure)
    assert len(bars(figure)) == 12 * 6


def test_thirty_indicators_make_a_taller_figure(draw):
    figure, png = draw(distribution_chart, EDGE_CASES["thirty_indicators"]())
    assert png_size(png)[1] > 720
    assert len(row_titles(figure)) == 30
    assert len(bars(figure)) == 30 * 4


def test_one_round_draws_one_column(draw):
    figure, _ = draw(distribution_chart, EDGE_CASES["one_round"]())
    assert len(headers(figure)) == 1
    assert len(bars(figure)) == 5


# --- images -------------------------------------------------------------------------------


@pytest.mark.parametrize(("name", "case", "options"), [
    ("distribution_sample_projector_th", None, ChartOptions()),
    ("distribution_sample_print_en", None, ChartOptions(lang="en", theme="print")),
    ("distribution_all_ratings_skipped_projector_th", "all_ratings_skipped", ChartOptions(value="median")),
])
def test_looks_like_the_baseline(draw, name, case, options):
    workbook = main_sample() if case is None else EDGE_CASES[case]()
    _, png = draw(distribution_chart, workbook, options)
    matches_baseline(png, name)
