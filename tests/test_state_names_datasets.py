"""The names research datasets give states, which researchers merge with foedus's: the World Bank's ("Korea, Rep.",
"Congo, Dem. Rep.", "Lao PDR", "Venezuela, RB": abbreviated styles after a comma), Gleditsch and Ward's ("Iran
(Persia)", "Italy/Sardinia", "Vietnam, Republic of") and COW's own. Abbreviated styles were unknown, a former name in
parentheses or after a slash made the name unknown, "Vietnam, Republic of" (South Vietnam) was taken for Vietnam and
GW's "Great Colombia" for Colombia. A comma list still names several states, and a text naming two is still refused.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from foedus.errors import AmbiguousNameError, FoedusError, UnknownStateError
from foedus.model.states import State, StateRegistry
from foedus.model.world import World
from foedus.state_lists import resolve_states

# the World Bank's names (WDI), and the official Spanish name of Mexico
WORLD_BANK = [
    ("Korea, Rep.", "KOR"), ("Korea, Dem. People's Rep.", "PRK"), ("Egypt, Arab Rep.", "EGY"),
    ("Iran, Islamic Rep.", "IRN"), ("Venezuela, RB", "VEN"), ("Yemen, Rep.", "YEM"), ("Gambia, The", "GMB"),
    ("Bahamas, The", "BHS"), ("Congo, Dem. Rep.", "COD"), ("Congo, Rep.", "COG"), ("Micronesia, Fed. Sts.", "FSM"),
    ("Lao PDR", "LAO"), ("Slovak Republic", "SVK"), ("Kyrgyz Republic", "KGZ"), ("Syrian Arab Republic", "SYR"),
    ("Turkiye", "TUR"), ("Cabo Verde", "CPV"), ("Cote d'Ivoire", "CIV"), ("St. Lucia", "LCA"),
    ("St. Kitts and Nevis", "KNA"), ("St. Vincent and the Grenadines", "VCT"), ("Brunei Darussalam", "BRN"),
    ("Russian Federation", "RUS"), ("Viet Nam", "VNM"), ("Estados Unidos Mexicanos", "MEX"),
]


@pytest.fixture(scope="module")
def states() -> StateRegistry:
    return World.default().states


@pytest.mark.parametrize(("name", "state_id"), WORLD_BANK)
def test_a_world_bank_name_is_its_state_alone_and_in_a_list(states: StateRegistry, name: str, state_id: str) -> None:
    assert states.resolve(name).id == state_id
    world = World.default()
    got = [s.id for s in resolve_states(world, f"EST,{name},Ukraine", dt.date(2020, 1, 1), "attacker")]
    assert got == ["EST", state_id, "UKR"]


def test_hong_kong_is_refused_as_no_state(states: StateRegistry) -> None:
    """A dataset's name of Hong Kong is refused as a place China holds (it is one in the gazetteer), not a state."""
    for text in ("Hong Kong SAR, China", "China, Hong Kong SAR"):
        with pytest.raises(UnknownStateError, match=r"'Hong Kong SAR' is a place \(Hong Kong\), not a state \(held "
                                                    r"on 2020-01-01 by China \(CHN\)\)"):
            resolve_states(World.default(), text, dt.date(2020, 1, 1), "attacker")


def test_two_states_stay_two_or_are_refused(states: StateRegistry) -> None:
    world, day = World.default(), dt.date(2020, 1, 1)
    assert [s.id for s in resolve_states(world, "Ukraine, Russia", day, "attacker")] == ["UKR", "RUS"]
    assert [s.id for s in resolve_states(world, "Korea, Rep.,Korea, Dem. People's Rep.", day, "attacker")] == [
        "KOR", "PRK"]
    for text in ("Russia (Ukraine)", "Russia/Ukraine", "Russia (2)", "Korea", "Congo"):
        with pytest.raises(AmbiguousNameError):
            states.resolve(text, day)
    # a name several states have carried, with its style after a comma, is dated as the name is
    assert states.resolve("Germany, Fed. Rep.", dt.date(1970, 1, 1)).id == "COW260"
    assert states.resolve("Germany, Fed. Rep.", day).id == "DEU"


