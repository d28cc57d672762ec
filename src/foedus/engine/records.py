"""The parts of a cascade result: obligations, joiners, consultations, neutrality, violations, conflicts.

Each is a frozen record; its JSON form (`to_dict()`) comes from its fields' contract metadata
(`foedus.engine.contract`), as do docs/json-contract.md and the web front end's TypeScript types.
"""

from __future__ import annotations

from typing import Any, Literal

from foedus.datarecord import dataclass, field
from foedus.engine.contract import Contracted, computed, meta
from foedus.engine.mc_records import MonteCarloSummary
from foedus.model.vocab import STRENGTH_WORDS, Certainty, Strength

__all__ = [
    "HYPOTHETICAL",
    "Because",
    "CertaintyReason",
    "Conflict",
    "Consultation",
    "Doubt",
    "Joiner",
    "MonteCarloSummary",
    "Neutral",
    "Obligation",
    "Side",
    "Violation",
    "Withheld",
    "reason_heading",
]

HYPOTHETICAL = "hypothetical"  # a what-if reason's tag (foedus.whatif_rests): no fact's, so not a `Certainty`
Side = Literal["attack", "defense"]
_SIDE = '"attack" | "defense"'


@dataclass(frozen=True, slots=True)
class Because(Contracted):
    """The attack that set an obligation off: who was attacked, by whom, where, and how."""

    attacked: str = field(metadata=meta("the state attacked", "string", stable=True))
    by: str = field(metadata=meta("the state that attacked it", "string", stable=True))
    place: str = field(metadata=meta("place id", "string", stable=True))
    kind: str = field(default="territory", metadata=meta("territory or forces", "string", key="target_kind",
                                                         stable=True))


@dataclass(frozen=True, slots=True)
class CertaintyReason(Contracted):
    """A fact an obligation rests on that is not verified: what it is, its tag, and where it comes from.

    `kind`: treaty, article, validity (when the clause applies), membership, date, freeze, place or scope; the last
    three are also conditions the obligation assumes. In a what-if run, `what-if` names a change the obligation rests
    on.
    """

    kind: str = field(metadata=meta("treaty, article, validity (when the clause applies), membership, date, "
                                    "freeze, place, scope, or what-if (a change of a what-if run the obligation "
                                    "rests on)", "string"))
    fact: str = field(metadata=meta("the fact, in words", "string"))
    certainty: str = field(metadata=meta("its tag: secondary, unverified, conflicting or carried-forward; verified "
                                         "on a `date` reason whose window is verified but not its day; hypothetical "
                                         "on a `what-if` reason", "string"))
    source: str = field(metadata=meta("where the fact comes from", "string"))

    @computed("what a list of reasons puts before the fact (`reason_heading`): 'not verified', 'not to the day' "
              "for a date whose every tag is verified but which is known only to a window, or 'hypothetical' for a "
              "what-if change", "string")
    def heading(self) -> str:
        return reason_heading(self.certainty)


def reason_heading(level: str) -> str:
    """What the text (and the web page, from `CertaintyReason.heading`) puts before a reason it lists: 'not
    verified', or, for a date whose every tag is verified but which is known only to a window (Turkey-Azerbaijan's
    entry into force, within a week [V]), 'not to the day'; for a what-if change a duty rests on, 'hypothetical'."""
    if level == HYPOTHETICAL:
        return HYPOTHETICAL
    return "not to the day" if level == Certainty.VERIFIED.value else "not verified"


def certainty_field() -> Any:
    """A finding's certainty: the weakest tag of the facts it rests on (`foedus.engine.certainty.assess`)."""
    return field(default="verified", metadata=meta(
        "weakest certainty of the facts it rests on: verified, secondary, carried-forward, unverified or "
        "conflicting", "string"))


def reasons_field() -> Any:
    """A finding's certainty reasons: one per fact that lowers its certainty."""
    return field(default=(), metadata=meta(
        "why it is not verified: each fact that lowers the certainty, its tag and its source", "CertaintyReason[]"))


def instrument_field() -> Any:
    """What kind of instrument binds a duty (`Leg.instrument`): a duty to consult under a forum, or to stay out under
    a political statement, is not a treaty's, and every output says so (`foedus.cited.instrument_said`)."""
    return field(default="treaty", metadata=meta(
        "what kind of instrument binds it: treaty, executive_order, statute, political_statement or forum "
        "(INSTRUMENT_WORDS says each but a treaty in words)", "string"))


