"""The web's Why? on a war's date says what the war file records of a state beside the replay (its `state_notes`), as
`foedus war --state` does: North Korea on russia_ukraine_2022's last date read "Neither fighting nor bound", no word
that its troops fought at Kursk, and its release "after ... ends", no word that the end is Russia's claim.

Uses the browser, server and page fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright); needs
the bundle built from web/src (`cd web && npm run build`).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

from typing import Any

import pytest

from e2e_wait import text_has
from test_e2e_war_frame import _frame
from test_e2e_war_panel import _replay
from test_e2e_web import _ready, browser, page, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e]

WAR = "russia_ukraine_2022"


def test_a_war_dates_why_says_the_files_note_and_the_ends_doubt(page: Any, server: str) -> None:
    """On the last frame's date, North Korea's Why? is `foedus war --state PRK --until` that date's line, without the
    state's name."""
    import datetime as dt

    import foedus
    from foedus.model.world import World
    from foedus.war.why import why_on

    replay = foedus.replay_war(WAR)
    frames = replay.to_dict()["frames"]
    last = frames[-1]["date"]
    line = why_on(replay, World.default(), "PRK", dt.date.fromisoformat(last)).split(": ", 1)[1]
    assert "Recorded by the war file, not replayed as an event (verified)" in line
    assert "(Russia's claim, unverified)" in line
    _ready(page, f"{server}/?attacker=RUS&target=EST&date=2025-06-01&select=PRK")
    page.wait_for_selector("#explain[data-state=PRK]", timeout=30_000)
    # the replay opens at the shown scenario's date, the war's last date on or before it (web/src/waropen.ts)
    _replay(page, WAR, max(f["date"] for f in frames if f["date"] <= "2025-06-01"))
    _frame(page, len(frames) - 1, last)
    page.wait_for_selector(f"#explain[data-state=PRK][data-frame='{last}']", timeout=30_000)
    text_has(page.locator("#explain .frame-why"), line)
    assert not page.problems, page.problems
