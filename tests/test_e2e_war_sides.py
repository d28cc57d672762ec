"""A replayed war's sides, in a real headless Chromium: `foedus war` says under its title what "attack" and "defense"
are (foedus.war.words.sides_said), but the web's war log said "Bahrain (BHR): out → attack" and "Iran (IRN): out →
defense" in iran_2026 with no word that "attack" is the side of the US and Israel, so a reader took Bahrain, which
Iran struck, for an attacker. The panel says the CLI's line above the war's notes.

Uses the browser, server and page fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

from typing import Any

import pytest

from e2e_wait import text_is
from test_e2e_war_panel import _replay
from test_e2e_web import _ready, browser, page, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e]


@pytest.mark.parametrize("war", ["iran_2026", "russia_ukraine_2022"])
def test_the_war_panel_says_the_sides_as_the_cli(page: Any, server: str, war: str) -> None:
    """The line is the CLI's (sides_said on the war's first attack event, its states named as on that day)."""
    import foedus
    from foedus.war.words import sides_said

    result = foedus.replay_war(war)
    first = next(e for e in result.war.events if e.kind == "attack")
    said = sides_said(((a.attacker, a.victim) for a in first.attacks), result.names_on(first.date))
    if war == "iran_2026":
        assert said == ("sides: attack is the side of the war's first attack, by United States (USA) and Israel "
                        "(ISR); defense is the side of its target, Iran (IRN)")
    _ready(page, server + "/")
    _replay(page, war, str(result.frames[0].date))
    text_is(page.locator("#war-about p.sides"), said)
    assert not page.problems, page.problems
