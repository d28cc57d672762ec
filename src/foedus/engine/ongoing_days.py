"""The rule that attacks are ongoing since a day no later than the day a scenario is read on, in one wording for
every caller, each naming the day as its user gave it: a cascade's scenario date (`build_scenario`), `foedus
compare`'s --date and --date2, `/api/compare`'s date and other_date (where "the scenario date" left open which)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from foedus.errors import ScenarioError

__all__ = ["SCENARIO_DATE", "ongoing_after"]

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
