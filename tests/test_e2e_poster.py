"""The exported PNG's picture in a real headless Chromium: every line of its title and caption fits its width.

Uses the browser, server and page fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

import json
import re
from typing import Any

import pytest

from test_e2e_web import _ready, browser, page, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e]
NO_BORDERS = ("The map shows today's borders (Natural Earth), not those of 1939-09-01: fetch historical borders with "
              "`foedus data fetch cshapes` (CShapes 2.0, 1886–2019).")  # the server's words without CShapes


def test_the_pictures_title_and_caption_wrap_to_its_width(page: Any, server: str) -> None:
    """The picture's SVG text does not wrap: the caption's provenance line (versions, then the borders' note) and a
    title naming several states ran past the edge and were cut off in the PNG. Each line is measured as drawn."""
    page.route("**/api/borders?*", lambda route: route.fulfill(json={
        "date": "1939-09-01", "historical": False, "source": None, "topology": None, "note": NO_BORDERS}))
    _ready(page, f"{server}/?attacker=DEU,HUN,ROU,BGR,ITA&target=POL,GBR,FRA&date=1939-09-01")
    page.wait_for_selector("body[data-result='DEU,HUN,ROU,BGR,ITA>POL,GBR,FRA@1939-09-01']", timeout=30_000)
    page.evaluate("""() => { const made = URL.createObjectURL; window.posters = [];
        URL.createObjectURL = (b) => { if (b.type === 'image/svg+xml') window.posters.push(b); return made(b); }; }""")
    with page.expect_download():
        page.click("#export-png")
    poster = page.evaluate("async () => await window.posters[0].text()")
    widths = page.evaluate("""(text) => { const box = document.createElement('div'); box.innerHTML = text;
        document.body.append(box); const svg = box.querySelector('svg');
        const out = [...svg.children].filter((e) => e.tagName === 'text').map((t) =>
          [t.textContent, Number(t.getAttribute('x')) + t.getComputedTextLength()]);
        box.remove(); return [Number(svg.getAttribute('width')), out]; }""", poster)
    width, lines = widths
    assert all(right <= width for _, right in lines), [(t, right) for t, right in lines if right > width]
    shown = " ".join(t for t, _ in lines)
    caption = page.get_attribute("#export-png", "data-caption") or ""
    for words in [*caption.split("\n"), NO_BORDERS]:  # every word of the caption, in order, nothing cut
        assert re.sub(r"\s+", " ", words) in shown, (words, json.dumps(shown)[:400])
    assert not page.problems, page.problems


def _poster(page: Any) -> str:
    """The exported picture's SVG document, caught as the page makes it (before it is drawn onto the PNG)."""
    page.evaluate("""() => { const made = URL.createObjectURL; window.posters = [];
        URL.createObjectURL = (b) => { if (b.type === 'image/svg+xml') window.posters.push(b); return made(b); }; }""")
    with page.expect_download():
        page.click("#export-png")
    poster: str = page.evaluate("async () => await window.posters[0].text()")
    return poster


def test_a_what_if_runs_picture_says_it_is_hypothetical(page: Any, server: str) -> None:
    """The PNG of a what-if run carried no mark of it, so a picture of an invented world read as the treaties as
    encoded: its caption now opens with the run's what-if note (`foedus.whatif_words.what_if_world`: the changes, and
    that what rests on them is hypothetical), drawn in red; a run on the treaties as encoded has none."""
    from foedus.whatif_words import what_if_world

    query = "attacker=UKR&target=RUS&date=2025-01-15&place=kursk-oblast"
    _ready(page, f"{server}/?{query}&add_member=rus_prk_2024:IRN")
    page.wait_for_selector("body[data-result='UKR>RUS@2025-01-15']", timeout=30_000)
    note = what_if_world(["add_member rus_prk_2024:IRN"])
    poster = _poster(page)
    drawn = page.evaluate("""(text) => { const box = document.createElement('div'); box.innerHTML = text;
        const out = [...box.querySelectorAll('svg > text')].map((t) => [t.textContent, t.getAttribute('fill')]);
        return out; }""", poster)
    red = " ".join(t for t, fill in drawn if fill == "#b00020")
    assert red == note, (red, note)
    assert (page.get_attribute("#export-png", "data-caption") or "").split("\n")[0] == note
    _ready(page, f"{server}/?{query}")
    page.wait_for_selector("body[data-result='UKR>RUS@2025-01-15']", timeout=30_000)
    assert "what-if" not in _poster(page) and "hypothetical" not in (
        page.get_attribute("#export-png", "data-caption") or "")
    assert not page.problems, page.problems


def test_a_what_if_pictures_note_is_made_from_the_results_record(page: Any, server: str) -> None:
    """The caption's what-if note was found by matching the words of the result's notes: a result whose notes lack
    it (the server's words changed, or a note list cut) drew a picture of an invented world with no mark of it. The
    note is now made from the result's `what_if` (whatifwords.ts `whatIfWorld`), as the server makes it: here the
    server's answer is given without the note, and the caption still opens with it, in red."""
    from foedus.whatif_words import what_if_world

    note = what_if_world(["add_member rus_prk_2024:IRN"])

    def without_note(route: Any) -> None:
        body = route.fetch().json()
        body["notes"] = [n for n in body["notes"] if n != note]
        route.fulfill(json=body)

    page.route("**/api/cascade?*", without_note)
    _ready(page, f"{server}/?attacker=UKR&target=RUS&date=2025-01-15&place=kursk-oblast&add_member=rus_prk_2024:IRN")
    page.wait_for_selector("body[data-result='UKR>RUS@2025-01-15']", timeout=30_000)
    poster = _poster(page)
    red = page.evaluate("""(text) => { const box = document.createElement('div'); box.innerHTML = text;
        return [...box.querySelectorAll('svg > text')].filter((t) => t.getAttribute('fill') === '#b00020')
          .map((t) => t.textContent).join(' '); }""", poster)
    assert red == note, (red, note)
    assert (page.get_attribute("#export-png", "data-caption") or "").split("\n")[0] == note
    assert not page.problems, page.problems
