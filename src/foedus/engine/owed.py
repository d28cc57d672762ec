"""The legs owed to one state, as the reference engine's binder (`foedus.engine.bind`) reads them, and how it
finds the attacks of a volley that concern a leg."""

from __future__ import annotations

import functools
from bisect import bisect_left
from collections.abc import Callable, Sequence, Set

from foedus.datarecord import dataclass
from foedus.engine.leg import Counterparts, Leg
from foedus.engine.rules import Volley, attacker_role, verdict, where
from foedus.engine.table import LegTable
from foedus.model.vocab import Kind

__all__ = ["ByObligor", "LedgerKey", "Owed", "Ranked", "Read", "ReadByObligor", "admitted_by", "all_but",
           "first_admitted", "indices", "owed_legs", "read", "scan", "spared"]

Ranked = list[tuple[int, Leg]]
ByObligor = dict[str, tuple[tuple[int, Leg], ...]]  # ranked legs by obligor, obligors in the order of their first leg
# a ranked leg with what the binder reads of it per look: its id (the verdicts' key), whether it admits any
# counterpart, and the ledger's keys of what it finds, made once per table (`read`): for a defence leg, its obligation
# to the attacking side and to the defending side (obligor, treaty, article, side); for a consultation leg, its
# consultation (obligor, victim, treaty, article), twice
LedgerKey = tuple[str, str, str, str]
Read = tuple[int, Leg, int, bool, LedgerKey, LedgerKey]
ReadByObligor = dict[str, tuple[Read, ...]]


@dataclass(frozen=True, slots=True)
class Owed:
    """The legs owed to one state, each with its rank among its kind's legs."""

    nonaggression: ByObligor  # they bind only on their obligor's attacks
    aggressors: frozenset[str]  # the obligors of those
    consultation: ReadByObligor
    neutrality: Ranked
    neutral_by_obligor: ByObligor  # the same legs by obligor (a violation when it attacks the victim)
    partner: Ranked  # neutrality legs that bind when this state attacks
    defence: ReadByObligor
    offence: Ranked


def owed_legs(table: LegTable, state: str) -> Owed:
    """The legs owed to `state` in `table`."""
    neutrality = list(enumerate(table.owed_to(Kind.NEUTRALITY, state)))
    nonaggression = _by_obligor(table, Kind.NONAGGRESSION, state, lambda leg: attacker_role(leg) == "obligor")
    return Owed(nonaggression, frozenset(nonaggression), read(_by_obligor(table, Kind.CONSULTATION, state), state),
                neutrality, _by_obligor(table, Kind.NEUTRALITY, state),
                [(rank, leg) for rank, leg in neutrality if where.binds_when_partner_attacks(leg.provision)],
                read(_by_obligor(table, Kind.DEFENSE, state)), list(enumerate(table.owed_to(Kind.OFFENSE, state))))


def read(legs: ByObligor, victim: str | None = None) -> ReadByObligor:
    """Each leg with what the binder reads of it on every look (`Read`), so that a look reads no attributes and makes
    no key: the defence and consultation legs are looked at hundreds of times a cascade (docs/performance.md,
    sessions 30 and 35). With `victim`, the legs are consultation legs owed to it; else defence legs."""
    return {o: tuple([(rank, leg, id(leg), leg.counterparts.anyone, *_keys(o, leg.treaty.id, leg.provision.article,
                                                                            victim)) for rank, leg in ranked])
            for o, ranked in legs.items()}


@functools.lru_cache(maxsize=1 << 16)
def _keys(obligor: str, treaty: str, article: str, victim: str | None) -> tuple[LedgerKey, LedgerKey]:
    """A leg's keys in the ledger (`Read`), one pair per process for the legs of every table (cached): each table's
    own pairs, kept by every cached table, were the backtest's largest store (docs/performance.md, session 42)."""
    if victim is not None:
        consultation = (obligor, victim, treaty, article)
        return consultation, consultation
    return (obligor, treaty, article, "attack"), (obligor, treaty, article, "defense")


def _by_obligor(table: LegTable, kind: Kind, state: str, keep: Callable[[Leg], bool] | None = None) -> ByObligor:
    out: dict[str, Ranked] = {}
    for rank, leg in enumerate(table.owed_to(kind, state)):
        if keep is None or keep(leg):
            out.setdefault(leg.obligor, []).append((rank, leg))
    return {o: tuple(legs) for o, legs in out.items()}


def spared(leg: Leg) -> str | None:
    """The counterpart a leg never binds against (the attacker, for a leg owed to the victim; the victim, for one owed
    to the attacker): its own obligor, as the rule says (`rules.verdict.spares_own_attack`), or None."""
    return leg.obligor if verdict.spares_own_attack(leg) else None


def first_admitted(leg: Leg, vol: Volley) -> int | None:
    """The first attack of the volley that the leg binds against (`rules.verdict.binds_against`): the first it
    admits, less its obligor's own attacks where the rule spares them (`spared`, read where the obligor attacks)."""
    who = leg.counterparts
    if who.anyone and vol.attackers[0] != leg.obligor:
        return 0
    return scan(vol, spared(leg) if leg.obligor in vol.members else None, who.admits)


def scan(vol: Volley, skip: str | None, admits: Callable[[str], bool]) -> int | None:
    """The first attack of the volley whose attacker `admits` admits, made by another state than `skip`."""
    for i, attacker in enumerate(vol.attackers):
        if attacker != skip and admits(attacker):
            return i
    return None


def indices(vol: Volley, states: frozenset[str]) -> list[int]:
    """The attacks of the volley made by a state in `states`, in order."""
    if not states:
        return []
    common = vol.members & states
    if not common:
        return []
    if vol.block >= 0:  # home strikes: sorted, never repeated attackers
        return _sorted_at(vol.attackers, common) if len(common) > 1 else [
            bisect_left(vol.attackers, next(iter(common)))]
    return _at(vol.attackers, common)


def _sorted_at(attackers: Sequence[str], common: Set[str]) -> list[int]:
    """`indices` where attackers are sorted and never repeated (its comprehension, kept out of it: below)."""
    return sorted([bisect_left(attackers, s) for s in common])


def _at(attackers: Sequence[str], common: Set[str]) -> list[int]:
    """`indices` of other volleys: the attacks, by index, made by a state in `common`."""
    return [i for i, a in enumerate(attackers) if a in common]


# Helpers of the binder's hot methods (`foedus.engine.bind`), each a function of its own: a comprehension or
# generator in a function makes a cell for each name of the function it reads, on every call, even where it never
# runs (a closure: Python 3.11)


def admitted_by(who: Counterparts, attackers: Sequence[str]) -> list[int]:
    """The attacks, by index, whose attacker a leg's counterparts `who` admit."""
    return [i for i, a in enumerate(attackers) if who.admits(a)]


def all_but(admitted: Sequence[int], attackers: Sequence[str], obligor: str) -> list[int]:
    """The `admitted` attacks that are not `obligor`'s."""
    return [i for i in admitted if attackers[i] != obligor]
