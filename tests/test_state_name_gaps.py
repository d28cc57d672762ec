"""A name several states carried, on a day none of them is in the COW state system (Austria between Austria-Hungary's
end, 1918-11-12, and the republic's entry, 1919-09-10, and from the Anschluss to 1955-07-27; Germany 1945-1954; Korea
1905-1948; Congo before 1960), is refused saying so, with each state's nearest spells, exit 2: it was refused as
"ambiguous: no state of that name exists", which those states did. A state whose membership is unknown (one COW does
not list; any before 1816) may be the state of a name, as the engine takes it unchecked: before 1816 a name means the
state of it in the system when the system begins (the Austrian Empire in 1815); it meant none."""

from __future__ import annotations

import datetime as dt

import pytest
from tests.samples import cli_line

from foedus.datarecord import replace
from foedus.errors import AmbiguousNameError
from foedus.model.states import _AMBIGUOUS, StateRegistry

D = dt.date
pytestmark = pytest.mark.needs_data  # the states' COW dates tell which state a name means on a day


@pytest.mark.parametrize(("date", "spells"), [
    ("1918-12-01", "Austria-Hungary (COW300, COW 300) to 1918-11-12; Austria (AUT, COW 305) from 1919-09-10"),
    ("1940-01-01", "Austria-Hungary (COW300, COW 300) to 1918-11-12; Austria (AUT, COW 305) to 1938-03-13 and from "
                   "1955-07-27"),
])
def test_austria_between_its_states_is_refused_saying_none_was_a_member(date: str, spells: str) -> None:
    code, out, err = cli_line(["cascade", "-a", "Austria", "-t", "ITA", "-d", date])
    assert (code, out) == (2, "")
    assert err == f"error: 'Austria' names no member of the state system on {date}; members of that name: {spells}\n"


@pytest.mark.parametrize(("name", "day"), [
    ("Korea", D(1930, 1, 1)), ("Germany", D(1950, 1, 1)), ("Federal Republic of Germany", D(1955, 1, 1)),
    ("Congo", D(1900, 1, 1)), ("Guinea", D(1950, 1, 1)), ("Yemen", D(1920, 1, 1)), ("Vietnam", D(1950, 1, 1)),
    ("Austria", D(1919, 9, 9)),
])
def test_every_name_on_a_day_none_of_its_states_is_a_member_is_refused_so(world, name: str, day: dt.date) -> None:  # type: ignore[no-untyped-def]
    states = world.states
    carriers = _AMBIGUOUS["".join(c for c in name.lower() if c.isalpha())]
    assert not any(states.get(i).member_on(day) for i in carriers)
    with pytest.raises(AmbiguousNameError) as err:
        states.resolve(name, day)
    assert str(err.value).startswith(f"{name!r} names no member of the state system on {day}; members of that name: ")
    assert sorted(c["id"] for c in err.value.candidates) == sorted(carriers)
    assert all(f"({i}, COW {states.get(i).ccode}) " in str(err.value) for i in carriers)


@pytest.mark.parametrize(("name", "state"), [("Austria", "COW300"), ("Germany", "DEU")])
def test_before_1816_a_name_means_its_state_in_the_system_when_it_begins(world, name: str, state: str) -> None:  # type: ignore[no-untyped-def]
    assert world.states.get(state).member_on(D(1815, 6, 1)) is None  # unknown then; the engine takes it unchecked
    assert world.states.resolve(name, D(1815, 6, 1)).id == state


def test_before_1816_a_name_none_of_whose_states_is_then_in_the_system_is_refused_so(world) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(AmbiguousNameError) as err:
        world.states.resolve("Korea", D(1815, 6, 1))
    assert str(err.value).startswith("'Korea' names no member of the state system when it begins, on 1816-01-01 "
                                     "(whether any was a state on 1815-06-01 is unknown); members of that name: ")


def test_a_state_cow_does_not_list_may_be_the_state_of_a_name(world) -> None:  # type: ignore[no-untyped-def]
    """Korea's kingdom without COW dates (as Palestine has none): on a day neither Korea of today is a member, it is
    the one state "Korea" may name, as the engine would take it (unchecked)."""
    states = world.states
    unlisted = replace(states.get("COW730"), spells=())
    registry = StateRegistry(states={**states.states, "COW730": unlisted}, has_system_dates=True)
    assert registry.resolve("Korea", D(1930, 1, 1)).id == "COW730"
    with pytest.raises(AmbiguousNameError, match="on 2000-01-01 two states of that name exist"):  # members first
        registry.resolve("Korea", D(2000, 1, 1))


@pytest.mark.parametrize(("raw", "date", "out", "codes"), [
    ("Austria (Austria-Hungary)", "1940-01-01", "Austria-Hungary (COW300, COW 300, 1816-01-01–1918-11-12), which is "
     "no state of the system on 1940-01-01, nor is any other state of the name 'Austria' (Austria (AUT, COW 305) to "
     "1938-03-13 and from 1955-07-27)", ["COW300", "AUT"]),
    ("Germany (Prussia)", "1950-01-01", "Germany (DEU, COW 255, 1816-01-01–1945-05-08; 1990-10-03–(open)), which is "
     "no state of the system on 1950-01-01, nor is any other state of the name 'Germany' (German Democratic Republic "
     "(COW265, COW 265) from 1954-03-25; German Federal Republic (COW260, COW 260) from 1955-05-05)",
     ["DEU", "COW260", "COW265"]),
])
def test_an_aside_on_a_day_no_state_of_the_name_is_a_member_does_not_ask_for_a_code(
        raw: str, date: str, out: str, codes: list[str]) -> None:
    """It asked for a code, which the engine then refused, each state being no member on the day: it says so."""
    code, stdout, err = cli_line(["cascade", "-a", raw, "-t", "ITA", "-d", date])
    assert (code, stdout) == (2, "")
    assert err == (f"error: {raw!r} names {out}: a code for any of them is refused as not a member of the state system "
                   "on that day\n")
    for state in codes:  # as it says
        assert f"is not a member of the state system on {date} (a member " in cli_line(
            ["cascade", "-a", state, "-t", "ITA", "-d", date])[2]  # then when it is, in parentheses


def test_an_aside_on_a_day_a_state_of_the_name_is_a_member_asks_for_a_code(world) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(AmbiguousNameError) as err:
        world.states.resolve("Austria (Austria-Hungary)", D(1960, 1, 1))
    assert str(err.value) == ("'Austria (Austria-Hungary)' names Austria-Hungary (COW300, COW 300, 1816-01-01–"
                              "1918-11-12), which is no state of the system on 1960-01-01, when 'Austria' names "
                              "Austria (AUT); give a code")
