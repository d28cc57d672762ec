"""What each column of `foedus backtest`'s tables means (wars, outcomes, reliability), one line of at most 80
characters a column: written into each table as `foedus.research.codebook`'s are into dyads' (a Parquet field's
`description`, a Stata variable's label, the sidecar's `dc:description`). docs/backtest.md's column tables say the
rest, and a test keeps their column names and these the same."""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["BACKTEST_CODEBOOKS", "OUTCOME_COLUMNS", "RELIABILITY_COLUMNS", "WAR_COLUMNS"]

_READINGS = {"legal": "legal reading", "escalatory": "escalatory reading",
             "legal_unmet": "legal, unspecified read as unmet"}
_IDS = "engine ids"

WAR_COLUMNS: Mapping[str, str] = {
    "war": "COW war number",
    "name": "COW war name",
    "start": "the opening attack's date (ISO)",
    "era": "pre1945 or post1945 (the start before or from 1 January 1945)",
    "targets_from": "how targets were chosen: start-date, dyadic, dyadic-fallback, earliest-opponent",
    "attackers": f"the opening attack's attackers ({_IDS})",
    "targets": f"the opening attack's targets ({_IDS})",
    "real_joiners": "states that joined, each id:side (a attack, d defense), space-separated",
    **{col: text for key, said in _READINGS.items() for col, text in (
        (f"{key}_predicted", f"joiners predicted, id:side ({said})"),
        (f"{key}_tp", f"predicted joiners that joined on that side ({said})"),
        (f"{key}_fp", f"predicted joiners not joining on that side ({said})"),
        (f"{key}_fn", f"real joiners not predicted on their side ({said})"))},
    "candidates": "states the legal Monte Carlo scored",
    "expected_joiners": "sum over candidates of P(joins attack) + P(joins defense), legal",
    "brier": "Brier score of the legal Monte Carlo's join probabilities",
    "unresolved": f"false alarms bound only by conditions ATOP left unspecified ({_IDS}; legal)",
    "skipped_states": "states left out, each name (ccode): reason, joined by '; '",
}

OUTCOME_COLUMNS: Mapping[str, str] = {
    "war": "COW war number",
    "war_name": "COW war name",
    "war_start": "the war's start date (ISO)",
    "era": "pre1945 or post1945 (the start before or from 1 January 1945)",
    "state": "the candidate state (engine id)",
    "ccode": "its COW code",
    "name": "its name on the war's first day",
    "role": "original, new_target, joiner, or none (never fought)",
    "side": "the side it entered on: attack (the initiators') or defense",
    "sides_fought": "the sides it fought on: attack, defense or both",
    "entry": "the date it entered (its first COW spell; ISO)",
    "days_to_entry": "days from the war's start to its entry",
    **{f"outcome_{h}": f"what it did within {w}: out, attack or defense"
       for h, w in (("30", "30 days"), ("365", "365 days"), ("ever", "the war"))},
    **{f"joined_{h}": f"1 if it joined within {w}"
       for h, w in (("30", "30 days"), ("365", "365 days"), ("ever", "the war"))},
    **{col: text for key, said in _READINGS.items() for col, text in (
        (f"{key}_bound_date", f"first date bound to join, before entry ({said})"),
        (f"{key}_bound_side", f"the side it was then bound to ({said})"),
        (f"{key}_treaty", f"the treaty that first bound it ({said})"))},
    **{f"p_{side}_{h}": f"legal Monte Carlo: P(joins the {side} within {w})"
       for side in ("attack", "defense") for h, w in (("30", "30 days"), ("365", "365 days"), ("ever", "the war"))},
}

RELIABILITY_COLUMNS: Mapping[str, str] = {
    "war": "COW war number",
    "war_name": "COW war name",
    "start": "the war's start date (ISO)",
    "era": "pre1945 or post1945 (the start before or from 1 January 1945)",
    "treaty": "the alliance's id (atop_<atopid>, _p<n> for a phase, or a curated id)",
    "origin": "where the treaty comes from: atop or curated",
    "members": "distinct states it bound on the dates its casus foederis could arise",
    "partners_at_war": f"its members that fought while it bound them ({_IDS})",
    "met": "1 when a real attack triggered one of its clauses, else 0",
    "met_date": "the first date it was met (missing when not met)",
    "obligated": "distinct members whose duty was triggered",
    "alongside": f"obligated members that fought on a side they were bound to ({_IDS})",
    "stayed_out": f"obligated members that did not fight ({_IDS})",
    "other_side": f"obligated members that fought only on the other side ({_IDS})",
    "bound_both_sides": f"obligated members bound to both sides ({_IDS})",
    "honoured": "1 when all obligated members fought alongside, else 0; missing if not met",
    "switch_unresolved": "how ATOP's unspecified conditions were read: met or unmet",
    "switch_kinds": "the clause kinds counted: defense+offense or defense",
    "switch_originals": "1 when obligors that were original parties of the war count",
    "switch_rule": "all or any: when a row is honoured",
}

BACKTEST_CODEBOOKS: Mapping[str, Mapping[str, str]] = {"wars": WAR_COLUMNS, "outcomes": OUTCOME_COLUMNS,
                                                        "reliability": RELIABILITY_COLUMNS}
