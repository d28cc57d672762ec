"""End to end in a real headless Chromium: `foedus serve` in a subprocess, the page driven like a person would.

Uses Debian's /usr/bin/chromium through Playwright (no browser download). Without Chromium or Playwright
these tests skip locally and fail in CI (CI=true), where `.ci/run` installs Chromium first.
Screenshots go to pytest's tmp folder; FOEDUS_DOCS_SCREENSHOT=1 also refreshes docs/img/web-flagship.png.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cli_server import serving
from e2e_wait import attr_is, count_is, eventually, text_has, text_is, text_starts, url_has
from foedus.cli.likely_show import side_said

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
DEFENSE_ROUND_1 = "#2171b5"  # web/src/roles.ts COLORS["defense-1"]
ATTACKED = "#08306b"  # COLORS["defense-0"]
NOT_DRAWN_IN = "#e4e4e4"  # COLORS.none: also the likelihood map's "not rated"
ROOT = Path(__file__).resolve().parents[1]

pytestmark = [pytest.mark.e2e]


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI must have it: .ci/run installs chromium)")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is missing (apt-get install -y chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _unavailable("playwright (Python) is not installed (pip install -e '.[test]')")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """`foedus serve` on a free loopback port (`--port 0`, read from the line it prints); its base URL."""
    with serving(os.environ.copy()) as base:
        yield base


@pytest.fixture()
def page(browser: Any, server: str) -> Iterator[Any]:
    context = browser.new_context(viewport={"width": 1500, "height": 1000}, accept_downloads=True)
    pg = context.new_page()
    problems: list[str] = []
    pg.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
    pg.on("pageerror", lambda e: problems.append(str(e)))
    pg.problems = problems
    yield pg
    context.close()


def _ready(page: Any, url: str) -> None:
    page.goto(url)
    page.wait_for_selector("body[data-ready=true]", timeout=30_000)


def test_flagship_picked_through_the_ui(page: Any, server: str, tmp_path: Path) -> None:
    _ready(page, server + "/")
    page.fill("#attacker-search", "UKR")
    page.press("#attacker-search", "Enter")
    page.fill("#target-search", "Russia")
    page.press("#target-search", "Enter")
    count_is(page.locator("#attacker-chips .chip[data-state=UKR]"), 1)
    count_is(page.locator("#target-chips .chip[data-state=RUS]"), 1)
    page.select_option("#place", "kursk-oblast")
    page.fill("#date", "2025-01-15")
    page.click("#run")
    page.wait_for_selector("body[data-result='UKR>RUS@2025-01-15']", timeout=30_000)

    prk = page.locator("path[data-iso3=PRK]")
    attr_is(prk, "data-side", "defense")
    attr_is(prk, "fill", DEFENSE_ROUND_1)
    attr_is(page.locator("path[data-iso3=RUS]").first, "fill", ATTACKED)
    attr_is(page.locator("path[data-iso3=UKR]"), "data-side", "attack")
    count_is(page.locator("#legend li[data-category=defense-1]"), 1)

    prk.click()
    page.wait_for_selector("#explain[data-state=PRK] .history", timeout=30_000)
    text = page.inner_text("#explain")
    assert "rus_prk_2024" in text and "art. 4" in text
    assert "S1: a duty to help at once, by every means" in text and "state of war" in text
    assert "Ukraine (UKR) attacked Russia (RUS)" in text
    assert "Invocation history" in text

    url_has(page, "select=PRK", "place=kursk-oblast")
    page.screenshot(path=str(tmp_path / "web-flagship.png"), full_page=True)
    if os.environ.get("FOEDUS_DOCS_SCREENSHOT"):  # refresh the picture in docs/web.md only when asked
        docs_img = ROOT / "docs" / "img"
        docs_img.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(tmp_path / "web-flagship.png", docs_img / "web-flagship.png")
    assert not [p for p in page.problems if "Content Security Policy" in p or "Refused" in p], page.problems


def test_the_panel_words_each_strength_as_the_vocab(page: Any, server: str) -> None:
    """The words beside a strength come from foedus.model.vocab.STRENGTH_WORDS (through web/src/contract.ts)."""
    from foedus.model.vocab import STRENGTH_WORDS

    _ready(page, f"{server}/?attacker=RUS&target=EST&date=2025-06-01&select=DEU")
    page.wait_for_selector("#explain[data-state=DEU] .obligation", timeout=30_000)
    shown = page.locator("#explain .obligation dd").all_inner_texts()
    tagged = [d.split(": ", 1) for d in shown if re.fullmatch(r"S\d: .*", d)]
    assert tagged and all(words == STRENGTH_WORDS[s] for s, words in tagged), tagged
    assert not page.problems, page.problems


def test_shared_link_restores_the_scenario(page: Any, server: str, tmp_path: Path) -> None:
    _ready(page, server + "/?attacker=RUS&target=EST&date=2025-06-01&reading=escalatory&select=USA")
    page.wait_for_selector("body[data-result='RUS>EST@2025-06-01']", timeout=30_000)
    assert page.is_checked("input[name=reading][value=escalatory]")
    assert page.input_value("#date") == "2025-06-01"
    attr_is(page.locator("path[data-iso3=EST]"), "fill", ATTACKED)
    attr_is(page.locator("path[data-iso3=KAZ]"), "data-side", "attack")
    page.wait_for_selector("#explain[data-state=USA]", timeout=30_000)
    text_has(page.locator("#explain"), "nato_1949")

    def drawn() -> None:
        assert page.locator("#network g.node").count() >= 10

    eventually(page, drawn)
    page.screenshot(path=str(tmp_path / "web-escalatory.png"), full_page=True)


def test_the_panel_says_a_strike_the_escalatory_reading_assumes_is_assumed(page: Any, server: str) -> None:
    """China joins North Korea in round 2 because the escalatory reading has Ukraine strike North Korea (which joined
    Russia): the panel said "Ukraine (UKR) attacked North Korea (PRK)", as if it had happened (foedus.render._because
    words it as the CLI does)."""
    _ready(page, server + "/?attacker=UKR&target=RUS&date=2025-01-15&place=kursk-oblast&reading=escalatory&select=CHN")
    page.wait_for_selector("body[data-result='UKR>RUS@2025-01-15']", timeout=30_000)
    page.wait_for_selector("#explain[data-state=CHN] .obligation", timeout=30_000)
    text_has(page.locator("#explain"), "the escalatory reading assumes Ukraine (UKR) attacks North Korea (PRK)")
    assert "Ukraine (UKR) attacked North Korea" not in page.inner_text("#explain")  # read once the line is shown
    assert not page.problems, page.problems


def test_a_shared_links_empty_whatif_field_is_left_out_of_the_query(page: Any, server: str) -> None:
    """The API refuses an empty what-if value, as the CLI does; the page leaves one out of the query it sends (and of
    the changes it lists): a link with `drop_treaty=` runs the rest of it."""
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url) if "/api/cascade" in r.url else None)
    _ready(page, server + "/?attacker=UKR&target=RUS&date=2025-01-15&place=kursk-oblast&drop_treaty=&set_strength=%20"
                          "&add_member=rus_prk_2024:IRN")
    page.wait_for_selector("body[data-result='UKR>RUS@2025-01-15']", timeout=30_000)
    assert page.is_hidden("#error"), page.inner_text("#error")
    assert "drop_treaty" not in asked[-1] and "set_strength" not in asked[-1] and "add_member=" in asked[-1], asked
    count_is(page.locator("#wi-changes li"), 1)
    attr_is(page.locator("path[data-iso3=IRN]"), "data-side", "defense")
    assert not page.problems, page.problems


def test_a_shared_link_takes_exactly_each_switchs_declared_values(page: Any, server: str) -> None:
    """A link's switch values are checked against the declared ones (foedus.inputs.SWITCHES, through
    web/src/contract.ts): each is taken, sent to the API and shown in the form; another is dropped with a line
    listing them."""
    from urllib.parse import parse_qs, urlparse

    from foedus.inputs import SWITCHES

    linked = [i for i in SWITCHES if i.name in ("target_kind", "reading", "basis", "territory_view", "unresolved",
                                                    "severity", "non_military", "decisions")]
    assert len(linked) == 8
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url) if "/api/cascade" in r.url else None)
    for n in range(max(len(i.choices) for i in linked)):
        chosen = {i.name: i.choices[min(n, len(i.choices) - 1)] for i in linked}
        query = "&".join(f"{k}={v}" for k, v in chosen.items())
        _ready(page, f"{server}/?attacker=RUS&target=EST&date=2025-06-01&{query}")
        page.wait_for_selector("body[data-result='RUS>EST@2025-06-01']", timeout=30_000)
        assert page.is_hidden("#error"), page.inner_text("#error")
        sent = parse_qs(urlparse(asked[-1]).query)
        assert {k: sent.get(k, [i.default])[0] for k, i in ((i.name, i) for i in linked)} == chosen
        assert page.is_checked(f"input[name=reading][value={chosen['reading']}]")
        assert page.input_value("#severity") == chosen["severity"] and page.input_value("#basis") == chosen["basis"]
        assert page.input_value("#non-military") == chosen["non_military"]  # the EU neutrals' carve-out
        assert page.input_value("#decisions") == chosen["decisions"]  # a decision a clause needs first
    bad = "&".join(f"{i.name}=maybe" for i in linked)
    _ready(page, f"{server}/?attacker=RUS&target=EST&date=2025-06-01&{bad}")
    page.wait_for_selector("#error:not([hidden])", timeout=30_000)
    for i in linked:
        text_has(page.locator("#error"), f'{i.name} "maybe" is not one of {", ".join(i.choices)}; using {i.default}')
    assert not page.problems, page.problems


def test_pick_on_map_and_errors_are_shown(page: Any, server: str) -> None:
    _ready(page, server + "/")
    page.click("#attacker-picker button.pick")
    page.locator("path[data-iso3=CHN]").click()
    page.click("#target-picker button.pick")
    page.locator("path[data-iso3=IND]").click()
    count_is(page.locator("#attacker-chips .chip[data-state=CHN]"), 1)
    count_is(page.locator("#target-chips .chip[data-state=IND]"), 1)
    page.fill("#date", "1900-01-01")
    page.click("#run")
    page.wait_for_selector("#error:not([hidden])", timeout=30_000)
    text_has(page.locator("#error"), "not a member of the state system on 1900-01-01")
    page.fill("#target-search", "Atlantis")
    page.press("#target-search", "Enter")
    page.wait_for_selector("#error:has-text('Atlantis')", timeout=30_000)  # the server suggests names (async)
    text_has(page.locator("#error"), "no state matches")


def test_exports(page: Any, server: str) -> None:
    import httpx2

    query = "attacker=UKR&target=RUS&date=2025-01-15&place=kursk-oblast"
    _ready(page, f"{server}/?{query}")
    page.wait_for_selector("body[data-result='UKR>RUS@2025-01-15']", timeout=30_000)
    with page.expect_download() as got:
        page.click("#export-json")
    exported = json.loads(Path(got.value.path()).read_text(encoding="utf-8"))
    assert exported == httpx2.get(f"{server}/api/cascade?{query}").json()
    with page.expect_download() as got:
        page.click("#export-csv")
    rows = list(csv.DictReader(io.StringIO(Path(got.value.path()).read_text(encoding="utf-8"))))
    prk = next(r for r in rows if r["state"] == "PRK")
    assert (prk["side"], prk["treaty"], prk["article"], prk["strength"]) == ("defense", "rus_prk_2024", "4", "S1")
    with page.expect_download() as got:
        page.click("#export-png")
    png = Path(got.value.path()).read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 20_000
    assert not page.problems, page.problems


def test_a_consultation_shows_how_sure_its_facts_are(page: Any, server: str) -> None:
    """The US duty to consult Ukraine rests on an unverified membership in June 2025 (the agreement under the
    administration sworn in on 20 Jan 2025): the panel says so, with the fact, and the CSV export carries the level."""
    query = "attacker=RUS&target=UKR&date=2025-06-01"
    _ready(page, f"{server}/?{query}&select=USA")
    page.wait_for_selector("body[data-result='RUS>UKR@2025-06-01']", timeout=30_000)
    page.wait_for_selector("#explain[data-state=USA] .finding", timeout=30_000)
    finding = page.locator("#explain .finding", has_text="Bound to consult with")
    text_has(finding, " — unverified facts.")  # the CLI's words (certainty_tag)
    text_has(finding.locator("ul.reasons li").first,
             "United States (USA), a party before 2025-01-20, stays one from that day on (not verified)")
    with page.expect_download() as got:
        page.click("#export-csv")
    rows = list(csv.DictReader(io.StringIO(Path(got.value.path()).read_text(encoding="utf-8"))))
    consult = {(r["state"], r["treaty"]): r["certainty"] for r in rows if r["role"] == "consultation"}
    pact = "ukr_bilateral_2024"
    # Canada's and the UK's agreements are taken as in force on signature, which was not checked: unverified too
    assert (consult[("USA", pact)], consult[("CAN", pact)], consult[("GBR", pact)]) == ("unverified", "unverified",
                                                                                      "unverified")
    assert not page.problems, page.problems


def test_a_date_known_to_a_verified_week_is_not_called_unverified(page: Any, server: str) -> None:
    """Turkey's duty to Azerbaijan on 15 Feb 2022 rests on the Shusha Declaration's entry into force, known to a
    week by a verified source: the panel lists it as 'not to the day', as the CLI's text does, not 'not verified'."""
    _ready(page, f"{server}/?attacker=ARM&target=AZE&date=2022-02-15&select=TUR")
    page.wait_for_selector("body[data-result='ARM>AZE@2022-02-15']", timeout=30_000)
    page.wait_for_selector("#explain[data-state=TUR] .obligation", timeout=30_000)

    def worded() -> None:
        reasons = page.locator("#explain ul.reasons li").all_inner_texts()
        shusha = [r for r in reasons if "tur_aze_shusha_2021: the treaty entered into force" in r]
        assert shusha and all(r.startswith("not to the day: ") for r in shusha), reasons

    eventually(page, worded)
    # the treaty's own entry into force, in the panel's treaty list, says how sure it is, as `treaties show` does
    page.wait_for_selector("#explain[data-state=TUR] .history p.dates", timeout=30_000)
    dates = page.locator("#explain .history p.dates").all_inner_texts()
    assert "in force 2022-02-14 (verified; date: known only to within a week (week: verified))" in dates, dates
    assert not page.problems, page.problems


