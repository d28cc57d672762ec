"""`foedus states --date D` and `foedus places --date D` name the day they list in their table's title, as `treaties
list` does (until 2026-12-07 neither did, so `--date today` listed a day it never said); CSV, JSON: no header."""

from __future__ import annotations

import datetime as dt

import pytest

from samples import cli_line


def _first_line(args: list[str]) -> str:
    ran = cli_line(args)
    assert ran.returncode == 0, ran.stderr
    return ran.stdout.splitlines()[0]


def _days() -> set[str]:
    return {dt.date.today().isoformat(), (dt.date.today() - dt.timedelta(days=1)).isoformat()}  # crossing midnight


def test_places_on_a_day_name_it() -> None:
    assert _first_line(["places", "--date", "2025-06-01"]) == "places as held on 2025-06-01"
    assert _first_line(["places", "--date", "today"]) in {f"places as held on {d}" for d in _days()}
    assert _first_line(["places"]).split()[:2] == ["id", "name"]
    assert _first_line(["places", "--date", "2025-06-01", "--format", "csv"]).startswith("id,name,")


@pytest.mark.needs_data
def test_states_on_a_day_name_it() -> None:
    assert _first_line(["states", "--date", "2010-06-01"]) == "states on 2010-06-01"
    assert _first_line(["states", "--date", "today"]) in {f"states on {d}" for d in _days()}
    assert _first_line(["states", "France", "--date", "2010-06-01"]) == "the state 'France' names on 2010-06-01"
    assert _first_line(["states"]).split()[:2] == ["id", "COW"]
    assert _first_line(["states", "--date", "2010-06-01", "--format", "csv"]).startswith("id,")
