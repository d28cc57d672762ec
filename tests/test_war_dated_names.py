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
    named = attacker if field == "attacker" else victim
    assert str(err.value).startswith(f"{tmp_path / 'war.yaml'}: events[0].{field}: '{named}' is ambiguous: on {day} "
                                     "two states of that name exist")
    assert all(name in str(err.value) for name in listed)


def test_an_exit_or_ceasefire_names_a_state_on_its_date(tmp_path: Path) -> None:
    """The Treaty of Taif's "Yemen" in May 1934 is the Yemen of then (it was today's Yemen, no party to the war)."""
    path = tmp_path / "war.yaml"
    path.write_text(WAR % ("1934-03-20", "Saudi Arabia", "COW678", "}\n  - {type: ceasefire, date: 1934-05-13, "
                                                                   "states: [Saudi Arabia, Yemen]"), encoding="utf-8")
    assert load_war(path).events[1].states == ("SAU", "COW678")


def test_the_attacked_place_is_the_victims_territory_as_held_on_the_attacks_date(tmp_path: Path) -> None:
    """The southern Kurils were Japan's until the Soviet occupation of August-September 1945: a Soviet attack on them
    on 9 August 1945 is an attack on Japan's territory, not on the Soviet Union's (as `foedus cascade` reads it),
    named as it was called then."""
    assert _load(tmp_path, "1945-08-09", "USSR", "Japan", ", place: kuril-islands") == (
        ("RUS", "JPN", "kuril-islands"),)
    with pytest.raises(WarDataError) as err:
        _load(tmp_path, "1945-08-09", "Japan", "USSR", ", place: kuril-islands")
    assert str(err.value) == (f"{tmp_path / 'war.yaml'}: events[0].place: Southern Kuril Islands (kuril-islands) is "
                              "not territory of Soviet Union (RUS) under the recognized view, under which it is "
                              "territory of Japan (JPN); use target_kind: forces, or another territory view")


def _war(tmp_path: Path, *events: str) -> Path:
    path = tmp_path / "war.yaml"
    path.write_text("id: dated\nname: Dated\nevents:\n" + "".join(f"  - {{{e}}}\n" for e in events), encoding="utf-8")
    return path


GERMANY = ("type: attack, date: 1939-09-01, attacker: Germany, victim: Poland",
           "type: attack, date: 1939-09-03, attacker: France, victim: Germany")


@pytest.mark.parametrize(("events", "expected"), [
    # Germany (DEU, COW 255) leaves the system on 1945-05-08: no state is "Germany" the day after
    ((*GERMANY, "type: exit, date: 1945-05-09, state: Germany"), ("DEU",)),
    ((*GERMANY, "type: exit, date: 1945-05-09, state: Germany (GMY)"), ("DEU",)),  # an aside names it too
    ((*GERMANY, "type: ceasefire, date: 1956-01-01, states: [France, Germany]"), ("FRA", "DEU")),  # two Germanys then
    (("type: exit, date: 1945-05-09, state: Germany", *GERMANY), ("DEU",)),  # the events' order in the file aside
    # the Korean kingdom (COW 730) leaves the system on 1905-11-17
    (("type: attack, date: 1904-02-08, attacker: Japan, victim: Korea",
      "type: exit, date: 1905-11-18, state: Korea"), ("COW730",)),
    # South Vietnam (COW 817) leaves on 1975-04-30: "Vietnam" is the north the day after, no party to this war
    (("type: attack, date: 1970-04-30, attacker: South Vietnam, victim: Cambodia",
      "type: exit, date: 1975-05-01, state: Vietnam"), ("COW817",)),
])
def test_an_exit_or_ceasefire_names_the_war_s_belligerent_of_a_name_several_states_carried(
        tmp_path: Path, events: tuple[str, ...], expected: tuple[str, ...]) -> None:
    """A state named in an exit or a ceasefire fought in the war: a name several states carried means the one of them
    in its earlier attacks and entries, though it is out of the state system that day or another carries the name."""
    (got,) = [e.states for e in load_war(_war(tmp_path, *events)).events if e.kind in ("exit", "ceasefire")]
    assert got == expected


def test_an_entry_keeps_reading_a_name_on_its_date(tmp_path: Path) -> None:
    """An exit's "Germany" of 1945-05-09 is the belligerent; an entry's that day is no state, and DEU is out of the
    system (an attack's or an entry's state must be in it)."""
    assert load_war(_war(tmp_path, *GERMANY, "type: exit, date: 1945-05-09, state: Germany")).events[-1].states == (
        "DEU",)
    for name, problem in (("Germany", "'Germany' names no member of the state system on 1945-05-09; members of that "
                                      "name: Germany (DEU, COW 255) to 1945-05-08 and from 1990-10-03"),
                          ("DEU", "Germany (DEU) is not a member of the state system on 1945-05-09")):
        with pytest.raises(WarDataError) as err:
            load_war(_war(tmp_path, *GERMANY, f"type: entry, date: 1945-05-09, state: {name}, side: attack"))
        assert str(err.value).startswith(f"{tmp_path / 'war.yaml'}: events[2].state: {problem}")


@pytest.mark.parametrize(("events", "field", "name", "problem", "listed"), [
    # both Yemens fought in 1972: after 1990-05-21 "Yemen" is the united one, no party to this war
    (("type: attack, date: 1972-09-26, attacker: South Yemen, victim: North Yemen",
      "type: exit, date: 1990-06-01, state: Yemen"), "events[1].state", "Yemen", "several of",
     ("Yemen Arab Republic (COW678", "Yemen People's Republic (COW680")),
    (("type: attack, date: 1965-03-08, attacker: USA, victim: North Vietnam",
      "type: entry, date: 1965-03-08, state: South Vietnam, side: attack",
      "type: exit, date: 1975-05-01, state: Vietnam"), "events[2].state", "Vietnam", "several of",
     ("Vietnam (VNM", "Republic of Vietnam (COW817")),
    (("type: attack, date: 1991-01-17, attacker: USA, victim: Iraq",
      "type: ceasefire, date: 1991-02-28, states: [Iraq, Germany]"), "events[1].states[1]", "Germany", "none of",
     ("Germany (DEU", "German Federal Republic (COW260", "German Democratic Republic (COW265")),
    (("type: attack, date: 1991-01-17, attacker: USA, victim: Iraq",  # Germany's attack comes after the exit
      "type: exit, date: 1991-02-01, state: Germany",
      "type: attack, date: 1991-03-01, attacker: Germany, victim: Iraq"), "events[1].state", "Germany", "none of",
     ("Germany (DEU",)),
])
def test_an_exit_or_ceasefire_name_of_several_or_no_belligerents_is_refused_listing_them(
        tmp_path: Path, events: tuple[str, ...], field: str, name: str, problem: str, listed: tuple[str, ...]) -> None:
    path = _war(tmp_path, *events)
    with pytest.raises(WarDataError) as err:
        load_war(path)
    message = str(err.value)
    carry = "carry" if problem == "several of" else "carries"
    day = events[int(field[7])].split("date: ")[1][:10]
    assert message.startswith(f"{path}: {field}: '{name}' is ambiguous: on {day} {problem} the states in the war's "
                              f"earlier attacks and entries {carry} that name; give a code: ")
    assert all(state in message for state in listed) and "\n" not in message