def test_the_panel_takes_each_reasons_heading_from_the_api(page: Any, server: str) -> None:
    """The words before a reason ('not verified', 'not to the day') are the API's `heading`, worded by the one
    Python rule (foedus.engine.records.reason_heading), not decided again in the page: a heading the API gives is
    the one shown. The treaty list also says when a treaty ended and how sure that is."""
    def mark(node: Any) -> None:  # every reason's heading, wherever the result gives one
        if isinstance(node, dict):
            if {"fact", "certainty", "heading"} <= set(node):
                node["heading"] = f"HEADING({node['certainty']})"
            for value in node.values():
                mark(value)
        elif isinstance(node, list):
            for value in node:
                mark(value)

    def respond(route: Any) -> None:
        body = route.fetch().json()
        mark(body)
        route.fulfill(json=body)

    page.route("**/api/cascade*", respond)
    _ready(page, f"{server}/?attacker=MDG&target=COM&date=2011-03-03&select=FRA")
    page.wait_for_selector("body[data-result='MDG>COM@2011-03-03']", timeout=30_000)
    page.wait_for_selector("#explain[data-state=FRA] .history p.dates", timeout=30_000)
    reasons = page.locator("#explain ul.reasons li").all_inner_texts()
    assert any(r.startswith("HEADING(secondary): atop_3830: the treaty ended on 2011-03-08") for r in reasons), reasons
    dates = page.locator("#explain .history p.dates").all_inner_texts()
    assert any("out of force from 2011-03-08 (verified; date: its day reported, but sure only to within a week "
               "(day: known from secondary "
               "reporting only))" in d for d in dates), dates
    assert not page.problems, page.problems


