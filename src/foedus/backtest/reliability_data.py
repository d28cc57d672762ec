"""The alliance-reliability data set: one row per alliance × war in which its casus foederis could have arisen.

An alliance's casus foederis *could have arisen* in a war when, on some replayed date, one of its members in
force (with a defence or offence clause) was fighting. The engine finds it *met* when one of the war's real
ongoing attacks triggers a clause of it (`foedus.war.evaluate.triggers`: the engine's own rules, applied to
every obligor, belligerent or not; the attacker's own duty toward its victim is not counted). Each obligor
whose duty was triggered *honoured* it when it fought, at any time in the war, on the side it was bound to
(its partner's); it *violated* it when it fought only on the other side, or stayed out.

The unit is the member, as in Leeds, Long & Mitchell 2000 (alliance × war, each obligated member once). A
member whose duties under the one alliance bound it to both sides of the war (the Arab League in the Gulf
War) is *cross-pressured*: it could not honour both, so it is listed once, with both sides, and counted as
fighting alongside when it fought on either side (any side it fought on is one it was bound to), as staying
out when it did not fight. A row's `members` is the number of distinct states bound by the alliance on any
replayed date its casus foederis could arise, so every obligated member is one of them.

Coding choices are switches (`Switches`): how ATOP's unspecified conditions are read (met / unmet), which
clause kinds count (defence, offence), whether obligors that were original parties of the war count, and
whether a row is honoured when all or when any of its obligated members honoured it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Literal

from foedus.backtest.replay_run import ReplayBacktest
from foedus.backtest.replayed import ReplayedWar
from foedus.engine.reliability import ERA_CUTOFF
from foedus.engine.rules.gates import withheld_by_switches
from foedus.engine.scenario import switches as scenario_switches
from foedus.engine.table import leg_table
from foedus.model.treaty import Kind
from foedus.model.world import World

__all__ = ["AllyRow", "ReliabilityRow", "Switches", "reliability_rows"]

Outcome = Literal["alongside", "stayed_out", "other_side"]


@dataclass(frozen=True, slots=True)
class Switches:
    """The coding choices of the data set."""

    unresolved: Literal["met", "unmet"] = "met"
    kinds: tuple[str, ...] = ("defense", "offense")
    originals: bool = True  # count obligors that were original parties of the war
    rule: Literal["all", "any"] = "all"  # a row is honoured when all (or any) obligated members honoured it


@dataclass(frozen=True, slots=True)
class AllyRow:
    """One obligated member of one alliance in one war, and what it did."""

    war: int
    treaty: str
    state: str
    sides: tuple[str, ...]  # the sides it was bound to, sorted: two when it was bound to both (cross-pressured)
    date: dt.date  # the first day a casus foederis of the alliance arose for it
    outcome: Outcome

    @property
    def both_sides(self) -> bool:
        """Whether the alliance bound it to both sides of the war."""
        return len(self.sides) > 1


@dataclass
class ReliabilityRow:
    """One alliance × war; `met` and the outcomes follow the switches."""

    war: int
    war_name: str
    start: dt.date
    era: str
    treaty: str
    origin: str
    partners_at_war: list[str]
    members: int  # distinct states it bound on the dates its casus foederis could arise
    met: bool = False
    met_date: dt.date | None = None
    allies: list[AllyRow] = field(default_factory=list)
    honoured: bool | None = None

    def to_dict(self, switches: Switches) -> dict[str, Any]:
        """One CSV row: the switches, the row, the obligated members by outcome (each member once)."""
        by = {k: " ".join(sorted(a.state for a in self.allies if a.outcome == k))
              for k in ("alongside", "stayed_out", "other_side")}
        both = " ".join(sorted(a.state for a in self.allies if a.both_sides))
        return {"war": self.war, "war_name": self.war_name, "start": self.start.isoformat(), "era": self.era,
                "treaty": self.treaty, "origin": self.origin, "members": self.members,
                "partners_at_war": " ".join(self.partners_at_war), "met": self.met,
                "met_date": self.met_date.isoformat() if self.met_date else None,
                "obligated": len(self.allies), **by, "bound_both_sides": both, "honoured": self.honoured,
                "switch_unresolved": switches.unresolved, "switch_kinds": "+".join(switches.kinds),
                "switch_originals": switches.originals, "switch_rule": switches.rule}


def _sides_fought(w: ReplayedWar) -> dict[str, frozenset[str]]:
    return {s: p.sides for s, p in w.cow.participants.items()}


def _could_arise(world: World, w: ReplayedWar) -> dict[str, tuple[set[str], set[str]]]:
    """Treaty -> (members fighting while it bound them, every state it bound on the dates its casus could arise)."""
    out: dict[str, tuple[set[str], set[str]]] = {}
    for ev in w.evaluations:
        if not ev.attacks:
            continue
        index = leg_table(world, ev.date, "in-force")
        fighting = set(ev.sides)
        for treaty, members in index.members.items():
            partners = members & fighting
            if not partners or len(members) < 2:
                continue
            kinds = {p.kind for p in world.treaties[treaty].provisions}
            if not kinds & {Kind.DEFENSE, Kind.OFFENSE}:
                continue
            cell = out.setdefault(treaty, (set(), set()))
            cell[0].update(partners)
            cell[1].update(members)
    return out


def _war_rows(world: World, w: ReplayedWar, switches: Switches) -> list[ReliabilityRow]:
    cow = w.cow
    era = "pre1945" if cow.start < ERA_CUTOFF else "post1945"
    fought = _sides_fought(w)
    first: dict[tuple[str, str], dict[str, dt.date]] = {}  # (treaty, obligor) -> side -> first day
    for ev in w.evaluations:
        read = scenario_switches(ev.date, unresolved=switches.unresolved)  # the gates read the switch as the data's
        for t in ev.triggered.values():
            if t.kind not in switches.kinds or (t.leg is not None and withheld_by_switches(t.leg, read)):
                continue
            p = cow.participants.get(t.obligor)
            if not switches.originals and p is not None and p.role == "original":
                continue
            first.setdefault((t.treaty, t.obligor), {}).setdefault(t.side, ev.date)
    rows = []
    for treaty, (partners, members) in sorted(_could_arise(world, w).items()):
        origin = world.treaties[treaty].origin
        row = ReliabilityRow(cow.num, cow.name, cow.start, era, treaty, origin, sorted(partners), len(members))
        for (tid, state), days in sorted(first.items()):
            if tid != treaty:
                continue
            sides = fought.get(state, frozenset())
            outcome: Outcome = "alongside" if not sides.isdisjoint(days) else "other_side" if sides else "stayed_out"
            row.allies.append(AllyRow(cow.num, treaty, state, tuple(sorted(days)), min(days.values()), outcome))
        if row.allies:
            row.met, row.met_date = True, min(a.date for a in row.allies)
            ok = [a.outcome == "alongside" for a in row.allies]
            row.honoured = all(ok) if switches.rule == "all" else any(ok)
        rows.append(row)
    return rows


def reliability_rows(world: World, rb: ReplayBacktest, switches: Switches | None = None) -> list[ReliabilityRow]:
    """Every alliance × war row of the replayed backtest under the given switches."""
    chosen = switches or Switches()
    return [row for w in rb.wars for row in _war_rows(world, w, chosen)]


PERIODS: tuple[tuple[str, int, int], ...] = (("1816–1944", 1816, 1944), ("1816–2003", 1816, 2003),
                                             ("1945–2003", 1945, 2003))
SWITCH_SETS: dict[str, Switches] = {
    "default": Switches(),
    "unresolved read as unmet": Switches(unresolved="unmet"),
    "defence clauses only": Switches(kinds=("defense",)),
    "original parties left out": Switches(originals=False),
    "honoured when any member honoured": Switches(rule="any"),
}


def reliability_summary(world: World, rb: ReplayBacktest) -> dict[str, Any]:
    """Honoured shares by period under each switch set: per alliance × war row, and per obligated member."""
    out: dict[str, Any] = {}
    for name, switches in SWITCH_SETS.items():
        rows = reliability_rows(world, rb, switches)
        block: dict[str, Any] = {"rows": len(rows), "met": sum(r.met for r in rows)}
        for label, first, last in PERIODS:
            met = [r for r in rows if r.met and first <= r.start.year <= last]
            allies = [a for r in met for a in r.allies]
            block[label] = {
                "alliance_wars": len(met),
                "honoured": round(sum(bool(r.honoured) for r in met) / len(met), 6) if met else None,
                "allies": len(allies), "bound_both_sides": sum(a.both_sides for a in allies),
                **{k: round(sum(a.outcome == k for a in allies) / len(allies), 6) if allies else None
                   for k in ("alongside", "stayed_out", "other_side")}}
        out[name] = block
    return out
