"""Scenario input: who attacks whom, where, when, and under which reading — checked and resolved.

Everything a user types is validated here, so the cascade itself works on clean ids.
"""

from __future__ import annotations

import datetime as dt
import numbers
import sys
from collections.abc import Container
from typing import TYPE_CHECKING, Any, Literal, get_args

from foedus.datarecord import dataclass, field, fields
from foedus.declare import Input, checked_value, choice, described
from foedus.engine.contract import computed, meta
from foedus.engine.ongoing_days import SCENARIO_DATE, ongoing_after, parse_since
from foedus.errors import DateOutOfRangeError, ScenarioError, empty_or_blank, shown
from foedus.model.days import EARLIEST, LATEST, day_text, is_iso_day
from foedus.model.world import World
from foedus.state_lists import held_later_said, non_member, resolve_states

if TYPE_CHECKING:
    from foedus.model.places import Place

__all__ = ["EARLIEST", "LATEST", "SEVERITIES", "Attack", "Basis", "NonMilitary", "Reading", "Scenario", "Severity",
           "TargetKind", "TerritoryView", "UnresolvedReading", "build_scenario", "check_place", "named_state",
           "parse_date", "switch_values", "switches"]

Reading = Literal["legal", "escalatory"]
READINGS: tuple[Reading, ...] = get_args(Reading)  # the one list of readings: the CLI, web and sweeps read it
_READINGS_WORDS = ", ".join(READINGS[:-1]) + " or " + READINGS[-1]  # "legal or escalatory"
_READINGS_TS = " | ".join(f'"{r}"' for r in READINGS)  # '"legal" | "escalatory"'
TargetKind = Literal["territory", "forces"]
TerritoryView = Literal["recognized", "claimant"]
Basis = Literal["in-force", "signed"]
UnresolvedReading = Literal["met", "unmet"]
Severity = Literal["armed-attack", "incursion", "coercion"]
Decisions = Literal["taken", "not-taken"]
NonMilitary = Literal["withheld", "bound"]  # obligors a clause lets limit their aid to non-military means
SEVERITIES: tuple[Severity, ...] = ("coercion", "incursion", "armed-attack")  # weakest first


@dataclass(frozen=True, slots=True)
class Attack:
    """One attack: `attacker` strikes `victim` (its territory or its forces) at `place`, with a severity
    (an armed attack unless the scenario's opening incident is below one)."""

    attacker: str
    victim: str
    place: str
    kind: TargetKind
    round: int = field(default=0, compare=False)
    severity: Severity = "armed-attack"


def _switch(inp: Input, doc: str, ts: str, *, key: str | None = None, stable: bool = False) -> dict[str, Any]:
    """Field metadata of a scenario switch: its JSON contract and its declared input (`foedus.inputs`)."""
    return meta(doc, ts, key=key, stable=stable) | {"input": inp}


