"""What a first-time user met in the web app (session 63's walk through it), in a real headless Chromium: a wrong
name typed once stayed in the error line above the state picked next, as did Run's "Pick at least one attacker and one
target" once both were picked.

Uses the browser, server and page fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

from typing import Any

import pytest

from e2e_wait import count_is, text_is, text_starts
from test_e2e_web import _ready, browser, page, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e]

PICK_BOTH = "Pick at least one attacker and one target (search box, or Pick on map)."  # web/src/pageline.ts


def _pick(page: Any, role: str, text: str, state: str) -> None:
    page.fill(f"#{role}-search", text)
    page.press(f"#{role}-search", "Enter")
    count_is(page.locator(f"#{role}-chips .chip[data-state={state}]"), 1)


def test_a_refused_name_goes_once_a_state_is_picked(page: Any, server: str) -> None:
    _ready(page, server + "/")
    page.fill("#attacker-search", "Narnia")
    page.press("#attacker-search", "Enter")
    text_starts(page.locator("#error"), 'no state matches "Narnia"')
    _pick(page, "target", "Estonia", "EST")
    text_starts(page.locator("#error"), 'no state matches "Narnia"')  # about the attacker: a target does not answer it
    _pick(page, "attacker", "Russia", "RUS")
    assert page.locator("#error").is_hidden(), page.inner_text("#error")


def test_run_s_pick_both_goes_once_both_are_picked(page: Any, server: str) -> None:
    _ready(page, server + "/")
    _pick(page, "attacker", "Russia", "RUS")
    page.click("#run")
    text_is(page.locator("#error"), PICK_BOTH)
    _pick(page, "attacker", "Belarus", "BLR")
    text_is(page.locator("#error"), PICK_BOTH)  # still no target: still true
    _pick(page, "target", "Estonia", "EST")
    assert page.locator("#error").is_hidden(), page.inner_text("#error")

