"""The summary's first line says where the attack falls as the CLI's header does (foedus.place_words.where_said, the
web's whereSaid): it said "at Estonia" of Estonia attacked at home, a place a reader looked for on the place list,
and showed the severity as the field's value ("armed-attack"); the severity is said in words, the place only where
it is not the target's home.

Uses the browser, server and page fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

from typing import Any

import pytest

from e2e_wait import text_starts
from test_e2e_web import _ready, browser, page, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e]


@pytest.mark.parametrize(("query", "result", "said"), [
    ("attacker=UKR&target=RUS&place=kursk-oblast&date=2025-01-15", "UKR>RUS@2025-01-15",
     "legal reading, 2025-01-15, at Kursk Oblast (territory, armed attack); 1 round(s); "),
    ("attacker=RUS&target=EST&date=2025-06-01&severity=incursion", "RUS>EST@2025-06-01",
     "legal reading, 2025-06-01 (territory, incursion); 0 round(s); ")])
def test_the_summarys_first_line_says_the_place_and_severity_as_the_cli(page: Any, server: str, query: str,
                                                                       result: str, said: str) -> None:
    _ready(page, f"{server}/?{query}")
    page.wait_for_selector(f"body[data-result='{result}']", timeout=60_000)
    text_starts(page.locator("#summary p >> nth=0"), said)
    assert not page.problems, page.problems
