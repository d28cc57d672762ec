"""Inputs a fuzz pass over the CLI and the Python API found refused in misleading words: each is refused in one
line that says what was given (its type, not its `str()` quoted as if typed) and what was wrong with it."""

from __future__ import annotations

import datetime as dt
from array import array
from pathlib import Path
from typing import Any

import numpy as np
import pytest

import foedus
from foedus.errors import DateOutOfRangeError, FoedusError, ScenarioError, TreatyDataError
from foedus.model.overlay import AddMember, DropTreaty, Overlay, SetStrength, changes_from, load_overlay
from foedus.model.world import World


@pytest.mark.parametrize(("bad", "said"), [(None, "nothing"), (b"2025-01-15", "bytes b'2025-01-15'"),
                                           (["2025-01-15"], "a list"), ({}, "a mapping")])
def test_a_date_that_is_neither_text_nor_a_date_is_named_by_its_type(bad: Any, said: str) -> None:
    """`cascade(..., None)` said "invalid date 'None'" and a list "invalid date '['2025-01-15']'": the str() of the
    value, quoted as if the user had typed it."""
    message = f"invalid date: expected a date as YYYY-MM-DD (text or a datetime.date), not {said}"
    with pytest.raises(DateOutOfRangeError) as caught:
        foedus.cascade("RUS", "UKR", bad)
    assert str(caught.value) == message
    if bad is not None:  # ongoing_since=None is the default: no date at all
        with pytest.raises(DateOutOfRangeError) as caught:
            foedus.cascade("RUS", "UKR", "2025-01-15", ongoing_since=bad)
        assert str(caught.value) == f"--ongoing-since: {message}"  # the option named
    days = {foedus.cascade("RUS", "UKR", d).scenario.date  # what is a date is still read
            for d in ("2025-01-15", " 2025-01-15 ", dt.date(2025, 1, 15), dt.datetime(2025, 1, 15, 9),
                      np.datetime64("2025-01-15"))}
    assert days == {dt.date(2025, 1, 15)}


@pytest.mark.parametrize("extra", [{"my_pact.yaml": 1}, {}])
def test_a_mapping_for_the_treaty_files_is_refused_whole(extra: Any) -> None:
    """World.load(extra={}) loaded no file at all: a mapping's items are its keys, no list of files."""
    with pytest.raises(TreatyDataError) as caught:
        World.load(extra=extra)
    assert str(caught.value) == "treaty file: expected a path (str or pathlib.Path), not a mapping"


@pytest.mark.parametrize(("extra", "container", "held"), [
    (b"my_pact.yaml", "bytes b'my_pact.yaml'", "int"), (memoryview(b"f.yaml"), "memoryview <memory at ", "int"),
    (array("b", [1]), "array.array array('b', [1])", "int"), (range(2), "range range(0, 2)", "int"),
    ({None}, "set {None}", "nothing"), ((x for x in [["a.yaml"]]), "generator <generator object ", "list"),
    (iter([np.int64(1)]), "list_iterator <list_iterator object ", "numpy.int64"),
])
def test_a_container_of_no_paths_for_the_treaty_files_is_named_with_what_it_holds(extra: Any, container: str,
                                                                                   held: str) -> None:
    """World.load(extra=memoryview(b"abc")) said "not 97" (its first byte) and extra=range(2) "not 0": one rule for
    every container of other items than paths (buffers, once refused one by one, among them) names the container
    and the type it holds."""
    with pytest.raises(TreatyDataError) as caught:
        World.load(extra=extra)
    message = str(caught.value)
    assert message.startswith(f"treaty file: expected a path (str or pathlib.Path), not {container}")
    assert message.endswith(f": it holds {held}, not paths")


@pytest.mark.parametrize(("change", "said"), [
    (AddMember(treaty="nato_1949", state="United States"), "USA is already a member of nato_1949 (from 1949-08-24)"),
    (AddMember(treaty="nato_1949", state="FRA", joined=dt.date(2020, 1, 1)),
     "FRA is already a member of nato_1949 (from 1949-08-24); the membership added from 2020-01-01 overlaps it"),
])
def test_a_what_if_adding_a_member_the_treaty_has_says_so(world: World, change: AddMember, said: str) -> None:
    """It said "members[33].state: USA is listed twice with overlapping membership (a state that left and rejoined
    needs a 'left' date on the first)": a treaty file's words and advice, for a change that edits no file."""
    with pytest.raises(ScenarioError) as caught:
        Overlay(changes=[change]).apply(world)
    assert str(caught.value) == f"what-if: {said}"
    with pytest.raises(ScenarioError, match=f"^what-if: {said.split(' (')[0]} "):
        foedus.cascade("RUS", "UKR", "2025-01-15", add_member=f"nato_1949:{change.state}")
    applied = Overlay(changes=changes_from({"add_member": ["rus_prk_2024:IRN"]})).apply(world)  # no member: added
    assert "IRN" in {m.state for m in applied.treaties["rus_prk_2024"].members}


@pytest.mark.parametrize(("written", "said"), [
    ("1e-3", None), ("25E-2", None), ("1e309", "must be a finite number (got inf)"),
    ("5e0", "must be less than or equal to 1 (got 5.0)")])
def test_a_number_in_exponent_form_is_a_number_in_a_data_file(tmp_path: Path, written: str, said: str | None) -> None:
    """PyYAML (YAML 1.1) reads `1e-3` as text: an honour file's `S1: 1e-3` was refused as "must be a number, got
    '1e-3'" (and JSON's numbers, read as YAML, likewise); YAML 1.2 and JSON read it as the number it is."""
    from foedus.engine.reliability import load_honour_model
    from foedus.model.yamlio import load_yaml

    path = tmp_path / "honour.yaml"
    path.write_text(f"strength: {{S1: {written}}}\nbilateral_factor: {written}\n", encoding="utf-8")
    if said is None:
        model = load_honour_model(path)
        assert model.strength["S1"] == model.bilateral_factor == float(written)
    else:
        with pytest.raises(FoedusError) as caught:
            load_honour_model(path)
        assert str(caught.value) == f"{path}: strength.S1: {said}"
    assert load_yaml("[x1e3, 1e, '1e3', 2024-01-01]") == ["x1e3", "1e", "1e3", "2024-01-01"]  # text stays text


@pytest.mark.parametrize("change", [SetStrength(treaty="nato_1949", article="5e1", strength="S2"),
                                    DropTreaty(treaty="2e5"), AddMember(treaty="1e3", state="FRA")])
def test_a_saved_overlay_reads_back_text_that_looks_like_a_number(tmp_path: Path, change: Any) -> None:
    """Since files read `5e1` as a number, the writer must quote such text: PyYAML's dumper (YAML 1.1) wrote
    article '5e1' plain, and the saved overlay was refused on reading ("must be text, got 50.0")."""
    path = tmp_path / "o.yaml"
    Overlay(changes=[change]).save(path)
    assert load_overlay(path).changes == [change]
