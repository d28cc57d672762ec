"""The map in a real headless Chromium (issue #16 §3, the war timeline of #13): borders by territorial view
and date, the attacked place, zoom, small states, weak duties, busy state and errors, date steps and play,
the war timeline, 375 px, the PNG caption, and an axe-core accessibility check.

Uses the browser, server and page fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright).
Screenshots go to pytest's tmp folder; FOEDUS_DOCS_SCREENSHOT=1 also refreshes docs/img/web-map-375.png.
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

import lzma
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cli_server import serving
from e2e_wait import attr_is, count_is, eventually, text_has, url_has
from test_e2e_web import ATTACKED, ROOT, _ready, browser, page, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e]
ATTACKER = "#67000d"  # web/src/roles.ts COLORS["attack-0"]
FLAGSHIP = "/?attacker=UKR&target=RUS&date=2025-01-15&place=kursk-oblast"
FIXTURE = Path(__file__).parent / "fixtures" / "cshapes_mini.topojson"


def _shot(pg: Any, tmp_path: Path, name: str, docs: bool = False) -> None:
    pg.screenshot(path=str(tmp_path / name))
    if docs and os.environ.get("FOEDUS_DOCS_SCREENSHOT"):  # refresh the pictures in docs/web.md only when asked
        (ROOT / "docs" / "img").mkdir(parents=True, exist_ok=True)
        shutil.copyfile(tmp_path / name, ROOT / "docs" / "img" / name)


def _result(pg: Any, key: str) -> None:
    pg.wait_for_selector(f"body[data-result='{key}']", timeout=30_000)
    pg.wait_for_function("() => !document.body.classList.contains('busy')", timeout=30_000)


def test_contested_place_marker_zoom_duties_and_accessibility(page: Any, server: str, tmp_path: Path) -> None:
    _ready(page, server + FLAGSHIP + "&select=PRK")
    _result(page, "UKR>RUS@2025-01-15")
    crimea = page.locator("path.contested[data-place=crimea]")
    attr_is(crimea, "data-holder", "UKR")
    attr_is(crimea, "fill", ATTACKER)
    count_is(page.locator("g.place-marker[data-place=kursk-oblast]"), 1)

    def zoomed() -> None:
        w = float(page.get_attribute("#map svg", "viewBox").split()[2])
        assert w < 700, "the map zooms to the belligerents"

    eventually(page, zoomed)
    attr_is(page.locator("#map svg").first, "data-borders", "today")
    text_has(page.locator("#borders-note"), "today's borders")

    def badged() -> None:
        assert page.locator("#summary button[data-state=PRK] .duty-badge").count() >= 1

    eventually(page, badged)
    page.wait_for_selector("#explain[data-state=PRK] .history", timeout=30_000)
    _shot(page, tmp_path, "web-map-desktop.png")

    from axe_playwright_python.sync_playwright import Axe

    found = Axe().run(page).response["violations"]
    serious = [f"{v['id']}: {v['help']} {[n['target'] for n in v['nodes']]}" for v in found
               if v["impact"] in ("serious", "critical")]
    assert not serious, serious

    page.click("#more-options summary")
    page.select_option("#territory-view", "claimant")
    page.click("#run")
    page.wait_for_selector("path.contested[data-place=crimea][data-holder=RUS]", timeout=30_000)
    _result(page, "UKR>RUS@2025-01-15")
    attr_is(page.locator("path.contested[data-place=crimea]").first, "fill", ATTACKED)
    url_has(page, "territory_view=claimant")
    assert not page.problems, page.problems
    # a request-gated duty (Russia to Armenia, 1997 art. 2) is hatched and badged, with its legend entry
    _ready(page, server + "/?attacker=AZE&target=ARM&date=2025-06-01")
    _result(page, "AZE>ARM@2025-06-01")

    def hatched() -> None:
        assert "request" in (page.get_attribute("path[data-iso3=RUS]", "data-duty") or "")
        assert page.locator("[data-hatch-of=RUS][data-hatch=request]").count() >= 1

    eventually(page, hatched)
    count_is(page.locator("#summary button[data-state=RUS] .duty-badge[data-duty=request]"), 1)
    count_is(page.locator("#legend li[data-duty=request]"), 1)


def test_small_states_stay_clickable(page: Any, server: str) -> None:
    _ready(page, server + FLAGSHIP)
    _result(page, "UKR>RUS@2025-01-15")
    page.dblclick("#map svg", position={"x": 5, "y": 5})  # back to the whole world
    page.wait_for_function("() => document.querySelector('#map svg').getAttribute('viewBox').startsWith('0.0 0.0 ')")
    for _ in range(30):  # the double click's pointer events settle in a timer: a click just after may be a drag
        page.wait_for_timeout(100)
        page.locator("circle.dot[data-iso3=MLT]").click(force=True)
        if page.locator("#explain[data-state=MLT]").count():
            break
    page.wait_for_selector("#explain[data-state=MLT]", timeout=30_000)
    text_has(page.locator("#explain"), "Malta")


def test_busy_stale_errors_suggestions_and_a_bad_link(page: Any, server: str) -> None:
    _ready(page, server + "/?attacker=XXX&target=RUS&date=2025-01-01&reading=sideways")
    text_has(page.locator("#error"), "XXX", "unknown state", "reading")
    assert page.locator(".chip[data-state=XXX]").count() == 0  # read once the link's error is shown
    count_is(page.locator("#target-chips .chip[data-state=RUS]"), 1)
    page.fill("#target-search", "Rusia")
    page.press("#target-search", "Enter")
    page.wait_for_selector("#error:has-text('Rusia')", timeout=30_000)
    text_has(page.locator("#error"), "did you mean Russia")
    page.fill("#attacker-search", "UKR")
    page.press("#attacker-search", "Enter")
    busy = page.evaluate("""() => { document.getElementById('run').click();
        return [document.getElementById('run').disabled, document.body.classList.contains('busy'),
                document.getElementById('error').hidden]; }""")
    assert busy == [True, True, True], "Run is disabled, the old result dimmed and the stale error cleared"
    _result(page, "UKR>RUS@2025-01-01")
    assert not page.is_disabled("#run") and page.is_hidden("#error")


def test_severity_ongoing_since_in_form_link_and_summary(page: Any, server: str) -> None:
    _ready(page, server + FLAGSHIP + "&ongoing_since=2024-08-06")
    _result(page, "UKR>RUS@2025-01-15")
    assert page.input_value("#ongoing-since") == "2024-08-06"
    text_has(page.locator("#summary"), "ongoing since 2024-08-06", "North Korea (PRK): 2024-12-04")
    url_has(page, "ongoing_since=2024-08-06")
    # an incursion, not an armed attack: Art. 4 of the 2024 treaty needs an armed attack, so North Korea stays out
    _ready(page, server + FLAGSHIP + "&severity=incursion")
    _result(page, "UKR>RUS@2025-01-15")
    assert page.input_value("#severity") == "incursion"
    url_has(page, "severity=incursion")
    text_has(page.locator("#summary"), "incursion")
    assert "North Korea" not in page.inner_text("#summary").split("consult")[0]  # read once the incursion is shown


def test_date_steps_ticks_and_playing_a_range(page: Any, server: str) -> None:
    _ready(page, server + "/?attacker=UKR&target=RUS&date=2020-01-31&place=kursk-oblast")
    _result(page, "UKR>RUS@2020-01-31")
    page.click("button[data-step='1']")
    _result(page, "UKR>RUS@2020-02-29")
    page.click("button[data-step='-12']")
    _result(page, "UKR>RUS@2019-02-28")

    def ticked() -> None:
        assert page.locator("#date-ticks option").count() >= 7

    eventually(page, ticked)
    page.click("#play-panel summary")
    page.fill("#play-from", "2024-07-01")
    page.fill("#play-to", "2024-09-01")
    page.select_option("#play-step", "1")
    page.click("#play")
    _result(page, "UKR>RUS@2024-09-01")
    page.wait_for_selector("#play:text-is('Play')", timeout=30_000)
    assert page.input_value("#date") == "2024-09-01"


def test_war_timeline(page: Any, server: str, tmp_path: Path) -> None:
    _ready(page, server + "/")
    page.select_option("#war-select", "russia_ukraine_2022")
    page.click("#war-load")
    page.wait_for_selector("body[data-war-frame='2022-02-24']", timeout=60_000)
    attr_is(page.locator("path[data-iso3=UKR]"), "data-category", "defense-0")
    index = page.evaluate("""() => { const s = document.getElementById('war-frame');
        for (let i = 0; i <= Number(s.max); i++) { s.value = String(i); s.dispatchEvent(new Event('input'));
          if (document.getElementById('war-date').textContent === '2024-12-04') return i; } return -1; }""")
    assert index > 0
    page.wait_for_selector("body[data-war-frame='2024-12-04']", timeout=30_000)

    def joined() -> None:
        assert page.get_attribute("path[data-iso3=PRK]", "data-category") in ("attack-2", "defense-2")

    eventually(page, joined)
    text_has(page.locator("#war-log li.current"), "rus_prk_2024 enters into force")
    page.click("#war-play")
    page.wait_for_selector("#war-play:text-is('Play')", timeout=60_000)
    _shot(page, tmp_path, "web-map-war.png")
    assert not page.problems, page.problems


def test_375px_fits_and_why_comes_right_after_the_map(browser: Any, server: str, tmp_path: Path) -> None:
    context = browser.new_context(viewport={"width": 375, "height": 800})
    pg = context.new_page()
    try:
        _ready(pg, server + FLAGSHIP + "&select=PRK")
        _result(pg, "UKR>RUS@2025-01-15")
        pg.wait_for_selector("#explain[data-state=PRK]", timeout=30_000)
        assert pg.evaluate("document.scrollingElement.scrollWidth") <= 375
        at = "id => document.querySelector(id).getBoundingClientRect().top + scrollY"
        top, why, summary = (pg.evaluate(at, sel) for sel in (".map-panel", "#explain", ".summary-panel"))
        assert top < why < summary
        assert pg.is_visible("a.jump[href='#explain']")
        pg.evaluate("document.querySelector('.map-panel').scrollIntoView()")
        _shot(pg, tmp_path, "web-map-375.png", docs=True)
    finally:
        context.close()


def test_png_caption(page: Any, server: str) -> None:
    """The PNG's caption names the scenario, the page's title and the PNG's too, as the summary's first line does
    (`foedus cascade`'s header): they said "Ukraine (UKR) attacks Russia (RUS) at Kursk Oblast, 2025-01-15 (legal
    reading)", the web's own words, and the page's title never changed ("foedus — treaty cascades on a map")."""
    import httpx2

    version = httpx2.get(f"{server}/api/health").json()["version"]
    _ready(page, server + FLAGSHIP)
    _result(page, "UKR>RUS@2025-01-15")
    head = "2025-01-15 Ukraine (UKR) → Russia (RUS) at Kursk Oblast (territory, legal)"
    assert page.inner_text("#summary p.head").startswith(f"{head}; ")
    assert page.title() == f"{head} — foedus"
    with page.expect_download() as got:
        page.click("#export-png")
    assert Path(got.value.path()).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    def captioned() -> None:
        caption = page.get_attribute("#export-png", "data-caption") or ""
        assert f"Scenario: {head}" in caption.splitlines()
        assert page.get_attribute("#export-png", "data-title") == head  # the PNG's title, drawn above the map
        assert "Date 2025-01-15; legal reading" in caption
        assert f"foedus {version}" in caption and "data: " in caption and "borders" in caption

    eventually(page, captioned)


