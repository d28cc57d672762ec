"""An empty or blank state name ('' or '  ', typed to `foedus states`, the web's /api/resolve or
`StateRegistry.resolve`) was "unknown state ''": a lookup of a name nobody gave. It is said to be empty or blank, as
every value that says nothing is (`foedus.value_words.empty_or_blank`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from test_input_messages import _state_refused

if TYPE_CHECKING:
    from fastapi.testclient import TestClient


@pytest.mark.parametrize(("given", "word"), [("", "empty"), ("  ", "blank"), ("\t", "blank")])
def test_an_empty_or_blank_state_is_said_to_be_so(given: str, word: str) -> None:
    said = f"the state is {word}; give an ISO3 code, a COW code or a name (try `foedus states`)"
    assert _state_refused(given) == (said, said)


def test_the_web_says_a_blank_state_is_blank(api_client: TestClient) -> None:
    answer = api_client.get("/api/resolve", params={"state": "  "})
    assert answer.status_code == 422
    assert answer.json()["error"] == "the state is blank; give an ISO3 code, a COW code or a name (try /api/states)"
