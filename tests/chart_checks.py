"""Shared by the chart tests: workbooks for the edge cases, drawing without font warnings,
reading a PNG back, and comparing a chart with its committed baseline image.

Baselines live in tests/baseline_images/<name>.png. After a deliberate change to a chart,
look at the new image, then write it as the baseline:

    MCHCH_UPDATE_BASELINES=1 python -m pytest tests/test_chart_*.py
"""

from __future__ import annotations

import io
import logging
import os
import random
import warnings
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import matplotlib.text
import pytest
from matplotlib.figure import Figure
from matplotlib.testing.compare import compare_images
from PIL import Image

from mchch_widgets import charts, model, samples, store
from mchch_widgets.assessment import SCALE_MAX, SCALE_MIN
from mchch_widgets.model import Indicator, Round, Score, Workbook

BASELINES = Path(__file__).parent / "baseline_images"
RESULTS = Path(__file__).parent / ".chart_results"  # the images drawn by the last run, and their diffs
TOLERANCE = 3.0  # RMS difference on 0..255: anti-aliasing may differ, a moved bar or lost label may not
THAI_FONT = "Noto Sans Thai"
GLYPH_TROUBLE = ("missing from font", "Glyph", "findfont", "not found")
ICT = timezone(timedelta(hours=7))
START = date(2025, 11, 15)


# --- workbooks ----------------------------------------------------------------------------


def make_workbook(
    indicators: int = 3,
    rounds: list[tuple[str, date, str]] = (),
    scores: list[tuple[str, int, str, int | None]] = (),
    title: str = "ตัวชี้วัดที่ {n} การมีส่วนร่วมของสมาชิก",
) -> Workbook:
    """`indicators` selected indicators I01.. ; scores are (round, indicator number, rater, score)."""
    workbook = model.new_workbook("กลุ่มทดสอบ", "group")
    workbook.indicators = [
        Indicator(indicator_id=f"I{n:02d}", title=title.format(n=n), status="selected", target=4)
        for n in range(1, indicators + 1)
    ]
    workbook.rounds = [Round(round_id=r, label=f"รอบ {r}", held_on=d, assessor=a) for r, d, a in rounds]
    start = datetime(2026, 1, 1, 9, 0, tzinfo=ICT)
    workbook.scores = [
        Score(round_id=r, indicator_id=f"I{n:02d}", rater=rater, score=s, recorded_at=start + timedelta(minutes=k))
        for k, (r, n, rater, s) in enumerate(scores)
    ]
    return workbook


TITLES = (
    "การประชุมกลุ่มสม่ำเสมอ", "การบริหารจัดการกองทุนอย่างโปร่งใสตรวจสอบได้", "สมาชิกมีส่วนร่วมในการตัดสินใจ",
    "การถ่ายทอดความรู้สู่คนรุ่นใหม่", "รายได้ของสมาชิกเพิ่มขึ้น", "การใช้วัตถุดิบในท้องถิ่น",
    "การทำบัญชีรับจ่ายที่ถูกต้องและเป็นปัจจุบัน", "เครือข่ายความร่วมมือกับหน่วยงานภายนอก",
    "การพัฒนาผลิตภัณฑ์ใหม่", "การดูแลสิ่งแวดล้อมในชุมชน", "การสืบทอดภูมิปัญญาการย้อมสีธรรมชาติ",
    "การวางแผนการตลาดและช่องทางการขายออนไลน์",
)


def scored_workbook(n_indicators: int, n_rounds: int, n_externals: int = 0, raters: int = 6,
                    seed: int = 5, rounds_every_days: int = 91) -> Workbook:
    """A workbook that climbs: individual raters and a consensus near their median, round after round."""
    rng = random.Random(seed)
    dated = []
    for n in range(n_rounds):
        dated.append((f"r{n + 1}", START + timedelta(days=rounds_every_days * n), "self"))
    for n in range(n_externals):
        dated.append((f"x{n + 1}", START + timedelta(days=rounds_every_days * (2 * n + 1) + 30), "external"))
    scores = []
    for k, (round_id, _day, kind) in enumerate(sorted(dated, key=lambda r: r[1])):
        for i in range(1, n_indicators + 1):
            centre = min(5, 1 + (k + i) * 4 // (n_rounds + n_externals + n_indicators // 2))
            given = [min(5, max(1, centre + rng.choice((-1, 0, 0, 1)))) for _ in range(raters)]
            prefix = "E" if kind == "external" else "P"
            scores += [(round_id, i, f"{prefix}{p + 1:02d}", level) for p, level in enumerate(given)]
            scores.append((round_id, i, "consensus", sorted(given)[raters // 2]))
    workbook = make_workbook(n_indicators, dated, scores)
    for n, indicator in enumerate(workbook.indicators):
        indicator.title = TITLES[n % len(TITLES)] + ("" if n < len(TITLES) else f" (ชุดที่ {n // len(TITLES) + 1})")
        indicator.target = 3 + n % 3
    for round_ in workbook.rounds:
        if round_.assessor == "external":
            round_.label = f"ประเมินจากภายนอก ครั้งที่ {round_.round_id[1:]}"
        else:
            round_.label = f"รอบที่ {round_.round_id[1:]}"
    return workbook


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
    workbook = scored_workbook(5, 3)
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
        return figure, png

    return run


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
