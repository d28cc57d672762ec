"""Precedence: a treaty's priority clause (`Treaty.priority`) makes its duty not to fight the other party prevail.

A party S that owes a party P non-aggression or neutrality under a treaty with a priority clause (the Egypt-Israel
and Jordan-Israel peace treaties) is bound by no other treaty's defence or offence clause to fight P: the table
(`foedus.engine.table`) compiles S's defence and offence legs of other treaties with P taken out of their
counterparts (`narrowed`), so every engine reads the rule through `verdict.binds_against`. The reference engine
reports each obligation so set aside that would have bound (`foedus.engine.set_aside`), citing the priority clause.

At side level: a state bound to a side by a third state's attack (an ally of P striking S's ally, or S's ally
striking P's ally) while P fights on the other side is excluded from both sides as the conflict rule says, but is
reported as a conflict only if its other duties not to fight (those that do not prevail: `prevails`) also bar that
side; otherwise it stays out by precedence (`stays_out`), its duty to join the side set aside, citing the clause.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, TypeVar

from foedus.engine.leg import Counterparts
from foedus.engine.rules import conflict
from foedus.model.vocab import Kind

if TYPE_CHECKING:
    from foedus.model.treaty import Provision, Treaty

__all__ = ["PREVAILING", "SET_ASIDE", "Bars", "against", "bar", "narrowed", "prevails", "protected", "stays_out"]

T = TypeVar("T")

PREVAILING = (Kind.NONAGGRESSION, Kind.NEUTRALITY)  # the duties not to fight that a priority clause makes prevail
SET_ASIDE = (Kind.DEFENSE, Kind.OFFENSE)  # the duties to fight they prevail over
Bars = dict[str, dict[str, "Treaty"]]  # obligor S -> state P -> the treaty whose duty not to fight P prevails


def bar(bars: Bars, treaty: Treaty, provision: Provision, obligor: str, beneficiary: str) -> None:
    """Note in `bars` a leg in force (not suspended) of `provision` owed by `obligor` to `beneficiary`, where it is a
    duty not to fight that prevails (the first such treaty, in the world's order, is the one cited)."""
    if treaty.priority is not None and provision.kind in PREVAILING and obligor != beneficiary:
        bars.setdefault(obligor, {}).setdefault(beneficiary, treaty)


def against(bars: Bars, kind: Kind, obligor: str, treaty: str) -> frozenset[str]:
    """The states a leg of `kind` of `treaty` owed by `obligor` does not bind it to fight: those another treaty's
    prevailing duty protects (empty for the kinds that are no duty to fight)."""
    mine = bars.get(obligor)
    if not mine or kind not in SET_ASIDE:
        return frozenset()
    return frozenset(p for p, t in mine.items() if t.id != treaty)


def protected(bars: Bars) -> dict[str, frozenset[str]]:
    """Each state some prevailing duty protects, with the obligors whose duty it is: only an attack by or on such a
    state can set a leg aside, and only a leg of one of those obligors."""
    out: dict[str, set[str]] = {}
    for obligor, per in bars.items():
        for p in per:
            out.setdefault(p, set()).add(obligor)
    return {p: frozenset(obligors) for p, obligors in out.items()}


def narrowed(counterparts: Counterparts, spared: frozenset[str]) -> Counterparts:
    """`counterparts` less the `spared` states (`against`): the leg no longer admits them."""
    if not spared:
        return counterparts
    if counterparts.allow is None:
        return Counterparts(None, counterparts.deny | spared)
    return Counterparts(counterparts.allow - spared, counterparts.deny)


def prevails(bars: Bars, obligor: str, beneficiary: str, treaty: str) -> bool:
    """Whether a duty not to fight `beneficiary` that `obligor` owes under `treaty` is the one that prevails
    (`bar`): the duty a side-level conflict yields to (`stays_out`)."""
    prevailing = bars.get(obligor, {}).get(beneficiary)
    return prevailing is not None and prevailing.id == treaty


def stays_out(attack: T, defense: T, barred_attack: T, barred_defense: T, plain_attack: T, plain_defense: T) -> T:
    """Whether an excluded state (`conflict.conflicted` with every duty not to fight: `barred_*`) stays out by
    precedence rather than being a conflict: its duties that do not prevail alone (`plain_*`) bar neither side it is
    bound to (bools or boolean arrays; for booleans x > y is x and not y)."""
    return (conflict.conflicted(attack, defense, barred_attack, barred_defense)  # type: ignore[no-any-return,operator]
            > conflict.conflicted(attack, defense, plain_attack, plain_defense))
