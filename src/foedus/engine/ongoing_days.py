"""The rule that attacks are ongoing since a day no later than the day a scenario is read on, in one wording for
every caller, each naming the day as its user gave it: a cascade's scenario date (`build_scenario`), `foedus
compare`'s --date and --date2, `/api/compare`'s date and other_date (where "the scenario date" left open which)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from foedus.errors import ScenarioError

__all__ = ["SCENARIO_DATE", "ongoing_after", "parse_since"]

SCENARIO_DATE = "the scenario date"
"""A cascade's one day, as its refusal names it."""


def ongoing_after(since: dt.date | None, days: Iterable[tuple[str, dt.date]]) -> None:
    """Refuse an `ongoing_since` after any of `days` (each with the name it was given by: "--date2"), the first
    such one named.

    Raises:
        ScenarioError: `since` after a day.
    """
    for name, day in days:
        if since is not None and since > day:
            raise ScenarioError(f"the attacks cannot be ongoing since {since}, after {name} {day}")


def parse_since(value: Any, parse: Callable[[Any], dt.date], name: str = "--ongoing-since") -> dt.date | None:
    """The day the attacks are ongoing since (None: not ongoing), read by `parse` (`foedus.engine.scenario.parse_date`,
    given: that module imports this one), a bad one refused naming the option it was given by, `name` (the web's
    `ongoing_since`), as its other refusals do: "date 1814-06-01 is outside the range" left the user to guess which
    of the dates given it was. Any other optional date of a command is read so too (compare's `--date2`, the
    web's `other_date`).

    Raises:
        DateOutOfRangeError: a malformed, impossible or out-of-range day, after "`name`: ".
    """
    from foedus.errors import DateOutOfRangeError

    try:
        return parse(value) if value is not None else None
    except DateOutOfRangeError as exc:
        raise DateOutOfRangeError(f"{name}: {exc}") from None
