"""What a reference cascade has found so far, kept so that a round can record what it finds volley by volley
and still get the records the attack-by-attack engine gets, and so that a run can go back to a round's start.

Each find is a `Found`: the round, the attack that set it off (attack i of a volley), the rule and the leg's
rank (their place in the attack-by-attack engine's order), the leg, and a side or a reason. The attack-by-attack
engine keeps the first find per key (an obligation bound, a consultation, a violation, a withheld leg): when a
round finds a key twice, the find that comes first in that order is kept. Withheld legs are only logged, every
find with its key: the result picks each key's first and names the states of the others
(`foedus.engine.held_toward.records`). Neutrality duties are all kept, in that order, as `Duties`: one leg's
duties from the attacks of one volley at once. The tables only grow within a run, so going back to a round's start
is cutting them to the sizes they had then.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import islice
from typing import Any, Protocol, TypeVar

from foedus.cited import cited
from foedus.datarecord import dataclass, field
from foedus.engine.certainty import fact_reason, source_of
from foedus.engine.leg import Leg
from foedus.engine.maker import maker
from foedus.engine.records import Because, CertaintyReason, Consultation, Neutral, Violation, Withheld
from foedus.engine.rules import Volley, gate_doubt, gate_reason
from foedus.engine.scenario import Attack
from foedus.model.vocab import CERTAINTY_RANK, Certainty, Kind, worst

__all__ = ["Certify", "Duties", "Found", "Interned", "Ledger", "Sureness", "attack_of", "because", "because_of",
           "consultations_of", "finds", "found_key", "intern", "interned", "keep", "latest", "neutral_records",
           "obligation_key", "order_of", "violations_of", "withheld_all", "withheld_record"]

# (round, volley, attack index, rule, rank of the leg, leg, side; for a withheld leg, the gate that holds it back)
Found = tuple[int, Volley, int, int, int, Leg, str]
# (round, volley, attack indices, rule, rank of the leg, leg): the leg's duty on each of those attacks
Duties = tuple[int, Volley, Sequence[int], int, int, Leg]
# a finding's certainty: its level and a reason per fact that lowers it (`foedus.engine.citing.sureness`)
Sureness = tuple[str, tuple[CertaintyReason, ...]]
# records already made, by what they are made from (records are immutable, so equal ones are shared): kept
# per leg table, whose legs the keys name by id
Interned = dict[tuple[object, ...], Any]
K = TypeVar("K")
V = TypeVar("V")
R = TypeVar("R")
_MOST = 50_000  # records interned per leg table before the store starts afresh (bounded: tables are cached)
_make_neutral, _make_consultation, _make_violation = maker(Neutral), maker(Consultation), maker(Violation)
_make_because = maker(Because)  # `because` makes one per attack its cache has not kept: tens per cascade


class Certify(Protocol):
    """How certain a find's facts are in one scenario (`foedus.engine.citing.Certifier`); `view`, the scenario's
    territorial reading, is part of what a record made with it is kept under (`intern`); `names`, each state's name
    by its id, name the state in a withheld leg's reason."""

    @property
    def view(self) -> str: ...
    @property
    def names(self) -> Mapping[str, str]: ...

    def __call__(self, f: Found, /) -> Sureness: ...


def finds(duties: Duties) -> list[Found]:
    """Each duty of a `Duties` as a find, in order."""
    rnd, vol, indices, rule, rank, leg = duties
    return [(rnd, vol, i, rule, rank, leg, "") for i in indices]


def order_of(found: Found) -> tuple[object, int, int]:
    """Where the attack-by-attack engine meets a find within its round: its attack's index in the round, or for
    the escalatory reading's home strikes its block, attacker and victim (comparable within one round)."""
    vol, i = found[1], found[2]
    block = vol.block
    if block < 0:
        return (vol.positions[i],), found[3], found[4]
    if block == 0:
        return (0, vol.attackers[i], vol.victim), found[3], found[4]
    return (1, vol.victim, vol.attackers[i]), found[3], found[4]


def attack_of(found: Found) -> Attack:
    """The attack that set the find off."""
    return found[1].attack(found[2])


def because_of(found: Found) -> Because:
    """The find's attack as a `Because` (records are immutable, so equal ones are shared)."""
    vol, i = found[1], found[2]
    return because(vol.victim, vol.attackers[i], vol.place, vol.kind)


@functools.lru_cache(maxsize=4096)
def because(attacked: str, by: str, place: str, kind: str) -> Because:
    """The `Because` of these fields (shared: records are immutable)."""
    return _make_because(attacked, by, place, kind)


