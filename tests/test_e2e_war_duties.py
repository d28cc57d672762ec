"""A state's other duties on a replayed war's date, in a real headless Chromium: "Why?" said whether the state fights
or is bound to join, never its duties to consult, to stay out of the war against a state, or its casus foederis
toward another state, though /api/war carries them and `foedus war` lists them.

Uses the browser, server and page fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright); needs
the bundle built from web/src (`cd web && npm run build`).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

from typing import Any

import pytest

from e2e_wait import count_is, text_has
from test_e2e_war_frame import _frame
from test_e2e_war_panel import _replay
from test_e2e_web import _ready, browser, page, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e]

WAR = "russia_ukraine_2022"


def test_a_war_dates_why_lists_the_states_other_duties(page: Any, server: str) -> None:
    """Kazakhstan on 2024-08-06 must consult Ukraine (ATOP 4539, from the war's first day) and must not join the war
    against Russia: "Why?" lists each duty in force by then as `foedus war --until 2024-08-06` does (one wording:
    foedus.war.words.duty_lines, said.ts dutyLines), with its certainty; on the war's first day, only those of that
    day."""
    import foedus
    from foedus.war.result import war_names_on
    from foedus.war.words import duty_lines

    replay = foedus.replay_war(WAR).to_dict()
    frames = replay["frames"]
    index = next(i for i, f in enumerate(frames) if f["date"] == "2024-08-06")
    kaz = next(r for r in replay["states"] if r["state"] == "KAZ")
    lines = duty_lines(kaz, lambda d: war_names_on(replay["names"], replay["renames"], d), "2024-08-06")
    first = duty_lines(kaz, lambda d: war_names_on(replay["names"], replay["renames"], d), frames[0]["date"])
    consult = "Kazakhstan (KAZ): consult Ukraine (UKR) from 2022-02-24 (atop_4539 ATOP consultation code)"
    assert any(line.startswith(consult) for line in lines) and any(": must not join the war" in x for x in lines)
    assert 0 < len(first) < len(lines)  # what the first day's panel must not show: the later duties
    # a scenario before the war: the replay opens at its first day (web/src/waropen.ts), whose panel is read first
    _ready(page, f"{server}/?attacker=RUS&target=EST&date=2021-06-01&select=KAZ")
    page.wait_for_selector("#explain[data-state=KAZ]", timeout=30_000)
    _replay(page, WAR, frames[0]["date"])
    page.wait_for_selector(f"#explain[data-state=KAZ][data-frame='{frames[0]['date']}']", timeout=30_000)
    count_is(page.locator("#explain .frame-duties li"), len(first))
    assert page.locator("#explain .frame-duties li").all_inner_texts() == first
    _frame(page, index, "2024-08-06")
    page.wait_for_selector("#explain[data-state=KAZ][data-frame='2024-08-06']", timeout=30_000)
    count_is(page.locator("#explain .frame-duties li"), len(lines))
    assert page.locator("#explain .frame-duties li").all_inner_texts() == lines
    text_has(page.locator("#explain"), "Other duties (casus foederis while fighting; consultation; neutrality):",
             consult + " (carried-forward: treaty)")
    assert not page.problems, page.problems
