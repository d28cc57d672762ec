"""A day the calendar lacks in a data file (2025-02-30, 0000-01-01, 2025-13-01) is said in Python's words, as a
scenario's date is ('day is out of range for month'), not pydantic's ('Input should be a valid date or datetime, day
value is outside expected range'; '... in the format YYYY-MM-DD, year 0 is out of range')."""

from __future__ import annotations

from pathlib import Path

import pytest

from samples import GOOD_TREATY
from test_input_messages import CASCADE, _error_line

DAYS = [("2025-02-30", "day is out of range for month"), ("0000-01-01", "year 0 is out of range"),
        ("2025-13-01", "month must be in 1..12")]


@pytest.mark.parametrize(("day", "reason"), DAYS)
def test_an_overlay_day_the_calendar_lacks(tmp_path: Path, day: str, reason: str) -> None:
    overlay = tmp_path / "ov.yaml"
    overlay.write_text(f"changes:\n  - {{op: remove_member, treaty: nato_1949, state: TUR, left: {day}}}\n",
                       encoding="utf-8")
    assert _error_line([*CASCADE, "--overlay", str(overlay)]) == (
        f"{overlay}: change 1 (remove_member.left): not a day of the calendar: {reason} (got '{day}')")


@pytest.mark.parametrize(("day", "reason"), DAYS)
def test_a_treaty_day_the_calendar_lacks(tmp_path: Path, day: str, reason: str) -> None:
    pact = tmp_path / "pact.yaml"
    pact.write_text(GOOD_TREATY.replace("signed: 2020-01-01", f"signed: {day}"), encoding="utf-8")
    assert _error_line(["treaties", "validate", str(pact)]) == (
        f"{pact}: signed: not a day of the calendar: {reason} (got '{day}')")
