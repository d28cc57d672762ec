"""Turn a finished backtest into its figures: one plain dict (metrics.json) and the per-war rows (wars.csv).

Everything the report and the figures show is computed here, once, from the scored wars.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import Any

from foedus.backtest.metrics import Counts, Pair, brier, brier_skill, calibration, reference_brier
from foedus.backtest.predict import VARIANTS, Variant
from foedus.backtest.published import PUBLISHED, SABROSKY, Published, split
from foedus.backtest.run import Backtest, WarRecord

__all__ = ["ERAS", "NO_YEARS", "obligation_outcomes", "summarize", "war_rows"]

NO_YEARS = "none of the run's years"  # the period of a published figure whose years the run does not reach

ERAS = ("overall", "pre1945", "post1945")


def _in_era(record: WarRecord, era: str) -> bool:
    return era == "overall" or record.era == era


def _probabilistic(records: list[WarRecord]) -> dict[str, Any]:
    def block(pairs: list[Pair]) -> dict[str, Any]:
        return {"pairs": len(pairs), "joined": sum(y for _, y in (p.forecast for p in pairs)),
                "brier": brier(pairs), "reference_brier": reference_brier(pairs), "brier_skill": brier_skill(pairs)}

    everything = [p for r in records for p in r.pairs["legal"]]
    out = block(everything)
    out["by_era"] = {era: block([p for r in records if _in_era(r, era) for p in r.pairs["legal"]])
                     for era in ERAS[1:]}
    out["given_a_chance"] = block([p for p in everything if p.p_attack + p.p_defense > 0])
    out["calibration"] = [b.to_dict() for b in calibration(everything)]
    return out


def _misses(records: list[WarRecord], variant: Variant) -> dict[str, int]:
    scores = [r.scores[variant] for r in records]
    return {
        "joined_without_obligation": sum(len(s.unobligated) for s in scores),
        "bound_to_both_sides": sum(len(s.conflicted) for s in scores),
        "obligated_but_stayed_out": sum(len(s.stayed_out) for s in scores),
        "joined_the_other_side": sum(len(s.other_side) for s in scores),
        "resting_on_unresolved_atop_conditions": sum(len(s.unresolved) for s in scores),
    }


def obligation_outcomes(records: list[WarRecord], variant: Variant, keep: Callable[[WarRecord], bool],
                        kind: str | None = None) -> list[str]:
    """What each obligated ally did (alongside / stayed_out / other_side) in the wars `keep` accepts."""
    out: list[str] = []
    for r in records:
        if not keep(r):
            continue
        s = r.scores[variant]
        for state, p in s.predicted.items():
            if kind is not None and p.kind != kind:
                continue
            out.append("alongside" if state in s.hits else "other_side" if state in s.other_side else "stayed_out")
    return out


def _period(first: int, last: int) -> Callable[[WarRecord], bool]:
    return lambda r: first <= r.opening.date.year <= last


def _by_treaty(bt: Backtest, variant: Variant) -> list[dict[str, Any]]:
    """For each treaty behind a predicted joiner (its primary obligation): how those joiners did."""
    table: dict[str, Counter[str]] = {}
    for r in bt.records:
        s = r.scores[variant]
        for state, p in s.predicted.items():
            outcome = "hits" if state in s.hits else "other_side" if state in s.other_side else "stayed_out"
            table.setdefault(p.treaty, Counter())[outcome] += 1
    rows = [{"treaty": t, "name": bt.treaty_names.get(t, t), "predicted": sum(c.values()), "hits": c["hits"],
             "stayed_out": c["stayed_out"], "other_side": c["other_side"]} for t, c in table.items()]
    return sorted(rows, key=lambda row: (-row["predicted"], row["treaty"]))


def _span(first: int, last: int, run: tuple[int, int]) -> str:
    """The years a published figure's period and the run's range share, as the figure is compared over them."""
    lo, hi = max(first, run[0]), min(last, run[1])
    return f"{lo}–{hi}" if lo <= hi else NO_YEARS


def _published_row(records: list[WarRecord], pub: Published, run: tuple[int, int]) -> dict[str, Any]:
    row: dict[str, Any] = {"source": pub.source, "measure": pub.measure, "period": _span(pub.first, pub.last, run),
                           "published_period": f"{pub.first}–{pub.last}", "published": pub.value, "kind": pub.kind}
    years = [r.opening.date.year for r in records if pub.first <= r.opening.date.year <= pub.last]
    row["wars"] = len(years)
    for variant in VARIANTS:
        got = split(obligation_outcomes(records, variant, _period(pub.first, pub.last), pub.kind))
        row[variant] = {"n": got["n"], "honoured": got["shares"]["alongside"]}
    return row


def _sabrosky(records: list[WarRecord], run: tuple[int, int]) -> dict[str, Any]:
    first, last = SABROSKY.first, SABROSKY.last
    keep = _period(first, last)
    allies = [a.outcome for r in records if keep(r) for a in r.allies]
    return {"source": SABROSKY.source, "period": _span(first, last, run), "published_period": f"{first}–{last}",
            "published": SABROSKY.shares,
            "wars": sum(1 for r in records if keep(r)),
            "allies_of_participants": split(allies),
            "obligated_allies_legal": split(obligation_outcomes(records, "legal", keep)),
            "obligated_allies_escalatory": split(obligation_outcomes(records, "escalatory", keep)),
            "obligated_allies_legal_unmet": split(obligation_outcomes(records, "legal-unmet", keep))}


def summarize(bt: Backtest) -> dict[str, Any]:
    """Every headline figure and table of the report, as plain JSON-ready data."""
    records = bt.records
    s = bt.settings
    per_era = {era: [r for r in records if _in_era(r, era)] for era in ERAS}
    run = (s.first if s.first is not None else 0, s.last if s.last is not None else 9999)  # None: no bound
    return {
        "settings": {"from": s.first, "to": s.last, "draws": s.draws, "seed": s.seed,
                     "probabilistic_reading": "legal", "honour_model": "default (foedus.engine.reliability)"},
        "wars": {"in_range": bt.wars_in_range, "scored": len(records), "skipped": len(bt.skipped_wars),
                 **{era: len(per_era[era]) for era in ERAS[1:]}},
        "opening_attack_targets": dict(Counter(r.opening.how for r in records)),
        "real_joiners": {era: sum(len(r.actual.joiners) for r in per_era[era]) for era in ERAS},
        "precision_recall": {v: {era: Counts.total(r.scores[v].counts for r in per_era[era]).to_dict()
                                 for era in ERAS} for v in VARIANTS},
        "probabilistic": _probabilistic(records),
        "misses": {v: _misses(records, v) for v in VARIANTS},
        "legal_by_treaty": _by_treaty(bt, "legal"),
        "published": [_published_row(records, pub, run) for pub in PUBLISHED],
        "sabrosky": _sabrosky(records, run),
        "state_names": bt.names,
        "skipped_wars": bt.skipped_wars,
        "skipped_states": [k.to_dict() for k in bt.skips],
    }


def _sides(items: dict[str, str]) -> str:
    return " ".join(f"{s}:{side[0]}" for s, side in sorted(items.items()))


def war_rows(bt: Backtest) -> list[dict[str, Any]]:
    """One row per scored war: the opening attack, the real and predicted joiners, the scores."""
    rows = []
    for r in bt.records:
        row: dict[str, Any] = {"war": r.war.num, "name": r.war.name, "start": r.opening.date.isoformat(),
                               "era": r.era, "targets_from": r.opening.how,
                               "attackers": " ".join(r.actual.attackers), "targets": " ".join(r.actual.targets),
                               "real_joiners": _sides(dict(r.actual.joiners))}
        for v in VARIANTS:
            sc = r.scores[v]
            c = sc.counts
            key = v.replace("-", "_")
            row[f"{key}_predicted"] = _sides({k: p.side for k, p in sc.predicted.items()})
            row.update({f"{key}_tp": c.tp, f"{key}_fp": c.fp, f"{key}_fn": c.fn})
        pairs = r.pairs["legal"]
        row["candidates"] = len(pairs)
        row["expected_joiners"] = round(sum(p.p_attack + p.p_defense for p in pairs), 4)
        row["brier"] = brier(pairs)
        row["unresolved"] = " ".join(r.scores["legal"].unresolved)
        row["skipped_states"] = "; ".join(f"{k.name} ({k.ccode}): {k.reason}" for k in r.skipped)
        rows.append(row)
    return rows
