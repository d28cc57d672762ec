"""A state's "Why?" panel shows the cascade text's help and place-limit lines (web/src/helpsaid.ts, in parity with
foedus.support_words and foedus.limit_words: tests/test_said_parity.py): China attacking the US at home, Japan's
Art. VI bases and Art. IV consultation are said not owed (their Far East limit is not reached); in the Taiwan Strait,
its bases are owed, the line saying the limit with its extent's doubt. The page said none of these: a reader of the
map saw Japan as uninvolved, with no word of why.

Uses the browser and page fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

from cli_server import serving
from e2e_wait import eventually
from test_e2e_web import _ready, browser, page  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e]
HOME = "attacker=CHN&target=USA&date=2025-06-01"
STRAIT = f"{HOME}&place=taiwan-strait&target_kind=forces"


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """`foedus serve` on the shared datasets."""
    with serving(dict(os.environ)) as base:
        yield base


def _shown(page: Any, server: str, query: str, wanted: list[str]) -> None:
    """Japan's "Why?" on `query` shows each of `wanted` as a line of its own."""
    _ready(page, f"{server}/?{query}&select=JPN")
    page.wait_for_selector("#explain[data-state=JPN]", timeout=60_000)

    def said() -> None:
        shown = page.locator("#explain .finding, #explain .finding p").all_inner_texts()
        assert all(any(line == w for line in shown) for w in wanted), shown

    eventually(page, said)
    assert not page.problems, page.problems


def test_what_a_place_limit_cuts_is_said_in_the_why_panel(page: Any, server: str) -> None:
    _shown(page, server, HOME, [
        "Support not owed here: Japan (JPN) would give United States (USA) bases (usa_jpn_1960 art. VI, verified) only "
        "in a war with an attack in far-east-1960 (extent unverified), and no attack of this war falls there",
        "Consultation not owed here: Japan (JPN) would consult United States (USA) (usa_jpn_1960 art. IV, unverified) "
        "only on an attack in far-east-1960 (extent unverified), and no attack on United States (USA) in this war "
        "falls there"])


def test_help_owed_inside_its_limit_is_said_with_the_limits_doubt(page: Any, server: str) -> None:
    _shown(page, server, STRAIT, [
        "Support: Japan (JPN) is bound to give United States (USA) bases (usa_jpn_1960 art. VI, in peace and war, "
        "verified; owed for an attack in far-east-1960 (extent unverified)) without being bound to fight"])


def test_a_consultation_owed_inside_its_limit_says_the_limits_doubt(page: Any, server: str) -> None:
    """Japan's Art. IV consultation toward the US, owed through far-east-1960 in the Taiwan Strait, says the set with
    its extent's doubt after its citation, as the CLI's "Consultation: " line does (findings.ts consultSaid)."""
    _ready(page, f"{server}/?{STRAIT}&select=JPN")
    page.wait_for_selector("#explain[data-state=JPN] .finding", timeout=60_000)

    def said() -> None:
        shown = page.locator("#explain .finding > p").all_inner_texts()
        assert any(line.startswith("Bound to consult with United States (USA): ")
                   and ", owed for an attack in far-east-1960 (extent unverified)" in line for line in shown), shown

    eventually(page, said)
    assert not page.problems, page.problems
