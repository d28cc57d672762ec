"""A place in the words a reader reads: by its gazetteer name ("Kursk Oblast", "Second Thomas Shoal"), not its id, and
not said at all after a state attacked on its own home territory ("Russia (RUS) attacked Estonia (EST)": "at estonia"
repeated the state). Ids stay where they are keys (JSON fields, CSV columns, scenario files). The web's copy:
web/src/placesaid.ts (tests/test_said_parity.py)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any, Protocol

from foedus.wording import named_state

if TYPE_CHECKING:
    import datetime as dt

    from foedus.model.places import Place


class _Gazetteer(Protocol):  # what `named_places` reads of a `foedus.model.gazetteer.Gazetteer` (no import circle)
    def on(self, day: dt.date) -> dict[str, Place]: ...
    def called(self, place: Place, names: Mapping[str, str]) -> str: ...

__all__ = ["at_place", "attack_words", "changed_places", "named_places", "place_name", "where_said"]


def place_name(place: Place, names: Mapping[str, str], owner: str | None) -> str:
    """The place's name when the states were called `names`: a state's home territory as its state, `owner`
    (`Gazetteer.owner`), was called, any other place by its own name. Not by its sovereign: on a day another holds
    it, that is the holder (East Pakistan's sovereign in 1965 is Pakistan), and the engine said "Pakistan is within
    the scope of art. VIII" of the attack the same result put "at Bangladesh". A place held on a day it had another
    name (`Place.on`: East Pakistan in 1965, not yet Bangladesh's) by that name."""
    if place.kind != "home" or owner is None or (place.dated_names and place.renamed()):
        return place.name
    return names.get(owner, place.name)


def named_places(gazetteer: _Gazetteer, day: dt.date, places: Iterable[str], names: Mapping[str, str]
                 ) -> dict[str, str]:
    """Each of `places` (ids) by its name as on `day`, by id (`Gazetteer.called`); an unknown id is left out. A result
    names its opening attacks' places so (what its text says after "at": `at_place`; a strike the reading assumes
    falls on its victim's home, which is not said), a war's frame the places of its changes (`changed_places`)."""
    on = gazetteer.on(day)
    return {pid: gazetteer.called(on[pid], names) for pid in places if pid in on}


def changed_places(changes: Iterable[Mapping[str, Any]]) -> set[str]:
    """The places a war's change records name (an attack's, an attack's end), which their text says by name."""
    return {a["place"] for c in changes for a in (c.get("attacks", ()) if "attacks" in c else (c,)) if "place" in a}


def at_place(place: str, victim: str, called: Mapping[str, str], homes: Mapping[str, str]) -> str:
    """Where an attack on `victim` falls, said after the victim's name: " at Kursk Oblast" (`called`: each place's
    name by its id, else the id), or nothing for the victim's own home territory (`homes`: each state's home place)."""
    return "" if homes.get(victim) == place else f" at {called.get(place, place)}"


def attack_words(by: str, victim: str, kind: str, place: str, names: Mapping[str, str], verb: str = "attacks",
                 places: Mapping[str, str] | None = None, homes: Mapping[str, str] | None = None) -> str:
    """An attack as every text rendering words one: "Ukraine (UKR) attacks Russia (RUS) at Kursk Oblast", or
    "... attacks Russia (RUS)'s forces at Black Sea", each state named (`named_state`), the place by name after "at"
    (`at_place`: `places` name them, else the id; none on the victim's home territory, one of `homes`)."""
    forces = "'s forces" if kind == "forces" else ""
    where = at_place(place, victim, places or {}, homes or {})
    return f"{named_state(by, names)} {verb} {named_state(victim, names)}{forces}{where}"


def where_said(targets: Sequence[str], places: Sequence[str], called: Mapping[str, str], homes: Mapping[str, str]
               ) -> str:
    """Where the opening attacks hit, after the targets: each target's place (`places`, in `targets`' order) by name,
    once, where a target is not attacked on its own home territory (`at_place`: "→ Russia (RUS) at Kursk Oblast",
    "→ Estonia (EST)"). The web's title alike (web/src/placesaid.ts `whereSaid`)."""
    pairs = zip(targets, places, strict=False)
    said = dict.fromkeys(at_place(p, t, called, homes).removeprefix(" at ") for t, p in pairs)
    return f" at {', '.join(w for w in said if w)}" if any(said) else ""
