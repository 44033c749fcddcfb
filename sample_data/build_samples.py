"""Build the sample workbooks in this folder, deterministically, through the package's API.

    python sample_data/build_samples.py            # rebuild every sample
    python sample_data/build_samples.py khiriwong-natural-dye-group   # just one

Every sample is a folder of CSV files (DESIGN.md section 4). This script owns the folders
listed in SAMPLES: it deletes each one, rebuilds it with `store.save`, reads it back with
`store.check_workbook`, and stops with an error on ANY problem (errors *and* warnings), on
a workbook that does not read back equal to what was built, or on a broken story.

All people, phone numbers and groups are fictional; the places exist (checked with
`geothai`). The numbers come from a seeded `random.Random`, so a rerun gives the same bytes.
"""

from __future__ import annotations

import itertools
import random
import shutil
import statistics
import sys
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, timezone
from decimal import Decimal
from pathlib import Path

import geothai

from mchch_widgets import store
from mchch_widgets.model import (
    CONSENSUS,
    Indicator,
    Member,
    PlanActivity,
    Profile,
    Reflection,
    Round,
    Score,
    Workbook,
)

HERE = Path(__file__).resolve().parent
BANGKOK = timezone(timedelta(hours=7), "Asia/Bangkok")
TODAY = date(2026, 11, 21)  # the "now" the samples are written for
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


def thai(n: int | str) -> str:
    return str(n).translate(THAI_DIGITS)


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime.combine(day, time(hour, minute), tzinfo=BANGKOK)


def codes(prefix: str, count: int) -> list[str]:
    return [f"{prefix}{n:02d}" for n in range(1, count + 1)]


# --- describing a sample compactly ------------------------------------------------------


@dataclass
class Cell:
    """What happened to one indicator in one round.

    consensus: the group's agreed score (None: agreed to skip it this round).
    bias: where the individual ratings centre, relative to the consensus.
    spread: "normal" (±1), "tight" (external assessors) or "wide" (1 to 5: disagreement).
    given: False in an unfinished round: individuals rated, the group has not agreed yet.
    individuals: False when nobody rated it individually (e.g. the group skipped it).
    corrected_from: (score, note) first recorded for the consensus, later corrected.
    """

    consensus: int | None
    note: str = ""
    bias: int = 0
    spread: str = "normal"
    given: bool = True
    individuals: bool = True
    corrected_from: tuple[int, str] | None = None
    skips: list[tuple[str | None, str]] = field(default_factory=list)  # (rater or any, note)


def C(consensus: int | None, note: str = "", **kw) -> Cell:
    return Cell(consensus, note, **kw)


@dataclass
class Spec:
    """One indicator and its story across rounds."""

    indicator_id: str
    aspect: str
    title: str
    description: str
    status: str
    votes: int
    target: int | None
    levels: list[str]  # descriptors for levels 1..5 (or [] when never written)
    cells: dict[str, Cell] = field(default_factory=dict)
    # Notes an individual may add to a low / high rating: a text, or (round_id, text) for a
    # text that only makes sense from that round on (e.g. after the Facebook page opened).
    low: list[str | tuple[str, str]] = field(default_factory=list)
    high: list[str | tuple[str, str]] = field(default_factory=list)

    def indicator(self) -> Indicator:
        return Indicator(
            indicator_id=self.indicator_id,
            title=self.title,
            aspect=self.aspect,
            description=self.description,
            status=self.status,
            votes=self.votes,
            target=self.target,
            levels={n: text for n, text in enumerate(self.levels, start=1)},
        )


def rate_round(
    rng: random.Random,
    rnd: Round,
    all_rounds: list[Round],
    specs: list[Spec],
    attendees: list[str],
    start: datetime,
    lean: dict[str, int],
    block_minutes: int = 16,
    note_chance: float = 0.12,
    fixed_notes: dict[tuple[str, str], str] | None = None,
) -> list[Score]:
    """Every rating of one round, in the order they were recorded.

    For each indicator in turn the participants rate on their phones (a few seconds apart),
    the hall discusses, and the facilitator records the consensus some minutes later.
    """
    fixed_notes = fixed_notes or {}
    so_far = {r.round_id for r in all_rounds if r.held_on <= rnd.held_on}
    scores: list[Score] = []
    for index, spec in enumerate(s for s in specs if rnd.round_id in s.cells):
        cell = spec.cells[rnd.round_id]
        clock = start + timedelta(minutes=index * block_minutes)
        if cell.individuals:
            centre = (cell.consensus or 3) + cell.bias
            skipped: dict[str, str] = {}
            for rater, note in cell.skips:
                free = [a for a in attendees if a not in skipped]
                skipped[rater if rater else rng.choice(free)] = note
            raters = [a for a in attendees if a not in skipped]
            values = individual_values(rng, raters, centre, cell.spread, lean)
            for rater in attendees:
                clock += timedelta(seconds=rng.randint(10, 25))
                if rater in skipped:
                    value, note = None, skipped[rater]
                else:
                    value = values[rater]
                    note = fixed_notes.get((spec.indicator_id, rater)) or individual_note(
                        rng, spec, value, cell.consensus or centre, note_chance, so_far
                    )
                scores.append(Score(rnd.round_id, spec.indicator_id, rater, value, note, clock))
        if cell.given:
            clock += timedelta(minutes=rng.randint(5, 8), seconds=rng.randint(0, 59))
            if cell.corrected_from:
                old, old_note = cell.corrected_from
                scores.append(Score(rnd.round_id, spec.indicator_id, CONSENSUS, old, old_note, clock))
                clock += timedelta(minutes=rng.randint(2, 4), seconds=rng.randint(0, 59))
            scores.append(Score(rnd.round_id, spec.indicator_id, CONSENSUS, cell.consensus, cell.note, clock))
    return scores


def clamp(value: int) -> int:
    return max(1, min(5, value))


def individual_values(
    rng: random.Random, raters: list[str], centre: int, spread: str, lean: dict[str, int]
) -> dict[str, int]:
    if spread == "wide":  # the hall is split: some give 1-3, others 4-5
        share_high = (centre - 1) / 4  # centre 2: a quarter rate high; centre 3: half
        values = {
            r: rng.choice([4, 5, 5]) if rng.random() < share_high else rng.choice([1, 1, 2, 3])
            for r in raters
        }
        low, high = rng.sample(raters, 2)
        values[low], values[high] = 1, 5
        return values
    weights = [1, 6, 1] if spread == "tight" else [2, 5, 2]
    values = {}
    for r in raters:
        value = centre + rng.choices([-1, 0, 1], weights=weights)[0]
        if spread != "tight" and rng.random() < 0.5:
            value += lean.get(r, 0)
        values[r] = clamp(value)
    return values


def individual_note(
    rng: random.Random, spec: Spec, value: int, consensus: int, chance: float, so_far: set[str]
) -> str:
    if rng.random() >= chance or value == consensus:
        return ""
    pool = [
        n if isinstance(n, str) else n[1]
        for n in (spec.low if value < consensus else spec.high)
        if isinstance(n, str) or n[0] in so_far
    ]
    return rng.choice(pool) if pool else ""


def check_place(province: str, district: str, subdistrict: str) -> None:
    """Fail unless the three names exist, nested, in geothai."""
    prov = next((p for p in geothai.provinces() if p.name_th == province), None)
    if prov is None:
        raise SystemExit(f"geothai: no province {province!r}")
    dist = next((d for d in geothai.districts(prov.code) if d.name_th == district), None)
    if dist is None:
        raise SystemExit(f"geothai: no district {district!r} in {province}")
    if not any(s.name_th == subdistrict for s in geothai.subdistricts(dist.code)):
        raise SystemExit(f"geothai: no subdistrict {subdistrict!r} in {district}, {province}")


def assemble(
    profile: Profile, members: list[Member], specs: list[Spec], rounds: list[Round],
    scores: list[Score], plan: list[PlanActivity], reflections: list[Reflection] | None = None,
) -> Workbook:
    check_place(profile.province, profile.district, profile.subdistrict)
    return Workbook(profile, members, [s.indicator() for s in specs], rounds, scores, plan, reflections or [])


# =========================================================================================
# 1. MAIN SAMPLE: a natural-dye textile group in Khiriwong (group)
# =========================================================================================


