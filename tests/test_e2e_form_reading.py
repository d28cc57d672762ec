"""The form as read and heard, in a real headless Chromium: its dates are typed and shown YYYY-MM-DD (the browser's
date input showed mm/dd/yyyy beside a page that says every date YYYY-MM-DD), Compare's other date starts a year
before the scenario's (it started empty), the search boxes' hint fits their column (it was cut off), a phone reaches
the result without scrolling back past the form, and a summary button is heard by its state's full name (it was
heard as its code and badges, "BLR R ?").

Uses the browser, server and page fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

from typing import Any

import pytest

from e2e_wait import attr_is, text_is, text_starts, url_has
from test_e2e_web import _ready, browser, page, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e]
DATES = ("#date", "#play-from", "#play-to", "#ongoing-since", "#other-date")
FLAGSHIP = "attacker=UKR&target=RUS&date=2025-01-15&place=kursk-oblast"


def _result(page: Any, key: str) -> None:
    page.wait_for_selector(f"body[data-result='{key}']", timeout=60_000)
    page.wait_for_function("() => !document.body.classList.contains('busy')", timeout=60_000)


def test_every_date_is_typed_and_shown_yyyy_mm_dd(page: Any, server: str) -> None:
    _ready(page, f"{server}/?attacker=RUS&target=EST&date=2025-06-01")
    _result(page, "RUS>EST@2025-06-01")
    for field in DATES:  # a text field, not the browser's date input and its locale's mm/dd/yyyy
        assert page.get_attribute(field, "type") == "text", field
        assert page.get_attribute(field, "placeholder") == "YYYY-MM-DD", field
    assert page.input_value("#date") == "2025-06-01"
    page.click("button[data-step='-1']")  # a step shows its date as typed
    _result(page, "RUS>EST@2025-05-01")
    assert page.input_value("#date") == "2025-05-01"
    page.fill("#date", "2024-02-29")  # a whole date typed runs at once, as an edit of the date input did
    _result(page, "RUS>EST@2024-02-29")
    for typed in ("2025-02-30", "2025-6-1", "06/01/2025", ""):  # not a date written YYYY-MM-DD: refused, not run
        page.fill("#date", typed)
        page.press("#date", "Enter")
        said = (f'date "{typed}" is not a date written YYYY-MM-DD, such as 2025-06-01' if typed
                else "date is empty: write a date YYYY-MM-DD, such as 2025-06-01")
        text_is(page.locator("#error"), f"{said}: nothing was run.")
        attr_is(page.locator("#date"), "aria-invalid", "true")
        assert page.get_attribute("body", "data-result") == "RUS>EST@2024-02-29"
    page.click("#more-options summary")
    page.fill("#ongoing-since", "2024-13-01")
    page.press("#ongoing-since", "Tab")
    text_is(page.locator("#error"), 'ongoing-since date "2024-13-01" is not a date written YYYY-MM-DD, such as '
            "2025-06-01: nothing was run.")
    page.fill("#ongoing-since", "")
    page.fill("#date", "2024-03-01")  # a date the form takes takes the refusal away
    _result(page, "RUS>EST@2024-03-01")
    assert page.locator("#error").is_hidden()
    assert page.get_attribute("#date", "aria-invalid") is None
    assert not page.problems, page.problems


def test_compares_other_date_starts_a_year_before_the_scenarios(page: Any, server: str) -> None:
    """A year before the date, following the date until one is typed; a link keeps it only once compared."""
    _ready(page, f"{server}/?attacker=RUS&target=FIN&date=2023-04-04")
    _result(page, "RUS>FIN@2023-04-04")
    assert page.input_value("#other-date") == "2022-04-04"
    page.click("button[data-step='1']")
    _result(page, "RUS>FIN@2023-05-04")
    assert page.input_value("#other-date") == "2022-05-04"
    assert "other_date" not in page.url
    page.click("#compare")
    text_starts(page.locator("#comparison p").first, "base: 2023-05-04; other: 2022-05-04: war size")
    url_has(page, "other_date=2022-05-04")
    # a link with what-if changes and no other date compares them on its own date, the field empty, as before
    _ready(page, f"{server}/?attacker=RUS&target=FIN&date=2023-03-01&drop_treaty=eu_teu_42_7")
    page.wait_for_selector("#comparison li", timeout=60_000)
    assert page.input_value("#other-date") == ""
    text_starts(page.locator("#comparison p").first,
                "base: 2023-03-01 as encoded; other: the same day with drop_treaty eu_teu_42_7")
    assert not page.problems, page.problems


@pytest.mark.parametrize("width", [1500, 1101, 390])  # the desktop's column at its narrowest, and a phone
def test_the_search_boxes_hint_fits_its_field(browser: Any, server: str, width: int) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    _ready(page, f"{server}/")
    for field in ("#attacker-search", "#target-search"):
        room, needed = page.eval_on_selector(field, """el => {
          const s = getComputedStyle(el);
          const ctx = document.createElement('canvas').getContext('2d');
          ctx.font = s.font;
          return [el.clientWidth - parseFloat(s.paddingLeft) - parseFloat(s.paddingRight),
                  ctx.measureText(el.placeholder).width];
        }""")
        assert needed <= room, (field, needed, room)
    context.close()


def test_a_phone_reaches_the_result_without_scrolling_past_the_form(browser: Any, server: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    pg = context.new_page()
    try:
        _ready(pg, f"{server}/?{FLAGSHIP}")
        _result(pg, "UKR>RUS@2025-01-15")
        top = "sel => document.querySelector(sel).getBoundingClientRect().top"
        link = "a.jump[href='#summary-panel']"  # a link above the form, to the summary
        assert pg.is_visible(link)
        assert pg.evaluate(top, link) < pg.evaluate(top, "#scenario")
        pg.click(link)
        pg.wait_for_function(f"() => Math.abs(({top})('#summary-panel')) < 2", timeout=10_000)
        pg.click("button[data-step='-1']")  # then Run, at the form's foot: the map comes into view with the result
        _result(pg, "UKR>RUS@2024-12-15")
        pg.click("#run")
        pg.wait_for_function(f"() => Math.abs(({top})('#map-panel')) < 2", timeout=60_000)
        assert pg.evaluate(top, "#summary-panel") > pg.evaluate(top, "#map-panel")
    finally:
        context.close()


def test_a_summary_button_is_heard_by_its_states_full_name(page: Any, server: str) -> None:
    from playwright.sync_api import expect

    _ready(page, f"{server}/?{FLAGSHIP}")
    _result(page, "UKR>RUS@2025-01-15")
    buttons = page.locator("#summary button.state")
    assert buttons.count() > 2
    badged = page.locator("#summary button.state:has(.duty-badge)")
    assert badged.count() > 0  # a button shown as its code and badges, such as "BLR R ?"
    for b in [*buttons.all()[:3], badged.first]:
        title = b.get_attribute("title") or ""
        assert f"({b.get_attribute('data-state')})" in title, title  # the full name, the code after it
        expect(b).to_have_accessible_name(f"{title}. Show why")
    expect(page.locator("#summary button.state[data-state=RUS]").first).to_have_accessible_name(
        "Russia (RUS). Show why")
