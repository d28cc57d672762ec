"""Whom a treaty whose entry into force was not found would bind, in this war, to something the answer does not have.

Such a treaty may be in force on any day from its window's `since` (`foedus.engine.doubts._unfound`), so its doubt
holds on every day, not near one: listed in every war one of its parties fights, it is noise where it could change
nothing (Kensington in a war the UK and Germany already fight on one side). Whether it could is the engine's own
answer: the reference cascade is run again on the date's table with the treaty counted from its signature, as if in
force (`foedus.engine.table.compile_table`'s `assumed`), and the two answers are compared state by state. Every rule
(`foedus.engine.rules.evaluate` and the binder's reading of sides) is the engine's; nothing here reads a clause.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from foedus.engine.table import LegTable, compile_table

if TYPE_CHECKING:
    from foedus.engine.result import CascadeResult
    from foedus.engine.scenario import Scenario
    from foedus.model.world import World

__all__ = ["Rerun", "reached", "stands"]

# the reference cascade on a given table (`foedus.engine.cascade.run_cascade`, which hands itself to the result's
# making: this module, which the result reads, imports no cascade)
Rerun = Callable[["World", "Scenario", LegTable], "CascadeResult"]


def stands(result: CascadeResult) -> dict[str, set[tuple[str, ...]]]:
    """What the answer binds each state to: a side, neither (a conflict), to stay out toward a state, to consult one,
    to support one (by form), or that it breaks a clause against one. A withheld leg binds no one: not counted."""
    out: dict[str, set[tuple[str, ...]]] = {}
    items = ([(j.state, ("joins", j.side)) for j in result.joiners]
             + [(c.state, ("conflicted",)) for c in result.conflicts]
             + [(n.state, ("neutral", n.toward)) for n in result.neutral]
             + [(c.state, ("consults", c.with_)) for c in result.consultations]
             + [(v.state, ("violates", v.against)) for v in result.violations]
             + [(s.state, ("supports", s.supports, s.form)) for s in result.supporters])
    for state, item in items:
        out.setdefault(state, set()).add(item)
    return out


def reached(world: World, scenario: Scenario, index: LegTable, result: CascadeResult, treaty: str,
            rerun: Rerun) -> frozenset[str]:
    """The states that the answer with `treaty` in force (from its signature) binds to something `result`, the answer
    without it, does not (`stands`): none where the treaty could change nothing in this war. `rerun`: the cascade."""
    table = index.derived(("assumed in force", treaty), lambda: _assumed(world, scenario, treaty))
    other = rerun(world, scenario, table)
    before = stands(result)
    return frozenset(state for state, items in stands(other).items() if not items <= before.get(state, set()))


def _assumed(world: World, scenario: Scenario, treaty: str) -> LegTable:
    """The date's table with `treaty` counted from its signature; its result lists no doubts (seeded empty, so that
    no doubt is looked for, nor run again, inside the hypothesis)."""
    table = compile_table(world, scenario.date, scenario.basis, assumed=frozenset({treaty}))
    table.derived("doubts", list)
    return table
