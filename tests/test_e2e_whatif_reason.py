"""A duty that rests on a what-if change says so in the "Why?" panel: the Philippines, bound to defend Taiwan only
because `add_member=usa_phl_1951:TWN` made Taiwan a party, read there as any verified duty ("certainty: verified",
no reason beneath). Its `what-if` reason, headed 'hypothetical' by the API (foedus.whatif_rests), is listed now, in a
list no longer labelled "why not verified, or not to the day" (untrue of a what-if's reason): its label names the
headings its reasons carry.

Uses the browser, page and server fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

from typing import Any

import pytest

from e2e_wait import eventually
from test_e2e_web import _ready, browser, page, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e]


def test_the_why_panel_lists_the_change_a_duty_rests_on(page: Any, server: str) -> None:
    _ready(page, f"{server}/?attacker=CHN&target=TWN&date=2025-06-01&add_member=usa_phl_1951%3ATWN&select=PHL")
    page.wait_for_selector("#explain[data-state=PHL] .obligation", timeout=30_000)

    def listed() -> None:
        reasons = page.locator("#explain ul.reasons li").all_inner_texts()
        assert any(r.startswith("hypothetical: rests on the what-if change add_member usa_phl_1951:TWN")
                   for r in reasons), reasons

    eventually(page, listed)
    reasons = page.locator("#explain ul.reasons", has=page.locator("li", has_text="hypothetical: ")).first
    label = reasons.get_attribute("aria-label") or ""
    assert "hypothetical" in label and "why not verified" not in label, label
    assert not page.problems, page.problems
