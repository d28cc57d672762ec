"""The page names states as on the date the map shows, everywhere: the comparison's two dates each by its own names,
a war frame's date during a replay, the contested places' tooltips and the place list's holders on the form's date;
the search boxes match the date's names locally; the map and the pickers count a state in the system on a date as
the server does (out only where its COW spells say so).

Uses the browser, server and page fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from e2e_wait import attr_is, content_is, count_is, eventually, text_is
from test_e2e_web import _ready, browser, page, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e]


def _names(day: str) -> dict[str, str]:
    """The registry's names on `day` (StateRegistry.names_on, what `/api/states?date=` and `renamed` give)."""
    from foedus.model.world import World

    return World.default().states.names_on(dt.date.fromisoformat(day))


def _set_date(page: Any, date: str) -> None:
    """Put `date` in the form as a person does, and wait for the date's names to reach the search list."""
    page.fill("#date", date)
    page.dispatch_event("#date", "change")
    rus = _names(date)["RUS"]
    page.wait_for_selector(f"#state-list option[value='{rus} (RUS)']", state="attached", timeout=30_000)


def _resolves(page: Any) -> list[str]:
    """The `/api/resolve` requests the page makes from now on (a name the form could not read locally)."""
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url) if "/api/resolve" in r.url else None)
    return asked


def _added(page: Any, role: str, text: str, state: str) -> None:
    page.fill(f"#{role}-search", text)
    page.press(f"#{role}-search", "Enter")
    page.wait_for_selector(f"#{role}-chips .chip[data-state={state}]", timeout=30_000)


def test_a_state_with_no_spells_is_in_the_system_for_the_map_and_the_pickers(page: Any, server: str) -> None:
    """Palestine (PSE) has no COW spells: the engine takes it on any date (State.member_on is None, not False), as
    did the map; the form counted it out, so its name cost a round trip to the server and "lest" meant Timor-Leste
    alone. Before 1816 no state's membership is known: the map drew every state as no state then."""
    from foedus.model.world import World

    assert not World.default().states.get("PSE").spells
    _ready(page, server + "/")
    _set_date(page, "2025-06-01")
    asked = _resolves(page)
    _added(page, "attacker", "Palestine", "PSE")
    assert asked == [], asked
    page.fill("#target-search", "lest")  # in Timor-Leste's name and Palestine's
    page.press("#target-search", "Enter")
    page.wait_for_selector("#target-picker .choices button.choice[data-state=PSE]", timeout=30_000)
    count_is(page.locator("#target-picker .choices button.choice[data-state=TLS]"), 1)
    assert page.locator("#target-chips .chip").count() == 0  # read once the question is shown
    _ready(page, server + "/?attacker=GBR&target=FRA&date=1815-06-18")
    page.wait_for_selector("body[data-result='GBR>FRA@1815-06-18']", timeout=30_000)
    attr_is(page.locator("#map path[data-iso3=USA]").first, "data-category", "none")
    attr_is(page.locator("#map [data-iso3=PSE]").first, "data-category", "none")
    assert asked == [], asked
    assert not page.problems, page.problems


def test_the_date_names_match_in_the_search_box_without_asking_the_server(page: Any, server: str) -> None:
    """On 1979-06-01 "Soviet Union" is RUS's name: the form finds it as it finds "Russia", with no round trip."""
    assert _names("1979-06-01")["RUS"] == "Soviet Union"
    _ready(page, server + "/")
    _set_date(page, "1979-06-01")
    asked = _resolves(page)
    _added(page, "attacker", "Soviet Union", "RUS")
    _added(page, "target", "Sovie", "RUS")
    assert asked == [], asked
    assert not page.problems, page.problems