@dataclass(frozen=True, slots=True)
class Scenario:
    """A resolved scenario: ids only, every input already checked.

    Each switch (place ... decisions) is declared here once, with its JSON contract and the input that
    the CLI, the web API and `foedus.cascade` offer for it (`foedus.inputs.SWITCHES`).
    """

    date: dt.date = field(metadata=meta("date of the opening attack", "string", stable=True))
    attackers: tuple[str, ...] = field(metadata=meta(
        "original attackers (ISO3; COW<n> for historical states without one)", "string[]", stable=True))
    targets: tuple[str, ...] = field(metadata=meta("original targets", "string[]", stable=True))
    place: str = field(metadata=_switch(
        Input("place", str | None, None, "Where the attack hits: a place id or name (`foedus places`); "
              "default: each target's home territory.", example="kursk-oblast", metavar="PLACE"),
        "where the first target is attacked (place id)", "string", stable=True))
    target_kind: TargetKind = field(default="territory", metadata=_switch(
        choice("target_kind", ("territory", "forces"), "territory", "What is hit: territory, or forces (the "
               "target's forces, public vessels or aircraft at the place)."), "territory or forces", "string"))
    reading: Reading = field(default="legal", metadata=_switch(
        choice("reading", READINGS, "legal", "legal: what the texts oblige; escalatory: every "
               "belligerent strikes the other side's homes."), _READINGS_WORDS, _READINGS_TS, stable=True))
    requested: bool = field(default=True, metadata=_switch(
        Input("requested", bool, True, "Whether victims ask for request-gated help.", ("--request/--no-request",)),
        "whether victims ask for request-gated help", "boolean"))
    basis: Basis = field(default="in-force", metadata=_switch(
        choice("basis", ("in-force", "signed"), "in-force", "Membership by entry into force, or by signature."),
        "membership by entry into force or by signature", "string"))
    territory_view: TerritoryView = field(default="recognized", metadata=_switch(
        choice("territory_view", ("recognized", "claimant"), "recognized",
               "How contested places are read: the recognized holder's, or every claimant's."),
        "how contested places are read: recognized or claimant", "string"))
    unresolved: UnresolvedReading = field(default="met", metadata=_switch(
        choice("unresolved", ("met", "unmet"), "met",
               "How to read conditions ATOP flags but does not specify (place, conflict, ...)."),
        "how ATOP's unspecified conditions are read: met or unmet", "string", key="unresolved_read_as"))
    severity: Severity = field(default="armed-attack", metadata=_switch(
        choice("severity", SEVERITIES[::-1], "armed-attack", "What the opening incident is: an armed attack, an "
               "incursion (drones, a brief border strike) or coercion (water cannon, boarding); below an armed "
               "attack, defence clauses do not bind (docs/severity.md)."),
        "what the opening incident is: armed-attack, incursion or coercion (docs/severity.md)", "string"))
    decisions: Decisions = field(default="taken", metadata=_switch(
        choice("decisions", ("taken", "not-taken"), "taken", "Whether the decisions some clauses need before "
               "they bind (SADC Summit authorisation, France-Greece joint determination) are taken."),
        "whether the decisions some clauses need are read as taken", "string"))
    non_military: NonMilitary = field(default="withheld", metadata=_switch(
        choice("non_military", ("withheld", "bound"), "withheld", "States a clause lets limit their aid to "
               "non-military means (EU Art. 42(7)'s neutrals, by the usual reading of its carve-out): withheld, or "
               "bound to fight as the other members, rejecting that reading (docs/depth.md)."),
        "obligors who may limit their aid to non-military means: withheld, or read as bound", "string"))
    ongoing_since: dt.date | None = field(default=None, metadata=_switch(
        Input("ongoing_since", str | None, None, "The attacks are ongoing since this date: treaty changes between "
              "it and the scenario date bind, and the result says since when each joiner has been bound, and by "
              "what.", metavar="YYYY-MM-DD"),
        "the attacks are ongoing since this date (treaty changes since then bind)", "string | null"))
    attacks: tuple[Attack, ...] = ()

    @computed("where each original target is attacked (place ids, in the order of `targets`)", "string[]")
    def places(self) -> tuple[str, ...]:  # the chosen place, or each target's home when none was chosen
        return tuple(next((a.place for a in self.attacks if a.victim == t), self.place) for t in self.targets)


def switches(date: dt.date, **given: Any) -> Scenario:
    """A scenario with no parties yet: the switches (`given`, else their defaults) that compile the rules for
    every dyad of a date."""
    values = switch_values(given) | {"ongoing_since": None}
    return Scenario(date=date, attackers=(), targets=(), place="", **values)