@dataclass(frozen=True, slots=True)
class Obligation(Contracted):
    """One binding provision: `state` must join `side` under `treaty` art. `article`."""

    state: str = field(metadata=meta("the state bound", "string", stable=True))
    side: Side = field(metadata=meta("the side it must join", _SIDE, stable=True))
    round: int = field(metadata=meta("the cascade round it is bound in (1: by the opening attacks)", "number",
                                     stable=True))
    treaty: str = field(metadata=meta("treaty id", "string", stable=True))
    article: str = field(metadata=meta("article, as the treaty numbers it", "string", stable=True))
    strength: str = field(metadata=meta(f"S1 ({STRENGTH_WORDS[Strength.S1]}) … S5 ({STRENGTH_WORDS[Strength.S5]}): "
                                        "the class of duty, not the treaty's words (docs/depth.md)",
                                        "string", stable=True))
    kind: str = field(metadata=meta("defense or offense", "string"))
    because: Because = field(metadata=meta("the attack that set it off", "Because", stable=True))
    certainty: str = certainty_field()
    conditions: tuple[str, ...] = field(default=(), metadata=meta(
        "assumptions it rests on (state of war, request, non-provocation, scope)", "string[]"))
    bilateral: bool = False
    unresolved: tuple[str, ...] = field(default=(), metadata=meta(
        "ATOP conditions it rests on, read as met", "string[]"))
    certainty_reasons: tuple[CertaintyReason, ...] = reasons_field()
    entails: str = field(default="", metadata=meta(
        "what the duty entails: all_means, aid, constitutional or consult (docs/depth.md)", "string"))
    duty: str = field(default="", metadata=meta(
        "the duty in words: the treaty's own wording when encoded, else the generic meaning", "string"))
    instrument: str = instrument_field()
    # the switches it binds only by, each its `Scenario` field and value (`foedus.engine.rules.switches_of`: the
    # non_military gate's `("non_military", "bound")`); the JSON names their fields (`rests_on_switches`)
    switches: tuple[tuple[str, str], ...] = ()

    @computed("the scenario switches it binds only by, each the result's key whose value opened the gate the "
              "defaults close (`non_military`, read as bound: EU Art. 42(7)'s neutrals); empty when none", "string[]")
    def rests_on_switches(self) -> list[str]:
        return [name for name, _ in self.switches]


@dataclass(frozen=True, slots=True)
class Joiner(Contracted):
    """A state drawn in: its primary obligation plus any others that also bind (primary: the strongest; then
    defence before offence, the best sourced, curated before ATOP, bilateral before multilateral, the oldest)."""

    primary: Obligation = field(metadata=meta("the primary obligation: the strongest, then the best sourced",
                                              "Obligation", flatten=True))
    also: tuple[Obligation, ...] = field(default=(), metadata=meta(
        "other provisions that bind the same state", 'Omit<Obligation, "state">[]', omit=("state",)))
    ccode: int | None = field(default=None, metadata=meta("the joining state's COW code", "number | null"))

    @property
    def state(self) -> str:
        """The joining state."""
        return self.primary.state

    @property
    def side(self) -> Side:
        """The side it joins."""
        return self.primary.side


@dataclass(frozen=True, slots=True)
class Consultation(Contracted):
    """`state` must consult `with_` (consultation clause), without a duty to fight."""

    state: str = field(metadata=meta("the state bound to consult", "string", stable=True))
    with_: str = field(metadata=meta("the state it consults", "string", key="with", stable=True))
    treaty: str = field(metadata=meta("treaty id", "string", stable=True))
    article: str = field(metadata=meta("article", "string", stable=True))
    because: Because = field(metadata=meta("the attack that set it off", "Because", stable=True))
    certainty: str = certainty_field()
    certainty_reasons: tuple[CertaintyReason, ...] = reasons_field()
    instrument: str = instrument_field()
    limit: str | None = field(default=None, metadata=meta(
        "the place sets (place_sets.yaml, e.g. far-east-1960) the attack falls in the clause's scope through, where "
        "through them alone; null: no set, or another token covers the place too", "string | null"))
    limit_certainty: str | None = field(default=None, metadata=meta(
        "how sure those sets' extent is, as `UnreachedConsultation.limit_certainty`; null with no limit",
        "string | null"))


@dataclass(frozen=True, slots=True)
class Neutral(Contracted):
    """`state` is bound to stay out of the war against `toward`."""

    state: str = field(metadata=meta("the state bound to stay out", "string", stable=True))
    toward: str = field(metadata=meta("the state it must not fight", "string", stable=True))
    treaty: str = field(metadata=meta("treaty id", "string", stable=True))
    article: str = field(metadata=meta("article", "string", stable=True))
    because: Because = field(metadata=meta("the attack that set it off", "Because", stable=True))
    certainty: str = certainty_field()
    certainty_reasons: tuple[CertaintyReason, ...] = reasons_field()
    instrument: str = instrument_field()


