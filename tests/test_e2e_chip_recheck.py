"""The form's state chips and the state system's dates, in a real headless Chromium. A chip added on one date was not
checked again when the date changed: the cascade refused it when run, and the user learned late. A name the page
matched itself (the German Democratic Republic's code, GDR, on a 2025 date) was added with no check at all, and a
state the server found but out of the system that day was refused as "no state matches ...". Each now says the
cascade's words at once (`foedus.state_lists.non_member`, web/src/membership.ts `notMember`).

Uses the browser, server and page fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

from typing import Any

import pytest

from e2e_wait import attr_is, text_is, typed_refused
from test_e2e_web import _ready, browser, page, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e, pytest.mark.needs_data]

GDR = "German Democratic Republic (COW265) is not a member of the state system on"
GONE = "(a member 1954-03-25–1990-10-02; did you mean Germany (DEU), a member since 1990-10-03?)"  # when, and who then


def _set_date(page: Any, date: str) -> None:
    page.fill("#date", date)
    page.dispatch_event("#date", "change")


def test_a_chip_is_checked_again_when_the_date_changes(page: Any, server: str) -> None:
    _ready(page, server + "/")
    _set_date(page, "1980-01-01")
    page.fill("#attacker-search", "GDR")
    page.press("#attacker-search", "Enter")
    page.wait_for_selector("#attacker-chips .chip[data-state=COW265]", timeout=30_000)
    assert page.is_hidden("#error"), page.inner_text("#error")
    _set_date(page, "2025-06-01")
    page.wait_for_selector("#error:not([hidden])", timeout=30_000)
    text_is(page.locator("#error"), f"attacker {GDR} 2025-06-01 {GONE}")
    attr_is(page.locator("#attacker-chips .chip[data-state=COW265]"), "aria-invalid", "true")
    _set_date(page, "1980-01-01")  # a member again: the chip is no longer marked, the refusal goes
    page.wait_for_selector("#error", state="hidden", timeout=30_000)
    assert page.locator("#attacker-chips .chip.not-member").count() == 0
    assert [p for p in page.problems if "422" not in p] == [], page.problems


@pytest.mark.parametrize(("role", "typed"), [("attacker", "GDR"), ("target", "POL, GDR")])
def test_a_state_out_of_the_system_typed_in_a_box_is_refused_in_the_cascades_words(page: Any, server: str, role: str,
                                                                                     typed: str) -> None:
    """GDR the page matches itself (it was added, for the cascade to refuse); "POL, GDR" the server reads (it said
    "no state matches"): both are refused as the cascade refuses them, and nothing is added."""
    _ready(page, server + "/")
    _set_date(page, "2025-06-01")
    typed_refused(page, role, typed, f"{role} {GDR} 2025-06-01 {GONE}")
