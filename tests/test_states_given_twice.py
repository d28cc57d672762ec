"""A state given twice in a list a user gives (`cascade -a RUS -a RUS`, `-a RUS,Russia`, `-t`, `compare --against`,
the web API's attacker and target, `foedus.cascade`'s lists) was taken once without a word, though a war file's
`attacker: [RUS, RUS]` is refused: the same rule (`foedus.state_lists.listed_twice`, through
`foedus.state_lists.resolve_states`) now refuses it in one line, naming the repeat."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

import foedus
from foedus.errors import FoedusError
from test_input_messages import _error_line

if TYPE_CHECKING:
    from fastapi.testclient import TestClient


@pytest.mark.parametrize(("option", "values", "said"), [
    ("-a", ["RUS", "RUS"], "attacker[1]: RUS is listed twice (also attacker[0]); list each state once"),
    ("-a", ["RUS,Russia"], "attacker[1]: RUS is listed twice (also attacker[0]); list each state once"),
    ("-t", ["EST", "LVA,Estonia"], "target[2]: EST is listed twice (also target[0]); list each state once"),
])
def test_a_state_given_twice_on_the_command_line_is_refused_naming_it(option: str, values: list[str],
                                                                      said: str) -> None:
    """`-a RUS -a RUS` was read as `-a RUS`, though a war file's `attacker: [RUS, RUS]` is refused."""
    args = ["cascade", "-d", "2025-06-01"]
    args += ["-t", "EST"] if option == "-a" else ["-a", "RUS"]
    for value in values:
        args += [option, value]
    assert _error_line(args) == said


def test_a_state_given_twice_to_compare_against_is_refused_before_the_atlases() -> None:
    assert _error_line(["compare", "--atlas", "-d", "2024-01-01", "--drop-treaty", "nato_1949", "--watch", "UKR",
                        "--against", "RUS", "--against", "Russia"]) == (
        "--against[1]: RUS is listed twice (also --against[0]); list each state once")


def test_a_state_given_twice_to_the_python_api_is_refused() -> None:
    with pytest.raises(FoedusError, match=r"^target\[1\]: EST is listed twice \(also target\[0\]\)"):
        foedus.cascade(["RUS"], ["EST", "EST"], "2025-06-01")


def test_a_state_given_twice_to_the_web_api_is_refused(api_client: TestClient) -> None:
    response = api_client.get("/api/cascade", params=[("attacker", "RUS"), ("attacker", "Russia"),
                                                 ("target", "EST"), ("date", "2025-06-01")])
    assert 400 <= response.status_code < 500, response.text
    assert response.json()["error"] == ("attacker[1]: RUS is listed twice (also attacker[0]); list each "
                                        "state once")