def parse_date(value: str | dt.date) -> dt.date:
    """Parse YYYY-MM-DD (or `today`, the machine's date) and check it lies in 1815-01-01 .. 2100-12-31; a date with
    a time of day (a datetime, pandas' Timestamp, numpy's datetime64) is its day, whatever the time.

    >>> parse_date("2025-01-15")
    datetime.date(2025, 1, 15)

    Raises:
        DateOutOfRangeError: malformed, impossible (2025-02-30) or out-of-range date, a number (20250115), a
            missing date (pandas' or numpy's NaT), or a value that is neither text nor a date (None, bytes, a list).
    """
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, numbers.Number):  # 20250115 would read as a date, 2025 would not: neither is one
        raise DateOutOfRangeError(f"invalid date {described(value)}: expected a date as YYYY-MM-DD, not a number")
    numpy_day = type(value) is getattr(sys.modules.get("numpy"), "datetime64", None)  # its type, not its name
    if not isinstance(value, str | dt.date) and not numpy_day:  # (numpy's: read as text)
        # str() of it ('None', "b'2025-01-15'", "['2025-01-15']") would be quoted as if the user had written it
        raise DateOutOfRangeError(f"invalid date: expected a date as YYYY-MM-DD (text or a datetime.date), "
                                  f"not {described(value)}")
    if not isinstance(value, str) and value != value:  # pandas' or numpy's NaT, a missing date: unequal to itself
        raise DateOutOfRangeError("invalid date: NaT (a missing date, not a day); expected a date as YYYY-MM-DD")
    if not isinstance(value, dt.date):
        text = day_text(str(value).strip())  # `today`: the machine's date
        if not isinstance(value, str):  # numpy's, with a time of day ('2025-06-01T12:00'): its day, as a datetime's
            text = text.partition("T")[0]
        if not is_iso_day(text):  # fromisoformat would also read 20250601 and 2025-W01-1 (a week date)
            raise DateOutOfRangeError(f"invalid date {shown(text or value)}: expected YYYY-MM-DD")  # ' ' as given
        try:
            value = dt.date.fromisoformat(text)
        except ValueError as exc:
            raise DateOutOfRangeError(f"invalid date {shown(text)}: {exc} (expected YYYY-MM-DD)") from None
    if not EARLIEST <= value <= LATEST:
        raise DateOutOfRangeError(
            f"date {value} is outside the range foedus covers ({EARLIEST} to {LATEST})"
        )
    return value


def _as_list(value: Any, role: str) -> list[str]:
    """The states given for a role: one (ISO3 code, COW number or name) or a list, tuple or set of them.

    Raises:
        ScenarioError: anything else (None, a float, bytes, a nested list, ...), naming the role and the value.
    """
    def one(item: Any) -> str:
        if isinstance(item, bool) or not isinstance(item, str | numbers.Integral):
            raise ScenarioError(f"{role}: expected a state (ISO3 code, COW number or name) or a list of them, "
                                f"not {described(item)}")
        return str(item) if isinstance(item, str) else str(int(item))  # numpy's integers are COW numbers too

    if isinstance(value, set | frozenset):  # no order of its own: sorted, so the result is the same every run
        return sorted(one(v) for v in value)
    return [one(v) for v in value] if isinstance(value, list | tuple) else [one(value)]


def build_scenario(
    world: World,
    *,
    attacker: str | list[str] | tuple[str, ...],
    target: str | list[str] | tuple[str, ...],
    date: str | dt.date,
    place: str | None = None,
    **given: Any,
) -> Scenario:
    """Resolve and check a scenario; `given` holds the other switches declared on `Scenario`'s fields.

    Raises:
        UnknownStateError, AmbiguousNameError, UnknownPlaceError, DateOutOfRangeError, ScenarioError.
    """
    day = parse_date(date)
    values = switch_values(given)
    since = parse_since(values["ongoing_since"], parse_date)  # a bad one refused naming --ongoing-since
    ongoing_after(since, [(SCENARIO_DATE, day)])
    attackers = _resolve_states(world, _as_list(attacker, "attacker"), day, "attacker")
    targets = _resolve_states(world, _as_list(target, "target"), day, "target")
    both = sorted(set(attackers) & set(targets))
    if both:
        raise ScenarioError(f"{', '.join(both)} cannot be both attacker and target")
    check_place(place)
    dated = world.places.on(day)  # places as held on the scenario date
    chosen = dated[world.places.resolve(place, world.states, day).id] if place else None
    kind, view, names = values["target_kind"], values["territory_view"], world.states.names_on(day)
    attacks: list[Attack] = []
    for victim in targets:
        where = chosen or world.places.home(victim, day)
        if kind == "territory":
            _check_territory(world, day, where, victim, view, names)
        attacks += [Attack(a, victim, where.id, kind, severity=values["severity"]) for a in attackers]
    first = chosen or world.places.home(targets[0], day)
    return Scenario(date=day, attackers=tuple(attackers), targets=tuple(targets), place=first.id,
                    attacks=tuple(attacks), **{**values, "ongoing_since": since})


