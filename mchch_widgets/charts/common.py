"""What every chart shares: options, themes, fonts, round colours, labels and honest messages.

Charts are drawn on `matplotlib.figure.Figure` objects, never through pyplot: no global
state, so screens can draw on background threads.
"""

from __future__ import annotations

import io
import threading
from dataclasses import dataclass, replace
from functools import cache, lru_cache

import fontpkg.mpl
import matplotlib
import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg, RendererAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.markers import MarkerStyle
from matplotlib.path import Path
from matplotlib.text import Text
from PIL import Image

from .. import compare, scoring
from ..assessment import round_scale
from ..colours import ROUND_COLOURS
from ..model import Indicator, Round, Workbook
from ..text import t
from ..thai import format_date, shown_digits, wrap

THAI_FONT = "Noto Sans Thai"
VALUES = ("consensus", "median")  # what a round's level of an indicator is: the agreed one, or the middle rating
MAX_OVERLAID_ROUNDS = 6  # more outlines on one radar cannot be told apart


@dataclass(frozen=True)
class Theme:
    """Sizes for where the chart is seen: projector (far away) or print (close up)."""

    base_size: float
    label_size: float
    title_size: float
    marker_size: float  # scatter area, points²
    line_width: float
    width_inches: float
    label_width: int  # characters per line of an indicator title
    height_inches: float  # the usual height: 16:9 on the projector, half an A4 page on paper
    dpi: int = 100
    ink: str = "#111111"
    faint: str = "#767676"  # grid, empty cells: still 4.5:1 on white
    edge: str = "white"


THEMES = {
    "projector": Theme(base_size=16, label_size=14, title_size=20, marker_size=170, line_width=3,
                       width_inches=12.8, label_width=32, height_inches=7.2),
    "print": Theme(base_size=10, label_size=9, title_size=13, marker_size=60, line_width=1.5,
                   width_inches=7.5, label_width=34, height_inches=5.0),
}


@dataclass(frozen=True)
class ChartOptions:
    """What to draw: which rounds, which level (consensus or the median of individuals), for whom.

    rounds: round ids to show, in any order (charts show them by date); None: every round.
    digits: write numbers in Thai digits (๑๒๓) in Thai charts.
    """

    rounds: tuple[str, ...] | None = None
    value: str = "consensus"
    lang: str = "th"
    theme: str = "projector"
    digits: bool = False

    def __post_init__(self) -> None:
        if self.value not in VALUES:
            raise ValueError(f"value must be one of {VALUES}, not {self.value!r}")
        if self.theme not in THEMES:
            raise ValueError(f"theme must be one of {tuple(THEMES)}, not {self.theme!r}")

    @property
    def style(self) -> Theme:
        return THEMES[self.theme]

    def number(self, value: float) -> str:
        """A level or count as shown: '3', '3.5', or '๓' with Thai digits."""
        text = f"{value:g}" if isinstance(value, float) else str(value)
        return shown_digits(text, self.lang, self.digits)

    def with_rounds(self, rounds: tuple[str, ...] | None) -> ChartOptions:
        return replace(self, rounds=rounds)


@cache
def use_thai_font() -> str:
    """Make the bundled Noto Sans Thai matplotlib's default font (once); return its family name.

    Set once, not per chart with rc_context: rcParams are global, and charts are drawn on
    background threads, where a context ending in one thread would undo another's font.
    Noto Sans Thai also carries Latin letters and digits.
    """
    fontpkg.mpl.use(THAI_FONT, set_default=True)
    return THAI_FONT


def plain(text: str) -> str:
    """Text exactly as typed: matplotlib would read what stands between two `$` as math."""
    return text.replace("$", r"\$")


# --- rounds ------------------------------------------------------------------------------


def round_colours(workbook: Workbook) -> dict[str, str]:
    """Round id -> colour, by date order over all rounds, so a round keeps its colour in every chart."""
    rounds = workbook.rounds_in_order()
    return {r.round_id: ROUND_COLOURS[n % len(ROUND_COLOURS)] for n, r in enumerate(rounds)}


@dataclass(frozen=True)
class RoundLook:
    """How one round is drawn everywhere: its colour, and a marker and line that say self or external."""

    colour: str
    marker: str
    line_style: str


def round_looks(workbook: Workbook) -> dict[str, RoundLook]:
    """Colour from the date order; external rounds get diamonds and dashes (not colour alone)."""
    colours = round_colours(workbook)
    return {
        r.round_id: RoundLook(colours[r.round_id], "D" if r.assessor == "external" else "o",
                              "--" if r.assessor == "external" else "-")
        for r in workbook.rounds
    }