def khiriwong() -> Workbook:
    rng = random.Random(20251115)
    profile = Profile(
        workbook_id="khiriwong-dye",
        name="กลุ่มผ้ามัดย้อมสีธรรมชาติบ้านคีรีวง",
        target_type="group",
        province="นครศรีธรรมราช",
        district="ลานสกา",
        subdistrict="กำโลน",
        facilitator="นางสาวนันทนา เพชรรัตน์ พัฒนากร",
        scale_min=1,
        scale_max=5,
        created_at=at(date(2025, 10, 18), 13, 30),  # the indicator forum
    )
    chair = "นางวันเพ็ญ ทองคีรี"
    vice = "นางจำเนียร แก้วสวนสมรม"
    treasurer = "นางสุภาพร ชูประดิษฐ์"
    secretary = "นางสาวอรอุมา ชูเขียว"
    production = "นายสมศักดิ์ พรหมทองดี"
    marketing = "นางสาวปวีณา นาคสวัสดิ์"
    members = [
        Member(chair, "lead", "081-555-0142", "ประธานกลุ่ม"),
        Member(vice, "lead", "089-555-0167", "รองประธานกลุ่ม"),
        Member(treasurer, "lead", "086-555-0120", "เหรัญญิก"),
        Member(secretary, "lead", "092-555-0188", "เลขานุการ"),
        Member(production, "lead", "087-555-0135", "หัวหน้าฝ่ายผลิต"),
        Member(marketing, "lead", "095-555-0109", "ฝ่ายการตลาดและเพจออนไลน์"),
        Member("นายประเสริฐ ทองสุขเกษม", "advisor", "081-555-0176", "ผู้ใหญ่บ้านบ้านคีรีวง"),
        Member("ผศ.ดร.กมลวรรณ ศรีสุวรรณรัตน์", "advisor", "084-555-0153",
               "อาจารย์ด้านการออกแบบผลิตภัณฑ์ มหาวิทยาลัยในจังหวัด"),
    ]
    rounds = [
        Round("r1", "รอบที่ ๑", date(2025, 11, 15), "self", True),
        Round("r2", "รอบที่ ๒", date(2026, 2, 14), "self", True),
        Round("r3", "รอบที่ ๓", date(2026, 5, 16), "self", True),
        Round("r4", "รอบที่ ๔", date(2026, 8, 15), "self", True),
        Round("x1", "ประเมินจากภายนอก (คณะกรรมการ มชช. อำเภอลานสกา)", date(2026, 9, 19), "external", True),
    ]
    specs = [
        Spec(
            "G01", "การบริหารจัดการ", "การประชุมกลุ่มและบันทึกการประชุม",
            "กลุ่มประชุมสมาชิกสม่ำเสมอ มีวาระ มีบันทึกการประชุม และแจ้งมติให้สมาชิกทุกคนทราบ",
            "selected", 17, 4,
            [
                "ไม่มีการประชุมตามกำหนด นัดกันเฉพาะเมื่อมีงานเร่ง และไม่มีบันทึก",
                "ประชุมปีละ ๓–๔ ครั้ง มีบันทึกการประชุมเฉพาะบางครั้ง",
                "ประชุมทุก ๒ เดือน มีบันทึกการประชุม แต่ยังไม่แจ้งมติให้สมาชิกที่ไม่ได้มา",
                "ประชุมทุกเดือน มีบันทึกครบ และส่งสรุปมติในไลน์กลุ่มภายใน ๗ วัน",
                "ประชุมครบทุกเดือน สมาชิกมาร่วมเกินร้อยละ ๘๐ และติดตามมติครั้งก่อนทุกครั้ง",
            ],
            {
                "r1": C(2, "ปีที่ผ่านมาประชุมแค่ ๔ ครั้ง มีบันทึกการประชุมเพียง ๒ ครั้ง"),
                "r2": C(3, "ประชุมทุก ๒ เดือนตามที่ตกลง มีสมุดบันทึกการประชุมแล้ว แต่ยังไม่ได้แจ้งมติให้คนที่ไม่มา"),
                "r3": C(3, "ประชุมครบ ๓ เดือน มีบันทึก แต่ส่งมติในไลน์กลุ่มช้า บางครั้งเกิน ๒ สัปดาห์"),
                "r4": C(4, "ประชุมทุกเดือน มีบันทึกการประชุมครบทุกเดือน และเลขาฯ ส่งสรุปมติในไลน์กลุ่มภายใน ๓ วัน"),
                "x1": C(4, "ตรวจสมุดบันทึกการประชุม พ.ค.–ส.ค. ครบทุกเดือน มีลายมือชื่อผู้เข้าประชุม"),
            },
            low=["บางเดือนไม่รู้ว่านัดประชุม", "ไม่เคยเห็นบันทึกการประชุม"],
            high=[("r2", "เลขาฯ จดบันทึกทุกครั้ง"), ("r3", "นัดประชุมทุกวันเสาร์แรกของเดือน")],
        ),
        Spec(
            "G02", "การบริหารจัดการ", "บัญชีกลุ่มและกองทุนออมทรัพย์โปร่งใส",
            "กลุ่มทำบัญชีรับ-จ่ายและบัญชีเงินออมของสมาชิกให้ตรวจสอบได้ และรายงานให้สมาชิกรู้อย่างสม่ำเสมอ",
            "selected", 21, 5,
            [
                "ไม่มีบัญชีเป็นลายลักษณ์อักษร เงินของกลุ่มอยู่กับคนคนเดียว",
                "มีสมุดบัญชีรับ-จ่าย แต่ลงไม่ครบทุกรายการ และไม่มีใบเสร็จ",
                "ลงบัญชีครบพร้อมใบเสร็จ แต่รายงานสมาชิกเฉพาะตอนประชุมใหญ่ปีละครั้ง",
                "ลงบัญชีครบ มีกรรมการตรวจสอบ ๒ คนลงนาม และรายงานยอดเงินทุกเดือน",
                "ติดประกาศงบรับ-จ่ายที่ศูนย์กลุ่มทุกเดือน สมาชิกขอดูสมุดบัญชีได้ทุกเมื่อ และผ่านการตรวจบัญชีปีละครั้ง",
            ],
            {
                "r1": C(2, "มีสมุดบัญชีของเหรัญญิก แต่ลงไม่ครบ ใบเสร็จค่าสีและค่าผ้าหายหลายใบ"),
                "r2": C(2, "เถียงกันนาน: กรรมการว่าลงบัญชีครบแล้ว, สมาชิกหลายคนว่าไม่เคยเห็นยอดเงินกองทุน "
                           "สรุปให้ ๒ ไปก่อนจนกว่าจะได้ดูสมุดบัญชีด้วยกัน", spread="wide"),
                "r3": C(3, "เปิดสมุดบัญชีให้ดูในที่ประชุมแล้ว ลงครบพร้อมใบเสร็จ แต่ยังรายงานยอดเงินปีละครั้ง "
                           "คะแนนรายคนยังต่างกันมาก", spread="wide",
                        skips=[("P13", "เพิ่งเข้ากลุ่ม ไม่ทราบเรื่องบัญชี"),
                               ("P14", "เพิ่งเข้ากลุ่ม ยังไม่ได้ดูบัญชี")]),
                "r4": C(3, "มีกรรมการตรวจสอบ ๒ คนแล้ว แต่บอร์ดประกาศงบรับ-จ่ายเพิ่งติดได้ ๒ เดือน ขอดูผลอีกรอบ"),
                "x1": C(3, "ยอดในบัญชีตรงกับสมุดเงินฝากธนาคาร แต่ยังไม่ได้รายงานสมาชิกทุกเดือนตามเกณฑ์ระดับ ๔"),
            },
            low=["ไม่เคยเห็นสมุดบัญชี", "ถามยอดเงินแล้วไม่มีใครตอบได้", "ไม่รู้ว่าเงินปันผลคิดอย่างไร"],
            high=["เหรัญญิกบอกยอดทุกครั้งที่ถาม", ("r3", "บัญชีมีใบเสร็จครบ ตรวจได้")],
        ),
        Spec(
            "G03", "การผลิต", "การผลิตต่อเนื่องตลอดปี",
            "กลุ่มย้อมผ้าและผลิตสินค้าอย่างต่อเนื่องตามแผน ไม่หยุดเมื่อหมดเทศกาลหรือไม่มีออร์เดอร์",
            "selected", 15, 4,
            [
                "ผลิตเฉพาะเมื่อมีคนสั่ง บางเดือนไม่ได้ย้อมเลย",
                "ผลิตช่วงเทศกาลและงานแสดงสินค้า รวมไม่เกิน ๖ เดือนต่อปี",
                "ผลิตทุกเดือน แต่จำนวนไม่แน่นอน และไม่มีแผนการผลิต",
                "มีแผนการผลิตรายเดือน และผลิตได้ตามแผนอย่างน้อย ๙ ใน ๑๒ เดือน",
                "ผลิตตามแผนทุกเดือน มีสินค้าพร้อมขายในสต็อกอย่างน้อย ๑๐๐ ชิ้น และมีตารางเวรย้อมของสมาชิก",
            ],
            {
                "r1": C(3, "ย้อมผ้าทุกเดือนแต่จำนวนขึ้นลงตามออร์เดอร์ ยังไม่มีแผนการผลิต"),
                # the multi-line note: two lines, as typed in the hall
                "r2": C(2, "น้ำท่วมใหญ่ปลายเดือนพฤศจิกายน โรงย้อมจมน้ำ\nหยุดผลิตเกือบ ๒ เดือน ผ้าดิบเสียหายราว ๖๐ ผืน"),
                "r3": C(3, "ซ่อมโรงย้อมเสร็จเดือนกุมภาพันธ์ กลับมาย้อมทุกเดือน และมีตารางเวรย้อมแล้ว"),
                "r4": C(4, "มีแผนการผลิตรายเดือน ทำได้ตามแผน ๕ เดือนติดต่อกัน"),
                "x1": C(3, "แผนการผลิตมีจริง แต่ผลิตตามแผนได้ ๕ เดือน ยังไม่ครบ ๙ เดือนตามเกณฑ์ระดับ ๔"),
            },
            low=["เดือนที่ไม่มีออร์เดอร์ก็ไม่ได้ย้อม", ("r3", "เวรย้อมยังมีคนมาน้อย")],
            high=["ช่วงมีออร์เดอร์ย้อมทุกสัปดาห์", ("r4", "มีผ้าพร้อมขายในสต็อก")],
        ),
        Spec(
            "G04", "การผลิต", "แหล่งวัตถุดิบสีธรรมชาติจากสวนสมรมและป่าอย่างยั่งยืน",
            "กลุ่มได้วัตถุดิบให้สี เช่น เปลือกมังคุด, ใบหูกวาง, แก่นขนุน และเปลือกสะตอ พอใช้ทั้งปี "
            "โดยไม่ทำลายป่าต้นน้ำ",
            "selected", 14, 4,
            [
                "เก็บวัตถุดิบตามที่หาได้ บางครั้งลอกเปลือกไม้จนต้นตาย",
                "รู้แหล่งวัตถุดิบหลัก แต่ขาดแคลนบ่อยช่วงหน้าแล้ง ต้องซื้อจากนอกหมู่บ้าน",
                "มีข้อตกลงการเก็บวัตถุดิบของกลุ่ม เช่น ไม่ลอกเปลือกรอบต้น และสมาชิกทำตาม",
                "ปลูกพืชให้สีในแปลงรวมหรือสวนสมาชิกอย่างน้อย ๕ ชนิด และมีวัตถุดิบพอใช้ทั้งปี",
                "มีธนาคารพันธุ์ไม้ให้สี บันทึกการเก็บและปลูกทดแทน และแบ่งวัตถุดิบให้กลุ่มอื่นได้",
            ],
            {
                "r1": C(2, "เปลือกมังคุดหาง่ายช่วงหน้ามังคุด, หน้าแล้งต้องซื้อแก่นขนุนจากนอกหมู่บ้าน"),
                "r2": C(2, "น้ำท่วมพัดเปลือกไม้ที่ตากไว้ไปหมด และยังไม่มีข้อตกลงการเก็บวัตถุดิบ"),
                # the note with double quotes
                "r3": C(3, 'ทำข้อตกลง "ไม่ลอกเปลือกรอบต้น" แล้ว สมาชิกทำตามเกือบทุกคน'),
                "r4": C(3, "ปลูกพืชให้สีในแปลงรวมแล้ว ๔ ชนิด แต่ยังไม่ให้ผลผลิต"),
                "x1": C(3, "เห็นแปลงปลูกจริง แต่วัตถุดิบยังไม่พอใช้ทั้งปี"),
            },
            low=["หน้าแล้งต้องซื้อแก่นขนุน", "ยังเห็นคนลอกเปลือกรอบต้น"],
            high=["ในสวนสมรมมีพืชให้สีเยอะ", ("r3", "ปลูกหูกวางเพิ่มที่บ้านแล้ว")],
        ),
        Spec(
            "G05", "การผลิต", "คุณภาพและมาตรฐานผลิตภัณฑ์ (มผช./OTOP)",
            "ผ้าของกลุ่มสีไม่ตก ขนาดและฝีเย็บได้มาตรฐาน และได้รับการรับรองมาตรฐานผลิตภัณฑ์ชุมชน (มผช.)",
            "selected", 16, 4,
            [
                "ไม่มีการตรวจคุณภาพ ลูกค้าคืนสินค้าเพราะสีตกบ่อย",
                "คัดผ้าที่มีตำหนิออกก่อนขาย แต่ยังไม่มีเกณฑ์ที่เขียนไว้",
                "มีเกณฑ์ตรวจคุณภาพ (สีไม่ตก ขนาด ฝีเย็บ) และมีผู้ตรวจก่อนแพ็กทุกล็อต",
                "ยื่นขอรับรอง มผช. แล้ว และสินค้าที่ถูกส่งคืนไม่เกินร้อยละ ๕",
                "ได้รับการรับรอง มผช. และมีผลิตภัณฑ์ได้ระดับดาว OTOP",
            ],
            {
                "r1": C(2, "คัดผ้ามีตำหนิออกก่อนขาย แต่ยังมีลูกค้าคืนสินค้าเพราะสีตก"),
                "r2": C(3, "เขียนเกณฑ์ตรวจคุณภาพแล้ว หัวหน้าฝ่ายผลิตตรวจก่อนแพ็กทุกล็อต"),
                "r3": C(3, "ทดสอบสีตกด้วยการซัก ๕ ครั้งผ่าน กำลังเตรียมเอกสารขอ มผช."),
                "r4": C(4, "ยื่นขอ มผช. แล้วเมื่อเดือนกรกฎาคม สินค้าที่ถูกส่งคืนเหลือไม่ถึงร้อยละ ๕",
                        skips=[(None, "ไม่ได้ดูเรื่องเอกสาร มผช. ไม่แน่ใจ")]),
                "x1": C(3, "ยังไม่ได้ใบรับรอง มผช. เห็นเพียงใบรับคำขอ สถิติการคืนสินค้ายังจดไม่ครบ"),
            },
            low=["ลูกค้ายังบ่นว่าสีตก", "ฝีเย็บขอบผ้ายังไม่เรียบ"],
            high=[("r3", "ผ้าล็อตใหม่ซักแล้วสีไม่ตก"), ("r2", "มีคนตรวจก่อนแพ็กทุกครั้ง")],
        ),
        Spec(
            "G06", "การตลาด", "ช่องทางการตลาดและการขายออนไลน์",
            "กลุ่มขายได้หลายช่องทาง ทั้งหน้าศูนย์ งานแสดงสินค้า และออนไลน์ ไม่พึ่งผู้รับซื้อรายเดียว",
            "selected", 19, 4,
            [
                "ขายผ่านพ่อค้าคนกลางรายเดียว กลุ่มกำหนดราคาเองไม่ได้",
                "ขายที่ศูนย์หัตถกรรมในหมู่บ้านและพ่อค้าคนกลาง",
                "มีเพจเฟซบุ๊กของกลุ่ม โพสต์สินค้าอย่างน้อยเดือนละ ๔ ครั้ง และมีลูกค้าสั่งออนไลน์",
                "ขายได้อย่างน้อย ๓ ช่องทาง ยอดขายออนไลน์ไม่น้อยกว่าร้อยละ ๒๐ ของยอดขายทั้งหมด",
                "มีร้านบนแพลตฟอร์มออนไลน์ มีลูกค้าประจำ และไม่มีช่องทางใดเกินร้อยละ ๕๐ ของยอดขาย",
            ],
            {
                "r1": C(2, "ขายที่ศูนย์หัตถกรรมในหมู่บ้านกับร้านรับซื้อในหาดใหญ่เป็นหลัก"),
                "r2": C(3, "เปิดเพจเฟซบุ๊กของกลุ่มแล้ว ฝ่ายการตลาดโพสต์สินค้าทุกสัปดาห์ มีลูกค้าสั่งทางข้อความ",
                        skips=[(None, "ไม่ได้ดูแลเรื่องการขาย ไม่แน่ใจ")]),
                "r3": C(2, "ร้านที่หาดใหญ่เลิกรับซื้อตั้งแต่เดือนมีนาคม ยอดขายหายไปเกือบครึ่ง\n"
                           "เหลือขายหน้าศูนย์กับทางเพจ"),
                "r4": C(3, "เปิดร้านบนแพลตฟอร์มออนไลน์และออกบูธงานระดับภาค ยอดขายกลับมาราวร้อยละ ๗๐ ของเดิม",
                        bias=1),
                "x1": C(3, "มีขาย ๓ ช่องทางจริง แต่ยอดขายออนไลน์ยังไม่ถึงร้อยละ ๒๐"),
            },
            low=["ขายไม่ค่อยได้ ของค้างเยอะ", "พ่อค้าคนกลางกดราคา"],
            high=[("r2", "ลูกค้าทักเพจทุกวัน"), ("r4", "ขายออนไลน์ได้ทุกสัปดาห์")],
        ),
        Spec(
            "G07", "การเรียนรู้", "การถ่ายทอดภูมิปัญญาการย้อมสีสู่คนรุ่นใหม่",
            "ความรู้เรื่องการสกัดสีและการมัดย้อมถูกถ่ายทอดให้เยาวชนและสมาชิกใหม่ จนทำเองได้",
            "selected", 18, 4,
            [
                "มีเพียงผู้อาวุโส ๑–๒ คนที่สกัดสีได้ และไม่มีการสอน",
                "สอนลูกหลานในครอบครัวเป็นครั้งคราว",
                "จัดสอนเยาวชนในหมู่บ้านปีละ ๑ ครั้ง มีผู้เรียนอย่างน้อย ๕ คน",
                "มีคู่มือสูตรสีของกลุ่ม และมีเยาวชนอย่างน้อย ๕ คนที่ย้อมเองได้ครบทุกขั้นตอน",
                "มีหลักสูตรร่วมกับโรงเรียนในตำบล และเยาวชนเป็นวิทยากรสอนต่อได้",
            ],
            {
                "r1": C(1, "คนที่สกัดสีจากแก่นขนุนได้มีแค่ผู้อาวุโส ๒ คน ยังไม่เคยสอนเด็ก"),
                "r2": C(2, "สมาชิกพาลูกหลานมาช่วยย้อมช่วงปิดเทอม แต่ยังไม่มีการสอนเป็นระบบ"),
                "r3": C(3, "จัดค่ายมัดย้อมเยาวชนช่วงปิดเทอมเดือนเมษายน มีเด็กมาเรียน ๑๒ คน"),
                "r4": C(3, "เด็กจากค่ายกลับมาช่วยย้อม ๔ คน คู่มือสูตรสียังเขียนไม่เสร็จ"),
                "x1": C(3, "พบเยาวชน ๔ คนย้อมได้เอง ยังไม่ถึง ๕ คนตามเกณฑ์ระดับ ๔"),
            },
            low=["เด็กไม่ค่อยสนใจ", "สูตรสียังอยู่ในหัวผู้อาวุโส"],
            high=[("r2", "หลานย้อมเองได้แล้ว"), ("r4", "เด็กจากค่ายมาช่วยทุกวันเสาร์")],
        ),
        Spec(
            "G08", "การพัฒนา", "การริเริ่มผลิตภัณฑ์และกิจกรรมใหม่",
            "กลุ่มคิดลาย สี หรือผลิตภัณฑ์ใหม่ และลองทำกิจกรรมใหม่ที่เพิ่มรายได้ให้สมาชิก",
            "selected", 12, 3,
            [
                "ทำลายและสินค้าแบบเดิมทุกปี",
                "มีความคิดใหม่ในที่ประชุม แต่ยังไม่ได้ลองทำ",
                "ทดลองลายหรือสินค้าใหม่อย่างน้อย ๑ แบบต่อปี",
                "สินค้าใหม่ออกขายจริงอย่างน้อย ๒ แบบต่อปี และเก็บความเห็นจากลูกค้า",
                "พัฒนาสินค้าใหม่ร่วมกับภาคี เช่น มหาวิทยาลัย และสินค้าใหม่ทำยอดขายเกินร้อยละ ๒๐",
            ],
            {
                "r1": C(2, "ทุกคนอยากทำลายใหม่ แต่ยังไม่มีใครเริ่มทดลอง"),
                "r2": C(2, "คิดลายใบไม้จากสวนสมรมไว้ ยังไม่ได้ลองทำเพราะต้องซ่อมโรงย้อมก่อน"),
                "r3": C(3, "ทดลองผ้าพันคอพิมพ์ลายใบไม้ได้ ๒๐ ผืน"),
                "r4": C(3, "ผ้าพันคอลายใบไม้ออกขายแล้ว ลูกค้าชอบ แต่มีสินค้าใหม่แบบเดียว"),
                "x1": C(3, "เห็นด้วยกับผลประเมินตนเอง มีตัวอย่างสินค้าใหม่ให้ดู"),
            },
            low=["ยังทำลายเดิม ๆ", "ไม่มีเวลาทดลอง"],
            high=[("r4", "ผ้าพันคอลายใบไม้ขายดี"), ("r3", "อาจารย์มาช่วยคิดลายใหม่")],
        ),
        Spec(
            "G09", "การมีส่วนร่วม", "การมีส่วนร่วมของสมาชิก",
            "สมาชิกมาร่วมประชุม ร่วมผลิต และร่วมตัดสินใจ ไม่ใช่เฉพาะกรรมการ",
            "selected", 13, 4,
            [
                "กรรมการ ๒–๓ คนทำทุกอย่าง สมาชิกรอรับส่วนแบ่ง",
                "สมาชิกมาร่วมเมื่อมีงานใหญ่ แต่ไม่ค่อยออกความเห็น",
                "สมาชิกมาประชุมราวครึ่งหนึ่ง มีเวรผลิต แต่การตัดสินใจยังอยู่ที่ประธาน",
                "สมาชิกเกินร้อยละ ๗๐ มาประชุม ทุกคนมีหน้าที่ในเวร และเรื่องสำคัญตัดสินด้วยมติที่ประชุม",
                "สมาชิกผลัดกันนำกิจกรรม และมีคนสมัครเข้ากลุ่มเองทุกปี",
            ],
            {
                "r1": C(3, "รายคนให้ ๔ กันมาก แต่ทีมนำดูรายชื่อแล้วคนมาประชุมราวครึ่งเดียว "
                           "และยังตัดสินใจกันอยู่ไม่กี่คน จึงตกลงให้ ๓", bias=1),
                "r2": C(3, "มีเวรผลิตแล้ว แต่คนมาประชุมยังไม่ถึงร้อยละ ๗๐", bias=1),
                "r3": C(4, "ช่วงซ่อมโรงย้อมหลังน้ำท่วม สมาชิกมาช่วยกันเกือบทุกคน และลงมติเรื่องสำคัญในที่ประชุม"),
                "r4": C(4, "สมาชิกมาประชุมเฉลี่ยร้อยละ ๗๕ มีสมาชิกใหม่สมัครเข้ากลุ่ม ๓ คน"),
                "x1": C(3, "จากบันทึกการประชุม คนมาประชุมเฉลี่ยร้อยละ ๖๕ ต่ำกว่าเกณฑ์ระดับ ๔ เล็กน้อย"),
            },
            low=["คนมาประชุมน้อย", "ประธานตัดสินใจคนเดียวบ่อย"],
            high=["ช่วงมีออร์เดอร์ใหญ่มาช่วยกันเกือบทุกคน", ("r2", "ทุกคนมีเวร"),
                  ("r3", "ช่วยกันซ่อมโรงย้อมทุกคน")],
        ),
        Spec(
            "G10", "สิ่งแวดล้อม", "การจัดการน้ำเสียและกากจากการย้อม",
            "น้ำย้อมและกากวัตถุดิบไม่ถูกปล่อยลงคลองโดยตรง และนำกลับมาใช้ประโยชน์ได้",
            "selected", 11, 3,
            [
                "เทน้ำย้อมลงร่องน้ำหรือคลองโดยตรง",
                "พักน้ำย้อมไว้ในถังก่อนเท แต่ไม่มีการบำบัด",
                "มีบ่อพักน้ำเสียที่ใช้งานได้ และนำกากวัตถุดิบไปหมักปุ๋ย",
                "มีบ่อบำบัดแบบพืชกรองน้ำ และตรวจค่าความเป็นกรดด่างของน้ำทุกเดือน",
                "นำน้ำที่บำบัดแล้วกลับมารดแปลงพืชให้สี และเป็นจุดเรียนรู้ให้กลุ่มอื่น",
            ],
            {
                "r1": C(1, "ยังเทน้ำย้อมลงร่องน้ำหลังโรงย้อม ไหลลงคลอง",
                        skips=[(None, "ไม่ได้ไปที่โรงย้อม ไม่รู้เรื่องน้ำเสีย")]),
                "r2": C(2, "พักน้ำย้อมไว้ในถังก่อนเท แต่ยังไม่ได้บำบัด"),
                "r3": C(2, "เริ่มขุดบ่อพักน้ำเสีย ยังไม่เสร็จ"),
                "r4": C(3, "บ่อพักน้ำเสียใช้งานได้แล้ว กากเปลือกไม้นำไปหมักปุ๋ยใส่สวน"),
                "x1": C(2, "บ่อพักน้ำเสียรั่วซึม น้ำยังไหลออกร่องน้ำบางส่วน ควรซ่อมก่อน"),
            },
            low=["ยังเห็นน้ำสีไหลลงคลอง", ("r3", "บ่อยังไม่เสร็จ")],
            high=[("r2", "พักน้ำในถังก่อนเทแล้ว"), ("r4", "มีบ่อพักแล้ว"), ("r4", "กากเปลือกไม้เอาไปทำปุ๋ย")],
        ),
        # --- proposed at the forum, not chosen ---
        Spec(
            "G11", "การท่องเที่ยว", "กิจกรรมเวิร์กช็อปมัดย้อมสำหรับนักท่องเที่ยว",
            "เปิดให้นักท่องเที่ยวที่มาคีรีวงลองมัดย้อมผ้าผืนเล็กกลับบ้าน", "proposed", 6, 3,
            [
                "ไม่มีกิจกรรมสำหรับนักท่องเที่ยว",
                "รับนักท่องเที่ยวเป็นครั้งคราวเมื่อมีคนติดต่อมา",
                "มีชุดกิจกรรม ราคา และผู้สอนประจำ รับได้ครั้งละ ๑๕ คน",
                "รับนักท่องเที่ยวทุกเดือน และร่วมโปรแกรมกับโฮมสเตย์ในหมู่บ้าน",
                "กิจกรรมท่องเที่ยวมีรายได้เกินร้อยละ ๑๕ ของรายได้กลุ่ม",
            ],
        ),
        Spec(
            "G12", "การบริหารจัดการ", "สวัสดิการสมาชิกยามเจ็บป่วย",
            "แบ่งกำไรส่วนหนึ่งเป็นเงินช่วยเหลือสมาชิกที่เจ็บป่วยหรือนอนโรงพยาบาล", "proposed", 5, 3,
            [
                "ไม่มีสวัสดิการ",
                "เรี่ยไรช่วยกันเป็นครั้งคราว",
                "มีกองทุนสวัสดิการและระเบียบการจ่ายที่เขียนไว้",
                "จ่ายสวัสดิการได้ทุกรายตามระเบียบภายใน ๗ วัน",
                "สวัสดิการครอบคลุมครอบครัวของสมาชิกด้วย",
            ],
        ),
        Spec(
            "G13", "การตลาด", "หน้าร้านของกลุ่มในตัวเมืองนครศรีธรรมราช",
            "มีจุดขายประจำในเมือง เช่น ฝากขายที่ร้านของฝากใกล้วัดพระมหาธาตุ", "proposed", 4, 3,
            [
                "ไม่มีจุดขายในเมือง",
                "ฝากขายร้านของฝากเป็นครั้งคราว",
                "มีร้านฝากขายประจำ ๑ ร้าน ส่งของทุกเดือน",
                "มีจุดขายในเมือง ๒ แห่ง และจ่ายค่าสินค้าตรงเวลา",
                "มีหน้าร้านของกลุ่มเอง",
            ],
        ),
        Spec(
            "G14", "การผลิต", "ใช้ผ้าฝ้ายทอมือของชุมชนแทนผ้าดิบจากโรงงาน",
            "ซื้อผ้าฝ้ายจากกลุ่มทอผ้าในอำเภอ เพื่อให้เงินหมุนในชุมชน", "proposed", 3, 3,
            [
                "ใช้ผ้าดิบจากโรงงานทั้งหมด",
                "ทดลองซื้อผ้าทอมือมาย้อมบางล็อต",
                "ผ้าทอมือเป็นร้อยละ ๒๐ ของผ้าที่ใช้",
                "ผ้าทอมือเป็นร้อยละ ๕๐ ของผ้าที่ใช้ และมีสัญญาซื้อกับกลุ่มทอผ้า",
                "ใช้ผ้าทอมือของชุมชนทั้งหมด",
            ],
        ),
        # --- dropped at the forum (kept for the record) ---
        Spec(
            "G15", "เศรษฐกิจ", "สมาชิกทุกคนมีรายได้เกิน ๑๐,๐๐๐ บาทต่อเดือน",
            "ที่ประชุมตัดออก: รายได้ขึ้นกับราคาตลาดและฤดูผลไม้ กลุ่มควบคุมเองไม่ได้", "dropped", 2, None,
            [
                "รายได้จากกลุ่มต่ำกว่า ๒,๐๐๐ บาทต่อเดือน",
                "๒,๐๐๐–๔,๐๐๐ บาทต่อเดือน",
                "๔,๐๐๐–๗,๐๐๐ บาทต่อเดือน",
                "๗,๐๐๐–๑๐,๐๐๐ บาทต่อเดือน",
                "เกิน ๑๐,๐๐๐ บาทต่อเดือน",
            ],
        ),
        Spec(
            "G16", "การพัฒนา", "ได้รับรางวัลกลุ่มดีเด่นระดับประเทศ",
            "ที่ประชุมตัดออก: เป็นผลที่คนอื่นตัดสิน ไม่ใช่สิ่งที่กลุ่มทำเองได้", "dropped", 1, None,
            [
                "ไม่เคยส่งประกวด",
                "ส่งประกวดระดับอำเภอ",
                "ได้รางวัลระดับอำเภอ",
                "ได้รางวัลระดับจังหวัด",
                "ได้รางวัลระดับประเทศ",
            ],
        ),
        Spec(
            "G17", "การมีส่วนร่วม", "การมีส่วนร่วมของสมาชิก",
            "กลุ่มย่อยที่ ๒ เสนอซ้ำกับข้อ G09 ที่ประชุมรวมเป็นข้อเดียว", "dropped", 0, None, [],
        ),
    ]
    selected = [s for s in specs if s.status == "selected"]

    p_all = codes("P", 15)
    lean = {p: rng.choice([-1, 0, 0, 0, 0, 1]) for p in p_all}
    old, new = p_all[:12], p_all[12:]  # P13-P15 joined the group in March 2026
    attendance = {
        "r1": sorted(rng.sample(old, 11)),
        "r2": sorted(rng.sample(old, 10)),
        "r3": sorted(rng.sample(old, 10) + new),
        "r4": sorted(rng.sample(p_all, 14)),
        "x1": codes("E", 4),
    }
    scores: list[Score] = []
    for rnd in rounds:
        external = rnd.assessor == "external"
        if external:  # the committee rates close to one another
            for s in selected:
                s.cells[rnd.round_id].spread = "tight"
        scores += rate_round(
            rng, rnd, rounds, selected, attendance[rnd.round_id],
            start=at(rnd.held_on, 9, 30 if external else 10), lean=lean,
            block_minutes=12 if external else 16, note_chance=0 if external else 0.12,
            fixed_notes={
                ("G02", "E02"): "ขอให้ติดประกาศงบรับ-จ่ายทุกเดือน",
                ("G05", "E01"): "ควรจดสถิติการคืนสินค้าให้ครบ",
                ("G10", "E03"): "บ่อพักรั่วด้านทิศใต้",
            } if external else None,
        )

    plan = [
        PlanActivity("A01", "G01", "จัดทำปฏิทินประชุมประจำเดือนและแบบฟอร์มบันทึกการประชุม", secretary,
                     date(2025, 11, 20), date(2025, 12, 31), Decimal(0), "done"),
        PlanActivity("A02", "G02", "อบรมการทำบัญชีกลุ่มและบัญชีเงินออมร่วมกับพัฒนากร", treasurer,
                     date(2026, 1, 10), date(2026, 1, 11), Decimal(3500), "done"),
        PlanActivity("A03", "G02", "ติดบอร์ดประกาศงบรับ-จ่ายรายเดือนที่ศูนย์กลุ่ม", treasurer,
                     date(2026, 6, 1), date(2026, 12, 31), Decimal("850.50"), "in_progress"),
        PlanActivity("A04", "G03", "ซ่อมโรงย้อมและยกชั้นเก็บผ้าหนีน้ำหลังน้ำท่วม", production,
                     date(2025, 12, 15), date(2026, 2, 28), Decimal(25000), "done"),
        PlanActivity("A05", "G04", 'ทำข้อตกลงการเก็บเปลือกไม้ "ไม่ลอกเปลือกรอบต้น" ของกลุ่ม', vice,
                     date(2026, 3, 1), date(2026, 3, 31), Decimal(0), "done"),
        PlanActivity("A06", "G04", "ปลูกมังคุด, หูกวาง, ขนุน และฝางในแปลงรวมของกลุ่ม", vice,
                     date(2026, 5, 20), date(2026, 7, 31), Decimal(6000), "done"),
        PlanActivity("A07", "G05", "ทดสอบสีตกและเขียนเกณฑ์ตรวจคุณภาพก่อนแพ็ก", production,
                     date(2026, 1, 15), date(2026, 2, 10), Decimal(1500), "done"),
        PlanActivity("A08", "G05", "ยื่นขอรับรองมาตรฐานผลิตภัณฑ์ชุมชน (มผช.) ผ้ามัดย้อม", chair,
                     date(2026, 4, 1), date(2026, 9, 30), Decimal(2000), "in_progress"),  # overdue
        PlanActivity("A09", "G06", "เปิดร้านบนแพลตฟอร์มออนไลน์และอบรมถ่ายภาพสินค้าด้วยมือถือ", marketing,
                     date(2026, 3, 15), date(2026, 6, 30), Decimal(4500), "done"),
        PlanActivity("A10", "G06", "ออกบูธงานแสดงสินค้า OTOP ระดับภาค", marketing,
                     date(2026, 8, 1), date(2026, 8, 5), Decimal(12000), "done"),
        PlanActivity("A11", "G07", "ค่ายมัดย้อมสีธรรมชาติสำหรับเยาวชนช่วงปิดเทอม", chair,
                     date(2026, 4, 6), date(2026, 4, 10), Decimal(8000), "done"),
        PlanActivity("A12", "G07", "เขียนคู่มือสูตรสีธรรมชาติของกลุ่ม", vice,
                     date(2026, 5, 1), date(2026, 8, 31), Decimal(3000), "in_progress"),  # overdue
        PlanActivity("A13", "G08", "ทดลองทำผ้าพันคอพิมพ์ลายใบไม้ร่วมกับอาจารย์มหาวิทยาลัย", production,
                     date(2026, 3, 1), date(2026, 5, 15), Decimal(5000), "done"),
        PlanActivity("A14", "G09", "ศึกษาดูงานกลุ่มทอผ้าที่จังหวัดพัทลุง", chair,
                     date(2026, 7, 10), date(2026, 7, 11), Decimal(15000), "cancelled"),
        PlanActivity("A15", "G10", "ขุดบ่อพักน้ำเสียและทำบ่อพืชกรองน้ำหลังโรงย้อม", production,
                     date(2026, 4, 1), date(2026, 7, 31), Decimal(18000), "done"),
        PlanActivity("A16", "G09", "ประชุมใหญ่สามัญประจำปีและเลือกกรรมการชุดใหม่", secretary,
                     date(2026, 12, 12), date(2026, 12, 12), None, "planned"),
    ]
    return assemble(profile, members, specs, rounds, scores, plan, khiriwong_reflections())


