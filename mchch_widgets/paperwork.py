"""Before the papers go to the district: what they will show, and what they will still lack.

The report and the application form print whatever the workbook holds, and say plainly
what is missing. This list tells the facilitator beforehand, with the step that fills
each gap, so a missing lead team or an open round is fixed in the hall, not noticed at
the district office.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .model import CONSENSUS, Workbook


@dataclass(frozen=True)
class Check:
    """One thing the papers need: `ready` or not, said by the text key `key` with `params`."""

    key: str
    ready: bool
    params: dict[str, object] = field(default_factory=dict)


def paperwork_checks(workbook: Workbook) -> list[Check]:
    """What the district report and the application form need, in the order of the seven steps."""
    selected = workbook.selected_indicators()
    leads = workbook.lead_team()
    profile = workbook.profile
    place_known = bool(profile.province and profile.district)
    agreed_rounds = {s.round_id for s in workbook.scores if s.rater == CONSENSUS}
    scored_self = [r for r in workbook.rounds if r.assessor == "self" and r.round_id in agreed_rounds]
    still_open = [r for r in workbook.rounds if not r.closed]
    latest = max(scored_self, key=lambda r: r.held_on, default=None)
    reflected = latest is not None and any(
        r.round_id == latest.round_id and (r.strengths or r.weaknesses or r.next_action)
        for r in workbook.reflections
    )
    checks = [
        Check("paper_place", place_known),
        Check("paper_lead_team", bool(leads), {"count": len(leads)}),
        Check("paper_indicators", bool(selected), {"count": len(selected)}),
        Check("paper_plan", bool(workbook.plan), {"count": len(workbook.plan)}),
        Check("paper_rounds", bool(scored_self), {"count": len(scored_self)}),
    ]
    if workbook.rounds:  # with no round yet, "every round closed" would say nothing
        checks.append(Check("paper_rounds_closed" if still_open else "paper_rounds_closed_ready", not still_open,
                            {"labels": ", ".join(r.label for r in still_open)}))
    checks.append(Check("paper_reflections" if latest else "paper_reflections_none", reflected,
                        {"label": latest.label if latest else ""}))
    return checks
