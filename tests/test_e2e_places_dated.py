"""The page's places as on the scenario's date, in a real headless Chromium: it asked /api/places once, with no
date, so a 1950 scenario at Donetsk Oblast said "at Donetsk Oblast" (Stalino Oblast then, as `foedus cascade` says),
the place list named today's places, and the contested land was drawn with today's holders (Crimea Ukraine's in
1979). It asks with the result's date, and the form's with no result shown (web/src/dayplaces.ts).

Uses the browser, server and page fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from e2e_wait import content_is, eventually
from test_e2e_web import _ready, browser, page, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e]


def _place(pid: str, day: str) -> Any:
    """The place `pid` as the gazetteer holds and names it on `day` (`foedus places --date`)."""
    from foedus.model.world import World

    return World.default().places.on(dt.date.fromisoformat(day))[pid]


def test_a_1950_result_names_its_place_and_the_place_list_as_in_1950(page: Any, server: str) -> None:
    """The United States attacking the Soviet Union at Donetsk Oblast on 1950-06-01: the title says Stalino Oblast,
    as the CLI's header does, and the place list offers Stalino Oblast, the Soviet Union's."""
    assert _place("donetsk-oblast", "1950-06-01").name == "Stalino Oblast"
    _ready(page, f"{server}/?attacker=USA&target=RUS&date=1950-06-01&place=donetsk-oblast")
    page.wait_for_selector("body[data-result='USA>RUS@1950-06-01']", timeout=60_000)
    assert "at Stalino Oblast" in page.title() and "Donetsk" not in page.title(), page.title()
    content_is(page.locator("#place option[value=donetsk-oblast]").first, "Stalino Oblast (Soviet Union)")
    assert not page.problems, page.problems


def test_the_contested_land_is_drawn_with_its_holders_on_the_forms_date(page: Any, server: str) -> None:
    """With no result, on 1979-06-01 Crimea is the Soviet Union's (its dated holder): its shape's tooltip said
    Ukraine, its holder today; back on today's date it says Ukraine again."""
    assert _place("crimea", "1979-06-01").sovereign == "RUS"
    _ready(page, server + "/")
    page.fill("#date", "1979-06-01")
    page.dispatch_event("#date", "change")

    def held(holder: str, other: str) -> None:
        title = page.text_content("#map path.contested[data-place='crimea'] title") or ""
        assert f"recognized holder {holder}" in title and other not in title, title

    eventually(page, lambda: held("Soviet Union (RUS)", "Ukraine"))
    page.fill("#date", "2025-06-01")
    page.dispatch_event("#date", "change")
    eventually(page, lambda: held("Ukraine (UKR)", "Soviet Union"))
    assert not page.problems, page.problems
