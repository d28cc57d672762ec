"""The schema's vocabularies: obligation kinds, triggers, strengths, certainty tags and forms of help.

Plain enums and tables, without pydantic, so that the engine and the runtime records (`foedus.model.records`)
can use them without importing the validating schema; `foedus.model.treaty`, `foedus.model.facts` and
`foedus.model.assistance` re-export them.
"""

from __future__ import annotations

from collections.abc import Iterable
from enum import StrEnum
from typing import Literal

__all__ = ["ADMINISTERED_BY", "ADMINISTERED_BY_PARTY", "ATOP_ARMS_CODE", "ATOP_PLAIN", "CERTAINTY_RANK",
           "INSTRUMENT_WORDS", "LEVELS", "ORG_PURPOSES", "PLACE_ALONE", "STRENGTH_WORDS", "SUPPORT_FORMS",
           "TAGGED_WINDOWS", "TREATY_SAID", "VICTIM", "WORD_TOKENS", "Basis", "Certainty", "Duty", "HelpForm",
           "Instrument", "Kind", "Strength", "Tag", "Trigger", "atop_code", "worst"]


# scope tokens with a form of their own (`foedus.model.treaty.Scope`): written by the loader, read by the rules
ADMINISTERED_BY = "administered-by:"  # + ISO3 (or A|B): the place's administrator is one of them
ADMINISTERED_BY_PARTY = "administered-by-party"  # a party of the treaty on the date administers the place
PLACE_ALONE = "place:"  # + a place id: that place alone, where a region shares its id (`black-sea`)
VICTIM = "victim:"  # + ISO3 (or A|B): the attacked state is one of them, wherever the attack falls (US–Japan Art. IV)
# the tokens that are a word, neither a place nor a region (a place set's id may be none of them either)
WORD_TOKENS = frozenset({"home", "overseas", ADMINISTERED_BY_PARTY})

# a date's windows that a source can tag apart from the day (`foedus.model.facts.DateCertainty.window`)
TAGGED_WINDOWS = ("week", "month", "year")


class Certainty(StrEnum):
    """How well a fact is sourced: the fact sheet's [V], [V-secondary], [U] and [C] tags, best first.

    `carried-forward` marks an ATOP alliance read as still in force after ATOP's coverage ends.
    """

    VERIFIED = "verified"
    SECONDARY = "secondary"
    CARRIED = "carried-forward"
    UNVERIFIED = "unverified"
    CONFLICTING = "conflicting"


def worst(levels: Iterable[Certainty]) -> Certainty:
    """The least certain of `levels` (verified when empty).

    >>> worst([Certainty.SECONDARY, Certainty.UNVERIFIED]).value
    'unverified'
    """
    return max(levels, key=CERTAINTY_RANK.__getitem__, default=Certainty.VERIFIED)


CERTAINTY_RANK = {c: i for i, c in enumerate(Certainty)}  # best first


class Kind(StrEnum):
    """What a provision obliges: the five ATOP obligation types."""

    DEFENSE = "defense"
    OFFENSE = "offense"
    NEUTRALITY = "neutrality"
    NONAGGRESSION = "nonaggression"
    CONSULTATION = "consultation"


class Trigger(StrEnum):
    """What sets a provision off (editorial vocabulary of the 2025 fact sheet)."""

    ARMED_ATTACK = "armed_attack"
    ARMED_ATTACK_STATE_OF_WAR = "armed_attack_state_of_war"
    ARMED_AGGRESSION = "armed_aggression"
    AGGRESSION = "aggression"
    THREAT = "threat"


class Strength(StrEnum):
    """How strong the duty is, S1 to S5 (in words: `STRENGTH_WORDS`)."""

    S1 = "S1"
    S2 = "S2"
    S3 = "S3"
    S4 = "S4"
    S5 = "S5"


STRENGTH_WORDS: dict[str, str] = {  # keyed by Strength (a str): a record's strength is its value
    Strength.S1: "a duty to help at once, by every means",
    Strength.S2: "a duty to help, the means left to each party",
    Strength.S3: "a duty to act, through each party's constitutional process",
    Strength.S4: "a duty to consult only",
    Strength.S5: "a one-way guarantee",
}
"""Each strength in words, as the text output (`foedus.render`) and the web page (web/src/contract.ts, generated
by `foedus.engine.contract_gen`) show it beside the tag: a class of duty described, never one treaty's words (a
provision's own words are its `duties` wording and its source; docs/depth.md names the treaty each class is after)."""


class Instrument(StrEnum):
    """What kind of instrument a commitment is: a treaty (the default), or one a reader weighs differently, as the
    fact sheet (§4) or the file's own sources call it: a revocable executive order, a domestic statute, a political
    statement or a forum, none of them a treaty binding the states under international law."""

    TREATY = "treaty"  # an agreement between states binding under international law (or not recorded otherwise)
    EXECUTIVE_ORDER = "executive_order"  # one government's executive act: unilateral, revocable by its author
    STATUTE = "statute"  # one state's domestic law (the US Taiwan Relations Act)
    POLITICAL_STATEMENT = "political_statement"  # leaders' statement or declaration, not legally binding
    FORUM = "forum"  # a diplomatic forum with no founding instrument


