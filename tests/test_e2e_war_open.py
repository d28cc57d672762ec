"""Replay opens a war at the date of the scenario whose result the map shows (the last of the war's dates on or before
it), and the status line says which date it opened at and why: beside the flagship's result (2025-01-15) it opened
russia_ukraine_2022 at its first day, 2022-02-24, one of its dates, and said only "N dates from 2022-02-24.". With no
result shown, a scenario outside the war, or one none of whose states fights in it that day, it opens at the war's
first date (web/src/waropen.ts, /api/wars/at's `involved`).

Uses the browser, server and page fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

from typing import Any

import pytest

from e2e_wait import eventually, text_is
from test_e2e_web import _ready, browser, page, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e]

FLAGSHIP = "/?attacker=UKR&target=RUS&date=2025-01-15&place=kursk-oblast"


def _dates(page: Any, war: str) -> tuple[str, list[str]]:
    """The war's first day and its replay's dates, as /api/war gives them."""
    replay = page.evaluate(f"fetch('/api/war?id={war}').then(r => r.json())")
    return replay["war"]["start"], [f["date"] for f in replay["frames"]]


def test_replay_opens_at_the_shown_scenarios_date(page: Any, server: str) -> None:
    """Beside the flagship's result the war it sits in opens at its last date on or before 2025-01-15, on the map,
    the slider and the log, and the status line says so."""
    _ready(page, server + FLAGSHIP)
    page.wait_for_selector("body[data-result='UKR>RUS@2025-01-15']", timeout=60_000)
    def picked() -> None:
        assert page.input_value("#war-select") == "russia_ukraine_2022"

    eventually(page, picked)
    start, dates = _dates(page, "russia_ukraine_2022")
    at = max(i for i, d in enumerate(dates) if d <= "2025-01-15")
    assert 0 < at < len(dates) - 1 and dates[at] != "2025-01-15"
    page.click("#war-load")
    page.wait_for_selector(f"body[data-war-frame='{dates[at]}']", timeout=60_000)
    text_is(page.locator("#war-date"), dates[at])
    assert page.input_value("#war-frame") == str(at)
    text_is(page.locator("#war-status"), f"{len(dates)} dates from {start}; opened at {dates[at]}, the last of "
            "them on or before the scenario's date, 2025-01-15.")
    text_is(page.locator("#war-log li.current strong"), dates[at])
    assert page.title() == f"russia_ukraine_2022, {dates[at]} — foedus"  # the page's title says the war's date shown
    assert not page.problems, page.problems


@pytest.mark.parametrize(("query", "why"), [("/", "its first."), (
    "/?attacker=RUS&target=EST&date=2025-06-01", "its first: the scenario's date, 2025-06-01, is after this war.")])
def test_replay_opens_at_the_first_date_outside_a_shown_scenario(page: Any, server: str, query: str, why: str) -> None:
    """No result shown, or one after the war: the war's first date, and the status line says why."""
    _ready(page, server + query)
    if query != "/":
        page.wait_for_selector("body[data-result='RUS>EST@2025-06-01']", timeout=60_000)
    page.select_option("#war-select", "july_crisis_1914")
    start, dates = _dates(page, "july_crisis_1914")
    page.click("#war-load")
    page.wait_for_selector(f"body[data-war-frame='{dates[0]}']", timeout=60_000)
    text_is(page.locator("#war-status"), f"{len(dates)} dates from {start}; opened at {dates[0]}, {why}")
    assert not page.problems, page.problems


def test_replay_opens_a_war_the_scenario_has_no_part_in_at_its_first_date(page: Any, server: str) -> None:
    """The United States attacking Canada on 2025-06-01: russia_ukraine_2022's span holds the date, but no attacker,
    target or joiner of the scenario fights in it, nor in another bundled war then. Replay opened it at its last date
    on or before 2025-06-01, as if the scenario were a day of it; it opens at its first date and says why. The picker
    is left on the list's first war (no war involves the scenario)."""
    _ready(page, server + "/?attacker=USA&target=CAN&date=2025-06-01")
    page.wait_for_selector("body[data-result='USA>CAN@2025-06-01']", timeout=60_000)
    page.wait_for_timeout(1_500)  # the picker's own request (/api/wars/at) has time to come back
    first = page.request.get(server + "/api/wars").json()[0]["id"]
    assert page.input_value("#war-select") == first
    page.select_option("#war-select", "russia_ukraine_2022")
    start, dates = _dates(page, "russia_ukraine_2022")
    page.click("#war-load")
    page.wait_for_selector(f"body[data-war-frame='{dates[0]}']", timeout=60_000)
    assert page.input_value("#war-frame") == "0"
    text_is(page.locator("#war-status"), f"{len(dates)} dates from {start}; opened at {dates[0]}, its first: none of "
            "the scenario's states (its attackers, targets and joiners) fights in this war or another bundled war on "
            "2025-06-01.")
    assert not page.problems, page.problems


def test_replay_opens_at_the_date_of_a_scenario_one_of_whose_states_fights_in_the_war(page: Any, server: str) -> None:
    """Russia attacking Estonia on 2025-06-01 is not a day of russia_ukraine_2022 (Estonia does not fight in it), but
    Russia fights in it then: the picker defaults to it and Replay opens it at the scenario's date."""
    _ready(page, server + "/?attacker=RUS&target=EST&date=2025-06-01")
    page.wait_for_selector("body[data-result='RUS>EST@2025-06-01']", timeout=60_000)

    def picked() -> None:
        assert page.input_value("#war-select") == "russia_ukraine_2022"

    eventually(page, picked)
    start, dates = _dates(page, "russia_ukraine_2022")
    at = max(i for i, d in enumerate(dates) if d <= "2025-06-01")
    page.click("#war-load")
    page.wait_for_selector(f"body[data-war-frame='{dates[at]}']", timeout=60_000)
    text_is(page.locator("#war-status"), f"{len(dates)} dates from {start}; opened at {dates[at]}, the last of "
            "them on or before the scenario's date, 2025-06-01.")
    assert not page.problems, page.problems
