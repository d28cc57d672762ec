"""The map before any run, and a war frame's names, in a real headless Chromium: with no result the map paints the
form's date (grey where a state is not in the system then) on that date's borders, at start and when the date moves;
a replayed war's frame names its states as on the frame's date, not as the war file's first day did.

Uses the browser, server and page fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from e2e_wait import attr_is, text_is
from test_e2e_war_panel import _replay
from test_e2e_web import _ready, browser, page, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e]

# Every drawn state's category is the one its membership on the date gives (web/src/map.ts paint), none missing.
PAINTED = """(want) => { const els = [...document.querySelectorAll('#map path[data-iso3], #map circle[data-iso3]')];
    return els.length > 0 && els.every((e) => e.dataset.category === want[e.dataset.iso3]); }"""


def _expected(page: Any, day: str) -> dict[str, str]:
    """Each drawn state's category with no result on `day`: "absent" where its COW spells leave `day` out."""
    from foedus.model.world import World

    states = World.default().states
    drawn = page.locator("#map [data-iso3]").evaluate_all("els => [...new Set(els.map((e) => e.dataset.iso3))]")
    want = {i: "absent" if states.get(i).member_on(dt.date.fromisoformat(day)) is False else "none" for i in drawn}
    assert "absent" in want.values() and "none" in want.values(), want
    return want


def test_a_link_without_a_target_paints_its_dates_absent_states(page: Any, server: str) -> None:
    """The map was painted, then its shapes redrawn for the date's borders: every state lost its category and the
    grey of a state not in the system on the link's date (Ukraine in 1900), until the first run. With no reason to
    give (none of the link's values is wrong: it names no target), the message said "as it is: ." """
    _ready(page, f"{server}/?attacker=RUS&date=1900-01-01")
    want = _expected(page, "1900-01-01")
    assert want["UKR"] == "absent" and want["USA"] == "none"
    page.wait_for_function(PAINTED, arg=want, timeout=30_000)
    text_is(page.locator("#error"), "This link could not be used as it is. Pick an attacker and a target.")


def test_moving_the_date_with_no_result_repaints_the_map(page: Any, server: str) -> None:
    """With no result, a new date in the form left the map as it was: Ukraine was not grey in 1900."""
    _ready(page, server + "/")
    page.fill("#date", "1900-01-01")
    page.dispatch_event("#date", "change")
    page.wait_for_function(PAINTED, arg=_expected(page, "1900-01-01"), timeout=30_000)
    page.fill("#date", "2000-01-01")
    page.dispatch_event("#date", "change")
    page.wait_for_function(PAINTED, arg=_expected(page, "2000-01-01"), timeout=30_000)
    assert not page.problems, page.problems


def test_a_war_frame_names_its_states_as_on_the_frames_date(page: Any, server: str) -> None:
    """The war file's `names` are taken on the war's first day: a war begun before 1991-12-26 would have named RUS
    the Soviet Union on every frame. No bundled war crosses a rename, so the replay's `names` are given the name
    RUS had on 1991-12-25, and its `renames` RUS's next name from 1991-12-26, as such a war's would be; the summary
    and "Why?" say the frame's date's name."""
    from foedus.model.world import World

    states = World.default().states
    old = states.names_on(dt.date(1991, 12, 25))["RUS"]
    frame = "2022-02-24"
    now = states.names_on(dt.date.fromisoformat(frame))["RUS"]
    renamed = states.names_on(dt.date(1991, 12, 26))["RUS"]
    assert old != now

    def first_days_names(route: Any) -> None:
        answer = route.fetch()
        replay = answer.json()
        replay["names"]["RUS"] = old
        replay["renames"] = [{"date": "1991-12-26", "state": "RUS", "name": renamed}]
        route.fulfill(response=answer, body=json.dumps(replay))

    page.route("**/api/war?*", first_days_names)
    # a scenario before the war: the replay opens at its first day (web/src/waropen.ts), not at the scenario's date
    _ready(page, f"{server}/?attacker=USA&target=CAN&date=2021-06-01&select=RUS")
    page.wait_for_selector("body[data-result='USA>CAN@2021-06-01']", timeout=30_000)
    _replay(page, "russia_ukraine_2022", frame)
    page.wait_for_selector(f"#explain[data-frame='{frame}'][data-state=RUS]", timeout=30_000)
    text_is(page.locator("#explain h2").first, f"{now} (RUS)")
    attr_is(page.locator("#summary button.state[data-state=RUS]").first, "title", f"{now} (RUS)")
    assert not page.problems, page.problems
