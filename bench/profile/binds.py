"""How many of a cascade's binding finds its result cites, and how often an obligation record recurs across dyads.

For each of the first N of bench_speed's dyads at DAY (all 1,000 by default; all run, in order, as bench_speed.py's
first pass runs them, each result's joiners read, which cites them), over the median band of the cascades by the
obligations their result cites (joiners' and conflicts'): the binding finds the ledger holds at the end
(`Ledger.bound`, one per obligor, treaty, article and side), the obligations cited, the consultation and violation
finds held and reported. Then, over all the dyads, the citations (`citing.cited` calls) and how many of them name a
(leg, victim, attacker, place, kind, severity, view, side, round) cited before: what a store of whole obligation
records, kept per leg table, would find made.

Run: python bench/profile/binds.py DAY [N]"""

from __future__ import annotations

import statistics
from typing import Any

from cascades import DYADS, arg, band, scenarios

from foedus.engine import cascade, citing

counts: dict[str, int] = {}
seen: set[tuple[object, ...]] = set()
cites = [0, 0]  # citations, and those seen before


def main() -> None:
    world, scen = scenarios(arg(1), int(arg(2, str(DYADS))))
    outcome_of, cited = cascade.outcome_of, citing.cited

    def counted_outcome(run: Any, rerun: Any) -> Any:
        result = outcome_of(run, rerun)
        counts.update(
            bound=len(run.ledger.bound),
            consultations=len(run.ledger.consultations),
            violations=len(run.ledger.violations),
        )
        return result

    def counted_cited(leg: Any, vol: Any, i: int, side: Any, rnd: int, certify: Any, parts: Any) -> Any:
        key = (id(leg), vol.victim, vol.attackers[i], vol.place, vol.kind, vol.severity, certify.view, side, rnd)
        cites[0] += 1
        cites[1] += key in seen
        seen.add(key)
        return cited(leg, vol, i, side, rnd, certify, parts)

    # `citing.citations` calls `cited` by its module's name, for a conflict's obligations (`_Run.cite`) and, since
    # session 53, for a result's joiners when first read (here, below): the engine has not read `cascade.cited` since
    cascade.outcome_of, citing.cited = counted_outcome, counted_cited  # type: ignore[assignment]
    rows = []
    for s in scen:
        r = cascade.run_cascade(world, s)
        obligations = sum(1 + len(j.also) for j in r.joiners) + sum(len(c.obligations) for c in r.conflicts)
        rows.append(
            (
                obligations,
                counts["bound"],
                counts["consultations"],
                len(r.consultations),
                counts["violations"],
                len(r.violations),
                len(r.joiners),
            )
        )
    rows.sort()
    mid = band(rows)
    names = (
        "obligations cited",
        "binding finds held",
        "consultation finds",
        "consultations reported",
        "violation finds",
        "violations reported",
        "joiners",
    )
    print("median band (by obligations cited), means per cascade:")
    for i, name in enumerate(names):
        print(f"  {name}: {statistics.mean(r[i] for r in mid):.1f}")
    print(
        f"citations over all {len(rows)} dyads: {cites[0]}, of a key cited before: {cites[1]} "
        f"({100 * cites[1] / cites[0]:.1f}%)"
    )


if __name__ == "__main__":
    main()
