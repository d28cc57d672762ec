"""The summary's finding rows and the map's supporters, in a real headless Chromium. The buttons of the neutral,
consult, violations, withheld and support rows took each state's joiner look (its side's colour and its duty's
badges: Russia, the attacker, in the violations row in the attacker's dark red), so a state that only consults looked
like a joiner; and the states bound to support a belligerent short of joining had no colour on the map nor an entry in
its legend. Russia's attack on Estonia of 2026-01-15 has all five rows.

Uses the browser, server and page fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

import re
from typing import Any

import pytest

from e2e_wait import attr_is, count_is, text_has
from test_e2e_web import ROOT, _ready, browser, page, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e, pytest.mark.needs_data]
SCENARIO = ("RUS", "EST", "2026-01-15")
# each finding row's label and the category whose colour its swatches take (a violation: the neutrality it breaks)
ROWS = {"neutral": "neutral", "consult": "consult", "violations": "neutral", "withheld": "withheld",
        "support": "support"}


def _colours() -> dict[str, str]:
    """web/src/roles.ts COLORS: each category's colour, "#1b9e77"."""
    source = (ROOT / "web" / "src" / "roles.ts").read_text(encoding="utf-8")
    block = source.split("export const COLORS", 1)[1].split("};", 1)[0]
    return {k: f"#{v}" for k, v in re.findall(r'"?([\w-]+)"?: "#([0-9a-f]{6})"', block)}


def _rgb(colour: str) -> str:
    """A "#1b9e77" colour as the browser computes it, "rgb(27, 158, 119)"."""
    return "rgb({}, {}, {})".format(*(int(colour[i:i + 2], 16) for i in (1, 3, 5)))


def _open(page: Any, server: str) -> None:
    attacker, target, date = SCENARIO
    _ready(page, f"{server}/?attacker={attacker}&target={target}&date={date}")
    page.wait_for_selector(f"body[data-result='{attacker}>{target}@{date}']", timeout=60_000)


def test_each_finding_rows_buttons_look_like_that_row_not_like_a_joiner(page: Any, server: str) -> None:
    colours = _colours()
    _open(page, server)
    for label, category in ROWS.items():
        row = page.locator("#summary .srow", has=page.locator(".slabel", has_text=re.compile(f"^{label}$")))
        count_is(row, 1)
        looks = row.locator("button.state").evaluate_all("""bs => bs.map((b) => { const s = getComputedStyle(
            b.querySelector('.swatch')); return [b.dataset.state, s.backgroundColor, s.backgroundImage,
            b.querySelectorAll('.duty-badge').length]; })""")
        assert looks, label
        for state, colour, image, badges in looks:
            assert (colour, badges) == (_rgb(colours[category]), 0), (label, state, colour, badges)
            assert ("gradient" in image) == (label == "violations"), (label, state, image)  # a violation struck through


def test_supporters_have_a_colour_of_their_own_on_the_map_and_in_the_legend(page: Any, server: str) -> None:
    import foedus

    colours = _colours()
    support = colours["support"]
    assert list(colours.values()).count(support) == 1, colours  # distinct from joiners', neutrals' and the rest
    result = foedus.cascade(*SCENARIO)
    other = {*result.scenario.attackers, *result.scenario.targets, *(j.state for j in result.joiners),
             *(c.state for c in result.conflicts), *(n.state for n in result.neutral),
             *(c.state for c in result.consultations), *(w.state for w in result.withheld)}
    only = sorted({s.state for s in result.supporters} - other)  # the sides, conflicts and other findings come first
    assert only, [s.state for s in result.supporters]
    _open(page, server)
    for state in only:
        shape = page.locator(f"#map [data-iso3={state}]").first
        attr_is(shape, "data-category", "support")
        attr_is(shape, "fill", support)
    entry = page.locator("#legend li[data-category=support]")
    text_has(entry, "bound to support a belligerent without joining")
    assert entry.locator(".swatch").evaluate("s => getComputedStyle(s).backgroundColor") == _rgb(support)
    assert not page.problems, page.problems
