"""Scores turned into tables (pandas), with no widgets: used by charts, screens and reports."""

from __future__ import annotations

import pandas as pd

from .model import CONSENSUS, Workbook

CONSENSUS_COLUMNS = ["round_id", "round_label", "held_on", "assessor", "indicator_id", "title", "target", "consensus"]


def consensus_by_round(workbook: Workbook) -> pd.DataFrame:
    """One row per round and selected indicator: the consensus level (NaN when not scored or skipped).

    Rounds are in date order and indicators in workbook order, so every chart and table
    lists them the same way.
    """
    agreed = {
        (s.round_id, s.indicator_id): s.score
        for s in workbook.current_scores()
        if s.rater == CONSENSUS
    }
    rows = [
        {
            "round_id": r.round_id,
            "round_label": r.label,
            "held_on": r.held_on,
            "assessor": r.assessor,
            "indicator_id": i.indicator_id,
            "title": i.title,
            "target": i.target,
            "consensus": agreed.get((r.round_id, i.indicator_id)),
        }
        for r in workbook.rounds_in_order()
        for i in workbook.selected_indicators()
    ]
    table = pd.DataFrame(rows, columns=CONSENSUS_COLUMNS)
    table["consensus"] = pd.to_numeric(table["consensus"], errors="coerce").astype("Float64")
    table["target"] = pd.to_numeric(table["target"], errors="coerce").astype("Float64")
    return table
