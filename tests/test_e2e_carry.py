"""The "Why?" panel's treaty list says what `foedus treaties show` says after a treaty's entry into force: that an ATOP
alliance is in force past ATOP's coverage (2018) only as carried forward, and the check of its standing or that none
is recorded (said.ts carrySaid, foedus.catalog.carry_said), from the API's `carried_from` and `carry_checked`.
Russia, bound to stay out when the United States attacks Iran on 2025-06-01 by the 2001 Iran-Russia treaty (ATOP
4968, checked on 5 Dec 2026), lists that treaty so; North Korea, bound by its 2024 treaty with Russia (curated, not
carried), lists its dates with nothing of a carry.

Uses the browser, server and page fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright); needs the
web bundle built from web/src (`cd web && npm run build`).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

from typing import Any

import pytest

from e2e_wait import eventually
from test_e2e_web import _ready, browser, page, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e, pytest.mark.needs_data]
IRAN = "attacker=USA&target=IRN&date=2025-06-01"
FLAGSHIP = "attacker=UKR&target=RUS&date=2025-01-15&place=kursk-oblast"


def _dates(page: Any, state: str, treaty: str) -> str:
    """The dates line under `treaty`'s heading in `state`'s panel's treaty list."""
    page.wait_for_selector(f"#explain[data-state={state}] .history p.dates", timeout=30_000)
    found: list[str] = []

    def listed() -> None:
        texts = page.locator("#explain .history").evaluate(
            """(s, id) => [...s.querySelectorAll("h4")].filter((h) => h.textContent.endsWith(`(${id})`))
                 .map((h) => h.nextElementSibling?.matches("p.dates") ? h.nextElementSibling.textContent : null)""",
            treaty,
        )
        assert texts and texts[0] is not None, texts
        found[:] = texts

    eventually(page, listed)
    return str(found[0])


def test_a_carried_alliance_says_so_in_the_clis_words(page: Any, server: str, world: Any) -> None:
    """Russia's panel lists atop_4968 with its entry into force, then the carry and its check, as the CLI says them
    after the entry into force (carry_said)."""
    import httpx2

    from foedus.catalog import carry_said

    given = httpx2.get(f"{server}/api/treaties/atop_4968", timeout=60).json()
    said = carry_said(world.treaty("atop_4968"))
    assert said.endswith(
        "checked on 2026-12-05 (tass.com): in force in January 2025, renewed by five-year periods, "
        "no notice ending it found)"
    )
    _ready(page, f"{server}/?{IRAN}&select=RUS")
    page.wait_for_selector("body[data-result='USA>IRN@2025-06-01']", timeout=60_000)
    assert _dates(page, "RUS", "atop_4968") == f"in force 2001-03-12 ({given['in_force_how_sure']}); {said}"
    assert not page.problems, page.problems


def test_a_treaty_not_carried_says_nothing_of_a_carry(page: Any, server: str) -> None:
    """North Korea's panel lists rus_prk_2024's entry into force alone."""
    _ready(page, f"{server}/?{FLAGSHIP}&select=PRK")
    page.wait_for_selector("body[data-result='UKR>RUS@2025-01-15']", timeout=60_000)
    assert _dates(page, "PRK", "rus_prk_2024") == "in force 2024-12-04 (verified)"
    assert not page.problems, page.problems