def test_an_uncertain_exit_day_is_shown_as_a_doubt(page: Any, server: str) -> None:
    """On 3 February 2020 the UK is out of the EU by the record (1 Feb), but its exit is known only to the week: in
    Russia's war on Finland (no NATO member then) the EU's 42(7) may still bind it, so the summary says who is bound
    may differ, and so does the panel of the state concerned. (Mexico's Rio exit of Sep 2004 is no longer shown in a
    war on the US: ATOP's Rio record binds Mexico there either way, so the doubt could change nothing.)"""
    _ready(page, f"{server}/?attacker=RUS&target=FIN&date=2020-02-03&select=GBR")
    page.wait_for_selector("body[data-result='RUS>FIN@2020-02-03']", timeout=30_000)

    def doubted() -> None:
        doubts = page.locator("#summary p.doubt").all_inner_texts()
        uk = [d for d in doubts if d.startswith("uncertain date: eu_teu_42_7: ")]
        assert len(uk) == 1 and "United Kingdom (GBR) left on 2020-02-01, known only to within a week" in uk[0], doubts

    eventually(page, doubted)
    # the state's own panel says it too
    page.wait_for_selector("#explain[data-state=GBR] .finding.doubt", timeout=30_000)
    text_has(page.locator("#explain .finding.doubt").first, "United Kingdom (GBR) left on 2020-02-01")
    _ready(page, f"{server}/?attacker=CUB&target=USA&date=2004-09-15&select=MEX")
    page.wait_for_selector("body[data-result='CUB>USA@2004-09-15']", timeout=30_000)
    assert not [d for d in page.locator("#summary p.doubt").all_inner_texts() if "tiar_1947" in d]
    assert not page.problems, page.problems


