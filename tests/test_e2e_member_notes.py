"""The "Why?" panel's treaty list says what `foedus treaties show` says under its members table: the notes on the
memberships' doubted facts (a membership or a suspension or freeze not verified, a date known less than to the
day), the clicked state's own, each against its fact, in the API's words (`member_notes`, foedus.catalog.member_notes,
of its `state`), and of the other members' only their number, said as the treaty's (web/src/membernotes.ts). The
UAE, bound by the Arab League's treaty when Israel attacks Egypt in 2024, lists it with its own joined day's note, not
Egypt's or Syria's suspensions; Hungary, bound by NATO's, not NATO's note on Germany's 1990 membership; North Korea,
bound by its 2024 treaty with Russia, whose two memberships are verified to the day, lists none.

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


def _own_title(name: str) -> str:
    """The CLI's title over the notes, naming the state whose notes they are."""
    from foedus.cli.treaty_show import NOTES_TITLE

    assert NOTES_TITLE.startswith("notes on the doubted facts: ")
    return NOTES_TITLE.replace("notes on the doubted facts", f"notes on the doubted facts of {name}", 1)


def _others_line(treaty: str, count: int) -> str:
    return f"the treaty's notes on its other members' doubted facts: {count}, listed by `foedus treaties show {treaty}`"


def test_a_states_own_notes_on_doubted_memberships_are_the_clis(page: Any, server: str) -> None:
    """The UAE's panel (bound by arab_jdec_1950 when Israel attacks Egypt) lists that treaty's notes on the UAE's own
    facts (its joined day), one an item, "fact: note" as the CLI's rows say them, in the CLI's order, under a title
    naming the UAE; of the other members' notes (Egypt's and Syria's suspensions) only their number, said as the
    treaty's; the notes pass axe's serious and critical checks."""
    import httpx2

    given = httpx2.get(f"{server}/api/treaties/arab_jdec_1950", timeout=60).json()["member_notes"]
    facts = {n["fact"] for n in given}
    assert {
        "Egypt (EGY), suspended 1979-03-31–1989-05-23",
        "Syria (SYR), suspended 2011-11-16–2023-05-07",
        "United Arab Emirates (ARE), joined 1971-12-06",
    } <= facts
    own = [n for n in given if n["state"] == "ARE"]
    assert own and len(own) < len(given)
    _ready(page, f"{server}/?{ARAB}&select=ARE")
    page.wait_for_selector("body[data-result='ISR>EGY@2024-01-01']", timeout=60_000)
    notes = "#explain[data-state=ARE] .history .member-notes[data-treaty=arab_jdec_1950]"
    page.wait_for_selector(notes, timeout=30_000)
    text_is(page.locator(f"{notes} h5"), _own_title("United Arab Emirates (ARE)"))

    def listed() -> None:
        shown = page.locator(f"{notes} li").all_inner_texts()
        assert shown == [f"{n['fact']}: {n['note']}" for n in own], shown
        # the list is named by its title, for a screen reader
        labelled = page.locator(f"{notes} ul").get_attribute("aria-labelledby")
        assert labelled and page.locator(f"#{labelled}").inner_text() == _own_title("United Arab Emirates (ARE)")

    eventually(page, listed)
    text_is(page.locator(f"{notes} p.others-notes"), _others_line("arab_jdec_1950", len(given) - len(own)))
    assert "Syria" not in page.inner_text(notes) and "Egypt" not in page.inner_text(notes)

    from axe_playwright_python.sync_playwright import Axe

    found = Axe().run(page).response["violations"]
    serious = [
        f"{v['id']}: {v['help']} {[n['target'] for n in v['nodes']]}"
        for v in found
        if v["impact"] in ("serious", "critical")
    ]
    assert not serious, serious
    assert not page.problems, page.problems


def test_another_members_note_is_not_read_as_the_clicked_states(page: Any, server: str) -> None:
    """Hungary, bound by NATO's treaty when Russia attacks Estonia, lists nato_1949 without NATO's note on Germany's
    1990 membership (it read as if about Hungary): no title, no item, only the count of the treaty's other notes."""
    import httpx2

    given = httpx2.get(f"{server}/api/treaties/nato_1949", timeout=60).json()["member_notes"]
    assert any(n["state"] == "DEU" for n in given) and not any(n["state"] == "HUN" for n in given)
    _ready(page, f"{server}/?attacker=RUS&target=EST&date=2025-06-01&select=HUN")
    page.wait_for_selector("body[data-result='RUS>EST@2025-06-01']", timeout=60_000)
    notes = "#explain[data-state=HUN] .history .member-notes[data-treaty=nato_1949]"
    page.wait_for_selector(notes, timeout=30_000)
    text_is(page.locator(f"{notes} p.others-notes"), _others_line("nato_1949", len(given)))
    assert page.locator(f"{notes} h5").count() == 0 and page.locator(f"{notes} li").count() == 0
    assert "Germany" not in page.inner_text("#explain .history")
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
