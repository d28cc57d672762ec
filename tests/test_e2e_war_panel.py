"""The war timeline's panel in a real headless Chromium: the war file's notes and the pages it cites, as `foedus war`
words them last, and controls that stay hidden until a war is replayed.

Uses the browser, server and page fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

from typing import Any

import pytest

from e2e_wait import count_is, eventually, text_has, text_is
from test_e2e_web import _ready, browser, page, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e]


def _replay(page: Any, war: str, first: str) -> None:
    page.select_option("#war-select", war)
    page.click("#war-load")
    page.wait_for_selector(f"body[data-war-frame='{first}']", timeout=60_000)


def _to_last_frame(page: Any) -> None:
    """Move the war's slider to its last date, as a user dragging it to the end does."""
    page.evaluate("""() => { const s = document.getElementById('war-frame'); s.value = s.max;
        s.dispatchEvent(new Event('input')); }""")


@pytest.mark.parametrize("war", ["russia_ukraine_2022", "europe_1939_1941", "july_crisis_1914"])
def test_the_timeline_shows_the_war_files_notes_and_sources(page: Any, server: str, war: str) -> None:
    """Every note of the replay, and every page the file cites as `foedus war`'s 'source:' lines word it, each a link
    opening in a new tab without handing it the page (the status line showed the first note only, and no source)."""
    import foedus
    from foedus.model.states import StateRegistry
    from foedus.war.render import _sources

    result = foedus.replay_war(war)
    replay = result.to_dict()
    assert replay["war"]["sources"] and replay["notes"]
    _ready(page, server + "/")
    _replay(page, war, replay["frames"][0]["date"])
    sources = [f"source: {s}" for s in _sources(result, StateRegistry.load().names_on)]
    links = page.locator("#war-about ul.war-sources a")

    def told() -> None:
        assert page.locator("#war-about p.note").all_inner_texts() == [f"note: {n}" for n in replay["notes"]]
        assert page.locator("#war-about ul.war-sources li").all_inner_texts() == sources
        assert [links.nth(i).get_attribute("href") for i in range(links.count())] == [
            s["url"] for s in replay["war"]["sources"]]

    eventually(page, told)
    for i in range(links.count()):
        assert (links.nth(i).get_attribute("target"), links.nth(i).get_attribute("rel")) == ("_blank",
                                                                                         "noopener noreferrer")
    assert replay["notes"][0] not in page.inner_text("#war-status")  # said once, under the log
    assert not page.problems, page.problems


def test_an_events_source_is_said_after_its_date_and_words(page: Any, server: str) -> None:
    """A page cited for one event comes after that event's date and words, as the CLI says it; one without a title
    is named by its address; an address that is no web page is shown as text, not made a link. (No bundled war
    cites a page for an event: the replay is given one here.)"""
    def respond(route: Any) -> None:
        body = route.fetch().json()
        body["war"]["sources"] = [{"url": "https://example.org/kursk", "title": None, "event": 1},
                                  {"url": "javascript:alert(1)", "title": "a bad address", "event": None}]
        route.fulfill(json=body)

    page.route("**/api/war?*", respond)
    _ready(page, server + "/")
    _replay(page, "russia_ukraine_2022", "2022-02-24")
    text_is(page.locator("#war-about ul.war-sources li >> nth=0"),
            "source: 2024-08-06 Ukraine (UKR) attacks Russia (RUS) at Kursk Oblast: https://example.org/kursk")
    count_is(page.locator("#war-about a[href='https://example.org/kursk']"), 1)
    text_has(page.locator("#war-about"), "a bad address")
    assert page.locator("#war-about a[href^=javascript]").count() == 0  # read once the sources are shown
    assert not page.problems, page.problems


def test_the_war_controls_are_hidden_until_a_war_is_replayed(page: Any, server: str) -> None:
    """The Play button and the date slider did nothing before a war was loaded, yet showed (and took the keyboard's
    focus): a class's `display` overrode the `hidden` attribute."""
    _ready(page, server + "/")
    assert page.is_hidden("#war-play") and page.is_hidden("#war-frame")
    _replay(page, "july_crisis_1914", "1914-07-28")

    def shown() -> None:
        assert page.is_visible("#war-play") and page.is_visible("#war-frame")

    eventually(page, shown)
    assert not page.problems, page.problems


def test_a_replayed_war_is_not_exported_as_the_scenarios_picture(page: Any, server: str) -> None:
    """Once a war's frame is on the map, the PNG export is off until the next run: it drew the war's map under the
    scenario's title, legend and caption (Austria-Hungary and Serbia, 1914, as 'Russia (RUS) attacks Estonia')."""
    _ready(page, f"{server}/?attacker=RUS&target=EST&date=2025-06-01")
    page.wait_for_selector("body[data-result='RUS>EST@2025-06-01']", timeout=30_000)
    assert page.is_enabled("#export-png")
    _replay(page, "july_crisis_1914", "1914-07-28")

    def off() -> None:
        assert page.is_disabled("#export-png")

    eventually(page, off)
    page.click("#run")
    page.wait_for_selector("#export-png:enabled", timeout=30_000)
    assert not page.problems, page.problems


def test_the_log_numbers_its_dates_from_the_first(page: Any, server: str) -> None:
    """The log lists the latest date first; as a plain list it numbered the latest "1.", so it counts down."""
    _ready(page, server + "/")
    _replay(page, "july_crisis_1914", "1914-07-28")
    _to_last_frame(page)
    page.wait_for_selector("#war-log > li:nth-child(2)", timeout=60_000)
    assert page.evaluate("() => document.getElementById('war-log').reversed") is True
    assert page.get_attribute("#war-log", "aria-label") == "the war so far, latest date first"


def test_the_war_is_replayed_under_the_forms_decisions(page: Any, server: str) -> None:
    """The timeline asks /api/war for the form's switches, the decisions a clause needs first among them (the form had
    no such control and the replay always read them as taken, until 2026-12-07)."""
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url) if "/api/war?" in r.url else None)
    _ready(page, server + "/")
    page.click("#more-options summary")
    page.select_option("#decisions", "not-taken")
    _replay(page, "july_crisis_1914", "1914-07-28")
    assert asked and all("decisions=not-taken" in url for url in asked), asked
    assert not page.problems, page.problems


def test_the_war_picker_defaults_to_the_war_the_scenario_sits_in(page: Any, server: str) -> None:
    """The flagship (UKR attacks RUS at Kursk Oblast on 2025-01-15) sits in the Russia–Ukraine war, as `foedus
    cascade`'s war note finds it: the picker defaults to that war, where it showed the Second World War and Replay
    played the wrong war; a scenario in no bundled war leaves the list's first war."""
    def picked(war: str | None) -> None:
        assert page.input_value("#war-select") == war

    _ready(page, server + "/?attacker=UKR&target=RUS&date=2025-01-15&place=kursk-oblast")
    eventually(page, lambda: picked("russia_ukraine_2022"))
    _ready(page, server + "/?attacker=FRA&target=DEU&date=2025-01-15")
    eventually(page, lambda: picked(page.locator("#war-select option").first.get_attribute("value")))
    assert not page.problems, page.problems
