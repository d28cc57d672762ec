"""The web map's "Why?" on a war's date says a pause and a duty that ended (docs/war.md, "What a frame says of pauses
and ended duties"), in a real headless Chromium: on the Iran war's ceasefire day Oman, still on the attack side, is
said paused under the ceasefire, and Pakistan, no longer bound, is said bound from 28 February and released by it,
as `foedus war --state` says them.

Uses the browser, server and page fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

from typing import Any

import pytest

from e2e_wait import text_has
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
