"""Places and names that follow the date (issue 12, §5): dated holders in the gazetteer, scope and territory
checks on the scenario date, and names several states have carried."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from typing import TYPE_CHECKING, Any

import pytest

import foedus
from foedus.errors import AmbiguousNameError, ScenarioError, TreatyDataError
from foedus.model.places import Holding, Place
from foedus.model.world import World

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

CURATED = foedus.World.load(history=False)


def run(attacker: str, target: str, day: str, **kw: Any) -> foedus.CascadeResult:
    return foedus.cascade(attacker, target, day, world=CURATED, **kw)


def bound(result: foedus.CascadeResult, state: str, treaty: str) -> bool:
    j = result.joiner(state)
    return j is not None and treaty in {o.treaty for o in (j.primary, *j.also)}


@pytest.mark.parametrize(("day", "admin", "claimants"), [
    ("1985-01-01", "RUS", []), ("2010-01-01", "UKR", []), ("2020-01-01", "RUS", ["RUS"])])
def test_crimea_holder_follows_the_date(day: str, admin: str, claimants: list[str]) -> None:
    crimea = CURATED.places.on(dt.date.fromisoformat(day))["crimea"]
    assert (crimea.administrator, crimea.claimants) == (admin, claimants)


def test_crimea_was_not_russias_to_claim_before_2014() -> None:
    """Before the 2014 annexation no view makes Crimea Russian; after it the claimant view does."""
    with pytest.raises(ScenarioError):
        run("UKR", "RUS", "2010-06-01", place="crimea", territory_view="claimant")
    assert run("UKR", "RUS", "2020-06-01", place="crimea", territory_view="claimant").scenario.place == "crimea"


def test_nagorno_karabakh_held_by_artsakh_until_2023() -> None:
    before = CURATED.places.on(dt.date(2020, 10, 1))["nagorno-karabakh"]
    after = CURATED.places.on(dt.date(2024, 1, 1))["nagorno-karabakh"]
    assert (before.sovereign, before.administrator) == ("AZE", None)
    assert (after.sovereign, after.administrator) == ("AZE", "AZE")


def test_east_pakistan_is_pakistan_in_the_manila_area_before_1971() -> None:
    """Manila Pact Art. VIII: the treaty area includes the entire territories of the Asian parties."""
    r = run("IND", "PAK", "1971-12-04", place="East Pakistan")
    assert r.scenario.place == "bangladesh"
    assert bound(r, "GBR", "manila_1954") and bound(r, "AUS", "manila_1954")
    with pytest.raises(ScenarioError):
        run("IND", "PAK", "1972-06-01", place="East Pakistan")


@pytest.mark.parametrize(("day", "covered"), [("1965-09-06", True), ("1975-06-01", False)])
def test_pakistan_in_the_manila_area_while_a_party(day: str, covered: bool) -> None:
    assert bound(run("IND", "PAK", day), "GBR", "manila_1954") is covered


@pytest.mark.parametrize(("day", "japan", "korea"), [("1965-06-01", False, True), ("1975-06-01", True, False)])
def test_okinawa_scope_uses_the_administrator_on_the_date(day: str, japan: bool, korea: bool) -> None:
    """US administration of Okinawa until 15 May 1972: US-Japan Art. V (Japan-administered) did not cover
    US forces there, US-ROK Art. III (either party's administration) did; after reversion, the reverse."""
    r = run("CHN", "USA", day, place="okinawa", target_kind="forces")
    assert bound(r, "JPN", "usa_jpn_1960") is japan
    assert bound(r, "KOR", "usa_kor_1953") is korea


def test_place_on_returns_the_dated_copy_and_leaves_the_place_alone() -> None:
    p = Place(id="x", name="X", kind="area", sovereign="AAA", administrator="AAA", regions=["r"],
              history=[Holding(end=dt.date(2000, 1, 1), administrator="BBB", regions=["q"])])
    old, new = p.on(dt.date(1999, 1, 1)), p.on(dt.date(2000, 1, 1))
    assert (old.sovereign, old.administrator, old.regions) == ("AAA", "BBB", ["q"])
    assert new is p


def test_bad_holding_is_refused() -> None:
    with pytest.raises(ValueError, match="before it starts"):
        Holding(start=dt.date(2000, 1, 1), end=dt.date(1999, 1, 1))


def test_place_history_names_known_places_and_states() -> None:
    """Every dated record belongs to a place of the gazetteer (or a state's home) and names known states."""
    history = [p for p in CURATED.places.places.values() if p.history]
    assert {"crimea", "bangladesh", "pakistan", "okinawa", "diego-garcia", "hong-kong", "east-jerusalem",
            "iraqi-kurdistan"} <= {p.id for p in history}
    with pytest.raises(TreatyDataError):  # a record for a place that does not exist is an error at load
        from foedus.model import gazetteer

        original = gazetteer.read_bundled
        try:
            gazetteer.read_bundled = lambda name: ({"atlantis": {"holders": [{"administrator": "USA"}]}}  # type: ignore[assignment]
                                            if name == "place_history.yaml" else original(name))
            gazetteer.Gazetteer.load(CURATED.states)
        finally:
            gazetteer.read_bundled = original  # type: ignore[assignment]


@pytest.mark.needs_data
@pytest.mark.parametrize(("name", "day", "expected"), [
    ("Germany", "2025-06-01", "DEU"), ("Germany", "1914-08-03", "DEU"), ("Yemen", "2025-06-01", "YEM"),
    ("Vietnam", "1980-06-01", "VNM"), ("Korea", "1900-06-01", "COW730"),
    ("Federal Republic of Germany", "2025-06-01", "DEU"), ("Federal Republic of Germany", "1970-06-01", "COW260")])
def test_ambiguous_names_resolve_to_the_one_state_of_that_date(world: World, name: str, day: str,
                                                                 expected: str) -> None:
    assert world.states.resolve_id(name, dt.date.fromisoformat(day)) == expected


@pytest.mark.needs_data
@pytest.mark.parametrize(("name", "day", "candidates"), [
    ("Congo", "2025-06-01", {"COG", "COD"}), ("Korea", "2025-06-01", {"KOR", "PRK"}),
    ("Guinea", "2025-06-01", {"GIN", "GNB", "GNQ"}), ("Yemen", "1980-06-01", {"COW678", "COW680"}),
    ("Germany", "1960-06-01", {"COW260", "COW265"}), ("Vietnam", "1965-06-01", {"VNM", "COW817"})])
def test_ambiguous_names_list_the_states_of_that_date(world: World, name: str, day: str, candidates: set[str]) -> None:
    with pytest.raises(AmbiguousNameError) as err:
        foedus.cascade(name, "USA", day, world=world)
    assert {c["id"] for c in err.value.candidates} == candidates
    assert all(c["ccode"] and c["spells"] for c in err.value.candidates)


@pytest.mark.needs_data
def test_cli_exits_2_with_the_candidates() -> None:
    out = subprocess.run([sys.executable, "-m", "foedus.cli", "cascade", "-a", "Congo", "-t", "RWA", "-d", "2025-06-01",
                          "--json"], capture_output=True, text=True)
    assert out.returncode == 2 and out.stderr.startswith("error: 'Congo' is ambiguous")
    body = json.loads(out.stdout)
    assert body["ok"] is False and {c["id"] for c in body["candidates"]} == {"COG", "COD"}


_WATCH = ["compare", "--atlas", "--date2", "2025-01-01", "--watch"]
_SEVERAL = "'Russia and Belarus' names several states (Belarus (BLR), Russia (RUS)); give one state"


@pytest.mark.needs_data
@pytest.mark.parametrize(("args", "said"), [
    (["cascade", "-a", "RUS", "-t", "UKR", "--place", "Russia and Ukraine"], "'Russia and Ukraine' names several "
     "states (Russia (RUS), Ukraine (UKR)); give one state for its home territory, or one place id or name (`foedus "
     "places`)"),
    (["cascade", "-a", "Russia and Belarus", "-t", "UKR"],
     f"{_SEVERAL} per value (repeat the option, or separate them with commas)"),
    ([*_WATCH, "EST", "--against", "UKR", "--against", "Russia and Belarus"],
     f"{_SEVERAL} per value (repeat the option, or separate them with commas)"),
    ([*_WATCH, "Russia and Belarus", "--against", "UKR"], _SEVERAL),
    ([*_WATCH, "EST", "--against", "Germany", "-d", "1970-01-01"], "'Germany' is ambiguous: on 1970-01-01 two states "
     "of that name exist; give a code: German Federal Republic (COW260, COW 260, 1955-05-05–1990-10-02); German "
     "Democratic Republic (COW265, COW 265, 1954-03-25–1990-10-02)"),
])
def test_a_value_naming_several_states_is_told_what_its_option_takes(args: list[str], said: str) -> None:
    """--place takes one place: it was told to repeat the option or give a comma list, as --attacker is (and as
    --attacker still is), which --place refuses (a second --place is refused; commas are not read). compare's
    --against takes a list as --attacker does (foedus.state_lists.resolve_listed), and was told to give one
    state; it and --watch name the states of the base date, as a scenario's states do, not of today."""
    out = subprocess.run([sys.executable, "-m", "foedus.cli", *args, *([] if "-d" in args else ["-d", "2024-01-01"])],
                         capture_output=True, text=True)
    assert out.returncode == 2 and out.stderr == f"error: {said}\n"


def test_a_name_of_several_states_for_one_state_is_not_told_to_repeat_an_option() -> None:
    """Where one state is taken (a state to show, a treaty member, a what-if's STATE), no option is advised."""
    with pytest.raises(AmbiguousNameError, match=r"\(Estonia \(EST\), Latvia \(LVA\)\); give one state$"):
        CURATED.states.resolve("Latvia and Estonia")


@pytest.mark.needs_data
def test_web_api_answers_422_with_the_candidates(api_client: TestClient) -> None:
    r = api_client.get("/api/cascade", params={"attacker": "Germany", "target": "FRA", "date": "1960-06-01"})
    assert r.status_code == 422
    body = r.json()
    assert body["name"] == "Germany" and {c["id"] for c in body["candidates"]} == {"COW260", "COW265"}


def test_cli_places_on_a_date() -> None:
    cli = [sys.executable, "-m", "foedus.cli", "places", "--json"]
    then = {p["id"]: p for p in json.loads(subprocess.run([*cli, "--date", "1965-06-01"], capture_output=True,
                                                           text=True, check=True).stdout)}
    now = {p["id"]: p for p in json.loads(subprocess.run(cli, capture_output=True, text=True, check=True).stdout)}
    assert then["okinawa"]["administrator"] == "USA" and now["okinawa"]["administrator"] == "JPN"


@pytest.mark.parametrize(("typed", "place_id"), [
    ("Senkaku", "senkaku-islands"), ("Diaoyu", "senkaku-islands"), ("Scarborough", "scarborough-shoal"),
    ("Ayungin", "second-thomas-shoal"), ("Strait of Taiwan", "taiwan-strait"),
])
def test_the_short_names_an_analyst_types_find_the_place(typed: str, place_id: str) -> None:
    """The bare names a reader types for a place the news names without "Islands" or "Shoal" find it, not an error."""
    assert CURATED.places.resolve(typed).id == place_id


@pytest.mark.parametrize(("typed", "target", "before", "after"), [
    ("Gotland", "SWE", "2024-03-06", "2024-03-07"), ("Aland", "FIN", "2023-04-03", "2023-04-04"),
])
def test_baltic_islands_are_their_states_and_natos_from_accession(typed: str, target: str, before: str,
                                                                  after: str) -> None:
    """Gotland and Åland, the islands Baltic wargames turn on, are found and covered by Art. 5 from the accession day
    (fact sheet §1.1: Finland 2023-04-04, Sweden 2024-03-07), as their state's home territory is."""
    assert not bound(run("RUS", target, before, place=typed), "USA", "nato_1949")
    assert bound(run("RUS", target, after, place=typed), "USA", "nato_1949")


# the places the analyst audit of session 39 found missing, each with the state that holds it
_ADDED = [("Narva", "narva", "EST"), ("Bornholm", "bornholm", "DNK"), ("Yeonpyeong", "yeonpyeong-island", "KOR"),
          ("Sudzha", "kursk-oblast", "RUS"), ("Sinai", "sinai-peninsula", "EGY")]


def _joined(result: foedus.CascadeResult) -> set[tuple[str, str]]:
    return {(j.state, o.treaty) for j in result.joiners for o in (j.primary, *j.also)}


@pytest.mark.parametrize(("typed", "place_id", "owner"), _ADDED)
def test_the_audited_places_are_found_held_by_their_state(typed: str, place_id: str, owner: str) -> None:
    """Narva, Bornholm, Yeonpyeong, Sudzha (a town of Kursk Oblast, found as the oblast, as Sevastopol is Crimea)
    and the Sinai were 'unknown place'. Each is its state's territory, and an attack there draws in the treaties an
    attack on the state's home territory draws in (2025): each scope reads the place as it reads the state."""
    place = CURATED.places.resolve(typed, CURATED.states)
    assert (place.id, place.sovereign, place.administrator) == (place_id, owner, owner)
    attacker = "UKR" if owner == "RUS" else "RUS" if owner in ("EST", "DNK") else "PRK" if owner == "KOR" else "ISR"
    there = run(attacker, owner, "2025-06-01", place=typed)
    assert there.scenario.place == place_id and _joined(there)
    assert _joined(there) == _joined(run(attacker, owner, "2025-06-01"))


@pytest.mark.parametrize(("typed", "target", "joined"), [("narva", "EST", "2004-03-29"), ("Bornholm", "DNK", None)])
def test_narva_and_bornholm_are_natos_art_5_territory(typed: str, target: str, joined: str | None) -> None:
    """An attack on Narva is one on NATO territory from Estonia's accession (29 Mar 2004; fact sheet §1.1), and
    Bornholm, Danish since before NATO, is covered now."""
    assert bound(run("RUS", target, "2025-06-01", place=typed), "USA", "nato_1949")
    if joined is not None:
        day_before = (dt.date.fromisoformat(joined) - dt.timedelta(days=1)).isoformat()
        assert not bound(run("RUS", target, day_before, place=typed), "USA", "nato_1949")
        assert bound(run("RUS", target, joined, place=typed), "USA", "nato_1949")


def test_yeonpyeong_is_inside_the_us_rok_treaty() -> None:
    """Yeonpyeong, a South Korean island in the Yellow Sea, is in the Pacific area under ROK administration: US-ROK
    MDT Art. III covers it, as it covers South Korea's home territory."""
    assert bound(run("PRK", "KOR", "2025-06-01", place="Yeonpyeong Island"), "USA", "usa_kor_1953")


@pytest.mark.parametrize(("day", "administrator"), [
    ("1957-03-07", "ISR"), ("1957-03-08", "EGY"), ("1970-01-01", "ISR"), ("1980-01-01", None), ("2025-06-01", "EGY")])
def test_the_sinai_was_egypts_throughout_and_held_by_israel_while_occupied(day: str, administrator: str | None) -> None:
    """Israel occupied the Sinai in 1956-57 and from June 1967; it left in stages, the last on 25 Apr 1982. Egypt is
    the sovereign on every day."""
    sinai = CURATED.places.on(dt.date.fromisoformat(day))["sinai-peninsula"]
    assert (sinai.sovereign, sinai.administrator) == ("EGY", administrator)


@pytest.mark.parametrize(("typed", "spans"), [
    ("Suwałki Gap", "across poland (Poland) and lithuania (Lithuania), held by different states: name one of them"),
    ("suwalki corridor", "across poland (Poland) and lithuania (Lithuania)"),
    ("Korean DMZ", "across south-korea (South Korea) and north-korea (North Korea), held by different states"),
    ("DMZ", "across south-korea (South Korea) and north-korea (North Korea)"),
    ("Kashmir", "across jammu-and-kashmir (India), ladakh (India), azad-kashmir (Pakistan), gilgit-baltistan "
                "(Pakistan) and aksai-chin (China), held by different states: name one of them"),
    ("Donbas", "across donetsk-oblast (Ukraine) and luhansk-oblast (Ukraine): name one of them"),
    ("Baltic states", "across estonia (Estonia), latvia (Latvia) and lithuania (Lithuania), held by different states: "
                      "name one of them"),  # was 'did you mean baltic-sea, united-states, arctic-ocean?'
    ("Baltics", "across estonia (Estonia), latvia (Latvia) and lithuania (Lithuania)"),
])
def test_an_area_across_several_places_is_refused_with_the_places_it_spans(typed: str, spans: str) -> None:
    """The Suwałki Gap lies across the Poland-Lithuania border, the DMZ across the two Koreas, Kashmir across five
    places of three states, the Donbas across two oblasts: no one place answers, so the place is refused (exit 2) with
    the places it spans, not guessed; it was 'unknown place' (Donbas: 'did you mean east-china-sea')."""
    out = subprocess.run([sys.executable, "-m", "foedus.cli", "cascade", "-a", "RUS", "-t", "POL", "-d", "2025-06-01",
                          "--place", typed], capture_output=True, text=True)
    assert out.returncode == 2 and out.stderr.startswith(f"error: the place {typed!r} is the ")
    assert spans in out.stderr and out.stderr.count("\n") == 1


@pytest.mark.parametrize(("typed", "area"), [
    ("Kashmr", "kashmir"), ("Suwalky Gap", "suwalki-gap"), ("Korean DMX", "korean-dmz"), ("Donbs", "donbas"),
    ("Suwałki", "suwalki-gap"), ("Suwalki", "suwalki-gap")])
def test_a_misspelt_area_and_the_town_of_suwalki_are_told_the_area_and_its_places(typed: str, area: str) -> None:
    """A name close to an area's was told only places ("Kashmr": 'did you mean kuril-islands, san-marino, cambodia'),
    or nothing ("Suwalky Gap"); the town of Suwałki, which the gazetteer has no place of its own for (it is in
    Poland's home territory, on the gap), was told kuwait and eswatini. The area is suggested, with the places it
    spans to name instead, in the one line of the refusal (exit 2)."""
    from foedus.model.place_spans import spans

    out = subprocess.run([sys.executable, "-m", "foedus.cli", "cascade", "-a", "RUS", "-t", "POL", "-d", "2025-06-01",
                          "--place", typed], capture_output=True, text=True)
    assert out.returncode == 2 and out.stderr.count("\n") == 1 and out.stdout == ""
    assert out.stderr.startswith(f"error: unknown place {typed!r}; did you mean {area}"), out.stderr
    span = spans()[area]
    assert f"? {area} is the {span.name}, across " in out.stderr, out.stderr
    assert all(f"{place} (" in out.stderr for place in span.places), out.stderr


@pytest.mark.parametrize(("typed", "area"), [
    ("Donbas region", "donbas"), ("Donbass area", "donbas"), ("Kashmir area", "kashmir"), ("Kashmir region", "kashmir"),
    ("Suwałki Gap region", "suwalki-gap"), ("Korean DMZ area", "korean-dmz")])
def test_an_area_named_with_region_or_area_after_it_is_the_area(typed: str, area: str) -> None:
    """"Donbas region" was told only oblasts ('did you mean donetsk-oblast, luhansk-oblast, kherson-oblast'), not the
    Donbas: a trailing "region" or "area" adds nothing to an area's name, so it is refused as the area is, with its
    places. A place so named is still the place ("Kaliningrad region", an alias of Kaliningrad Oblast)."""
    from foedus.model.place_spans import spans

    with pytest.raises(foedus.FoedusError) as err:
        CURATED.places.resolve(typed, CURATED.states)
    assert str(err.value).startswith(f"the place {typed!r} is the {spans()[area].name}, across "), err.value
    assert CURATED.places.resolve("Kaliningrad region", CURATED.states).id == "kaliningrad"


def test_every_spanning_area_names_places_of_different_states_and_no_place_name() -> None:
    """Each area of place_spans.yaml lies across two or more gazetteer places, and none of its names is already a
    place's (which would find the place first and never reach the area); only an area across several states' places
    says it is held by different states (the Donbas's two oblasts are both Ukraine's)."""
    from foedus.model.place_spans import span_error, spans

    for area, span in spans().items():
        assert len(set(span.places)) == len(span.places) >= 2, area
        holders = {CURATED.places.places[p].sovereign for p in span.places}
        for name in (span.name, *span.aliases):
            assert span_error(name, CURATED.places.places, CURATED.states) is not None
            with pytest.raises(foedus.FoedusError, match=", across ") as err:
                CURATED.places.resolve(name, CURATED.states)
            assert ("held by different states" in str(err.value)) == (len(holders) > 1), area


def test_the_places_listing_names_the_areas_refused_as_spanning_several() -> None:
    """`foedus places` listed no area a cascade refuses for spanning several places (the Suwałki Gap, the DMZ, ...), so
    only the refusal told of them; a note on standard error names each with its places, the table unchanged."""
    from foedus.model.place_spans import spans

    out = subprocess.run([sys.executable, "-m", "foedus.cli", "places", "--format", "csv"], capture_output=True,
                         text=True)
    assert out.returncode == 0
    [note] = out.stderr.splitlines()
    for area, span in spans().items():
        assert f"{area} ({span.name}: {', '.join(span.places)})" in note
    assert "suwalki-gap" not in out.stdout and out.stdout.startswith("id,name,kind")