def test_a_treaty_not_found_in_force_is_a_doubt_and_its_panel_says_not_found(page: Any, server: str) -> None:
    """The Pukpuk Treaty, signed on 6 Oct 2025, its entry into force not found (fact sheet §2.6 [U]): on 1 Dec 2025
    the summary says it may be in force, and so does the panel of Australia, which it would bind (the doubt names no
    state: its `concerns` does); on the signed basis Australia is bound by it and the treaty list says the
    entry into force was not found, from when it may have come, as `foedus treaties show` does."""
    _ready(page, f"{server}/?attacker=IDN&target=PNG&date=2025-12-01&select=AUS")
    page.wait_for_selector("body[data-result='IDN>PNG@2025-12-01']", timeout=30_000)

    def doubted() -> None:
        doubts = page.locator("#summary p.doubt").all_inner_texts()
        assert any(d.startswith("uncertain date: aus_png_2025: the treaty was signed on 2025-10-06 and its entry into "
                                "force was not found") for d in doubts), doubts
        assert any("who is bound may differ: Australia (AUS), " in d for d in doubts), doubts  # as the CLI's line

    eventually(page, doubted)
    page.wait_for_selector("#explain[data-state=AUS] .finding.doubt", timeout=30_000)
    text_has(page.locator("#explain .finding.doubt").first, "aus_png_2025: the treaty was signed on 2025-10-06")
    _ready(page, f"{server}/?attacker=IDN&target=PNG&date=2025-12-01&basis=signed&select=AUS")
    page.wait_for_selector("#explain[data-state=AUS] .history p.dates", timeout=30_000)
    dates = page.locator("#explain .history p.dates").all_inner_texts()
    assert ("in force not found (verified; date: the true date may be any day from 2025-10-06, or not yet (not "
            "verified))") in dates, dates
    assert not page.problems, page.problems


