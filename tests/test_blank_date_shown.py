"""A blank date (`-d ' '`, `date="  "`) is shown as given, as every blank value is ("the 1st value is blank (' ')"):
it was said as "invalid date ''", which is not what the user wrote (found by session 34's bad-input sweep)."""

from __future__ import annotations

import pytest

import foedus
from foedus.errors import DateOutOfRangeError
from test_input_messages import _error_line


@pytest.mark.parametrize("blank", [" ", "\t"])
def test_a_blank_date_is_shown_as_given(blank: str) -> None:
    said = f"invalid date {blank!r}: expected YYYY-MM-DD"
    assert _error_line(["cascade", "-a", "RUS", "-t", "EST", "-d", blank]) == said
    assert _error_line(["states", "--date", blank]) == said
    with pytest.raises(DateOutOfRangeError) as caught:
        foedus.cascade("RUS", "EST", blank)
    assert str(caught.value) == said