def khiriwong_reflections() -> list[Reflection]:
    """What the group learnt about each indicator in round 4 (strengths, weaknesses, next action)."""
    said = {
        "G01": ("ประชุมครบทุกเดือน เลขาฯ ส่งสรุปมติในไลน์กลุ่มเร็ว",
                "สมาชิกสูงอายุบางคนไม่ได้ใช้ไลน์ จึงไม่รู้มติ",
                "ติดสรุปมติที่บอร์ดศูนย์กลุ่มทุกครั้งหลังประชุม"),
        "G02": ("มีกรรมการตรวจสอบบัญชี ๒ คน ยอดตรงกับสมุดเงินฝาก",
                "ยังรายงานงบรับ-จ่ายให้สมาชิกไม่ครบทุกเดือน",
                "เหรัญญิกติดประกาศงบทุกวันที่ ๕ ของเดือน และอ่านในที่ประชุม"),
        "G03": ("ผลิตตามแผนได้ ๕ เดือนติดต่อกัน โรงย้อมซ่อมแล้วหลังน้ำท่วม",
                "ช่วงฝนชุกยังตากผ้าไม่ได้ งานล่าช้า",
                "ทำราวตากผ้าในร่มและวางแผนผลิตล่วงหน้าก่อนหน้าฝน"),
        "G04": ("ปลูกพืชให้สีในแปลงรวมแล้ว ๔ ชนิด มีข้อตกลงเก็บเปลือกไม้",
                "พืชยังไม่ให้ผลผลิต ยังต้องซื้อครามจากนอกชุมชน",
                "ดูแลแปลงรวมเป็นเวรรายสัปดาห์ และทดลองเพาะครามเอง"),
        "G05": ("ยื่นขอ มผช. แล้ว สินค้าถูกส่งคืนไม่ถึงร้อยละ ๕",
                "ยังไม่มีผลการรับรอง เอกสารบางส่วนต้องแก้",
                "ติดตามผล มผช. กับสำนักงานอุตสาหกรรมจังหวัดทุกเดือน"),
        "G06": ("ร้านออนไลน์เปิดแล้ว ออกบูธระดับภาคได้ลูกค้าใหม่",
                "ยอดขายกลับมาราวร้อยละ ๗๐ ของเดิม ยังขาดผู้ซื้อประจำ",
                "หาผู้ซื้อประจำรายใหม่ ๒ ราย และถ่ายรูปสินค้าใหม่ทุกเดือน"),
        "G07": ("เด็กจากค่ายกลับมาช่วยย้อม ๔ คน",
                "คู่มือสูตรสียังเขียนไม่เสร็จ ช้ากว่าแผน",
                "เขียนคู่มือสูตรสีให้เสร็จ โดยให้เยาวชนช่วยถ่ายภาพขั้นตอน"),
        "G08": ("ผ้าพันคอลายใบไม้ขายได้ ลูกค้าชอบ",
                "มีสินค้าใหม่แบบเดียว",
                "ทดลองทำกระเป๋าผ้ามัดย้อมอีก ๑ แบบร่วมกับอาจารย์"),
        "G09": ("สมาชิกมาประชุมเฉลี่ยร้อยละ ๗๕ มีสมาชิกใหม่ ๓ คน",
                "สมาชิกบางคนไม่เคยแสดงความเห็นในที่ประชุม",
                "ใช้การให้คะแนนรายบุคคลก่อนอภิปรายทุกรอบ"),
        "G10": ("บ่อพักน้ำเสียใช้งานได้ กากเปลือกไม้ทำปุ๋ยหมักได้",
                "ยังไม่มีการตรวจคุณภาพน้ำหลังบ่อพัก",
                "ขอให้ รพ.สต. ช่วยตรวจน้ำปีละ ๒ ครั้ง"),
    }
    return [Reflection("r4", indicator_id, *texts) for indicator_id, texts in said.items()]


