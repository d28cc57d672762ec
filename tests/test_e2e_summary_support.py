"""The summary lists the states bound to support a belligerent without fighting, as `foedus cascade`'s "Support:"
lines do, in a real headless Chromium: they were in no row of the summary, so a reader of the web never met them
(Egypt and Iraq, in alliance with the United Kingdom, on Germany's attack on Poland of 1939-09-01).

Uses the browser, server and page fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

from typing import Any

import pytest

from e2e_wait import text_has
from test_e2e_web import _ready, browser, page, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e, pytest.mark.needs_data]


def test_the_summary_has_a_support_row_with_the_clis_supporters(page: Any, server: str) -> None:
    import foedus

    result = foedus.cascade("DEU", "POL", "1939-09-01")
    supporters = sorted({s.state for s in result.supporters})
    assert {"EGY", "IRQ"} <= set(supporters), supporters  # the CLI's "Support:" lines name them
    _ready(page, f"{server}/?attacker=DEU&target=POL&date=1939-09-01")
    page.wait_for_selector("body[data-result='DEU>POL@1939-09-01']", timeout=60_000)
    row = page.locator("#summary .srow", has=page.locator(".slabel", has_text="support"))
    shown = row.locator("button.state").evaluate_all("bs => bs.map((b) => b.dataset.state)")
    assert sorted(shown) == supporters, shown
    row.locator("button.state[data-state=EGY]").click()  # the button explains it, as the CLI's line says it
    text_has(page.locator("#explain"), "Support: Egypt (EGY)")
    assert not page.problems, page.problems
