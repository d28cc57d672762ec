"""The status line under Run counts as the summary does: it said "31 joiner(s)" where the summary said "32 on the
defense side" (Estonia, the attacked state, counted there), and read as a contradiction. It now says the states bound
to join, then the sides' counts with the original parties, the summary's numbers (web/src/runstatus.ts).

Uses the browser, server and page fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

from typing import Any

import pytest

from e2e_wait import text_has, text_is
from test_e2e_web import _ready, browser, page, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e]


def test_the_status_counts_the_sides_as_the_summary_does(page: Any, server: str) -> None:
    import httpx2

    query = "attacker=RUS&target=EST&date=2025-06-01"
    r = httpx2.get(f"{server}/api/cascade?{query}", timeout=120).json()
    joiners, attack, defense = len(r["joiners"]), len(r["sides"]["attack"]), len(r["sides"]["defense"])
    assert defense == joiners + 1 and attack == 1  # every joiner joins Estonia's side, counted with Estonia
    _ready(page, f"{server}/?{query}")
    page.wait_for_selector("body[data-result='RUS>EST@2025-06-01']", timeout=60_000)
    text_is(page.locator("#status"), f"{joiners} state(s) bound to join in {r['rounds']} round(s); counting the "
            f"original parties, {attack} on the attack side and {defense} on the defense side.")
    text_has(page.locator("#summary"), f"{attack} on the attack side, {defense} on the defense side.")
    assert not page.problems, page.problems