def check_place(place: Any) -> None:
    """A place is a name or id, or None for each target's home territory; an empty one is not taken for None (a
    scenario's place, a war file's attack place: one wording).

    Raises:
        ScenarioError: a place of another type (a number, a list), or an empty one.
    """
    if place is not None and not isinstance(place, str):
        raise ScenarioError(f"place: expected a place id or name (`foedus places`), not {described(place)}")
    if place is not None and not place.strip():
        raise ScenarioError(f"place is {empty_or_blank(place)}: give a place id or name (`foedus places`), or leave "
                            "it out for each target's home territory")


def switch_values(given: dict[str, Any]) -> dict[str, Any]:
    """Every switch but the place, from `given` or its default, each checked against its declared choices.

    Raises:
        ScenarioError: an unknown switch, a value outside its declared choices, or one of the wrong type (a
            string for `requested`).
    """
    declared = {f.name: f for f in fields(Scenario) if "input" in f.metadata and f.name != "place"}
    unknown = sorted(set(given) - set(declared))
    if unknown:
        raise ScenarioError(f"unknown scenario option(s) {', '.join(unknown)}: choose from {', '.join(declared)}")
    values = {name: given.get(name, f.default) for name, f in declared.items()}
    for name, f in declared.items():
        inp: Input = f.metadata["input"]
        values[name] = checked_value(inp, values[name])
        if inp.choices and values[name] not in inp.choices:
            what = name.replace("_", " ")
            if not isinstance(values[name], str):  # a wrong type said as every message says one, not as repr
                raise ScenarioError(f"{what}: expected one of {', '.join(inp.choices)}, not {described(values[name])}")
            raise ScenarioError(f"unknown {what} {shown(values[name])}: choose one of {', '.join(inp.choices)}")
    return values


def named_state(state: Any, day: dt.date, known: Container[str] = ()) -> str:
    """The id of a state a user names to look a result up (`result.joiner("prk")`): as given when one of the `known`
    ids, else read as a scenario's states are (ISO3, COW number or name; a place refused as one: `World.state_named`).

    Raises:
        UnknownStateError, AmbiguousNameError: a name no state (or several) carried on `day`; ScenarioError: not a
            string or an integer.
    """
    if isinstance(state, str) and state in known:
        return state
    if isinstance(state, bool) or not isinstance(state, str | numbers.Integral):
        raise ScenarioError(f"state: expected a state (ISO3 code, COW number or name), not {described(state)}")
    return World.default().state_named(state if isinstance(state, str) else int(state), day).id


def _resolve_states(world: World, names: list[str], day: dt.date, role: str) -> list[str]:
    states = resolve_states(world, names, day, role)
    if not states:
        raise ScenarioError(f"at least one {role} is needed")
    for state in states:
        if (refused := non_member(world, state, day, role)) is not None:  # named as called then (Yugoslavia, 1942)
            raise ScenarioError(refused)
    return [state.id for state in states]


def _check_territory(world: World, day: dt.date, place: Place, victim: str, view: TerritoryView,
                     names: dict[str, str]) -> None:
    """Refuse an attack on `victim`'s territory at a place it does not hold on `day`; where the holder the gazetteer
    gives is no state then, say that who held it that day is not recorded, not that it was that holder's (Narva,
    Estonia's only from 1918, on 1900-01-01: `foedus.state_lists.held_later_said`, a war file's check too)."""
    called = world.places.called(place, names)
    if (why := place.not_held(victim, view, names, called)) is not None:
        hint = " or --territory-view claimant" if victim in place.holders("claimant") else ""
        why = held_later_said(world, place, day, victim, view, names, called) or why
        raise ScenarioError(f"{why}; use --target-kind forces{hint}")
