"""A one-line message shows a value as given: `foedus.wording.one_line` collapsed every run of whitespace, so a
value typed 'a  b' was shown as 'a b' (not what was typed, and not what was refused). A run that breaks the line (a
newline, a tab) is still one space: the message stays one line."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from foedus.wording import one_line
from test_input_messages import CASCADE, _error_line

if TYPE_CHECKING:
    from fastapi.testclient import TestClient


@pytest.mark.parametrize(("args", "shown"), [
    (["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01  x"], "invalid date '2025-06-01  x'"),
    ([*CASCADE, "--place", "a  b"], "unknown place 'a  b'"),
])
def test_a_value_with_blanks_is_shown_as_given(args: list[str], shown: str) -> None:
    assert _error_line(args).startswith(shown)


def test_a_web_message_shows_the_value_as_given(api_client: TestClient) -> None:
    from test_web_api import envelope

    query = {"attacker": "RUS", "target": "EST", "date": "2025-06-01", "place": "a   b"}
    assert envelope(api_client.get("/api/cascade", params=query), 422).startswith("unknown place 'a   b'")


def test_a_line_break_is_still_one_space() -> None:
    assert one_line("cannot read 'a  b':\n    line 2\r\n\tline 3 ") == "cannot read 'a  b': line 2 line 3"
