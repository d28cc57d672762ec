"""A cascade as CSV rows, one per party and finding: `foedus cascade --format csv` writes them, and the web's CSV export
(web/src/csv.ts `csvOf`) the same columns in the same order, so that a researcher who exports a run from both gets
one table; docs/outputs.md's column table names the same columns (tests/test_cascade_csv_columns.py)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from foedus.engine.records import Because, CertaintyReason, Conflict, Neutral, Obligation
    from foedus.engine.result import CascadeResult

__all__ = ["CASCADE_COLUMNS", "conflict_instruments", "finding_rows"]

CASCADE_COLUMNS: Mapping[str, str] = {
    "state": "the state (foedus id, ISO3)",
    "ccode": "its COW code (empty where it has none)",
    "name": "its name on the date",
    "role": "attacker, target, joiner, conflict, neutral, consultation, violation or withheld",
    "side": "the side it is on or bound to join: attack or defense (empty for the other roles)",
    "round": "the round it joined or its conflict arose in (0: the original parties)",
    "treaty": "the treaty (foedus id) that binds it; a conflict's treaties, space-separated",
    "instrument": "what that treaty is: treaty, executive_order, statute, political_statement or forum",
    "article": "the article that binds it",
    "strength": "the obligation's strength, S1 to S5 (joiners only)",
    "kind": "a joiner's obligation (defense or offense), neutrality, consultation, or what a violation breaks "
            "(nonaggression or neutrality)",
    "attacked": "the state whose attack set the finding off",
    "by": "the state that attacked it",
    "place": "where (place id)",
    "target_kind": "territory or forces",
    "certainty": "how sure the facts it rests on are: verified, secondary, unverified, ...",
    "conditions": "a joiner's conditions assumed (joined with '; '); the state a neutrality duty, consultation or "
                  "violation is toward, with or against; a conflict's or a withheld duty's reason",
    "what_if": "a what-if run's changes, on every row (no such column on the treaties as encoded)",
    "rests_on_what_if": "those of the changes the row's finding rests on (a joiner's primary obligation; any duty of a "
                        "conflict), listed as `what_if` lists them; empty where it rests on none (what-if runs only)",
}


def conflict_instruments(c: Conflict) -> str:
    """A conflict's instruments, one for each of its treaties in the order its `treaties` names them, as its duties
    say them (csv.ts `conflictInstruments`)."""
    duties: tuple[Obligation | Neutral, ...] = (*c.obligations, *c.neutral)
    instruments = {d.treaty: d.instrument for d in duties}
    return " ".join(instruments.get(t, "treaty") for t in c.treaties)


def _attack(b: Because) -> list[Any]:
    return [b.attacked, b.by, b.place, b.kind]


def finding_rows(result: CascadeResult, what_if: str | None = None,
                 names: Callable[[str], str] | None = None) -> list[dict[str, Any]]:
    """One row per attacker, target and finding (joiners, conflicts, neutrality duties, consultations, violations,
    withheld duties), each with every column of CASCADE_COLUMNS in its order, `what_if` and `rests_on_what_if` only
    when `what_if` is given (a what-if run's changes, `whatif_words.what_if_cell`; the changes the row's finding rests
    on, from its `what-if` certainty reasons, `whatif_words.rested`); `names` names a state (default: the result's
    names)."""
    from foedus.whatif_words import rested, what_if_cell

    name = names or (lambda s: result.names.get(s, s))
    lines: list[list[Any]] = [[s, "attacker", "attack", 0] for s in result.scenario.attackers]
    lines += [[s, "target", "defense", 0] for s in result.scenario.targets]
    reasons: list[tuple[CertaintyReason, ...]] = [() for _ in lines]  # each row's finding's certainty reasons
    for j in result.joiners:
        p = j.primary
        lines.append([p.state, "joiner", p.side, p.round, p.treaty, p.instrument, p.article, p.strength, p.kind,
                      *_attack(p.because), p.certainty, "; ".join(p.conditions)])
    lines += [[c.state, "conflict", None, c.round, " ".join(c.treaties), conflict_instruments(c), *[None] * 8,
               c.reason] for c in result.conflicts]
    lines += [[n.state, "neutral", None, None, n.treaty, n.instrument, n.article, None, "neutrality",
               *_attack(n.because), n.certainty, f"toward {n.toward}"] for n in result.neutral]
    lines += [[c.state, "consultation", None, None, c.treaty, c.instrument, c.article, None, "consultation",
               *_attack(c.because), c.certainty, f"with {c.with_}"] for c in result.consultations]
    lines += [[v.state, "violation", None, None, v.treaty, v.instrument, v.article, None, v.kind,
               *_attack(v.because), v.certainty, f"against {v.against}"] for v in result.violations]
    lines += [[w.state, "withheld", None, None, w.treaty, None, w.article, *[None] * 6, w.certainty, w.reason]
              for w in result.withheld]
    reasons += [j.primary.certainty_reasons for j in result.joiners]
    reasons += [tuple(r for d in c.obligations for r in d.certainty_reasons)
                + tuple(r for n in c.neutral for r in n.certainty_reasons) for c in result.conflicts]
    reasons += [n.certainty_reasons for n in result.neutral]
    reasons += [c.certainty_reasons for c in result.consultations]
    reasons += [v.certainty_reasons for v in result.violations]
    reasons += [w.certainty_reasons for w in result.withheld]
    keys = [k for k in CASCADE_COLUMNS if k not in ("what_if", "rests_on_what_if")]
    rows = []
    for line, said in zip(lines, reasons, strict=True):
        cells = [line[0], result.ccodes.get(line[0]), name(line[0]), *line[1:]]
        row = dict(zip(keys, [*cells, *[None] * (len(keys) - len(cells))], strict=True))
        rows.append(row | {"what_if": what_if, "rests_on_what_if": what_if_cell(list(dict.fromkeys(rested(said))))}
                    if what_if else row)
    return rows
