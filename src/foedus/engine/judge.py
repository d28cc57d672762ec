"""How the reference engine's binder (`foedus.engine.bind`) judges legs: each leg's verdict once per kind of volley
(`rules.evaluate`), kept per leg table and scenario switches, since a verdict does not depend on the parties.

A leg owed to a volley's victim reads the attacker only through its adversary clause (`rules.attacker_role`), so
the attacks of a volley that it admits all get one verdict, kept per (victim, place, kind, severity) and the
victim gates' status of the victim (`verdicts`); a leg owed to an attacker reads the victim only through its
adversary clause (`attacker_verdict`). The legs that admit anyone are judged once for all volleys like a given one
(`bound_neutrality`, `owed_to_attacker`), leaving only the others to judge volley by volley.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from foedus.datarecord import dataclass
from foedus.engine.leg import Leg
from foedus.engine.owed import Owed, owed_legs
from foedus.engine.rules import Situation, Verdict, Volley, evaluate, victim_status, where
from foedus.engine.rules import verdict as verdict_rules
from foedus.engine.scenario import Scenario
from foedus.engine.table import LegTable
from foedus.model.vocab import Kind

__all__ = ["Judge", "Key"]

Key = tuple[str, str, str, str]  # a volley's victim, place, kind and severity


@functools.lru_cache(maxsize=1 << 16)
def _obligor_sets(defence: frozenset[str], consultation: frozenset[str]) -> tuple[frozenset[str], frozenset[str]]:
    """A state's obligor sets (`Judge._obligors`), one pair per process for every table that has them (cached), not
    one per table: the cached tables of a backtest held them all (docs/performance.md, session 42)."""
    return defence, consultation


@functools.lru_cache(maxsize=1 << 16)
def _violation(obligor: str, beneficiary: str, treaty: str) -> tuple[str, str, str]:
    """A violation's ledger key (`Judge._violation_key`), one per process for every table (cached), as
    `_obligor_sets`."""
    return obligor, beneficiary, treaty


Judged = list[tuple[int, Leg, Verdict | None]]  # legs with their verdict, None where judged per volley


def _judged() -> tuple[dict[tuple[Key, tuple[bool, bool]], dict[int, Verdict]], dict[tuple[object, ...], Verdict],
                       dict[tuple[object, ...], Judged], dict[tuple[object, ...], Judged]]:
    """`Judge`'s four stores kept per table and switches, empty."""
    return {}, {}, {}, {}


