"""A state bound both ways (a conflict) whose clashing duty rests on facts not verified reads on the page as it does
in the CLI: Ukraine attacking Russia on 2025-06-01 binds Armenia to Russia (rus_arm_1997 art. 2, csto_1992 art. 4,
unverified) and to stay out (atop_4815, carried forward). The summary gives the CLI's conflict line with those
duties (conflictsaid.ts conflictDoubt, conflict_words.conflict_doubt), the map hatches and badges Armenia "not
verified" as it does a joiner, and the "Why?" panel shows the conflict's neutrality duty with its certainty, which no
other list holds.

Uses the browser, server and page fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

from typing import Any

import pytest

from e2e_wait import count_is, eventually
from test_e2e_web import _ready, browser, page, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e]
UKR = "attacker=UKR&target=RUS&date=2025-06-01"
DONE = "body[data-result='UKR>RUS@2025-06-01']"


def test_the_summary_gives_the_conflicts_doubted_duties_as_the_cli(page: Any, server: str) -> None:
    """The summary's line for Armenia is the CLI's conflict line (render.explain_lines), duties and certainty."""
    import foedus
    from foedus.render import explain_lines

    lines = explain_lines(foedus.cascade("UKR", "RUS", "2025-06-01"))
    cli = next(x for x in lines if x.startswith("Conflict: Armenia"))
    assert "(carried-forward facts)" in cli and "(unverified facts)" in cli
    _ready(page, f"{server}/?{UKR}")
    page.wait_for_selector(DONE, timeout=60_000)

    def worded() -> None:
        lines = page.locator("#summary p.conflict-doubt").all_inner_texts()
        assert lines == [f"{cli}."], lines

    eventually(page, worded)
    assert not page.problems, page.problems


def test_a_conflicts_doubted_duty_is_hatched_and_badged(page: Any, server: str) -> None:
    """Armenia is hatched "not verified" on the map and badged in the summary, with the legend's entry."""
    _ready(page, f"{server}/?{UKR}")
    page.wait_for_selector(DONE, timeout=60_000)

    def marked() -> None:
        assert "unverified" in (page.get_attribute("path[data-iso3=ARM]", "data-duty") or "")
        assert page.locator("[data-hatch-of=ARM][data-hatch=unverified]").count() >= 1
        assert page.locator("#summary button[data-state=ARM] .duty-badge[data-duty=unverified]").count() >= 1

    eventually(page, marked)
    count_is(page.locator("#legend li[data-duty=unverified]"), 1)
    assert not page.problems, page.problems


def test_the_why_panel_shows_a_conflicts_neutrality_duty(page: Any, server: str) -> None:
    """"Why?" for Armenia shows its duty to stay out (atop_4815) with its certainty, as the CLI's line does."""
    import httpx2

    got = httpx2.get(f"{server}/api/cascade?{UKR}", timeout=60).json()
    arm = next(c for c in got["conflicts"] if c["state"] == "ARM")
    assert [(n["treaty"], n["certainty"]) for n in arm["neutral"]] == [("atop_4815", "carried-forward")]
    assert "ARM" not in {n["state"] for n in got["neutral"]}  # shown nowhere else
    _ready(page, f"{server}/?{UKR}&select=ARM")
    page.wait_for_selector("#explain[data-state=ARM] .obligation", timeout=60_000)

    def worded() -> None:
        shown = page.locator("#explain .finding p.conflict-neutral").all_inner_texts()
        assert len(shown) == 1 and shown[0].startswith("Bound not to join the war against Ukraine (UKR): "), shown
        assert shown[0].endswith("ATOP neutrality code — carried-forward facts."), shown

    eventually(page, worded)
    assert not page.problems, page.problems
