"""Derived views of a treaty's help: what each defence or offence duty entails, and every form of help.

`duty_of` reads the explicit `assistance.duties` entry for an article when there is one, else derives
the duty from the strength code (S1 all means, S2 and S5 aid, S3 constitutional processes, S4 consult).
`forms_of_help` lists the war clause as `troops` (one entry per defence or offence provision that can
mean fighting) followed by the encoded forms.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from foedus.datarecord import dataclass
from foedus.model.vocab import Duty, HelpForm, Kind, Strength

if TYPE_CHECKING:
    from foedus.model.assistance import HelpEntry
    from foedus.model.treaty import Provision, Treaty


__all__ = ["DUTY_TEXT", "DutyView", "duty_of", "forms_of_help", "held_in"]

DUTY_BY_STRENGTH = {Strength.S1: Duty.ALL_MEANS, Strength.S2: Duty.AID, Strength.S3: Duty.CONSTITUTIONAL,
                    Strength.S4: Duty.CONSULT, Strength.S5: Duty.AID}
DUTY_TEXT = {
    Duty.ALL_MEANS: "fight: help at once with all means",
    Duty.AID: "give aid, the means left to it, armed force included",
    Duty.CONSTITUTIONAL: "act, through its own constitutional process",
    Duty.CONSULT: "consult",
}
"""What each duty entails in general, as a class (a treaty's own words are its `duties` wording, shown quoted)."""


@dataclass(frozen=True, slots=True)
class DutyView:
    """What one article's duty entails; `explicit` when the treaty file says so, not only its strength code."""

    article: str
    entails: Duty
    wording: str | None
    explicit: bool
    certainty: str
    note: str | None = None

    @property
    def text(self) -> str:
        """One line: the wording when there is one, else the generic meaning of the duty."""
        return f'"{self.wording}"' if self.wording else DUTY_TEXT[self.entails]

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"article": self.article, "entails": self.entails.value, "meaning": DUTY_TEXT[self.entails],
                "wording": self.wording, "explicit": self.explicit, "certainty": self.certainty, "note": self.note}


def duty_of(treaty: Treaty, provision: Provision) -> DutyView:
    """What `provision`'s duty entails (explicit entry for its article, else from its strength)."""
    if treaty.assistance is not None:
        for d in treaty.assistance.duties:
            if d.article == provision.article:
                return DutyView(d.article, d.entails, d.wording, True, d.certainty, d.note)
    return DutyView(provision.article, DUTY_BY_STRENGTH[provision.strength], None, False,
                    provision.certainty.value)


def forms_of_help(treaty: Treaty) -> list[HelpEntry]:
    """The war clause as `troops` entries (defence and offence provisions short of consultation, but those whose
    obligors may limit their aid to non-military means: `Provision.non_military`), then the rest."""
    from foedus.model.assistance import HelpEntry  # here: a cascade reads duties without the validating schema

    troops = []
    for p in treaty.provisions:
        if p.kind not in (Kind.DEFENSE, Kind.OFFENSE):
            continue
        duty = duty_of(treaty, p)
        if duty.entails is Duty.CONSULT or p.non_military:  # consultation, or aid it may keep non-military: no fight
            continue
        troops.append(HelpEntry(form=HelpForm.TROOPS, level="fight", article=p.article, by=p.obligors,
                                to=p.beneficiaries, when="wartime", summary=f"{p.kind.value}: {duty.text}",
                                certainty=p.certainty.value))
    return troops + list(treaty.assistance.forms if treaty.assistance else [])


def held_in(entry: HelpEntry, year: int) -> bool:
    """Whether a form of help held in `year`: from its `since` through its `until`, both years included (a form that
    ended in 1977 held for part of it). The one rule of every reader of a form's span: the support legs
    (`foedus.engine.rules.support`) and an alliance's depth in a year (`foedus.sources.atop_codes.treaty_codes`). A
    function, not a method: the cascade reads the entries as generated records (`foedus.model.record_types`)."""
    return (entry.since is None or entry.since <= year) and (entry.until is None or year <= entry.until)
