"""A what-if value with a blank part (`--add-member ' :EST'`, `--add-member 'nato_1949: '`, `--drop-treaty ''`) is
refused naming the option and the form it expects (on the command line as typed, `--add-member`; in the API by
its name, `add_member`): it was refused as "unknown treaty ''" (as if a treaty had been
named), or, for a blank state, failed as an internal error."""

from __future__ import annotations

import pytest

from foedus.errors import ScenarioError
from foedus.model.overlay_parse import changes_from
from test_input_messages import CASCADE, _error_line


@pytest.mark.parametrize(("option", "value", "form"), [
    ("--add-member", " :EST", "TREATY:STATE"),
    ("--add-member", "nato_1949: ", "TREATY:STATE"),
    ("--remove-member", "\t:EST", "TREATY:STATE"),
    ("--set-strength", " :5=S1", "TREATY:ARTICLE=S1..S5"),
    ("--drop-treaty", "", "TREATY, e.g."),
    ("--drop-treaty", "  ", "TREATY, e.g."),
])
def test_a_blank_part_of_a_whatif_value_names_the_option_and_its_form(option: str, value: str, form: str) -> None:
    name = option.removeprefix("--").replace("-", "_")
    line = _error_line([*CASCADE, f"{option}={value}"])
    assert line.startswith(f"{option} '") and f"': expected {form}" in line, line  # the option as typed
    with pytest.raises(ScenarioError) as refused:
        changes_from({name: [value]})
    assert str(refused.value).startswith(f"{name} {value!r}: expected {form}")


def test_a_whatif_value_with_spaces_around_its_parts_still_reads() -> None:
    """Only blank parts are refused: an id with spaces around it reads as before (tests/test_treaty_id_spaces.py)."""
    assert [c.op for c in changes_from({"drop_treaty": [" nato_1949 "], "add_member": [" nato_1949 : EST"]})] == [
        "add_member", "drop_treaty"]
