"""The Why? panel's invocation history in a real headless Chromium: an invocation after the scenario's date says so,
as the history is the treaty's whole record (North Korea's on 2025-01-15 listed Russia's invocations of 2025-04-26
and 2025-04-28 with no word that they came later); one dated only to a month that holds the date and runs past it
says it may be (Armenia's CSTO appeal of May 2021, recorded on the 14th, in Belarus's Why? on 2021-05-20).

Uses the browser, server and page fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

from typing import Any

import pytest

from e2e_wait import eventually
from test_e2e_web import _ready, browser, page, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e]


@pytest.mark.parametrize(("date", "after"), [("2025-01-15", True), ("2025-06-01", False)])
def test_an_invocation_after_the_date_says_so(page: Any, server: str, date: str, after: bool) -> None:
    from foedus.model.world import World

    invocations = World.default().treaties["rus_prk_2024"].invocations
    assert any(i.date.isoformat() > "2025-01-15" for i in invocations)  # what the first case reads
    _ready(page, server + f"/?attacker=UKR&target=RUS&date={date}&place=kursk-oblast&select=PRK")
    page.wait_for_selector("#explain[data-state=PRK] .history li", timeout=30_000)

    def marked() -> None:
        lines = page.locator("#explain .history li").all_inner_texts()
        for i in invocations:
            line = next(t for t in lines if t.startswith(f"{i.date}, "))
            assert line.endswith(" (after this date)") == (after and i.date.isoformat() > date), line

    eventually(page, marked)
    assert not page.problems, page.problems


def test_an_invocation_known_to_the_month_of_the_date_may_be_after_it(page: Any, server: str) -> None:
    from foedus.model.windows import date_window
    from foedus.model.world import World

    invocations = World.default().treaties["csto_1992"].invocations
    date = "2021-05-20"
    month = next(i for i in invocations if i.date_certainty is not None
                 and date < date_window(i.date, i.date_certainty)[1].isoformat() and i.date.isoformat() < date)
    _ready(page, server + f"/?attacker=AZE&target=ARM&date={date}&select=BLR")
    page.wait_for_selector("#explain[data-state=BLR] .history li", timeout=30_000)

    def marked() -> None:
        lines = page.locator("#explain .history li").all_inner_texts()
        line = next(t for t in lines if t.startswith(f"{month.date}, "))
        assert line.endswith(" (possibly after this date)"), line
        later = next(t for t in lines if t.startswith("2022-09-13, "))  # Armenia's appeal of 2022, known to the day
        assert later.endswith(" (after this date)"), later

    eventually(page, marked)
    assert not page.problems, page.problems
