"""Named place sets (`data/place_sets.yaml`, `foedus.model.place_sets`): a treaty scope names a set where it names
places, and the loader puts the set's places there, so the list France's NATO/EU-anchored bilateral clauses share is
written once; a set the loader cannot read is a one-line error naming the file and the set."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from foedus.errors import FoedusError, UnknownPlaceError
from foedus.model import place_sets
from foedus.model.codec import parts_from_plain, parts_to_plain
from foedus.model.gazetteer import Gazetteer
from foedus.model.loader import validate_references
from foedus.model.states import StateRegistry
from foedus.model.treaty import Treaty
from foedus.model.world import World

FRENCH = ["french-guiana", "reunion", "mayotte", "new-caledonia", "french-polynesia"]
SOURCE = [{"url": "https://example.org/sets"}]


def _pact(scope: dict[str, Any]) -> dict[str, Any]:
    return {"id": "p", "name": "p", "signed": "2000-01-01", "in_force": "2000-01-01", "sources": SOURCE,
            "members": [{"state": "FRA"}, {"state": "DEU"}],
            "provisions": [{"kind": "defense", "article": "1", "strength": "S2", "scope": scope}]}


def _checked(world: World, scope: dict[str, Any]) -> Treaty:
    return validate_references(Treaty.model_validate(_pact(scope)), "pact.yaml", world.states, world.places)


def test_the_french_clauses_read_one_set_compiled_to_its_places(world: World) -> None:
    """Aachen, the Quirinal and Nancy name the set, and each compiles to the same places, in the set's order; the
    EU clause's four legs read the longer set; no set name is left in a compiled scope."""
    assert world.places.sets["french-overseas-debated"] == FRENCH
    for tid in ("fra_deu_2019", "fra_ita_2021", "fra_pol_2025"):
        (clause,) = [p for p in world.treaties[tid].provisions if p.kind == "defense"]
        assert clause.scope.debated == FRENCH, tid
    eu = world.places.sets["eu-outermost-and-overseas"]
    assert set(FRENCH) < set(eu) and {"azores", "greenland", "faroe-islands", "bermuda"} < set(eu)
    assert [p.scope.debated for p in world.treaties["eu_teu_42_7"].provisions] == [eu] * 4
    named = {t for tr in world.treaties.values() for p in tr.provisions
             for t in (*(p.scope.territory or ()), *(p.scope.forces or ()), *p.scope.debated)}
    assert not named & set(world.places.sets)


def test_a_set_stands_for_its_places_in_territory_and_forces_too(world: World) -> None:
    """Where places go (territory, forces, debated), a set alone is its places, in its place in the list."""
    scope = {"territory": ["europe", "french-overseas-debated"], "forces": ["french-overseas-debated"]}
    treaty = _checked(world, scope)
    assert treaty.provisions[0].scope.territory == ["europe", *FRENCH]
    assert treaty.provisions[0].scope.forces == FRENCH


def test_the_sets_come_back_from_the_cached_world(world: World) -> None:
    """A start from the cache reads the sets too: a user treaty file loaded then names them as at a cold start."""
    _, _, places = parts_from_plain(parts_to_plain((dict(world.treaties), world.states, world.places)))
    assert places.sets == world.places.sets
    assert places.doubted_sets == world.places.doubted_sets == {"far-east-1960": "unverified"}


@pytest.mark.parametrize(("scope", "said"), [
    ({"debated": ["europe", "french-overseas-debated+administered-by:FRA"]}, "pact.yaml: provisions[0].scope."
     "debated[1]: the place set 'french-overseas-debated' is several places: name it alone in the list, where it "
     "stands for its places, not in 'french-overseas-debated+administered-by:FRA'"),
    ({"territory": ["place:french-overseas-debated"]}, "pact.yaml: provisions[0].scope.territory[0]: the place set "
     "'french-overseas-debated' is several places"),
], ids=["set-in-a-plus-token", "set-as-place-alone"])
def test_a_set_the_loader_cannot_read_is_refused_naming_file_and_set(world: World, scope: dict[str, Any],
                                                                     said: str) -> None:
    with pytest.raises(FoedusError) as caught:
        _checked(world, scope)
    assert str(caught.value).startswith(said) and "\n" not in str(caught.value)


def test_an_unknown_set_names_the_sets_there_are(world: World) -> None:
    with pytest.raises(FoedusError) as caught:
        _checked(world, {"debated": ["french-overseas-debatd"]})
    said = str(caught.value)
    assert said.startswith("pact.yaml: provisions[0].scope.debated[0]: unknown scope token 'french-overseas-debatd'")
    assert ("; or alone, a place set's id (eu-outermost-and-overseas, far-east-1960, french-overseas-debated: "
            "place_sets.yaml)") in said


