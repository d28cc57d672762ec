"""The EU neutrals on the map, in a real headless Chromium: Austria, Cyprus, Ireland and Malta owe aid under Art. 42(7)
that they may limit to non-military means, so the map colours them withheld, never the defence blue of the states
bound to fight (tests/test_eu_neutrals_non_military.py checks the result itself).

Uses the browser, server and page fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

from typing import Any

import pytest

from e2e_wait import attr_is
from test_e2e_web import _ready, browser, page, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e]


def test_the_neutrals_are_coloured_withheld_not_as_fighters(page: Any, server: str) -> None:
    _ready(page, f"{server}/?attacker=RUS&target=EST&date=2025-06-01")
    page.wait_for_selector("body[data-result='RUS>EST@2025-06-01']", timeout=30_000)
    attr_is(page.locator("#map path[data-iso3=DEU]").first, "data-category", "defense-1")
    for state in ("AUT", "IRL"):
        attr_is(page.locator(f"#map path[data-iso3={state}]").first, "data-category", "withheld")
    assert not page.problems, page.problems