def test_the_comparison_names_each_dates_states_by_its_names(page: Any, server: str) -> None:
    """Comparing 1995 with 1979, RUS joins the defence on 1979: the Soviet Union then, not Russia (the base's name)."""
    base, other = _names("1995-06-01")["RUS"], _names("1979-06-01")["RUS"]
    assert base != other
    _ready(page, server + "/?attacker=USA&target=POL&date=1995-06-01&other_date=1979-06-01")
    page.wait_for_selector("#comparison li.gained button[data-state=RUS]", timeout=60_000)
    text_is(page.locator("#comparison li.gained button[data-state=RUS]").first, f"{other} (RUS)")
    assert not page.problems, page.problems


def test_a_war_frame_names_states_as_on_its_date(page: Any, server: str) -> None:
    """After a 1979 result, a 2022 war frame named a state the war file does not name (COD) by the 1979 result's
    `renamed` in the "Why?" panel, and the map's tooltips by the form's date: both by the frame's date now."""
    then, now = _names("1979-12-24")["COD"], _names("2022-02-24")["COD"]
    assert then != now
    _ready(page, server + "/?attacker=RUS&target=AFG&date=1979-12-24&select=COD")
    page.wait_for_selector("body[data-result='RUS>AFG@1979-12-24']", timeout=30_000)
    page.select_option("#war-select", "russia_ukraine_2022")
    page.click("#war-load")
    page.wait_for_selector("body[data-war-frame='2022-02-24']", timeout=60_000)
    page.wait_for_selector("#explain[data-frame='2022-02-24'][data-state=COD]", timeout=30_000)
    text_is(page.locator("#explain h2").first, f"{now} (COD)")
    content_is(page.locator("#map path[data-iso3=COD] title").first, f"{now} (COD)")
    assert not page.problems, page.problems


def test_contested_places_and_the_place_list_name_holders_as_on_the_forms_date(page: Any, server: str) -> None:
    """On 1979-06-01 with no result shown, the contested places' tooltips said today's names (Russia), and the place
    list gave each place's holder as an id: both say the date's names now."""
    import httpx2

    names = _names("1979-06-01")
    places = httpx2.get(f"{server}/api/places?homes=true", timeout=30).json()
    contested = [p for p in places if p["outline"] and len(p["outline"]) >= 3
                 and "RUS" in [p["sovereign"], *p["claimants"]]]
    listed = next(p for p in places if p["kind"] != "home" and (p["sovereign"] or p["administrator"]) == "RUS")
    assert contested and names["RUS"] != _names("2025-06-01")["RUS"]
    _ready(page, server + "/")
    _set_date(page, "1979-06-01")

    def titled() -> None:
        for p in contested:
            title = page.text_content(f"#map path.contested[data-place='{p['id']}'] title") or ""
            assert f"{names['RUS']} (RUS)" in title and "Russia (RUS)" not in title, title

    eventually(page, titled)  # "Russia (RUS)" not in it: the title is read whole, once it names RUS as in 1979
    content_is(page.locator(f"#place option[value='{listed['id']}']").first, f"{listed['name']} ({names['RUS']})")
    assert not page.problems, page.problems


def test_a_state_out_of_the_system_is_named_as_on_the_date(page: Any, server: str) -> None:
    """On 1942-06-01 SRB is out of the state system (its COW spells break 1941-04-20 to 1944-10-20) and called
    Yugoslavia: the search list and the refusal of it as target name it so, in the words of the CLI's refusal
    (foedus.state_lists.non_member). `/api/states?date=` left it out, so the page named it by today's name, Serbia."""
    from foedus.model.world import World
    from foedus.state_lists import non_member

    world = World.default()
    said = non_member(world, world.states.get("SRB"), dt.date(1942, 6, 1), "target")
    assert said is not None and said.startswith("target Yugoslavia (SRB) is not a member")
    _ready(page, server + "/")
    _set_date(page, "1942-06-01")
    page.wait_for_selector("#state-list option[value='Yugoslavia (SRB)']", state="attached", timeout=30_000)
    assert page.locator("#state-list option[value='Serbia (SRB)']").count() == 0
    page.fill("#target-search", "SRB")
    page.press("#target-search", "Enter")
    text_is(page.locator("#error"), f"{said}; nothing was added as target")
    assert not [p for p in page.problems if "422" not in p], page.problems
