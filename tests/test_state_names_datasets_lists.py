"""Names in research datasets' forms as state lists read them, and the forms that named the wrong state: a name with
a comma of its own that names one state alone ("Yemen, People's Republic of", "China, Republic of") was split at the
comma in a list (the CLI's -t, the web API's, `cascade`'s), the join reading only name patterns; GW's "Yemen (Arab
Republic of Yemen)" was refused as two states while "Yemen" named both Yemens; "Germany, Dem. Rep." was taken for
Germany; a long run of spaces around "/" made a lookup take seconds.
"""

from __future__ import annotations

import datetime as dt

import pytest

from foedus.errors import AmbiguousNameError
from foedus.model import state_forms
from foedus.model.world import World
from foedus.state_lists import resolve_states, split_names

D = dt.date


def _ids(text: str, day: dt.date) -> list[str]:
    return [s.id for s in resolve_states(World.default(), text, day, "target")]


@pytest.mark.parametrize(("text", "day", "want"), [
    ("Yemen, People's Republic of", D(1979, 2, 24), "COW680"), ("Yemen, Arab Rep.", D(1970, 1, 1), "COW678"),
    ("Congo, Democratic Republic of (Zaire)", D(1970, 1, 1), "COD"),
    ("Congo, Democratic Republic of (Zaire)", D(1979, 1, 1), "COD"), ("China, Republic of", D(1970, 1, 1), "TWN"),
])
def test_a_name_with_a_comma_that_names_one_state_is_one_value_of_a_list(text: str, day: dt.date, want: str) -> None:
    assert World.default().states.resolve(text, day).id == want
    assert _ids(text, day) == [want]
    assert _ids(f"RUS,{text},UKR", day) == ["RUS", want, "UKR"]


@pytest.mark.parametrize(("text", "want"), [
    ("Ukraine, Russia", ["UKR", "RUS"]), ("Russia, Belarus", ["RUS", "BLR"]), ("China, Taiwan", ["CHN", "TWN"]),
    ("2,20", ["USA", "CAN"]), ("United States, Solomon Islands", ["USA", "SLB"]),
])
def test_two_states_with_a_comma_stay_two(text: str, want: list[str]) -> None:
    assert _ids(text, D(2020, 1, 1)) == want
    assert split_names(text) == [part.strip() for part in text.split(",")]


@pytest.mark.parametrize("day", [D(1926, 9, 2), D(1967, 11, 30), D(1970, 1, 1), D(1990, 5, 21)])
def test_yemen_with_the_arab_republic_aside_is_the_yemen_arab_republic(day: dt.date) -> None:
    """GW 678's name: "Yemen" names both Yemens from 1967-11-30 to 1990-05-21; the aside's words are those of the
    Yemen Arab Republic's name, not of the People's Republic's nor today's Yemen's. (Before 1926-09-02, when "Yemen"
    names no state, it is refused as "Yemen" is: tests/test_state_names_asides.py.)"""
    assert World.default().states.resolve("Yemen (Arab Republic of Yemen)", day).id == "COW678"
    assert _ids("Yemen (Arab Republic of Yemen)", day) == ["COW678"]


@pytest.mark.parametrize("text", ["Germany, Dem. Rep.", "Dem. Rep. Germany", "Germany, Democratic Republic",
                                  "Democratic Republic of Germany", "German Democratic Republic"])
@pytest.mark.parametrize("day", [D(1970, 1, 1), D(2000, 1, 1)])
def test_the_democratic_republic_of_germany_is_the_gdr_as_its_name_is(text: str, day: dt.date) -> None:
    """As "German Democratic Republic" names COW 265 (the day left to the engine's membership checks), so do its
    other forms: not Germany, whose name pattern excepts only "east" and the GDR's own name."""
    assert World.default().states.resolve(text, day).id == "COW265"
    assert _ids(text, day) == ["COW265"]


def test_a_name_beside_another_states_name_in_parentheses_names_two() -> None:
    """"United States" is words of styles, so the Solomon Islands' pattern took the whole for the Solomon Islands."""
    with pytest.raises(AmbiguousNameError, match="several states") as info:
        World.default().states.resolve("United States (Solomon Islands)")
    assert info.value.several and {c["id"] for c in info.value.candidates} == {"USA", "SLB"}


def test_long_runs_of_spaces_are_read_in_one_pass() -> None:
    """The forms' regexes had `\\s*` beside a lazy part: on 100,000 spaces each side of "/" (or "(" or ",") the match
    tried each split of the run, quadratic (about 2.4 s at 600 spaces around "/"; far beyond this test's run at
    100,000). Now the parts are stripped after a match that cannot backtrack into the run."""
    gap = " " * 100_000
    assert state_forms.aside_state(f"a{gap}/{gap}(", lambda text: []) is None
    assert state_forms.aside_state(f"a{gap}({gap}b", lambda text: []) is None
    assert state_forms.other_forms(f"vietnam{gap},{gap}republic of{gap}.")[1] == "republic of vietnam"
    assert state_forms.other_forms(f"a{gap},{gap}b{gap}!") == [f"a{gap},{gap}b{gap}!"]
    with pytest.raises(AmbiguousNameError):
        state_forms.aside_state(f"Russia{gap}/{gap}Ukraine", lambda text: [World.default().states.resolve(text)])
