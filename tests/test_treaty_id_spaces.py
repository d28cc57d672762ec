"""A what-if's treaty id with spaces around it (`--drop-treaty ' nato_1949 '`, an overlay's `treaty: ' nato_1949'`)
names the treaty as `World.treaty` reads it, without the spaces: it was found in the world but not among the treaties
the changes rewrite, so a lone drop was refused as 'unknown treaty ' nato_1949 ' (dropped by an earlier change)',
and a drop beside another change of the same treaty was not seen to contradict it. A treaty dropped twice is a change
given twice, not one contradicting itself."""

from __future__ import annotations

import pytest

from foedus.model.overlay import Overlay, changes_from
from foedus.model.world import World
from test_input_messages import CASCADE, _error_line


@pytest.mark.parametrize("given", [" nato_1949 ", "nato_1949 ", "\tnato_1949"])
def test_a_drop_with_spaces_drops_the_treaty(world: World, given: str) -> None:
    changed = Overlay(changes=changes_from({"drop_treaty": [given]})).apply(world)
    assert "nato_1949" in world.treaties and "nato_1949" not in changed.treaties


def test_a_set_strength_with_spaces_changes_the_treaty(world: World) -> None:
    changed = Overlay(changes=changes_from({"set_strength": [" nato_1949:5=S5"]})).apply(world)
    assert {p.strength.value for p in changed.treaty("nato_1949").provisions if p.article == "5"} == {"S5"}


def test_a_drop_with_spaces_contradicts_a_change_of_the_treaty() -> None:
    assert _error_line([*CASCADE, "--drop-treaty", " nato_1949", "--add-member", "nato_1949:UKR"]) == (
        "--drop-treaty nato_1949 and --add-member nato_1949:UKR contradict each other (the treaty is dropped): "
        "give one "
        "of them")


def test_a_treaty_dropped_twice_is_said_to_be_given_twice() -> None:
    assert _error_line([*CASCADE, "--drop-treaty", "nato_1949", "--drop-treaty", " nato_1949"]) == (
        "--drop-treaty nato_1949 is given twice: give it once")
