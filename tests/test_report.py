"""The district report (step 7): checked against the samples' CSV rows, read with the csv module only.

Also home of `Page`, a strict little HTML reader the application-form and PDF tests use too.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from html.parser import HTMLParser
from xml.etree import ElementTree

import pytest
from chart_checks import latest_ratings, sample_rows

from conftest import TODAY
from mchch_widgets import model, samples, store
from mchch_widgets.model import Member, PlanActivity
from mchch_widgets.report import ReportOptions, css_string, district_report_html
from mchch_widgets.text import t

THAI_MONTHS = ("ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.")
TO_THAI = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
SCRIPT = '<script>alert("x")</script>'
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


# --- reading the page back ---------------------------------------------------------------------


@dataclass
class Element:
    tag: str
    attrs: dict[str, str | None]
    parts: list[str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    @property
    def text(self) -> str:
        return " ".join("".join(self.parts).split())


class Page(HTMLParser):
    """Every element with its text; `errors` lists end tags that close nothing open (a broken page)."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[Element] = []
        self.errors: list[str] = []
        self._open: list[Element] = []
        self._text: list[str] = []
        self.feed(html)
        self.close()
        self.errors += [f"<{e.tag}> never closed" for e in self._open]

    def handle_starttag(self, tag, attrs):
        element = Element(tag, dict(attrs))
        self.elements.append(element)
        if tag not in VOID:
            self._open.append(element)

    def handle_startendtag(self, tag, attrs):
        self.elements.append(Element(tag, dict(attrs)))

    def handle_endtag(self, tag):
        if self._open and self._open[-1].tag == tag:
            self._open.pop()
        else:
            self.errors.append(f"</{tag}> closes {self._open[-1].tag if self._open else 'nothing'}")

    def handle_data(self, data):
        if self._open and self._open[-1].tag in ("style", "script"):
            self._open[-1].parts.append(data)
            return
        self._text.append(data)
        for element in self._open:
            element.parts.append(data)

    @property
    def text(self) -> str:
        return " ".join("".join(self._text).split())

    def find(self, tag: str, css_class: str | None = None) -> list[Element]:
        return [e for e in self.elements if e.tag == tag and (css_class is None or css_class in e.classes)]


def be_date(iso: str, digits: bool = False) -> str:
    """'2025-11-15' -> '15 พ.ย. 2568', worked out here, not by the package."""
    day = date.fromisoformat(iso)
    text = f"{day.day} {THAI_MONTHS[day.month - 1]} {day.year + 543}"
    return text.translate(TO_THAI) if digits else text


def chart_images(page: Page) -> list[Element]:
    return [e for e in page.find("img") if (e.attrs.get("src") or "").startswith("data:image/svg+xml;base64,")]


def assert_self_contained(html: str, page: Page) -> None:
    """Nothing is fetched: every src/href is a data URI or a link inside the page, no http(s) anywhere."""
    assert not re.search(r"https?://", html)
    for element in page.elements:
        for name in ("src", "href"):
            if element.attrs.get(name) is not None:
                assert element.attrs[name].startswith(("data:", "#")), element
    assert not page.find("link") and not page.find("script")


# --- the samples ----------------------------------------------------------------------------------

_rendered: dict[tuple[str, bool], str] = {}


def report_of(name: str, digits: bool = False) -> str:
    """Drawn once per sample and option: each report draws five charts."""
    if (name, digits) not in _rendered:
        workbook = store.read_workbook(samples.sample_path(name))
        _rendered[name, digits] = district_report_html(workbook, ReportOptions(today=TODAY, digits=digits))
    return _rendered[name, digits]


def selected(name: str) -> list[dict[str, str]]:
    return [r for r in sample_rows("indicators.csv", name) if r["status"] == "selected"]


ALL_SAMPLES = samples.sample_names()


@pytest.mark.parametrize("name", ALL_SAMPLES)
def test_the_report_parses_and_holds_nothing_from_outside(name):
    html = report_of(name)
    page = Page(html)

    assert html.startswith("<!DOCTYPE html>")
    assert page.errors == []
    assert_self_contained(html, page)
    profile = sample_rows("profile.csv", name)[0]
    assert page.find("title")[0].text.endswith(profile["name"])
    assert page.find("html")[0].attrs["lang"] == "th"


