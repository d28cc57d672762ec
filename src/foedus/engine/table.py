"""Compile a treaty world into the table of directed legs in force on one date.

A leg is one provision owed by one state to another, with what the rules (`foedus.engine.rules`)
decide about it once and for all on that date: whose attack it covers (`counterparts`), which gates
it carries, and which honour commitment (obligor, treaty) it belongs to. Every engine reads this
table. The treaties in force, their parties and the commitments are found when the table is made;
the legs owed to a state are compiled the first time an engine asks for them (`owed_to`), so that a
single cascade compiles the few states it touches and a sweep the whole table (`by_beneficiary`).
"""

from __future__ import annotations

import datetime as dt
import functools
import weakref
from collections.abc import Callable, Collection, Mapping
from typing import TYPE_CHECKING, TypeVar

from foedus.collector import loading
from foedus.datarecord import dataclass, field
from foedus.engine import rules
from foedus.engine.assumption import Assumption, by_treaty, clause_applies, read_as, with_party
from foedus.engine.leg import KIND_ORDER, STRENGTH_ORDER, Counterparts, Leg, owed_under, row_instruments
from foedus.engine.maker import maker
from foedus.engine.rules import precedence
from foedus.engine.scenario import Basis
from foedus.model.parties import party_on
from foedus.model.vocab import Certainty, Kind, Strength
from foedus.model.world import World
from foedus.wording import named_state

if TYPE_CHECKING:
    from foedus.engine.reliability import HonourModel
    from foedus.model.facts import Span
    from foedus.model.treaty import Provision, Treaty

__all__ = ["COMMITTING", "LegTable", "active_members", "compile_table", "leg_table", "parties"]

COMMITTING = (Kind.DEFENSE, Kind.OFFENSE)  # the kinds whose legs are honour commitments (Monte Carlo)
_leg = maker(Leg)  # a table at 2025 makes tens of thousands of legs
_NONE: frozenset[str] = frozenset()  # no state spared by a prevailing duty (`rules.precedence`)
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class _Clause:
    """One provision in force among a treaty's parties: who owes it, to whom, and how its legs are compiled."""

    treaty: Treaty
    provision: Provision
    parties: dict[str, str | None]  # party -> why its membership is suspended (None: it is not)
    obligors: tuple[str, ...]  # sorted
    counterparts: Counterparts
    off: dict[tuple[str, str], str]  # (obligor, beneficiary) -> why the treaty suspends that leg
    everyone: frozenset[str]  # the parties, shared by the clause's legs
    instrument: str  # the treaty's own kind of instrument
    rows: dict[str, str]  # a member row's own, where it differs (`foedus.engine.leg.row_instruments`; mostly empty)


