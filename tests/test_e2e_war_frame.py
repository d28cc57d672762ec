"""A replayed war's date on the map, in a real headless Chromium: the panels describe that date (or say they cannot
and stay off), never the last scenario's result; a new run clears the war's log.

Uses the browser, server and page fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

import re
from typing import Any

import pytest

from e2e_wait import attr_is, count_is, eventually, text_has, text_is
from test_e2e_war_panel import _replay
from test_e2e_web import _ready, browser, page, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e]

EXPORTS = ("#export-png", "#export-csv", "#export-json")


def _frame(page: Any, index: int, date: str) -> None:
    """Move the war's date slider to its `index`th date and wait for that date on the map."""
    page.evaluate("""(i) => { const s = document.getElementById('war-frame'); s.value = String(i);
        s.dispatchEvent(new Event('input')); }""", index)
    page.wait_for_selector(f"body[data-war-frame='{date}']", timeout=60_000)


def _click_on_map(page: Any, selector: str) -> None:
    """Click a state where a person would: on a point of its shape that nothing covers. Playwright's own click aims at
    the middle of the shape's box, which for France (French Guiana is part of its shape) is the Atlantic, so the
    sea's background took that click: not a fault of the page, which a click on France itself reaches."""
    page.locator(selector).scroll_into_view_if_needed()
    at = page.evaluate("""(sel) => { const p = document.querySelector(sel);
        const q = p.ownerSVGElement.createSVGPoint(); const m = p.getScreenCTM(); const b = p.getBBox();
        for (let y = b.y; y < b.y + b.height; y += 0.5) for (let x = b.x + b.width; x > b.x; x -= 0.5) {
          q.x = x; q.y = y;
          if (!p.isPointInFill(q)) continue;
          const s = q.matrixTransform(m);
          if (document.elementFromPoint(s.x, s.y) === p) return [s.x, s.y]; }
        return null; }""", selector)
    assert at, f"no point of {selector} can be clicked"
    page.mouse.click(at[0], at[1])


def _refused_run(page: Any) -> None:
    """Run a what-if the server refuses (dropping a treaty no world has: a 422) and wait for the refusal."""
    page.evaluate("() => { document.getElementById('whatif-panel').open = true; }")
    page.fill("#wi-treaty", "no_such_treaty")
    page.click("#wi-drop")
    page.click("#run")
    page.wait_for_selector("#error:not([hidden])", timeout=30_000)
    page.wait_for_function("() => !document.body.classList.contains('busy')", timeout=30_000)


def test_the_panels_follow_the_war_date_on_the_map(page: Any, server: str) -> None:
    """With 1914 on the map, the summary, "Why?", the treaty ties and the CSV and JSON exports still showed the last
    scenario (Russia attacks Estonia, 2025): the summary and "Why?" now say who fights and who is bound on the war's
    date, the ties say they are a scenario's, the exports are off; Run brings the scenario's panels back."""
    import foedus

    frames = foedus.replay_war("july_crisis_1914").to_dict()["frames"]
    _ready(page, f"{server}/?attacker=RUS&target=EST&date=2025-06-01&select=RUS")
    page.wait_for_selector("#explain[data-state=RUS]", timeout=30_000)
    _replay(page, "july_crisis_1914", frames[0]["date"])
    first = frames[0]

    def listed() -> None:
        shown = page.locator("#summary button.state").evaluate_all("els => els.map((e) => e.dataset.state)")
        assert set(shown) == {*first["sides"]["attack"], *first["sides"]["defense"], *first["bound"],
                              *first["conflicts"]}
        assert "EST" not in shown

    eventually(page, listed)
    text_has(page.locator("#summary"), "The map shows The July crisis, 1914", "on 1914-07-28")
    text_has(page.locator("#network"), "not for a war's date")
    assert page.locator("#network svg").count() == 0  # read once the network says why it is not drawn

    def off() -> None:
        assert all(page.is_disabled(b) for b in EXPORTS)

    eventually(page, off)
    assert "bound to join in" not in page.inner_text("#status")  # the last run's count, under the Run button
    attr_is(page.locator("#explain"), "data-frame", "1914-07-28")
    text_has(page.locator("#explain"), "Neither fighting nor bound on 1914-07-28.")

    _frame(page, 1, frames[1]["date"])
    assert frames[1]["sides"]["defense"].count("RUS") == 1 and frames[1]["bound"]["FRA"]["treaty"] == "atop_1385"
    # Germany's declaration of war drew Russia in: against it, not "on the side of Serbia (SRB)" (its spell, as the CLI)
    text_has(page.locator("#explain"),
             "Fighting against Germany (DEU) on 1914-08-01 (attacked by Germany (DEU) that day).")
    _click_on_map(page, "path[data-iso3=FRA][data-name=France]")
    page.wait_for_selector("#explain[data-state=FRA][data-frame='1914-08-01']", timeout=30_000)
    text_has(page.locator("#explain"), "Bound to defend Russian Empire (RUS) against Germany (DEU) on 1914-08-01 under",
             "(atop_1385) ATOP defense code; condition: unresolved ATOP condition(s) read as met: adversary; ")

    page.click("#run")
    page.wait_for_selector("#network svg", timeout=30_000)

    def back() -> None:
        assert all(page.is_enabled(b) for b in EXPORTS)
        assert "EST" in page.locator("#summary button.state").evaluate_all("els => els.map((e) => e.dataset.state)")

    eventually(page, back)
    assert "The map shows" not in page.inner_text("#summary")  # read once the scenario's summary is back
    attr_is(page.locator("#explain"), "data-state", "FRA")  # the scenario's explanation of the state picked
    assert page.get_attribute("#explain", "data-frame") is None
    assert not page.problems, page.problems