def chosen_rounds(workbook: Workbook, options: ChartOptions, limit: int | None = None) -> tuple[list[Round], list[Round]]:
    """(shown, left out): the chosen rounds in date order, at most `limit` of them.

    Unknown ids are ignored (a round removed in another tab). Beyond `limit`, rounds without
    levels (options.value) are left out first, then the oldest; the two rounds the summary
    compares (compare.compared_rounds) and the first and latest with levels are always shown:
    a chart compares where the group started with where it is. Charts say what was left out.
    """
    rounds = workbook.rounds_in_order()
    if options.rounds is not None:
        wanted = set(options.rounds)
        rounds = [r for r in rounds if r.round_id in wanted]
    if limit is None or len(rounds) <= limit:
        return rounds, []
    scored = scoring.rounds_with_levels(workbook, options.value)
    with_levels = [r for r in rounds if r.round_id in scored]
    pinned = [r for r in (*compare.compared_rounds(rounds, scored), *with_levels[:1], *with_levels[-1:]) if r]
    newest_first = rounds[::-1]
    ranked = [*pinned, *(r for r in newest_first if r.round_id in scored), *newest_first]
    kept = list(dict.fromkeys(r.round_id for r in ranked))[:limit]
    return [r for r in rounds if r.round_id in kept], [r for r in rounds if r.round_id not in kept]


def default_rounds(workbook: Workbook, value: str = "consensus") -> tuple[str, ...]:
    """What the compare screen shows first: the group's first and latest round with levels.

    'Where we started and where we are': the group's own (self) rounds, as an external one
    answers another question (self vs external). Rounds without a level of `value` (the
    consensus, or individual ratings for the median) are passed over while others have
    some: a round just opened, or not agreed yet, would compare nothing. One round: that one.
    """
    rounds = comparable_rounds(workbook, value)
    return tuple(dict.fromkeys(r.round_id for r in rounds[:1] + rounds[-1:]))


def comparable_rounds(workbook: Workbook, value: str = "consensus") -> list[Round]:
    """The rounds worth comparing, in date order: the group's own rounds with levels of `value`;
    else any with levels; else any with a rating; else every round."""
    rounds = workbook.rounds_in_order()
    scored = scoring.rounds_with_levels(workbook, value)
    rated = {s.round_id for s in workbook.scores}
    for candidates in ([r for r in rounds if r.assessor == "self" and r.round_id in scored],
                       [r for r in rounds if r.round_id in scored], [r for r in rounds if r.round_id in rated]):
        if candidates:
            return candidates
    return rounds


def round_label(round_: Round, options: ChartOptions, width: int = 30, date: bool = True) -> str:
    """'รอบที่ ๑\\n15 พ.ย. 2568': the round's name, wrapped, and its date (Buddhist Era in Thai)."""
    name = wrap(round_.label, width, max_lines=2)
    if not date:
        return plain(name)
    return plain(f"{name}\n{format_date(round_.held_on, options.lang, options.digits)}")


def round_handles(workbook: Workbook, rounds: list[Round], options: ChartOptions, lines: bool = False) -> list[Line2D]:
    """Legend entries for `rounds`: marker (and line) in the round's look, label and date."""
    looks = round_looks(workbook)
    style = options.style
    return [
        Line2D([], [], color=looks[r.round_id].colour, marker=looks[r.round_id].marker,
               markersize=style.base_size * 0.7, linestyle=looks[r.round_id].line_style if lines else "",
               linewidth=style.line_width, label=round_label(r, options))
        for r in rounds
    ]


# --- levels ------------------------------------------------------------------------------

LEVEL_COLUMNS = [
    "round_id", "indicator_id", "level", "state", "target", "n_raters", "n_skipped", "consensus", "median",
    "decided",
]
SCORED, NOT_APPLICABLE, NOT_YET = "scored", "not_applicable", "not_yet"


