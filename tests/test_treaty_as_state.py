"""A curated treaty given where a state goes (`war --state nato`, `cascade -t NATO`, a what-if's new member
`nato_1949:rio`) was "unknown state 'nato'; did you mean Monaco?": it is refused as a treaty, named, in one line
(exit 2), as a region or a place set is (`foedus.wording.not_a_state`); an unknown name is still unknown."""

from __future__ import annotations

import pytest

from samples import cli_line

NATO = "The North Atlantic Treaty"


@pytest.mark.parametrize(("args", "said"), [
    (["war", "israel_iran_2025", "--state", "nato"], f"'nato' is a treaty ({NATO})"),
    (["cascade", "-a", "RUS", "-t", "NATO", "-d", "2025-06-01"], f"'NATO' is a treaty ({NATO})"),
    (["cascade", "-a", "nato_1949", "-t", "RUS", "-d", "2025-06-01"], f"'nato_1949' is a treaty ({NATO})"),
    (["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01", "--add-member", "nato_1949:rio"],
     "'rio' is a treaty (Inter-American Treaty of Reciprocal Assistance)"),
])
def test_a_treaty_given_for_a_state_is_refused_as_a_treaty(args: list[str], said: str) -> None:
    code, out, err = cli_line(args)
    assert (code, out, err.splitlines()) == (2, "", [f"error: {said}, not a state: give one state (try `foedus "
                                                     "states`)"])


def test_an_unknown_name_is_still_unknown() -> None:
    code, _, err = cli_line(["cascade", "-a", "RUS", "-t", "Narnia", "-d", "2025-06-01"])
    assert code == 2 and err.startswith("error: unknown state 'Narnia'"), err