@dataclass
class LegTable:
    """Legs in force on one date, by kind and beneficiary, with the honour commitments."""

    date: dt.date
    basis: Basis
    members: dict[str, frozenset[str]] = field(default_factory=dict)
    commitments: list[tuple[str, str]] = field(default_factory=list)  # (obligor, treaty id)
    strongest: list[tuple[Strength, bool]] = field(default_factory=list)  # per commitment: strength, bilateral
    support: list[rules.SupportLeg] = field(default_factory=list)  # support owed without a duty to fight
    bars: precedence.Bars = field(default_factory=dict)  # prevailing duties not to fight (`rules.precedence`)
    _owed: dict[tuple[Kind, str], list[_Clause]] = field(default_factory=dict, repr=False)  # in compile order
    _legs: dict[tuple[Kind, str], list[Leg]] = field(default_factory=dict, repr=False)
    _commitment: dict[tuple[str, str], int] = field(default_factory=dict, repr=False)
    _gates: dict[tuple[int, int, bool], tuple[str, ...]] = field(default_factory=dict, repr=False)
    _derived: dict[object, object] = field(default_factory=dict, repr=False)  # indexes engines build once

    def owed_to(self, kind: Kind, beneficiary: str) -> list[Leg]:
        """Legs of `kind` owed to `beneficiary`, in total order (compiled on first use)."""
        legs = self._legs.get((kind, beneficiary))
        if legs is None:
            legs = self._legs[(kind, beneficiary)] = self._compile(kind, beneficiary)
        return legs

    @property
    def by_beneficiary(self) -> dict[Kind, dict[str, list[Leg]]]:
        """Every leg, by kind and beneficiary (kinds and beneficiaries in the order the treaties give them)."""
        def build() -> dict[Kind, dict[str, list[Leg]]]:
            out: dict[Kind, dict[str, list[Leg]]] = {}
            for kind, beneficiary in self._owed:
                out.setdefault(kind, {})[beneficiary] = self.owed_to(kind, beneficiary)
            return out

        return self.derived("by_beneficiary", build)

    def legs_of(self, kind: Kind) -> dict[str, list[Leg]]:
        """The legs of one kind by beneficiary, as in `by_beneficiary` (only that kind is compiled)."""
        return {b: self.owed_to(k, b) for k, b in self._owed if k is kind}

    def owed(self, kind: Kind) -> frozenset[str]:
        """The states owed a leg of `kind` (without compiling their legs)."""
        return self.derived(("owed", kind), lambda: frozenset(b for k, b in self._owed if k is kind))

    def owes(self, kind: Kind, beneficiary: str, test: Callable[[Provision], bool] | None = None) -> bool:
        """Whether some leg of `kind` owed to `beneficiary` exists (of a provision passing `test`), read from the
        clauses without compiling the legs: a clause gives a leg to each of its obligors but the beneficiary."""
        return any(any(o != beneficiary for o in c.obligors) and (test is None or test(c.provision))
                   for c in self._owed.get((kind, beneficiary), ()))

    def keys_of(self, treaty: str) -> frozenset[tuple[Kind, str]]:
        """The (kind, beneficiary) whose legs include one of `treaty`'s (looked for in the clauses, not compiled)."""
        return frozenset(key for key, clauses in self._owed.items() if any(c.treaty.id == treaty for c in clauses))

    def derived(self, key: object, build: Callable[[], T]) -> T:
        """An index an engine derives from this table, built once per table (`key` names it)."""
        if key not in self._derived:
            self._derived[key] = build()
        return self._derived[key]  # type: ignore[return-value]

    def all_legs(self) -> list[Leg]:
        """Every leg, in total order."""
        legs = [leg for table in self.by_beneficiary.values() for group in table.values() for leg in group]
        return sorted(legs, key=lambda leg: (leg.sort_key, leg.beneficiary))

    def states(self) -> list[str]:
        """Every state that owes or is owed an obligation on this date, sorted."""
        return sorted({m for ms in self.members.values() for m in ms})

    def honour_probabilities(self, model: HonourModel) -> list[float]:
        """P(honour) of each commitment: the one formula every probabilistic engine uses.

        A state decides once per treaty whether to honour it; the probability is the model's for the
        strongest obligation that state has under the treaty on this date.
        """
        return [model.probability(t, s.value, bilateral, self.date)
                for (_, t), (s, bilateral) in zip(self.commitments, self.strongest, strict=True)]

    def _compile(self, kind: Kind, beneficiary: str) -> list[Leg]:
        """The legs of `kind` owed to `beneficiary`, in total order (`Leg.sort_key`). Each leg is made once: its
        gates are found first, per provision and suspension where every gate allows it; and since a clause's
        legs share all of their sort key but the obligor, the key is made once per clause."""
        legs: list[Leg] = []
        keys: list[tuple[int, int, str, str, str]] = []
        per_provision = rules.gates_per_provision()
        committing = kind in COMMITTING
        commitment, known, bars = self._commitment, self._gates, self.bars
        for clause in self._owed.get((kind, beneficiary), ()):
            treaty, provision, parties, off, counterparts = (clause.treaty, clause.provision, clause.parties,
                                                             clause.off, clause.counterparts)
            tid, owed_why = treaty.id, parties[beneficiary]
            strength, kind_rank = STRENGTH_ORDER[provision.strength], KIND_ORDER[provision.kind]
            rows, own = clause.rows, clause.instrument
            for obligor in clause.obligors:
                if obligor == beneficiary:
                    continue
                instrument = owed_under(rows, own, obligor, beneficiary) if rows else own
                why = parties[obligor] or owed_why or off.get((obligor, beneficiary))
                spared = precedence.against(bars, kind, obligor, tid) if obligor in bars else _NONE
                cp = counterparts if not spared else self.derived(  # one object per clause and spared states
                    ("narrowed", id(counterparts), spared),
                    functools.partial(precedence.narrowed, counterparts, spared))
                index = commitment[(obligor, tid)] if committing else -1
                gate_key = (id(treaty), id(provision), why is not None)
                gates = known.get(gate_key) if per_provision else None
                if gates is None:
                    gates = rules.gates_of(Leg(obligor, beneficiary, treaty, provision, instrument, counterparts, (),
                                               index, why, clause.everyone))
                    if per_provision:
                        known[gate_key] = gates
                legs.append(_leg(obligor, beneficiary, treaty, provision, instrument, cp, gates, index, why,
                                 clause.everyone))
                keys.append((strength, kind_rank, tid, provision.article, obligor))
        return [legs[i] for i in sorted(range(len(legs)), key=keys.__getitem__)]