@dataclass
class Ledger:
    """The finds of a run: first finds per key (kept for the whole run) and this round's joins and duties."""

    rnd: int = 0
    consultations: dict[tuple[str, str, str, str], Found] = field(default_factory=dict)
    violations: dict[tuple[str, str, str], Found] = field(default_factory=dict)
    withheld: list[tuple[tuple[str, str, str], Found]] = field(default_factory=list)  # every withheld find
    bound: dict[tuple[str, str, str, str], Found] = field(default_factory=dict)
    joins: dict[str, list[Found]] = field(default_factory=dict)  # this round: obligations by obligor
    duties: list[Duties] = field(default_factory=list)  # this round: neutrality duties
    passed: list[Found] = field(default_factory=list)  # binding finds not kept (`bind`): for `stay_out.yielded`

    def first(self, table: dict[K, Found], key: K, found: Found) -> bool:
        """Keep `found` under `key` unless an earlier find holds it; whether it was kept. Its first case (no find
        held) is written inline in `Binder._consultations` and `Binder._nonaggression` for speed: change all three."""
        held = table.get(key)
        if held is None:
            table[key] = found
            return True
        if held[0] == found[0] and order_of(found) < order_of(held):
            table[key] = found
            return True
        return False

    def bind(self, key: tuple[str, str, str, str], found: Found) -> None:
        """An obligation bound by this round's find (the first per obligor, treaty, article and side).

        Finds come volley by volley, in the round's order of volleys (`rules.next_volleys`). Of the escalatory
        reading's home strikes (block 0, then block 1, one volley per victim, victims sorted) a find held from an
        earlier volley of the round comes first (`order_of`) when the new find's volley is of block 1, or of block
        0 and its attacker is not before the held one's: such a find (about a third of all, the same obligor
        bound again through another victim of its treaty) is passed over without comparing orders. Its first case
        (a new key) is written inline in `Binder._defence` for speed: change both. A find not kept: `passed`."""
        held = self.bound.get(key)
        if held is None:
            self.bound[key] = found
            self.joins.setdefault(found[5].obligor, []).append(found)
            return
        vol, was = found[1], held[1]
        if held[0] != found[0] or (was is not vol and vol.block >= 0 and (
                vol.block or was.attackers[held[2]] <= vol.attackers[found[2]])) or order_of(found) >= order_of(held):
            return self.passed.append(found)
        self.bound[key], joins = found, self.joins[found[5].obligor]
        joins[:] = _without_find(joins, held)
        joins.append(found)
        self.passed.append(held)

    def new_round(self, rnd: int) -> None:
        """Start round `rnd`."""
        self.rnd, self.joins, self.duties = rnd, {}, []

    def sizes(self) -> tuple[int, int, int, int, int]:
        """The sizes to cut back to (`cut`)."""
        return len(self.consultations), len(self.violations), len(self.withheld), len(self.bound), len(self.passed)

    def cut(self, sizes: tuple[int, int, int, int, int]) -> None:
        """Back to the tables as they were at `sizes`."""
        n_con, n_vio, n_wit, n_bound, n_passed = sizes
        self.consultations, self.violations = _head(self.consultations, n_con), _head(self.violations, n_vio)
        self.withheld, self.bound = self.withheld[:n_wit], _head(self.bound, n_bound)
        self.passed = self.passed[:n_passed]


def _head(d: dict[K, V], n: int) -> dict[K, V]:
    """The first `n` entries of an insertion-ordered dict."""
    return d if len(d) == n else dict(islice(d.items(), n))


def interned() -> Interned:
    """An empty store of records (`intern`)."""
    return {}


RankKey = tuple[int, int, int, int, int, int, str, str]


def obligation_key(f: Found, certainty: str) -> RankKey:
    """Which of a state's binding finds is its primary obligation: the strongest; defence before offence; the best
    sourced (`certainty`, its obligation's); a curated treaty before an ATOP alliance; bilateral before multilateral;
    the oldest (the founding commitment: NATO's Art. 5 before the EU's Art. 42(7), which defers to it for NATO's
    members); then by treaty and article (read from the find's leg, as its obligation would say)."""
    leg = f[5]
    p, t = leg.provision, leg.treaty
    return (int(p.strength.value[1]), 0 if p.kind is Kind.DEFENSE else 1, CERTAINTY_RANK[certainty],  # type: ignore[index]
            1 if t.origin == "atop" else 0, 0 if t.type == "bilateral" else 1, t.signed.toordinal(), t.id, p.article)


def found_key(f: Found) -> tuple[int, tuple[object, int, int]]:
    """Where a find comes in its run: its round, then its order in the round."""
    return f[0], order_of(f)


def intern(store: Interned, finds: Iterable[Found], make: Callable[[Found, Certify], R], sure: Certify) -> list[R]:
    """The records `make` makes of the finds, in order, with their certainty (`sure`), each kept in `store` under
    what it is made from (the leg, the attack and the territorial reading; not the round nor the rule) and shared
    from there. One call for all of a result's records of a kind, not one (and a read of `sure.view`) per record."""
    view, get, out = sure.view, store.get, []
    for f in finds:
        vol = f[1]
        key = (make, id(f[5]), vol.victim, vol.attackers[f[2]], vol.place, vol.kind, view)
        found: R | None = get(key)
        out.append(keep(store, key, make(f, sure)) if found is None else found)
    return out


