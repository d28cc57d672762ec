"""The summary's "Bound since:" entries are one a line, as `cascade --ongoing-since` prints them (foedus.war.render:
a heading, then each state's `bound_since_said` on its own line): the web ran them into one paragraph, joined by
semicolons.

Uses the browser, server and page fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

from typing import Any

import pytest

from e2e_wait import count_is, text_is
from test_e2e_web import _ready, browser, page, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e]
KURSK = "attacker=UKR&target=RUS&date=2025-01-15&place=kursk-oblast&ongoing_since=2024-08-06"


def test_bound_since_is_one_state_a_line(page: Any, server: str) -> None:
    """One list item per state the server counts bound since the day, in the CLI's words, under a heading that holds
    none of them; the summary passes axe's serious and critical checks."""
    import httpx2

    bound = httpx2.get(f"{server}/api/cascade?{KURSK}", timeout=60).json()["ongoing"]["bound_since"]
    assert len(bound) > 1, bound
    _ready(page, f"{server}/?{KURSK}")
    page.wait_for_selector("body[data-result='UKR>RUS@2025-01-15']", timeout=60_000)
    text_is(page.locator("#summary p.ongoing"), "Attacks ongoing since 2024-08-06. Bound since:")
    items = page.locator("#summary ul.bound-since li")
    count_is(items, len(bound))
    assert sorted(items.evaluate_all("els => els.map((e) => e.dataset.state)")) == sorted(bound)
    text_is(page.locator("#summary ul.bound-since li[data-state=PRK]"),
            "North Korea (PRK): 2024-12-04 (defense, rus_prk_2024 art. 4) — rus_prk_2024 enters into force\n"
            "condition: assumes the attack puts Russia (RUS) in a state of war")  # under it, as the CLI says it
    from axe_playwright_python.sync_playwright import Axe  # the list passes axe's serious and critical checks

    found = Axe().run(page, context="#summary").response["violations"]
    serious = [f"{v['id']}: {v['help']}" for v in found if v["impact"] in ("serious", "critical")]
    assert not serious, serious
    assert not page.problems, page.problems
