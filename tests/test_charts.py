"""charts and scoring: the consensus chart as the projector shows it, and the table under it."""

from __future__ import annotations

import csv
import io
import logging
import warnings
from datetime import date, datetime, timedelta, timezone

import matplotlib.text
import pandas as pd
import pytest
from chart_checks import make_workbook
from matplotlib.collections import PathCollection
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from matplotlib.font_manager import FontProperties
from PIL import Image

from mchch_widgets import charts, model, samples, scoring, store
from mchch_widgets.model import Workbook

MAIN = samples.MAIN_SAMPLE
THAI_FONT = "Noto Sans Thai"
ICT = timezone(timedelta(hours=7))
NO_INDICATORS = ("ยังไม่ได้เลือกตัวชี้วัด", "No indicators selected yet")
NO_SCORES = ("ยังไม่มีคะแนนฉันทามติ", "No consensus scores yet")
CHART_TITLE = ("คะแนนฉันทามติ รอบต่อรอบ", "Consensus score, round by round")
GLYPH_TROUBLE = ("missing from font", "Glyph", "findfont", "not found")


# --- reading the samples independently of the package -----------------------------------


def read_csv(name: str, file: str) -> list[dict[str, str]]:
    data = (samples.sample_path(name) / file).read_bytes().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(data, newline="")))


def expected_consensus(name: str) -> dict[tuple[str, str], int | None]:
    """(round, indicator) -> the latest consensus score in scores.csv (None when skipped)."""
    latest: dict[tuple[str, str], tuple[datetime, int | None]] = {}
    for row in read_csv(name, "scores.csv"):
        if row["rater"] != "consensus":
            continue
        key = (row["round_id"], row["indicator_id"])
        when = datetime.fromisoformat(row["recorded_at"])
        score = int(row["score"]) if row["score"].strip() else None
        if key not in latest or when >= latest[key][0]:
            latest[key] = (when, score)
    return {key: score for key, (_, score) in latest.items()}


def selected_ids(name: str) -> list[str]:
    return [row["indicator_id"] for row in read_csv(name, "indicators.csv") if row["status"] == "selected"]


def round_ids_by_date(name: str) -> list[str]:
    rounds = read_csv(name, "rounds.csv")
    return [row["round_id"] for row in sorted(rounds, key=lambda row: row["held_on"])]


# --- fixtures and helpers ---------------------------------------------------------------


@pytest.fixture(scope="module")
def sample_workbooks() -> dict[str, Workbook]:
    return {name: store.read_workbook(samples.sample_path(name)) for name in samples.sample_names()}


@pytest.fixture
def main_workbook(sample_workbooks) -> Workbook:
    return sample_workbooks[MAIN]


@pytest.fixture
def draw(caplog):
    """Make a chart and render it to PNG, failing on any font warning (warnings or logging)."""

    def run(workbook: Workbook, lang: str = "th", theme: str = "projector") -> tuple[Figure, bytes]:
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="matplotlib"), warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            figure = charts.consensus_chart(workbook, lang=lang, theme=theme)
            png = charts.figure_png(figure)
        messages = [str(w.message) for w in caught]
        messages += [r.getMessage() for r in caplog.records if r.name.startswith("matplotlib")]
        assert [m for m in messages if any(word in m for word in GLYPH_TROUBLE)] == []
        assert messages == [], f"matplotlib complained: {messages}"
        return figure, png

    return run


def texts(figure: Figure) -> list[str]:
    return [t.get_text() for t in figure.findobj(matplotlib.text.Text) if t.get_text()]


def png_size(png: bytes) -> tuple[int, int]:
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    with Image.open(io.BytesIO(png)) as image:
        image.verify()
    with Image.open(io.BytesIO(png)) as image:
        return image.size


def ytick_titles_top_to_bottom(figure: Figure) -> list[str]:
    axes = figure.axes[0]
    ticks = list(zip(axes.get_yticks(), axes.get_yticklabels()))
    return [label.get_text() for _, label in sorted(ticks, key=lambda pair: -pair[0])]


def unwrapped(label: str) -> str:
    return label.replace("\n", "").replace(" ", "")