def parties(treaty: Treaty, day: dt.date, basis: Basis, names: Mapping[str, str]) -> dict[str, str | None]:
    """The parties to `treaty` on `day`, each with the reason its membership is suspended then (None: it is not),
    which names the state by `names` (`foedus.wording.named_state`)."""
    if not treaty.in_effect(day, basis):
        return {}
    out: dict[str, str | None] = {}
    name = treaty.short_name or treaty.id
    for m in treaty.members:
        if party_on(treaty, m, day, basis):
            span = next((sp for sp in m.suspended if sp.covers(day)), None)
            out[m.state] = None if span is None else _suspension(named_state(m.state, names), name, span)
    return out


def _suspension(state: str, treaty: str, span: Span) -> str:
    """Why a party's legs are withheld while its membership is suspended, with how well the suspension is known."""
    return f"{state}'s membership of {treaty} is suspended since {span.start}" + _about(span)


def _about(span: Span) -> str:
    """A suspension's note, and how well it and its days are known (a membership's, or a leg's), in brackets."""
    from foedus.engine.certainty import how_dated, how_known

    about = [span.note] if span.note else []
    if span.certainty is not Certainty.VERIFIED:
        about.append(f"the suspension is {how_known(span.certainty)}")
    if span.start_certainty is not None:
        about.append(f"its start {how_dated(span.start_certainty)}")
    if span.end is not None and span.end_certainty is not None:
        about.append(f"its end ({span.end}) {how_dated(span.end_certainty)}")
    return f" ({'; '.join(about)})" if about else ""


def active_members(treaty: Treaty, day: dt.date, basis: Basis) -> frozenset[str]:
    """States bound by `treaty` on `day` (parties whose membership is not suspended)."""
    return frozenset(s for s, why in parties(treaty, day, basis, {}).items() if why is None)  # no reason read


def _clause(treaty: Treaty, provision: Provision, members: dict[str, str | None], day: dt.date,
            names: Mapping[str, str], rows: dict[str, str]) -> tuple[_Clause, list[str]]:
    """One provision among the treaty's parties, and the states it is owed to (sorted)."""
    everyone = frozenset(members)
    obligors = everyone & set(provision.obligors) if provision.obligors is not None else everyone
    owed = everyone & set(provision.beneficiaries) if provision.beneficiaries is not None else everyone
    name = treaty.short_name or treaty.id
    off = {(s.obligor, s.beneficiary): f"{name} suspends {named_state(s.obligor, names)}'s obligation to "
           f"{named_state(s.beneficiary, names)} since {s.span.start}" + _about(s.span)
           for s in provision.suspensions if s.span.covers(day)} if provision.suspensions else {}
    clause = _Clause(treaty, provision, members, tuple(sorted(obligors)), rules.counterparts_of(provision, everyone),
                     off, everyone, treaty.instrument.value, rows)
    return clause, sorted(owed)