@pytest.mark.parametrize("name", ALL_SAMPLES)
def test_every_selected_indicator_with_its_ladder_and_target_word(name):
    page = Page(report_of(name))
    indicators = selected(name)

    ladders = page.find("div", "indicator")
    assert len(ladders) == len(indicators)
    for block, row in zip(ladders, indicators):  # the group's order
        assert row["title"] in block.text
        descriptors = [v for k, v in row.items() if k.startswith("level_") and v.strip()]
        assert all(d in block.text for d in descriptors)
    with_target = [r for r in indicators if r["target"].strip()]
    marked = page.find("tr", "target")
    assert len(marked) == len(with_target)
    for row_element, row in zip(marked, with_target):
        assert row_element.text.startswith(row["target"])  # the level column first
        assert t("report_target_mark") in row_element.text  # a word, not colour alone


@pytest.mark.parametrize("name", ALL_SAMPLES)
def test_every_round_with_its_buddhist_era_date(name):
    page = Page(report_of(name))
    rounds = sample_rows("rounds.csv", name)

    table = page.text
    for row in rounds:
        assert row["label"] in table
        assert be_date(row["held_on"]) in table
    assert len(page.find("th", "round")) == len(rounds)
    assert len(page.find("th", "external")) == sum(r["assessor"] == "external" for r in rounds)


@pytest.mark.parametrize("name", ALL_SAMPLES)
def test_each_key_chart_is_an_svg_image(name):
    page = Page(report_of(name))
    has_external = any(r["assessor"] == "external" for r in sample_rows("rounds.csv", name))
    expected = ["radar", "progress", "heatmap", "gap"] + (["external"] if has_external else [])

    assert [f.attrs["data-kind"] for f in page.find("figure", "chart")] == expected
    images = chart_images(page)
    assert len(images) == len(expected)
    for image in images:
        svg = ElementTree.fromstring(base64.b64decode(image.attrs["src"].split(",", 1)[1]))
        assert svg.tag == "{http://www.w3.org/2000/svg}svg"
        assert image.attrs["alt"].strip()


def round_cells(page: Page) -> list[Element]:
    """The level table's cells, indicator by indicator, each round in date order (not the target column)."""
    return page.find("td", "round-level")


@pytest.mark.parametrize("name", ALL_SAMPLES)
def test_the_level_table_shows_each_agreed_level_and_marks_reached_targets(name):
    rounds = sorted(sample_rows("rounds.csv", name), key=lambda r: r["held_on"])
    agreed = {(r, i): s for (r, i, rater), s in latest_ratings(name).items() if rater == "consensus"}
    expected, reached = [], 0
    for row in selected(name):
        for round_row in rounds:
            key = (round_row["round_id"], row["indicator_id"])
            level = agreed.get(key, "none")
            expected.append("–" if level == "none" else t("report_not_applicable") if level is None else str(level))
            reached += level not in ("none", None) and bool(row["target"]) and level >= int(row["target"])
    page = Page(report_of(name))

    assert [c.text for c in round_cells(page)] == expected
    assert len(page.find("span", "reached")) == reached + 1  # and one in the legend


def test_the_plan_total_overdue_and_cancelled_in_words():
    name = samples.MAIN_SAMPLE
    rows = sample_rows("plan.csv", name)
    total = sum((Decimal(r["budget"] or 0) for r in rows if r["status"] != "cancelled"), Decimal(0))
    overdue = [r for r in rows if r["end_on"] and date.fromisoformat(r["end_on"]) < TODAY
               and r["status"] not in ("done", "cancelled")]
    page = Page(report_of(name))

    total_row = page.find("tr", "total")[0]
    assert f"{total:,.2f}".removesuffix(".00") in total_row.text
    assert len(page.find("span", "overdue")) == len(overdue)
    assert all(e.text == t("report_overdue") for e in page.find("span", "overdue"))
    for row in rows:
        assert row["activity"] in page.text
    assert len(page.find("td", "cancelled")) == sum(r["status"] == "cancelled" for r in rows)


def test_reflections_and_lead_team_are_in_the_report():
    name = samples.MAIN_SAMPLE
    page = Page(report_of(name))

    for row in sample_rows("reflections.csv", name):
        for column in ("strengths", "weaknesses", "next_action"):
            assert row[column] in page.text
    signatures = page.find("div", "signature")
    leads = [r for r in sample_rows("members.csv", name) if r["role"] == "lead"]
    # the lead team, the facilitator, and the committee's chair and secretary
    assert len(signatures) == len(leads) + 1 + 2
    for row, block in zip(leads, signatures):
        assert row["name"] in block.text and row["position"] in block.text


