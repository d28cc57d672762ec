"""A Stata file's notes are written by overriding pandas' private `StataWriter117._write_characteristics` (pandas
writes an empty characteristics section) with its private helpers `_update_map`, `_tag`, `_write_bytes` and
`_byteorder` (`foedus.outputs.stata._noted_writer`). A pandas that renamed, dropped or re-signed one of them, or
stopped calling the hook, would leave the notes out without a word or fail on writing: these tests say which, so that
a pandas upgrade names what broke (the notes' text: tests/test_table_citations.py)."""

from __future__ import annotations

import inspect
from pathlib import Path

import pandas as pd
from pandas.io.stata import StataWriter117, StataWriterUTF8

from foedus.outputs.stata import _noted_writer
from test_table_citations import stata_characteristics

HOOKS = {"_write_characteristics": ["self"], "_update_map": ["self", "tag"], "_tag": ["val", "tag"],
         "_write_bytes": ["self", "value"]}


def test_pandas_still_has_the_private_methods_the_notes_use() -> None:
    assert issubclass(StataWriterUTF8, StataWriter117)
    found = {name: list(inspect.signature(getattr(StataWriterUTF8, name)).parameters) if hasattr(
        StataWriterUTF8, name) else "missing" for name in HOOKS}
    assert found == HOOKS, f"pandas {pd.__version__} changed the private writer methods _noted_writer overrides"


def test_pandas_writes_the_characteristics_through_the_hook_once(tmp_path: Path) -> None:
    """`write_file` calls the hook once, and the file it writes (`_byteorder` read by the hook) reads back."""
    calls: list[int] = []

    class Counted(_noted_writer(["a note"])):  # type: ignore[misc]  # pandas, untyped here
        def _write_characteristics(self) -> None:
            calls.append(1)
            super()._write_characteristics()

    out = tmp_path / "t.dta"
    Counted(out, pd.DataFrame({"a": [1, 2]}), write_index=False, version=118).write_file()
    assert calls == [1]
    assert stata_characteristics(out) == {("_dta", "note0"): "1", ("_dta", "note1"): "a note"}
    assert pd.read_stata(out)["a"].tolist() == [1, 2]