def dots_by_round(figure: Figure, workbook: Workbook) -> dict[str, list[tuple[float, float]]]:
    """Round id -> the (level, y) of the dots in that round's colour."""
    colours = charts.round_colours(workbook)
    by_colour = {colour.lower(): round_id for round_id, colour in colours.items()}
    found: dict[str, list[tuple[float, float]]] = {}
    for collection in figure.axes[0].collections:
        if not isinstance(collection, PathCollection) or not len(collection.get_facecolor()):
            continue
        colour = to_hex(collection.get_facecolor()[0])
        if colour in by_colour:
            round_id = by_colour[colour]
            assert round_id not in found, f"two collections in the colour of round {round_id}"
            found[round_id] = [tuple(map(float, xy)) for xy in collection.get_offsets()]
    return found


def dots_as_scores(figure: Figure, workbook: Workbook) -> dict[tuple[str, str], float]:
    """(round, indicator) -> level of each dot; the indicator is the row the dot sits in."""
    selected = workbook.selected_indicators()
    by_row = {len(selected) - 1 - n: i.indicator_id for n, i in enumerate(selected)}
    result = {}
    for round_id, points in dots_by_round(figure, workbook).items():
        for x, y in points:
            row = round(y)
            assert abs(y - row) < 0.35, f"dot at y={y} is not inside an indicator's row"
            key = (round_id, by_row[row])
            assert key not in result, f"two dots for {key}"
            result[key] = x
    return result


# --- scoring.consensus_by_round ---------------------------------------------------------


@pytest.mark.parametrize("name", samples.sample_names())
def test_consensus_by_round_matches_scores_csv(sample_workbooks, name):
    table = scoring.consensus_by_round(sample_workbooks[name])

    rounds, selected = round_ids_by_date(name), selected_ids(name)
    expected = expected_consensus(name)
    assert list(table.columns) == scoring.CONSENSUS_COLUMNS
    assert len(table) == len(rounds) * len(selected)
    assert list(zip(table["round_id"], table["indicator_id"])) == [(r, i) for r in rounds for i in selected]
    got = {(r, i): (None if pd.isna(v) else v) for r, i, v in zip(table["round_id"], table["indicator_id"],
                                                                 table["consensus"])}
    assert got == {(r, i): expected.get((r, i)) for r in rounds for i in selected}


def test_consensus_by_round_on_the_main_sample(main_workbook):
    table = scoring.consensus_by_round(main_workbook)

    rounds = read_csv(MAIN, "rounds.csv")
    indicators = {row["indicator_id"]: row for row in read_csv(MAIN, "indicators.csv")}
    selected = selected_ids(MAIN)
    assert len(selected) == 10 and len(rounds) == 5
    assert len(table) == 50
    # Rounds in date order, each with every selected indicator in workbook order.
    assert list(dict.fromkeys(table["round_id"])) == ["r1", "r2", "r3", "r4", "x1"]
    assert list(table["held_on"]) == sorted(table["held_on"])
    assert list(table["indicator_id"][:10]) == selected
    by_round = {row["round_id"]: row for row in rounds}
    for record in table.to_dict("records"):
        source = by_round[record["round_id"]]
        assert record["round_label"] == source["label"]
        assert record["held_on"] == date.fromisoformat(source["held_on"])
        assert record["assessor"] == source["assessor"]
        assert record["title"] == indicators[record["indicator_id"]]["title"]
        assert record["target"] == int(indicators[record["indicator_id"]]["target"])
    expected = expected_consensus(MAIN)
    assert [int(v) for v in table["consensus"]] == [expected[(r, i)] for r, i in
                                                     zip(table["round_id"], table["indicator_id"])]
    at = table.set_index(["round_id", "indicator_id"])["consensus"]
    assert at[("r1", "G01")] == 2  # scores.csv: r1,G01,consensus,2,ปีที่ผ่านมาประชุมแค่ ๔ ครั้ง ...
    assert at[("x1", "G02")] == 3
    assert str(table["consensus"].dtype) == "Float64"


def test_a_corrected_consensus_replaces_the_earlier_one_in_the_table():
    day = date(2026, 2, 1)
    workbook = make_workbook(2, rounds=[("r1", day, "self")],
                             scores=[("r1", 1, "consensus", 2), ("r1", 1, "P01", 5), ("r1", 1, "consensus", 3),
                                     ("r1", 2, "consensus", 4), ("r1", 2, "consensus", None)])

    table = scoring.consensus_by_round(workbook)

    assert table["consensus"].iloc[0] == 3  # the later consensus wins; a rater's 5 is not consensus
    assert pd.isna(table["consensus"].iloc[1])  # skipped later: no consensus any more