def test_probabilities_whatif_and_compare_panels(page: Any, server: str, tmp_path: Path) -> None:
    _ready(page, server + "/")
    page.fill("#attacker-search", "Ukraine")
    page.press("#attacker-search", "Enter")
    page.fill("#target-search", "RUS")
    page.press("#target-search", "Enter")
    page.select_option("#place", "kursk-oblast")
    page.fill("#date", "2025-01-15")
    page.click("#mc-panel summary")
    page.check("#mc-on")
    page.select_option("#mc-draws", "1000")
    page.fill("#mc-seed", "7")
    page.check("#mc-map")
    page.click("#whatif-panel summary")
    page.fill("#wi-treaty", "rus_prk_2024")
    page.fill("#wi-state", "Iran")
    page.click("#wi-add")
    count_is(page.locator("#wi-changes li[data-param=add_member]"), 1)
    page.click("#run")
    page.wait_for_selector("#probabilities:not([hidden]) table.probs", timeout=30_000)
    count_is(page.locator("#probabilities tr[data-state=IRN]"), 1)
    text_has(page.locator("#probabilities"), "1,000 draws, seed 7")
    text_has(page.locator("#probabilities"), "95% Wilson interval over the 1,000 draws")  # each share's, in brackets
    assert re.fullmatch(r"\d+\.\d% \(\d+\.\d%–\d+\.\d%\)",
                        page.locator("#probabilities tr[data-state=PRK] td").nth(2).inner_text().strip())
    attr_is(page.locator("path[data-iso3=IRN]"), "data-side", "defense")

    def shaded() -> None:
        assert 0 < float(page.locator("path[data-iso3=PRK]").get_attribute("data-prob") or "nan") < 1

    eventually(page, shaded)
    page.fill("#other-date", "2024-08-06")
    page.click("#compare")
    page.wait_for_selector("#comparison ul.changes", timeout=30_000)
    text_has(page.locator("#comparison"), "PRK", "is no longer bound to join the defense side")
    url_has(page, "draws=1000", "seed=7", "add_member=rus_prk_2024%3AIRN", "other_date=2024-08-06")
    page.screenshot(path=str(tmp_path / "web-whatif.png"), full_page=True)
    assert not page.problems, page.problems


def test_a_seed_the_page_cannot_keep_exact_is_refused_with_a_line(page: Any, server: str) -> None:
    """A JS number is exact only to 2**53 - 1: the page ran 9007199254740993 as 9007199254740992 (and showed and
    exported that). It now says the page's largest seed and runs nothing; the largest one runs as typed."""
    _ready(page, f"{server}/?attacker=RUS&target=EST&date=2025-06-01")
    page.wait_for_selector("body[data-result='RUS>EST@2025-06-01']", timeout=30_000)
    page.click("#mc-panel summary")
    page.check("#mc-on")
    page.select_option("#mc-draws", "1000")
    asked: list[str] = []
    page.on("request", lambda r: asked.append(r.url) if "/api/cascade" in r.url else None)
    page.fill("#mc-seed", "9007199254740993")
    page.click("#run")
    page.wait_for_selector("#error:not([hidden])", timeout=30_000)
    text_is(page.locator("#error"), "seed 9007199254740993 is above 9007199254740991, the largest seed this page "
                                    "keeps exact (use the command line or the API for a larger one).")
    assert asked == []
    page.fill("#mc-seed", "9007199254740991")
    page.click("#run")
    page.wait_for_selector("#probabilities:not([hidden]) table.probs", timeout=30_000)
    text_has(page.locator("#probabilities"), "1,000 draws, seed 9007199254740991")
    url_has(page, "seed=9007199254740991")
    assert "seed=9007199254740991" in asked[-1]
    _ready(page, f"{server}/?attacker=RUS&target=EST&date=2025-06-01&draws=1000&seed=9007199254740993")
    page.wait_for_selector("#error:not([hidden])", timeout=30_000)
    text_has(page.locator("#error"), "seed 9007199254740993 is above 9007199254740991")
    assert not page.problems, page.problems


def test_a_run_reads_the_seed_field_once(page: Any, server: str) -> None:
    """A run takes its seed, and whether the seed can be run, from one reading of the field (the scenario and the
    check each parsed it)."""
    _ready(page, f"{server}/?attacker=RUS&target=EST&date=2025-06-01")
    page.wait_for_selector("body[data-result='RUS>EST@2025-06-01']", timeout=30_000)
    page.click("#mc-panel summary")
    page.check("#mc-on")
    page.fill("#mc-seed", "9007199254740993")
    page.evaluate("""() => {
      const field = document.getElementById("mc-seed");
      const value = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value");
      window.seedReads = 0;
      Object.defineProperty(field, "value", {configurable: true, set(v) { value.set.call(this, v); },
                                             get() { window.seedReads += 1; return value.get.call(this); }});
    }""")
    page.click("#run")
    page.wait_for_selector("#error:not([hidden])", timeout=30_000)
    text_has(page.locator("#error"), "seed 9007199254740993 is above")
    assert page.evaluate("window.seedReads") == 1
    assert not page.problems, page.problems