def check_khiriwong_story(wb: Workbook) -> list[str]:
    """The numbers must tell the story the trainers tell; returns what is wrong."""
    wrong: list[str] = []
    cons = {(s.round_id, s.indicator_id): s.score for s in wb.current_scores() if s.rater == CONSENSUS}
    indiv: dict[tuple[str, str], list[int]] = {}
    for s in wb.current_scores():
        if s.rater != CONSENSUS and s.score is not None:
            indiv.setdefault((s.round_id, s.indicator_id), []).append(s.score)
    ids = [i.indicator_id for i in wb.selected_indicators()]
    means = [statistics.mean(cons[(r, i)] for i in ids) for r in ("r1", "r2", "r3", "r4")]
    if not all(a < b for a, b in itertools.pairwise(means)):
        wrong.append(f"self-assessment means do not rise: {means}")
    if not cons[("r3", "G06")] < min(cons[("r2", "G06")], cons[("r4", "G06")]):
        wrong.append("marketing (G06) should drop in round 3, then recover partly")
    if not cons[("r2", "G03")] < cons[("r1", "G03")]:
        wrong.append("production (G03) should drop in round 2 (the flood)")
    for r in ("r2", "r3"):
        values = indiv[(r, "G02")]
        if min(values) != 1 or max(values) != 5:
            wrong.append(f"accounts (G02) in {r} should split the hall 1..5: {sorted(values)}")
    for key in (("r1", "G09"), ("r2", "G09"), ("r4", "G06")):
        if abs(statistics.median(indiv[key]) - cons[key]) < 1:
            wrong.append(f"{key}: consensus should differ from the individual median by 1")
    lower = [i for i in ids if cons[("x1", i)] < cons[("r4", i)]]
    if not 3 <= len(lower) <= 6 or any(cons[("r4", i)] - cons[("x1", i)] > 1 for i in ids):
        wrong.append(f"external scores should be slightly lower on a few indicators: {lower}")
    for r in ("r1", "r2", "r3", "r4"):
        count = len({s.rater for s in wb.scores if s.round_id == r and s.rater != CONSENSUS})
        if not 10 <= count <= 15:
            wrong.append(f"{r}: {count} individual raters, expected 10-15")
    return wrong