def levels(workbook: Workbook, options: ChartOptions, rounds: list[Round] | None = None) -> pd.DataFrame:
    """One row per shown round and selected indicator: the level the chart draws, and why it is empty.

    level: the consensus, or with value="median" the median of the individual ratings.
    state: 'scored'; 'not_applicable' (the group agreed "not applicable", or with the median
    every rater skipped); 'not_yet' (nothing to show yet). An empty level is never drawn as 0.
    """
    shown = rounds if rounds is not None else chosen_rounds(workbook, options)[0]
    stats = scoring.indicator_stats(workbook)
    stats = stats[stats["round_id"].isin([r.round_id for r in shown])]
    level = stats["consensus"] if options.value == "consensus" else stats["median"]
    if options.value == "consensus":
        not_applicable = stats["decided"] & stats["consensus"].isna()
    else:
        not_applicable = (stats["n_raters"] == 0) & (stats["n_skipped"] > 0)
    state = pd.Series(NOT_YET, index=stats.index)
    state[level.notna().fillna(False).astype(bool)] = SCORED
    state[not_applicable.astype(bool)] = NOT_APPLICABLE
    table = stats.assign(level=level, state=state)
    order = {r.round_id: n for n, r in enumerate(shown)}
    table = table.sort_values("round_id", key=lambda ids: ids.map(order), kind="stable")
    return table[LEVEL_COLUMNS].reset_index(drop=True)


def nothing_to_draw(workbook: Workbook, shown: list[Round], options: ChartOptions,
                    table: pd.DataFrame | None = None) -> str:
    """Why a chart has nothing to draw, '' when it has: no indicators, no rounds, none chosen, or,
    given the chart's `levels` table, no level at all in the chosen rounds."""
    if not workbook.selected_indicators():
        return t("chart_no_indicators", options.lang)
    if not workbook.rounds:
        return t("chart_no_rounds", options.lang)
    if not shown:
        return t("chart_no_rounds_chosen", options.lang)
    if table is not None and not (table["state"] == SCORED).any():
        return t(f"chart_no_levels_{options.value}", options.lang)
    return ""


def level_matrices(table: pd.DataFrame, indicators: list[Indicator], shown: list[Round]) -> tuple[np.ndarray, np.ndarray]:
    """`levels()` as two arrays, one row per round, one column per indicator: levels (NaN when none) and states.

    Filled cell by cell rather than pivoted: two pandas pivots cost more than a whole chart's bars.
    """
    row_of = {r.round_id: n for n, r in enumerate(shown)}
    column_of = {i.indicator_id: n for n, i in enumerate(indicators)}
    level = np.full((len(shown), len(indicators)), np.nan)
    state = np.full((len(shown), len(indicators)), NOT_YET, dtype=object)
    for round_id, indicator_id, value, kind in zip(table["round_id"], table["indicator_id"], table["level"],
                                                   table["state"]):
        row, column = row_of.get(round_id), column_of.get(indicator_id)
        if row is None or column is None:
            continue
        level[row, column] = np.nan if pd.isna(value) else float(value)
        state[row, column] = kind
    return level, state


def level_axis(workbook: Workbook, rounds: list[Round]) -> range:
    """The levels an axis must show: the workbook's scale and that of every round shown."""
    scales = [workbook.profile.levels] + [round_scale(workbook, r) for r in rounds]
    return range(min(s.start for s in scales), max(s.stop for s in scales))


def other_scales(workbook: Workbook, rounds: list[Round]) -> list[tuple[Round, range]]:
    """The shown rounds scored on another scale than the workbook's now: their levels mean other things."""
    now = workbook.profile.levels
    return [(r, round_scale(workbook, r)) for r in rounds if round_scale(workbook, r) != now]


# --- text on the figure ------------------------------------------------------------------


def indicator_label(indicator: Indicator, options: ChartOptions, width: int | None = None,
                    max_lines: int = 2) -> str:
    """An indicator's title wrapped between words (Thai has no spaces: thai.wrap finds them), shortened with '…'."""
    return plain(wrap(indicator.title, width or options.style.label_width, max_lines=max_lines))


def new_figure(options: ChartOptions, height: float | None = None, width: float | None = None) -> Figure:
    """An empty figure in the theme's size, Noto Sans Thai as the font, laid out by hand.

    No layout engine: matplotlib's constrained layout measures every text once more and cost
    more than the chart itself. Each chart places its axes with `place`, from the room its
    title (`title`), notes (`notes`), labels and legend take (`text_inches` measures them).
    """
    use_thai_font()
    style = options.style
    return Figure(figsize=(width or style.width_inches, height or style.height_inches), dpi=style.dpi,
                  facecolor="white")


def text_inches(text: str, size: float, linespacing: float | str = 1.2) -> tuple[float, float]:
    """(width, height) in inches of `text` at `size` points in Noto Sans Thai, as matplotlib lays it out.

    `linespacing`: pass the Text's own. The default, 1.2, measures lines a little further apart
    than a Text drawn with matplotlib's default ("normal", about 1.0 in this font): room to spare.
    Remembered: a chart measures the same titles at every click.
    """
    with _MEASURE_LOCK:
        return _measured(text, float(size), linespacing)


_MEASURE_LOCK = threading.Lock()  # one measuring renderer, charts drawn on several threads