@pytest.mark.needs_data
def test_likelihood_switch_shades_the_map_and_fills_the_panel(page: Any, server: str, tmp_path: Path) -> None:
    import httpx2

    _ready(page, server + "/?attacker=DEU&target=POL&date=1939-09-01")
    page.wait_for_selector("body[data-result='DEU>POL@1939-09-01']", timeout=30_000)
    assert page.locator("#map-mode").is_hidden() and not page.is_checked("#likelihood")  # off by default
    page.check("#likelihood")
    page.click("#run")
    page.wait_for_selector("#map-mode:not([hidden])", timeout=30_000)
    url_has(page, "likelihood=true")
    world = page.locator("svg.world")
    fra = page.locator("path[data-iso3=FRA][data-name=France]")
    attr_is(world, "data-shade", "legal")
    attr_is(fra, "fill", DEFENSE_ROUND_1)

    page.check("input[name=map-mode][value=likelihood]")
    attr_is(world, "data-shade", "likelihood")
    count_is(page.locator("#legend li[data-bin]"), 7)
    text_has(page.locator("#legend"), "P(joins either side) at any time")
    shaded: dict[str, float] = {}

    def shade() -> None:
        shaded["ever"] = float(fra.get_attribute("data-likelihood") or "nan")
        assert 0 < shaded["ever"] < 1 and fra.get_attribute("fill") not in (DEFENSE_ROUND_1, NOT_DRAWN_IN)

    eventually(page, shade)
    ever = shaded["ever"]
    attr_is(page.locator("path[data-iso3=POL]").first, "fill", ATTACKED)  # parties keep their colour
    unrated = page.locator("path[data-iso3=ARG]")  # outside the relevant set in 1939: the floor colour
    attr_is(unrated, "fill", NOT_DRAWN_IN)
    assert unrated.get_attribute("data-likelihood") is None  # read once the shading is shown
    url_has(page, "map=likelihood")  # the view is part of the link
    assert "horizon=" not in page.url
    page.select_option("#lk-horizon", "30")
    url_has(page, "map=likelihood", "horizon=30")  # the link follows the repaint (mapmode.ts): read after it
    assert float(fra.get_attribute("data-likelihood") or "nan") <= ever  # the horizons nest

    page.click("#summary button.state[data-state=FRA]")
    page.wait_for_selector("#explain[data-state=FRA] section.likelihood[data-rated=true]", timeout=30_000)
    query = "attacker=DEU&target=POL&date=1939-09-01&likelihood=true"
    lk = httpx2.get(f"{server}/api/cascade?{query}").json()["likelihood"]
    explain = page.locator("#explain")
    text_has(explain, "atop_2060", "bound to join the defense side")  # the legal answer, beside
    text_has(explain, lk["model"]["version"], lk["model"]["window"])
    count_is(page.locator("#explain table.chances tbody tr"), 3)
    # each side named by its parties: "defence side" alone read as the joiner's own defence
    text_has(page.locator("#explain table.chances thead"), "Germany's side (attack)", "Poland's side (defence)")
    fra_ever = next(s for s in lk["states"] if s["state"] == "FRA")["chances"][-1]
    text_has(page.locator("#explain table.chances tr[data-horizon=ever]"), f"{100 * fra_ever['join']:.1f}%")
    rated = next(s for s in lk["states"] if s["state"] == "FRA")  # the side it would join, with its interval
    shares = (rated["attack_share"], rated["attack_share_low"], rated["attack_share_high"])
    text_has(page.locator("#explain p.side"), "If it joins: ", side_said(["Germany"], ["Poland"], *shares))

    def checked() -> None:
        assert page.locator("#explain table.checks tbody tr").count() == len(lk["validation"])

    eventually(page, checked)
    attack, defense = lk["model"]["joiners"]["attack"], lk["model"]["joiners"]["defense"]  # the answer's model's
    text_has(explain, "What the model cannot see: forces stationed abroad",
             f"({defense} of {attack + defense} joined the defence in its training wars)")
    assert page.locator("#explain [data-flag=outside-training]").count() == 0  # read once the panel is shown
    page.screenshot(path=str(tmp_path / "web-likelihood.png"), full_page=True)
    with page.expect_download() as got:
        page.click("#export-png")
    assert Path(got.value.path()).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"

    def captioned() -> None:
        caption = page.get_attribute("#export-png", "data-caption") or ""
        assert "Shaded by P(joins either side) within 30 days" in caption, caption

    eventually(page, captioned)

    shared = page.url
    page.check("input[name=map-mode][value=legal]")  # the legal colouring, one click away
    attr_is(fra, "fill", DEFENSE_ROUND_1)
    assert fra.get_attribute("data-likelihood") is None  # read once the legal colouring is shown
    assert "map=" not in page.url and "horizon=" not in page.url  # written in the same handler (mapmode.ts)
    assert not page.problems, page.problems

    _ready(page, shared)  # a shared link opens in the view it was shared in
    page.wait_for_selector("svg.world[data-shade=likelihood]", timeout=30_000)
    assert page.is_checked("input[name=map-mode][value=likelihood]") and page.input_value("#lk-horizon") == "30"
    text_has(page.locator("#legend"), "within 30 days")
    _ready(page, server + "/?attacker=DEU&target=POL&date=1939-09-01&likelihood=true&map=heat&horizon=9")
    page.wait_for_selector("#error:not([hidden])", timeout=30_000)
    text_has(page.locator("#error"), "map \"heat\" is not legal or likelihood", "horizon \"9\" is not 30, 365 or ever")
    attr_is(page.locator("svg.world"), "data-shade", "legal")


@pytest.mark.needs_data
def test_likelihood_outside_training_is_flagged_and_errors_are_shown(page: Any, server: str) -> None:
    _ready(page, server + "/?attacker=RUS&target=EST&date=2025-06-01&likelihood=true&select=USA")
    assert page.is_checked("#likelihood")  # the switch is part of the link
    page.wait_for_selector("#explain[data-state=USA] section.likelihood [data-flag=outside-training]", timeout=30_000)
    text_has(page.locator("#explain [data-flag=outside-training]").first, "1823–2003")
    page.check("input[name=map-mode][value=likelihood]")
    count_is(page.locator("#legend [data-flag=outside-training]"), 1)
    message = "cow_contiguity/contdir.csv is not in the data folder: run `foedus data fetch cow_contiguity`"
    page.route("**/api/cascade?*likelihood=true*", lambda route: route.fulfill(  # the server's answer without data
        status=422, content_type="application/json", body=json.dumps({"ok": False, "error": message, "status": 422})))
    page.click("#run")
    page.wait_for_selector("#error:not([hidden])", timeout=30_000)
    text_is(page.locator("#error"), message)


