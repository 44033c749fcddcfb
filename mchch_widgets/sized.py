"""Made-up workbooks of any size, scored round after round: for benchmarks and tests of big workbooks.

Deterministic (a seeded random generator): the same call gives the same workbook.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta, timezone

from . import model
from .model import Indicator, Round, Score, Workbook

ICT = timezone(timedelta(hours=7))
START = date(2025, 11, 15)


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
