"""A verified finding that rests on a date known only to a window reads in the "Why?" panel as on the CLI's line:
" — verified facts, not to the day: " and the facts (render.certainty_tag with the finding's reasons' facts, said.ts
findingTag), not as a finding with nothing to say. Armenia attacking Azerbaijan on 2022-02-15, no help asked for,
binds Turkey to consult under the Shusha Declaration, in force "about 12-14 Feb 2022" [V] (the week verified, the day
not), and holds back its defence leg. The page said nothing after either line: findingBlock gave certaintyTag the
level only. Served without the ATOP history (a data folder without atop, as a user who has not fetched it has),
where these are Turkey's findings; with it, its ATOP alliances with Azerbaijan stand in their place.

Uses the browser and page fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from cli_server import serving
from e2e_wait import eventually
from test_e2e_web import _ready, browser, page  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e]
SCENARIO = "attacker=ARM&target=AZE&date=2022-02-15&requested=false"


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """`foedus serve` on the shared datasets less ATOP's, so on the curated treaties alone."""
    data = tmp_path_factory.mktemp("data")
    for sub in Path(os.environ["FOEDUS_DATA_DIR"]).iterdir():
        if sub.is_dir() and sub.name != "atop":
            (data / sub.name).symlink_to(sub)
    with serving({**os.environ, "FOEDUS_DATA_DIR": str(data)}) as base:
        yield base


def test_a_verified_finding_not_to_the_day_says_so_in_the_why_panel(page: Any, server: str) -> None:
    """Turkey's consultation and withheld leg end with the CLI's tag, the Shusha date's fact after it."""
    import httpx2

    from foedus.render import certainty_tag

    got = httpx2.get(f"{server}/api/cascade?{SCENARIO}", timeout=60).json()
    assert got["requested"] is False
    found = [c for c in got["consultations"] if c["state"] == "TUR"] + [
        w for w in got["withheld"] if w["state"] == "TUR" and w["certainty"] == "verified"]
    tags = [certainty_tag(f["certainty"], [x["fact"] for x in f["certainty_reasons"]]) for f in found]
    assert len(tags) == 2 and all(t.startswith(" — verified facts, not to the day: tur_aze_shusha_2021") for t in tags)
    _ready(page, f"{server}/?{SCENARIO}&select=TUR")
    page.wait_for_selector("#explain[data-state=TUR] .finding", timeout=60_000)

    def tagged() -> None:
        shown = page.locator("#explain .finding > p").all_inner_texts()
        found = sorted(x.split(":")[0] for x in shown if x.endswith(tuple(f"{t}." for t in tags)))
        assert found == ["Bound to consult with Azerbaijan (AZE)", "Withheld"], shown

    eventually(page, tagged)
    assert not page.problems, page.problems