def test_consensus_by_round_of_an_empty_workbook_is_an_empty_table():
    table = scoring.consensus_by_round(model.new_workbook("กลุ่มทดสอบ", "group"))

    assert list(table.columns) == scoring.CONSENSUS_COLUMNS
    assert len(table) == 0


# --- the chart of every sample ----------------------------------------------------------


@pytest.mark.parametrize("name", samples.sample_names())
def test_chart_of_every_sample_renders_a_1280_px_png(sample_workbooks, draw, name):
    figure, png = draw(sample_workbooks[name])

    assert isinstance(figure, Figure)
    width, height = png_size(png)
    assert width == 1280
    assert height == round(figure.get_size_inches()[1] * 100)
    assert 400 <= height <= 1400


def test_print_theme_is_narrower(main_workbook, draw):
    _, png = draw(main_workbook, theme="print")

    assert png_size(png)[0] == 750


def test_main_sample_chart_fits_a_1280x720_projector(main_workbook, draw):
    _, png = draw(main_workbook)

    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = png_size(png)
    assert width == 1280 and height <= 720


def test_the_glyph_check_would_catch_a_font_without_thai(draw):
    """The `draw` fixture's check is real: DejaVu Sans without Thai triggers a warning it sees."""
    figure = Figure()
    figure.text(0.5, 0.5, "ตัวชี้วัด", fontproperties=FontProperties(family="DejaVu Sans"))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        charts.figure_png(figure)
    assert any("missing from font" in str(w.message) for w in caught)


@pytest.mark.parametrize("lang", ["th", "en"])
@pytest.mark.parametrize("name", samples.sample_names())
def test_every_text_uses_the_thai_font(sample_workbooks, draw, name, lang):
    figure, _ = draw(sample_workbooks[name], lang=lang)

    artists = [t for t in figure.findobj(matplotlib.text.Text) if t.get_text()]
    assert len(artists) > 10
    assert {t.get_fontname() for t in artists} == {THAI_FONT}
    assert {t.get_fontfamily()[0] for t in artists} == {THAI_FONT}
    for label in figure.axes[0].get_yticklabels():
        assert label.get_fontname() == THAI_FONT


@pytest.mark.parametrize("name", samples.sample_names())
def test_y_labels_are_the_selected_titles_in_workbook_order_top_down(sample_workbooks, draw, name):
    figure, _ = draw(sample_workbooks[name])

    titles = [row["title"] for row in read_csv(name, "indicators.csv") if row["status"] == "selected"]
    labels = ytick_titles_top_to_bottom(figure)
    assert len(labels) == len(titles)
    for label, title in zip(labels, titles):
        if label.endswith("…"):
            assert unwrapped(title).startswith(unwrapped(label[:-1]))
        else:
            assert unwrapped(label) == unwrapped(title)
        assert label.count("\n") <= 1  # at most two lines


def test_main_sample_labels_top_to_bottom(main_workbook, draw):
    figure, _ = draw(main_workbook)

    labels = [unwrapped(label) for label in ytick_titles_top_to_bottom(figure)]
    assert labels[0] == "การประชุมกลุ่มและบันทึกการประชุม"
    assert labels[1] == "บัญชีกลุ่มและกองทุนออมทรัพย์โปร่งใส"
    assert labels[-1] == unwrapped(main_workbook.selected_indicators()[-1].title)
    assert "ข้อตกลงการเก็บวัตถุดิบ" not in "".join(labels)  # not-selected indicators are not drawn


@pytest.mark.parametrize("name", samples.sample_names())
def test_a_dot_for_every_consensus_score_and_none_for_the_rest(sample_workbooks, draw, name):
    workbook = sample_workbooks[name]
    figure, _ = draw(workbook)

    expected = {
        (r, i): score
        for (r, i), score in expected_consensus(name).items()
        if score is not None and i in selected_ids(name)
    }
    assert dots_as_scores(figure, workbook) == {key: float(score) for key, score in expected.items()}
    assert set(dots_by_round(figure, workbook)) == set(round_ids_by_date(name))


