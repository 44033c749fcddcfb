"""What every chart shares: options, themes, fonts, round colours, labels and honest messages.

Charts are drawn on `matplotlib.figure.Figure` objects, never through pyplot: no global
state, so screens can draw on background threads.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, replace
from functools import cache

import fontpkg.mpl
import matplotlib
import numpy as np
import pandas as pd
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
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
    """`levels()` as two arrays, one row per round, one column per indicator: levels (NaN when none) and states."""
    round_ids = [r.round_id for r in shown]
    indicator_ids = [i.indicator_id for i in indicators]
    level = table.pivot(index="round_id", columns="indicator_id", values="level")
    level = level.reindex(index=round_ids, columns=indicator_ids).astype("float64")
    state = table.pivot(index="round_id", columns="indicator_id", values="state")
    state = state.reindex(index=round_ids, columns=indicator_ids).fillna(NOT_YET)
    return level.to_numpy(dtype=float, na_value=np.nan), state.to_numpy(dtype=object)


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
    """An empty figure in the theme's size, Noto Sans Thai as the font, laid out by matplotlib."""
    use_thai_font()
    style = options.style
    return Figure(figsize=(width or style.width_inches, height or style.height_inches), dpi=style.dpi,
                  layout="constrained", facecolor="white")


def title(figure: Figure, text: str, options: ChartOptions, subtitle: str = "") -> None:
    """The chart's title at the top left; a smaller grey line under it says what is compared.

    One suptitle holds the title and blank lines, so the layout keeps room for the subtitle,
    which is then written into that room (a Text cannot mix two sizes).
    """
    style = options.style
    heading = plain(wrap(text, 70, max_lines=2))
    below = plain(wrap(subtitle, 100, max_lines=2)) if subtitle else ""
    room = "\n" * (below.count("\n") + 1) + " " if below else ""  # lines as tall as the subtitle's
    figure.suptitle(heading + room, fontsize=style.title_size, x=0.01, ha="left",
                    color=style.ink, linespacing=1.25)
    if below:
        points_down = 4 + style.title_size * 1.25 * (heading.count("\n") + 1) + 2
        figure.text(0.01, 1 - points_down / (figure.get_figheight() * 72), below, ha="left", va="top",
                    fontsize=style.label_size, color="#333333", linespacing=1.25)


def message(axes, text: str, options: ChartOptions) -> None:
    """A plain statement in the middle of empty axes ("no scores yet") instead of an empty or zero chart."""
    style = options.style
    axes.set_axis_off()
    axes.text(0.5, 0.5, plain(wrap(text, 50)), transform=axes.transAxes, ha="center", va="center",
              fontsize=style.title_size, color="#333333",
              bbox={"facecolor": "white", "edgecolor": "#999999", "boxstyle": "round,pad=0.6"})


def notes(figure: Figure, lines: list[str], options: ChartOptions) -> None:
    """Footnotes under the chart: what was left out or cannot be compared. Nothing when none."""
    if not lines:
        return
    text = "\n".join(plain(wrap(line, 110, max_lines=2)) for line in lines)
    figure.supxlabel(text, fontsize=options.style.label_size, x=0.01, ha="left", color="#333333",
                     linespacing=1.3)


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
    buffer = io.BytesIO()
    with matplotlib.rc_context({"svg.hashsalt": "mchch"}):  # the same chart gives the same file (no random ids)
        figure.savefig(buffer, format="svg", facecolor="white", metadata={"Date": None})
    return buffer.getvalue()