def test_a_set_is_no_place_an_attack_hits(world: World) -> None:
    """`--place french-overseas-debated`: an attack hits one place, so the set is refused with its places."""
    with pytest.raises(UnknownPlaceError, match="'french-overseas-debated' is a set of places, not a place: an "
                       "attack hits one place; name one of them: french-guiana, reunion"):
        world.places.resolve("french-overseas-debated", world.states)


def _load(monkeypatch: pytest.MonkeyPatch, sets: dict[str, Any]) -> str:
    """The error of loading the gazetteer with `sets` as place_sets.yaml."""
    monkeypatch.setattr(place_sets, "read_bundled", lambda name: sets)
    with pytest.raises(FoedusError) as caught:
        Gazetteer.load(StateRegistry.load())
    return str(caught.value)


def _set(*places: str) -> dict[str, Any]:
    return {"name": "A set", "description": "For the test.", "places": list(places), "sources": SOURCE}


@pytest.mark.parametrize(("sets", "said"), [
    ({"overseas-x": _set("reunion", "atlantis")}, "place_sets.yaml: overseas-x.places[1]: the place set 'overseas-x' "
     "names 'atlantis', which is no place (see `foedus places`)"),
    ({"guam": _set("reunion")}, "place_sets.yaml: guam: the place set 'guam' has the id of a place: a scope would "
     "read the name two ways; give the set another id"),
    ({"france": _set("reunion")}, "place_sets.yaml: france: the place set 'france' has the id of a place"),
    ({"europe": _set("reunion")}, "place_sets.yaml: europe: the place set 'europe' has the id of a region"),
    ({"home": _set("reunion")}, "place_sets.yaml: home: the place set 'home' has the id of a scope token"),
    ({"a": _set("reunion"), "b": _set("mayotte", "a")}, "place_sets.yaml: b.places[1]: the place set 'b' names the "
     "place set 'a': a set lists places, not sets (list its places)"),
    ({"a": _set("reunion", "reunion")}, "place_sets.yaml: a.places[1]: the place set 'a' lists 'reunion' twice"),
    ({"a": {**_set("reunion"), "members": []}}, "place_sets.yaml: a.members: unknown field 'members'"),
    ({"a": {**_set("reunion"), "certainty": "unverified"}}, "place_sets.yaml: a.doubt: the place set 'a' is "
     "unverified: say what is unsure about its extent in `doubt`"),
    ({"a": {**_set("reunion"), "doubt": "who knows"}}, "place_sets.yaml: a.doubt: the place set 'a' is verified: a "
     "verified set says no doubt"),
    ({"a": {**_set("reunion"), "certainty": "likely", "doubt": "x"}}, "place_sets.yaml: a.certainty: "),
], ids=["unknown-place", "a-place-id", "a-home-territory-id", "a-region-id", "a-token", "a-set-in-a-set", "twice",
        "unknown-field", "unverified-without-doubt", "verified-with-doubt", "no-certainty"])
def test_a_bad_set_is_refused_at_load_naming_file_and_set(monkeypatch: pytest.MonkeyPatch, sets: dict[str, Any],
                                                          said: str) -> None:
    message = _load(monkeypatch, sets)
    assert message.startswith(said) and "\n" not in message


def test_a_user_treaty_file_naming_an_unknown_set_exits_2_without_a_traceback(tmp_path: Path) -> None:
    """Both `treaties validate` and `--treaties` refuse it in one line naming the file, the token and the sets."""
    pact = tmp_path / "pact.yaml"
    pact.write_text("id: my_pact\nname: My pact\nsigned: 2020-01-01\nin_force: 2020-01-01\n"
                    "sources: [{url: 'https://example.org'}]\nmembers: [{state: FRA}, {state: DEU}]\n"
                    "provisions:\n  - {kind: defense, article: '1', strength: S2,\n"
                    "     scope: {debated: [french-overseas]}}\n")
    for args in (["treaties", "validate", str(pact)],
                 ["cascade", "-a", "BRA", "-t", "FRA", "-d", "2025-01-01", "--treaties", str(pact)]):
        proc = subprocess.run([sys.executable, "-m", "foedus.cli", *args], capture_output=True, text=True,
                              env=os.environ.copy(), timeout=300)
        assert proc.returncode == 2, proc.stderr
        assert "Traceback" not in proc.stderr and "pact.yaml" in proc.stderr
        assert "'french-overseas'" in proc.stderr and "a place set's id (eu-outermost-and-overseas, " in proc.stderr
        assert len(proc.stderr.strip().splitlines()) == 1, proc.stderr


def test_a_set_says_how_sure_its_extent_is(world: World) -> None:
    """far-east-1960's extent rests on a House answer read in part and a newspaper: tagged unverified in the set
    itself (`certainty`, with its `doubt`), which the gazetteer keeps (`doubted_sets`) for the lines resting on it;
    the sets resting on primary texts (EUR-Lex, NATO) are verified, the default."""
    assert world.places.doubted_sets == {"far-east-1960": "unverified"}