def test_main_sample_has_fifty_dots_in_five_colours(main_workbook, draw):
    figure, _ = draw(main_workbook)

    dots = dots_by_round(figure, main_workbook)
    assert {r: len(points) for r, points in dots.items()} == {"r1": 10, "r2": 10, "r3": 10, "r4": 10, "x1": 10}
    assert charts.round_colours(main_workbook) == {
        "r1": "#0072B2", "r2": "#E69F00", "r3": "#009E73", "r4": "#CC79A7", "x1": "#D55E00",
    }


def test_skipped_and_unscored_indicators_get_no_dot(sample_workbooks, draw):
    """In Nong Bua Thong, C07 was skipped in round 1 and Sa Kaeo's open round 3 is half scored."""
    for name in samples.sample_names():
        workbook = sample_workbooks[name]
        figure, _ = draw(workbook)
        dots = dots_as_scores(figure, workbook)
        every = {(r, i) for r in round_ids_by_date(name) for i in selected_ids(name)}
        missing = {key for key in every if expected_consensus(name).get(key) is None}
        assert not missing & set(dots)
        assert len(dots) == len(every) - len(missing)


def test_each_round_has_its_own_colour_in_dots_and_legend(main_workbook, draw):
    figure, _ = draw(main_workbook)

    colours = charts.round_colours(main_workbook)
    assert len(set(colours.values())) == len(colours)
    assert list(colours.values()) == [c for c in charts.ROUND_COLOURS[: len(colours)]]
    legend = figure.legends[0]
    # legend text: the label (wrapped when long), then the date on its own line
    handles = {" ".join(text.get_text().rsplit("\n", 1)[0].split("\n")): handle
               for text, handle in zip(legend.get_texts(), legend.legend_handles)}
    for round_ in main_workbook.rounds:
        handle = handles[round_.label]
        assert to_hex(handle.get_color()) == colours[round_.round_id].lower()
        assert handle.get_marker() == ("D" if round_.assessor == "external" else "o")
    assert "เป้าหมาย" in handles


def test_a_round_keeps_its_colour_in_every_language_and_theme(main_workbook, draw):
    """Read back by colour, every rendering gives each round the same dots, hence the same colour."""
    expected = {key: float(score) for key, score in expected_consensus(MAIN).items()}
    legend_colours = []
    for lang in ("th", "en"):
        for theme in ("projector", "print"):
            figure, _ = draw(main_workbook, lang=lang, theme=theme)
            assert dots_as_scores(figure, main_workbook) == expected, (lang, theme)
            legend = figure.legends[0]
            legend_colours.append([to_hex(h.get_color()) for h in legend.legend_handles])
    assert all(colours == legend_colours[0] for colours in legend_colours)
    assert legend_colours[0][:5] == [c.lower() for c in charts.ROUND_COLOURS[:5]]


def test_round_colours_follow_dates_not_file_order():
    rounds = [("late", date(2026, 9, 1), "self"), ("early", date(2025, 9, 1), "self"),
              ("middle", date(2026, 3, 1), "external")]
    workbook = make_workbook(1, rounds=rounds)

    assert charts.round_colours(workbook) == {"early": "#0072B2", "middle": "#E69F00", "late": "#009E73"}


def test_eight_rounds_get_eight_colours_and_a_ninth_reuses_the_first():
    rounds = [(f"r{n}", date(2026, 1, n), "self") for n in range(1, 10)]
    colours = charts.round_colours(make_workbook(1, rounds=rounds))

    assert len({colours[f"r{n}"] for n in range(1, 9)}) == 8
    assert colours["r9"] == colours["r1"] == "#0072B2"
    assert "#F0E442" not in colours.values()  # Okabe-Ito yellow vanishes on a projector
    assert "#000000" not in colours.values()  # black is the target's dotted outline


# --- edge cases: something honest, never an exception -----------------------------------


@pytest.mark.parametrize("lang", ["th", "en"])
def test_new_empty_workbook_says_no_indicators_selected(draw, lang):
    workbook = model.new_workbook("กลุ่มทดสอบ", "group")

    figure, png = draw(workbook, lang=lang)

    message = NO_INDICATORS[lang == "en"]
    assert message in texts(figure)
    assert CHART_TITLE[lang == "en"] in texts(figure)
    assert NO_SCORES[lang == "en"] not in texts(figure)
    assert not figure.axes[0].collections
    assert png_size(png)[0] == 1280


