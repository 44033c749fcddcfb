"""The app shell: header, built steps only, language switch, and a clear stop on a broken workbook."""

from __future__ import annotations

from pathlib import Path

from workbook_files import reread

from mchch_widgets.settings import AppSettings
from mchch_widgets.widgets.widget_app import WorkshopApp
from mchch_widgets.widgets.widget_overview import OverviewScreen
from mchch_widgets.widgets.widget_profile import ProfileStep


def make_app(folder: Path, language: str = "th") -> WorkshopApp:
    # no worker process drawing charts ahead: test_chart_drawer and test_widget_compare cover it
    return WorkshopApp(AppSettings(workbook=str(folder), language=language, draw_ahead=False))


def test_shows_the_workbook_name_and_its_chart(sample_folder: Path):
    app = make_app(sample_folder)

    assert reread(sample_folder).profile.name in app.title.value
    overview = app.screen_area.children[0]
    assert isinstance(overview, OverviewScreen)
    overview.wait_for_chart()
    assert bytes(overview.chart.value).startswith(b"\x89PNG")


def test_navigation_lists_only_the_steps_that_are_built(sample_folder: Path):
    app = make_app(sample_folder)

    assert [value for _label, value in app.nav.options] == ["overview", "profile", "forum", "plan", "assess",
                                                            "compare", "summary", "submit"]
    assert "profile" not in app.screens  # built when first opened, not before
    app.nav.value = "profile"
    assert isinstance(app.screen_area.children[0], ProfileStep)


def test_language_switch_rebuilds_in_english_and_keeps_the_screen(sample_folder: Path):
    app = make_app(sample_folder)
    app.nav.value = "profile"

    app.language.value = "en"

    assert [label for label, _value in app.nav.options] == ["Overview", "1 Join", "2 Indicators", "3 Plan", "5 Assess",
                                                              "Compare rounds", "6 Summary", "7 Submit"]
    assert isinstance(app.screen_area.children[0], ProfileStep)
    assert "Step 1" in app.screen_area.children[0].children[0].value


def test_renaming_in_step_1_updates_the_header(sample_folder: Path):
    app = make_app(sample_folder)

    app.screen("profile").name.value = "ชื่อใหม่ของกลุ่ม"

    assert "ชื่อใหม่ของกลุ่ม" in app.title.value


def test_user_text_is_shown_as_text_never_as_html(sample_folder: Path):
    app = make_app(sample_folder)

    app.screen("profile").name.value = "<script>alert(1)</script>"

    assert "<script>" not in app.title.value
    assert "&lt;script&gt;" in app.title.value


def test_a_broken_workbook_opens_a_problem_list_and_no_editor(sample_folder: Path):
    scores = sample_folder / "scores.csv"
    lines = scores.read_bytes().decode("utf-8-sig").splitlines()
    cells = lines[1].split(",")
    cells[3] = "7"
    lines[1] = ",".join(cells)
    scores.write_bytes(("\n".join(lines) + "\n").encode("utf-8"))
    before = {p.name: p.read_bytes() for p in sample_folder.iterdir()}

    app = make_app(sample_folder)

    text = " ".join(getattr(child, "value", "") for child in app.children if hasattr(child, "value"))
    assert "scores.csv" in text and "แถว 2" in text and "row 2" in text and "score" in text
    assert app.session is None and not app.screens
    assert {p.name: p.read_bytes() for p in sample_folder.iterdir()} == before


def test_an_out_of_date_chart_drawing_never_replaces_a_newer_one(sample_folder: Path):
    from mchch_widgets import charts

    app = make_app(sample_folder)
    overview = app.screen("overview")
    overview.wait_for_chart()
    current = bytes(overview.chart.value)

    overview._draw_chart(app.session.workbook, version=app.session.version - 1)  # finishes late

    assert bytes(overview.chart.value) == current
    assert current == charts.figure_png(charts.consensus_chart(app.session.workbook))


