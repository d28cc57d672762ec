"""Names a shared link gives that the server refuses, in a real headless Chromium. A link's target that is a place
(`target=Gaza Strip`) was looked up with no role, and dropped with "is a place, not a state (held on ... by ...)",
with no word of the place field; it is now read as the target box reads it (/api/resolve?role=target) and says to
name the place as the place, with its holder as the target. A link's what-if change whose state is a name several
states have carried (`add_member=nato_1949:Korea` in 1979) was refused with the message only: the 422's `name`
(the name it could not tell apart) now marks that change in the what-if panel.

And a name of no state typed in a search box ("England", "America") says which state is meant.

Uses the browser, server and page fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

from typing import Any

import pytest

from e2e_wait import attr_is, count_is, text_has, text_starts, typed_refused
from test_e2e_web import _ready, browser, page, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e]


def test_a_links_target_that_is_a_place_is_told_to_use_the_place_field(page: Any, server: str) -> None:
    _ready(page, f"{server}/?attacker=ISR&target=Gaza%20Strip&date=2025-01-15")
    page.wait_for_selector("#error:not([hidden])", timeout=30_000)
    text_starts(page.locator("#error"), 'This link could not be used as it is: target "Gaza Strip": \'Gaza Strip\' '
                                        "is a place, not a state: use place=gaza with the state that holds it as the "
                                        "target")
    assert [p for p in page.problems if "422" not in p] == [], page.problems


def test_a_what_if_change_naming_several_states_is_marked(page: Any, server: str) -> None:
    _ready(page, f"{server}/?attacker=RUS&target=NOR&date=1979-06-01&add_member=nato_1949:Korea"
                 "&add_member=nato_1949:AUT")
    page.wait_for_selector("#wi-changes li.refused", timeout=30_000)
    marked = page.locator("#wi-changes li.refused")
    count_is(marked, 1)
    attr_is(marked, "aria-invalid", "true")
    text_starts(marked, "joins: nato_1949:Korea")
    text_has(page.locator("#error"), "'Korea'")
    page.click("#wi-changes li.refused button")  # the change removed: the scenario runs, nothing is marked
    page.click("#run")
    page.wait_for_selector("body[data-result='RUS>NOR@1979-06-01']", timeout=30_000)
    assert page.locator("#wi-changes li.refused").count() == 0
    assert [p for p in page.problems if "422" not in p] == [], page.problems


@pytest.mark.parametrize(("role", "typed", "said"), [
    ("attacker", "England", "'England' is part of the United Kingdom (GBR), not a state: use GBR"),
    ("target", "America", "'America' is ambiguous (the Americas, or a state of them): the United States of America "
                          "is USA")])
def test_a_name_of_no_state_typed_in_a_box_says_which_state_is_meant(page: Any, server: str, role: str, typed: str,
                                                                      said: str) -> None:
    """No state's name holds "England" or "America", so the page asks the server, which said "unknown state
    'England'; did you mean Finland, Uganda, Poland?"; it names the state meant, and nothing is added."""
    _ready(page, server + "/")
    typed_refused(page, role, typed, f'no state matches "{typed}": {said}')


def test_the_state_meant_is_offered_as_one_click(page: Any, server: str) -> None:
    """The refusal of "England" carries the United Kingdom as its candidate: the box says why and offers it as a
    button, which adds it."""
    _ready(page, server + "/")
    page.fill("#attacker-search", "England")
    page.press("#attacker-search", "Enter")
    page.click("#attacker-picker .choices button.choice[data-state=GBR]", timeout=10_000)
    page.wait_for_selector("#attacker-chips .chip[data-state=GBR]", timeout=10_000)
    assert [p for p in page.problems if "422" not in p] == [], page.problems


def test_a_list_typed_in_a_box_adds_each_state(page: Any, server: str) -> None:
    """"RUS, EST" typed in a box is a list, as on the command line: /api/resolve reads it part by part and the box
    adds each state (it added Russia alone once the list was read; before, it asked which of the two was meant)."""
    _ready(page, server + "/")
    page.fill("#target-search", "RUS, EST")
    page.press("#target-search", "Enter")
    page.wait_for_selector("#target-chips .chip[data-state=EST]", timeout=10_000)
    count_is(page.locator("#target-chips .chip[data-state=RUS]"), 1)
    assert [p for p in page.problems if "422" not in p] == [], page.problems