@dataclass
class Judge:
    """The verdicts on the legs of one table under one scenario's switches, and the legs owed to each state."""

    table: LegTable
    switches: Scenario  # the scenario without its parties: verdicts are kept per table and switches

    def __post_init__(self) -> None:
        self._owed: dict[str, Owed] = self.table.derived("binder", dict)
        # the verdicts (`verdicts`: owed to the victim; `_by_attacker`), the neutrality legs that may bind and the legs
        # owed to attackers, kept per switches: one key for the four, since a key holding the switches is hashed in
        # Python (`Scenario.__hash__`, twice per `derived`), on every cascade
        self.verdicts, self._by_attacker, self._neutral, self._attacking = self.table.derived(
            ("judged", self.switches), _judged)
        self._sets: dict[str, tuple[frozenset[str], frozenset[str]]] = self.table.derived("binder-obligor sets", dict)
        self._violation_keys: dict[int, tuple[str, str, str]] = self.table.derived("violation keys", dict)
        self._ctx: Situation | None = None  # the situation `_at_hand` holds the verdicts of, by key (`_verdicts`)
        self._at_hand: dict[Key, dict[int, Verdict]] = {}
        self._neutral_at_hand: dict[Key, list[tuple[int, Leg, Verdict | None]]] = {}  # `_bound_neutrality`'s, by key
        self._statuses: dict[str, tuple[bool, bool]] = {}  # each state's `victim_status` in `_ctx`
        self._strikers = self.table.derived("binder-strikers", lambda: frozenset(  # those with partner or offence
            s for s in self.table.owed(Kind.NEUTRALITY) | self.table.owed(Kind.OFFENSE)
            if self.table.owes(Kind.OFFENSE, s)
            or self.table.owes(Kind.NEUTRALITY, s, where.binds_when_partner_attacks)))

    def _obligors(self, state: str, owed: Owed) -> tuple[frozenset[str], frozenset[str]]:
        """The obligors of the defence and of the consultation legs owed to `state` (`owed`), as sets kept per
        table (in `_sets`, which the binder reads first itself), so that it takes those not yet settled, or not
        fighting, in one set difference."""
        found = self._sets.get(state)
        if found is None:
            found = self._sets[state] = _obligor_sets(frozenset(owed.defence), frozenset(owed.consultation))
        return found

    def _violation_key(self, leg: Leg) -> tuple[str, str, str]:
        """The ledger's key of a violation of non-aggression `leg` (obligor, beneficiary, treaty), kept per table (in
        `_violation_keys`, which the binder reads first itself): made at the leg's first find, where the records pass
        made it on every find; not for every leg owed when the state's legs are read, which cost more than it saved
        on a fresh table (docs/performance.md, session 37)."""
        found = self._violation_keys[id(leg)] = _violation(leg.obligor, leg.beneficiary, leg.treaty.id)
        return found

    def owed(self, state: str) -> Owed:
        """The legs owed to `state` (built once per table)."""
        found = self._owed.get(state)
        if found is None:
            found = self._owed[state] = owed_legs(self.table, state)
        return found

    def _verdicts(self, key: Key, ctx: Situation) -> dict[int, Verdict]:
        """Verdicts by leg for the attacks of volleys like this one (that a leg admits: they all get the same);
        each rule asks only once it has a leg to judge. Kept for the situation at hand (a round's, the same from round
        to round while the attacking side is: `round_view.situation`) by key too: the victim's status is the
        situation's, and a volley's rules ask for the same key up to three times."""
        if ctx is self._ctx:
            found = self._at_hand.get(key)
            if found is not None:
                return found
        else:
            self._hand(ctx)
        vkey = (key, victim_status(key[0], ctx))
        found = self.verdicts.get(vkey)
        if found is None:
            found = self.verdicts[vkey] = {}
        self._at_hand[key] = found
        return found

    def _hand(self, ctx: Situation) -> dict[str, tuple[bool, bool]]:
        """`ctx` the situation at hand, with nothing kept for it yet; the states' statuses in it (`_status`)."""
        self._ctx, self._at_hand, self._neutral_at_hand, self._statuses = ctx, {}, {}, {}
        return self._statuses

    def _status(self, state: str, ctx: Situation) -> tuple[bool, bool]:
        """`rules.victim_status` of `state` in `ctx`, kept while `ctx` is at hand (a cascade's situation changes only
        where its attacking side does, `round_view.situation`). `_owed_to_attacker` reads `_statuses` first itself,
        without this call: change both."""
        statuses = self._statuses if ctx is self._ctx else self._hand(ctx)
        found = statuses[state] = victim_status(state, ctx)
        return found

    @staticmethod
    def _verdict(leg: Leg, vol: Volley, i: int, verdicts: dict[int, Verdict], ctx: Situation) -> Verdict:
        """The verdict on attack i of the volley, which the leg admits."""
        verdict = verdicts.get(id(leg))
        if verdict is None:
            verdict = verdicts[id(leg)] = evaluate(leg, vol.attack(i), ctx)
        return verdict

    def _attacker_verdict(self, leg: Leg, vol: Volley, i: int, ctx: Situation) -> Verdict:
        """The verdict of a leg owed to attack i's attacker, which reads the victim only through its adversary
        clause (`rules.attacker_role`)."""
        attacker = vol.attackers[i]
        vkey = (id(leg), vol.place, vol.kind, vol.severity, victim_status(attacker, ctx),
                leg.counterparts.admits(vol.victim))
        verdict = self._by_attacker.get(vkey)
        if verdict is None:
            verdict = self._by_attacker[vkey] = evaluate(leg, vol.attack(i), ctx)
        return verdict

    def _bound_neutrality(self, key: Key, owed: Owed, verdicts: dict[int, Verdict], vol: Volley,
                          ctx: Situation) -> list[tuple[int, Leg, Verdict | None]]:
        """The neutrality legs owed to the victim that may bind, or be withheld by a gate, on volleys like this
        one: those that admit any attacker, with their verdict, and those that admit only some, to be judged per
        volley (None)."""
        if ctx is self._ctx:  # kept at hand too, as the verdicts are (`_verdicts`)
            held = self._neutral_at_hand.get(key)
            if held is not None:
                return held
        vkey = (key, victim_status(key[0], ctx))
        found = self._neutral.get(vkey)
        if found is None:
            found = self._neutral[vkey] = self._judged_neutrality(owed, verdicts, vol, ctx)
        if ctx is self._ctx:
            self._neutral_at_hand[key] = found
        return found

    def _judged_neutrality(self, owed: Owed, verdicts: dict[int, Verdict], vol: Volley, ctx: Situation
                           ) -> list[tuple[int, Leg, Verdict | None]]:
        """`_bound_neutrality`'s list, made where none is kept (a function of its own, as `_judged_for_attacker`)."""
        judged = [(rank, leg, self._verdict(leg, vol, 0, verdicts, ctx) if leg.counterparts.anyone else None)
                  for rank, leg in owed.neutrality]
        return [(rank, leg, v) for rank, leg, v in judged if v is None or v.binds or v.gate is not None]

    def _owed_to_attacker(self, vol: Volley, i: int, ctx: Situation, partner: bool
                          ) -> list[tuple[int, Leg, Verdict | None]]:
        """The partner neutrality (or offence) legs owed to attack i's attacker, with the verdict of those that
        admit any victim (the others are judged per victim: None), for volleys like this one. Less those whose
        obligor is the victim, where the rule spares it (`rules.verdict.spares_own_attack`): the lists are kept per
        victim too (a home strike's place is its victim's home already), so that the rule is read once per list,
        not per leg and volley."""
        attacker = vol.attackers[i]
        owed = self._owed.get(attacker) or self.owed(attacker)
        legs = owed.partner if partner else owed.offence
        if not legs:  # a striker has legs of one of the two kinds, often not both
            return []
        status = (ctx is self._ctx and self._statuses.get(attacker)) or self._status(attacker, ctx)
        vkey = (attacker, vol.victim, partner, vol.place, vol.kind, vol.severity, status)
        found = self._attacking.get(vkey)
        if found is None:
            found = self._attacking[vkey] = self._judged_for_attacker(legs, vol, i, ctx)
        return found

    def _judged_for_attacker(self, legs: Sequence[tuple[int, Leg]], vol: Volley, i: int, ctx: Situation
                             ) -> list[tuple[int, Leg, Verdict | None]]:
        """`_owed_to_attacker`'s list, made where none is kept: a function of its own, so that its comprehension's
        closure (a cell per name it reads) is made only here, not on every call that finds the list kept."""
        return [(rank, leg, self._attacker_verdict(leg, vol, i, ctx) if leg.counterparts.anyone else None)
                for rank, leg in legs if leg.obligor != vol.victim or not verdict_rules.spares_own_attack(leg)]
