"""Where an attack counts and whose attack counts: scope tokens and the adversary clause."""

from __future__ import annotations

from collections.abc import Collection, Mapping
from typing import TYPE_CHECKING

from foedus.engine.leg import Counterparts, Leg
from foedus.engine.scenario import Attack
from foedus.model.vocab import ADMINISTERED_BY, ADMINISTERED_BY_PARTY, PLACE_ALONE, Kind

if TYPE_CHECKING:
    from foedus.model.places import Place
    from foedus.model.treaty import Provision

__all__ = ["binds_when_partner_attacks", "counterparts_of", "covers", "in_scope", "token_matches"]


def token_matches(token: str, place: Place, victim: str, parties: Collection[str] = ()) -> bool:
    """Whether a scope token covers `place`: a region id, place id, `home`, `overseas` (a place of the
    victim's that is not its home territory, outside Europe), `administered-by:X` (or `X|Y`: any of
    them), `administered-by-party` (one of the treaty's `parties` on the date), `place:ID` (that place alone, where
    a region shares its id), or `a+b` (all of them).

    >>> from foedus.model.places import Place
    >>> p = Place(id="guam", name="Guam", kind="territory", sovereign="USA", administrator="USA",
    ...           regions=["pacific-area"])
    >>> token_matches("pacific-area", p, "USA"), token_matches("home", p, "USA")
    (True, False)
    >>> token_matches("pacific-area+administered-by:KOR|USA", p, "KOR"), token_matches("overseas", p, "USA")
    (True, True)
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
    if token.startswith(PLACE_ALONE):
        return place.id == token.removeprefix(PLACE_ALONE)
    return False


def in_scope(provision: Provision, attack: Attack, place: Place, parties: Collection[str] = ()) -> bool:
    """Whether the attack's place and kind (territory or forces) fall in the provision's scope (`parties`: the
    treaty's parties on the date)."""
    tokens = provision.scope.territory if attack.kind == "territory" else provision.scope.forces
    if tokens is None:
        return True
    return any(token_matches(t, place, attack.victim, parties) for t in tokens)


def covers(leg: Leg, attack: Attack, places: Mapping[str, Place]) -> bool:
    """The place part of a leg's trigger: in scope for the kinds that protect a victim, always for offence
    and non-aggression (they follow the attacker, wherever it strikes)."""
    kind = leg.provision.kind
    if kind in (Kind.OFFENSE, Kind.NONAGGRESSION):
        return True
    if kind is Kind.NEUTRALITY and leg.beneficiary == attack.attacker:
        return True
    return in_scope(leg.provision, attack, places[attack.place], leg.parties)


def binds_when_partner_attacks(provision: Provision) -> bool:
    """Whether a neutrality clause also binds when its partner attacks (ATOP NEUCOATT = 0), not only when attacked.

    The trigger (`verdict.triggered`), the `aggressor` gate and every engine's list of the legs that may bind on
    their beneficiary's attack read this one test (as `where.binds_when_partner_attacks`, looked up when called)."""
    return provision.when_partner_attacks


def counterparts_of(provision: Provision, members: frozenset[str]) -> Counterparts:
    """The adversary clause: any state, only the named states, or only non-members of the treaty."""
    cond = provision.adversary
    if cond.type == "named":
        return Counterparts(allow=frozenset(cond.states))
    if cond.type == "non_members":
        return Counterparts(deny=members)
    return Counterparts()
