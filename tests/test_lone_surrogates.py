"""A byte of a command-line word that is not UTF-8 (typed in a Latin-1 terminal; Python holds it as a lone surrogate,
U+DC80..U+DCFF) is refused where a name is read, in the words every hidden character is (`foedus.model.hidden`): a
state's or a place's lookup, which keeps only letters and digits, dropped it (`-a $'UKR\\xff'` ran as Ukraine), and a
what-if change's state failed pydantic's text check as an internal error (exit 1)."""

from __future__ import annotations

import pytest

from foedus.model import hidden
from test_input_messages import CASCADE, _error_line

_SAID = "has U+DCFF (the byte 0xFF of a name that is not UTF-8 text), a lone surrogate: give the text in UTF-8"


def test_refuse_hidden_names_the_byte_of_a_lone_surrogate() -> None:
    with pytest.raises(ValueError, match="lone surrogate") as caught:
        hidden.refuse_hidden("UKR\udcff")
    assert str(caught.value) == _SAID


@pytest.mark.parametrize(("args", "said"), [
    (["cascade", "-a", "\udcffUKR", "-t", "RUS", "-d", "2025-01-15"], f"the state '\\udcffUKR' {_SAID}"),
    (["states", "U\udcffSA"], f"the state 'U\\udcffSA' {_SAID}"),
    ([*CASCADE, "--place", "estonia\udcff"], f"the place 'estonia\\udcff' {_SAID}"),
    ([*CASCADE, "--add-member", "nato_1949:UKR\udcff"], f"--add-member 'nato_1949:UKR\\udcff' {_SAID}"),
    ([*CASCADE, "--set-strength", "nato_1949\udcff:5=S1"], f"--set-strength 'nato_1949\\udcff:5=S1' {_SAID}"),
])
def test_a_byte_that_is_not_utf8_in_a_name_is_refused(args: list[str], said: str) -> None:
    assert _error_line(args) == said
