"""The obligations a prevailing duty not to fight sets aside (`foedus.engine.rules.precedence`), reported as withheld
legs whose reason cites the priority clause, with how well that clause is known.

The table's legs already spare the protected state in every engine; this finds, from a finished run's attacks, which
of the spared legs would have bound (they decide no side). The reference engine and its legacy copy both call it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Set
from typing import TYPE_CHECKING

from foedus.cited import cited
from foedus.datarecord import replace
from foedus.engine.certainty import fact_reason, how_known
from foedus.engine.citing import sureness
from foedus.engine.held_toward import merged
from foedus.engine.records import Withheld
from foedus.engine.rules import Situation, binds_against, counterparts_of, evaluate, precedence
from foedus.model.vocab import Certainty, Kind, worst
from foedus.wording import named_state

if TYPE_CHECKING:
    from foedus.engine.leg import Leg
    from foedus.engine.records import CertaintyReason
    from foedus.engine.rules import Volley
    from foedus.engine.scenario import Attack
    from foedus.engine.table import LegTable
    from foedus.model.priority import Priority
    from foedus.model.treaty import Treaty

__all__ = ["candidates", "set_aside", "set_aside_reason", "withheld_by"]

Key = tuple[str, str, str]  # obligor, treaty id, article: as a withheld leg's


def set_aside(table: LegTable, rounds: Iterable[tuple[Situation, Iterable[Attack]]], skip: Set[str],
              names: Mapping[str, str]) -> dict[Key, Withheld]:
    """The legs per obligor, treaty and article that a prevailing duty sets aside and that would have bound on the
    run's attacks (`rounds`: each round's situation and attacks, in order; within a round the attacks are read
    sorted, so that engines that make them in another order agree), less the legs of states in `skip` (those
    fighting, or excluded): one record per key, the first leg's, naming the states the others are owed to and their
    facts (`held_toward.merged`, as for a leg a gate holds back)."""
    out: dict[Key, list[Withheld]] = {}
    if not table.bars:
        return {}
    protected = table.derived("precedence protected", lambda: precedence.protected(table.bars))
    for ctx, attacks in rounds:
        for attack in sorted(attacks, key=lambda a: (a.attacker, a.victim, a.place, a.kind)):
            if (by := protected.get(attack.attacker)) is not None and not by <= skip:
                _find(out, table, table.owed_to(Kind.DEFENSE, attack.victim), attack.attacker, by, attack, ctx, skip,
                      names)
            if (by := protected.get(attack.victim)) is not None and not by <= skip:
                _find(out, table, table.owed_to(Kind.OFFENSE, attack.attacker), attack.victim, by, attack, ctx, skip,
                      names)
    return {key: merged(found[0], found[1:], names) for key, found in out.items()}


def candidates(table: LegTable, volleys: Iterable[Volley]) -> list[Attack]:
    """The attacks of `volleys` that may set a leg aside (`set_aside` reads no other): by a protected state on a
    victim owed a defence leg that one of its protectors owes under another treaty, or on a protected state by an
    attacker owed such an offence leg. Most volleys are passed over on their victim alone."""
    near = table.derived("precedence protected", lambda: precedence.protected(table.bars))
    defended: dict[str, frozenset[str]] = table.derived(("precedence guarded", Kind.DEFENSE), dict)
    out: list[Attack] = []
    for v in volleys:
        guarded = defended.get(v.victim)
        if guarded is None:
            guarded = defended[v.victim] = _guarded(table, Kind.DEFENSE, v.victim)
        if v.victim in near:
            offered: dict[str, frozenset[str]] = table.derived(("precedence guarded", Kind.OFFENSE), dict)
            out.extend(v.attack(i) for i, a in enumerate(v.attackers) if a in guarded or v.victim in (
                offered[a] if a in offered else offered.setdefault(a, _guarded(table, Kind.OFFENSE, a))))
        elif guarded:
            out.extend(v.attack(i) for i, a in enumerate(v.attackers) if a in guarded)
    return out


def _guarded(table: LegTable, kind: Kind, owed: str) -> frozenset[str]:
    """The protected states a leg of `kind` owed to `owed` may be set aside against: those the rule's one form,
    `precedence.against`, takes out of its counterparts (kept per table by `candidates`)."""
    return frozenset(p for leg in table.owed_to(kind, owed) if leg.obligor in table.bars
                     for p in precedence.against(table.bars, kind, leg.obligor, leg.treaty.id))


def _find(out: dict[Key, list[Withheld]], table: LegTable, legs: Iterable[Leg], spared: str, by: frozenset[str],
          attack: Attack, ctx: Situation, skip: Set[str], names: Mapping[str, str]) -> None:
    """Record the `legs` that spare `spared` only by precedence (legs of the obligors `by` whose prevailing duty
    protects it) and would bind on `attack` without it, each after those found before under its key."""
    for leg in legs:
        if leg.obligor not in by or leg.obligor in skip:
            continue
        key = (leg.obligor, leg.treaty.id, leg.provision.article)
        if leg.counterparts.admits(spared):
            continue
        if spared not in precedence.against(table.bars, leg.provision.kind, leg.obligor, leg.treaty.id):
            continue  # no prevailing duty sets the leg aside against `spared` (the rule's one form)
        prevails = table.bars[leg.obligor][spared]
        whole = replace(leg, counterparts=counterparts_of(leg.provision, leg.parties))
        if binds_against(whole, spared) and evaluate(whole, attack, ctx).binds:
            level, reasons = sureness(whole, attack, ctx.scenario, ctx.places[attack.place], names)
            out.setdefault(key, []).append(withheld_by(key, spared, prevails, level, reasons, names,
                                                       toward=leg.beneficiary))


def withheld_by(key: Key, spared: str, prevails: Treaty, level: str, reasons: tuple[CertaintyReason, ...],
                names: Mapping[str, str], why: str = "", *, toward: str = "") -> Withheld:
    """The leg `key` (obligor, treaty, article; as sure as `level` and `reasons` say; owed to `toward`) set aside
    against `spared` by `prevails`' priority clause, whose doubt, where it is not verified, the record carries (`why`:
    as for `set_aside_reason`)."""
    priority = prevails.priority
    if priority is None:  # `precedence.bar`, the one writer of `bars`, notes only such treaties
        raise RuntimeError(f"{prevails.id} sets a leg aside but has no priority clause")
    if priority.certainty is not Certainty.VERIFIED:
        held = f"{cited(prevails.id, priority.article)}: the priority clause that sets it aside"
        reasons = (*reasons, fact_reason("article", held, priority.certainty, priority.source))
        level = worst([Certainty(level), priority.certainty]).value
    return Withheld(*key, set_aside_reason(key[0], spared, prevails, priority, names, why), (), level,
                    reasons, toward)


def set_aside_reason(obligor: str, spared: str, prevails: Treaty, priority: Priority, names: Mapping[str, str],
                     why: str = "") -> str:
    """Why a leg is set aside: the treaty (`prevails`) and article of its priority clause, and the clause's doubt when
    it is not verified. `why`: how the leg would mean fighting `spared` where it is not a duty to fight `spared`
    itself (`foedus.engine.stay_out`); by default it is one, set aside against `spared`."""
    c = priority.certainty
    doubt = "" if c is Certainty.VERIFIED else f" (the priority clause is {how_known(c)})"
    head = f"set aside: {why};" if why else f"set aside against {named_state(spared, names)}:"
    return (f"{head} {cited(prevails.short_name or prevails.id, priority.article)}, "
            f"its priority clause, makes {named_state(obligor, names)}'s duty not to fight "
            f"{named_state(spared, names)} prevail{doubt}")
