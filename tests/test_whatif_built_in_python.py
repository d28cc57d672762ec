"""A what-if change or overlay built in Python with bad input is refused as foedus refuses any: a ScenarioError in one
line naming the model, the field (a change of an overlay by its number) and the problem. pydantic's multi-line
ValidationError came out of `DropTreaty(treaty=5)`. Reading an overlay file or `what_if` words its problem with the
file (or `what_if`) and the change's number, as before: building in Python does not reach those readers."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from foedus.errors import ArgumentsError, FoedusError, ScenarioError
from foedus.model.overlay import AddMember, AddTreaty, DropTreaty, Overlay, SetScope, as_changes, load_overlay

OP_X = ("op 'x' is not one of add_member, remove_member, drop_treaty, add_treaty, set_strength, set_scope (given a "
        "mapping)")


@pytest.mark.parametrize(("build", "said"), [
    (lambda: Overlay(changes=[{"op": "x"}]), f"Overlay: change 1: {OP_X}"),
    (lambda: Overlay(changes=[{"op": "drop_treaty", "treaty": "nato_1949"}, {"op": "add_member", "treaty": "n"}]),
     "Overlay: change 2 (add_member.state): missing field 'state'"),
    (lambda: Overlay(changes=[5]), "Overlay: change 1: expected a change (AddMember, DropTreaty, ..., or a mapping "
                                   "with an 'op' as in an overlay file), not 5"),
    (lambda: Overlay(name=5), "Overlay: name: must be text, got 5"),
    (lambda: Overlay(changes=5), "Overlay: changes: must be a list, got 5"),
    (lambda: DropTreaty(treaty=5), "DropTreaty: treaty: must be text, got 5"),
    (lambda: DropTreaty(treaty="nato_1949", state="UKR"),
     "DropTreaty: state: unknown field 'state' (the fields are: op, treaty)"),
    (lambda: AddMember(treaty="nato_1949"), "AddMember: state: missing field 'state'"),
    (lambda: AddMember(treaty="nato_1949", state="UKR", joined="1700-01-01"),
     "AddMember: joined: 1700-01-01 is outside 1815-01-01 to 2100-12-31, the days foedus reads"),
    (lambda: AddTreaty(), "AddTreaty: give either 'path' (a treaty file) or 'treaty' (inline), not neither"),
    (lambda: SetScope(treaty="nato_1949", article="5", scope={"territory": ["UKR", 5]}),
     "SetScope: scope.territory[1]: must be text, got 5"),
])
def test_a_change_or_overlay_built_with_bad_input_is_refused_in_one_line(build: Any, said: str) -> None:
    with pytest.raises(ScenarioError) as err:
        build()
    assert str(err.value) == said
    assert isinstance(err.value, FoedusError) and "\n" not in str(err.value)


def test_fields_given_by_position_are_refused_naming_them() -> None:
    with pytest.raises(ArgumentsError, match=r"^AddMember: give its fields by name, not by position \(its fields: "
                                             r"treaty, state, joined\)$"):
        AddMember("nato_1949", "UKR")  # type: ignore[call-arg, misc]


def test_a_good_change_and_overlay_build_as_before() -> None:
    overlay = Overlay(changes=[AddMember(treaty=" nato_1949 ", state="UKR"), {"op": "drop_treaty", "treaty": "x"}])
    assert overlay.describe() == ["add_member treaty=nato_1949, state=UKR", "drop_treaty treaty=x"]


def test_an_overlay_file_and_what_if_still_name_where_the_change_was_given(tmp_path: Path) -> None:
    """Validating data does not go through the models' own `__init__`, so the readers keep pydantic's error to word
    (a refusal raised there named neither the file nor the change's number)."""
    path = tmp_path / "ov.yaml"
    path.write_text("changes:\n  - {op: drop_treaty, treaty: nato_1949}\n  - {op: add_member, treaty: n}\n",
                    encoding="utf-8")
    with pytest.raises(FoedusError) as err:
        load_overlay(path)
    assert str(err.value) == f"{path}: change 2 (add_member.state): missing field 'state'"
    with pytest.raises(ScenarioError) as err:
        as_changes([{"op": "x"}])
    assert str(err.value) == f"what_if: change 1: {OP_X}"