def compile_table(world: World, day: dt.date, basis: Basis = "in-force",
                  assumed: Collection[Assumption] = ()) -> LegTable:
    """The table of the legs in force on `day` (each beneficiary's legs compiled when first asked for), each treaty
    read as the `assumed` say it may have been (`foedus.engine.assumption`; `foedus.engine.doubt_reach`: what a
    doubt says may have been so)."""
    table = LegTable(date=day, basis=basis)
    strongest: dict[tuple[str, str], tuple[Strength, bool]] = {}
    hypotheses = by_treaty(assumed) if assumed else None
    names = world.states.names_on(day)  # the states as called on the day, in a suspension's words
    outside = functools.cache(functools.partial(rules.system.out_of_system, world.states, day=day, names=names))
    for treaty in world.treaties.on(day):
        hypo = hypotheses.get(treaty.id) if hypotheses else None
        if hypo is None:
            members = parties(treaty, day, basis, names)
        else:
            on, how = read_as(treaty, day, basis, hypo)
            members = with_party(parties(treaty, on, how, names), hypo, lambda s: outside(s) is None)
        if not members:
            continue
        members = {s: why or outside(s) for s, why in members.items()}  # no party out of the system (`rules.system`)
        table.members[treaty.id] = frozenset(s for s, why in members.items() if why is None)
        table.support += rules.support_legs(treaty, table.members[treaty.id], day)
        bilateral, rows = treaty.type == "bilateral", row_instruments(treaty)  # rows: read once per treaty and day
        for provision in treaty.provisions:
            if (provision.valid is not None and not provision.valid.covers(day)
                    and not (hypo and clause_applies(treaty, provision, hypo))):
                continue
            clause, owed = _clause(treaty, provision, members, day, names, rows)
            _bars(table.bars, clause, owed)
            kind, s = provision.kind, provision.strength
            obligors = clause.obligors  # distinct: a state is owed a leg unless it is the only obligor
            for beneficiary in owed:
                if len(obligors) > 1 or (obligors and obligors[0] != beneficiary):
                    table._owed.setdefault((kind, beneficiary), []).append(clause)
            if kind not in COMMITTING:
                continue
            for obligor in obligors:
                if len(owed) > 1 or (owed and owed[0] != obligor):
                    key = (obligor, treaty.id)
                    if key not in strongest or STRENGTH_ORDER[s] < STRENGTH_ORDER[strongest[key][0]]:
                        strongest[key] = (s, bilateral)
    table.commitments = sorted(strongest)
    table.strongest = [strongest[k] for k in table.commitments]
    table._commitment = {k: i for i, k in enumerate(table.commitments)}
    return table


def _bars(bars: precedence.Bars, clause: _Clause, owed: list[str]) -> None:
    """Note the clause's legs in force that are prevailing duties not to fight (`rules.precedence.bar`)."""
    if clause.treaty.priority is None:
        return
    for o in clause.obligors:
        for b in owed:
            if clause.parties[o] is None and clause.parties[b] is None and (o, b) not in clause.off:
                precedence.bar(bars, clause.treaty, clause.provision, o, b)


def leg_table(world: World, day: dt.date, basis: Basis = "in-force") -> LegTable:
    """The compiled table for a date, cached per world (and rebuilt when the gates change); the cache holds the world
    weakly (a table holds no world), so a world its caller dropped is collected, not kept by its tables."""
    return _cached_table(weakref.ref(world), day, basis, rules.GENERATION[0])


@functools.lru_cache(maxsize=256)
def _cached_table(world: weakref.ref[World], day: dt.date, basis: Basis, generation: int) -> LegTable:
    alive = world()
    if alive is None:
        raise RuntimeError("the world of a leg table was collected while its caller asked for it (leg_table holds it)")
    with loading():  # kept for the process (up to the cache's size)
        return compile_table(alive, day, basis)