# =========================================================================================
# 2. A village headman in Sa Kaeo (leader)
# =========================================================================================


def sakaeo_leader() -> Workbook:
    rng = random.Random(20251108)
    leader = "นายสุรชัย แสงทองดี"
    profile = Profile(
        workbook_id="sakaeo-leader-khoksaat",
        name="ผู้ใหญ่บ้านโคกสะอาดพัฒนา หมู่ที่ ๖ (นายสุรชัย แสงทองดี)",
        target_type="leader",
        province="สระแก้ว",
        district="วัฒนานคร",
        subdistrict="หนองตะเคียนบอน",
        facilitator="นายธนากร บุญมากมี พัฒนากร",
        created_at=at(date(2025, 10, 11), 10, 15),
    )
    members = [
        Member(leader, "lead", "083-555-0191", "ผู้ใหญ่บ้าน หมู่ที่ ๖"),
        Member("นายทองใบ ศรีวงษ์ทอง", "advisor", "081-555-0128", "ผู้ทรงคุณวุฒิในหมู่บ้าน (อดีตสมาชิก อบต.)"),
        Member("นางลำดวน จันทร์หอมกลิ่น", "advisor", "086-555-0114", "ประธาน อสม. หมู่ที่ ๖"),
        Member("นายวิชัย มีสุขสวัสดิ์", "advisor", "", "ครูโรงเรียนประจำหมู่บ้าน"),
    ]
    rounds = [
        Round("r1", "รอบที่ ๑", date(2025, 11, 8), "self", True),
        Round("r2", "รอบที่ ๒", date(2026, 5, 9), "self", True),
        Round("r3", "รอบที่ ๓", date(2026, 11, 14), "self", False),  # still open: stopped by rain
    ]
    specs = [
        Spec(
            "L01", "ภูมิรู้", "รู้ข้อมูลหมู่บ้านและใช้ข้อมูลวางแผน",
            "ผู้ใหญ่บ้านรู้ข้อมูลความจำเป็นพื้นฐาน (จปฐ.) ของหมู่บ้าน และใช้ข้อมูลทำแผนร่วมกับชาวบ้าน",
            "selected", 7, 4,
            [
                "ไม่รู้จำนวนครัวเรือนและปัญหาหลักของหมู่บ้าน ต้องถามคนอื่น",
                "รู้ข้อมูลพื้นฐาน เช่น จำนวนครัวเรือนและประชากร แต่ไม่เคยดูข้อมูล จปฐ.",
                "อ่านข้อมูล จปฐ. และ กชช.๒ค ของหมู่บ้านได้ และบอกปัญหาหลักได้ ๓ เรื่อง",
                "นำข้อมูล จปฐ. มาทำแผนพัฒนาหมู่บ้านผ่านเวทีประชาคม",
                "ปรับแผนหมู่บ้านทุกปีจากข้อมูลใหม่ และอธิบายให้หน่วยงานภายนอกเข้าใจได้ชัดเจน",
            ],
            {
                "r1": C(2, "บอกจำนวนครัวเรือนได้ (๑๒๘ ครัวเรือน) แต่ยังไม่เคยเปิดดูข้อมูล จปฐ."),
                "r2": C(3, "อ่านข้อมูล จปฐ. กับพัฒนากรแล้ว บอกปัญหาหลักได้ ๓ เรื่อง: หนี้ครัวเรือน, น้ำแล้ง, ยาเสพติด"),
                "r3": C(3, "เริ่มใช้ข้อมูล จปฐ. ร่างแผนหมู่บ้าน แต่ยังไม่ผ่านเวทีประชาคม"),
            },
        ),
        Spec(
            "L02", "ภูมิธรรม", "ซื่อสัตย์และโปร่งใสในการใช้เงินส่วนรวม",
            "ชาวบ้านรู้ว่าเงินโครงการและเงินกองทุนของหมู่บ้านใช้ไปกับอะไร และตรวจสอบได้",
            "selected", 8, 4,
            [
                "ชาวบ้านไม่รู้ว่าเงินโครงการใช้ไปกับอะไร",
                "แจ้งยอดเงินโครงการเมื่อมีคนถาม",
                "แจ้งงบประมาณและรายจ่ายของทุกโครงการในที่ประชุมหมู่บ้าน",
                "ติดประกาศรายรับ–รายจ่ายที่ศาลากลางบ้าน และมีตัวแทนชาวบ้านร่วมตรวจรับงาน",
                "ตลอดปีไม่มีข้อร้องเรียนเรื่องเงิน และชาวบ้านขอดูเอกสารได้ทุกเมื่อ",
            ],
            {
                "r1": C(2, "เงินโครงการถนนปีที่แล้วไม่ได้แจ้งรายละเอียด ชาวบ้านบางคนยังติดใจ", spread="wide"),
                "r2": C(3, "แจ้งงบทุกโครงการในประชุมหมู่บ้านแล้ว และติดบอร์ดที่ศาลากลางบ้าน"),
                "r3": C(4, given=False),  # rated on phones; the hall had not agreed when the rain came
            },
            low=["ยังไม่รู้ว่าเงินถนนเหลือเท่าไร", "ถามแล้วได้คำตอบไม่ชัด"],
            high=[("r2", "ติดบอร์ดงบทุกโครงการ"), ("r3", "ให้ตัวแทนชาวบ้านตรวจรับงานด้วย")],
        ),
        Spec(
            "L03", "ภูมิฐาน", "เป็นที่ยอมรับและไว้วางใจของชาวบ้าน",
            "ชาวบ้านทุกกลุ่มมาร่วมประชุมหมู่บ้าน มาปรึกษา และยอมรับการไกล่เกลี่ยของผู้ใหญ่บ้าน",
            "selected", 6, 4,
            [
                "ประชุมหมู่บ้านมีคนมาไม่ถึง ๒๐ ครัวเรือน",
                "คนมาประชุมราวหนึ่งในสี่ของครัวเรือน ส่วนใหญ่เป็นญาติและคนใกล้ชิด",
                "คนมาประชุมเกินหนึ่งในสามของครัวเรือน และมีคนจากทุกคุ้มมาร่วม",
                "ชาวบ้านมาปรึกษาเรื่องข้อพิพาท และยอมรับผลการไกล่เกลี่ย",
                "หน่วยงานและหมู่บ้านอื่นเชิญไปเป็นวิทยากร และชาวบ้านทุกกลุ่มให้ความร่วมมือ",
            ],
            {
                "r1": C(3, "ประชุมหมู่บ้านมีคนมาประมาณ ๔๐ จาก ๑๒๘ ครัวเรือน"),
                "r2": C(3, "คนมาประชุมมากขึ้นหลังเรื่องน้ำ แต่ยังเป็นกลุ่มเดิม"),
                "r3": C(4, "สองคุ้มที่ขัดแย้งกันเรื่องแนวเขตที่ดินยอมให้ผู้ใหญ่ไกล่เกลี่ยจนตกลงกันได้"),
            },
        ),
        Spec(
            "L04", "การทำงานร่วมกับชุมชน", "ลงพื้นที่และร่วมกิจกรรมกับชาวบ้านสม่ำเสมอ",
            "ผู้ใหญ่บ้านเยี่ยมบ้าน ร่วมกิจกรรม และนำปัญหาที่พบเข้าที่ประชุมหมู่บ้าน",
            "selected", 5, 4,
            [
                "พบชาวบ้านเฉพาะตอนประชุมที่อำเภอสั่ง",
                "ร่วมงานบุญและงานศพในหมู่บ้าน แต่ไม่ได้เยี่ยมบ้าน",
                "เยี่ยมบ้านผู้สูงอายุและผู้ป่วยติดเตียงอย่างน้อยเดือนละ ๑ ครั้ง",
                "เยี่ยมบ้านครบทุกคุ้มภายใน ๓ เดือน และนำปัญหาเข้าที่ประชุมหมู่บ้าน",
                "ชาวบ้านแจ้งปัญหาได้หลายช่องทาง และได้คำตอบภายใน ๗ วัน",
            ],
            {
                "r1": C(3, "ไปงานบุญทุกงาน เยี่ยมผู้ป่วยติดเตียงเฉพาะเมื่อมีคนแจ้ง"),
                "r2": C(4, "ทำตารางเยี่ยมบ้านกับ อสม. ครบ ๕ คุ้มภายใน ๓ เดือน"),
            },
        ),
        Spec(
            "L05", "งานพัฒนาหมู่บ้าน", "การจัดการน้ำใช้ช่วงหน้าแล้ง",
            "หมู่บ้านมีน้ำดื่มน้ำใช้พอในหน้าแล้ง โดยผู้ใหญ่บ้านประสานงานและให้ชาวบ้านร่วมดูแล",
            "selected", 9, 4,
            [
                "หน้าแล้งต้องรอรถน้ำจาก อบต. หลายครัวเรือนขาดน้ำ",
                "รู้ว่าคุ้มไหนขาดน้ำ แต่ยังไม่มีแผน",
                "ประสาน อบต. ขุดลอกสระสาธารณะและซ่อมประปาหมู่บ้านได้",
                "มีคณะกรรมการน้ำของหมู่บ้าน ทำตารางแบ่งน้ำหน้าแล้ง และไม่มีครัวเรือนขาดน้ำดื่ม",
                "มีน้ำใช้ทั้งปี และมีกองทุนค่าไฟประปาที่ชาวบ้านบริหารเอง",
            ],
            {
                "r1": C(2, "หน้าแล้งที่ผ่านมา ๒๓ ครัวเรือนต้องรอรถน้ำ อบต."),
                "r2": C(4, "ขุดลอกสระสาธารณะเสร็จก่อนหน้าแล้ง ตั้งคณะกรรมการน้ำแล้ว ไม่มีบ้านขาดน้ำดื่ม"),
                "r3": C(4, "ตารางแบ่งน้ำใช้ได้ดี แต่ยังไม่มีกองทุนค่าไฟประปา"),
            },
        ),
        Spec(
            "L06", "งานพัฒนาหมู่บ้าน", "การเฝ้าระวังยาเสพติดในหมู่บ้าน",
            "หมู่บ้านมีชุดเฝ้าระวังและกิจกรรมสำหรับเยาวชน เพื่อป้องกันยาเสพติด",
            "selected", 6, 3,
            [
                "ไม่มีการเฝ้าระวัง",
                "แจ้งตำรวจเมื่อมีคนร้องเรียน",
                "ตั้งชุดเฝ้าระวังร่วมกับ อสม. และ ชรบ. ประชุมทุกเดือน",
                "มีกิจกรรมกีฬาและฝึกอาชีพสำหรับเยาวชนกลุ่มเสี่ยงทุกเดือน",
                "ตลอดปีไม่มีผู้ค้าในหมู่บ้าน และผู้เสพได้รับการบำบัดครบ",
            ],
            {
                "r1": C(2, "ยังไม่มีชุดเฝ้าระวัง แจ้งตำรวจเมื่อมีเรื่อง"),
                "r2": C(3, "ตั้งชุดเฝ้าระวังร่วมกับ อสม. และ ชรบ. แล้ว ประชุมทุกเดือน"),
            },
        ),
        Spec(
            "L07", "ภูมิรู้", "การเรียนรู้และพัฒนาตนเองอย่างต่อเนื่อง",
            "เข้าอบรมหรือศึกษาดูงาน แล้วนำความรู้มาเล่าและใช้ในหมู่บ้าน", "proposed", 3, 3, [],
        ),
        Spec(
            "L08", "การสื่อสาร", "ใช้ไลน์กลุ่มหมู่บ้านแจ้งข่าวสาร",
            "แจ้งข่าวและตอบคำถามชาวบ้านผ่านไลน์กลุ่ม นอกจากหอกระจายข่าว", "proposed", 2, None, [],
        ),
        Spec(
            "L09", "ภูมิฐาน", "ได้รับเลือกเป็นกำนัน",
            "ที่ปรึกษาเสนอให้ตัดออก: ตำแหน่งไม่ใช่เป้าหมายของการพัฒนาตนเอง", "dropped", 0, None, [],
        ),
    ]
    selected = [s for s in specs if s.status == "selected"]
    pool = codes("P", 8)  # P01-P03: the advisors; P04-P08: villagers from each neighbourhood
    lean = {p: rng.choice([-1, 0, 0, 1]) for p in pool}
    attendance = {
        "r1": sorted(rng.sample(pool, 7)),
        "r2": pool,
        "r3": sorted(rng.sample(pool, 5)),
    }
    scores: list[Score] = []
    for rnd in rounds:
        scores += rate_round(rng, rnd, rounds, selected, attendance[rnd.round_id], at(rnd.held_on, 13, 30),
                             lean, block_minutes=15, note_chance=0.15)
    plan = [
        PlanActivity("A01", "L01", "เรียนการอ่านข้อมูล จปฐ. และ กชช.๒ค กับพัฒนากร", leader,
                     date(2025, 12, 1), date(2025, 12, 15), Decimal(0), "done"),
        PlanActivity("A02", "L02", "ทำบอร์ดประกาศงบโครงการที่ศาลากลางบ้าน", leader,
                     date(2026, 1, 5), date(2026, 1, 31), Decimal(1200), "done"),
        PlanActivity("A03", "L05", "ประสาน อบต. ขุดลอกสระสาธารณะก่อนหน้าแล้ง", leader,
                     date(2026, 1, 15), date(2026, 3, 31), None, "done"),
        PlanActivity("A04", "L04", "เยี่ยมบ้านร่วมกับ อสม. หมุนเวียนทุกคุ้ม", leader,
                     date(2026, 2, 1), date(2026, 12, 31), None, "in_progress"),
        PlanActivity("A05", "L05", "จัดตั้งกองทุนค่าไฟประปาหมู่บ้าน", leader,
                     date(2026, 6, 1), date(2026, 9, 30), Decimal(0), "in_progress"),  # overdue
        PlanActivity("A06", "L06", "แข่งกีฬาเยาวชนต้านยาเสพติด", leader,
                     date(2026, 8, 12), date(2026, 8, 12), Decimal(5000), "done"),
        PlanActivity("A07", "L01", "เวทีประชาคมทบทวนแผนพัฒนาหมู่บ้านจากข้อมูล จปฐ.", leader,
                     date(2026, 12, 5), date(2026, 12, 5), Decimal(1500), "planned"),
    ]
    return assemble(profile, members, specs, rounds, scores, plan)


