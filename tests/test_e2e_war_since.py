"""The map's "Why?" on a replayed war's date says since when a bound state has been bound to that side without a
break, and under what it was first bound where the treaty changed since, as `foedus war --state` does (said.ts
frameWhy, web/src/warsince.ts), in a real headless Chromium (the fixtures of tests/test_e2e_web.py)."""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

from typing import Any

import pytest

from e2e_wait import text_has
from test_e2e_war_frame import _frame
from test_e2e_war_panel import _replay
from test_e2e_web import _ready, browser, page, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e]


def test_a_war_dates_why_says_since_when_a_state_is_bound(page: Any, server: str) -> None:
    """Belarus on the last date the war binds it (Ukraine's attack at Kursk ends after 2025-04-26): bound since
    2024-08-06, first under the CSTO, now under its 2024 treaty with Russia; the panel said only the day shown."""
    import foedus

    frames = foedus.replay_war("russia_ukraine_2022").to_dict()["frames"]
    index = max(i for i, f in enumerate(frames) if "BLR" in f["bound"])
    day = frames[index]["date"]
    assert frames[index]["bound"]["BLR"]["since"] == "2024-08-06"  # what the panel must say
    _ready(page, f"{server}/?attacker=RUS&target=EST&date=2025-06-01&select=BLR")
    page.wait_for_selector("#explain[data-state=BLR]", timeout=30_000)
    # the replay opens at the shown scenario's date, the war's last date on or before it (web/src/waropen.ts)
    _replay(page, "russia_ukraine_2022", max(f["date"] for f in frames if f["date"] <= "2025-06-01"))
    _frame(page, index, day)
    page.wait_for_selector(f"#explain[data-state=BLR][data-frame='{day}']", timeout=30_000)
    text_has(page.locator("#explain .frame-why"), f"Bound to defend Russia (RUS) against Ukraine (UKR) on {day} under",
             "; bound to that side without a break since 2024-08-06, first under CSTO (csto_1992) art. 4 (secondary: "
             "article).")
    assert not page.problems, page.problems