@pytest.fixture(scope="module")
def history_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`foedus serve` with a data folder holding the shared datasets and the hand-made CShapes fixture."""
    data = tmp_path_factory.mktemp("data")
    shared = Path(os.environ["FOEDUS_DATA_DIR"])
    for sub in shared.iterdir():
        if sub.is_dir():
            (data / sub.name).symlink_to(sub)
    (data / "cshapes").mkdir()
    (data / "cshapes" / "cshapes_2_cow.topojson.xz").write_bytes(lzma.compress(FIXTURE.read_bytes()))
    from unittest import mock

    from test_web_map import accept_as_other_version

    with mock.patch.dict(os.environ, {"FOEDUS_DATA_DIR": str(data)}):
        accept_as_other_version(data / "cshapes" / "cshapes_2_cow.topojson.xz")
    with serving({**os.environ, "FOEDUS_DATA_DIR": str(data)}) as base:
        yield base


def test_historical_borders_from_the_fixture(page: Any, history_server: str) -> None:
    _ready(page, history_server + "/?attacker=COW300&target=SRB&date=1914-07-28")
    _result(page, "COW300>SRB@1914-07-28")
    attr_is(page.locator("#map svg").first, "data-borders", "historical")
    attr_is(page.locator("path[data-iso3=COW300]"), "data-category", "attack-0")
    text_has(page.locator("#borders-note"), "CShapes 2.0")
    assert page.locator("path[data-iso3=UKR]").count() == 0  # no Ukraine in 1914's borders (read once they are drawn)
    _ready(page, history_server + "/?attacker=RUS&target=UKR&date=1995-01-01")
    _result(page, "RUS>UKR@1995-01-01")
    attr_is(page.locator("#map svg").first, "data-borders", "historical")
    attr_is(page.locator("path[data-iso3=UKR]"), "data-category", "defense-0")
    page.fill("#date", "2024-01-01")
    page.dispatch_event("#date", "change")
    page.wait_for_selector("#map svg[data-borders=today]", timeout=30_000)
    text_has(page.locator("#borders-note"), "today's borders")