def test_thai_digits_for_dates_and_money():
    name = samples.MAIN_SAMPLE
    page = Page(report_of(name, digits=True))
    rows = sample_rows("plan.csv", name)
    total = sum((Decimal(r["budget"] or 0) for r in rows if r["status"] != "cancelled"), Decimal(0))

    for row in sample_rows("rounds.csv", name):
        assert be_date(row["held_on"], digits=True) in page.text
    assert f"{total:,.2f}".removesuffix(".00").translate(TO_THAI) in page.find("tr", "total")[0].text
    assert be_date(sample_rows("rounds.csv", name)[0]["held_on"]) not in page.text


def test_english_report():
    workbook = store.read_workbook(samples.sample_path())
    page = Page(district_report_html(workbook, ReportOptions(lang="en", today=TODAY)))

    assert page.find("html")[0].attrs["lang"] == "en"
    assert "Self-assessment report" in page.text
    assert "15 Nov 2025" in page.text  # round 1, Gregorian in English
    assert page.errors == []


# --- bad input -------------------------------------------------------------------------------------


def test_a_script_in_any_field_is_shown_as_text():
    workbook = store.read_workbook(samples.sample_path())
    workbook.profile.name = 'กลุ่ม </style><script>alert("name")</script> "ทดสอบ"'
    workbook.selected_indicators()[0].title = SCRIPT
    workbook.members[0].name = SCRIPT + " สมชาย"
    workbook.plan[0].activity = SCRIPT + " & <b>ตัวหนา</b>"
    workbook.rounds[0].label = "<img src=x onerror=alert(1)>"

    html = district_report_html(workbook, ReportOptions(today=TODAY))
    page = Page(html)

    assert page.errors == []
    assert not page.find("script") and not page.find("b")
    assert len(page.find("img")) == len(chart_images(page))  # the label's <img> is text
    assert len(page.find("style")) == 1 and "</" not in page.find("style")[0].text
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
    assert SCRIPT in page.text and SCRIPT + " สมชาย" in page.text
    assert "& <b>ตัวหนา</b>" in page.text
    assert "<img src=x onerror=alert(1)>" in page.text


def test_css_string_cannot_end_the_string_or_the_style():
    quoted = css_string('a"b\\c</style> ก')

    assert re.fullmatch(r'"[A-Za-z0-9\\]*"', quoted)
    assert quoted.startswith('"a\\000022b')


def test_an_empty_workbook_says_so_plainly_and_still_renders():
    workbook = model.new_workbook("กลุ่มใหม่", "group")
    page = Page(district_report_html(workbook, ReportOptions(today=TODAY)))

    assert page.errors == []
    for key in ("report_no_lead_team", "report_no_advisors", "report_no_indicators", "report_no_rounds",
                "report_no_charts", "report_no_plan"):
        assert t(key) in page.text
    assert not chart_images(page)
    assert len(page.find("section", "major")) == 7  # every section is still there
    assert "กลุ่มใหม่" in page.text


def test_rounds_without_consensus_and_a_plan_outside_the_indicators():
    workbook = store.read_workbook(samples.sample_path())
    workbook.scores = [s for s in workbook.scores if s.rater != model.CONSENSUS]
    workbook.members = [Member("นางทดสอบ ที่ปรึกษา", role="advisor")]
    workbook.plan.append(PlanActivity("Z1", "", "กิจกรรมที่ไม่มีตัวชี้วัด", budget=Decimal(100)))
    page = Page(district_report_html(workbook, ReportOptions(today=TODAY)))

    assert t("report_no_charts") in page.text  # nothing agreed yet: no chart drawn from nothing
    assert t("report_no_lead_team") in page.text and "นางทดสอบ ที่ปรึกษา" in page.text
    assert t("report_plan_no_indicator") in page.text and "กิจกรรมที่ไม่มีตัวชี้วัด" in page.text
    cells = round_cells(page)
    assert len(cells) == len(workbook.selected_indicators()) * len(workbook.rounds)
    assert all(c.text == "–" for c in cells)
