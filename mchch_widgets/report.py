"""Step 7's paperwork: the district report (รายงานผลต่อคณะกรรมการ มชช. อำเภอ) and the application form.

Each is one self-contained HTML page, print-ready on A4: the Thai font and the charts travel
inside it, so it reads and prints with no internet, on any computer. The pages are laid out by
Jinja2 templates (report_templates/) with autoescape on, so every name, title and note a user
typed is shown as text, never run. Dates are in the Buddhist Era; numbers may be in Thai digits.
`pdf.html_to_pdf` turns either page into a PDF. No widgets here.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import cache
from importlib.resources import files

import fontpkg
import jinja2
import pandas as pd
from fontTools.ttLib import TTFont
from fontTools.varLib import instancer
from markupsafe import Markup

from . import charts, scoring, summary
from .charts import ChartOptions, default_rounds
from .model import CONSENSUS, TARGET_TYPES, Indicator, PlanActivity, Round, Workbook
from .plan import format_baht, is_overdue, plan_summary, plan_total
from .text import t
from .thai import BUDDHIST_ERA_OFFSET, MONTHS_EN_LONG, MONTHS_LONG, format_date, shown_digits

TEMPLATES = "report_templates"
THAI_FONT = "Noto Sans Thai"
FONT_WEIGHTS = (400, 700)  # regular for text, bold for headings and what must stand out
BLANK_MEMBER_ROWS = 5  # empty rows to fill by hand on a form when members.csv holds nobody
# The key charts of the report, in its order; the self-vs-external one only when outsiders assessed.
REPORT_CHARTS = ("radar", "progress", "heatmap", "gap", "external")


@dataclass(frozen=True)
class ReportOptions:
    """How a paper is written: its language, Thai digits (๑๒๓) or not, and the day it is printed."""

    lang: str = "th"
    digits: bool = False
    today: date = field(default_factory=date.today)


# --- words, numbers and dates as the templates write them ----------------------------------


@dataclass(frozen=True)
class Words:
    """What a template calls to write text: `w.t(key)`, `w.n(3)`, `w.day(d)`, `w.baht(amount)`."""

    lang: str
    digits: bool

    def t(self, key: str, **values: object) -> str:
        return t(key, self.lang, **values)

    def n(self, value: object) -> str:
        return shown_digits(str(value), self.lang, self.digits)

    def day(self, day: date | None) -> str:
        return format_date(day, self.lang, self.digits) if day else self.t("report_no_date")

    def long_day(self, day: date) -> str:
        """'21 พฤศจิกายน 2569' (Buddhist Era, the month in full, as an official letter writes it)."""
        if self.lang == "en":
            return f"{day.day} {MONTHS_EN_LONG[day.month - 1]} {day.year}"
        return self.n(f"{day.day} {MONTHS_LONG[day.month - 1]} {day.year + BUDDHIST_ERA_OFFSET}")

    def baht(self, amount: Decimal | None) -> str:
        return self.n(format_baht(amount if amount is not None else Decimal(0)))


def css_string(text: str) -> str:
    """`text` as a quoted CSS string that is safe inside a <style> element.

    Every character but ASCII letters and digits becomes a six-digit CSS hex escape, so a name
    holding quotes, backslashes or "</style><script>" can neither end the string nor the element.
    Spaces too: CSS swallows one space after an escape as its terminator.
    """
    return '"' + "".join(c if c.isascii() and c.isalnum() else f"\\{ord(c):06x}" for c in text) + '"'


@cache
def font_faces() -> str:
    """@font-face rules for Noto Sans Thai, regular and bold, inside the page as data URIs.

    The bundled font is variable (every weight in one file); Chromium prints a variable font
    as Type 3 glyphs, which some print shops refuse and PDF readers cannot name. Two static
    instances (fontTools, which matplotlib already needs) print as ordinary embedded TrueType,
    and together weigh half the variable file.
    """
    rules = []
    for weight in FONT_WEIGHTS:
        font = instancer.instantiateVariableFont(TTFont(fontpkg.path(THAI_FONT)), {"wght": weight, "wdth": 100})
        data = io.BytesIO()
        font.save(data)
        rules.append(f'@font-face {{ font-family: "{THAI_FONT}"; font-weight: {weight}; '
                     f'src: url(data:font/ttf;base64,{base64.b64encode(data.getvalue()).decode("ascii")}) '
                     'format("truetype"); }')
    return "\n".join(rules)


@cache
def _environment() -> jinja2.Environment:
    # autoescape=True: every {{ value }} is HTML-escaped unless our code marked it Markup.
    return jinja2.Environment(loader=jinja2.PackageLoader("mchch_widgets", TEMPLATES), autoescape=True,
                              undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)


def _stylesheet(header: str, footer: str, thai_numbers: bool) -> Markup:
    """The print stylesheet with the fonts, the running header and footer, and the page numbers' digits."""
    css = files("mchch_widgets").joinpath(TEMPLATES, "print.css").read_text(encoding="utf-8")
    # Our own CSS; the only user text in it went through css_string().
    return Markup(css.replace("/*FONT_FACES*/", font_faces())
                  .replace("/*HEADER*/", css_string(header)).replace("/*FOOTER*/", css_string(footer))
                  .replace("/*NUMBERS*/", "thai" if thai_numbers else "decimal"))


