"""The page says how sure a war's treaty change is, in the CLI's words: a change record's `text`, then its
certainty tag when not verified (foedus.war.words.change_said; its copy is web/src/wording.ts changeSaid), on the
war timeline's log and on the ongoing-since line, so an unverified change does not read as a verified one.

Uses the browser, server and page fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

from typing import Any

import pytest

from e2e_wait import text_has
from test_e2e_war_panel import _replay, _to_last_frame
from test_e2e_web import _ready, browser, page, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e]
SAU = "attacker=IND&target=SAU&date=2025-12-01"


def test_an_unverified_cause_on_the_ongoing_line_says_so(page: Any, server: str) -> None:
    """Pakistan is bound to Saudi Arabia from the 2025 pact's entry into force, an unverified fact: the ongoing line
    says "— unverified facts" after it, as `cascade --ongoing-since` prints it."""
    import httpx2

    got = httpx2.get(f"{server}/api/cascade?{SAU}&ongoing_since=2025-06-01", timeout=60).json()
    cause = got["ongoing"]["bound_since"]["PAK"]["cause"]
    assert (cause["treaty"], cause["change"], cause["certainty"]) == ("sau_pak_2025", "in-force", "unverified")
    _ready(page, f"{server}/?{SAU}&ongoing_since=2025-06-01")
    page.wait_for_selector("body[data-result='IND>SAU@2025-12-01']", timeout=30_000)
    ongoing = page.locator("#summary ul.bound-since li[data-state=PAK]")
    text_has(ongoing, "Pakistan (PAK): 2025-09-17 (defense, sau_pak_2025 art. unknown (text not public) (unverified: "
                      "date; secondary: article)) — sau_pak_2025 enters into force — unverified facts")
    from foedus.war.words import change_said  # the CLI's words for the same record, from the same JSON

    text_has(ongoing, f" — {change_said(cause)}")
    assert not page.problems, page.problems


def test_an_unverified_change_on_the_war_timeline_says_so(page: Any, server: str) -> None:
    """Ireland's accession to the 2024 bilateral agreements with Ukraine is unverified: the timeline's log says so."""
    _ready(page, server + "/")
    _replay(page, "russia_ukraine_2022", "2022-02-24")
    _to_last_frame(page)
    page.wait_for_selector("#war-log li[data-date='2024-09-04'] .war-changes", timeout=60_000)
    text_has(
        page.locator("#war-log li[data-date='2024-09-04'] > .war-changes").first,
        "Ireland (IRL) becomes a party to ukr_bilateral_2024 — unverified facts",
    )
    assert not page.problems, page.problems
