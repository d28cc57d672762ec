"""The summary's state buttons as a screen reader hears them, in a real headless Chromium: each is described by the
row it sits in ("attack side: round 4", "consult"), which a sighted reader sees beside it; the description was its
title again, the name it is already heard by, and the side and round were not heard at all.

Uses the browser, server and page fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

from typing import Any

import pytest

from test_e2e_web import _ready, browser, page, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e, pytest.mark.needs_data]

ROWS = """() => [...document.querySelectorAll('#summary button.state')].map((b) => {
  const side = b.closest('.side')?.querySelector('h3')?.textContent ?? '';
  const label = b.closest('.srow').querySelector('.slabel').textContent;
  return [b.dataset.state, side ? `${side.toLowerCase()} side: ${label}` : label];
})"""


def _described_by_their_rows(page: Any) -> None:
    from playwright.sync_api import expect

    rows = page.evaluate(ROWS)
    assert len(rows) >= 2, rows
    buttons = page.locator("#summary button.state")
    for i, (state, where) in enumerate(rows):
        expect(buttons.nth(i)).to_have_accessible_description(where)
        assert state in (buttons.nth(i).get_attribute("title") or "")


def test_a_summary_button_is_described_by_its_side_and_round(page: Any, server: str) -> None:
    """China attacks Taiwan, escalatory: Belarus joins China's side in a later round, and Taiwan is attacked."""
    from playwright.sync_api import expect

    _ready(page, f"{server}/?attacker=CHN&target=TWN&date=2025-06-01&reading=escalatory")
    page.wait_for_selector("body[data-result='CHN>TWN@2025-06-01']", timeout=60_000)
    expect(page.locator("#summary button.state[data-state=TWN]").first).to_have_accessible_description(
        "defense side: attacked")
    blr = page.locator("#summary .side.attack button.state[data-state=BLR]")
    expect(blr).to_have_accessible_name("Belarus (BLR): not verified: secondary or unverified facts. Show why")
    _described_by_their_rows(page)
    assert not page.problems, page.problems


def test_a_war_dates_summary_button_is_described_by_its_row(page: Any, server: str) -> None:
    from playwright.sync_api import expect

    _ready(page, f"{server}/")
    page.select_option("#war-select", "russia_ukraine_2022")
    page.click("#war-load")
    page.wait_for_selector("body[data-war-frame='2022-02-24']", timeout=60_000)
    expect(page.locator("#summary button.state[data-state=RUS]")).to_have_accessible_description(
        "attack side: fighting")
    _described_by_their_rows(page)
    assert not page.problems, page.problems