def _rows(name: str) -> list[dict[str, str]]:
    path = Path(os.environ["FOEDUS_DATA_DIR"]) / name
    if not path.is_file():
        pytest.skip(f"{path} not found (set FOEDUS_DATA_DIR)")
    with path.open(newline="", encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _listed(states: StateRegistry, name: str, day: dt.date) -> State:
    """`name` as the one value of a state list (the CLI's -t, the web API's, `cascade`'s): split, then resolved."""
    [state] = resolve_states(World.default(), name, day, "target")
    assert states.get(state.id) == state
    return state


def _wrong(states: StateRegistry, name: str, day: dt.date, want: str | None) -> str | None:
    """What is wrong with `name`'s lookup on `day`, alone (`resolve`) and as a state list (`resolve_states`, which
    splits it at commas): it must name `want`, or be refused when `want` is None (a polity COW does not count). A name
    several states have carried that fits several on the day (COW's "Congo" on 1960-08-15, when both Congos were in
    the system) may be refused, listing `want`."""
    return _wrong_by(states.resolve, name, day, want) or _wrong_by(
        lambda text, on: _listed(states, text, on), name, day, want)


def _wrong_by(lookup: Callable[[str, dt.date], State], name: str, day: dt.date, want: str | None) -> str | None:
    try:
        found: str | None = lookup(name, day).id
    except AmbiguousNameError as exc:
        if want is None or (not exc.several and want in [c["id"] for c in exc.candidates]):
            return None
        found = str(exc)
    except FoedusError as exc:
        found = None if want is None else str(exc)
    return None if found == want else f"{found} (want {want})"


def _first_day(start: dt.date, end: dt.date, spells: tuple[tuple[dt.date, dt.date | None], ...]) -> dt.date:
    """The first day from `start` to `end` in one of `spells` (GW's and COW's dates differ), else `start`."""
    days = [max(start, a) for a, b in spells if a <= end and (b is None or start <= b)]
    return min(days, default=start)


@pytest.mark.needs_data
def test_every_cow_state_name_is_its_state_alone_and_in_a_list(states: StateRegistry) -> None:
    """Each name of COW's state list, on the first day of its spell (a test of its own: it runs whenever COW's file
    is there, GW's or not)."""
    wrong = {}
    for row in _rows("cow_states/states2016.csv"):
        day = dt.date(int(row["styear"]), max(int(row["stmonth"]), 1), max(int(row["stday"]), 1))
        if problem := _wrong(states, row["statenme"], day, states.by_ccode.get(int(row["ccode"]))):
            wrong[f"COW {row['statenme']} on {day}"] = problem
    assert not wrong


@pytest.mark.needs_data
def test_every_gleditsch_ward_state_name_is_its_state_alone_and_in_a_list(states: StateRegistry) -> None:
    """Each name of Gleditsch and Ward's list, on the first day of its spell that the state's COW spells hold. GW's
    codes are COW's but for Serbia (GW 340, COW 345); GW's states COW does not count (Great Colombia, Transvaal,
    Tibet ...) have no COW code and must be refused, not taken for a state whose name they hold."""
    wrong = {}
    for row in _rows("gw_states/gw_states.csv"):
        want = states.by_ccode.get({340: 345}.get(int(row["gwcode"]), int(row["gwcode"])))
        start, end = (dt.date.fromisoformat(row[k]) for k in ("startdate", "enddate"))
        day = _first_day(start, end, states.get(want).spells) if want else start
        if problem := _wrong(states, row["statename"], day, want):
            wrong[f"GW {row['statename']} on {day}"] = problem
    assert not wrong
