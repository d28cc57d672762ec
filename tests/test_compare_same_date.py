"""`foedus compare` with --date2 the same day as --date, and no what-if change, was told to "give --date2", which it
had given: it is now told that the two dates are one, and to give another (the web's /api/compare says "give an
other_date than date")."""

from __future__ import annotations

import pytest

from test_input_messages import _error_line

TAIL = "give a --date2 other than --date, or a what-if change (--drop-treaty, --add-member, …)"


@pytest.mark.parametrize("scenario", [["-a", "RUS", "-t", "EST"], ["--atlas"]])
def test_a_date2_that_is_the_date_is_said_to_be_no_other_date(scenario: list[str]) -> None:
    said = _error_line(["compare", *scenario, "-d", "2025-06-01", "--date2", "2025-06-01"])
    assert said == f"nothing to compare (--date2 2025-06-01 is --date): {TAIL}"
    assert _error_line(["compare", *scenario, "-d", "2025-06-01"]) == f"nothing to compare: {TAIL}"