# =========================================================================================
# 3. A whole village in Khon Kaen, early stage (community)
# =========================================================================================


def nong_bua_thong() -> Workbook:
    rng = random.Random(20260711)
    headman = "นายบุญมี ดวงศรีเมือง"
    assistant = "นางสมหมาย พลราชแก้ว"
    fund = "นางอุไร แก้วมณีวงศ์"
    youth = "นายเกียรติศักดิ์ สีดาคำ"
    health = "นางเพ็ญศรี บุญหล้าทอง"
    profile = Profile(
        workbook_id="khonkaen-nongbuathong",
        name="ชุมชนบ้านหนองบัวทอง หมู่ที่ ๘",
        target_type="community",
        province="ขอนแก่น",
        district="หนองเรือ",
        subdistrict="บ้านกง",
        facilitator="นางสาวพิมพ์ชนก ศรีบุญเรืองรอง พัฒนากร",
        created_at=at(date(2026, 6, 6), 14, 0),
    )
    members = [
        Member(headman, "lead", "080-555-0117", "ผู้ใหญ่บ้าน (ประธานทีมนำ)"),
        Member(assistant, "lead", "082-555-0146", "ผู้ช่วยผู้ใหญ่บ้าน"),
        Member(fund, "lead", "085-555-0163", "ประธานกองทุนหมู่บ้าน"),
        Member(youth, "lead", "097-555-0102", "ประธานกลุ่มเยาวชน"),
        Member(health, "lead", "088-555-0139", "ประธาน อสม."),
        Member("นายอนุชา ภูมิวงศ์ไพศาล", "advisor", "043-555-019", "ปลัด อบต."),
        Member("นางสาวรัชนี ศรีโสภาวดี", "advisor", "", "ผู้อำนวยการ รพ.สต."),
    ]
    rounds = [
        Round("r1", "รอบที่ ๑", date(2026, 7, 11), "self", True),
        Round("r2", "รอบที่ ๒", date(2026, 10, 10), "self", True),
    ]
    specs = [
        Spec(
            "C01", "การเรียนรู้", "การแลกเปลี่ยนเรียนรู้ในชุมชน",
            "ชุมชนมีเวทีเรียนรู้และศูนย์เรียนรู้ที่คนในชุมชนมาแลกเปลี่ยนกันจริง (รู้เขารู้เรา)",
            "selected", 11, 4,
            [
                "ต่างคนต่างทำ ไม่มีเวทีพูดคุยเรื่องอาชีพ",
                "คุยกันตามวงบุญ ไม่เป็นระบบ",
                "มีเวทีเรียนรู้ทุก ๓ เดือน เช่น การทำปุ๋ยหมัก การเลี้ยงปลา",
                "มีศูนย์เรียนรู้ในชุมชนอย่างน้อย ๒ จุด และมีปราชญ์ชาวบ้านเป็นวิทยากร",
                "ชุมชนอื่นมาศึกษาดูงาน และชุมชนนำสิ่งที่ไปเรียนรู้จากที่อื่นมาปรับใช้",
            ],
            {
                "r1": C(2, "คุยเรื่องอาชีพกันในงานบุญ ยังไม่มีเวทีเรียนรู้ของหมู่บ้าน"),
                "r2": C(3, "จัดเวทีเรียนรู้การทำปุ๋ยหมักจากฟางข้าวแล้ว มีคนมา ๓๕ คน"),
            },
            low=["ไม่ค่อยมีใครชวนไปเรียนรู้"], high=[("r2", "ได้ความรู้เรื่องปุ๋ยหมักไปใช้จริง")],
        ),
        Spec(
            "C02", "การมีส่วนร่วม", "ช่องทางสะท้อนปัญหาและความต้องการของคนในชุมชน",
            "ชาวบ้านบอกปัญหาและความต้องการได้หลายทาง และรู้ว่าเรื่องที่บอกไปได้รับการตอบ",
            "selected", 14, 4,
            [
                "ชาวบ้านแจ้งปัญหาได้ทางเดียวคือไปหาผู้ใหญ่บ้าน",
                "มีเวทีประชาคมปีละครั้ง คนพูดมีแต่กลุ่มเดิม",
                "มีประชาคมทุก ๓ เดือน และหอกระจายข่าวแจ้งผลการประชุม",
                "มีอย่างน้อย ๓ ช่องทาง (ประชาคมคุ้ม ไลน์กลุ่มหมู่บ้าน กล่องรับความคิดเห็น) และตอบทุกเรื่องภายใน ๑ เดือน",
                "ปัญหาที่ชาวบ้านเสนอถูกบรรจุในแผนชุมชนและแผน อบต. อย่างน้อย ๓ เรื่องต่อปี",
            ],
            {
                "r1": C(2, "ทีมนำเห็นว่ามีประชาคมแล้ว แต่ชาวบ้านหลายคนบอกว่าพูดไปก็ไม่มีใครฟัง", spread="wide"),
                "r2": C(3, "ติดกล่องรับความคิดเห็นและเปิดไลน์กลุ่มหมู่บ้านแล้ว ยังไม่ได้ตอบทุกเรื่อง"),
            },
            low=["พูดไปไม่มีใครฟัง", "ไม่กล้าพูดในเวที"], high=[("r2", "มีไลน์กลุ่มแล้ว แจ้งได้ทุกวัน")],
        ),
        Spec(
            "C03", "การบริหารจัดการ", "การบริหารจัดการชุมชนด้วยทุนทางสังคมของตนเอง",
            "ชุมชนใช้กองทุน แรงงาน และประเพณีของตนเองทำเรื่องส่วนรวม ไม่รอแต่งบจากรัฐ",
            "selected", 9, 4,
            [
                "ทุกเรื่องรอของบจากรัฐ",
                "ลงแขกช่วยกันเฉพาะงานบุญประเพณี",
                "กองทุนหมู่บ้านและกลุ่มออมทรัพย์ให้สมาชิกกู้ยืมได้ตามระเบียบ",
                "ใช้เงินกองทุนและแรงงานของชุมชนทำโครงการส่วนรวมเองได้อย่างน้อย ๒ โครงการต่อปี",
                "มีสวัสดิการชุมชนดูแลผู้สูงอายุและผู้ป่วยจากกองทุนของชุมชนเอง",
            ],
            {
                "r1": C(3, "กองทุนหมู่บ้านให้กู้ได้ตามระเบียบ หนี้ค้างชำระไม่ถึงร้อยละ ๕"),
                "r2": C(3, "ลงแขกซ่อมศาลากลางบ้านเองแล้ว ๑ โครงการ"),
            },
        ),
        Spec(
            "C04", "ภาคีเครือข่าย", "การประสานการสนับสนุนจากภาคีการพัฒนา",
            "ชุมชนรู้ว่าจะขอความช่วยเหลือจากหน่วยงานใด และชวนภาคีมาทำแผนร่วมกัน",
            "selected", 7, 3,
            [
                "ไม่รู้ว่าจะขอความช่วยเหลือจากหน่วยงานใด",
                "รอหน่วยงานเข้ามาเอง",
                "ทำหนังสือขอสนับสนุนจาก อบต. และ รพ.สต. ได้เอง",
                "มีภาคีร่วมทำแผนชุมชนอย่างน้อย ๓ หน่วยงาน และมีผู้ประสานงานประจำ",
                "ภาคีสนับสนุนตรงตามแผนชุมชน ไม่มีโครงการซ้ำซ้อน",
            ],
            {
                "r1": C(2, "ส่วนใหญ่รอหน่วยงานเข้ามาเอง"),
                "r2": C(3, "ประชุมทำแผนชุมชนร่วมกับ อบต. และ รพ.สต. แล้ว"),
            },
        ),
        Spec(
            "C05", "เศรษฐกิจ", "การพึ่งตนเองของครัวเรือน",
            "ครัวเรือนลดรายจ่ายด้วยการปลูกผักกินเองและทำบัญชีครัวเรือน",
            "selected", 12, 4,
            [
                "ครัวเรือนส่วนใหญ่ซื้ออาหารทุกอย่าง",
                "ครัวเรือนไม่ถึงร้อยละ ๓๐ ปลูกผักกินเอง",
                "ครัวเรือนครึ่งหนึ่งปลูกผักสวนครัว และร้อยละ ๒๐ ทำบัญชีครัวเรือน",
                "ครัวเรือนร้อยละ ๗๐ ปลูกผักกินเอง และร้อยละ ๔๐ ทำบัญชีครัวเรือน",
                "มีตลาดนัดผักปลอดสารของชุมชน และหนี้นอกระบบลดลงชัดเจน",
            ],
            {
                "r1": C(2, "สำรวจแล้วร้อยละ ๔๐ ของครัวเรือนปลูกผักกินเอง"),
                "r2": C(2, "แก้จาก ๓ เป็น ๒ หลังดูผลสำรวจ: ปลูกผักเพิ่มเป็นร้อยละ ๕๕ "
                           "แต่ทำบัญชีครัวเรือนจริงแค่ร้อยละ ๑๒",
                        corrected_from=(3, "ปลูกผักเพิ่มเป็นร้อยละ ๕๕ ของครัวเรือน")),
            },
            low=["ผักแพงขึ้นแต่ไม่มีที่ปลูก"], high=["ปลูกผักกินเองเกือบทุกบ้านในคุ้ม"],
        ),
        Spec(
            "C06", "ทรัพยากร", "น้ำเพื่อการเกษตรช่วงหน้าแล้ง",
            "ชุมชนมีน้ำพอทำเกษตรหลังฤดูทำนา ตามแนวทางโคก หนอง นา และการใช้หนองสาธารณะร่วมกัน",
            "selected", 10, 3,
            [
                "หน้าแล้งไม่มีน้ำทำเกษตร คนวัยทำงานต้องไปรับจ้างในเมือง",
                "มีบ่อบาดาลส่วนตัวบางครัวเรือน",
                "ครัวเรือนอย่างน้อย ๑๐ ครัวเรือนขุดสระตามแนวโคก หนอง นา",
                "มีกลุ่มผู้ใช้น้ำ และตารางสูบน้ำจากหนองสาธารณะ",
                "ปลูกพืชหลังนาได้ทุกปี และมีรายได้ในหน้าแล้ง",
            ],
            {
                "r1": C(1, "หน้าแล้งที่ผ่านมาหนองบัวแห้ง คนวัยทำงานไปรับจ้างในเมือง"),
                "r2": C(2, "สำรวจครัวเรือนที่จะขุดสระได้ ๑๐ ครัวเรือน เริ่มขุดเดือนพฤศจิกายน"),
            },
        ),
        Spec(
            "C07", "สิ่งแวดล้อม", "ธนาคารขยะและการคัดแยกขยะ",
            "ครัวเรือนคัดแยกขยะ ขายขยะรีไซเคิลผ่านธนาคารขยะ และเลิกเผาขยะ",
            "selected", 8, 4,
            [
                "เผาขยะและทิ้งข้างทาง",
                "มีถังขยะตามบ้าน แต่ไม่คัดแยก",
                "ครัวเรือนครึ่งหนึ่งคัดแยกขยะ และมีจุดรับขยะรีไซเคิล",
                "ธนาคารขยะเปิดรับทุกเดือน มีสมาชิกเกินร้อยละ ๕๐ ของครัวเรือน",
                "ไม่มีการเผาขยะ และรายได้ธนาคารขยะเข้ากองทุนสวัสดิการชุมชน",
            ],
            {
                "r1": C(None, "ยังไม่ได้เริ่มธนาคารขยะ ที่ประชุมตกลงไม่ประเมินรอบนี้", individuals=False),
                "r2": C(2, "ธนาคารขยะเปิดครั้งแรกเดือนสิงหาคม มีสมาชิก ๒๘ ครัวเรือน"),
            },
        ),
        Spec(
            "C08", "เศรษฐกิจ", "ตลาดนัดชุมชนทุกวันศุกร์",
            "ชาวบ้านนำผักและอาหารพื้นบ้านมาขายกันเองที่ลานวัด", "proposed", 6, 3,
            [
                "ไม่มีตลาดในหมู่บ้าน",
                "มีแม่ค้ามาขายเป็นครั้งคราว",
                "มีตลาดนัดทุกสัปดาห์ มีผู้ขาย ๑๐ ราย",
                "ผู้ขายส่วนใหญ่เป็นคนในชุมชน และมีกติกาผักปลอดสาร",
                "ตลาดนัดมีรายได้เข้ากองทุนชุมชน",
            ],
        ),
        Spec(
            "C09", "สุขภาพ", "ลานกีฬาและกิจกรรมผู้สูงอายุ",
            "ผู้สูงอายุออกกำลังกายร่วมกันทุกเย็น", "proposed", 4, None, [],
        ),
        Spec(
            "C10", "โครงสร้างพื้นฐาน", "ถนนคอนกรีตทุกซอย",
            "ตัดออก: เป็นโครงการก่อสร้าง ไม่ใช่ตัวชี้วัดการพัฒนาตนเอง ย้ายไปเสนอในแผน อบต.", "dropped", 1, None, [],
        ),
    ]
    selected = [s for s in specs if s.status == "selected"]
    pool = codes("P", 18)
    lean = {p: rng.choice([-1, 0, 0, 0, 1]) for p in pool}
    attendance = {"r1": sorted(rng.sample(pool, 15)), "r2": sorted(rng.sample(pool, 12))}
    scores: list[Score] = []
    for rnd in rounds:
        scores += rate_round(rng, rnd, rounds, selected, attendance[rnd.round_id], at(rnd.held_on, 9, 0),
                             lean, block_minutes=17, note_chance=0.08)
    plan = [
        PlanActivity("A01", "C02", "ติดกล่องรับความคิดเห็นและเปิดไลน์กลุ่มหมู่บ้าน", youth,
                     date(2026, 7, 15), date(2026, 7, 31), Decimal(500), "done"),
        PlanActivity("A02", "C01", "เวทีเรียนรู้การทำปุ๋ยหมักจากฟางข้าว", headman,
                     date(2026, 8, 22), date(2026, 8, 22), Decimal(2000), "done"),
        PlanActivity("A03", "C04", "ประชุมทำแผนชุมชนร่วมกับ อบต. และ รพ.สต.", assistant,
                     date(2026, 9, 5), date(2026, 9, 5), Decimal(0), "done"),
        PlanActivity("A04", "C07", "เปิดธนาคารขยะเดือนละครั้งที่ศาลากลางบ้าน", youth,
                     date(2026, 8, 1), date(2026, 12, 31), Decimal(3000), "in_progress"),
        PlanActivity("A05", "C06", "ขุดสระตามแนวโคก หนอง นา ๑๐ ครัวเรือน", headman,
                     date(2026, 11, 1), date(2027, 3, 31), None, "in_progress"),
        PlanActivity("A06", "C05", "อบรมบัญชีครัวเรือนร่วมกับ ธ.ก.ส.", fund,
                     date(2026, 12, 12), date(2026, 12, 12), Decimal(1500), "planned"),
        PlanActivity("A07", "C03", "ตั้งกองทุนสวัสดิการผู้สูงอายุจากเงินปันผลกองทุนหมู่บ้าน", fund,
                     date(2027, 1, 1), date(2027, 6, 30), Decimal(0), "planned"),
        PlanActivity("A08", "C01", "พาแกนนำไปดูงานศูนย์เรียนรู้เกษตรผสมผสานในอำเภอ", health,
                     date(2026, 10, 3), date(2026, 10, 3), Decimal(4000), "cancelled"),
    ]
    return assemble(profile, members, specs, rounds, scores, plan)


