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


def _refusal(date: str, what: str = "date") -> str:
    today = dt.date.today().isoformat()  # the page's today (the browser's clock is this machine's)
    return f"{what} {date} is outside the range the form takes (1815-01-01 to today, {today}): nothing was run."


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


@pytest.mark.parametrize(("field", "what", "button"), [("#ongoing-since", "ongoing-since date", "#run"),
                                                       ("#other-date", "other date", "#compare")])
def test_the_other_dates_are_held_to_the_same_range(page: Any, server: str, field: str, what: str,
                                                     button: str) -> None:
    """The ongoing-since date and the compared date are refused out of the range as the date is, in the same words
    naming the field, the input marked invalid, and Run or Compare asks nothing of the server: they were sent, and
    refused by the server's 422 in other words ("ongoing_since: date 1700-01-01 is outside the range foedus covers
    (1815-01-01 to 2100-12-31)")."""
    _ready(page, f"{server}/?{SHOWN}")
    page.wait_for_selector("body[data-result='RUS>EST@2025-06-01']", timeout=60_000)
    page.evaluate("() => { document.getElementById('more-options').open = true; }")
    if button == "#compare":
        page.evaluate("() => { document.getElementById('compare').closest('details')?.setAttribute('open', ''); }")
    for date in ("1700-01-01", "2050-01-01"):  # 2050: in the server's range (to 2100), which compared with it
        asked: list[str] = []
        page.on("request", lambda r, asked=asked: asked.append(r.url) if "/api/" in r.url else None)
        page.fill(field, date)
        page.dispatch_event(field, "change")
        text_is(page.locator("#error"), _refusal(date, what))
        assert page.get_attribute(field, "aria-invalid") == "true"
        page.click(button)  # refused again, in the same line
        text_is(page.locator("#error"), _refusal(date, what))
        page.wait_for_timeout(500)
        assert asked == [], asked
    page.fill(field, "2025-01-15")  # a date in range takes the refusal away
    page.dispatch_event(field, "change")
    assert page.locator("#error").is_hidden()
    assert page.get_attribute(field, "aria-invalid") is None
    assert not page.problems, page.problems


def test_a_links_other_dates_out_of_range_are_not_used(page: Any, server: str) -> None:
    """A shared link's ongoing_since and other_date out of range are parts of the link not used, in the form's words,
    and the scenario runs without them: both went to the server, which refused the run and the comparison."""
    today = dt.date.today().isoformat()
    _ready(page, f"{server}/?{SHOWN}&ongoing_since=1700-01-01&other_date=3000-01-01")
    page.wait_for_selector("body[data-result='RUS>EST@2025-06-01']", timeout=60_000)
    text_is(page.locator("#error"), "Parts of this link could not be used: ongoing-since date 1700-01-01 is outside "
            f"the range the form takes (1815-01-01 to today, {today}); other date 3000-01-01 is outside the range the "
            f"form takes (1815-01-01 to today, {today}).")
    assert page.input_value("#ongoing-since") == "" and page.input_value("#other-date") == ""
    assert not page.problems, page.problems
