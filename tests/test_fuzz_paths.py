"""More inputs a fuzz pass found refused in the wrong words: a path no file name can be (too long, a NUL) raised
Python's OSError or ValueError from the Python API, a blank war said "no such file", a null key in an honour file
was named `None`, and a likelihood model without a training year said "expected a whole number"."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

import foedus
from foedus.errors import FoedusError, LikelyModelError, TreatyDataError, WarDataError
from foedus.likely.model import load_model
from foedus.model.overlay import AddTreaty, Overlay
from foedus.model.world import World
from foedus.war.bundled import war_path
from test_input_messages import _error_line

SHIPPED = Path(foedus.__file__).parent / "data" / "likely_model.json"
LONG = "x" * 5000  # longer than any file name (ENAMETOOLONG)


@pytest.mark.parametrize(("path", "said"), [(LONG, "File name too long"),
                                            ("a\0b.yaml", "a path cannot hold a NUL character")])
def test_a_path_no_file_can_have_is_refused_in_one_line(world: World, path: str, said: str) -> None:
    """`load_world("x"*5000)` raised OSError from the folder check before the reader, and a NUL a ValueError."""
    with pytest.raises(TreatyDataError) as caught:
        foedus.load_world(path)
    assert str(caught.value) == f"{path}: cannot read treaty file: {said}"
    with pytest.raises(TreatyDataError, match=f"cannot read treaty file: {said}$"):
        Overlay(changes=[AddTreaty(path=path)]).apply(world)


@pytest.mark.parametrize(("given", "word"), [("", "empty"), (" ", "blank"), ("\t", "blank")])
def test_a_blank_war_is_said_to_be_blank(given: str, word: str) -> None:
    """`foedus war " "` said "' ': no such file, and no bundled war of that name", where "" said the path is empty."""
    with pytest.raises(WarDataError, match=f"^war: the path is {word}; give a war file or a bundled war "):
        war_path(given)
    assert _error_line(["war", given]).startswith(f"war: the path is {word}; give a war file or a bundled war ")


@pytest.mark.parametrize(("text", "said"), [
    ("era:\n  null:\n    S1: 0.5\n", "era.null: must be 'pre1945' or 'post1945'"),
    ("era:\n  true:\n    S1: 0.5\n", "era.true: must be 'pre1945' or 'post1945' (got true)"),
    ("treaty:\n  null: 0.5\n", "treaty.null: must be text, got nothing"),
])
def test_a_null_key_in_an_honour_file_is_named_as_written(tmp_path: Path, text: str, said: str) -> None:
    """pydantic gives a null key as 'None' and a true one as 1: the field was named `era.None`, `era[1]`."""
    from foedus.engine.reliability import load_honour_model

    path = tmp_path / "honour.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FoedusError, match=f"^{re.escape(f'{path}: {said}')}$"):
        load_honour_model(path)


@pytest.mark.parametrize("key", ["first_year", "last_year", "wars", "pairs"])
def test_a_likely_model_without_a_training_field_says_it_is_missing(tmp_path: Path, key: str) -> None:
    data = json.loads(SHIPPED.read_text(encoding="utf-8"))
    del data["training"][key]
    path = tmp_path / "model.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(LikelyModelError, match=f"^{re.escape(f'{path}: training.{key}: missing field {key!r}')}$"):
        load_model(path)
    data["training"][key] = "1900"  # a value of the wrong kind keeps its words
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(LikelyModelError, match=r"expected a whole number of zero or more$"):
        load_model(path)
