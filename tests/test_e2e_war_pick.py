"""The war picker follows the result the map shows, in a real headless Chromium: a form edited after Run, whose run
is refused, leaves the picker on the shown result's war (web/src/warpick.ts).

Uses the browser, server and page fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

from typing import Any

import pytest

from e2e_wait import eventually, text_has
from test_e2e_web import _ready, browser, page, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e, pytest.mark.needs_data]


def _choose(page: Any, role: str, old: str, new: str) -> None:
    page.click(f"#{role}-chips button[aria-label='remove {old}']")
    page.fill(f"#{role}-search", new)
    page.press(f"#{role}-search", "Enter")
    page.wait_for_selector(f"#{role}-chips .chip[data-state={new}]", timeout=30_000)


def test_the_war_picker_follows_the_result_shown_not_the_form_edited_since(page: Any, server: str) -> None:
    """UKR attacks RUS at Kursk Oblast on 2025-01-15 is shown, and the picker offers the Russia–Ukraine war. The reader
    then makes the form DEU attacks POL on 1939-09-01, still at Kursk Oblast, which the cascade refuses: the map
    still shows the Kursk result, so the picker stays on its war (it followed the edited form to the Second World War,
    and Replay would have played a war the map's result is not in)."""
    def picked(war: str) -> None:
        assert page.input_value("#war-select") == war

    _ready(page, server + "/?attacker=UKR&target=RUS&date=2025-01-15&place=kursk-oblast")
    eventually(page, lambda: picked("russia_ukraine_2022"))
    _choose(page, "attacker", "UKR", "DEU")
    _choose(page, "target", "RUS", "POL")
    page.fill("#date", "1939-09-01")
    page.dispatch_event("#date", "change")  # the date runs again by itself: refused, Kursk is not Poland's
    text_has(page.locator("#error"), "is not territory of Poland (POL)")
    text_has(page.locator("#status"), "Still showing the previous result")
    page.wait_for_timeout(1_500)  # the picker's own request (/api/wars/at) has time to come back
    picked("russia_ukraine_2022")
    assert [p for p in page.problems if "422" not in p] == [], page.problems


def test_the_war_pickers_wars_are_dated_as_foedus_war_dates_them(page: Any, server: str) -> None:
    """Each war is offered with its first and last dates, as `foedus war`'s header says it replays them ("replayed
    2025-06-13 to 2025-06-24"), an ongoing war from its first date: the picker gave years only, which the names
    mostly give already ("The Second World War in Europe, 1939–1941 (1939–1941)", "… June 2025 … (2025–2025)")."""
    _ready(page, server + "/")
    wars = page.request.get(server + "/api/wars").json()
    assert any(w["ongoing"] for w in wars) and any(not w["ongoing"] for w in wars)
    shown = page.locator("#war-select option").evaluate_all("os => os.map((o) => [o.value, o.textContent])")
    assert shown == [[w["id"], f"{w['name']} ({w['start']} to {w['end']})" if w["end"] else
                      f"{w['name']} (from {w['start']}{', ongoing' if w['ongoing'] else ''})"] for w in wars], shown
    assert not page.problems, page.problems
