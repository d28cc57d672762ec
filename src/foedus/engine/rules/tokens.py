"""What one scope token covers (`token_matches`): the rule `where` reads for every scope, kept apart from the
engine's scenario so the treaty loader can ask it of a file (`foedus.model.scope_reach`) without an import circle.
"""

from __future__ import annotations

import functools
from collections.abc import Collection
from typing import TYPE_CHECKING

from foedus.model.vocab import ADMINISTERED_BY, ADMINISTERED_BY_PARTY, PLACE_ALONE, VICTIM, WORD_TOKENS

if TYPE_CHECKING:
    from foedus.model.places import Place

__all__ = ["Parted", "any_matches", "parted", "token_matches"]

# a list of scope tokens as `any_matches` reads it (`parted`): the names of regions and places, and the other tokens
Parted = tuple[frozenset[str], tuple[str, ...]]


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


@functools.lru_cache(maxsize=256)
def parted(tokens: tuple[str, ...]) -> Parted:
    """`tokens` as `any_matches` reads them: those that name a region or a place as a set (no `+`, no `prefix:`, not
    a word: a place is covered by one where its id or one of its regions is it, `token_matches`'s first test, and by
    no other), then the others, each read by `token_matches` (kept per list: a war's attacks read the same lists)."""
    names = frozenset(t for t in tokens if "+" not in t and ":" not in t and t not in WORD_TOKENS)
    return names, tuple(t for t in tokens if t not in names)


def any_matches(part: Parted, place: Place, victim: str, parties: Collection[str] = ()) -> bool:
    """Whether a token of a `parted` list covers `place` (`token_matches` of each), the names of regions and places
    looked up in C: a place limit's dozen names read against each attack of an escalatory war cost a sixth of its
    cascade read one by one (docs/performance.md, session 65).

    >>> from foedus.model.places import Place
    >>> p = Place(id="guam", name="Guam", kind="territory", sovereign="USA", administrator="USA",
    ...           regions=["pacific-area"])
    >>> any_matches(parted(("japan", "pacific-area")), p, "USA"), any_matches(parted(("japan", "home")), p, "USA")
    (True, False)
    >>> any_matches(parted(("japan", "victim:USA")), p, "USA"), any_matches(parted(("guam",)), p, "JPN")
    (True, True)
    """
    names, others = part
    if place.id in names or not names.isdisjoint(place.regions):
        return True
    return any(token_matches(t, place, victim, parties) for t in others) if others else False
