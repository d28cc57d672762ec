"""`foedus states QUERY` and `foedus war --state` took 'USA,,' as USA, where `foedus cascade` refuses an empty item of
its lists: the one parser of state lists (`foedus.state_lists.split_names`, through `one_state`) reads them all. And
`foedus depth --level 1e400` named the value "inf" in its error, not what the user typed (`foedus.numerals`)."""

from __future__ import annotations

import pytest

from samples import cli_line


def _error(args: list[str]) -> str:
    code, _, err = cli_line(args)
    lines = err.strip().splitlines()
    assert code == 2 and len(lines) == 1 and "Traceback" not in err, err
    return lines[0]


@pytest.mark.parametrize(("value", "said"), [("USA,,", "the 2nd value is empty ('USA,,')"),
                                             (",USA", "the 1st value is empty (',USA')"),
                                             ("USA, ", "the 2nd value is blank ('USA, ')")])
def test_an_empty_item_is_refused_as_cascade_refuses_it(value: str, said: str) -> None:
    """The item is said as a cascade's list says it; the advice is a list's there, and one state's where the option
    takes one state: 'give each state once, comma-separated' invited a list `states` and `war --state` refuse."""
    cascade = _error(["cascade", "-a", value, "-t", "UKR", "-d", "2022-02-24"])
    assert cascade == f"error: --attacker: {said}; give each state once, comma-separated"
    assert _error(["states", value]) == f"error: QUERY: {said}; give one state"
    assert _error(["war", "russia_ukraine_2022", "--state", value]) == f"error: --state: {said}; give one state"
    code, out, _ = cli_line(["war", "russia_ukraine_2022", "--state", value, "--json"])
    assert code == 2 and f"--state: {said}" in out


def test_a_name_with_a_comma_still_names_one_state() -> None:
    code, out, err = cli_line(["states", "Korea, Republic of"])
    assert code == 0 and "South Korea" in out, err
    code, out, err = cli_line(["war", "russia_ukraine_2022", "--state", "Korea, Republic of"])
    assert code == 0 and out.startswith("South Korea (KOR): "), err
    assert "names several states" in _error(["states", "USA,CAN"])  # two states are not one


@pytest.mark.parametrize("typed", ["1e400", "-1e309"])
def test_a_number_too_large_is_named_as_typed(typed: str) -> None:
    line = _error(["depth", "--level", typed, "--out", "never.csv"])
    assert f"must be a finite number (got '{typed}')" in line and "inf" not in line