def test_a_proposal_dropped_in_the_forum_comes_back_on_screen_with_the_header_undo(sample_folder: Path):
    from mchch_widgets import forum

    app = make_app(sample_folder)
    app.nav.value = "forum"
    step = app.screen_area.children[0]
    step.phase.value = "propose"
    board = step.part("propose")
    indicator = next(i for i in app.session.workbook.indicators if i.status == "proposed")
    row = board.rows[indicator.indicator_id]
    row.edit_toggle.value = True
    row.drop_button.click()
    assert indicator.indicator_id not in board.rows
    assert app.undo.layout.display == ""

    app.undo.click()

    assert forum.find(reread(sample_folder), indicator.indicator_id).status == "proposed"
    assert indicator.indicator_id in board.rows
    assert app.undo.layout.display == "none"


def test_an_indicator_selected_in_the_forum_is_in_the_plan(sample_folder: Path):
    app = make_app(sample_folder)
    app.nav.value = "plan"  # built before the forum changes anything
    app.nav.value = "forum"
    step = app.screen_area.children[0]
    step.phase.value = "select"
    waiting = step.part("select").proposed.children[1]
    next(w for w in waiting.children if getattr(w, "description", "") == "เลือก →").click()
    title = app.session.workbook.selected_indicators()[-1].title

    app.nav.value = "plan"

    plan = app.screen_area.children[0]
    assert any(title in card.description for card in plan.cards.values())


def test_screens_built_in_the_other_language_stop_listening_to_the_workbook(sample_folder: Path):
    app = make_app(sample_folder)
    app.nav.value = "forum"
    old_forum = app.screens["forum"]
    listeners = len(app.session._listeners)

    app.language.value = "en"

    assert old_forum.comm is None  # closed: no longer in the page
    assert len(app.session._listeners) == listeners  # the new forum screen replaced the old one's listener


def test_switching_the_language_leaves_no_widgets_of_the_old_screens_behind(sample_folder: Path):
    from ipywidgets.widgets.widget import (
        _instances,  # every open widget (Widget.widgets is deprecated)
    )

    app = make_app(sample_folder)
    for name in ("forum", "plan", "profile"):
        app.nav.value = name
    app.language.value = "en"
    app.language.value = "th"
    settled = len(_instances)

    app.language.value = "en"
    app.language.value = "th"

    # The screen shown is rebuilt; of the old ones only a few replaced Layout objects stay (hundreds before).
    assert len(_instances) <= settled + 20


def test_after_a_refused_merge_the_plan_edits_and_removes_the_activities_on_disk(sample_folder: Path):
    import csv
    import io

    from workbook_files import read_csv_text

    def plan_rows():
        return list(csv.DictReader(io.StringIO(read_csv_text(sample_folder, "plan.csv"))))

    app = make_app(sample_folder)
    app.nav.value = "plan"
    plan = app.screens["plan"]
    plan.cards["G02"].click()
    app.nav.value = "forum"
    board = app.screens["forum"].part("propose")
    row = board.rows["G11"]
    row.edit_toggle.value = True
    row.merge_with.value = "G02"
    row.merge_button.click()
    row.merge_button.click()  # refused: G02 has scores; the workbook in memory is put back as copies
    assert app.status.state == "error"
    count = len(plan_rows())

    app.nav.value = "plan"
    activity = next(r for r in plan.rows_for("G02") if r.activity.activity_id == "A03")
    activity.status.value = "done"
    assert len(plan_rows()) == count
    assert next(r for r in plan_rows() if r["activity_id"] == "A03")["status"] == "done"

    gone = next(r for r in plan.rows_for("G02") if r.activity.activity_id == "A02")
    gone.remove.click()
    gone.remove.click()
    assert "A02" not in {r["activity_id"] for r in plan_rows()}


def test_the_compare_choices_stay_when_the_language_changes(sample_folder: Path):
    app = make_app(sample_folder)
    app.nav.value = "compare"
    app.screen_area.children[0].choose(kind="progress", rounds=("r2", "x1"), value="median", theme="print")

    app.language.value = "en"

    compare = app.screen_area.children[0]
    assert compare.language == "en"
    assert compare.choices() == {"kind": "progress", "rounds": ("r2", "x1"), "value": "median", "theme": "print"}
    assert "Progress" in compare.chart.alt
