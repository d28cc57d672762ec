"""Named sets of places (`data/place_sets.yaml`): a treaty scope's list (territory, forces, debated) may name a set
where it names places, and the loader puts the set's places there (`named_sets`), so a list that several treaty files
share is written once, and every engine reads the same compiled scope (a set is never seen past the loader).

A set's id shares the scope tokens' names with the places and regions, so it may be neither, nor a token of its own
(`home`, `overseas`, `administered-by-party`); it lists places, never another set.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Mapping
from typing import Any

from foedus.errors import TreatyDataError
from foedus.model.bundled import read_bundled, validated
from foedus.model.vocab import WORD_TOKENS

__all__ = ["SETS_FILE", "checked_sets", "load_place_sets", "named_sets", "not_one_place"]

SETS_FILE = "place_sets.yaml"
_SLUG_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


def load_place_sets(places: Mapping[str, Any], regions: Collection[str], doubted: dict[str, str] | None = None,
                    doubts: dict[str, str] | None = None) -> dict[str, list[str]]:
    """The bundled sets, checked against the gazetteer's `places` (home territories too) and `regions`: each set's
    id with its place ids (`doubted`, when given, gets each set whose extent is not verified, with its certainty;
    `doubts` the same sets with their `doubt`, the words a reader of a treaty naming the set is shown)."""
    return checked_sets(read_bundled(SETS_FILE) or {}, places, regions, doubted=doubted, doubts=doubts)


def checked_sets(raw: Any, places: Mapping[str, Any], regions: Collection[str],
                 file: str = SETS_FILE, doubted: dict[str, str] | None = None,
                 doubts: dict[str, str] | None = None) -> dict[str, list[str]]:
    """The sets of `raw` (the YAML of `file`), each set's id with its place ids; `doubted`, when given, gets the id
    of each set whose extent is not verified (`PlaceSet.certainty`) with its certainty, which a line resting on the
    set's extent says (a place limit: "far-east-1960, extent unverified"), and `doubts` the same ids with what is
    unsure (`PlaceSet.doubt`), which `foedus treaties show` and `foedus places --sets` say.

    Raises:
        TreatyDataError: a malformed set, an id that is no slug or is also a place's, a region's or a token's, a
            member that is another set, no place, or listed twice, or a set not verified that says no `doubt` (or a
            verified one that does); naming the file and the set.
    """
    from foedus.model.places import PlaceSet

    if not isinstance(raw, dict):
        raise TreatyDataError(file, "", f"must be a mapping of set ids to sets, got {type(raw).__name__}")
    sets: dict[str, list[str]] = {}
    for key, entry in raw.items():
        name = str(key)
        record = validated(PlaceSet, entry, file, name)
        if not _SLUG_RE.match(name):
            raise TreatyDataError(file, name, f"place set id {name!r} is not a lowercase slug")
        also = ("a place" if name in places else "a region" if name in regions
                else "a scope token" if name in WORD_TOKENS else None)
        if also:
            raise TreatyDataError(file, name, f"the place set {name!r} has the id of {also}: a scope would read the "
                                  "name two ways; give the set another id")
        for j, member in enumerate(record.places):
            where = f"{name}.places[{j}]"
            if member in raw:
                raise TreatyDataError(file, where, f"the place set {name!r} names the place set {member!r}: a set "
                                      "lists places, not sets (list its places)")
            if member not in places:
                raise TreatyDataError(file, where, f"the place set {name!r} names {member!r}, which is no place "
                                      "(see `foedus places`)")
            if member in record.places[:j]:
                raise TreatyDataError(file, where, f"the place set {name!r} lists {member!r} twice")
        if (record.certainty == "verified") == (record.doubt is not None):
            raise TreatyDataError(file, f"{name}.doubt", f"the place set {name!r} is {record.certainty.value}: "
                                  + ("a verified set says no doubt (drop it, or give the certainty it rests on)"
                                     if record.doubt else "say what is unsure about its extent in `doubt`"))
        sets[name] = list(record.places)
        if doubted is not None and record.certainty != "verified":
            doubted[name] = record.certainty.value
        if doubts is not None and record.doubt is not None:
            doubts[name] = record.doubt
    return sets


def not_one_place(name: str, token: str) -> str:
    """The refusal of the set `name` inside the scope token `token` (`a+SET`, `place:SET`), where one place or
    region goes."""
    return (f"the place set {name!r} is several places: name it alone in the list, where it stands for its "
            f"places, not in {token!r}")


def named_sets(tokens: list[str] | None, sets: Mapping[str, list[str]]) -> list[str] | None:
    """A scope list with each set it names replaced by the set's places, in place, in the set's order; tokens
    checked already (`foedus.model.loader.validate_references`)."""
    if tokens is None or not any(t in sets for t in tokens):
        return tokens
    return [place for token in tokens for place in sets.get(token, [token])]
