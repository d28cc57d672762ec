"""The "Why?" panel's finding lines and the conditions the page lists, in a real headless Chromium. Only a supporter's
help had a swatch of its own in the panel: a duty to stay out, to consult, a violation, a gate's withholding, a duty to
join and the original parties' lines had none, so the panel did not say in the legend's colours which finding each
line is. And the conditions a duty assumes (under a duty to join in *Why?*, under an `--ongoing-since` line in the
summary) had no look of their own: they read as findings. Russia's attack on Estonia of 2026-01-15 has every kind.

Uses the browser, server and page fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

from typing import Any

import pytest

from e2e_wait import eventually, text_is
from test_e2e_row_looks import SCENARIO, _colours, _rgb
from test_e2e_web import _ready, browser, page, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e, pytest.mark.needs_data]
# a state of each kind of finding, and the categories of the lines its panel has (web/src/roles.ts), in their order
LINES = {"RUS": ["attack-0", "neutral"], "EST": ["defense-0", "neutral"], "USA": ["defense-1"], "KAZ": ["neutral"],
         "MDA": ["consult"], "AUT": ["withheld"], "BLR": ["support"]}
# each line's element: the original parties' sentence, a duty to join, a one-line finding
LINE = "#explain > p[data-category], #explain > .obligation[data-category], #explain > .finding[data-category]"
KURSK = "attacker=UKR&target=RUS&date=2025-01-15&place=kursk-oblast&ongoing_since=2024-08-06"
MUTED = "rgb(88, 99, 111)"  # web/src/style.css --muted


def _looks(page: Any) -> list[list[str]]:
    """Each finding line of the panel: its category, its first swatch's colour and whether the swatch is struck."""
    return page.locator(LINE).evaluate_all("""ls => ls.map((l) => { const s = getComputedStyle(
        l.querySelector('.swatch')); return [l.dataset.category, s.backgroundColor,
        String(s.backgroundImage.includes('gradient'))]; })""")


def test_each_kind_of_finding_line_has_the_swatch_of_its_category(page: Any, server: str) -> None:
    """Each line under the swatch of its category, the legend's colour: a violation's struck through, as the summary's
    violations row draws it (Russia breaks its duty to Estonia, said in both their panels: the neutrality it breaks)."""
    colours = _colours()
    attacker, target, date = SCENARIO
    _ready(page, f"{server}/?attacker={attacker}&target={target}&date={date}")
    page.wait_for_selector(f"body[data-result='{attacker}>{target}@{date}']", timeout=60_000)
    for state, categories in LINES.items():
        page.locator(f"#summary button.state[data-state={state}]").first.click()
        page.wait_for_selector(f"#explain[data-state={state}]", timeout=30_000)

        def shown(state: str = state, categories: list[str] = categories) -> None:
            looks = _looks(page)
            struck = [c == "neutral" and state in ("RUS", "EST") for c in categories]  # the violation
            wanted = [[c, _rgb(colours[c]), str(s).lower()] for c, s in zip(categories, struck, strict=True)]
            assert looks == wanted, (state, looks)

        eventually(page, shown)
    assert not page.problems, page.problems


def test_conditions_have_a_look_of_their_own(page: Any, server: str) -> None:
    """A duty to join's conditions in *Why?* (the United States: NATO's art. 6 scope) and an ongoing line's in the
    summary (North Korea since 2024-12-04) are drawn alike: class `condition`, smaller, muted and in italics."""
    attacker, target, date = SCENARIO
    _ready(page, f"{server}/?attacker={attacker}&target={target}&date={date}&select=USA")
    condition = page.locator("#explain .obligation ul.conditions li.condition")
    text_is(condition, "Estonia is within the scope of art. 6")
    why = condition.evaluate("c => { const s = getComputedStyle(c); return [s.fontSize, s.color, s.fontStyle]; }")
    assert why == ["12px", MUTED, "italic"], why
    _ready(page, f"{server}/?{KURSK}")
    ongoing = page.locator("#summary ul.bound-since li[data-state=PRK] .condition")
    text_is(ongoing, "condition: assumes the attack puts Russia (RUS) in a state of war")
    said = ongoing.evaluate("c => { const s = getComputedStyle(c); return [s.fontSize, s.color, s.fontStyle]; }")
    assert said == why, said
    assert not page.problems, page.problems