@lru_cache(maxsize=8192)
def _measured(text: str, size: float, linespacing: float | str) -> tuple[float, float]:
    figure, renderer = _measuring_tools()
    artist = Text(0, 0, text, fontsize=size, linespacing=linespacing, fontfamily=use_thai_font())
    artist.set_figure(figure)
    box = artist.get_window_extent(renderer)
    return box.width / MEASURE_DPI * WIDTH_SLACK, box.height / MEASURE_DPI


# Measured at the screen's resolution. Letters are fitted to the pixel grid, so the same text
# is a little wider or narrower at the downloads' 150 and 200 dpi and in the browser (up to
# 2% in Thai and English alike): widths get that much to spare.
MEASURE_DPI = 100
WIDTH_SLACK = 1.02


@cache
def _measuring_tools() -> tuple[Figure, RendererAgg]:
    """A figure and renderer kept for measuring: matplotlib keeps text sizes per renderer."""
    return Figure(dpi=MEASURE_DPI), RendererAgg(8, 8, MEASURE_DPI)


PAD_INCHES = 0.12  # from the figure's edge to the nearest text
TITLE_GAP_INCHES = 0.15  # under the title block, above what follows
TITLE_LINESPACING = 1.25
NOTE_LINESPACING = 1.3


def place(axes, left: float, right: float, top: float, bottom: float) -> None:
    """Put the axes' plotting area `left`, `right`, `top`, `bottom` inches from the figure's edges."""
    width, height = axes.get_figure(root=True).get_size_inches()
    axes.set_position((left / width, bottom / height, max(width - left - right, 0.1) / width,
                       max(height - top - bottom, 0.1) / height))


def title(figure: Figure, text: str, options: ChartOptions, subtitle: str = "") -> float:
    """The chart's title at the top left, a smaller grey line under it saying what is compared;
    returns the inches they take from the top (with the gap under them), as title_inches."""
    style = options.style
    width, height = figure.get_size_inches()
    heading, below = _title_texts(text, subtitle)
    figure.suptitle(heading, fontsize=style.title_size, x=PAD_INCHES / width, y=1 - PAD_INCHES / height,
                    ha="left", va="top", color=style.ink, linespacing=TITLE_LINESPACING)
    if below:
        top = PAD_INCHES + text_inches(heading, style.title_size, TITLE_LINESPACING)[1] + SUBTITLE_GAP_INCHES
        figure.text(PAD_INCHES / width, 1 - top / height, below, ha="left", va="top",
                    fontsize=style.label_size, color="#333333", linespacing=TITLE_LINESPACING, gid="subtitle")
    return title_inches(text, options, subtitle)


def title_inches(text: str, options: ChartOptions, subtitle: str = "") -> float:
    """What `title` takes from the top: for charts whose height depends on it, before the figure exists."""
    style = options.style
    heading, below = _title_texts(text, subtitle)
    used = PAD_INCHES + text_inches(heading, style.title_size, TITLE_LINESPACING)[1]
    if below:
        used += SUBTITLE_GAP_INCHES + text_inches(below, style.label_size, TITLE_LINESPACING)[1]
    return used + TITLE_GAP_INCHES


SUBTITLE_GAP_INCHES = 0.06


def _title_texts(text: str, subtitle: str) -> tuple[str, str]:
    """The title and subtitle as written: wrapped between words, '$' kept as typed."""
    return plain(wrap(text, 70, max_lines=2)), plain(wrap(subtitle, 100, max_lines=2)) if subtitle else ""


def title_width(figure: Figure, options: ChartOptions) -> float:
    """Inches from the figure's left edge to the end of its title or subtitle, whichever is longer."""
    style = options.style
    words = [(figure.get_suptitle(), style.title_size)]
    words += [(text.get_text(), style.label_size) for text in figure.texts if text.get_gid() == "subtitle"]
    return PAD_INCHES + max((text_inches(text, size, TITLE_LINESPACING)[0] for text, size in words if text), default=0.0)


def message_figure(options: ChartOptions, heading: str, subtitle: str, text: str,
                   height: float | None = None) -> Figure:
    """A chart with nothing to draw: its title, and under it a plain statement of why."""
    figure = new_figure(options, height=height)
    top = title(figure, heading, options, subtitle)
    axes = figure.add_axes((0, 0, 1, 1))
    place(axes, PAD_INCHES, PAD_INCHES, top, PAD_INCHES)
    message(axes, text, options)
    return figure


