"""The gazetteer: bundled places and regions, plus every state's home territory.

Home territories are generated from the state registry; their region tags come from the UN
geography that `countrycode` carries, adjusted by `data/home_regions.yaml`.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING

from foedus.datarecord import dataclass, field
from foedus.errors import AmbiguousNameError, UnknownPlaceError, UnknownStateError, not_a_state, shown
from foedus.model.bundled import read_bundled, validated
from foedus.model.gazetteer_build import add_history, check_named, home_note, home_place
from foedus.model.hidden import refuse_hidden
from foedus.model.name_indexed import NameIndexed
from foedus.model.slug import slugify
from foedus.model.states import StateRegistry, spells_text

if TYPE_CHECKING:
    from foedus.model.places import Place, Region

__all__ = ["Gazetteer", "Held", "home_note"]


class Held(dict[str, "Place"]):
    """Every place as held on one day, by id (`Gazetteer.on`), with the state each home territory is the home of
    (`owner`, the gazetteer's): a reader of the day's places (the engine's citations) names a home territory as the
    gazetteer does (`called`), not by its holder that day (East Pakistan, PAK's in 1965, is Bangladesh's home)."""

    __slots__ = ("owner",)

    def __init__(self, places: Mapping[str, Place], owner: Mapping[str, str]) -> None:
        super().__init__(places)
        self.owner = owner

    def called(self, place_id: str, names: Mapping[str, str]) -> str:
        """The place's name when the states were called `names` (`foedus.place_words.place_name`, its owner given)."""
        from foedus.place_words import place_name

        return place_name(self[place_id], names, self.owner.get(place_id))


@dataclass
class Gazetteer(NameIndexed):
    """Regions and places by id, with loose lookup by name and alias."""

    regions: dict[str, Region]
    places: dict[str, Place]
    home_of: dict[str, str] = field(default_factory=dict)
    sets: dict[str, list[str]] = field(default_factory=dict)  # named place sets, for the loader (`model.place_sets`)
    doubted_sets: dict[str, str] = field(default_factory=dict)  # the sets whose extent is not verified: certainty
    set_doubts: dict[str, str] = field(default_factory=dict)  # the same sets: what is unsure (`PlaceSet.doubt`)
    _index: dict[str, str] = field(default_factory=dict, repr=False)
    _dated: dict[dt.date, Held] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for place in self.places.values():
            for key in (place.id, place.name, *place.aliases, *(n.name for n in place.dated_names)):
                self._index.setdefault(slugify(key), place.id)

    def __iter__(self) -> Iterator[Place]:
        return iter(sorted(self.places.values(), key=lambda p: (p.kind == "home", p.id)))

    def on(self, day: dt.date) -> Held:
        """Every place as held on `day` (dated holders applied), by id, knowing each home territory's owner; cached
        per day."""
        dated = self._dated.get(day)
        if dated is None:
            dated = Held({pid: (p.on(day) if p.history or p.dated_names else p) for pid, p in self.places.items()},
                         self._owner)
            if len(self._dated) > 64:
                self._dated.clear()
            self._dated[day] = dated
        return dated

    def called(self, place: Place, names: Mapping[str, str]) -> str:
        """The place's name when the states were called `names` (`StateRegistry.names_on`): a state's home territory
        is named as its state was (COW300's, `austria-hungary`, is the Austrian Empire in 1859; its id stays), even
        where another holds it that day (`owner`), any other place by its own name."""
        from foedus.place_words import place_name

        return place_name(place, names, self._owner.get(place.id))

    def owner(self, place_id: str) -> str | None:
        """The state whose home territory the place is, on every day (a dated holder does not change it: Estonia's
        in 1950, Bangladesh's as East Pakistan); None for any other place. The one rule `called`, `Held` and
        `resolve` read."""
        return self._owner.get(place_id)

    @functools.cached_property
    def _owner(self) -> dict[str, str]:
        """The state each home territory is the home of (the first in `home_of`'s order), made once: `called` asks it
        of every victim of every scenario (not a field, so `indexed`'s `without_post_init` needs nothing)."""
        owner: dict[str, str] = {}
        for state, place in self.home_of.items():
            owner.setdefault(place, state)
        return owner

    def home(self, state_id: str, day: dt.date | None = None) -> Place:
        """The home (metropolitan) territory of a state (as held on `day`, when given)."""
        place = self.places[self.home_of[state_id]]
        return place.on(day) if day is not None and (place.history or place.dated_names) else place

    def resolve(self, text: str, states: StateRegistry | None = None, day: dt.date | None = None) -> Place:
        """Find a place by id, name or alias (loosely), or a state's home territory by its code or name.

        Raises:
            UnknownPlaceError: nothing matched (the message lists close suggestions, places or areas, an area with
                the places it spans; or, for an area that spans places of several states, such as the Suwałki Gap,
                those places: `foedus.model.place_spans`), or the text hides a character
                (`foedus.model.hidden`), as a typed state name may not: "Crim\\u202eea" was read as Crimea; or it
                names the home territory of a state that is no state on `day` (`_held`).
            AmbiguousNameError: the name is a state name that several states have carried (e.g. Congo, or Korea on
                a day when both Koreas are states), and more than one (or none) of them is a state on `day`.
        """
        refuse_hidden(text, error=lambda problem: UnknownPlaceError(f"the place {text!r} {problem}"))
        key = slugify(text)
        if key in self._index:
            place = self.places[self._index[key]]
            if states is None or place.kind != "home":
                return place
            if not states.carriers(text):  # a name several states carried ("Korea") is read as a state's, below
                return _held(place, self._owner[place.id], text, states, day)
        if states is not None:
            try:
                home = self.home(states.resolve_id(text, day))
                return _held(home, self._owner[home.id], text, states, day)
            except (UnknownStateError, KeyError):
                pass
            except AmbiguousNameError as exc:  # a place is one: a state's home territory, or a place of the gazetteer
                raise exc.advised(" for its home territory, or one place id or name (`foedus places`)") from None
        from foedus.model.place_spans import area_names, span_error, spanned  # here: only an unknown place needs it

        if (refused := span_error(text, self.places, states, day)) is not None:
            raise refused
        if (region := self._region(key)) is not None:
            raise self._region_refused(text, region)
        if key in self.sets:  # a treaty scope's name for several places (`foedus.model.place_sets`)
            raise UnknownPlaceError(f"{shown(text)} is a set of places, not a place: an attack hits one place; name "
                                    f"one of them: {', '.join(self.sets[key])}")
        import difflib

        areas = {k: area for k, area in area_names().items() if k not in self._index}  # "Kashmr": the Kashmir region
        close = sorted(difflib.get_close_matches(key, [*self._index, *areas], n=12, cutoff=0.6),
                       key=lambda c: _closeness(key, c, c in areas))  # "atlantis": north-atlantic, not the Baltics
        ids = list(dict.fromkeys(self._index.get(c) or areas[c] for c in close))[:3]  # each once, however many names
        said = [f"{a} is {spanned(a, self.places, states, day)}: name one of them" for a in ids
                if a in areas.values() and a not in self.places]  # an area: its places, not a name to retype
        named = [f"{i} ({self.places[i].name})" if i in self.places and slugify(self.places[i].name) != i else i
                 for i in ids]  # "gaza (Gaza Strip)": the id alone read as the text echoed back ("Gaza area")
        hint = (f"; did you mean {', '.join(named)}?" if ids else "") + (f" {'; '.join(said)}" if said else "")
        raise UnknownPlaceError(f"unknown place {shown(text)}{hint} (try `foedus places`)")

    def named_id(self, text: str) -> str | None:
        """The id of the place whose own id, name or alias `text` is (loosely: `slugify`'s key; a home territory's
        aliases are its state's id and COW abbreviation); None for any other text, such as an area's or a region's."""
        return self._index.get(slugify(text))

    def place_not_state(self, text: str, states: StateRegistry, day: dt.date, *,
                        place_option: bool = True) -> UnknownStateError | None:
        """The refusal of `text`, given as a state, where it names a place ("Gaza Strip", "Crimea"; "East Pakistan"
        in 1965): with `place_option` (a target), the place goes in --place, its holder on `day` in the target (a held
        place's refusal carries both as `place`, for the web form to offer); else (an attacker, a treaty's new
        member) it is only said to be a place, held by whom. An area across several places ("Kurdistan",
        `foedus.model.place_spans`) names them; None where it names neither. It was "unknown state", with no word of
        --place. A text hiding a character gets None: the state's refusal names it ("U\\u200bSA" was read as the
        United States' home territory)."""
        try:
            refuse_hidden(text)
        except ValueError:
            return None
        place_id = self.named_id(text)
        if place_id is None:
            from foedus.model.place_spans import area_names, spanned, spans  # here: only an unknown target needs it

            if (area := area_names().get(key := slugify(text))) is None:  # a region or a place set is said to be one
                region, members = self._region(key), self.sets.get(key)
                what = f"a region ({region.name})" if region else f"a set of places ({', '.join(members or [])})"
                return UnknownStateError(not_a_state(text, what)) if region or members else None
            homes = all(self.places[p].kind == "home" for p in spans()[area].places)  # the Baltic states: states
            how = "give their states as the target" if homes else "use one of them as --place ID, with its holder as " \
                "the target"
            said = f"{shown(text)} is not a state but {spanned(area, self.places, states, day)}"
            return UnknownStateError(f"{said}: {how}" if place_option else said)
        place = self.places[place_id].on(day)
        name = self.called(place, states.names_on(day))  # "'Gaza' is a place (Gaza Strip)": the place it names
        said = f"{shown(text)} is a place{f' ({name})' if slugify(name) != slugify(text) else ''}, not a state"
        if not place.holders("recognized"):  # a sea: no state's territory, only the forces of one there
            how = "with --target-kind forces and the state whose forces are hit as the target"
            return UnknownStateError(f"{said}: use --place {place_id} {how}" if place_option else said)
        names = states.names_on(day)
        holder = place.recognized_holder(names)
        if not place_option:
            return UnknownStateError(f"{said} (held on {day} by {holder})")
        held_by = place.sovereign or place.administrator or ""  # the state a target names with --place
        advice = {"id": place_id, "name": self.called(place, names), "holder": held_by,
                  "holder_name": names.get(held_by, held_by)}
        return UnknownStateError(f"{said}: use --place {place_id} with the state that holds it as the target (on "
                                 f"{day}: {holder})", place=advice)

    def _region(self, key: str) -> Region | None:
        """The region whose id or name `key` (slugified) is."""
        return next((r for r in self.regions.values() if key in (r.id, slugify(r.name))), None)

    def _region_refused(self, text: str, region: Region) -> UnknownPlaceError:
        """The error for a typed region ("Europe", "Sahel"): an attack hits one place, so a region is no answer;
        it was 'unknown place', though `foedus places --regions` lists it. A few places in it are named instead."""
        inside = [p.id for p in self if region.id in p.regions][:3]
        such = f", such as {', '.join(inside)}" if inside else ""
        return UnknownPlaceError(f"{shown(text)} is a region ({region.name}), not a place: an attack hits one place; "
                                 f"name a place in it{such} (`foedus places` gives each place's regions)")

    @classmethod
    def load(cls, states: StateRegistry) -> Gazetteer:
        """Read the bundled regions and places and add a home territory for every state."""
        from foedus.model.places import Place, Region

        read = (validated(Region, raw, "regions.yaml", i) for i, raw in enumerate(read_bundled("regions.yaml")))
        regions = {r.id: r for r in read}
        places: dict[str, Place] = {}
        for i, raw in enumerate(read_bundled("places.yaml")):
            place = validated(Place, raw, "places.yaml", i)
            check_named(place, regions, states, "places.yaml", f"[{i}] ({place.id})")
            places[place.id] = place
        adjust: dict[str, dict[str, list[str]]] = read_bundled("home_regions.yaml") or {}
        home_of: dict[str, str] = {}
        for state in states:
            place = home_place(state, adjust, taken=places)
            places[place.id] = place
            home_of[state.id] = place.id
        add_history(places, regions, states, read_bundled("place_history.yaml") or {})
        from foedus.model.place_sets import load_place_sets

        doubted: dict[str, str] = {}
        doubts: dict[str, str] = {}
        sets = load_place_sets(places, regions, doubted, doubts)
        return cls(regions=regions, places=places, home_of=home_of, sets=sets, doubted_sets=doubted,
                   set_doubts=doubts)


def _held(place: Place, owner_id: str, text: str, states: StateRegistry, day: dt.date | None) -> Place:
    """`place`, the home territory of `owner_id` (`Gazetteer.owner`) that `text` names, if someone holds it on `day`
    (today when None): the home of a state that is no state then is refused, unless a dated holder gives it to another
    ("East Pakistan" in 1965). A name several states carried ("Korea") is read as a state name is, before: typed in
    2020 it names both Koreas, not the home of the kingdom of 1887-1905. The owner is named as called on the day
    (Yugoslavia in 1942)."""
    owner, on = states.get(owner_id), day or dt.date.today()
    if owner.member_on(on) is not False or place.on(on).sovereign != owner.id:
        return place
    raise UnknownPlaceError(
        f"the place {text!r} is the home territory of {states.names_on(on)[owner.id]} ({owner.id}), which is no state "
        f"of the system on {on} (a member {spells_text(owner.spells)}); give a place held on that day "
        "(`foedus places`)")


def _closeness(typed: str, name: str, area: bool) -> tuple[int, float, bool]:
    """How a suggestion ranks (lower first): by the longest run it shares with the typed text, then difflib's ratio,
    then a place before an area (an area cannot be the --place: its places are named instead). By ratio alone
    "atlantis" was told the Baltic states first ("baltics", 0.667) and north-atlantic third (0.636), though it shares
    "atlanti"; "Kashmr" is still told the Kashmir region first (0.923), its places after.

    >>> sorted(["baltics", "albania", "north-atlantic"], key=lambda n: _closeness("atlantis", n, n == "baltics"))
    ['north-atlantic', 'albania', 'baltics']
    """
    import difflib

    matcher = difflib.SequenceMatcher(None, typed, name)
    return -matcher.find_longest_match(0, len(typed), 0, len(name)).size, -matcher.ratio(), area
