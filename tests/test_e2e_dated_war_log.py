"""The war log names each moved state as on its frame's date, as each change's `text` is (foedus war words every
dated line so): it named them by the replay's `names`, the war's first day ("Ottoman Empire" in a frame of 1995).

Uses the browser, server and page fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

from test_e2e_war_panel import _replay, _to_last_frame
from test_e2e_web import _ready, browser, page, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e]

LATER = "1995-01-01"


def test_a_moved_state_is_named_as_on_its_frames_date(page: Any, server: str) -> None:
    """No bundled war moves a renamed state: the 1914 replay is given a last frame dated 1995 that moves Turkey as
    its 1914-08-02 frame moved the Ottoman Empire."""
    from playwright.sync_api import expect

    from foedus.model.states import StateRegistry

    registry = StateRegistry.load()
    first, later = (registry.names_on(dt.date.fromisoformat(d))["TUR"] for d in ("1914-07-28", LATER))
    assert first != later  # the check is not of identical names

    def respond(route: Any) -> None:
        body = route.fetch().json()
        moved = next(f for f in body["frames"] if any(m["state"] == "TUR" for m in f["moved"]))
        body["frames"].append(moved | {"date": LATER})
        route.fulfill(json=body)

    page.route("**/api/war?*", respond)
    asked: list[str] = []  # each date's names are asked once, by the map and the log together
    page.on("request", lambda r: asked.append(r.url) if "/api/states?date=" in r.url else None)
    _ready(page, server + "/")
    _replay(page, "july_crisis_1914", "1914-07-28")
    _to_last_frame(page)
    page.wait_for_selector(f"body[data-war-frame='{LATER}']", timeout=60_000)
    line = page.locator(f"#war-log > li[data-date='{LATER}'] li[data-state=TUR]")
    expect(line).to_have_text(re.compile("^" + re.escape(f"{later} (TUR): ")), timeout=10_000)
    assert page.locator("#war-log > li[data-date='1914-08-02'] li[data-state=TUR]").inner_text().startswith(
        f"{first} (TUR): ")  # an earlier frame keeps its own date's name
    assert asked and len(asked) == len(set(asked)), asked
    assert not page.problems, page.problems


def test_a_dates_names_that_cannot_be_had_leave_the_wars_own_not_todays(page: Any, server: str) -> None:
    """When `/api/states?date=` fails, the war log and the map name the Ottoman Empire by the replay's names (its
    first day's), not by today's name until a reload; the date is asked again when the log is next drawn."""
    from foedus.model.states import StateRegistry

    registry = StateRegistry.load()
    first, now = registry.names_on(dt.date(1914, 7, 28))["TUR"], registry.get("TUR").name
    assert first != now  # the check is not of identical names
    frames: list[str] = []

    def keep(route: Any) -> None:
        body = route.fetch().json()
        frames.extend(f["date"] for f in body["frames"])
        moved.extend(f["date"] for f in body["frames"] if any(m["state"] == "TUR" for m in f["moved"]))
        route.fulfill(json=body)

    moved: list[str] = []
    failed: list[str] = []

    def refuse(route: Any) -> None:
        failed.append(route.request.url)
        route.fulfill(status=503, json={"error": "not now"})

    _ready(page, server + "/")
    page.route("**/api/war?*", keep)
    page.route("**/api/states?date=*", refuse)
    _replay(page, "july_crisis_1914", "1914-07-28")
    page.evaluate(f"""() => {{ const s = document.getElementById('war-frame'); s.value = '{frames.index(moved[0])}';
        s.dispatchEvent(new Event('input')); }}""")
    page.wait_for_selector(f"body[data-war-frame='{moved[0]}']", timeout=60_000)  # drawn after its names failed
    assert page.text_content("#map path[data-iso3=TUR] title") == f"{first} (TUR)"
    line = page.locator(f"#war-log > li[data-date='{moved[0]}'] li[data-state=TUR]").inner_text()
    assert line.startswith(f"{first} (TUR): "), line
    assert page.get_attribute("#war-log", "data-named") == "false"  # still to be asked
    assert sum(moved[0] in u for u in failed) >= 1
    assert not [p for p in page.problems if "503" not in p], page.problems