def marker_path(marker: str) -> Path:
    """A matplotlib marker's shape ("o", "D", ">", …) about one unit across, centred on 0."""
    style = MarkerStyle(marker)
    return style.get_path().transformed(style.get_transform())


def message(axes, text: str, options: ChartOptions) -> None:
    """A plain statement in the middle of empty axes ("no scores yet") instead of an empty or zero chart."""
    style = options.style
    axes.set_axis_off()
    axes.text(0.5, 0.5, plain(wrap(text, 50)), transform=axes.transAxes, ha="center", va="center",
              fontsize=style.title_size, color="#333333",
              bbox={"facecolor": "white", "edgecolor": "#999999", "boxstyle": "round,pad=0.6"})


def notes(figure: Figure, lines: list[str], options: ChartOptions) -> float:
    """Footnotes at the bottom left: what was left out or cannot be compared. Returns the inches
    they take from the bottom (the edge's padding alone when there are none)."""
    if lines:
        width, height = figure.get_size_inches()
        figure.supxlabel(_note_text(lines), fontsize=options.style.label_size, x=PAD_INCHES / width,
                         y=PAD_INCHES / height, ha="left", va="bottom", color="#333333",
                         linespacing=NOTE_LINESPACING)
    return note_inches(lines, options)


def note_inches(lines: list[str], options: ChartOptions) -> float:
    """What `notes` takes for these lines: for charts that size the figure before writing them."""
    if not lines:
        return PAD_INCHES
    size = options.style.label_size
    return PAD_INCHES + text_inches(_note_text(lines), size, NOTE_LINESPACING)[1] + TITLE_GAP_INCHES


def _note_text(lines: list[str]) -> str:
    return "\n".join(plain(wrap(line, 110, max_lines=2)) for line in lines)


def scale_notes(workbook: Workbook, rounds: list[Round], options: ChartOptions) -> list[str]:
    """'รอบที่ ๑ ใช้ระดับ 1–3 (ตอนนี้ 1–5): เทียบระดับกันตรง ๆ ไม่ได้' for each round on another scale."""
    now = workbook.profile.levels
    return [
        t("chart_note_other_scale", options.lang, label=r.label,
          low=options.number(scale.start), high=options.number(scale.stop - 1),
          now_low=options.number(now.start), now_high=options.number(now.stop - 1))
        for r, scale in other_scales(workbook, rounds)
    ]


def left_out_note(left_out: list[Round], options: ChartOptions) -> list[str]:
    """'แสดงได้ 6 รอบ ไม่ได้แสดง: รอบที่ ๒, รอบที่ ๓ (…)' when more rounds were chosen than fit (chosen_rounds)."""
    if not left_out:
        return []
    return [t("chart_radar_left_out", options.lang, count=options.number(MAX_OVERLAID_ROUNDS),
              labels=", ".join(r.label for r in left_out))]


# --- output ------------------------------------------------------------------------------


def figure_png(figure: Figure, dpi: int | None = None) -> bytes:
    """The figure as PNG. Light compression: a third faster, and charts' flat colours hardly grow.

    At the figure's own size it is drawn once on an Agg canvas and encoded by Pillow:
    `savefig` would lay the figure out in an extra pass first (a tenth of the time).
    """
    buffer = io.BytesIO()
    if dpi is not None and dpi != figure.dpi:
        figure.savefig(buffer, format="png", dpi=dpi, facecolor="white", pil_kwargs={"compress_level": 1})
        return buffer.getvalue()
    canvas = FigureCanvasAgg(figure)
    canvas.draw()
    Image.fromarray(np.asarray(canvas.buffer_rgba())).save(buffer, format="png", compress_level=1)
    return buffer.getvalue()


def figure_svg(figure: Figure) -> bytes:
    """SVG with the letters drawn as outlines: it looks the same on a computer without the Thai font."""
    return _svg(figure, "path")


def screen_svg(figure: Figure) -> bytes:
    """SVG for the app's page, the letters as text: the page has Noto Sans Thai, and the browser
    draws the text itself. About three times quicker than a PNG: matplotlib then lays the text
    out but neither draws its letters nor packs pixels."""
    return _svg(figure, "none")


_SVG_LOCK = threading.Lock()  # the font type is a global setting: two SVGs at once could swap it


def _svg(figure: Figure, fonttype: str) -> bytes:
    buffer = io.BytesIO()
    # the same chart gives the same file: no random ids, no date
    with _SVG_LOCK, matplotlib.rc_context({"svg.hashsalt": "mchch", "svg.fonttype": fonttype}):
        figure.savefig(buffer, format="svg", facecolor="white", metadata={"Date": None})
    return buffer.getvalue()
