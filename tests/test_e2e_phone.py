"""The page on a phone, 390 px wide, in a real headless Chromium: the map's keyboard help (five lines there) is of
no use without a keyboard and showed all the same; the war picker cut its wars' long names (a select shows one line:
"The July crisis, 1914 (Austria-Hungary's ..." in some 280 px), and the page wrote them nowhere else.

Uses the browser and server fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from e2e_wait import eventually, text_is
from test_e2e_web import _ready, browser, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e]
WIDTH = 390


@pytest.fixture(params=["touch", "narrow"])
def phone(request: Any, browser: Any, server: str) -> Iterator[Any]:
    """A page 390 px wide: a phone's (a coarse pointer, touch) or a narrow window's (a mouse)."""
    touch = request.param == "touch"
    context = browser.new_context(viewport={"width": WIDTH, "height": 844}, is_mobile=touch, has_touch=touch)
    pg = context.new_page()
    _ready(pg, server + "/")
    yield pg
    context.close()


def test_the_maps_keyboard_help_is_hidden_on_a_phone(phone: Any) -> None:
    help_ = phone.locator("#map-keys-help")
    help_.wait_for(state="attached")
    assert help_.is_hidden()
    assert phone.get_attribute("#map svg", "aria-describedby") == "map-keys-help"  # still said to a screen reader
    if not phone.evaluate("matchMedia('(pointer: coarse)').matches"):  # a mouse's window, widened: the help is back
        phone.set_viewport_size({"width": 1500, "height": 1000})
        help_.wait_for(state="visible")


def test_each_wars_name_shows_in_full_on_a_phone(phone: Any) -> None:
    options = phone.locator("#war-select option")
    options.first.wait_for(state="attached")
    wars = options.evaluate_all("os => os.map((o) => [o.value, o.text])")
    assert len(wars) > 1, wars
    for value, text in wars:
        phone.select_option("#war-select", value)
        chosen = phone.locator("#war-chosen")
        text_is(chosen, text)
        box = chosen.bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= WIDTH, (value, box)
        assert chosen.evaluate("e => e.scrollWidth <= e.clientWidth"), value  # wrapped, not cut
    assert phone.evaluate("document.scrollingElement.scrollWidth") <= WIDTH


@pytest.mark.needs_data
def test_the_full_name_follows_the_war_picked_for_the_shown_result(phone: Any, server: str) -> None:
    """The picker defaults to the shown result's war (warpick.ts, not the reader's choice): the line follows it."""
    phone.goto(server + "/?attacker=UKR&target=RUS&date=2025-01-15&place=kursk-oblast")
    eventually(phone, lambda: _is(phone.input_value("#war-select"), "russia_ukraine_2022"))
    text_is(phone.locator("#war-chosen"), phone.locator("#war-select option:checked").inner_text())


def _is(got: str, want: str) -> None:
    assert got == want, got
