"""The web map's "Why?" on a war's date says a pause and a duty that ended (docs/war.md, "What a frame says of pauses
and ended duties"), in a real headless Chromium: on the Iran war's ceasefire day Oman, still on the attack side, is
said paused under the ceasefire, and Pakistan, no longer bound, is said bound from 28 February and released by it,
as `foedus war --state` says them. The war timeline's log says each state's pause as `foedus war`'s timeline does,
and the `--ongoing-since` summary each lapsed binding as `cascade --ongoing-since` does.

Uses the browser, server and page fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

from typing import Any

import pytest

from e2e_wait import eventually, text_has
from samples import cli_line
from test_e2e_war_frame import _click_on_map
from test_e2e_war_panel import _replay, _to_last_frame
from test_e2e_web import _ready, browser, page, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e]


def test_why_on_the_ceasefire_day_says_the_pause_and_the_release(page: Any, server: str) -> None:
    _ready(page, server + "/")
    _replay(page, "iran_2026", "2026-02-28")
    _to_last_frame(page)
    page.wait_for_selector("body[data-war-frame='2026-04-08']", timeout=60_000)
    for iso3, name in (("OMN", "Oman"), ("PAK", "Pakistan")):
        code, out, err = cli_line(["war", "iran_2026", "--state", iso3])
        assert code == 0, err
        said = out.strip().split(": ", 1)[1]
        assert ("paused since 2026-04-08 under the ceasefire" if iso3 == "OMN" else "released on 2026-04-08") in said
        _click_on_map(page, f"path[data-iso3={iso3}][data-name='{name}']")
        page.wait_for_selector(f"#explain[data-state={iso3}][data-frame='2026-04-08']", timeout=30_000)
        text_has(page.locator("#explain .frame-why"), said)


def test_the_timeline_says_the_ceasefire_s_pauses_as_foedus_war_does(page: Any, server: str) -> None:
    """The log's ceasefire date listed the released states' moves but not the pause of the ten states still fighting,
    which `foedus war`'s timeline prints (foedus.war.pause_words.pause_lines): each is now a line of its own there."""
    from foedus.api import replay_war
    from foedus.war.pause_words import pause_lines

    r = replay_war("iran_2026")
    before, last = r.to_dict()["frames"][-2:]
    want = pause_lines(last["date"], last["sides"], last["paused"], before["paused"], r.names_on(last["date"]))
    assert len(want) == 10 and all("paused since 2026-04-08 under the ceasefire" in line for line in want)
    _ready(page, server + "/")
    _replay(page, "iran_2026", "2026-02-28")
    _to_last_frame(page)
    page.wait_for_selector("body[data-war-frame='2026-04-08']", timeout=60_000)
    day = page.locator("#war-log > li[data-date='2026-04-08']")

    def said() -> None:
        assert day.locator("li.pause").all_inner_texts() == want

    eventually(page, said)
    # a release is the state's move to out there, as in `foedus war`'s timeline
    text_has(day, "Pakistan (PAK): bound to defend Saudi Arabia (SAU) against Iran (IRN) → out (ceasefire: every "
                  "attack ends)")
    assert page.locator("#war-log > li[data-date='2026-03-01'] li.pause").count() == 0
    assert not page.problems, page.problems


def test_the_ongoing_line_lists_a_lapsed_binding_as_the_cascade_does(page: Any, server: str) -> None:
    """`cascade --ongoing-since 2014-02-27` says Azerbaijan's binding lapsed, released on 2019-01-01 by a treaty
    change; the summary's ongoing line listed only the states bound to the date: it now lists the lapse in the CLI's
    words (foedus.war.pause_words.lapsed_said)."""
    import json

    from foedus.war.pause_words import lapsed_said

    code, out, err = cli_line(["cascade", "-a", "UKR", "-t", "RUS", "-d", "2024-12-15", "--ongoing-since",
                               "2014-02-27", "--json"])
    assert code == 0, err
    (aze,) = json.loads(out)["ongoing"]["lapsed"]
    _ready(page, f"{server}/?attacker=UKR&target=RUS&date=2024-12-15&ongoing_since=2014-02-27")
    page.wait_for_selector("body[data-result='UKR>RUS@2024-12-15']", timeout=60_000)
    text_has(page.locator("#summary ul.lapsed li[data-state=AZE]"), lapsed_said(aze, {"AZE": "Azerbaijan"}))
    assert "released on 2019-01-01 after atop_4400" in lapsed_said(aze, {})
    assert not page.problems, page.problems
