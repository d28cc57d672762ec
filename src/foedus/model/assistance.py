"""Beyond the war clause: the forms of help and integration a treaty provides, and what each duty entails.

A treaty's `assistance` block lists, with article, basis and certainty, the help it provides besides
(or as part of) the duty to fight: arms and military aid, bases, integrated command or joint forces,
joint planning and exercises, troop contributions, defence-industrial cooperation, economic aid and
alliance organisations. Each form has a level that maps one to one onto an ATOP 5.1 code (see
`foedus.sources.atop_codes` and docs/depth.md), so encoded treaties and ATOP alliances are scored on
one scale. `duties` says, per defence or offence article, what the duty entails when the strength
code alone would say too little (e.g. Russia–DPRK Art. 4: "military and other assistance with all means").
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from foedus.model.facts import Article, Prose, StateRef
from foedus.model.numbers import Whole
from foedus.model.scope import Scope
from foedus.model.vocab import LEVELS, ORG_PURPOSES, SUPPORT_FORMS, Basis, Duty, HelpForm, Tag

__all__ = [
    "LEVELS",
    "ORG_PURPOSES",
    "SUPPORT_FORMS",
    "Assistance",
    "Basis",
    "Duty",
    "DutyEntry",
    "HelpEntry",
    "HelpForm",
    "Tag",
]



class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)


class HelpEntry(_Strict):
    """One form of help: who gives it to whom, under which article, on what basis, and how sure we are."""

    form: HelpForm
    level: str = Field(description="how far it goes; the levels of each form are listed in docs/depth.md")
    purpose: Literal["military", "economic", "political", "multiple", "disputes"] | None = Field(
        None, description="organisations only: what the body is for (ATOP ORGPURP)")
    article: Article | None = Field(None, description="article as the treaty numbers it; null = none or not known")
    by: list[StateRef] | None = Field(None, description="who gives or grants it (bases: the host); null = every member")
    to: list[StateRef] | None = Field(None, description="who receives it (bases: whose forces); null = every member")
    scope: Scope | None = Field(
        None, description="where the war must be for the help to be owed, as a clause's scope names places (territory, "
        "forces), read against every attack of the war (e.g. US–Japan Art. VI, the Far East); null = anywhere")
    when: Literal["peacetime", "wartime"] = Field(
        "peacetime", description="wartime: owed only once the defence duty is set off, as part of it")
    basis: Basis = Field(
        "treaty", description="treaty text; a companion agreement signed with it or named in it; or a separate "
        "agreement or decision (counted in depth_all only)")
    since: Whole | None = Field(None, description="year it began, when later than the treaty")
    until: Whole | None = Field(None, description="year it ended, if it did")
    summary: Prose | None = None
    certainty: Tag = "verified"
    note: Prose | None = None

    @model_validator(mode="after")
    def _level_known(self) -> HelpEntry:
        allowed = LEVELS[self.form]
        if self.level not in allowed:
            raise ValueError(f"level {self.level!r} is not one of {self.form.value}'s levels: {', '.join(allowed)}")
        if (self.purpose is not None) != (self.form is HelpForm.ORGANISATION):
            raise ValueError("'purpose' is required for organisations and only for them")
        if self.since is not None and self.until is not None and self.until < self.since:
            raise ValueError(f"until ({self.until}) is before since ({self.since})")
        if self.scope is not None and self.scope.debated:
            raise ValueError("scope.debated is not read for a form of help: list the places in territory or forces")
        return self


class DutyEntry(_Strict):
    """What one defence or offence article's duty entails, in words a reader can check."""

    article: Article = Field(min_length=1)
    entails: Duty
    wording: Prose | None = Field(None, description="a few words of the treaty, quoted or closely paraphrased")
    certainty: Tag = "verified"
    note: Prose | None = None


class Assistance(_Strict):
    """The forms of help and integration a treaty provides, what its duties entail, and open questions."""

    forms: list[HelpEntry] = Field(default_factory=list)
    duties: list[DutyEntry] = Field(default_factory=list)
    unknown: list[HelpForm] = Field(
        default_factory=list, description="forms whose presence is not known (text not public, or ATOP missing)")
    open_questions: list[Prose] = Field(default_factory=list,
                                        description="what reporting asks and the text leaves open")
    note: Prose | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Assistance:
        articles = [d.article for d in self.duties]
        if len(articles) != len(set(articles)):
            raise ValueError("duties: one entry per article")
        clash = {e.form for e in self.forms} & set(self.unknown)
        if clash:
            raise ValueError(f"forms both listed and marked unknown: {', '.join(sorted(clash))}")
        return self
