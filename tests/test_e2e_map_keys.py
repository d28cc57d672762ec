"""The form's date names the states on the map's tooltips and in the pickers' chips (the Soviet Union in 1979, as
`/api/states?date=` does); leaving a search box answers as Enter does; the map is one tab stop that arrow keys,
letters and Enter work.

Uses the browser, server and page fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

from typing import Any

import pytest

from e2e_wait import attr_is, count_is, eventually, text_has, text_starts
from test_e2e_web import _ready, browser, page, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e]
_FOCUSED = """() => document.activeElement.closest('svg.world')
    ? document.activeElement.getAttribute('aria-label') : null"""
# RUS's attacker chip: named again when the date's names come from the server, which may be after the tooltips are
_RUS_CHIP = "#attacker-chips .chip[data-state=RUS]"
_TITLE = "(id) => document.querySelector(`#map path[data-iso3=${id}] title`).textContent"


def _set_date(page: Any, date: str) -> None:
    """Put `date` in the form as a person does."""
    page.fill("#date", date)
    page.dispatch_event("#date", "change")


def _titled(page: Any, id_: str, title: str) -> None:
    """Wait until the map's tooltip of `id_` says `title` (the date's names come from the server)."""
    page.wait_for_function(f"() => ({_TITLE})({id_!r}) === {title!r}", timeout=30_000)


def test_tooltips_and_chips_name_states_as_on_the_forms_date(page: Any, server: str) -> None:
    """On 1979-06-01 RUS is the Soviet Union and COD Zaire, in the map's tooltips and the chips; back on a date of
    today's names, Russia again. The page named them by today's list whatever the date."""
    _ready(page, server + "/")
    _set_date(page, "1979-06-01")
    _titled(page, "RUS", "Soviet Union (RUS)")
    _titled(page, "COD", "Zaire (COD)")
    page.fill("#attacker-search", "RUS")
    page.press("#attacker-search", "Enter")
    text_starts(page.locator(_RUS_CHIP), "Soviet Union (RUS)")
    _set_date(page, "2025-06-01")
    _titled(page, "RUS", "Russia (RUS)")
    text_starts(page.locator(_RUS_CHIP), "Russia (RUS)")
    _ready(page, f"{server}/?attacker=RUS&target=AFG&date=1979-12-24")  # a shared link's date too
    page.wait_for_selector("body[data-result='RUS>AFG@1979-12-24']", timeout=30_000)
    _titled(page, "RUS", "Soviet Union (RUS)")
    text_starts(page.locator(_RUS_CHIP), "Soviet Union (RUS)")
    assert not page.problems, page.problems


def test_leaving_a_search_box_answers_as_enter_does(page: Any, server: str) -> None:
    """Tab out of a search box holding a name the form does not know locally: the server reads it ("USSR", an alias
    of the server's, is RUS), a name two states carried is asked, an unknown one is refused, saying nothing was added.
    Leaving the box added nothing and said nothing."""
    _ready(page, server + "/")
    _set_date(page, "1979-06-01")
    page.fill("#attacker-search", "USSR")
    page.press("#attacker-search", "Tab")
    page.wait_for_selector("#attacker-chips .chip[data-state=RUS]", timeout=30_000)
    assert page.input_value("#attacker-search") == ""
    page.fill("#target-search", "Korea")
    page.press("#target-search", "Tab")
    page.wait_for_selector("#target-picker .choices button.choice[data-state=KOR]", timeout=30_000)
    assert page.locator("#target-chips .chip").count() == 0
    page.fill("#target-search", "Atlantis")
    page.press("#target-search", "Tab")
    page.wait_for_selector("#error:has-text('Atlantis')", timeout=30_000)
    text_starts(page.locator("#error"), 'no state matches "Atlantis"')

    def ended() -> None:
        said = page.inner_text("#error")
        assert said.endswith("nothing was added as target"), said

    eventually(page, ended)
    assert not [p for p in page.problems if "422" not in p], page.problems  # the refusals are 422s


def test_the_map_is_one_tab_stop_worked_by_keys(page: Any, server: str) -> None:
    """Tab reaches the map once (one shape in the tab order, not ~200), a letter jumps by the date's name, an arrow
    moves to a neighbour, the focused state is outlined and named, and Enter picks it as a click does."""
    _ready(page, server + "/")
    _set_date(page, "1979-06-01")
    page.click("#attacker-picker button.pick")
    for _ in range(120):
        page.keyboard.press("Tab")
        if page.evaluate(_FOCUSED):
            break
    assert page.evaluate(_FOCUSED), "Tab never reached the map"
    count_is(page.locator("#map svg [tabindex]"), 1)
    attr_is(page.locator("#map svg").first, "aria-describedby", "map-keys-help")
    text_has(page.locator("#map-keys-help"), "arrow keys")
    _titled(page, "RUS", "Soviet Union (RUS)")
    for _ in range(40):
        page.keyboard.press("s")
        if page.evaluate(_FOCUSED) == "Soviet Union (RUS)":
            break
    assert page.evaluate(_FOCUSED) == "Soviet Union (RUS)"
    stroke = page.evaluate("() => getComputedStyle(document.activeElement).stroke")
    assert stroke == "rgb(217, 72, 15)", stroke  # style.css: the focus outline, not the map's white edges
    page.keyboard.press("Enter")
    page.wait_for_selector("#attacker-chips .chip[data-state=RUS]", timeout=30_000)
    assert page.evaluate(_FOCUSED) == "Soviet Union (RUS)", "the focus stays on the map after picking"
    page.keyboard.press("ArrowLeft")
    moved = page.evaluate(_FOCUSED)
    assert moved and moved != "Soviet Union (RUS)"
    count_is(page.locator("#map svg [tabindex]"), 1)
    page.keyboard.press("Home")
    assert page.evaluate(_FOCUSED) == "Afghanistan (AFG)"
    page.keyboard.press("End")
    assert page.evaluate(_FOCUSED) == "Zimbabwe (ZWE)"
    page.keyboard.press("Tab")
    assert page.evaluate(_FOCUSED) is None, "one Tab leaves the map"
    assert not page.problems, page.problems


def test_the_map_keeps_one_tab_stop_and_the_focus_on_screen(page: Any, server: str) -> None:
    """A run hatches Russia's request-gated duty to Armenia with copies of its shape: the tab stop stays on Russia,
    the only shape in the tab order. Focus on a country off the zoomed map (Brazil) shows the whole world."""
    _ready(page, f"{server}/?attacker=AZE&target=ARM&date=2025-06-01")
    page.wait_for_selector("body[data-result='AZE>ARM@2025-06-01']", timeout=30_000)
    page.focus("#map svg [tabindex='0']")
    for _ in range(40):
        page.keyboard.press("r")
        if page.evaluate(_FOCUSED) == "Russia (RUS)":
            break
    assert page.evaluate(_FOCUSED) == "Russia (RUS)"
    page.click("#run")
    page.wait_for_function("() => !document.body.classList.contains('busy')", timeout=30_000)

    def drawn() -> None:
        assert page.locator("[data-hatch-of=RUS][data-hatch=request]").count() >= 1
        stops = page.eval_on_selector_all("#map svg [tabindex]", "els => els.map((e) => e.getAttribute('aria-label'))")
        assert stops == ["Russia (RUS)"], stops
        assert float(page.get_attribute("#map svg", "viewBox").split()[2]) < 700  # zoomed to the Caucasus

    eventually(page, drawn)
    page.focus("#map svg [tabindex='0']")
    for _ in range(40):  # a country off screen: the whole world is shown again
        page.keyboard.press("b")
        if page.evaluate(_FOCUSED) == "Brazil (BRA)":
            break
    assert page.evaluate(_FOCUSED) == "Brazil (BRA)"

    def whole() -> None:
        assert page.get_attribute("#map svg", "viewBox").split()[2] == "960.0"

    eventually(page, whole)
    assert not page.problems, page.problems


def test_a_contested_place_is_a_stop_named_as_its_tooltip(page: Any, server: str) -> None:
    """Crimea's shape was out of the keyboard's reach (only its holders were stops): a letter reaches it, it is named
    as its tooltip says (its name, the state it is drawn as, who claims it), and Enter picks the state it is drawn as,
    as a click does: Ukraine in the recognized view, Russia in the claimant view."""
    _ready(page, server + "/")
    _set_date(page, "2025-06-01")
    page.click("#attacker-picker button.pick")
    page.focus("#map svg [tabindex='0']")
    for _ in range(60):
        page.keyboard.press("c")
        if (page.evaluate(_FOCUSED) or "").startswith("Crimea"):
            break
    tooltip = "() => document.querySelector('#map path.contested[data-place=crimea] > title').textContent"
    said = page.evaluate(_FOCUSED)
    assert said == page.evaluate(tooltip) and "claimed by Russia (RUS)" in said and "recognized view" in said, said
    count_is(page.locator("#map svg [tabindex]"), 1)
    page.keyboard.press("Enter")
    page.wait_for_selector("#attacker-chips .chip[data-state=UKR]", timeout=30_000)
    assert page.evaluate(_FOCUSED) == said, "the focus stays on the place after picking"
    page.click("#more-options summary")
    page.select_option("#territory-view", "claimant")  # the place is drawn anew, as Russia's: the stop stays on it
    page.click("#target-picker button.pick")
    page.focus("#map svg [tabindex='0']")
    said = page.evaluate(_FOCUSED)
    assert said == page.evaluate(tooltip) and said.startswith("Crimea: drawn as Russia (RUS)'s (claimant view"), said
    page.keyboard.press(" ")
    page.wait_for_selector("#target-chips .chip[data-state=RUS]", timeout=30_000)
    assert not page.problems, page.problems


def test_enter_again_on_the_same_text_reads_it_on_the_new_date(page: Any, server: str) -> None:
    """"Korea" on 1979-06-01 is asked (North or South); after the date moved to 1900-01-01, Enter on the same text,
    untouched, did nothing until the text was edited: it is read on the new date (the kingdom, COW730), as a fresh
    Enter is. Leaving the box after that Enter adds nothing more."""
    _ready(page, server + "/")
    _set_date(page, "1979-06-01")
    page.fill("#attacker-search", "Korea")
    page.press("#attacker-search", "Enter")
    page.wait_for_selector("#attacker-picker .choices button.choice[data-state=KOR]", timeout=30_000)
    assert page.locator("#attacker-chips .chip").count() == 0
    _set_date(page, "1900-01-01")
    page.press("#attacker-search", "Enter")
    page.wait_for_selector("#attacker-chips .chip[data-state=COW730]", timeout=30_000)
    assert page.input_value("#attacker-search") == ""
    page.press("#attacker-search", "Tab")
    assert page.locator("#attacker-chips .chip").count() == 1
    assert not [p for p in page.problems if "422" not in p], page.problems  # asking which Korea is a 422


def test_a_contested_places_focus_ring_is_solid(page: Any, server: str) -> None:
    """A contested place's edge is dashed (map.ts), and its keyboard focus ring came out dashed with it, broken up and
    hard to see on the small shape: it is solid and orange, as on every other stop."""
    _ready(page, server + "/")
    _set_date(page, "2025-06-01")
    page.focus("#map svg [tabindex='0']")
    for _ in range(60):
        page.keyboard.press("c")
        if (page.evaluate(_FOCUSED) or "").startswith("Crimea"):
            break
    assert page.evaluate("() => document.activeElement.dataset.place") == "crimea"
    ring = page.evaluate("""() => { const s = getComputedStyle(document.activeElement);
        return [s.stroke, s.strokeDasharray, s.strokeWidth]; }""")
    assert ring == ["rgb(217, 72, 15)", "none", "3px"], ring
    assert not page.problems, page.problems


def test_letters_typed_quickly_spell_a_name(page: Any, server: str) -> None:
    """Type-ahead: "est" typed on the map reaches Estonia. Each letter jumped on its own, so "e" stopped on East
    Jerusalem (a contested place, first by name among the E's), "s" on the next S and "t" on the next T after it;
    one letter pressed again and again still steps through the names it starts."""
    _ready(page, f"{server}/?attacker=RUS&target=EST&date=2025-06-01")
    page.wait_for_selector("body[data-result='RUS>EST@2025-06-01']", timeout=60_000)
    page.focus("#map svg [tabindex='0']")
    page.keyboard.press("Home")  # Abkhazia, a contested place drawn with a result
    page.keyboard.type("est")
    assert page.evaluate(_FOCUSED) == "Estonia (EST)"
    page.keyboard.press("Home")
    page.wait_for_timeout(800)  # a new word
    page.keyboard.type("swe")
    assert page.evaluate(_FOCUSED) == "Sweden (SWE)"
    page.wait_for_timeout(800)
    page.keyboard.press("e")
    first = page.evaluate(_FOCUSED)
    page.keyboard.press("e")
    second = page.evaluate(_FOCUSED)
    assert first and second and first != second and second.startswith("E"), (first, second)
    assert not page.problems, page.problems
