"""Shared by the chart tests: workbooks for the edge cases, drawing without font warnings,
reading a PNG back, and comparing a chart with its committed baseline image.

Baselines live in tests/baseline_images/<name>.png. After a deliberate change to a chart,
look at the new image, then write it as the baseline:

    MCHCH_UPDATE_BASELINES=1 python -m pytest tests/test_chart_*.py
"""

from __future__ import annotations

import csv
import io
import logging
import os
import warnings
from collections.abc import Callable
from datetime import datetime
from itertools import pairwise
from pathlib import Path
from xml.etree import ElementTree

import matplotlib.text
import pytest
from matplotlib.figure import Figure
from matplotlib.testing.compare import compare_images
from matplotlib.transforms import Bbox
from PIL import Image

from mchch_widgets import charts, model, samples, store
from mchch_widgets.assessment import SCALE_MAX, SCALE_MIN
from mchch_widgets.model import Workbook
from mchch_widgets.sized import make_workbook, scored_workbook

BASELINES = Path(__file__).parent / "baseline_images"
RESULTS = Path(__file__).parent / ".chart_results"  # the images drawn by the last run, and their diffs
TOLERANCE = 3.0  # RMS difference on 0..255: anti-aliasing may differ, a moved bar or lost label may not
THAI_FONT = "Noto Sans Thai"
GLYPH_TROUBLE = ("missing from font", "Glyph", "findfont", "not found")


# --- workbooks ----------------------------------------------------------------------------


def one_round() -> Workbook:
    return scored_workbook(5, 1)


def rounds_without_scores() -> Workbook:
    workbook = scored_workbook(5, 2)
    workbook.scores = []
    return workbook


def all_ratings_skipped() -> Workbook:
    """I02: every rater and the consensus said "not applicable" in every round."""
    workbook = scored_workbook(5, 3, n_externals=1)
    for score in workbook.scores:
        if score.indicator_id == "I02":
            score.score = None
    return workbook


def other_scale() -> Workbook:
    """r1 was scored on 1..3 before the group widened the scale to 1..5."""
    return first_round_on_three_levels(scored_workbook(5, 3))


def first_round_on_three_levels(workbook: Workbook) -> Workbook:
    """The workbook's first round scored on 1..3 (its scores capped at 3), the rest on the workbook's scale."""
    first = workbook.rounds_in_order()[0]
    first.extra.update({SCALE_MIN: "1", SCALE_MAX: "3"})
    for score in workbook.scores:
        if score.round_id == first.round_id and score.score is not None:
            score.score = min(score.score, 3)
    return workbook


def thirty_indicators() -> Workbook:
    return scored_workbook(30, 3, n_externals=1)


def twelve_by_eight() -> Workbook:
    """The size the speed target names: 12 indicators, 8 rounds (6 self, 2 external)."""
    return scored_workbook(12, 6, n_externals=2)


def no_rounds() -> Workbook:
    return make_workbook(5)


def no_indicators() -> Workbook:
    return model.new_workbook("กลุ่มทดสอบ", "group")


EDGE_CASES: dict[str, Callable[[], Workbook]] = {
    "one_round": one_round,
    "rounds_without_scores": rounds_without_scores,
    "all_ratings_skipped": all_ratings_skipped,
    "other_scale": other_scale,
    "thirty_indicators": thirty_indicators,
    "twelve_by_eight": twelve_by_eight,
    "no_rounds": no_rounds,
    "no_indicators": no_indicators,
}


def sample_rows(file: str, name: str = samples.MAIN_SAMPLE) -> list[dict[str, str]]:
    """A bundled sample's CSV file read with the csv module only: expected values not taken from the package."""
    data = (samples.sample_path(name) / file).read_bytes().decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(data, newline="")))


