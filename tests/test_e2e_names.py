"""The page names a state in its prose as the CLI does, "Ukraine (UKR)" (foedus.wording.named_state), never by its
bare id: the war timeline (each change in the words of `foedus war`, foedus.war.words.change_text, which the JSON
carries as its `text`, a treaty change's certainty after it: change_said), the "why" panel, the ongoing-since
line, the compare view and the PNG caption.

Uses the browser, server and page fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

import datetime as dt
import re
from typing import Any

import pytest

from e2e_wait import eventually, text_has
from test_e2e_war_panel import _replay, _to_last_frame
from test_e2e_web import _ready, browser, page, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e]
FLAGSHIP = "/?attacker=UKR&target=RUS&date=2025-01-15&place=kursk-oblast"
_LOG = """() => Object.fromEntries([...document.querySelectorAll('#war-log > li')].map((li) => [li.dataset.date,
    [li.querySelector(':scope > .war-changes')?.textContent ?? null,
     [...li.querySelectorAll(':scope > ul > li')].map((m) => m.textContent)]]))"""


def _bare_ids(text: str, ids: set[str]) -> list[str]:
    """The registry ids in `text` not written as a name's "(ID)"."""
    return [m.group(1) for m in re.finditer(r"(?<![(\w])([A-Z][A-Z0-9]{1,5})(?![\w)])", text) if m.group(1) in ids]


def _state_ids(server: str) -> set[str]:
    import httpx2

    return {s["id"] for s in httpx2.get(f"{server}/api/states", timeout=30).json()}


def _result(pg: Any, key: str) -> None:
    pg.wait_for_selector(f"body[data-result='{key}']", timeout=30_000)
    pg.wait_for_function("() => !document.body.classList.contains('busy')", timeout=30_000)


@pytest.mark.parametrize("war", ["russia_ukraine_2022", "europe_1939_1941"])
def test_the_war_timeline_words_each_change_as_foedus_war(page: Any, server: str, war: str) -> None:
    """Every frame's changes and every move's cause, on the last frame (the log then lists them all), read as
    `foedus war`'s text words them from the same JSON; no state is named by its id alone."""
    import foedus
    from foedus.cited_names import titles_of
    from foedus.place_words import changed_places, named_places
    from foedus.run import load_world
    from foedus.war.render import _move_words
    from foedus.war.result import war_names_on
    from foedus.war.words import bound_duty, change_said, change_text, side_words
    from foedus.wording import named_state

    replay = foedus.replay_war(war).to_dict()
    names = replay["names"]
    _ready(page, server + "/")
    _replay(page, war, replay["frames"][0]["date"])
    _to_last_frame(page)
    page.wait_for_selector(f"body[data-war-frame='{replay['frames'][-1]['date']}']", timeout=60_000)
    homes = (world := load_world()).places.home_of  # each attack's place by name, a state's home not said
    titles = titles_of(world.treaties.values())  # a named ATOP alliance by its title too
    assert all(c["text"] == change_text(c, names, named_places(world.places, dt.date.fromisoformat(f["date"]),
                                                               changed_places([c]), names), homes, titles)
               for f in replay["frames"] for c in f["changes"])
    dated = {f["date"]: war_names_on(names, replay["renames"], f["date"]) for f in replay["frames"]}
    frames = replay["frames"]

    def moved(i: int, m: dict[str, Any]) -> str:  # a side by its leads fighting that day, a binding as its duty
        f, on = frames[i], dated[frames[i]["date"]]
        was = bound_duty(frames[i - 1]["bound"].get(m["state"]), on) if i else None
        said = _move_words(m, side_words(replay["war"]["leads"], on, f["sides"]), was,
                           bound_duty(f["bound"].get(m["state"]), on))
        return f"{named_state(m['state'], on)}: {said}" + (f" ({change_said(m['cause'])})" if m["cause"] else "")

    want = {f["date"]: ["; ".join(change_said(c) for c in f["changes"]), [moved(i, m) for m in f["moved"]]]
            for i, f in enumerate(frames)}

    def logged() -> None:
        shown = page.evaluate(_LOG)
        assert shown == want

    eventually(page, logged)
    text = page.inner_text("#war-log")  # read once the log is all shown
    assert not _bare_ids(text, _state_ids(server)), _bare_ids(text, _state_ids(server))[:20]
    if war == "russia_ukraine_2022":
        assert "Ukraine (UKR) attacks Russia (RUS) at Kursk Oblast" in text
        assert ("North Korea (PRK): out → bound to defend Russia (RUS) against Ukraine (UKR) (rus_prk_2024 enters "
                "into force)" in text)
        assert ("Belarus (BLR): still bound to defend Russia (RUS) against Ukraine (UKR), now under rus_blr_2024 "
                "art. 4 "
                "(secondary: article) (rus_blr_2024 enters into force)" in text)  # tagged as the timeline tags it
    assert not page.problems, page.problems


