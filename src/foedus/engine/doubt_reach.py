"""Whom a doubt concerns in this war: the states whose answer would differ were what it says may have been so.

A doubt (`foedus.engine.doubts`) is listed in a war one of its treaty's parties fights; it is noise where it could
change nothing (Kensington, whose entry into force was not found, in a war the UK and Germany already fight on one
side; a state that may already have joined a pact whose other members are bound as it would be). Whether it could
is the engine's own answer: the reference cascade is run again on the date's table read as the doubt says it may
have been (`foedus.engine.assumption`; `foedus.engine.table.compile_table`'s `assumed`), and the two answers are
compared state by state. Every rule (`foedus.engine.rules.evaluate` and the binder's reading of sides) is the
engine's; nothing here reads a clause. Where the table read so gives every leg the rules read (`rules.alike`) as the
date's table does (France–Djibouti 2024, not found in force, repeats the 2011 clause in force), no answer can differ
and the cascade is not run again (`alike`, found once per table and hypothesis, whatever the war).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from foedus.engine import rules
from foedus.engine.assumption import Assumption
from foedus.engine.table import LegTable, compile_table

if TYPE_CHECKING:
    from foedus.engine.result import CascadeResult
    from foedus.engine.scenario import Scenario
    from foedus.model.world import World

__all__ = ["Rerun", "alike", "may_reach", "reached", "stands"]

# the reference cascade on a given table (`foedus.engine.cascade.run_cascade`, which hands itself to the result's
# making: this module, which the result reads, imports no cascade)
Rerun = Callable[["World", "Scenario", LegTable], "CascadeResult"]


def stands(result: CascadeResult) -> dict[str, set[tuple[str, ...]]]:
    """What the answer binds each state to: a side, neither (a conflict), to stay out toward a state, to consult one,
    to support one (by form), or that it breaks a clause against one. A withheld leg binds no one: not counted."""
    out: dict[str, set[tuple[str, ...]]] = {}
    items = ([(state, ("joins", side)) for state, side in result.joined()]
             + [(c.state, ("conflicted",)) for c in result.conflicts]
             + [(n.state, ("neutral", n.toward)) for n in result.neutral]
             + [(c.state, ("consults", c.with_)) for c in result.consultations]
             + [(v.state, ("violates", v.against)) for v in result.violations]
             + [(s.state, ("supports", s.supports, s.form)) for s in result.supporters])
    for state, item in items:
        out.setdefault(state, set()).add(item)
    return out


def reached(world: World, scenario: Scenario, index: LegTable, before: Callable[[], Mapping[str, set[tuple[str, ...]]]],
            assumed: Assumption, rerun: Rerun) -> frozenset[str]:
    """The states whose answer differs (`stands`) where what `assumed` says may have been so is (the cascade run again
    on the date's table read so, `rerun`), from `before()`, the stands of the answer on the record: something added (a
    side, a clause broken) or taken away (a joiner made a conflict no longer joins; a state bound only to help it no
    longer is). None where the doubt could change nothing in this war, or in any (not `may_reach`): then neither
    `before` (hundreds of items in a large war) is read nor the cascade run again. The table is made once per table
    and assumption."""
    if not may_reach(world, scenario, index, assumed):
        return frozenset()
    after = stands(rerun(world, scenario, _table(world, scenario, index, assumed)))
    record = before()
    return frozenset(state for state in record.keys() | after.keys()
                     if record.get(state, set()) != after.get(state, set()))


def may_reach(world: World, scenario: Scenario, index: LegTable, assumed: Assumption) -> bool:
    """Whether what `assumed` says may change any answer on the date's table `index` (not `alike`: found once per
    table and assumption, with the table read so), so that the answer on the record need be read (`stands`) only
    then: at 2025-06-01 every doubt looked at in a war is `alike` (36 in dyads 300-399 of bench/profile/cascades)."""
    return not index.derived(("alike", assumed), lambda: _alike(world, scenario, index, assumed))


def _alike(world: World, scenario: Scenario, index: LegTable, assumed: Assumption) -> bool:
    """`alike` of the date's table and the table read as `assumed` says, which is kept on `index` (`_table`) only
    where not alike: an alike one is never read again, and kept on every cached date's table it held a whole table's
    clauses each (the backtest's peak memory, docs/performance.md)."""
    table = _assumed(world, scenario, assumed)
    same = alike(index, table, assumed.treaty)
    if not same:
        index.derived(("assumed", assumed), lambda: table)
    return same


def _table(world: World, scenario: Scenario, index: LegTable, assumed: Assumption) -> LegTable:
    """The date's table `index` read as `assumed` says, made once per table and assumption (kept by `_alike`)."""
    return index.derived(("assumed", assumed), lambda: _assumed(world, scenario, assumed))


def _assumed(world: World, scenario: Scenario, assumed: Assumption) -> LegTable:
    """The date's table read as `assumed` says; its result lists no doubts (seeded None, so that no doubt is looked
    for, nor run again, inside the hypothesis, on any day: `foedus.engine.outcome.doubts_of`)."""
    table = compile_table(world, scenario.date, scenario.basis, assumed=(assumed,))
    table.derived("doubts", lambda: None)
    return table


def alike(index: LegTable, table: LegTable, treaty: str) -> bool:
    """Whether `table`, the date's table `index` with `treaty` read otherwise, gives the same states and every leg owed
    to each state (of the kinds and to the states `treaty` has legs for in either) and every support leg the same
    reading (`rules.alike`): then every deterministic engine's answer is the same, citations aside."""
    if index.states() != table.states():
        return False
    seen: dict[int, rules.alike.Reading] = {}
    same = all(rules.alike.readings(index.owed_to(*key), seen) == rules.alike.readings(table.owed_to(*key), seen)
               for key in index.keys_of(treaty) | table.keys_of(treaty))
    return same and ({rules.alike.support_reading(s) for s in index.support}
                     == {rules.alike.support_reading(s) for s in table.support})