def latest_ratings(name: str = samples.MAIN_SAMPLE) -> dict[tuple[str, str, str], int | None]:
    """(round, indicator, rater) -> the latest score in the sample's scores.csv (None: skipped)."""
    latest: dict[tuple[str, str, str], tuple[datetime, int | None]] = {}
    for row in sample_rows("scores.csv", name):
        key = (row["round_id"], row["indicator_id"], row["rater"])
        when = datetime.fromisoformat(row["recorded_at"])
        score = int(row["score"]) if row["score"].strip() else None
        if key not in latest or when >= latest[key][0]:
            latest[key] = (when, score)
    return {key: score for key, (_, score) in latest.items()}


def main_sample() -> Workbook:
    return store.read_workbook(samples.sample_path(samples.MAIN_SAMPLE))


# --- drawing ------------------------------------------------------------------------------


@pytest.fixture
def draw(caplog):
    """Call a chart function and render it to PNG, failing on any font or other matplotlib warning."""

    def run(function: Callable[..., Figure], workbook: Workbook, *args, **kwargs) -> tuple[Figure, bytes]:
        caplog.clear()
        with caplog.at_level(logging.WARNING, logger="matplotlib"), warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            figure = function(workbook, *args, **kwargs)
            png = charts.figure_png(figure)
        messages = [str(w.message) for w in caught]
        messages += [r.getMessage() for r in caplog.records if r.name.startswith("matplotlib")]
        assert [m for m in messages if any(word in m for word in GLYPH_TROUBLE)] == []
        assert messages == [], f"matplotlib complained: {messages}"
        assert_laid_out(figure)
        return figure, png

    return run


def assert_laid_out(figure: Figure) -> None:
    """Charts are laid out by hand: nothing drawn beyond the figure's edges, and the title,
    subtitle and notes clear of each other, of every axes (its labels included) and of the legends.

    Call after the figure was drawn (charts.figure_png).
    """
    renderer = figure._get_renderer()
    edge = figure.bbox.padded(1)
    whole = figure.get_tightbbox(renderer)  # inches
    inches = figure.dpi_scale_trans.transform_bbox(whole) if whole is not None else None
    assert inches is None or (inches.x0 >= edge.x0 and inches.y0 >= edge.y0 and inches.x1 <= edge.x1
                              and inches.y1 <= edge.y1), f"drawn beyond the figure: {inches} in {figure.bbox}"
    framing = [a for a in (figure._suptitle, figure._supxlabel) if a is not None and a.get_text()]
    framing += [a for a in figure.texts if a.get_gid() == "subtitle" and a.get_text()]
    boxes = [(a.get_text()[:30], a.get_window_extent(renderer)) for a in framing]
    for n, (name, box) in enumerate(boxes):
        for other_name, other in boxes[n + 1:]:
            assert not box.overlaps(other), f"{name!r} overlaps {other_name!r}"
        others = [(f"axes {k}", axes.get_tightbbox(renderer)) for k, axes in enumerate(figure.axes) if axes.get_visible()]
        others += [(f"legend {k}", legend.get_window_extent(renderer)) for k, legend in enumerate(figure.legends)]
        for other_name, other in others:
            if other is not None:
                assert not box.overlaps(other), f"{name!r} overlaps {other_name}: {box} / {other}"


# --- the row charts (self vs external, gap): one text per row title, row words, level number ---


def texts_named(figure: Figure, gid: str) -> list[matplotlib.text.Text]:
    """The texts on the row chart's axes with this gid ("row-title", "row-words", "level-number")."""
    return [a for a in figure.axes[0].texts if a.get_gid() == gid]


def drawn_boxes(figure: Figure, gid: str) -> list[Bbox]:
    """Where the texts named gid were drawn (pixels, their frames included), top row first."""
    renderer = figure._get_renderer()
    boxes = []
    for text in texts_named(figure, gid):
        frame = text.get_bbox_patch()
        box = text.get_window_extent(renderer)
        boxes.append(Bbox.union([box, frame.get_window_extent(renderer)]) if frame is not None else box)
    return sorted(boxes, key=lambda box: -box.y0)