def test_a_new_run_clears_the_war_view(page: Any, server: str) -> None:
    """After a run the war's log, date and notes still showed the war's last date, under the scenario's map."""
    import foedus

    frames = foedus.replay_war("july_crisis_1914").to_dict()["frames"]
    _ready(page, f"{server}/?attacker=RUS&target=EST&date=2025-06-01")
    page.wait_for_selector("body[data-result='RUS>EST@2025-06-01']", timeout=30_000)
    _replay(page, "july_crisis_1914", frames[0]["date"])
    _frame(page, len(frames) - 1, frames[-1]["date"])
    count_is(page.locator("#war-log > li"), len(frames))
    page.click("#run")
    page.wait_for_selector("#export-png:enabled", timeout=30_000)
    assert page.locator("#war-log > li").count() == 0 and page.is_hidden("#war-controls")
    assert page.inner_text("#war-date") == "" and page.inner_text("#war-about") == ""
    assert page.get_attribute("body", "data-war-frame") is None
    attr_is(page.locator("#map path[data-iso3=EST]").first, "data-category", "defense-0")  # the scenario's map
    _replay(page, "july_crisis_1914", frames[0]["date"])  # and the war can be replayed again
    count_is(page.locator("#war-log > li"), 1)
    assert not page.problems, page.problems


def test_the_probabilities_and_the_comparison_are_not_shown_with_a_war_date(page: Any, server: str) -> None:
    """The Monte Carlo probabilities and the comparison of the scenario stayed beside 1914 on the map: they go while a
    war's date is on the map (Compare says to Run first) and the probabilities come back with the run."""
    _ready(page, f"{server}/?attacker=RUS&target=EST&date=2025-06-01&draws=1000&seed=7&other_date=2024-01-01")
    page.wait_for_selector("#probabilities:not([hidden]) table.probs", timeout=30_000)
    page.wait_for_selector("#comparison > *", timeout=30_000)
    _replay(page, "july_crisis_1914", "1914-07-28")
    text_has(page.locator("#comparison"), "not of the war's date on the map")
    assert page.is_hidden("#probabilities")  # read once the comparison says it is not of the war's date
    page.click("#compare")
    page.wait_for_selector("#error:not([hidden])", timeout=30_000)
    text_is(page.locator("#error"), "A war's date is on the map: Run the scenario, then Compare.")
    text_has(page.locator("#comparison"), "not of the war's date on the map")
    page.click("#run")
    page.wait_for_selector("#probabilities:not([hidden]) table.probs", timeout=30_000)
    page.click("#compare")
    page.wait_for_function("() => !document.getElementById('comparison').innerText.includes(\"war's date\")",
                           timeout=30_000)
    assert not page.problems, page.problems