def test_compare_lists_states_bound_on_the_same_side_under_other_treaties(page: Any, server: str) -> None:
    """The compare view lists a state that joins the same side under other treaties (`rebased`), as `foedus compare`
    does: Finland's NATO accession moved Germany from the EU's Art. 42(7) to NATO's Art. 5."""
    _ready(page, f"{server}/?attacker=RUS&target=FIN&date=2023-03-01&other_date=2023-04-04")
    page.wait_for_selector("body[data-result='RUS>FIN@2023-03-01']", timeout=30_000)
    page.click("#compare")
    page.wait_for_selector("#comparison ul.changes li.rebased", timeout=30_000)

    def listed() -> None:
        rows = page.locator("#comparison li.rebased").all_inner_texts()
        assert len(rows) == 21, rows
        said = "is still bound to join the defense side, now under nato_1949 art. 5 (was eu_teu_42_7 art. 42(7))"
        assert any("DEU" in r and said in r for r in rows), rows

    eventually(page, listed)
    assert not page.problems, page.problems


def test_compare_says_why_a_touched_treaty_moves_no_one(page: Any, server: str) -> None:
    """The compare view gives the API's `unchanged_because`, as `foedus compare` prints it: Taiwan made a party to the
    US-Japan treaty moves no one, Art. V covering only territory under Japan's administration (the view said only
    "No state changes side or treaty"); where no state moved, the CLI's line, which the view had in its own words."""
    _ready(page, f"{server}/?attacker=CHN&target=TWN&date=2025-06-01&add_member=usa_jpn_1960%3ATWN")
    page.wait_for_selector("body[data-result='CHN>TWN@2025-06-01']", timeout=30_000)
    page.click("#compare")
    page.wait_for_selector("#comparison ul.unmoved li[data-treaty=usa_jpn_1960]", timeout=30_000)
    text_starts(page.locator("#comparison ul.unmoved li[data-treaty=usa_jpn_1960]").first,
                "no change from usa_jpn_1960: TWN is added as a party, but art. V binds only for an attack "
                "in its scope")
    text_is(page.locator("#comparison p.unchanged"), "no change in who is bound to join")  # foedus compare's line
    assert not page.problems, page.problems


def test_compare_says_how_the_ongoing_wars_course_differs(page: Any, server: str) -> None:
    """With attacks ongoing since an earlier day the compare view lists how the war's course to the date differs (the
    API's `ongoing`), as `foedus compare --ongoing-since` prints it: without the Russia-DPRK treaty North Korea is no
    longer bound to the date (bound since 2024-12-04, its entry into force, in the war at Kursk)."""
    _ready(page, f"{server}/?attacker=UKR&target=RUS&date=2025-01-15&place=kursk-oblast&ongoing_since=2024-08-06"
                 "&drop_treaty=rus_prk_2024")
    page.wait_for_selector("body[data-result='UKR>RUS@2025-01-15']", timeout=30_000)
    page.click("#compare")
    page.wait_for_selector("#comparison ul.ongoing li.ongoing", timeout=30_000)

    def listed() -> None:
        rows = page.locator("#comparison ul.ongoing li.ongoing").all_inner_texts()
        assert rows == ["− North Korea (PRK) no longer bound to the date (was since 2024-12-04: defense, rus_prk_2024 "
                        "art. 4)"], rows

    eventually(page, listed)
    text_has(page.locator("#comparison"), "Ongoing since 2024-08-06:")
    assert not page.problems, page.problems


def test_a_shared_link_reads_a_name_on_its_date(page: Any, server: str) -> None:
    """A link's state name is read on the link's date (/api/resolve's `date`): Korea in 1900 is the kingdom of
    1887-1905, where the link's target was dropped as ambiguous between today's two Koreas."""
    _ready(page, f"{server}/?attacker=JPN&target=Korea&date=1900-01-01")
    page.wait_for_selector("body[data-result='JPN>COW730@1900-01-01']", timeout=30_000)
    assert page.is_hidden("#error"), page.inner_text("#error")
    assert not page.problems, page.problems


def test_an_incursion_is_not_called_an_attack_in_the_panel(page: Any, server: str) -> None:
    """The panel's cause of an obligation set off by an incursion says so, as the CLI does (render._deed): it said
    "Syria (SYR) attacked Turkey (TUR)" for the shelling of Akçakale."""
    _ready(page, f"{server}/?attacker=SYR&target=TUR&date=2012-10-03&severity=incursion&select=AZE")
    page.wait_for_selector("#explain[data-state=AZE] .obligation", timeout=30_000)

    def worded() -> None:
        shown = page.locator("#explain .obligation dd").all_inner_texts()
        # Turkey's home territory is not said after it (foedus.place_words): "into Turkey (TUR)", no " at turkey"
        assert any(d.startswith("Syria (SYR) made an incursion into Turkey (TUR)") and " at " not in d
                   for d in shown), shown

    eventually(page, worded)
    assert not page.problems, page.problems


