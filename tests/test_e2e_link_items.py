"""A shared link's empty attacker or target item (`attacker=RUS,`, `attacker=RUS&attacker=`) was dropped by the page
without a word (web/src/url.ts), so the link ran as a shorter list; the command line and the API refuse one, naming
the option and the item (foedus.declare.split_values). The page now says which item of which parameter is empty or
blank, in those words, and leaves it out, as it does each bad value of a link; the rest of the link is run.

Uses the browser, server and page fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

from typing import Any

import pytest

from e2e_wait import text_is
from test_e2e_web import _ready, browser, page, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e]


@pytest.mark.parametrize(("query", "result", "said"), [
    ("attacker=RUS,&target=EST", "RUS>EST", 'attacker: the 2nd value is empty ("RUS,"); left out'),
    ("attacker=RUS&attacker=&target=EST", "RUS>EST", 'attacker: the 2nd value is empty (""); left out'),
    ("attacker=RUS&target=EST,%20,LVA", "RUS>EST,LVA", 'target: the 2nd value is blank ("EST, ,LVA"); left out'),
    ("attacker=,RUS,,BLR&target=EST", "RUS,BLR>EST",
     'attacker: the 1st value is empty (",RUS,,BLR"); left out; attacker: the 3rd value is empty (",RUS,,BLR"); '
     "left out"),
])
def test_an_empty_item_of_a_link_is_named_and_the_rest_is_run(page: Any, server: str, query: str, result: str,
                                                              said: str) -> None:
    _ready(page, f"{server}/?{query}&date=2025-06-01")
    page.wait_for_selector(f"body[data-result='{result}@2025-06-01']", timeout=30_000)
    text_is(page.locator("#error"), f"Parts of this link could not be used: {said}.")
    assert not page.problems, page.problems


def test_a_link_whose_only_attacker_is_empty_says_so(page: Any, server: str) -> None:
    """Nothing is left to run: the page says why rather than opening blank (`?attacker=&target=` opened blank)."""
    _ready(page, f"{server}/?attacker=&target=EST&date=2025-06-01")
    page.wait_for_selector("#error:not([hidden])", timeout=30_000)
    text_is(page.locator("#error"), 'This link could not be used as it is: attacker: the 1st value is empty (""); '
                                    "left out. Pick an attacker and a target.")
    _ready(page, f"{server}/?attacker=&target=&date=2025-06-01")
    page.wait_for_selector("#error:not([hidden])", timeout=30_000)
    text_is(page.locator("#error"), 'This link could not be used as it is: attacker: the 1st value is empty (""); '
                                    'left out; target: the 1st value is empty (""); left out. Pick an attacker '
                                    "and a target.")
    assert not page.problems, page.problems
