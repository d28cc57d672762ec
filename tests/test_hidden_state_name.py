"""A state name typed with a control character or a bidirectional override (`/api/resolve?state=u%E2%80%AEsa`,
`foedus states $'U\\eSA'`) resolved to the state without it (USA), as the lookup keeps only letters and digits: what
was shown (reversed, or driving the terminal) was not what was read. It is refused in the words a data file's text
is (`foedus.model.hidden.refuse_hidden`, shared), in `StateRegistry.resolve`, which every reader of a state goes
through."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from foedus.model.states import StateRegistry
from test_input_messages import CASCADE, _error_line, _state_refused

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

CASES = [
    ("u\u202esa", "U+202E RIGHT-TO-LEFT OVERRIDE, a bidirectional control"),
    ("Est\u2066onia", "U+2066 LEFT-TO-RIGHT ISOLATE, a bidirectional control"),
    ("u\u200fsa", "U+200F RIGHT-TO-LEFT MARK, a bidirectional control"),  # a mark, invisible: it was read as USA
    ("\u200eRussia", "U+200E LEFT-TO-RIGHT MARK, a bidirectional control"),
    ("Ira\u061cq", "U+061C ARABIC LETTER MARK, a bidirectional control"),
    ("U\x1bSA", "U+001B ESCAPE, a control character"),
    ("\x00USA", "U+0000 NULL, a control character"),
    ("United\tStates", "U+0009 CHARACTER TABULATION, a control character"),
]


@pytest.mark.parametrize(("given", "char"), CASES)
def test_a_state_name_with_a_hidden_character_is_refused(given: str, char: str) -> None:
    said = f"the state {given!r} has {char}: write the text as it is to be shown"
    assert _state_refused(given) == (said, said)
    assert _error_line([*CASCADE[:2], given, *CASCADE[3:]]) == said  # an attacker, read as a list of states


def test_spaces_around_a_name_are_still_read() -> None:
    """Only a hidden character is refused: spaces, a tab or a newline around the name are dropped, as before."""
    assert StateRegistry.load().resolve(" USA\n").id == StateRegistry.load().resolve("\tUSA ").id == "USA"


def test_the_web_refuses_a_hidden_character_in_a_state_name(api_client: TestClient) -> None:
    answer = api_client.get("/api/resolve?state=u%E2%80%AEsa")
    assert answer.status_code == 422
    assert answer.json()["error"] == ("the state 'u\\u202esa' has U+202E RIGHT-TO-LEFT OVERRIDE, a bidirectional "
                                      "control: write the text as it is to be shown")
