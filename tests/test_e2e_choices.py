"""The "may mean: ..." choices under a search box, in a real headless Chromium: they go once the box adds a state or
its text changes, and a name no state of which is in the state system on the form's date offers no button (each
would be refused as not a member): it says why instead.

Uses the browser, server and page fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

from typing import Any

import pytest

from e2e_wait import eventually, text_has, text_starts
from test_e2e_map_keys import _set_date
from test_e2e_web import _ready, browser, page, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e]


def _asked(page: Any, role: str, text: str, state: str) -> None:
    """Type `text` in the `role` search box, press Enter and wait for the choice of `state`."""
    page.fill(f"#{role}-search", text)
    page.press(f"#{role}-search", "Enter")
    page.wait_for_selector(f"#{role}-picker .choices button.choice[data-state={state}]", timeout=30_000)


def test_the_choices_go_when_the_box_adds_a_state_or_its_text_changes(page: Any, server: str) -> None:
    """"Korea" asked on 1979-06-01 (North or South), then read on 1900-01-01 as the kingdom (COW730): its chip came
    with the 1979 choices still under it. Editing the text of a box that asks drops its choices too."""
    _ready(page, server + "/")
    _set_date(page, "1979-06-01")
    _asked(page, "attacker", "Korea", "KOR")
    _set_date(page, "1900-01-01")
    page.press("#attacker-search", "Enter")
    page.wait_for_selector("#attacker-chips .chip[data-state=COW730]", timeout=30_000)
    assert page.locator("#attacker-picker .choices > *").count() == 0
    _set_date(page, "1979-06-01")
    _asked(page, "target", "Korea", "PRK")
    page.fill("#target-search", "Fra")
    assert page.locator("#target-picker .choices > *").count() == 0
    assert page.locator("#target-chips .chip").count() == 0
    assert not [p for p in page.problems if "422" not in p], page.problems  # asking which Korea is a 422


def test_a_name_of_no_member_on_the_date_offers_no_button(page: Any, server: str) -> None:
    """"Austria" on 1940-01-01 (the server: "names no member of the state system on 1940-01-01"): the form offered
    Austria and Austria-Hungary as buttons, each then refused as not a member on that date. It offers none and says
    why, with each state's dates; on 1979-06-01 the same text adds Austria."""
    _ready(page, server + "/")
    _set_date(page, "1940-01-01")
    page.fill("#attacker-search", "Austria")
    page.press("#attacker-search", "Enter")
    page.wait_for_selector("#attacker-picker .choices .no-choice", timeout=30_000)
    said = page.locator("#attacker-picker .choices").first
    text_starts(said, '"Austria" names no member of the state system on 1940-01-01, so nothing was added as '
                      "attacker: its states are ")
    text_has(said, "Austria (AUT, COW 305; 1919-09-10–1938-03-13, 1955-07-27–(open))",
             "Austria-Hungary (COW300, COW 300; 1816-01-01–1918-11-12)")
    assert page.locator("#attacker-picker .choices button").count() == 0  # read once the refusal is shown
    assert page.locator("#attacker-chips .chip").count() == 0
    _set_date(page, "1979-06-01")
    page.press("#attacker-search", "Enter")
    page.wait_for_selector("#attacker-chips .chip[data-state=AUT]", timeout=30_000)
    assert page.locator("#attacker-picker .choices > *").count() == 0
    assert not [p for p in page.problems if "422" not in p], page.problems  # the refusal is a 422


def test_a_place_typed_as_the_target_offers_its_holder_and_the_place(page: Any, server: str) -> None:
    """"Gaza Strip" typed as the target only said it is a place, not a state, held by whom: the page could not point
    to its place field. The target box now offers one button, as it offers the states a name may mean, that puts the
    holder in the target and the place in the place field; the attacker box, which takes no place, offers none."""
    import datetime as dt

    import foedus

    day = "2025-01-15"
    world = foedus.load_world()
    place = world.places.resolve("Gaza Strip", world.states, dt.date.fromisoformat(day))
    holder = place.on(dt.date.fromisoformat(day)).sovereign
    assert holder
    _ready(page, server + "/")
    _set_date(page, day)
    page.fill("#attacker-search", "Gaza Strip")
    page.press("#attacker-search", "Enter")
    page.wait_for_function("() => document.querySelector('#error').innerText.includes('Gaza Strip')", timeout=30_000)
    assert page.locator("#attacker-picker .choices > *").count() == 0
    page.fill("#target-search", "Gaza Strip")
    page.press("#target-search", "Enter")
    offer = f"#target-picker .choices button.choice[data-place={place.id}]"
    page.wait_for_selector(offer, timeout=30_000)
    text_starts(page.locator("#target-picker .choices").first,
                f'"Gaza Strip" is a place: attack {place.name} (place {place.id}) of ')

    def ended() -> None:
        said = page.inner_text("#target-picker .choices")
        assert said.endswith(f" ({holder})"), said

    eventually(page, ended)
    text_has(page.locator("#error"), f"place={place.id}")
    page.click(offer)
    page.wait_for_selector(f"#target-chips .chip[data-state={holder}]", timeout=30_000)

    def picked() -> None:
        assert page.input_value("#place") == place.id
        assert page.input_value("#target-search") == ""

    eventually(page, picked)
    assert page.locator("#target-picker .choices > *").count() == 0
    assert not [p for p in page.problems if "422" not in p], page.problems  # the refusals are 422s
