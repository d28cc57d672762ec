"""What a first-time user met in the web app (session 63's walk through it), in a real headless Chromium: a wrong
name typed once stayed in the error line above the state picked next, as did Run's "Pick at least one attacker and one
target" once both were picked; and switching the reading (or another option) after a run said nothing while the
summary went on naming the reading switched away from.

Uses the browser, server and page fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

from typing import Any

import pytest

from e2e_wait import count_is, text_has, text_is, text_starts
from test_e2e_map_keys import _set_date
from test_e2e_web import _ready, browser, page, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e]

PICK_BOTH = "Pick at least one attacker and one target (search box, or Pick on map)."  # web/src/pageline.ts
OPTIONS_CHANGED = "An option changed since the result on the map was run: Run to show it."  # web/src/pageline.ts


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


def test_an_option_changed_after_a_run_is_said_until_the_next_run(page: Any, server: str) -> None:
    _ready(page, server + "/")
    _pick(page, "attacker", "Russia", "RUS")
    _pick(page, "target", "Estonia", "EST")
    _set_date(page, "2024-06-01")
    page.click("#run")
    page.wait_for_selector("body[data-result='RUS>EST@2024-06-01']", timeout=30_000)
    text_has(page.locator("#status"), "state(s) bound to join in")
    page.check("input[name=reading][value=escalatory]")
    text_is(page.locator("#status"), OPTIONS_CHANGED)
    head = "2024-06-01 Russia (RUS) → Estonia (EST) (territory, "  # the CLI's header (summaryhead.ts headSaid)
    text_starts(page.locator("#summary"), f"{head}legal)")  # the map and summary still show the legal run
    page.click("#run")
    text_starts(page.locator("#summary"), f"{head}escalatory)")
    text_has(page.locator("#status"), "state(s) bound to join in")
    page.check("#likelihood")
    text_is(page.locator("#status"), OPTIONS_CHANGED)


def test_the_option_word_is_for_a_scenario_s_result_not_a_war_s_date(page: Any, server: str) -> None:
    """Before any run, and while a war's date is on the map, the map shows no run of the form's options: no word."""
    _ready(page, server + "/")
    page.check("input[name=reading][value=escalatory]")
    assert page.inner_text("#status") != OPTIONS_CHANGED
    page.select_option("#war-select", "july_crisis_1914")
    page.click("#war-load")
    page.wait_for_selector("#war-controls:not([hidden])", timeout=60_000)
    page.check("input[name=reading][value=legal]")
    assert page.inner_text("#status") != OPTIONS_CHANGED
    _set_date(page, "1914-07-28")
    _pick(page, "attacker", "Austria-Hungary", "COW300")
    _pick(page, "target", "Serbia", "SRB")
    page.click("#run")
    page.wait_for_selector("body[data-result='COW300>SRB@1914-07-28']", timeout=30_000)
    page.select_option("#target-kind", "forces")
    text_is(page.locator("#status"), OPTIONS_CHANGED)
