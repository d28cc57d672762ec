"""Every conflict reads in the summary as the CLI's conflict line, not only one whose duties rest on facts not
verified: Bulgaria attacking Albania on 2010-06-01 binds Romania both to join (NATO art. 5) and to stay out (ATOP's
neutrality code of atop_4150), all on verified facts. The CLI says so in a line (render.explain_lines); the
summary did only with the state's button in its "conflicts" row. The button stays: it is how the page selects
the state.

Uses the browser, server and page fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

from typing import Any

import pytest

from e2e_wait import eventually
from test_e2e_web import _ready, browser, page, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e]


@pytest.mark.parametrize(("attacker", "target", "day"), [("BGR", "ALB", "2010-06-01"), ("UKR", "RUS", "2025-06-01")])
def test_the_summary_gives_every_conflicts_line_as_the_cli(page: Any, server: str, attacker: str, target: str,
                                                           day: str) -> None:
    """The summary's conflict lines are the CLI's "Conflict: " lines, one a conflict, each under the "conflicts"
    row whose button selects its state; Romania's (verified) among them."""
    import foedus
    from foedus.render import explain_lines

    result = foedus.cascade(attacker, target, day)
    cli = [f"{x}." for x in explain_lines(result) if x.startswith("Conflict: ")]
    assert cli and len(cli) == len(result.conflicts)
    _ready(page, f"{server}/?attacker={attacker}&target={target}&date={day}")
    page.wait_for_selector(f"body[data-result='{attacker}>{target}@{day}']", timeout=60_000)
    row = page.locator("#summary .srow").filter(has=page.locator(".slabel", has_text="conflicts"))

    def worded() -> None:
        assert page.locator("#summary p.conflict").all_inner_texts() == cli
        assert row.locator("button.state").evaluate_all("bs => bs.map(b => b.dataset.state)") == [
            c.state for c in result.conflicts]

    eventually(page, worded)
    assert not page.problems, page.problems
