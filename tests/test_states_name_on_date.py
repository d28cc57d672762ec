"""`foedus states NAME --date D` gives the state NAME names on D, as `cascade` reads a name on its date: a name several
states have carried (Korea, Germany, Congo) was refused with "--date has no effect with a state name", though its
refusal without a date spoke of the day. That refusal says how many states of the name there are ('two states of
that name exist'; it said 'states of that name exist')."""

from __future__ import annotations

import json
import re

import pytest
from tests.samples import cli_line

pytestmark = pytest.mark.needs_data  # the states' COW dates tell which Korea a date means


@pytest.mark.parametrize(("name", "date", "state"), [
    ("Korea", "1900-01-01", "COW730"),  # the kingdom of 1887-1905
    ("Germany", "1900-01-01", "DEU"),
    ("Yemen", "1995-06-01", "YEM"),
    ("north korea", "1990-01-01", "PRK"),
])
def test_a_name_is_read_on_the_date_given(name: str, date: str, state: str) -> None:
    code, out, err = cli_line(["states", name, "--date", date, "--json"])
    assert code == 0, err
    assert [s["id"] for s in json.loads(out)] == [state]


@pytest.mark.parametrize(("args", "said"), [
    (["states", "Germany", "--date", "1960-01-01"], "'Germany' is ambiguous: on 1960-01-01 two states of that name "
                                                   "exist; give a code: German Federal Republic (COW260"),
    (["states", "Congo", "--date", "1965-01-01"], "'Congo' is ambiguous: on 1965-01-01 two states of that name exist; "
                                                 "give a code: Republic of the Congo (COG"),
    (["states", "Korea", "--date", "1930-01-01"], "'Korea' names no member of the state system on 1930-01-01; "
                                                 "members of that name: Korea (COW730, COW 730) to 1905-11-17; "),
])
def test_a_name_several_states_carry_on_the_date_is_refused_saying_how_many(args: list[str], said: str) -> None:
    code, out, err = cli_line(args)
    assert code == 2 and out == ""
    assert err.startswith(f"error: {said}") and err.count("\n") == 1, err


def test_the_refusal_without_a_date_says_how_many_states_carry_the_name_today() -> None:
    code, _, err = cli_line(["states", "Congo"])
    assert code == 2
    assert re.match(r"error: 'Congo' is ambiguous: on \d{4}-\d\d-\d\d two states of that name exist; give a code: ",
                    err), err


def test_a_state_named_before_the_state_system_begins_is_listed_without_the_empty_list_note() -> None:
    """The note that no state is listed before 1816 is the members' list's: a state named is listed."""
    code, out, err = cli_line(["states", "USA", "--date", "1815-06-01"])
    assert code == 0 and "United States" in out
    assert "no state is listed" not in err
