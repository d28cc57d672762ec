"""What the gazetteer is built from besides its bundled places (`foedus.model.gazetteer.Gazetteer.load`, which reads
the files): each state's home territory, with region tags from the UN geography `countrycode` carries, the checks
of the regions and states a place names, and the dated holders of `place_history.yaml`. Split from
`foedus.model.gazetteer` (the lookup) so each module stays small."""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from foedus.errors import TreatyDataError
from foedus.model.bundled import validated
from foedus.model.slug import slugify
from foedus.model.state_reader_names import id_name

if TYPE_CHECKING:
    from foedus.model.places import Place, Region
    from foedus.model.states import State, StateRegistry

__all__ = ["add_history", "check_named", "home_note", "home_place"]


_SUBREGION_TAGS = {
    "Northern America": ["north-america", "americas"],
    "Central America": ["central-america", "americas"],
    "Caribbean": ["caribbean", "americas"],
    "South America": ["south-america", "americas"],
    "Eastern Asia": ["asia", "east-asia"],
    "South-Eastern Asia": ["asia", "southeast-asia"],
    "Southern Asia": ["asia", "south-asia"],
    "Central Asia": ["asia", "central-asia"],
    "Western Asia": ["asia", "middle-east"],
}
_CONTINENT_TAGS = {"Europe": ["europe"], "Africa": ["africa"], "Oceania": ["oceania"],
                   "Asia": ["asia"], "Americas": ["americas"]}


def check_named(place: Place, regions: dict[str, Region], states: StateRegistry, file: str, where: str) -> None:
    """The regions and states `place` (the entry `where` of `file`) names are known ones."""
    for j, region in enumerate(place.regions):
        if region not in regions:
            raise TreatyDataError(file, f"{where}.regions[{j}]", f"unknown region {region!r}")
    named = (("sovereign", place.sovereign), ("administrator", place.administrator),
             *((f"claimants[{j}]", c) for j, c in enumerate(place.claimants)))
    for key, holder in named:
        if holder is not None and holder not in states.states:
            raise TreatyDataError(file, f"{where}.{key}", f"unknown state {holder!r}")


def add_history(places: dict[str, Place], regions: dict[str, Region], states: StateRegistry,
                history: Mapping[Any, Any]) -> None:
    """Attach the dated holders (and extra aliases) of `place_history.yaml` (read as `history`) to their places,
    checked, and its dated names (`names`: East Pakistan, 1955-71); a wrong holder is named by its place in the list
    (`crimea.holders[1].sovereign`)."""
    from foedus.model.places import Place, PlaceHistory

    for place_id, entry in history.items():
        if place_id not in places:
            raise TreatyDataError("place_history.yaml", str(place_id),
                                  f"unknown place {place_id!r} (see `foedus places --homes`)")
        record = validated(PlaceHistory, entry, "place_history.yaml", place_id)
        for i, h in enumerate(record.holders):
            check_named(Place(id=place_id, name=place_id, kind="area", sovereign=h.sovereign,
                              administrator=h.administrator, claimants=h.claimants, regions=h.regions),
                        regions, states, "place_history.yaml", f"{place_id}.holders[{i}]")
        place = places[place_id]
        if (same := next((n for n in record.names if n.name == place.name), None)) is not None:
            raise TreatyDataError("place_history.yaml", f"{place_id}.names", f"{same.name!r} is the place's own "
                                  "name: a dated name is one it had otherwise")
        places[place_id] = place.model_copy(update={"history": record.holders, "dated_names": record.names,
                                                    "aliases": [*place.aliases, *record.aliases]})


def home_note(name: str) -> str:
    """The note of the home territory of the state called `name`."""
    return f"home territory of {name}"


def home_place(state: State, adjust: dict[str, dict[str, list[str]]], taken: dict[str, Place]) -> Place:
    """The home territory of `state`: its region tags from its continent and subregion, as `adjust`
    (`home_regions.yaml`) adds and removes them; its id its name's slug, with the state's id where a place of
    `taken` has that one (the slug of the name its source spells, `state_reader_names.id_name`: ids stay as they
    were before the reader's names)."""
    tags = list(_CONTINENT_TAGS.get(state.continent or "", []))
    tags += _SUBREGION_TAGS.get(state.subregion or "", [])
    tags += adjust.get("add", {}).get(state.id, [])
    from foedus.model.places import Place

    removed = set(adjust.get("remove", {}).get(state.id, []))
    regions = sorted({t for t in tags if t not in removed})
    place_id = slugify(id_name(state.ccode, state.name))
    if place_id in taken:
        place_id = f"{place_id}-{state.id.lower()}"
    return Place(
        id=place_id,
        name=state.name,
        kind="home",
        aliases=[state.id, *([state.cow_abb] if state.cow_abb else [])],
        sovereign=state.id,
        administrator=state.id,
        regions=regions,
        note=home_note(state.name),
    )