# =========================================================================================
# 4. A provincial network of organic-farming community enterprises (network)
# =========================================================================================


def nan_network() -> Workbook:
    rng = random.Random(20260124)
    chair = "นายอดิศร ใจคำปัน"
    secretary = "นางสาวพรรณี ปัญญาวงค์ศรี"
    treasurer = "นายจันทร์แก้ว อินต๊ะวงศ์"
    pua = "นางศรีนวล ไชยมงคลชัย"
    profile = Profile(
        workbook_id="nan-organic-network",
        name="เครือข่ายวิสาหกิจชุมชนเกษตรอินทรีย์จังหวัดน่าน",
        target_type="network",
        province="น่าน",
        district="เมืองน่าน",
        subdistrict="ในเวียง",
        facilitator="นายกิตติพงษ์ วงศ์ใหญ่ยิ่ง นักวิชาการพัฒนาชุมชน",
        created_at=at(date(2025, 12, 13), 10, 0),
    )
    members = [
        Member(chair, "lead", "081-555-0150", "ประธานเครือข่าย"),
        Member(secretary, "lead", "089-555-0171", "เลขานุการเครือข่าย"),
        Member(treasurer, "lead", "086-555-0182", "เหรัญญิกเครือข่าย"),
        Member(pua, "lead", "093-555-0124", "ผู้ประสานงานโซนอำเภอปัว"),
        Member("นางสาวมยุรี ทิพย์วงศ์ษา", "advisor", "054-555-017", "นักวิชาการส่งเสริมการเกษตร"),
    ]
    rounds = [
        Round("r1", "รอบที่ ๑", date(2026, 1, 24), "self", True),
        Round("r2", "รอบที่ ๒", date(2026, 5, 23), "self", True),
        Round("r3", "รอบที่ ๓", date(2026, 9, 26), "self", True),
    ]
    specs = [
        Spec(
            "N01", "โครงสร้างเครือข่าย", "ความหลากหลายขององค์กรสมาชิก",
            "เครือข่ายมีสมาชิกหลายอำเภอ หลายประเภท ทั้งผู้ผลิต ผู้แปรรูป และกลุ่มเยาวชน",
            "selected", 9, 4,
            [
                "สมาชิกมีแต่กลุ่มปลูกผักจากอำเภอเดียว",
                "สมาชิก ๓–๔ กลุ่ม ทำอาชีพเดียวกัน",
                "สมาชิกอย่างน้อย ๘ องค์กรจาก ๓ อำเภอ มีทั้งผู้ผลิตและผู้แปรรูป",
                "สมาชิกครอบคลุมอย่างน้อย ๕ อำเภอ และมีกลุ่มเยาวชนและกลุ่มสตรีร่วม",
                "มีองค์กรสมาชิกครบห่วงโซ่ ตั้งแต่ผลิต แปรรูป ขนส่ง จนถึงตลาด",
            ],
            {
                "r1": C(3, "สมาชิก ๙ องค์กรจาก ๓ อำเภอ"),
                "r2": C(3, "ได้สมาชิกใหม่จากอำเภอนาน้อย ๑ กลุ่ม"),
                "r3": C(4, "สมาชิก ๑๓ องค์กรจาก ๕ อำเภอ มีกลุ่มยุวเกษตรกรร่วมแล้ว"),
            },
        ),
        Spec(
            "N02", "ความร่วมมือ", "ความร่วมมือเพื่อกิจการสาธารณะ",
            "องค์กรสมาชิกร่วมกันทำเรื่องที่เป็นประโยชน์ต่อส่วนรวม ไม่ใช่เฉพาะรายได้ของกลุ่มตนเอง",
            "selected", 7, 3,
            [
                "ต่างกลุ่มต่างทำเพื่อรายได้ของตนเอง",
                "ร่วมกันเฉพาะงานที่หน่วยงานจัด",
                "ทำกิจกรรมสาธารณะร่วมกันปีละ ๑ ครั้ง เช่น ปลูกป่าต้นน้ำ",
                "มีกิจกรรมสาธารณะร่วมกันทุกไตรมาส และมีกองทุนกลางของเครือข่าย",
                "เครือข่ายผลักดันอาหารปลอดภัยเข้าโรงพยาบาลและโรงเรียนในจังหวัดได้สำเร็จ",
            ],
            {
                "r1": C(2, "มารวมกันเฉพาะงานที่สำนักงานเกษตรจังหวัดจัด"),
                "r2": C(3, "ตกลงปลูกป่าต้นน้ำร่วมกับโรงเรียนในเดือนกรกฎาคม"),
                "r3": C(3, "ปลูกป่าต้นน้ำแล้ว ๒๐ ไร่ ยังไม่มีกองทุนกลาง"),
            },
        ),
        Spec(
            "N03", "การประสานงาน", "การประสานงานสองทางที่เท่าเทียม",
            "ทุกองค์กรสมาชิก ทั้งกลุ่มใหญ่และกลุ่มเล็ก ได้รับข่าว เสนอเรื่อง และร่วมตัดสินใจเท่ากัน",
            "selected", 10, 4,
            [
                "แกนนำสั่งการทางเดียว สมาชิกไม่รู้ข่าว",
                "แจ้งข่าวผ่านไลน์กลุ่ม แต่สมาชิกไม่ค่อยตอบ",
                "ประชุมคณะกรรมการเครือข่ายทุก ๒ เดือน ทุกองค์กรส่งตัวแทน",
                "ทุกองค์กรเสนอวาระได้ และหมุนเวียนเป็นเจ้าภาพประชุม",
                "มติสำคัญผ่านการปรึกษาทุกองค์กร และสำรวจความพอใจของสมาชิกปีละครั้ง",
            ],
            {
                "r1": C(2, "ข่าวส่วนใหญ่มาจากประธาน กลุ่มเล็กไม่ค่อยได้พูด"),
                "r2": C(2, "กลุ่มเล็กบอกว่าการแบ่งโควตาส่งผักให้โรงพยาบาลไม่เป็นธรรม เถียงกันนาน", spread="wide"),
                "r3": C(3, "ประชุมทุก ๒ เดือนครบ เริ่มหมุนเวียนเจ้าภาพแล้ว ๒ ครั้ง"),
            },
            low=[("r2", "กลุ่มเล็กไม่ได้โควตาส่งผัก"), "ไม่รู้ว่าตัดสินใจกันเมื่อไร"],
            high=[("r3", "ได้เป็นเจ้าภาพประชุมครั้งหน้า"), "ข่าวมาทางไลน์ทุกครั้ง"],
        ),
        Spec(
            "N04", "การเรียนรู้", "การแลกเปลี่ยนความรู้และประสบการณ์ระหว่างกัน",
            "สมาชิกเยี่ยมแปลงกัน แลกสูตรปุ๋ยและวิธีแก้ปัญหา และเรียนรู้จากเครือข่ายอื่น",
            "selected", 8, 4,
            [
                "ไม่มีการเยี่ยมแปลงกัน",
                "แลกเปลี่ยนเมื่อมาเจอกันในงานอบรม",
                "เยี่ยมแปลงสมาชิกอย่างน้อยปีละ ๒ ครั้ง",
                "มีแปลงเรียนรู้ประจำอำเภอ และคู่มือสูตรปุ๋ยของเครือข่าย",
                "เครือข่ายเป็นแหล่งเรียนรู้ให้จังหวัดอื่นมาศึกษาดูงาน",
            ],
            {
                "r1": C(3, "เยี่ยมแปลงกันปีละ ๒ ครั้ง"),
                "r2": C(3, "เริ่มรวบรวมสูตรปุ๋ยหมักของแต่ละกลุ่ม"),
                "r3": C(4, "มีแปลงเรียนรู้ที่ปัวและเวียงสา คู่มือสูตรปุ๋ยพิมพ์แจกแล้ว"),
            },
        ),
        Spec(
            "N05", "มาตรฐานผลผลิต", "ระบบรับรองเกษตรอินทรีย์แบบมีส่วนร่วม (PGS)",
            "เครือข่ายตรวจแปลงกันเองแบบมีส่วนร่วม เพื่อให้ผู้ซื้อเชื่อมั่นในผลผลิตอินทรีย์",
            "selected", 11, 4,
            [
                "ไม่มีระบบตรวจรับรอง",
                "บางกลุ่มได้ใบรับรองจากหน่วยงานเป็นรายกลุ่ม",
                "ตั้งคณะกรรมการตรวจแปลงแบบมีส่วนร่วม (PGS) ของเครือข่าย",
                "ตรวจแปลงสมาชิกครบทุกแปลงปีละครั้ง และมีบันทึกผลการตรวจ",
                "ตรารับรอง PGS ของเครือข่ายเป็นที่ยอมรับของตลาดและโรงพยาบาลในจังหวัด",
            ],
            {
                "r1": C(1, "ยังไม่มีระบบตรวจแปลงของเครือข่าย"),
                "r2": C(2, "อบรมคณะกรรมการตรวจแปลงแล้ว ยังไม่ได้ตั้งเป็นทางการ"),
                "r3": C(3, "ตั้งคณะกรรมการ PGS แล้ว ตรวจแปลงไปได้ ๔๐ จาก ๑๑๒ แปลง"),
            },
        ),
        Spec(
            "N06", "การตลาด", "จุดกระจายสินค้ากลางของเครือข่ายในตัวเมืองน่าน",
            "มีจุดรวบรวมและส่งผักให้ร้านอาหารและโรงพยาบาลในเมือง", "proposed", 4, 3, [],
        ),
        Spec(
            "N07", "การตลาด", "ส่งออกผักอินทรีย์ไปต่างประเทศ",
            "ตัดออก: ยังไกลเกินกำลังของเครือข่ายในปีนี้", "dropped", 1, None, [],
        ),
    ]
    selected = [s for s in specs if s.status == "selected"]
    pool = codes("P", 10)  # one representative per member organisation present
    lean = {p: rng.choice([-1, 0, 0, 1]) for p in pool}
    attendance = {r.round_id: sorted(rng.sample(pool, rng.randint(6, 9))) for r in rounds}
    scores: list[Score] = []
    for rnd in rounds:
        scores += rate_round(rng, rnd, rounds, selected, attendance[rnd.round_id], at(rnd.held_on, 9, 30),
                             lean, block_minutes=15, note_chance=0.1)
    plan = [
        PlanActivity("A01", "N05", "อบรมคณะกรรมการตรวจแปลงแบบมีส่วนร่วม (PGS)", secretary,
                     date(2026, 2, 16), date(2026, 2, 18), Decimal(9000), "done"),
        PlanActivity("A02", "N04", "เยี่ยมแปลงสมาชิกหมุนเวียนรายอำเภอ", pua,
                     date(2026, 3, 1), date(2026, 10, 31), Decimal(6000), "done"),
        PlanActivity("A03", "N02", "ปลูกป่าต้นน้ำร่วมกับโรงเรียนในอำเภอปัว", chair,
                     date(2026, 7, 28), date(2026, 7, 28), Decimal(3000), "done"),
        PlanActivity("A04", "N03", "หมุนเวียนองค์กรสมาชิกเป็นเจ้าภาพประชุมทุก ๒ เดือน", secretary,
                     date(2026, 3, 1), date(2026, 12, 31), Decimal(0), "in_progress"),
        PlanActivity("A05", "N01", "ชวนกลุ่มยุวเกษตรกร ๒ กลุ่มเข้าร่วมเครือข่าย", chair,
                     date(2026, 6, 1), date(2026, 8, 31), None, "done"),
        PlanActivity("A06", "N05", "ตรวจแปลงสมาชิกประจำปีให้ครบทุกแปลง", treasurer,
                     date(2026, 12, 1), date(2027, 1, 15), Decimal(12000), "planned"),
    ]
    return assemble(profile, members, specs, rounds, scores, plan)


