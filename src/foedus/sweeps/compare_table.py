"""A scenario comparison's changes as a table (`foedus compare --format csv|table`, `--out`): one row per state whose
joining changed, that is newly bound both ways or that is no longer so, with what binds it in each world; what each
column means is said once here (`COMPARE_COLUMNS`), written into the table as the research tables' codebooks are, and
docs/whatif-and-atlas.md's column table names the same columns (a test)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from foedus.engine.result import CascadeResult

__all__ = ["COMPARE_COLUMNS", "KINDS", "SWITCH_ONLY", "WHAT_IF_ONLY", "compare_columns", "compare_frame",
           "compare_rows"]

KINDS = ("gained", "lost", "switched", "rebased", "conflict", "resolved")
"""The changes a row can be, in the order the rows come (the text lines' `+`, `-`, `~`, `=`, `!`, `✓`)."""

COMPARE_COLUMNS: Mapping[str, str] = {
    "state": "the state (foedus id)",
    "ccode": "its COW code (missing for a state COW does not list)",
    "name": "its name, on the other world's date (the base's for a state lost or resolved)",
    "change": "gained, lost, switched, rebased; conflict: bound both ways, resolved: no longer",
    "side_before": "the side it is bound to join in the base world (missing: bound to none)",
    "treaty_before": "the treaty (foedus id) that binds it in the base world; a conflict's treaties",
    "article_before": "that obligation's article",
    "strength_before": "that obligation's strength, S1 (the strongest) to S5",
    "certainty_before": "how sure that obligation's facts are: verified, secondary, unverified",
    "side_after": "the side it is bound to join in the other world (missing: bound to none)",
    "treaty_after": "the treaty (foedus id) that binds it in the other world; a conflict's treaties",
    "article_after": "that obligation's article",
    "strength_after": "that obligation's strength, S1 (the strongest) to S5",
    "certainty_after": "how sure that obligation's facts are: verified, secondary, unverified",
    "what_if": "the what-if changes, as the command line gives them (what-if runs only)",
    "rests_on_what_if": "those of them its obligation in the other world rests on (missing: none)",
    "rests_on_switch": "the switches its obligation binds only by (missing: none; switched runs only)",
}

WHAT_IF_ONLY = ("what_if", "rests_on_what_if")
"""The columns of a what-if comparison only."""

SWITCH_ONLY = ("rests_on_switch",)
"""The columns of a comparison run under a switch not at its default only (its JSON's `switches_said`)."""


def compare_rows(diff: Mapping[str, Any], base: CascadeResult, other: CascadeResult) -> list[dict[str, Any]]:
    """One row per state `diff` (`compare_results(base, other)`) says gained, lost, switched or rebased, then one per
    state newly bound both ways (its `new_conflicts`: change `conflict`), then one per state no longer so (its
    `resolved_conflicts`: change `resolved`), in that order: its primary obligation in each world (side, treaty,
    article, strength, certainty; empty where it is bound to none; the treaties of a conflict, space-separated as
    the cascade's CSV names them, as its treaty after, or before for one resolved), and, in a what-if comparison, the
    changes (`other.what_if`, in `whatif_words.what_if_cell`'s words) on every row and those its obligation in the
    other world rests on (`rests_on_what_if`, as the cascade CSV's column: `whatif_words.rested`); in one run under a
    switch not at its default (`diff["switches_said"]`), the switches the obligation its entry names binds only by
    (`rests_on_switch`, as the JSON's entry says them, joined by " and ")."""
    from foedus.whatif_words import rested, what_if_cell

    before = {j.state: j.primary for j in base.joiners}
    after = {j.state: j.primary for j in other.joiners}
    what_if = what_if_cell(other.what_if)
    clashes = {when: {c.state: " ".join(c.treaties) for c in r.conflicts} for when, r in (("before", base),
                                                                                        ("after", other))}
    rests = {j.state: rested(j.primary.certainty_reasons) for j in other.joiners} | {  # a conflict's: both ways
        c.state: rested([*(r for d in c.obligations for r in d.certainty_reasons),
                         *(r for n in c.neutral for r in n.certainty_reasons)]) for c in other.conflicts}
    listed = {"conflict": "new_conflicts", "resolved": "resolved_conflicts"}  # a state's id, not an entry
    rows = []
    for kind in KINDS:
        for entry in diff[kind] if kind not in listed else [{"state": s} for s in diff[listed[kind]]]:
            state = entry["state"]
            names = base.names if kind in ("lost", "resolved") else other.names  # as the text lines name it
            row: dict[str, Any] = {"state": state, "ccode": other.ccodes.get(state, base.ccodes.get(state)),
                                   "name": names.get(state, state), "change": kind}
            for when, held in (("before", before), ("after", after)):
                o = held.get(state)
                row |= {f"side_{when}": o and o.side, f"treaty_{when}": o and o.treaty,
                        f"article_{when}": o and o.article, f"strength_{when}": o and o.strength,
                        f"certainty_{when}": o and o.certainty}
            if kind in listed:  # it joins neither side in that world: the treaties that bind it both ways
                when = "after" if kind == "conflict" else "before"
                row[f"treaty_{when}"] = clashes[when][state]
            rested_on = what_if_cell(list(dict.fromkeys(rests.get(state, ())))) if kind != "resolved" else None
            row |= {"what_if": what_if, "rests_on_what_if": rested_on} if what_if else {}
            if diff.get("switches_said"):  # a conflict's or a resolved state's row has no entry: none
                row["rests_on_switch"] = " and ".join(entry.get("rests_on_switch", ())) or None
            rows.append(row)
    return rows


def compare_columns(what_if: bool, switched: bool) -> list[str]:
    """The columns a comparison's table has: the what-if ones only in a what-if comparison (`what_if`), the switch's
    only in one run under a switch not at its default (`switched`)."""
    return [c for c in COMPARE_COLUMNS if (what_if or c not in WHAT_IF_ONLY) and (switched or c not in SWITCH_ONLY)]


def compare_frame(rows: list[dict[str, Any]], what_if: bool, switched: bool = False) -> pd.DataFrame:
    """The rows as a table with every column even when there is none (a comparison that changed no one), the COW
    code a nullable integer; `what_if`, `switched`: with the what-if columns, the switch's (`compare_columns`)."""
    import pandas as pd

    columns = compare_columns(what_if, switched)
    frame = pd.DataFrame(rows, columns=columns).astype("object")
    return frame.astype({"ccode": "Int64"})
