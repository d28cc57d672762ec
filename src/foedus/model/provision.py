"""A treaty's obligation clauses: who owes what to whom, when it triggers and how strongly (`Provision`), whose attack
counts (`Adversary`), the legs switched off for a span (`LegSuspension`) and the conditions a source flags unsaid
(`Unresolved`). Split from `foedus.model.treaty` (its size), which still names them all.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field, field_validator, model_validator

from foedus.model.facts import Article, Certainty, Prose, Reason, Span, StateRef, Strict, Url
from foedus.model.numbers import Switch
from foedus.model.scope import Scope
from foedus.model.vocab import Kind, Strength, Trigger

__all__ = ["Adversary", "LegSuspension", "Provision", "Unresolved"]


class LegSuspension(Strict):
    """A directed leg switched off for a span: e.g. ANZUS USA -> NZL since 1986-08-11."""

    obligor: StateRef
    beneficiary: StateRef
    span: Span


class Adversary(Strict):
    """Whose attack counts: any state, only named states, or only non-members of the treaty."""

    type: Literal["any", "named", "non_members"] = "any"
    states: list[StateRef] = Field(default_factory=list)

    @model_validator(mode="after")
    def _named_needs_states(self) -> Adversary:
        if self.type == "named" and not self.states:
            raise ValueError("adversary type 'named' needs a non-empty 'states' list")
        if self.type != "named" and self.states:
            raise ValueError(f"adversary type '{self.type}' takes no 'states' list")
        return self


Unresolved = Literal["adversary", "location", "conflict", "number", "demand"]


class Provision(Strict):
    """One obligation clause: who owes what to whom, when it triggers, and how strongly."""

    kind: Kind
    article: Article = Field(min_length=1, description="article as the treaty numbers it, e.g. '5', 'IV'")
    strength: Strength
    trigger: Trigger = Trigger.ARMED_ATTACK
    obligors: list[StateRef] | None = Field(None, description="who owes it; null = every member")
    beneficiaries: list[StateRef] | None = Field(
        None, description="to whom it is owed; null = every member"
    )
    scope: Scope = Field(default_factory=Scope)
    adversary: Adversary = Field(default_factory=Adversary)
    non_provocation: Switch = Field(False, description="void if the protected state started the war")
    request_gated: Switch = Field(False, description="help only if the victim asks")
    needs_decision: Reason | None = Field(
        None, description="who must decide before the duty binds, in words (e.g. a summit's authorisation)"
    )
    non_military: Reason | None = Field(None, description="why its obligors may limit their aid to non-military means"
                                       ", in words: they owe aid, not a side (gate `non_military` holds legs back)")
    gates_certainty: Certainty = Field(Certainty.VERIFIED, description="how well its gates (non-provocation, request, "
                                       "decision) are sourced")
    unresolved: list[Unresolved] = Field(
        default_factory=list,
        description="conditions the source flags without saying what they are (ATOP); a scenario says met or unmet",
    )
    when_partner_attacks: Switch = Field(
        False, description="neutrality also binds when the partner is the attacker (ATOP: NEUCOATT = 0)"
    )
    valid: Span | None = Field(None, description="when this clause applies, if not the whole treaty life")
    suspensions: list[LegSuspension] = Field(default_factory=list)
    summary: Prose | None = Field(None, description="one-line paraphrase, not treaty text")
    certainty: Certainty = Certainty.VERIFIED
    doubt: Prose | None = Field(None, description="what is not verified about the clause as encoded, in a line: said "
                              "in the reason of every finding it lowers")
    source: Url | None = Field(None, description="the page that states this clause")
    note: Prose | None = None

    @field_validator("obligors", "beneficiaries")
    @classmethod
    def _someone(cls, value: list[str] | None) -> list[str] | None:
        """An empty list is a clause no one owes, or owed to no one: it would never bind, silently."""
        if value == []:
            raise ValueError("names no state: list the members, or leave it out for every member")
        return value
