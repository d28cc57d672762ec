"""Where an attack counts (`Scope`): the place model a treaty clause's scope and a form of help's place limit share,
so a provision (`foedus.model.treaty.Provision.scope`) and a form of help (`foedus.model.assistance.HelpEntry.scope`)
name places, regions and place sets one way, checked by one loader and read by one rule (`token_matches`).
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

__all__ = ["Scope"]


class Scope(BaseModel):
    """Where an attack counts. Tokens are region ids, place ids, `place:ID` (the place alone, where a region shares
    its id), `home`, `overseas`, `administered-by:ISO3` (or `administered-by:A|B`), `administered-by-party` (a party
    of the treaty on the date administers the place), `victim:ISO3` (the attack is on that state, wherever it falls;
    or `victim:A|B`), or several joined by `+` (all must hold), e.g.
    `pacific-area+administered-by-party`. A token alone may also be a place set's id (`place_sets.yaml`, e.g.
    `french-overseas-debated`): the loader puts the set's places there.

    `territory`: where an attack on the victim's territory counts (null = anywhere).
    `forces`: where an attack on its forces, public vessels or aircraft counts
    (null = anywhere, [] = attacks on forces are not covered).
    """

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    territory: list[str] | None = None
    forces: list[str] | None = None
    debated: list[str] = Field(
        default_factory=list, description="tokens where coverage is debated: binds, but lowers certainty"
    )
    article: str | None = Field(
        default=None, description="the article that defines this area, where not the provision's own (NATO's Art. 6 "
        "for its Art. 5): what a joiner's 'within the scope of' line cites"
    )
