"""A supporter's "Why?" panel, in a real headless Chromium. The panel said a supporter's help in the CLI's words but
gave it no look of its own (the map and legend show supporters in dark pink), and a state with several findings
showed only its first role's swatch and badge: Belarus, on Russia's attack on Poland of 2026-01-15, is bound not to
join against Poland, to consult and to give Russia bases, and its panel's head said only the neutrality.

Uses the browser, server and page fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

from typing import Any

import pytest

from e2e_wait import eventually
from test_e2e_row_looks import _colours, _rgb
from test_e2e_web import _ready, browser, page, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e, pytest.mark.needs_data]


def _lines(attacker: str, target: str, date: str, state: str) -> list[str]:
    """The cascade text's "Support:" lines of `state` (foedus.render: foedus.support_words.support_lines)."""
    import foedus
    from foedus.support_words import support_lines

    result = foedus.cascade(attacker, target, date)
    return support_lines([s for s in result.supporters if s.state == state], result.names, result.titles)


def _open(page: Any, server: str, attacker: str, target: str, date: str, state: str) -> None:
    _ready(page, f"{server}/?attacker={attacker}&target={target}&date={date}&select={state}")
    page.wait_for_selector(f"#explain[data-state={state}] .finding", timeout=60_000)


def test_a_supporters_help_is_said_with_the_supporter_swatch(page: Any, server: str) -> None:
    """Belarus, on Russia's attack on Estonia, owes Russia bases and nothing else: its help, as the cascade's text
    says it (treaty, kind of help, when owed, certainty), under the supporters' dark pink swatch."""
    scenario = ("RUS", "EST", "2026-01-15")
    wanted = _lines(*scenario, "BLR")
    assert wanted and all("without being bound to fight" in line for line in wanted), wanted
    _open(page, server, *scenario, "BLR")
    block = page.locator("#explain .finding.support")

    def said() -> None:
        assert block.locator("p").all_inner_texts() == wanted
        looks = block.locator(".swatch").evaluate_all("ss => ss.map((s) => getComputedStyle(s).backgroundColor)")
        assert looks == [_rgb(_colours()["support"])], looks
        assert block.get_attribute("data-category") == "support"

    eventually(page, said)
    assert not page.problems, page.problems


def test_a_state_with_several_findings_shows_each_in_the_head_and_lists_each(page: Any, server: str) -> None:
    """Belarus, on Russia's attack on Poland: neutral, consulting and supporting. The head shows each category's
    swatch and badge (its map colour's first), and the panel lists the neutrality and the support."""
    colours = _colours()
    scenario = ("RUS", "POL", "2026-01-15")
    wanted = _lines(*scenario, "BLR")
    assert wanted, wanted
    _open(page, server, *scenario, "BLR")

    def said() -> None:
        head = page.locator("#explain > p.roles")
        badges = head.locator(".badge").evaluate_all("bs => bs.map((b) => [b.dataset.category, b.textContent])")
        assert badges == [["neutral", "bound not to join against a belligerent"], ["consult", "bound to consult"],
                          ["support", "bound to support a belligerent without joining"]], badges
        looks = head.locator(".swatch").evaluate_all("ss => ss.map((s) => getComputedStyle(s).backgroundColor)")
        assert looks == [_rgb(colours[c]) for c in ("neutral", "consult", "support")], looks
        shown = page.locator("#explain .finding p").all_inner_texts()
        assert any(line.startswith("Bound not to join the war against Poland (POL): ") for line in shown), shown
        assert [line for line in shown if line in wanted] == wanted, shown

    eventually(page, said)
    assert not page.problems, page.problems