# =========================================================================================
# building and checking
# =========================================================================================

SAMPLES = {  # folder (owned by this script) -> builder
    "khiriwong-natural-dye-group": khiriwong,
    "sakaeo-community-leader": sakaeo_leader,
    "nong-bua-thong-community": nong_bua_thong,
    "nan-organic-enterprise-network": nan_network,
}


def plan_problems(wb: Workbook) -> list[str]:
    """Plan statuses must agree with the dates, owners with the lead team, ids with indicators."""
    wrong = []
    selected = {i.indicator_id for i in wb.selected_indicators()}
    leads = {m.name for m in wb.members if m.role == "lead"}
    for a in wb.plan:
        if a.indicator_id not in selected:
            wrong.append(f"{a.activity_id}: indicator {a.indicator_id} is not selected")
        if a.owner not in leads:
            wrong.append(f"{a.activity_id}: owner {a.owner} is not in the lead team")
        if a.start_on > TODAY and a.status in ("in_progress", "done"):
            wrong.append(f"{a.activity_id}: {a.status} but starts in the future")
        if a.end_on < TODAY - timedelta(days=30) and a.status == "planned":
            wrong.append(f"{a.activity_id}: still planned long after its end")
    return wrong


def score_problems(wb: Workbook) -> list[str]:
    """Every rating lies on its round's day in workshop hours; consensus after the ratings."""
    wrong = []
    days = {r.round_id: r.held_on for r in wb.rounds}
    first_round = min(days.values())
    if wb.profile.created_at.date() >= first_round:
        wrong.append("created_at must come before the first round")
    for s in wb.scores:
        local = s.recorded_at.astimezone(BANGKOK)
        if local.date() != days[s.round_id] or not 8 <= local.hour < 17:
            wrong.append(f"{s.round_id}/{s.indicator_id}/{s.rater}: recorded at {s.recorded_at}")
    return wrong


def normalised(wb: Workbook) -> Workbook:
    """What a reader gives back: indicators list a (possibly empty) text for each level."""
    levels = store.level_numbers(wb)
    for i in wb.indicators:
        i.levels = {n: i.levels.get(n, "") for n in levels}
    return wb


def build(name: str) -> Workbook:
    folder = HERE / name
    if folder.parent != HERE or name not in SAMPLES:
        raise SystemExit(f"refusing to touch {folder}")
    built = SAMPLES[name]()
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir()
    store.save(folder, built)
    (folder / store.LOCK_NAME).unlink(missing_ok=True)  # filelock leaves it behind on POSIX

    loaded, problems = store.check_workbook(folder)
    wrong = [str(p) for p in problems]
    if loaded is None:
        wrong.append("check_workbook returned no workbook")
    else:
        expected = normalised(built)
        for part in ("profile", "members", "indicators", "rounds", "scores", "plan", "reflections"):
            if getattr(loaded, part) != getattr(expected, part):
                wrong.append(f"{part} does not read back as written")
        wrong += plan_problems(loaded) + score_problems(loaded)
        if name == "khiriwong-natural-dye-group":
            wrong += check_khiriwong_story(loaded)
    if wrong:
        raise SystemExit(f"sample {name}: {len(wrong)} problem(s)\n" + "\n".join(wrong))
    return loaded


def main(argv: list[str]) -> None:
    names = argv or list(SAMPLES)
    unknown = [n for n in names if n not in SAMPLES]
    if unknown:
        raise SystemExit(f"unknown sample(s): {', '.join(unknown)}; known: {', '.join(SAMPLES)}")
    for name in names:
        wb = build(name)
        print(
            f"{name}: {len(wb.selected_indicators())}/{len(wb.indicators)} indicators selected, "
            f"{len(wb.rounds)} rounds, {len(wb.scores)} scores, {len(wb.plan)} activities, "
            f"{len(wb.members)} members"
        )


if __name__ == "__main__":
    main(sys.argv[1:])
