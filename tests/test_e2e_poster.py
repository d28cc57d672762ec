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
