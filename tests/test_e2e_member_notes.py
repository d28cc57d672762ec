"""The "Why?" panel's treaty list says what `foedus treaties show` says under its members table: the notes on the
memberships' doubted facts (a membership or a suspension or freeze not verified, a date known less than to the
day), each against its state and fact, under the CLI's title (said.ts NOTES_TITLE), in the API's words
(`member_notes`, foedus.catalog.member_notes). Kuwait, bound by the Arab League's treaty when Israel attacks Egypt
in 2024, lists that treaty with its notes (Egypt's and Syria's suspensions, the UAE's joined day); North Korea, bound
by its 2024 treaty with Russia, whose two memberships are verified to the day, lists none.

Uses the browser, server and page fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

from typing import Any

import pytest

from e2e_wait import eventually, text_is
from test_e2e_web import _ready, browser, page, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e]
ARAB = "attacker=ISR&target=EGY&date=2024-01-01"
FLAGSHIP = "attacker=UKR&target=RUS&date=2025-01-15&place=kursk-oblast"


def test_a_treatys_notes_on_doubted_memberships_are_the_clis(page: Any, server: str) -> None:
    """Kuwait's panel lists arab_jdec_1950's notes, one an item, "fact: note" as the CLI's rows say them, all of
    them and in the CLI's order, under the CLI's title; the notes pass axe's serious and critical checks."""
    import httpx2

    from foedus.cli.treaty_show import NOTES_TITLE

    given = httpx2.get(f"{server}/api/treaties/arab_jdec_1950", timeout=60).json()["member_notes"]
    facts = {n["fact"] for n in given}
    assert {
        "Egypt (EGY), suspended 1979-03-31–1989-05-23",
        "Syria (SYR), suspended 2011-11-16–2023-05-07",
        "United Arab Emirates (ARE), joined 1971-12-06",
    } <= facts
    _ready(page, f"{server}/?{ARAB}&select=KWT")
    page.wait_for_selector("body[data-result='ISR>EGY@2024-01-01']", timeout=60_000)
    notes = "#explain[data-state=KWT] .history .member-notes[data-treaty=arab_jdec_1950]"
    page.wait_for_selector(notes, timeout=30_000)
    text_is(page.locator(f"{notes} h5"), NOTES_TITLE)

    def listed() -> None:
        shown = page.locator(f"{notes} li").all_inner_texts()
        assert shown == [f"{n['fact']}: {n['note']}" for n in given], shown
        # the list is named by its title, for a screen reader
        labelled = page.locator(f"{notes} ul").get_attribute("aria-labelledby")
        assert labelled and page.locator(f"#{labelled}").inner_text() == NOTES_TITLE

    eventually(page, listed)

    from axe_playwright_python.sync_playwright import Axe

    found = Axe().run(page).response["violations"]
    serious = [
        f"{v['id']}: {v['help']} {[n['target'] for n in v['nodes']]}"
        for v in found
        if v["impact"] in ("serious", "critical")
    ]
    assert not serious, serious
    assert not page.problems, page.problems


def test_a_treaty_of_verified_memberships_shows_no_notes(page: Any, server: str) -> None:
    """North Korea's panel lists rus_prk_2024, whose memberships are verified and dated to the day: no notes."""
    import httpx2

    assert httpx2.get(f"{server}/api/treaties/rus_prk_2024", timeout=60).json()["member_notes"] == []
    _ready(page, f"{server}/?{FLAGSHIP}&select=PRK")
    page.wait_for_selector("body[data-result='UKR>RUS@2025-01-15']", timeout=60_000)
    page.wait_for_selector("#explain[data-state=PRK] .history p.dates", timeout=30_000)

    def listed() -> None:
        treaties = page.locator("#explain .history h4").all_inner_texts()
        assert any(t.endswith("(rus_prk_2024)") for t in treaties), treaties

    eventually(page, listed)
    assert page.locator("#explain .history .member-notes").count() == 0
    assert page.locator("#explain .history h5").count() == 0
    assert not page.problems, page.problems


def test_a_treatys_place_set_says_its_doubt_as_the_cli_does(page: Any, server: str) -> None:
    """The US, bound by usa_jpn_1960 when China attacks Japan, lists that treaty with the place set its scopes name,
    far-east-1960, its extent unverified and why, in the line `foedus treaties show usa_jpn_1960` prints."""
    import httpx2

    from foedus.set_uses import set_line

    (far_east,) = httpx2.get(f"{server}/api/treaties/usa_jpn_1960", timeout=60).json()["place_sets"]
    _ready(page, f"{server}/?attacker=CHN&target=JPN&date=2025-06-01&select=USA")
    page.wait_for_selector("body[data-result='CHN>JPN@2025-06-01']", timeout=60_000)
    shown = "#explain[data-state=USA] .history p.place-set[data-set=far-east-1960]"
    page.wait_for_selector(shown, timeout=30_000)
    text_is(page.locator(shown), set_line(far_east))
    assert "extent unverified: the 1960 unified view" in set_line(far_east)
    assert not page.problems, page.problems