def test_the_why_panel_ongoing_line_and_caption_name_each_state(page: Any, server: str) -> None:
    ids = _state_ids(server)
    _ready(page, server + FLAGSHIP + "&ongoing_since=2024-08-06&select=PRK")
    _result(page, "UKR>RUS@2025-01-15")
    page.wait_for_selector("#explain[data-state=PRK] .history", timeout=30_000)
    why = page.inner_text("#explain")
    assert "Ukraine (UKR) attacked Russia (RUS) at Kursk Oblast" in why and why.startswith("North Korea (PRK)")
    assert not _bare_ids(why, ids), _bare_ids(why, ids)
    text_has(page.locator("#summary ul.bound-since li[data-state=PRK]"),
             "North Korea (PRK): 2024-12-04 (defense, rus_prk_2024 art. 4) — rus_prk_2024 enters into force")
    text_has(page.locator("#summary ul.bound-since li[data-state=BLR]"),
             "Belarus (BLR): 2024-08-06 (defense, csto_1992 art. 4 (secondary: article)) — Ukraine (UKR) attacks "
             "Russia (RUS) at Kursk Oblast")
    ongoing = "\n".join(page.locator("#summary .ongoing").all_inner_texts())  # read once the lines are shown
    assert not _bare_ids(ongoing, ids), _bare_ids(ongoing, ids)

    def titled() -> None:
        assert (page.get_attribute("#summary button.state[data-state=PRK]", "title") or "").startswith(
            "North Korea (PRK)")

    eventually(page, titled)
    with page.expect_download():
        page.click("#export-png")

    def captioned() -> None:
        caption = page.get_attribute("#export-png", "data-caption") or ""
        assert "Scenario: 2025-01-15 Ukraine (UKR) → Russia (RUS) at Kursk Oblast (territory, legal)" in caption

    eventually(page, captioned)
    _ready(page, f"{server}/?attacker=RUS&target=UKR&date=2025-06-01&select=USA")
    page.wait_for_selector("#explain[data-state=USA] .history", timeout=30_000)
    why = page.inner_text("#explain")
    assert "Bound to consult with Ukraine (UKR)" in why
    assert not _bare_ids(why, ids), _bare_ids(why, ids)
    assert not page.problems, page.problems


def test_the_compare_view_names_each_state(page: Any, server: str) -> None:
    _ready(page, server + FLAGSHIP)
    _result(page, "UKR>RUS@2025-01-15")
    page.fill("#other-date", "2024-08-06")
    page.click("#compare")
    page.wait_for_selector("#comparison ul.changes", timeout=30_000)
    text_has(page.locator("#comparison ul.changes").first,
             "North Korea (PRK) is no longer bound to join the defense side")
    text = page.inner_text("#comparison ul.changes")  # read once the change is shown
    assert not _bare_ids(text, _state_ids(server)), text
    assert not page.problems, page.problems
