"""What one scope token covers (`token_matches`): the rule `where` reads for every scope, kept apart from the
engine's scenario so the treaty loader can ask it of a file (`foedus.model.scope_reach`) without an import circle.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING

from foedus.model.vocab import ADMINISTERED_BY, ADMINISTERED_BY_PARTY, PLACE_ALONE, VICTIM

if TYPE_CHECKING:
    from foedus.model.places import Place

__all__ = ["token_matches"]


def token_matches(token: str, place: Place, victim: str, parties: Collection[str] = ()) -> bool:
    """Whether a scope token covers `place`: a region id, place id, `home`, `overseas` (a place of the
    victim's that is not its home territory, outside Europe), `administered-by:X` (or `X|Y`: any of
    them), `administered-by-party` (one of the treaty's `parties` on the date), `place:ID` (that place alone, where
    a region shares its id), `victim:X` (or `X|Y`: the attack is on one of them, wherever it falls: US–Japan Art. IV's
    consultation, owed when Japan's security is threatened), or `a+b` (all of them).

    >>> from foedus.model.places import Place
    >>> p = Place(id="guam", name="Guam", kind="territory", sovereign="USA", administrator="USA",
    ...           regions=["pacific-area"])
    >>> token_matches("pacific-area", p, "USA"), token_matches("home", p, "USA")
    (True, False)
    >>> token_matches("pacific-area+administered-by:KOR|USA", p, "KOR"), token_matches("overseas", p, "USA")
    (True, True)
    >>> token_matches("victim:JPN", p, "JPN"), token_matches("victim:JPN", p, "USA")
    (True, False)
    """
    if "+" in token:
        return all(token_matches(part, place, victim, parties) for part in token.split("+"))
    if token == place.id or token in place.regions:
        return True
    if token == "home":
        return place.kind in ("home", "subnational") and victim in (place.sovereign, place.administrator)
    if token == "overseas":
        return place.kind != "home" and "europe" not in place.regions and victim in place.holders("claimant")
    if token.startswith(ADMINISTERED_BY):
        return place.administrator in token.removeprefix(ADMINISTERED_BY).split("|")
    if token == ADMINISTERED_BY_PARTY:
        return place.administrator in parties
    if token.startswith(VICTIM):
        return victim in token.removeprefix(VICTIM).split("|")
    if token.startswith(PLACE_ALONE):
        return place.id == token.removeprefix(PLACE_ALONE)
    return False
