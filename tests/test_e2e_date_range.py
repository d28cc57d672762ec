"""A date typed outside the form's range (before 1815-01-01, after today: the date input's own min and max) is
refused in the form, in one line naming the range, and nothing is asked of the server: it took 1700-01-01 and
3000-01-01, ran them, and the console logged the cascade's and `/api/states?date=`'s 422s. A date in range takes
the refusal away and runs (datecontrol.ts outOfRange; Run refuses it too, panels.ts scenarioOf).

Uses the browser, server and page fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from e2e_wait import text_is
from test_e2e_web import _ready, browser, page, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e]
SHOWN = "attacker=RUS&target=EST&date=2025-06-01"


def _refusal(date: str) -> str:
    today = dt.date.today().isoformat()  # the page's today (the browser's clock is this machine's)
    return f"date {date} is outside the range the form takes (1815-01-01 to today, {today}): nothing was run."


@pytest.mark.parametrize("date", ["1700-01-01", "3000-01-01"])
def test_a_date_out_of_range_is_refused_in_the_form(page: Any, server: str, date: str) -> None:
    _ready(page, f"{server}/?{SHOWN}")
    page.wait_for_selector("body[data-result='RUS>EST@2025-06-01']", timeout=60_000)
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url) if "/api/" in r.url else None)
    page.fill("#date", date)
    text_is(page.locator("#error"), _refusal(date))
    assert page.get_attribute("#date", "aria-invalid") == "true"
    page.click("#run")  # Run refuses it too, in the same line
    text_is(page.locator("#error"), _refusal(date))
    page.wait_for_timeout(500)
    assert asked == [], asked
    assert page.get_attribute("body", "data-result") == "RUS>EST@2025-06-01"  # the map still shows the last result
    page.fill("#date", "2025-01-15")  # a date in range takes the refusal away, and runs
    page.wait_for_selector("body[data-result='RUS>EST@2025-01-15']", timeout=60_000)
    assert page.locator("#error").is_hidden()
    assert page.get_attribute("#date", "aria-invalid") is None
    assert not page.problems, page.problems


def test_a_links_date_out_of_range_is_not_asked_of_the_server(page: Any, server: str) -> None:
    """A shared link's date out of range is one of the link's parts not used, in the same words, and today's date
    runs: `/api/states?date=1700-01-01` was asked, and its 422 logged, before the run was refused."""
    today = dt.date.today().isoformat()
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url) if "/api/" in r.url and "1700" in r.url else None)
    _ready(page, f"{server}/?attacker=RUS&target=EST&date=1700-01-01")
    page.wait_for_selector(f"body[data-result='RUS>EST@{today}']", timeout=60_000)
    text_is(page.locator("#error"), "Parts of this link could not be used: date 1700-01-01 is outside the range the "
            f"form takes (1815-01-01 to today, {today}); using {today}.")
    assert asked == [], asked
    assert not page.problems, page.problems