def test_a_refused_run_says_the_war_date_is_still_shown(page: Any, server: str) -> None:
    """A run the server refuses (a what-if dropping an unknown treaty) while a war's date is on the map: the error
    says why, and the status line says the map still shows the war's date and the scenario was not run; it said "Run
    shows the scenario's result again", just after Run was refused. The war's date, map and panels stay."""
    _ready(page, f"{server}/?attacker=RUS&target=EST&date=2025-06-01")
    page.wait_for_selector("body[data-result='RUS>EST@2025-06-01']", timeout=30_000)
    _replay(page, "july_crisis_1914", "1914-07-28")
    _refused_run(page)
    text_has(page.locator("#error"), "no_such_treaty")

    def said() -> None:
        status = page.inner_text("#status")
        assert status.startswith("Still showing The July crisis, 1914") and "on 1914-07-28" in status, status
        assert status.endswith("the scenario was not run.") and "Run shows" not in status, status

    eventually(page, said)
    text_is(page.locator("#war-date"), "1914-07-28")
    attr_is(page.locator("body"), "data-war-frame", "1914-07-28")
    text_has(page.locator("#summary"), "The map shows The July crisis, 1914")
    attr_is(page.locator("#map path[data-iso3=SRB]").first, "data-category", "defense-0")  # the war's map, not EST's
    assert [p for p in page.problems if "422" not in p] == [], page.problems  # the refusal is a 422


def test_a_refused_runs_notes_say_the_scenario_was_not_run(page: Any, server: str) -> None:
    """After a run refused with a war's date on the map, the summary's and "Why?"'s own notes still ended "Run shows
    the scenario's result again" under a status line saying the scenario was not run: they say it was not run, on the
    war's next date too, until a run's result takes the map; a war replayed after that says Run shows it again."""
    import foedus

    frames = foedus.replay_war("july_crisis_1914").to_dict()["frames"]
    _ready(page, f"{server}/?attacker=RUS&target=EST&date=2025-06-01&select=RUS")
    page.wait_for_selector("body[data-result='RUS>EST@2025-06-01']", timeout=30_000)
    _replay(page, "july_crisis_1914", frames[0]["date"])
    page.wait_for_selector(f"#explain[data-frame='{frames[0]['date']}']", timeout=30_000)
    _refused_run(page)
    notes = """() => [...document.querySelectorAll('#summary .frame-note, #explain .frame-note')]
        .map((n) => n.textContent)"""

    def not_run(first: bool) -> None:
        said = page.evaluate(notes)
        assert len(said) == 2 and all(n.endswith("the scenario was not run.") and (not first or "Run shows" not in n)
                                      for n in said), said
        assert not first or f"on {frames[0]['date']}," in said[0], said

    eventually(page, lambda: not_run(True))
    _frame(page, 1, frames[1]["date"])
    eventually(page, lambda: not_run(False))
    page.click("#wi-changes .chip-x")  # the refused change goes: the run is taken
    page.click("#run")
    page.wait_for_selector("#network svg", timeout=30_000)
    _replay(page, "july_crisis_1914", frames[0]["date"])

    def again() -> None:
        said = page.evaluate(notes)
        assert said and all(n.endswith("Run shows the scenario's result again.") for n in said), said

    eventually(page, again)
    assert [p for p in page.problems if "422" not in p] == [], page.problems  # the refusal is a 422


def test_a_run_drops_a_war_date_not_drawn_yet(page: Any, server: str) -> None:
    """Run pressed while a war's date was still being drawn (its names not in yet): that date was drawn after Run was
    pressed, the panels describing it under the run. The run drops it now: a refused run leaves the map, the slider,
    the date and the status line on the date drawn before, and the dropped date is never drawn."""
    import foedus

    frames = foedus.replay_war("july_crisis_1914").to_dict()["frames"]
    _ready(page, f"{server}/?attacker=RUS&target=EST&date=2025-06-01")
    page.wait_for_selector("body[data-result='RUS>EST@2025-06-01']", timeout=30_000)
    _replay(page, "july_crisis_1914", frames[0]["date"])
    page.evaluate("""() => { window.notes = [];  // each war date the summary says the map shows, in turn
        new MutationObserver(() => { const n = document.querySelector('#summary .frame-note');
          const d = n ? /on (\\d{4}-\\d{2}-\\d{2}),/.exec(n.textContent)[1] : null;
          if (window.notes.at(-1) !== d) window.notes.push(d); })
        .observe(document.getElementById('summary'), { childList: true, subtree: true }); }""")
    page.evaluate("() => { document.getElementById('whatif-panel').open = true; }")
    page.fill("#wi-treaty", "no_such_treaty")  # the run is refused
    page.click("#wi-drop")
    held: list[Any] = []
    page.route(re.compile(rf"/api/states\?date={frames[1]['date']}(&every=true)?$"), lambda route: held.append(route))
    page.evaluate("""() => { const s = document.getElementById('war-frame'); s.value = '1';
        s.dispatchEvent(new Event('input')); }""")
    for _ in range(2400):  # the date's names are asked: it is being drawn (a 60 s hang guard)
        if held:
            break
        page.wait_for_timeout(25)
    assert held and page.inner_text("#war-date") == frames[1]["date"]
    page.click("#run")
    page.wait_for_selector("#error:not([hidden])", timeout=30_000)
    page.wait_for_function("() => !document.body.classList.contains('busy')", timeout=30_000)
    text_is(page.locator("#war-date"), frames[0]["date"])

    def back() -> None:
        assert page.input_value("#war-frame") == "0"

    eventually(page, back)
    attr_is(page.locator("body"), "data-war-frame", frames[0]["date"])
    text_has(page.locator("#status"), f"on {frames[0]['date']},")
    held[0].continue_()  # the names come in after Run: the date is not drawn
    _frame(page, 2, frames[2]["date"])  # drawn after the dropped date's turn
    notes = page.evaluate("() => window.notes")
    assert frames[1]["date"] not in notes and notes[-1] == frames[2]["date"], notes
    assert [p for p in page.problems if "422" not in p] == [], page.problems  # the refusal is a 422