def _render(template: str, workbook: Workbook, options: ReportOptions, title: str, **context: object) -> str:
    words = Words(options.lang, options.digits)
    footer = words.t("report_footer", name=workbook.profile.name, day=words.day(options.today))
    return _environment().get_template(template).render(
        w=words, lang=options.lang, title=title, profile=workbook.profile,
        style=_stylesheet(f"{title} · {workbook.profile.name}", footer, options.digits and options.lang == "th"),
        target_type=words.t(f"target_{workbook.profile.target_type}"),
        place=place(workbook, options.lang), **context)


def place(workbook: Workbook, lang: str = "th") -> str:
    """'ตำบลกำโลน อำเภอลานสกา จังหวัดนครศรีธรรมราช'; only the parts the profile holds."""
    profile = workbook.profile
    parts = [(profile.subdistrict, "report_subdistrict"), (profile.district, "report_district"),
             (profile.province, "report_province")]
    return " ".join(t(key, lang, name=name) for name, key in parts if name.strip())


# --- the district report -----------------------------------------------------------------------


@dataclass(frozen=True)
class Ladder:
    """One selected indicator with its levels: (level, descriptor, is the target)."""

    number: int
    indicator: Indicator
    levels: list[tuple[int, str, bool]]


@dataclass(frozen=True)
class Cell:
    """A level in the round-by-round table: 'scored', 'not_applicable' or 'none'; reached its target."""

    level: int | None
    state: str
    reached: bool = False


@dataclass(frozen=True)
class ReportChart:
    kind: str
    caption: str
    uri: str  # data:image/svg+xml;base64,…


@dataclass(frozen=True)
class PlanGroup:
    """The plan of one indicator (or of activities whose indicator is not selected)."""

    title: str
    number: int | None  # the indicator's number in the report; None: not a selected indicator
    activities: list[PlanActivity]
    budget: Decimal


def ladders(workbook: Workbook) -> list[Ladder]:
    scale = workbook.profile.levels
    return [Ladder(n, i, [(level, i.levels.get(level, ""), level == i.target) for level in scale])
            for n, i in enumerate(workbook.selected_indicators(), start=1)]


def level_table(workbook: Workbook) -> dict[str, list[Cell]]:
    """Indicator id -> its cell in every round (date order): the consensus level, or why there is none."""
    stats = scoring.indicator_stats(workbook)
    found = {(row.round_id, row.indicator_id): row for row in stats.itertuples()}
    table = {}
    for indicator in workbook.selected_indicators():
        cells = []
        for round_ in workbook.rounds_in_order():
            row = found.get((round_.round_id, indicator.indicator_id))
            cells.append(_cell(row, indicator.target))
        table[indicator.indicator_id] = cells
    return table


def _cell(row, target: int | None) -> Cell:
    if row is None or not row.decided:
        return Cell(None, "none")
    if pd.isna(row.consensus):  # decided, but no level: the group agreed "not applicable"
        return Cell(None, "not_applicable")
    level = int(row.consensus)
    return Cell(level, "scored", target is not None and level >= target)