def test_each_target_is_said_to_be_attacked_at_its_own_place(page: Any, server: str) -> None:
    """Three targets attacked at home: the panel said Latvia was "Attacked at Estonia" (the JSON's first `place`),
    then "Attacked at Latvia", where the CLI says no place after a state attacked on its own home territory
    (foedus.place_words): "Attacked in this scenario."."""
    _ready(page, f"{server}/?attacker=RUS&target=EST,LVA,LTU&date=2025-06-01&select=LVA")
    page.wait_for_selector("body[data-result='RUS>EST,LVA,LTU@2025-06-01']", timeout=30_000)
    page.wait_for_selector("#explain[data-state=LVA] p:has-text('Attacked')", timeout=30_000)
    said = page.locator("#explain p:has-text('in this scenario')")
    text_has(said, "Attacked in this scenario.")
    assert not page.problems, page.problems


def test_a_code_is_read_in_the_servers_order(page: Any, server: str) -> None:
    """An ISO3 code comes before a COW abbreviation, as the server reads codes (foedus.model.states): a link's KOR is
    South Korea and a typed CZE is Czechia, not the kingdom of Korea or Czechoslovakia whose COW codes they are (the
    page took the first state in COW order carrying the code as any of its codes)."""
    _ready(page, f"{server}/?attacker=PRK&target=KOR&date=2025-06-01")
    page.wait_for_selector("body[data-result='PRK>KOR@2025-06-01']", timeout=30_000)
    assert page.is_hidden("#error"), page.inner_text("#error")
    page.fill("#target-search", "CZE")
    page.press("#target-search", "Enter")
    count_is(page.locator("#target-chips .chip[data-state=CZE]"), 1)
    page.fill("#attacker-search", "MNG")  # Mongolia; COW's MNG is Montenegro
    page.press("#attacker-search", "Enter")
    count_is(page.locator("#attacker-chips .chip[data-state=MNG]"), 1)
    assert not page.problems, page.problems


def test_a_typed_name_is_read_on_the_forms_date(page: Any, server: str) -> None:
    """A name typed in the search box means the state of that name on the form's date, as the server reads it: Korea
    in 2025 is either Korea of the day (the form asks which), where the page took the kingdom of 1887-1905 at once,
    whose run then failed; in 1900 it is the kingdom."""
    _ready(page, server + "/")
    page.fill("#date", "2025-06-01")
    page.fill("#target-search", "Korea")
    page.press("#target-search", "Enter")
    page.wait_for_selector("#target-picker .choices button.choice[data-state=KOR]", timeout=30_000)
    count_is(page.locator("#target-picker .choices button.choice[data-state=PRK]"), 1)
    assert page.locator("#target-chips .chip").count() == 0  # read once the question is shown
    page.click("#target-picker .choices button.choice[data-state=KOR]")
    count_is(page.locator("#target-chips .chip[data-state=KOR]"), 1)
    page.fill("#date", "1900-01-01")
    page.fill("#attacker-search", "Korea")
    page.press("#attacker-search", "Enter")
    count_is(page.locator("#attacker-chips .chip[data-state=COW730]"), 1)
    assert not [p for p in page.problems if "422" not in p], page.problems  # the ambiguous name's answer is a 422


def test_a_refused_run_says_the_map_shows_the_previous_result(page: Any, server: str) -> None:
    """A run the server refuses leaves the last result on the map and in the panels, under a form that shows the
    refused scenario: the status line says which result is shown. (A date out of range, which the server refused,
    the form refuses now, with no request: tests/test_e2e_date_range.py; a what-if dropping an unknown treaty is a
    refusal only the server says.)"""
    _ready(page, f"{server}/?attacker=RUS&target=EST&date=2025-06-01")
    page.wait_for_selector("body[data-result='RUS>EST@2025-06-01']", timeout=30_000)
    page.evaluate("() => { document.getElementById('whatif-panel').open = true; }")
    page.fill("#wi-treaty", "no_such_treaty")
    page.click("#wi-drop")
    page.click("#run")
    page.wait_for_selector("#error:not([hidden])", timeout=30_000)
    text_is(page.locator("#status"), "Still showing the previous result: 2025-06-01 Russia (RUS) → Estonia (EST) "
            "(territory, legal).")  # as the summary's first line and `foedus cascade`'s header say it


def test_a_dated_result_names_states_as_they_were_called(page: Any, server: str) -> None:
    """The page names states from today's list: a 1979 result said "Russia (RUS)" where the CLI says "Soviet Union
    (RUS)"; the result's `renamed` gives the names of its date."""
    _ready(page, f"{server}/?attacker=RUS&target=AFG&date=1979-12-24")
    page.wait_for_selector("body[data-result='RUS>AFG@1979-12-24']", timeout=30_000)
    attr_is(page.locator("#summary button.state[data-state=RUS]").first, "title", "Soviet Union (RUS)")
    assert not page.problems, page.problems