def test_a_war_dates_why_says_how_sure_each_binding_is(page: Any, server: str) -> None:
    """"Why?" on a war's date named the treaty binding a state, never that it is not verified, nor the other treaties
    binding it that day, though /api/war carries both: Kazakhstan on 2024-08-06 is bound by CSTO art. 4, an article
    known from secondary quotes, and by its 1992 treaty with Russia, whose article is not known; the panel says each
    with its certainty and the facts not verified, in the words of `foedus war --state` (said.ts frameWhy)."""
    import foedus

    frames = foedus.replay_war("russia_ukraine_2022").to_dict()["frames"]
    index = next(i for i, f in enumerate(frames) if f["date"] == "2024-08-06")
    assert frames[index]["bound"]["KAZ"]["also"][0]["certainty"] == "unverified"  # what the panel must say
    _ready(page, f"{server}/?attacker=RUS&target=EST&date=2025-06-01&select=KAZ")
    page.wait_for_selector("#explain[data-state=KAZ]", timeout=30_000)
    # the replay opens at the shown scenario's date, the war's last date on or before it (web/src/waropen.ts)
    _replay(page, "russia_ukraine_2022", max(f["date"] for f in frames if f["date"] <= "2025-06-01"))
    _frame(page, index, "2024-08-06")
    page.wait_for_selector("#explain[data-state=KAZ][data-frame='2024-08-06']", timeout=30_000)
    text_has(page.locator("#explain .frame-why"), "Bound to defend Russia (RUS) against Ukraine (UKR) on 2024-08-06 "
             "under",
             "(csto_1992) art. 4 (secondary: article); condition: request-gated: assumes Russia (RUS) asks for help",
             "; also rus_kaz_1992 art. unknown (unverified: treaty, article).")
    assert not page.problems, page.problems


@pytest.mark.needs_data
def test_a_war_dates_why_says_a_state_out_of_the_system_is_so(page: Any, server: str) -> None:
    """"Why?" on a war's date said "Neither fighting nor bound" of Poland in 1940, out of the state system then (COW),
    where `foedus war --state POL` says `foedus.wording.not_in_system`: the panel says the CLI's words (said.ts
    frameWhy, by the state's spells), its badge "not a state on this date", as the map greys it."""
    import foedus
    from foedus.wording import not_in_system

    frames = foedus.replay_war("europe_1939_1941").to_dict()["frames"]
    index, day = next((i, f["date"]) for i, f in enumerate(frames) if f["date"] > "1939-09-27")
    assert "POL" not in {*frames[index]["sides"]["attack"], *frames[index]["sides"]["defense"], *frames[index]["bound"]}
    _ready(page, f"{server}/?attacker=DEU&target=POL&date=1939-09-01&select=POL")
    page.wait_for_selector("#explain[data-state=POL]", timeout=30_000)
    _replay(page, "europe_1939_1941", frames[0]["date"])
    _frame(page, index, day)
    page.wait_for_selector(f"#explain[data-state=POL][data-frame='{day}']", timeout=30_000)
    text_is(page.locator("#explain .frame-why"), not_in_system(day))
    text_is(page.locator("#explain .badge"), "not a state on this date")
    assert not page.problems, page.problems
