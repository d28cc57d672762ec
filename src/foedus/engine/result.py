"""The cascade result: a frozen record with one JSON contract and several renderings.

`to_dict()` is the stable contract that `foedus cascade --json` prints; `to_frame()`,
`explain()` and the notebook representations are renderings of the same record.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from foedus.datarecord import dataclass, field
from foedus.engine.contract import computed, meta, to_json
from foedus.engine.records import (
    Because,
    Conflict,
    Consultation,
    Doubt,
    Joiner,
    MonteCarloSummary,
    Neutral,
    Obligation,
    Side,
    Violation,
    Withheld,
)
from foedus.engine.rules.consult_limit import UnreachedConsultation
from foedus.engine.rules.strikes import STRIKES
from foedus.engine.rules.support import Support, Unreached
from foedus.engine.scenario import Scenario, named_state

if TYPE_CHECKING:
    import pandas as pd

    from foedus.engine.likely_records import LikelihoodSummary  # only results with likelihoods hold one

__all__ = [
    "Because",
    "CascadeResult",
    "Conflict",
    "Consultation",
    "Doubt",
    "Joiner",
    "Later",
    "Neutral",
    "Obligation",
    "Side",
    "Violation",
    "Withheld",
]

@dataclass(frozen=True)
class CascadeResult:
    """Everything a cascade found, in a deterministic order."""

    scenario: Scenario = field(metadata=meta("the scenario, echoed", "Scenario", flatten=True))
    joiners: tuple[Joiner, ...] = field(metadata=meta("one object per joining state", "Joiner[]", stable=True))
    consultations: tuple[Consultation, ...] = field(default=(), metadata=meta(
        "states bound to consult, not to fight", "Consultation[]", stable=True))
    conflicts: tuple[Conflict, ...] = field(default=(), metadata=meta(
        "states bound both ways: on neither side", "Conflict[]", stable=True))
    neutral: tuple[Neutral, ...] = field(default=(), metadata=meta(
        "states bound to stay out against a belligerent", "Neutral[]", stable=True))
    violations: tuple[Violation, ...] = field(default=(), metadata=meta(
        "attacks a non-aggression or neutrality clause forbids", "Violation[]", stable=True))
    withheld: tuple[Withheld, ...] = field(default=(), metadata=meta(
        "obligations a gate holds back (request, non-provocation, unresolved conditions, ...) or another treaty's "
        "priority clause sets aside", "Withheld[]"))
    doubts: tuple[Doubt, ...] = field(default=(), metadata=meta(
        "uncertain dates that may change who is bound: a party not yet joined or that has left, a treaty not yet "
        "in force or already ended, or a clause not yet or no longer applying, on this date by a recorded day "
        "known less than to the day (docs/certainty.md)",
        "Doubt[]"))
    supporters: tuple[Support, ...] = field(default=(), metadata=meta(
        "states bound to support a belligerent (arms, bases, defence industry) without being bound to fight",
        "Support[]"))
    unreached_support: tuple[Unreached, ...] = field(default=(), metadata=meta(
        "forms of support a treaty owes a belligerent only for a place that no attack of this war falls in (US–Japan "
        "Art. VI's bases, for the Far East): not owed here, listed so that their absence from `supporters` is said",
        "Unreached[]"))
    unreached_consultations: tuple[UnreachedConsultation, ...] = field(default=(), metadata=meta(
        "consultations a clause owes a state attacked in this war only for a place that no attack on it falls in "
        "(US–Japan Art. IV, owed to the US for the Far East): not owed here, listed so that their absence from "
        "`consultations` is said", "UnreachedConsultation[]"))
    rounds: int = field(default=0, metadata=meta("rounds until the fixed point", "number"))
    names: dict[str, str] = field(default_factory=dict, compare=False)
    titles: dict[str, str] = field(default_factory=dict, compare=False)  # named ATOP ids of the day (cited_names)
    # the opening attacks' places by name, and each state's home place (`foedus.place_words.at_place`); not in the JSON
    place_names: dict[str, str] = field(default_factory=dict, compare=False)
    homes: Mapping[str, str] = field(default_factory=dict, compare=False)
    renamed: dict[str, str] = field(default_factory=dict, compare=False, metadata=meta(
        "states called otherwise on the date than today: id -> the name on the date (the Soviet Union in 1979; "
        "`foedus.model.dated_names`); empty on most dates", "Record<string, string>"))
    notes: tuple[str, ...] = field(default=(), metadata=meta("caveats (e.g. state-system dates not loaded)",
                                                             "string[]"))
    what_if: tuple[str, ...] = field(default=(), metadata=meta(
        "a what-if run's changes, each as the command line gives it (`add_member nato_1949:UKR`), in the order given; "
        "empty for a run on the treaties as encoded. The `what-if world` note and the `what_if` column of the CSV and "
        "table say them (`foedus.whatif_words`)", "string[]"))
    datasets: tuple[str, ...] = field(default=(), metadata=meta("research datasets the answer used", "string[]"))
    power: dict[str, Any] | None = field(default=None, compare=False, metadata=meta(
        "each side's COW CINC and share of the world's (when NMC data is present)", "Power | null"))
    montecarlo: MonteCarloSummary | None = field(default=None, compare=False, metadata=meta(
        "with draws: the Monte Carlo keys", "MonteCarloSummary", flatten=True, optional=True))
    ccodes: dict[str, int] = field(default_factory=dict, compare=False, metadata=meta(
        "the COW code of every state the result names (states without one are left out)", "Record<string, number>"))
    ongoing: dict[str, Any] | None = field(default=None, compare=False, metadata=meta(
        "with ongoing_since: since when each joiner has been bound, by which event or treaty change, and what "
        "lapsed, each binding with its `certainty`, the facts not verified, `doubted`, and the conditions it "
        "assumes, `conditions` (`foedus.war.ongoing`)",
        "Record<string, unknown>", optional=True))
    likelihood: LikelihoodSummary | None = field(default=None, compare=False, metadata=meta(
        "with likelihood: each relevant state's chances of joining by horizon, with intervals, beside its legal "
        "answer; the model, its validation and warnings (docs/likelihood.md)", "LikelihoodSummary", optional=True))

    # the fields that may be held unmade (`Later`): `foedus.datarecord.replace` carries them as held, not read
    __record_later__ = ("joiners",)

    @property
    def state_ids(self) -> list[str]:
        """Every state the result names (belligerents, then the others), without repeats."""
        found = [st for side in self.sides.values() for st in side]
        found += [c.state for c in self.conflicts] + [n.state for n in self.neutral] + [n.toward for n in self.neutral]
        found += [v.state for v in self.violations] + [v.against for v in self.violations]
        found += [c.state for c in self.consultations] + [c.with_ for c in self.consultations]
        found += [w.state for w in self.withheld]
        return list(dict.fromkeys(found))

    @computed("both sides: original parties first, then joiners by round",
              "{ attack: string[]; defense: string[] }", stable=True)
    def sides(self) -> dict[str, list[str]]:
        """Both sides, original parties first, then joiners by round."""
        out: dict[str, list[str]] = {"attack": list(self.scenario.attackers),
                                     "defense": list(self.scenario.targets)}
        for state, side in self.joined():
            out[side].append(state)
        return out

    def joined(self) -> tuple[tuple[str, Side], ...]:
        """Each joiner's state and the side it joins, in the order they joined: while the joiners are unmade
        (`Later`), as the run found them (its finds'), so that `sides`, `state_ids` and what reads them (coalition
        power, the COW codes, a doubt's test) cite none of them; once made, from their records."""
        held = self.__dict__["joiners"]
        if held.__class__ is Later:
            joined: tuple[tuple[str, Side], ...] = held.joined
            return joined
        return tuple([(j.primary.state, j.primary.side) for j in held])

    @computed("whether the strikes the reading brings beyond the opening attacks are its assumption, not attacks "
              "known to be made (true in the escalatory reading): a strike on or by a joiner is then said as \"the "
              "escalatory reading assumes ...\" (the strikes rule's `Strikes.assumed`); a result saved before this key "
              "assumes them exactly when its `reading` is \"escalatory\"", "boolean")
    def strikes_assumed(self) -> bool:
        """Whether the reading's strikes are its assumption (`rules.STRIKES`, `Strikes.assumed`), as the CLI's
        "because" reads it (`foedus.render`), for the web's "Why?" panel (web/src/said.ts `becauseWords`)."""
        return STRIKES[self.scenario.reading].assumed

    @computed("the unresolved ATOP conditions that mattered: obligations resting on them, or dropped for them",
              "UnresolvedUse[]", key="unresolved")
    def unresolved_used(self) -> list[dict[str, Any]]:
        """Which unresolved (ATOP) conditions mattered: obligations that rest on them, or were dropped."""
        read = self.scenario.unresolved
        out = [{"state": o.state, "treaty": o.treaty, "article": o.article, "conditions": list(o.unresolved),
                "read_as": read} for j in self.joiners for o in (j.primary, *j.also) if o.unresolved]
        out += [{"state": w.state, "treaty": w.treaty, "article": w.article, "conditions": list(w.unresolved),
                 "read_as": read} for w in self.withheld if w.unresolved]
        return out

    def doubted(self) -> list[Joiner]:
        """The joiners whose duty (the primary obligation) rests on facts not verified, by state: the draws count
        them as verified ones (`foedus.run`), and the likelihood's features read their binding as any other
        (`foedus.likely.attach`). Computed when asked, never by a plain cascade."""
        return sorted((j for j in self.joiners if j.primary.certainty != "verified"), key=lambda j: j.state)

    def doubted_conflicts(self) -> list[Conflict]:
        """The conflicts (states bound both ways) one of whose clashing duties rests on facts not verified
        (`Conflict.doubted`), by state: the likelihood's features read a state bound both ways from those duties as
        from verified ones. Computed when asked, never by a plain cascade."""
        return sorted((c for c in self.conflicts if c.doubted()), key=lambda c: c.state)

    def joiner(self, state: str | int) -> Joiner | None:
        """The joiner record of `state` (ISO3 code in any case, COW number or name), or None if it did not join.

        Raises:
            UnknownStateError, AmbiguousNameError: no state (or several) of that name; ScenarioError: not a state.
        """
        sid = named_state(state, self.scenario.date, self.names)
        return next((j for j in self.joiners if j.state == sid), None)

    def __getstate__(self) -> dict[str, Any]:
        """What a pickle or a copy holds: the fields, the joiners cited first (`Later`: unread, they would hold the
        stores of the run that found them, its leg table's among them)."""
        self.joiners  # noqa: B018  (read to be cited)
        return self.__dict__

    def to_dict(self) -> dict[str, Any]:
        """The JSON contract (docs/json-contract.md, generated from the fields' metadata)."""
        return to_json(self)

    def to_frame(self) -> pd.DataFrame:
        """One row per belligerent (original parties with round 0), as a pandas DataFrame: the state's id
        (ISO3) and COW code, its side, and for joiners the treaty, the kind of instrument it is (`treaty`,
        `executive_order`, …), article, strength, trigger, the
        certainty of the facts used and the conditions assumed (joined with "; ")."""
        import pandas as pd

        rows: list[dict[str, Any]] = [
            {"state": st, "ccode": self.ccodes.get(st), "name": self.names.get(st, st), "side": side, "round": 0,
             "treaty": None, "instrument": None, "article": None, "strength": None, "kind": None, "attacked": None,
             "by": None, "place": None, "certainty": None, "conditions": None}
            for side, states in (("attack", self.scenario.attackers), ("defense", self.scenario.targets))
            for st in states
        ]
        for j in self.joiners:
            p = j.primary
            rows.append({"state": p.state, "ccode": self.ccodes.get(p.state), "name": self.names.get(p.state, p.state),
                         "side": p.side, "round": p.round, "treaty": p.treaty, "instrument": p.instrument,
                         "article": p.article,
                         "strength": p.strength, "kind": p.kind, "attacked": p.because.attacked,
                         "by": p.because.by, "place": p.because.place, "certainty": p.certainty,
                         "conditions": "; ".join(p.conditions)})
        frame = pd.DataFrame(rows)
        frame["ccode"] = frame["ccode"].astype("Int64")
        return frame

    def explain(self) -> str:
        """A plain-text account, round by round, citing treaty and article for every joiner."""
        from foedus.render import explain_text

        return explain_text(self)

    def __rich__(self) -> Any:
        from foedus.render import rich_tree

        return rich_tree(self)

    def _repr_html_(self) -> str:
        from foedus.render import html_table

        return html_table(self)


class Later:
    """A result's joiners made when first read (`_Lazy`): `make()` gives them, called once (a result replaced from
    one whose joiners are unmade holds the same `Later`, and both read the same tuple; the run's stores that `make`
    holds are let go once it has run); `joined`, each joiner's state and side in the order they joined, as the run
    found them (`CascadeResult.joined`)."""

    __slots__ = ("joined", "made", "make")

    def __init__(self, make: Callable[[], Any], joined: tuple[tuple[str, Side], ...]) -> None:
        self.make: Callable[[], Any] | None = make
        self.joined = joined
        self.made: Any = None

    def value(self) -> Any:
        """The joiners, made on the first call."""
        make = self.make
        if make is not None:
            self.made = make()
            self.make = None
        return self.made


class _Lazy:
    """A field of `CascadeResult` that may be given as `Later`: made when first read, then kept (in the instance's
    `__dict__` under the field's name, so equality, copies and pickles read the value; `replace` carries it unmade:
    `__record_later__`). The engine gives its joiners so: citing them (an obligation record per binding find,
    certainty, conditions, duty) was about an eighth of a 2025 cascade's opcodes, which a caller that reads only
    other fields (the sides among them: `CascadeResult.joined`), or none, does not pay (docs/performance.md,
    session 53)."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        self.name = name

    def __get__(self, obj: Any, owner: type | None = None) -> Any:
        if obj is None:
            return self
        held = obj.__dict__
        value = held[self.name]
        if value.__class__ is Later:
            value = held[self.name] = value.value()
        return value

    def __set__(self, obj: Any, value: Any) -> None:
        obj.__dict__[self.name] = value


CascadeResult.joiners = _Lazy("joiners")  # type: ignore[assignment]