INSTRUMENT_WORDS: dict[str, str] = {  # keyed by Instrument (a str): a record's instrument is its value
    Instrument.EXECUTIVE_ORDER: "an executive order, not a treaty",
    Instrument.STATUTE: "a domestic statute, not a treaty",
    Instrument.POLITICAL_STATEMENT: "a political statement, not a treaty",
    Instrument.FORUM: "a forum, not a treaty",
}
"""Each instrument that is not a treaty in words, as the text output (`foedus.render`, `foedus treaties show`) and
the web page (web/src/contract.ts, generated by `foedus.engine.contract_gen`) say it beside a duty cited under it."""
TREATY_SAID = "a treaty"  # a member row's own instrument said where it is a treaty (`catalog.row_instrument_said`)


class HelpForm(StrEnum):
    """A form of help or integration (the war clause itself is `troops`, derived from the provisions)."""

    TROOPS = "troops"  # fight: the defence or offence duty
    ARMS = "arms"  # arms and military aid: grants, loans, training, technology (ATOP MILAID)
    BASES = "bases"  # stationing troops on, or use of facilities in, another party's territory (BASE)
    INTEGRATED_COMMAND = "integrated_command"  # integrated command, joint forces, subordination (INTCOM, SUBORD)
    JOINT_PLANNING = "joint_planning"  # military contact, joint planning and exercises, common policy (MILCON)
    TROOP_CONTRIBUTIONS = "troop_contributions"  # set contributions of troops, supplies or funds (CONTRIB)
    DEFENCE_INDUSTRY = "defence_industry"  # defence-industrial and technology cooperation (MILAID 3)
    ECONOMIC_AID = "economic_aid"  # economic aid, recovery support, trade concessions (ECAID)
    ORGANISATION = "organisation"  # meetings, a named body or a permanent organisation (ORGAN1/2, ORGPURP)


class Duty(StrEnum):
    """What a defence or offence duty entails, from strongest to weakest."""

    ALL_MEANS = "all_means"  # fight: help at once with all means (S1)
    AID = "aid"  # give aid, the means left to each party, armed force included (S2, S5)
    CONSTITUTIONAL = "constitutional"  # act, through each party's constitutional process (S3)
    CONSULT = "consult"  # consult only (S4)


Basis = Literal["treaty", "companion", "separate"]
Tag = Literal["verified", "secondary", "unverified", "conflicting"]  # the fact sheet's [V]/[V-secondary]/[U]/[C]

LEVELS: dict[HelpForm, tuple[str, ...]] = {
    HelpForm.TROOPS: ("fight",),
    HelpForm.ARMS: ("self_help", "general", "grants_loans", "training_technology", "grants_and_training"),
    HelpForm.BASES: ("neutral_territory", "reciprocal", "one_way"),
    HelpForm.INTEGRATED_COMMAND: ("peacetime_and_wartime", "joint_forces", "wartime_designated",
                                  "wartime_conditional"),
    HelpForm.JOINT_PLANNING: ("wartime", "peacetime", "common_policy"),
    HelpForm.TROOP_CONTRIBUTIONS: ("specified",),
    HelpForm.DEFENCE_INDUSTRY: ("technology",),
    HelpForm.ECONOMIC_AID: ("general", "postwar", "trade"),
    HelpForm.ORGANISATION: ("meetings", "named", "permanent"),
}
"""The levels each form takes (first = weakest); docs/depth.md gives the ATOP code of each."""

ATOP_ARMS_CODE = {"self_help": 0, "general": 1, "grants_loans": 2, "training_technology": 3, "grants_and_training": 4}
"""ATOP's MILAID code of each arms level (`foedus.sources.atop_codes` reads and writes them)."""
ATOP_PLAIN = {HelpForm.BASES: "BASE", HelpForm.JOINT_PLANNING: "MILCON", HelpForm.ECONOMIC_AID: "ECAID"}
"""The forms one ATOP code measures by level: its code is the level's place in `LEVELS`, from 1."""


def atop_code(form: HelpForm, level: str) -> str | None:
    """The ATOP code a form of help at a level stands for, as `foedus.sources.atop_codes` reads it (arms "general":
    "MILAID=1"; bases "one_way": "BASE=3"); None for a form measured by several codes, or a level without a code.

    >>> atop_code(HelpForm.ARMS, "training_technology"), atop_code(HelpForm.BASES, "one_way")
    ('MILAID=3', 'BASE=3')
    """
    if form is HelpForm.ARMS:
        return f"MILAID={ATOP_ARMS_CODE[level]}" if level in ATOP_ARMS_CODE else None
    name = ATOP_PLAIN.get(form)
    if name is None or level not in LEVELS[form]:
        return None
    return f"{name}={LEVELS[form].index(level) + 1}"

ORG_PURPOSES = ("military", "economic", "political", "multiple", "disputes")
SUPPORT_FORMS = frozenset({HelpForm.ARMS, HelpForm.BASES, HelpForm.DEFENCE_INDUSTRY})
"""Forms by which a state can be bound to support a belligerent without fighting (military aid, bases)."""
