"""Compare with nothing to compare, in a real headless Chromium: the page showed the server's refusal, which names its
query's parameters ("give an other_date than date, or a what-if change (add_member, remove_member, ...)"), words a
reader of the form never sees; the form's own words name its "Other date" field and its "What if…" panel instead, and
a run with a change under What if… still compares.

Uses the browser, server and page fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

from typing import Any

import pytest

from e2e_wait import text_is
from test_e2e_web import _ready, browser, page, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e]

TAIL = "set Other date to a day other than the scenario's date, or add a change under What if…"


@pytest.mark.parametrize(("other", "said"), [("", f"nothing to compare: {TAIL}"),
                                             ("2023-03-01", f"nothing to compare (the other date, 2023-03-01, is the "
                                                            f"scenario's date): {TAIL}")])
def test_compare_with_nothing_to_compare_says_so_in_the_forms_words(page: Any, server: str, other: str,
                                                                      said: str) -> None:
    _ready(page, f"{server}/?attacker=RUS&target=FIN&date=2023-03-01")
    page.wait_for_selector("body[data-result='RUS>FIN@2023-03-01']", timeout=60_000)
    page.fill("#other-date", other)
    page.click("#compare")
    text_is(page.locator("#error"), said)
    assert page.inner_text("#comparison") == ""  # read after the refusal: nothing was compared
    assert not page.problems, page.problems


def test_a_what_if_change_alone_still_compares(page: Any, server: str) -> None:
    """No other date, a change under What if…: the same date in the what-if world, as before."""
    _ready(page, f"{server}/?attacker=RUS&target=FIN&date=2023-03-01&drop_treaty=eu_teu_42_7")
    page.wait_for_selector("#comparison li", timeout=60_000)
    assert page.locator("#error").is_hidden()
    assert not page.problems, page.problems
