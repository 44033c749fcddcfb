"""Before submitting: what the papers will show and what they still lack, with the step that fills it."""

from __future__ import annotations

from datetime import date

from chart_checks import sample_rows

from mchch_widgets import samples
from mchch_widgets.model import Member, new_workbook
from mchch_widgets.paperwork import paperwork_checks
from mchch_widgets.store import read_workbook


def checks(workbook) -> dict[str, tuple[bool, dict]]:
    return {check.key: (check.ready, check.params) for check in paperwork_checks(workbook)}


def test_the_main_sample_is_ready_in_every_respect():
    found = checks(read_workbook(samples.sample_path(samples.MAIN_SAMPLE)))

    leads = [row for row in sample_rows("members.csv") if row["role"] == "lead"]
    selected = [row for row in sample_rows("indicators.csv") if row["status"] == "selected"]
    assert found["paper_lead_team"] == (True, {"count": len(leads)})
    assert found["paper_indicators"] == (True, {"count": len(selected)})
    assert found["paper_plan"] == (True, {"count": len(sample_rows("plan.csv"))})
    agreed = {row["round_id"] for row in sample_rows("scores.csv") if row["rater"] == "consensus"}
    own = [row for row in sample_rows("rounds.csv") if row["assessor"] == "self" and row["round_id"] in agreed]
    assert found["paper_rounds"] == (True, {"count": len(own)})
    assert all(ready for ready, _ in found.values())
    assert "paper_rounds_closed_ready" in found and "paper_reflections" in found


def test_an_empty_workbook_lacks_everything_and_says_which_step_fills_it():
    found = checks(new_workbook("กลุ่มใหม่", "group"))

    assert not any(ready for ready, _ in found.values())
    assert set(found) == {"paper_place", "paper_lead_team", "paper_indicators", "paper_plan", "paper_rounds",
                          "paper_reflections_none"}  # no round yet: nothing said of closing rounds


def test_an_open_round_is_named():
    workbook = read_workbook(samples.sample_path(samples.MAIN_SAMPLE))
    from mchch_widgets.assessment import add_round

    added = add_round(workbook, "รอบที่ ๕", date(2026, 11, 21), "self", date(2026, 11, 21))
    found = checks(workbook)

    assert found["paper_rounds_closed"] == (False, {"labels": added.label})


def test_only_the_lead_team_counts_not_the_advisors():
    workbook = new_workbook("กลุ่มใหม่", "group")
    workbook.members.append(Member("นายที่ปรึกษา", role="advisor"))
    assert checks(workbook)["paper_lead_team"] == (False, {"count": 0})
    workbook.members.append(Member("นางทีมนำ", role="lead"))
    assert checks(workbook)["paper_lead_team"] == (True, {"count": 1})