def test_proposed_but_unselected_indicators_still_say_none_selected(draw):
    workbook = make_workbook(3)
    for indicator in workbook.indicators:
        indicator.status = "proposed"

    figure, _ = draw(workbook)

    assert NO_INDICATORS[0] in texts(figure)


def test_selected_indicators_without_rounds_say_no_scores_yet(draw):
    workbook = make_workbook(3)

    figure, png = draw(workbook)

    assert NO_SCORES[0] in texts(figure)
    assert [unwrapped(x) for x in ytick_titles_top_to_bottom(figure)] == [
        unwrapped(i.title) for i in workbook.indicators]
    assert dots_by_round(figure, workbook) == {}
    assert png_size(png)[0] == 1280


def test_rounds_without_any_score_say_no_scores_yet(draw):
    workbook = make_workbook(3, rounds=[("r1", date(2026, 1, 10), "self"), ("r2", date(2026, 4, 10), "self")])

    figure, _ = draw(workbook)

    assert NO_SCORES[0] in texts(figure)
    assert dots_by_round(figure, workbook) == {"r1": [], "r2": []}
    legend = [t.get_text() for t in figure.legends[0].get_texts()]
    assert legend == ["รอบ r1\n10 ม.ค. 2569", "รอบ r2\n10 เม.ย. 2569", "เป้าหมาย"]


def test_raters_without_a_consensus_say_no_scores_yet(draw):
    workbook = make_workbook(2, rounds=[("r1", date(2026, 1, 10), "self")],
                             scores=[("r1", 1, "P01", 3), ("r1", 2, "P02", 4)])

    figure, _ = draw(workbook)

    assert NO_SCORES[0] in texts(figure)
    assert dots_by_round(figure, workbook) == {"r1": []}


def test_all_consensus_scores_skipped_say_no_scores_yet(draw):
    workbook = make_workbook(3, rounds=[("r1", date(2026, 1, 10), "self")],
                             scores=[("r1", n, "consensus", None) for n in (1, 2, 3)])

    figure, _ = draw(workbook, lang="en")

    assert NO_SCORES[1] in texts(figure)
    assert dots_by_round(figure, workbook) == {"r1": []}


def test_one_round_only(draw):
    workbook = make_workbook(3, rounds=[("only", date(2026, 3, 15), "self")],
                             scores=[("only", 1, "consensus", 2), ("only", 3, "consensus", 5)])

    figure, _ = draw(workbook)

    assert NO_SCORES[0] not in texts(figure)
    assert dots_as_scores(figure, workbook) == {("only", "I01"): 2.0, ("only", "I03"): 5.0}
    assert charts.round_colours(workbook) == {"only": "#0072B2"}
    # With one round the dot sits on its indicator's row, not above or below it.
    assert sorted(y for _, y in dots_by_round(figure, workbook)["only"]) == [0.0, 2.0]
    assert "รอบ only\n15 มี.ค. 2569" in texts(figure)


def test_a_score_outside_the_level_axis_is_not_hidden(draw):
    """Levels 1..5: the x axis shows every level, with a margin so dots at 1 and 5 are whole."""
    workbook = make_workbook(2, rounds=[("r1", date(2026, 3, 15), "self")],
                             scores=[("r1", 1, "consensus", 1), ("r1", 2, "consensus", 5)])

    figure, _ = draw(workbook)

    axes = figure.axes[0]
    low, high = axes.get_xlim()
    assert low < 1 and high > 5
    assert list(axes.get_xticks()) == [1, 2, 3, 4, 5]


def test_thirty_selected_indicators_make_a_taller_chart(draw):
    small = make_workbook(3, rounds=[("r1", date(2026, 1, 10), "self")],
                          scores=[("r1", n, "consensus", 3) for n in (1, 2, 3)])
    large = make_workbook(30, rounds=[("r1", date(2026, 1, 10), "self"), ("r2", date(2026, 6, 10), "self")],
                          scores=[(r, n, "consensus", 1 + n % 5) for r in ("r1", "r2") for n in range(1, 31)])

    _, small_png = draw(small)
    large_figure, large_png = draw(large)

    assert png_size(large_png)[1] > png_size(small_png)[1]
    assert png_size(large_png)[0] == png_size(small_png)[0] == 1280
    assert len(large_figure.axes[0].get_yticklabels()) == 30
    assert len(dots_as_scores(large_figure, large)) == 60
    assert dots_as_scores(large_figure, large)[("r2", "I30")] == float(1 + 30 % 5)


