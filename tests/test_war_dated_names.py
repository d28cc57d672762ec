"""A war file's states are read on each event's date, and its attacked places as held on the attack's date, as a
scenario's are on its date: they were read as of today (a 1965 "Vietnam" was today's Vietnam, the north; a 1934
"Yemen" today's Yemen, no state then) and against places with no dated holders (the Kurils in 1945 were Russia's)."""

from __future__ import annotations

from pathlib import Path

import pytest

from foedus.errors import WarDataError
from foedus.war.loader import load_war

pytestmark = pytest.mark.needs_data  # the states' COW dates tell which state a name means on a day

WAR = """id: dated
name: Dated
events:
  - {type: attack, date: %s, attacker: %s, victim: %s%s}
"""


def _load(tmp_path: Path, day: str, attacker: str, victim: str, more: str = "") -> tuple[tuple[str, str, str], ...]:
    path = tmp_path / "war.yaml"
    path.write_text(WAR % (day, attacker, victim, more), encoding="utf-8")
    return tuple((a.attacker, a.victim, a.place) for a in load_war(path).events[0].attacks)


@pytest.mark.parametrize(("day", "attacker", "victim", "expected"), [
    ("1904-02-08", "Japan", "Korea", ("JPN", "COW730")),  # the kingdom (today: both Koreas, refused)
    ("1934-03-20", "Saudi Arabia", "Yemen", ("SAU", "COW678")),  # the Saudi-Yemeni war (today's Yemen: from 1990)
])
def test_a_name_several_states_carried_means_the_one_of_the_events_date(
        tmp_path: Path, day: str, attacker: str, victim: str, expected: tuple[str, str]) -> None:
    (got,) = _load(tmp_path, day, attacker, victim)
    assert got[:2] == expected


@pytest.mark.parametrize(("day", "attacker", "victim", "field", "listed"), [
    ("1950-06-25", "Korea", "South Korea", "attacker", ("North Korea (PRK", "South Korea (KOR")),
    ("1965-03-08", "USA", "Vietnam", "victim", ("Vietnam (VNM", "Republic of Vietnam (COW817")),  # today: VNM
    ("1965-03-08", "Germany", "France", "attacker", ("German Federal Republic (COW260", "(COW265")),
])
def test_a_name_of_several_states_on_the_events_date_is_refused_listing_them(
        tmp_path: Path, day: str, attacker: str, victim: str, field: str, listed: tuple[str, ...]) -> None:
    with pytest.raises(WarDataError) as err:
        _load(tmp_path, day, attacker, victim)
    assert str(err.value).startswith(f"{tmp_path / 'war.yaml'}: events[0].{field}: "
                                     f"'{attacker if field == 'attacker' else victim}' is ambiguous: on {day} states")
    assert all(name in str(err.value) for name in listed)


def test_an_exit_or_ceasefire_names_a_state_on_its_date(tmp_path: Path) -> None:
    """The Treaty of Taif's "Yemen" in May 1934 is the Yemen of then (it was today's Yemen, no party to the war)."""
    path = tmp_path / "war.yaml"
    path.write_text(WAR % ("1934-03-20", "Saudi Arabia", "COW678", "}\n  - {type: ceasefire, date: 1934-05-13, "
                                                                   "states: [Saudi Arabia, Yemen]"), encoding="utf-8")
    assert load_war(path).events[1].states == ("SAU", "COW678")


def test_the_attacked_place_is_the_victims_territory_as_held_on_the_attacks_date(tmp_path: Path) -> None:
    """The southern Kurils were Japan's until the Soviet occupation of August-September 1945: a Soviet attack on them
    on 9 August 1945 is an attack on Japan's territory, not on Russia's (as `foedus cascade` reads it)."""
    assert _load(tmp_path, "1945-08-09", "USSR", "Japan", ", place: kuril-islands") == (
        ("RUS", "JPN", "kuril-islands"),)
    with pytest.raises(WarDataError) as err:
        _load(tmp_path, "1945-08-09", "Japan", "USSR", ", place: kuril-islands")
    assert str(err.value) == (f"{tmp_path / 'war.yaml'}: events[0].place: Southern Kuril Islands (kuril-islands) is "
                              "not territory of Russia (RUS) under the recognized view, under which it is territory of "
                              "Japan (JPN); use target_kind: forces, or another territory view")
