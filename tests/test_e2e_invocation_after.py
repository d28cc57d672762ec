"""The Why? panel's invocation history in a real headless Chromium: an invocation after the scenario's date says so,
as the history is the treaty's whole record (North Korea's on 2025-01-15 listed Russia's invocations of 2025-04-26
and 2025-04-28 with no word that they came later).

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