def test_long_titles_are_wrapped_to_two_lines_with_an_ellipsis(draw):
    title = "การบริหารจัดการกองทุนหมุนเวียนของกลุ่มอย่างโปร่งใสตรวจสอบได้และมีส่วนร่วมของสมาชิกทุกคน {n}"
    workbook = make_workbook(2, rounds=[("r1", date(2026, 1, 10), "self")],
                             scores=[("r1", 1, "consensus", 3)], title=title)

    figure, _ = draw(workbook)

    for label in ytick_titles_top_to_bottom(figure):
        assert label.count("\n") == 1
        assert label.endswith("…")
        assert unwrapped(title).startswith(unwrapped(label[:-1]))


def test_english_chart_has_english_text(main_workbook, draw):
    figure, _ = draw(main_workbook, lang="en")

    all_text = texts(figure)
    assert figure.get_suptitle() == CHART_TITLE[1]
    assert figure.axes[0].get_xlabel() == "Level"
    assert "Target" in all_text
    assert "รอบที่ ๑\n15 Nov 2025" in all_text
    assert CHART_TITLE[0] not in all_text and "ระดับ" not in all_text and "เป้าหมาย" not in all_text


def test_thai_chart_has_thai_text_and_buddhist_era_dates(main_workbook, draw):
    figure, _ = draw(main_workbook)

    all_text = texts(figure)
    assert figure.get_suptitle() == CHART_TITLE[0]
    assert figure.axes[0].get_xlabel() == "ระดับ"
    assert "เป้าหมาย" in all_text
    assert "รอบที่ ๑\n15 พ.ย. 2568" in all_text
    # a long label is wrapped onto two lines above its date
    assert "ประเมินจากภายนอก (คณะกรรมการ\nมชช. อำเภอลานสกา)\n19 ก.ย. 2569" in all_text


def test_targets_are_marked_for_every_selected_indicator_with_one(main_workbook, draw):
    figure, _ = draw(main_workbook)

    selected = main_workbook.selected_indicators()
    round_colours = {c.lower() for c in charts.round_colours(main_workbook).values()}
    others = [c for c in figure.axes[0].collections
              if isinstance(c, PathCollection) and to_hex(c.get_facecolor()[0]) not in round_colours]
    assert len(others) == 1
    targets = sorted((float(x), round(float(y))) for x, y in others[0].get_offsets())
    expected = sorted((float(i.target), len(selected) - 1 - n) for n, i in enumerate(selected) if i.target)
    assert targets == expected


# --- text typed by users is shown as typed -----------------------------------------------


@pytest.mark.parametrize(
    ("title", "label"),
    [
        ("รายได้สมาชิกเพิ่มจาก $100 เป็น $200 ต่อเดือน", "รอบที่ ๑"),
        ("ราคาขายผ้า $x^$ บาท", "รอบที่ ๑"),
        ("การประชุมกลุ่ม", "รอบ $1 ถึง $2"),
    ],
    ids=["dollars-in-title", "broken-math-in-title", "dollars-in-round-label"],
)
def test_dollar_signs_in_user_text_are_drawn_as_typed(draw, title, label):
    workbook = make_workbook(1, rounds=[("r1", date(2026, 1, 10), "self")],
                             scores=[("r1", 1, "consensus", 3)], title=title)
    workbook.rounds[0].label = label

    figure, _ = draw(workbook)

    # What matplotlib will draw for each text: (string shown, drawn as math?)
    shown = [t._preprocess_math(t.get_text()) for t in figure.findobj(matplotlib.text.Text) if t.get_text()]
    assert [s for s, as_math in shown if as_math] == []
    assert (f"{label}\n10 ม.ค. 2569", False) in shown
    assert unwrapped(ytick_titles_top_to_bottom(figure)[0]).replace("\\$", "$") == unwrapped(title)
