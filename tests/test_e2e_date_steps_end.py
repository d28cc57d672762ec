"""The date's step buttons at the ends of the form's range, in a real headless Chromium: on today's date "+1 m" and
"+1 y" were offered and did nothing (the step is held to today, datecontrol.ts shift), with no word, so a reader
took the answer shown for a month later's; a step with nowhere to go is off, and on again once it has somewhere.

Uses the browser, server and page fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

from typing import Any

import pytest

from test_e2e_web import _ready, browser, page, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e]


def test_a_step_past_today_or_before_1815_is_off(page: Any, server: str) -> None:
    from playwright.sync_api import expect

    _ready(page, server + "/")  # the form opens on today
    for step, off in (("1", True), ("12", True), ("-1", False), ("-12", False)):
        expect(page.locator(f"button[data-step='{step}']")).to_be_enabled(enabled=not off)
    page.click("button[data-step='-1']")
    expect(page.locator("button[data-step='1']")).to_be_enabled()
    page.fill("#date", "1815-01-01")
    page.dispatch_event("#date", "change")
    expect(page.locator("button[data-step='-12']")).to_be_disabled()
    expect(page.locator("button[data-step='12']")).to_be_enabled()
    assert not page.problems, page.problems
