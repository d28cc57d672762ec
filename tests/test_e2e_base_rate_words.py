"""The likelihood panel says how its model fared against the base rate as `foedus cascade --likelihood` does: the
warnings list a lost validation check only where it covers the scenario's date, and with none listed the panel said
"see the warnings" of warnings that said nothing of it; a model with no check is said to be unchecked, not to have
beaten the base rate in every check that covers the date.

Uses the browser, server and page fixtures of tests/test_e2e_web.py (Debian's Chromium through Playwright).
"""

# ruff: noqa: F811  (the fixtures imported from test_e2e_web are test parameters here)
from __future__ import annotations

from typing import Any

import pytest

from e2e_wait import text_is, text_starts
from test_e2e_web import _ready, browser, page, server  # noqa: F401 (fixtures)

pytestmark = [pytest.mark.e2e]

LOST = "did not beat the base rate"  # what a lost check's warning says (foedus.likely.attach.warnings_of)


def test_a_model_that_lost_only_another_eras_checks_is_said_to_beat_the_base_rate_here(page: Any, server: str) -> None:
    """A lost check with no warning: 'but did in every one that covers this date'; with one: 'see the warnings'."""
    told = {"case": "elsewhere"}

    def respond(route: Any) -> None:
        body = route.fetch().json()
        lk = body["likelihood"]
        lk["beats_base_rate"] = False
        lk["warnings"] = [w for w in lk["warnings"] if LOST not in w]
        if told["case"] == "here":
            lk["warnings"].append(f"in validation (temporal, ever, all) this model {LOST}: Brier skill -0.010")
        if told["case"] == "unchecked":  # a model file with no check: none of its checks covers the date
            lk["validation"] = []
        route.fulfill(json=body)

    page.route("**/api/cascade?*likelihood=true*", respond)
    said = "#explain[data-state=FRA] section.likelihood div.model > p.small:not(.muted)"
    lost = "Out of sample it did not beat the base rate in every check"
    checks = "Its checks over all wars:"  # the table lists the checks of every war; an era's loss is a warning
    for case, words in (("elsewhere", f"{lost}, but did in every one that covers this date. {checks}"),
                        ("here", f"{lost}: see the warnings. {checks}"),
                        ("unchecked", "It was not checked against the base rate out of sample: see the warnings.")):
        told["case"] = case
        _ready(page, server + "/?attacker=DEU&target=POL&date=1939-09-01&likelihood=true&select=FRA")
        page.wait_for_selector("#explain[data-state=FRA] section.likelihood[data-rated=true]", timeout=60_000)
        text_is(page.locator(said), words)
    assert not page.problems, page.problems


def test_the_panel_names_the_targets_each_check_misses(page: Any, server: str) -> None:
    """The checks' table showed skills above 0 with no word that they fall short of the model card's targets (Brier
    skill +0.05: issue #14), which the CLI's scores line names; each check's `misses` (judged in Python by
    foedus.likely.targets) is said under the table, and a model meeting every target is said to."""
    told = {"met": False}

    def respond(route: Any) -> None:
        body = route.fetch().json()
        if told["met"]:
            for v in body["likelihood"]["validation"]:
                v["misses"] = []
        route.fulfill(json=body)

    page.route("**/api/cascade?*likelihood=true*", respond)
    said = "#explain[data-state=FRA] section.likelihood div.model > p.targets"
    for met in (False, True):
        told["met"] = met
        _ready(page, server + "/?attacker=DEU&target=POL&date=1939-09-01&likelihood=true&select=FRA")
        page.wait_for_selector("#explain[data-state=FRA] section.likelihood[data-rated=true]", timeout=60_000)
        if met:
            text_is(page.locator(said), "It meets the model card's targets in every check listed (docs/likelihood.md).")
        else:
            text_starts(page.locator(said), ("Short of the model card's targets (docs/likelihood.md): leave one war "
                                             "out, within 30 days: Brier skill (+0.05); "))
    assert not page.problems, page.problems