def keep(store: Interned, key: tuple[object, ...], record: R) -> R:
    """`record` kept in `store` under `key` (the store starts afresh when full: it is bounded)."""
    if len(store) >= _MOST:
        store.clear()
    store[key] = record
    return record


def latest(finds: Iterable[Found]) -> dict[tuple[str, str, str], Found]:
    """The last find per obligor, beneficiary and treaty, of finds given round by round (what sorting them by
    `found_key` and keeping the last per key gives, without the sort)."""
    last: dict[tuple[str, str, str], Found] = {}
    for f in finds:
        leg = f[5]
        key = (leg.obligor, leg.beneficiary, leg.treaty.id)
        held = last.get(key)
        if held is None or held[0] != f[0] or order_of(f) >= order_of(held):
            last[key] = f
    return last


def neutral_records(finds: list[Found], sure: Certify, ordered: bool = False,
                    store: Interned | None = None) -> list[Neutral]:
    """Neutrality duties as records, in the order the attack-by-attack engine finds them (or as given)."""
    ordered_finds = finds if ordered else sorted(finds, key=found_key)
    if store is None:
        return [_neutral(f, sure) for f in ordered_finds]
    return intern(store, ordered_finds, _neutral, sure)


def _neutral(f: Found, sure: Certify) -> Neutral:
    leg = f[5]
    return _make_neutral(leg.obligor, leg.beneficiary, leg.treaty.id, leg.provision.article, because_of(f), *sure(f),
                         leg.instrument)


def consultations_of(finds: Iterable[Found], sure: Certify, store: Interned) -> list[Consultation]:
    """Consultation finds as their records, in order (`intern`)."""
    return intern(store, finds, _consultation, sure)


def _consultation(f: Found, sure: Certify) -> Consultation:
    leg = f[5]
    return _make_consultation(leg.obligor, leg.beneficiary, leg.treaty.id, leg.provision.article, because_of(f),
                              *sure(f), leg.instrument, None, None)  # its limit: `limits_said`


def violations_of(finds: Iterable[Found], sure: Certify, store: Interned) -> list[Violation]:
    """Violation finds as their records, in order (`intern`)."""
    return intern(store, finds, _violation, sure)


def _violation(f: Found, sure: Certify) -> Violation:
    leg = f[5]
    kind = "nonaggression" if leg.provision.kind is Kind.NONAGGRESSION else "neutrality"
    return _make_violation(leg.obligor, leg.beneficiary, leg.treaty.id, leg.provision.article, kind, because_of(f),
                           *sure(f), leg.instrument)


def withheld_all(finds: Sequence[Found], sure: Certify, store: Interned) -> list[Withheld]:
    """Each withheld leg of `finds` as its record (with the ATOP conditions read as unmet, when they withhold it), and
    how certain the facts are that it rests on: those it would bind by, and the gate that holds it back where the
    gate's own wording is not verified (the US Senate's understanding on the US-ROK treaty). Kept in `store`, as
    `intern` keeps records, under all it is made from: the leg, the gate, and the attack but for its attacker (a
    withheld record names no attack). One call for all of a key's finds (dozens, in an escalatory war)."""
    view, get = sure.view, store.get
    return [get(key := (withheld_record, id(f[5]), f[6], (vol := f[1]).victim, vol.place, vol.kind, view))
            or keep(store, key, withheld_record(f[5], f[6], sure(f), sure.names)) for f in finds]


def withheld_record(leg: Leg, gate: str, sure: Sureness, names: Mapping[str, str]) -> Withheld:
    """A withheld leg's record (`withheld_all`'s) from the leg, the name of the `gate` that holds it back and the
    certainty of the facts the leg would bind by; `names` name the states in the gate's reason."""
    gaps = tuple(leg.provision.unresolved) if gate == "unresolved" else ()
    level, reasons = sure
    doubt = gate_doubt(leg, gate)
    if doubt is not None:
        p = leg.provision
        held = f"{cited(leg.treaty.id, p.article)}: the condition that holds it back"
        reasons = (*reasons, fact_reason("article", held, doubt, source_of(leg.treaty, p.source)))
        level = worst([Certainty(level), doubt]).value
    return Withheld(leg.obligor, leg.treaty.id, leg.provision.article, gate_reason(leg, gate, names), gaps, level,
                    reasons, leg.beneficiary)


def _without_find(finds: list[Found], held: Found) -> list[Found]:
    """`finds` less `held` (by identity): `Ledger.bind`'s comprehension, a function of its own so that `bind` makes
    no cell of `held` on every call."""
    return [f for f in finds if f is not held]