def key_charts(workbook: Workbook, options: ReportOptions) -> list[ReportChart]:
    """The report's charts, drawn for paper; none when there is nothing to draw yet.

    Embedded as SVG in an <img> data URI rather than PNG: at the same sharpness (vector, any
    zoom, crisp in the PDF) a chart is about a third smaller than a 200-dpi PNG; its letters
    are outlines, so it needs no font; and inside an <img> its ids cannot clash with the page's.
    """
    if not workbook.selected_indicators() or not any(s.rater == CONSENSUS and s.score is not None
                                                     for s in workbook.current_scores()):
        return []
    selves = tuple(r.round_id for r in workbook.rounds_in_order() if r.assessor == "self")
    rounds = {"radar": default_rounds(workbook), "gap": selves or None}
    kinds = [k for k in REPORT_CHARTS
             if k != "external" or any(r.assessor == "external" for r in workbook.rounds)]
    drawn = []
    for kind in kinds:
        figure = charts.draw(workbook, kind, ChartOptions(rounds=rounds.get(kind), lang=options.lang,
                                                          theme="print", digits=options.digits))
        svg = base64.b64encode(charts.figure_svg(figure)).decode("ascii")
        drawn.append(ReportChart(kind, t(f"report_chart_{kind}", options.lang),
                                 f"data:image/svg+xml;base64,{svg}"))
    return drawn


def plan_groups(workbook: Workbook, today: date) -> list[PlanGroup]:
    """The plan by indicator: every selected one (even without activities), then any others it points at."""
    numbers = {i.indicator_id: n for n, i in enumerate(workbook.selected_indicators(), start=1)}
    if not workbook.plan:
        return []
    return [PlanGroup(line.title, numbers.get(line.indicator_id),
                      [a for a in workbook.plan if a.indicator_id == line.indicator_id], line.budget)
            for line in plan_summary(workbook, today)]


def consensus_notes(workbook: Workbook, round_: Round | None) -> dict[str, str]:
    """Indicator id -> the evidence or reason the group wrote with its consensus in `round_`."""
    if round_ is None:
        return {}
    return {s.indicator_id: s.note for s in workbook.current_scores()
            if s.round_id == round_.round_id and s.rater == CONSENSUS and s.note.strip()}


def district_report_html(workbook: Workbook, options: ReportOptions = ReportOptions()) -> str:
    """The district report (step 7) as one self-contained, print-ready HTML page."""
    overview = summary.summarise_workbook(workbook, options.today)
    rounds = workbook.rounds_in_order()
    return _render(
        "district_report.html.j2", workbook, options, t("report_title", options.lang),
        summary=overview, overall=summary.overall_text(overview, options.lang, options.digits),
        level_text=lambda item: summary.level_text(item, options.lang, options.digits),
        change_text=lambda item: summary.change_text(item, options.lang, options.digits),
        plan_text=lambda item: summary.plan_text(item, options.lang, options.digits),
        lead_team=workbook.lead_team(), advisors=workbook.advisors(), ladders=ladders(workbook),
        rounds=rounds, level_table=level_table(workbook), charts=key_charts(workbook, options),
        evidence=consensus_notes(workbook, overview.latest_round),
        plan=plan_groups(workbook, options.today), plan_total=plan_total(workbook, options.today),
        overdue=lambda activity: is_overdue(activity, options.today),
        scale=workbook.profile.levels, indicators=workbook.selected_indicators(),
        period=(rounds[0].held_on, rounds[-1].held_on) if rounds else None,
    )


# --- the application form (step 1) ----------------------------------------------------------------

# What each kind of applicant sends with the form (the provincial letter in shared/seeds).
ATTACHMENTS = {
    "leader": ("form_attach_form", "form_attach_photo", "form_attach_house", "form_attach_id_card",
               "form_attach_advisors"),
    "group": ("form_attach_form", "form_attach_minutes_group", "form_attach_lead_team", "form_attach_advisors"),
    "network": ("form_attach_form", "form_attach_minutes_network", "form_attach_lead_team",
                "form_attach_advisors"),
    "community": ("form_attach_form", "form_attach_minutes_community", "form_attach_lead_team",
                  "form_attach_advisors"),
}


def application_form_html(workbook: Workbook, options: ReportOptions = ReportOptions()) -> str:
    """The application form (step 1) from profile.csv and members.csv, with blanks for the rest."""
    kind = workbook.profile.target_type
    return _render(
        "application_form.html.j2", workbook, options, t("form_title", options.lang),
        kind=kind, target_types=TARGET_TYPES,
        lead_team=workbook.lead_team(), advisors=workbook.advisors(), blank_rows=BLANK_MEMBER_ROWS,
        attachments=ATTACHMENTS.get(kind, ATTACHMENTS["group"]),
        signer=next(iter(workbook.lead_team()), None),
    )