def apart(one: Bbox, other: Bbox) -> bool:
    """No shared pixel (half a pixel of rounding allowed)."""
    return (one.x1 <= other.x0 + 0.5 or other.x1 <= one.x0 + 0.5 or one.y1 <= other.y0 + 0.5
            or other.y1 <= one.y0 + 0.5)


def assert_row_texts_clear(figure: Figure) -> None:
    """A drawn row chart: row titles left of the plot, words right of it, the level numbers under it,
    the legend above; none over another, nor over a neighbouring row's."""
    renderer = figure._get_renderer()
    plot = figure.axes[0].get_window_extent(renderer)
    titles, words = drawn_boxes(figure, "row-title"), drawn_boxes(figure, "row-words")
    numbers = drawn_boxes(figure, "level-number") + drawn_boxes(figure, "level-axis-label")
    for column in (titles, words):
        assert all(apart(upper, lower) for upper, lower in pairwise(column))
    assert all(box.x1 <= plot.x0 for box in titles) and all(box.x0 >= plot.x1 for box in words)
    assert all(box.y1 <= plot.y0 for box in numbers)
    assert all(apart(one, other) for n, one in enumerate(numbers) for other in numbers[n + 1:])
    legend = figure.axes[0].get_legend().get_window_extent(renderer)
    assert legend.y0 >= plot.y1 and all(apart(legend, box) for box in titles + words)


def texts(figure: Figure) -> list[str]:
    """Every non-empty text drawn on the figure (titles, labels, ticks, legend, notes)."""
    return [t.get_text() for t in figure.findobj(matplotlib.text.Text) if t.get_text() and t.get_visible()]


def all_text(figure: Figure) -> str:
    """All the figure's words in one string, line breaks and the '$' escapes taken out."""
    return " ".join(texts(figure)).replace("\n", "").replace("\\$", "$")


def fonts_used(figure: Figure) -> set[str]:
    return {t.get_fontname() for t in figure.findobj(matplotlib.text.Text) if t.get_text()}


def png_size(png: bytes) -> tuple[int, int]:
    assert png.startswith(b"\x89PNG\r\n\x1a\n")
    with Image.open(io.BytesIO(png)) as image:
        image.verify()
    with Image.open(io.BytesIO(png)) as image:
        return image.size


def screen_size(svg: bytes) -> tuple[int, int]:
    """The pixel size (at the figure's 100 dpi) of a screen SVG (charts.screen_svg), which must parse
    and keep its text as text in the Thai font."""
    root = ElementTree.fromstring(svg)
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    texts_ = root.findall(".//{http://www.w3.org/2000/svg}text")
    assert texts_ and all("Noto Sans Thai" in t.get("style", "") for t in texts_)
    points = [float(root.get(side).removesuffix("pt")) for side in ("width", "height")]
    return round(points[0] * 100 / 72), round(points[1] * 100 / 72)


def matches_baseline(png: bytes, name: str, tolerance: float = TOLERANCE) -> None:
    """Assert the PNG looks like tests/baseline_images/<name>.png (or write it when updating)."""
    RESULTS.mkdir(exist_ok=True)
    actual = RESULTS / f"{name}.png"
    actual.write_bytes(png)
    baseline = BASELINES / f"{name}.png"
    if os.environ.get("MCHCH_UPDATE_BASELINES"):
        BASELINES.mkdir(exist_ok=True)
        baseline.write_bytes(png)
        return
    assert baseline.exists(), f"no baseline {baseline.name}: look at {actual}, then run with MCHCH_UPDATE_BASELINES=1"
    if png_size(png) != png_size(baseline.read_bytes()):
        pytest.fail(f"{name}: size {png_size(png)} differs from the baseline's {png_size(baseline.read_bytes())}")
    problem = compare_images(str(baseline), str(actual), tol=tolerance)
    assert problem is None, problem
