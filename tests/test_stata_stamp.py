"""A Stata table is the same bytes whenever it is written: pandas put the minute of writing in the `.dta` header, so
two runs of one command (the backtest's tables, `foedus dyads --out t.dta`) differed there alone."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pandas.io.stata
import pytest

from foedus.outputs import write_table


class _AnyDatetime(type):
    def __instancecheck__(cls, obj: object) -> bool:
        return isinstance(obj, dt.datetime)  # pandas' check of a time stamp given still passes


class _LaterClock(metaclass=_AnyDatetime):
    """pandas' clock, years on: what `datetime.now()` gives it when no time stamp is given."""

    @staticmethod
    def now() -> dt.datetime:
        return dt.datetime(2031, 5, 17, 9, 41)


def test_two_writes_of_a_stata_table_are_byte_identical(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    frame = pd.DataFrame({"ccode": [2, 20], "flag": [True, False], "name": ["USA", "CAN"]})
    write_table(frame, tmp_path / "now.dta", meta={"title": "foedus test"})
    monkeypatch.setattr(pandas.io.stata, "datetime", _LaterClock)
    write_table(frame, tmp_path / "later.dta", meta={"title": "foedus test"})
    assert (tmp_path / "now.dta").read_bytes() == (tmp_path / "later.dta").read_bytes()
    assert pd.read_stata(tmp_path / "later.dta").equals(pd.read_stata(tmp_path / "now.dta"))
