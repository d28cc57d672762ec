"""A place set's doubt said where a reader looks (`foedus.set_uses`): the gazetteer keeps each doubted set's `doubt`
after loading (and through the world cache's codec), `foedus treaties show` (text, JSON, the web's /api record) lists
each set its scopes name with its certainty and doubt, `foedus places --sets` lists the sets with theirs, and no
treaty file repeats a set's doubt in its own words."""

from __future__ import annotations

import json

from foedus.model.codec import parts_from_plain, parts_to_plain
from foedus.model.world import World
from samples import cli_line, error_line

FAR_EAST_DOUBT = ("the 1960 unified view is cited from a House of Representatives answer read in part and a Japan "
                  "Times report; the Philippines and the seas listed are this encoding's reading")


def _flat(text: str) -> str:
    """The text with its line folds undone (a terminal table or line folds at its width)."""
    return " ".join(text.split())


def test_the_gazetteer_keeps_each_doubted_sets_doubt(world: World) -> None:
    """far-east-1960's doubt is kept after loading, and comes back from the world cache's plain form; a verified set
    has none."""
    assert world.places.set_doubts == {"far-east-1960": FAR_EAST_DOUBT}
    _, _, places = parts_from_plain(parts_to_plain((world.treaties, world.states, world.places)))
    assert places.set_doubts == world.places.set_doubts


def test_treaties_show_says_the_doubt_of_each_set_its_scopes_name() -> None:
    """usa_jpn_1960's Art. IV and Art. VI name far-east-1960: the text says its extent is unverified and why, and the
    JSON (the web's /api/treaties/{id}) gives the set with its certainty and doubt."""
    code, out, err = cli_line(["treaties", "show", "usa_jpn_1960"])
    assert code == 0, err
    assert f"place set far-east-1960: extent unverified: {FAR_EAST_DOUBT}" in _flat(out)
    code, out, err = cli_line(["treaties", "show", "usa_jpn_1960", "--json"])
    assert code == 0, err
    named = json.loads(out)["place_sets"]
    assert [(s["id"], s["certainty"], s["doubt"]) for s in named] == [("far-east-1960", "unverified", FAR_EAST_DOUBT)]
    assert "japan" in named[0]["places"] and "taiwan-strait" in named[0]["places"]


def test_a_verified_set_is_listed_without_doubt_and_a_treaty_naming_none_lists_none() -> None:
    """The EU clause's debated scope names eu-outermost-and-overseas, verified (no doubt); NATO names no set."""
    for treaty, expected in (("eu_teu_42_7", [("eu-outermost-and-overseas", "verified", None)]), ("nato", [])):
        code, out, err = cli_line(["treaties", "show", treaty, "--json"])
        assert code == 0, err
        assert [(s["id"], s["certainty"], s.get("doubt")) for s in json.loads(out)["place_sets"]] == expected


def test_no_treaty_repeats_a_sets_doubt(world: World) -> None:
    """A set's doubt is said from the set, where it is used: no treaty file says it again in its own `unverified`
    entries or notes (usa_jpn_1960 did, before the set's doubt was shown)."""
    doubts = world.places.set_doubts.values()
    assert doubts
    for t in world.treaties.values():
        words = [*t.unverified, t.note or "", *(p.note or "" for p in t.provisions)]
        assert not [d for d in doubts for w in words if d in w], t.id


def test_places_sets_lists_the_sets_with_their_doubt() -> None:
    """`foedus places --sets`: each set by id, with its places, certainty and doubt (JSON and table); an option about
    places is refused with it."""
    code, out, err = cli_line(["places", "--sets", "--json"])
    assert code == 0, err
    rows = {r["id"]: r for r in json.loads(out)}
    assert set(rows) == {"far-east-1960", "french-overseas-debated", "eu-outermost-and-overseas"}
    assert rows["far-east-1960"]["doubt"] == FAR_EAST_DOUBT and rows["far-east-1960"]["certainty"] == "unverified"
    assert "doubt" not in rows["french-overseas-debated"]
    code, out, err = cli_line(["places", "--sets"])
    assert code == 0, err
    assert FAR_EAST_DOUBT in _flat(out)
    assert "--homes has no effect with --sets" in error_line(["places", "--sets", "--homes"])
