"""The war log and the panels name each state of the war as on its frame's date, as each change's `text` is (foedus
war words every dated line so), by the replay's `names` and `renames` (foedus.war.result.war_names_on): the log named
them by the replay's `names`, the war's first day's ("Ottoman Empire" in a frame of 1995), then by a request per
date, falling back to the first day's names when it failed.

Uses the browser, server and page fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

from e2e_wait import attr_is, content_is, text_starts
from test_e2e_war_panel import _replay, _to_last_frame
from test_e2e_web import _ready, browser, page, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e]

LATER = "1995-01-01"


def _names(day: str) -> dict[str, str]:
    """The registry's names on `day` (what `/api/states?date=` gives, and `renames` follow)."""
    from foedus.model.states import StateRegistry

    return StateRegistry.load().names_on(dt.date.fromisoformat(day))


def _later_frame(page: Any, later: str) -> None:
    """No bundled war moves a renamed state: the 1914 replay is given a last frame dated 1995 that moves Turkey as
    its 1914-08-02 frame moved the Ottoman Empire, and, as the server gives a rename in the replay's span, the
    `renames` entry that calls TUR by its 1995 name from that day."""

    def respond(route: Any) -> None:
        body = route.fetch().json()
        moved = next(f for f in body["frames"] if any(m["state"] == "TUR" for m in f["moved"]))
        body["frames"].append(moved | {"date": LATER})
        body["renames"] = [*body["renames"], {"date": LATER, "state": "TUR", "name": later}]
        route.fulfill(json=body)

    page.route("**/api/war?*", respond)


def test_a_moved_state_is_named_as_on_its_frames_date(page: Any, server: str) -> None:
    from playwright.sync_api import expect

    first, later = _names("1914-07-28")["TUR"], _names(LATER)["TUR"]
    assert first != later  # the check is not of identical names
    _later_frame(page, later)
    asked: list[str] = []  # the map asks each date's names once (the log asks none)
    page.on("request", lambda r: asked.append(r.url) if "/api/states?date=" in r.url else None)
    _ready(page, server + "/")
    _replay(page, "july_crisis_1914", "1914-07-28")
    _to_last_frame(page)
    page.wait_for_selector(f"body[data-war-frame='{LATER}']", timeout=60_000)
    line = page.locator(f"#war-log > li[data-date='{LATER}'] li[data-state=TUR]")
    expect(line).to_have_text(re.compile("^" + re.escape(f"{later} (TUR): ")), timeout=30_000)
    text_starts(page.locator("#war-log > li[data-date='1914-08-02'] li[data-state=TUR]"),
                f"{first} (TUR): ")  # an earlier frame keeps its own date's name
    assert asked and len(asked) == len(set(asked)), asked
    assert not page.problems, page.problems


def test_the_wars_states_are_named_by_its_renames_when_a_dates_names_cannot_be_had(page: Any, server: str) -> None:
    """When `/api/states?date=` fails, the war log, the summary and the map's title still name Turkey on the 1995
    frame by the replay's `names` and `renames`: they said the Ottoman Empire, the war's first day's name."""
    first, later = _names("1914-07-28")["TUR"], _names(LATER)["TUR"]
    assert first != later  # the check is not of identical names
    failed: list[str] = []

    def refuse(route: Any) -> None:
        failed.append(route.request.url)
        route.fulfill(status=503, json={"error": "not now"})

    _later_frame(page, later)
    _ready(page, server + "/")
    page.route("**/api/states?date=*", refuse)
    _replay(page, "july_crisis_1914", "1914-07-28")
    _to_last_frame(page)
    page.wait_for_selector(f"body[data-war-frame='{LATER}']", timeout=60_000)  # drawn after its names failed
    assert any(LATER in u for u in failed), failed
    text_starts(page.locator(f"#war-log > li[data-date='{LATER}'] li[data-state=TUR]"), f"{later} (TUR): ")
    text_starts(page.locator("#war-log > li[data-date='1914-08-02'] li[data-state=TUR]"), f"{first} (TUR): ")
    attr_is(page.locator("#summary button[data-state=TUR]").first, "title", f"{later} (TUR)")
    content_is(page.locator("#map path[data-iso3=TUR] title").first, f"{later} (TUR)")
    assert not [p for p in page.problems if "503" not in p], page.problems
