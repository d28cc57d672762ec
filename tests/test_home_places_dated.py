"""A typed place that is a state's home territory follows the date, as a typed state name does: "Korea" in 2020
named the home of the Korean state of 1887-1905 (COW 730), and the refusal named its holder by id alone."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import foedus
from foedus.errors import AmbiguousNameError, ScenarioError, UnknownPlaceError, WarDataError
from foedus.model.world import World
from foedus.war.loader import load_war

pytestmark = pytest.mark.needs_data  # the states' COW dates tell which Korea a date means

WAR = """id: korean_war
name: Korean War
events:
  - {type: attack, date: 1950-06-25, attacker: PRK, victim: KOR, place: %s}
"""


def test_cli_says_korea_names_both_koreas_in_2020_on_one_line() -> None:
    out = subprocess.run([sys.executable, "-m", "foedus.cli", "cascade", "-a", "JPN", "-t", "KOR", "--place", "Korea",
                          "-d", "2020-01-01"], capture_output=True, text=True, timeout=300)
    assert out.returncode == 2 and out.stderr.count("\n") == 1
    assert out.stderr.startswith("error: 'Korea' is ambiguous: on 2020-01-01 two states of that name exist")
    assert "South Korea (KOR" in out.stderr and "North Korea (PRK" in out.stderr and "territory" not in out.stderr


def test_korea_is_the_home_of_the_korean_state_of_the_date(world: World) -> None:
    """1900: the kingdom's home; 1950 and 2020: both Koreas, listed; 1930: none (the candidates, all three)."""
    assert foedus.cascade("JPN", "COW730", "1900-01-01", place="Korea", world=world).scenario.place == "korea"
    for day, candidates in [("2020-01-01", {"KOR", "PRK"}), ("1950-07-01", {"KOR", "PRK"}),
                            ("1930-01-01", {"KOR", "PRK", "COW730"})]:
        with pytest.raises(AmbiguousNameError) as err:
            foedus.cascade("CHN", "USA", day, place="Korea", target_kind="forces", world=world)
        assert {c["id"] for c in err.value.candidates} == candidates, day


@pytest.mark.parametrize(("place", "day", "candidates"), [
    ("Germany", "1960-06-01", {"COW260", "COW265"}), ("Vietnam", "1965-06-01", {"VNM", "COW817"}),
    ("Yemen", "1980-06-01", {"COW678", "COW680"})])
def test_other_shared_names_are_not_the_present_states_home(world: World, place: str, day: str,
                                                             candidates: set[str]) -> None:
    """Before, each was the home of the state that carries the name today, whatever the date."""
    with pytest.raises(AmbiguousNameError) as err:
        foedus.cascade("CHN", "USA", day, place=place, target_kind="forces", world=world)
    assert {c["id"] for c in err.value.candidates} == candidates


def test_a_dead_states_home_is_refused_outside_its_life(world: World) -> None:
    """Its code or style in 2020 names a place no state holds; a home whose dated holder is another state resolves
    (East Pakistan, before Bangladesh was a state), as does the home by code within the state's life."""
    with pytest.raises(UnknownPlaceError) as err:
        foedus.cascade("JPN", "KOR", "2020-01-01", place="COW730", target_kind="forces", world=world)
    assert str(err.value) == ("the place 'COW730' is the home territory of Korea (COW730), which is no state of the "
                              "system on 2020-01-01 (a member 1887-01-01–1905-11-17); give a place held on that day "
                              "(`foedus places`)")
    with pytest.raises(UnknownPlaceError, match=r"^the place 'Kingdom of Korea' is the home territory of Korea"):
        foedus.cascade("JPN", "KOR", "2020-01-01", place="Kingdom of Korea", target_kind="forces", world=world)
    assert foedus.cascade("IND", "PAK", "1965-09-06", place="Bangladesh", world=world).scenario.place == "bangladesh"
    assert foedus.cascade("JPN", "COW730", "1904-02-08", place="COW730", world=world).scenario.place == "korea"


def test_territory_refusal_names_the_states(world: World) -> None:
    with pytest.raises(ScenarioError) as err:
        foedus.cascade("UKR", "RUS", "2025-01-01", place="crimea", world=world)
    assert str(err.value) == ("Crimea (crimea) is not territory of Russia (RUS) under the recognized view, under "
                              "which it is territory of Ukraine (UKR); use --target-kind forces or --territory-view "
                              "claimant")


def test_war_file_place_follows_the_attacks_date(tmp_path: Path) -> None:
    """A war file's "Korea" in 1950 is refused naming both Koreas, as the CLI's is (it was the kingdom's home, read
    with no date); "South Korea" is the victim's home."""
    path = tmp_path / "war.yaml"
    path.write_text(WAR % "Korea", encoding="utf-8")
    with pytest.raises(WarDataError) as err:
        load_war(path)
    assert str(err.value).startswith(f"{path}: events[0].place: 'Korea' is ambiguous: on 1950-06-25 two states of that")
    path.write_text(WAR % "South Korea", encoding="utf-8")
    assert load_war(path).events[0].attacks[0].place == "south-korea"
