"""A what-if change typed on the command line is named in its errors by the option the user typed (`--add-member
'nato_1949': expected TREATY:STATE`), where it spoke the Python API's names (`add_member 'nato_1949'`, `what-if
add_treaty: …`); the Python and web APIs keep their own names (`add_member`, the keyword and query parameter)."""

from __future__ import annotations

from pathlib import Path

import pytest

import foedus
from foedus.errors import ScenarioError
from test_input_messages import CASCADE, _error_line

_FORM = "expected TREATY:STATE, e.g. rus_prk_2024:IRN"


@pytest.mark.parametrize("command", [CASCADE, ["compare", *CASCADE[1:]]])
def test_a_malformed_change_is_named_by_its_option(command: list[str]) -> None:
    assert _error_line([*command, "--add-member", "nato_1949"]) == f"--add-member 'nato_1949': {_FORM}"
    assert _error_line([*command, "--set-strength", "nato_1949:5=S9"]) == (
        "--set-strength 'nato_1949:5=S9': expected TREATY:ARTICLE=S1..S5, e.g. nato_1949:5=S1")


def test_a_folder_added_as_a_treaty_is_named_by_its_option(tmp_path: Path) -> None:
    assert _error_line([*CASCADE, "--add-treaty", str(tmp_path)]) == (
        f"--add-treaty {tmp_path}: a folder, not a treaty file")


def test_a_change_applied_is_named_as_typed() -> None:
    flags = [arg for state in ("AUS", "NZL", "USA") for arg in ("--remove-member", f"anzus_1951:{state}")]
    assert _error_line(["cascade", "-a", "CHN", "-t", "AUS", "-d", "2024-01-01", *flags]).startswith(
        "--remove-member anzus_1951:USA: USA is the last member left in anzus_1951")


def test_the_python_api_keeps_its_keyword() -> None:
    with pytest.raises(ScenarioError) as caught:
        foedus.cascade("RUS", "EST", "2025-06-01", add_member=["nato_1949"])
    assert str(caught.value) == f"add_member 'nato_1949': {_FORM}"
