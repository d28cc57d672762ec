"""The world cache's codecs (`foedus.model.codec`, `foedus.model.state_codec`) read and rebuild the state registry's
and the gazetteer's name indexes through their public `lookup_index` and `indexed`: they read the private `_index`
fields and passed `_index=` to `without_post_init`, so the codecs hung on how each class keeps its index."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from foedus.model.gazetteer import Gazetteer
from foedus.model.states import State, StateRegistry

CODECS = Path(__file__).resolve().parents[1] / "src" / "foedus" / "model"


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


@pytest.mark.parametrize("module", ["codec.py", "state_codec.py"])
def test_a_codec_reaches_no_private_field(module: str) -> None:
    """No attribute read (`states._index`) or keyword given (`_index=...`) of a private name: the classes' own."""
    tree = ast.parse((CODECS / module).read_text(encoding="utf-8"))
    reached = [node.attr for node in ast.walk(tree) if isinstance(node, ast.Attribute) and _private(node.attr)]
    given = [k.arg for node in ast.walk(tree) if isinstance(node, ast.Call) for k in node.keywords
             if k.arg and _private(k.arg)]
    assert reached + given == []


def test_a_registry_rebuilt_from_its_index_reads_names_as_the_built_one() -> None:
    built = StateRegistry({"PRK": State("PRK", "North Korea", 731, "PRK", "PRK")})
    rebuilt = StateRegistry.indexed(dict(built.lookup_index), states=built.states)
    assert rebuilt.lookup_index == built.lookup_index and "northkorea" in built.lookup_index
    assert rebuilt.resolve_id("north korea") == built.resolve_id("north korea") == "PRK"
    assert rebuilt.majors == {} and rebuilt.has_system_dates is False  # the fields not given at their defaults
    with pytest.raises(TypeError, match=r"StateRegistry\.states is missing"):
        StateRegistry.indexed({})


def test_a_gazetteer_rebuilt_from_its_index_is_not_indexed_again() -> None:
    """The index given is the one kept (`__post_init__` skipped): the cache's start does no more work."""
    empty = Gazetteer({}, {})
    rebuilt = Gazetteer.indexed({"kursk": "kursk-oblast"}, regions={}, places={})
    assert empty.lookup_index == {} and rebuilt.lookup_index == {"kursk": "kursk-oblast"}
    assert rebuilt.named_id("Kursk") == "kursk-oblast" and rebuilt.sets == {}