@dataclass(frozen=True, slots=True)
class Violation(Contracted):
    """`state` attacks `against` although a non-aggression or neutrality clause forbids it."""

    state: str = field(metadata=meta("the attacking state", "string", stable=True))
    against: str = field(metadata=meta("the state it attacks", "string", stable=True))
    treaty: str = field(metadata=meta("treaty id", "string", stable=True))
    article: str = field(metadata=meta("article", "string", stable=True))
    kind: str = field(metadata=meta("nonaggression or neutrality", "string", stable=True))
    because: Because = field(metadata=meta("the attack", "Because", stable=True))
    certainty: str = certainty_field()
    certainty_reasons: tuple[CertaintyReason, ...] = reasons_field()
    instrument: str = instrument_field()


@dataclass(frozen=True, slots=True)
class Conflict(Contracted):
    """`state` is bound to both sides, or both to join and not to join the war against a state; it picks no side."""

    state: str = field(metadata=meta("the state bound both ways", "string", stable=True))
    round: int = field(metadata=meta("the round the conflict arose in", "number", stable=True))
    reason: str = field(metadata=meta("bound to both sides, or both to join and not to join the war against a state",
                                      "string", stable=True))
    obligations: tuple[Obligation, ...] = field(metadata=meta("the obligations that clash", "Obligation[]"))
    neutral: tuple[Neutral, ...] = field(default=(), metadata=meta("the neutrality duties that clash",
                                                                   "Neutral[]"))

    @computed("treaties involved, sorted", "string[]", stable=True)
    def treaties(self) -> list[str]:
        return sorted({o.treaty for o in self.obligations} | {n.treaty for n in self.neutral})

    def doubted(self) -> list[Obligation | Neutral]:
        """The clashing duties (obligations, then neutrality duties) that rest on facts not verified, by the rule a
        joiner's duty is read by (`CascadeResult.doubted`: a certainty other than verified)."""
        duties: tuple[Obligation | Neutral, ...] = (*self.obligations, *self.neutral)
        return [d for d in duties if d.certainty != Certainty.VERIFIED.value]


@dataclass(frozen=True, slots=True)
class Doubt(Contracted):
    """A party (or, without `state`, a whole treaty or one of its clauses) left out on the scenario date by a recorded
    day known less than exactly, whose window holds that date: it may have been bound after all (docs/certainty.md)."""

    treaty: str = field(metadata=meta("treaty id", "string", stable=True))
    state: str | None = field(metadata=meta(
        "the party left out (not yet joined, or already left); null: the treaty itself (not yet or no longer in "
        "force) or one of its clauses (not yet or no longer applying)",
        "string | null", stable=True))
    fact: str = field(metadata=meta("the date, how well it is known, and what may have been so", "string"))
    certainty: str = field(metadata=meta("the date's tag: verified, secondary, unverified or conflicting", "string"))
    source: str = field(metadata=meta("where the date comes from", "string"))
    concerns: tuple[str, ...] = field(default=(), metadata=meta(
        "the states it concerns in this war, sorted, each of whose panels shows it: those whose answer differs were "
        "what it says may have been so (the cascade run again so); with them, the party left out, for a party's "
        "doubt, and those it is owed to in the war, for an entry into force not found",
        "string[]"))


@dataclass(frozen=True, slots=True)
class Withheld(Contracted):
    """An obligation that would have bound but for a gate (request, non-provocation, ...), or that another treaty's
    priority clause sets aside (`foedus.engine.rules.precedence`)."""

    state: str = field(metadata=meta("the state that would be bound", "string", stable=True))
    treaty: str = field(metadata=meta("treaty id", "string", stable=True))
    article: str = field(metadata=meta("article", "string", stable=True))
    reason: str = field(metadata=meta("the gate that holds it back, or the priority clause that sets it aside, in "
                                      "words", "string", stable=True))
    unresolved: tuple[str, ...] = field(default=(), metadata=meta("ATOP conditions read as unmet", "string[]"))
    certainty: str = certainty_field()
    certainty_reasons: tuple[CertaintyReason, ...] = reasons_field()
    toward: str = field(default="", metadata=meta(
        "the state the leg is owed to: the one it would defend (or whose attack it would join, or toward which it "
        "would stay neutral)", "string", stable=True))
    also_toward: tuple[str, ...] = ()  # others that legs of this article are held back toward (`held_toward`)

    @computed("every state the leg is owed to in this war, sorted: `toward` and those the reason names after 'also "
              "withheld toward' (legs of the same treaty and article held back toward them too)", "string[]")
    def owed_to(self) -> list[str]:
        return sorted({self.toward, *self.also_toward}) if self.toward else [*self.also_toward]
