"""Dates a treaty file may hold at the calendar's ends (year 1, year 9999): a window around such a day stops at the
calendar's end, where it raised OverflowError (`foedus cascade --add-treaty` on a treaty ending 9999-12-31, known to
the week: 'internal error', exit 1)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

import foedus
from foedus.model.facts import DateCertainty
from foedus.model.treaty import Treaty
from foedus.model.windows import date_window
from foedus.war.changes import treaty_changes

D = dt.date.fromisoformat
MAX, MIN = dt.date.max, dt.date.min


@pytest.mark.parametrize(("day", "within", "end", "window"), [
    (MAX, "week", False, (D("9999-12-24"), MAX)),
    (MAX, "stand-in", False, (D("9998-12-31"), MAX)),
    (MAX, "week", True, (D("9999-12-24"), MAX)),
    (MAX, "month", True, (D("9999-12-02"), MAX)),
    (MAX, "year", True, (D("9999-01-02"), MAX)),
    (D("0001-01-03"), "week", False, (MIN, D("0001-01-10"))),
    (D("0001-01-03"), "stand-in", False, (MIN, D("0002-01-03"))),
])
def test_a_window_at_the_calendars_end_stops_there(day: dt.date, within: Any, end: bool,
                                                   window: tuple[dt.date, dt.date]) -> None:
    assert date_window(day, DateCertainty(within=within), end=end) == window


@pytest.mark.parametrize("within", ["week", "stand-in", "month", "year"])
def test_a_treaty_ending_in_9999_binds_as_recorded(tmp_path: Path, within: str) -> None:
    path = tmp_path / "far_pact.yaml"
    path.write_text(f"""id: far_pact
name: Far pact
signed: 2020-01-01
in_force: 2020-01-01
terminated: 9999-12-31
terminated_certainty: {{within: {within}}}
type: bilateral
sources: [{{url: "https://example.org/pact"}}]
members: [{{state: FIN}}, {{state: SWE}}]
provisions: [{{kind: defense, article: "1", strength: S1}}]
""", encoding="utf-8")
    world = foedus.World.load(path, bundled=False, history=False)
    swe = foedus.cascade("RUS", "FIN", "2025-06-01", world=world).joiner("SWE")
    assert swe is not None and swe.primary.treaty == "far_pact"


def test_a_coverage_to_the_calendars_end_never_ends() -> None:
    """coverage_end 9999-12-31 (`foedus war --treaties`: OverflowError, exit 1): the change the day after it is none."""
    treaty = Treaty.model_validate({
        "id": "far_pact", "name": "Far pact", "signed": "2020-01-01", "in_force": "2020-01-01",
        "coverage_end": "9999-12-31", "sources": [{"url": "https://example.org/pact"}],
        "members": [{"state": "FIN"}, {"state": "SWE"}]})
    got = treaty_changes([treaty], "in-force", MIN, MAX, {})
    assert [(d.isoformat(), c.what) for d, cs in got.items() for c in cs] == [("2020-01-01", "in-force")]
