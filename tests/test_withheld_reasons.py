"""A withheld record stands for every leg of its obligor, treaty and article held back in the war
(`foedus.engine.held_toward`): its reason says each leg's reason where they differ (it said the first leg's alone,
so that a leg the treaty suspends read as request-gated)."""

from __future__ import annotations

from typing import Any

import pytest

from foedus.engine.cascade import run_cascade
from foedus.engine.held_toward import merged
from foedus.engine.records import CertaintyReason, Withheld
from foedus.engine.scenario import build_scenario
from foedus.model.world import World
from legacy.cascade import run_cascade as restarting_cascade
from test_rules import defense, make_world, treaty

pytestmark = pytest.mark.needs_data

NAMES = {"KOR": "South Korea", "JPN": "Japan", "MNG": "Mongolia", "CHN": "China"}
SUSPENDED = {"suspensions": [{"obligor": "PRK", "beneficiary": "JPN",
                              "span": {"start": "2010-01-01", "source": "https://example.org/test"}}]}


def _held(toward: str, reason: str, level: str = "verified", *facts: CertaintyReason) -> Withheld:
    return Withheld("PRK", "d2", "1", reason, certainty=level, certainty_reasons=facts, toward=toward)


def _asked(state: str) -> str:
    return f"help is request-gated and {NAMES[state]} ({state}) did not ask"


def test_a_merged_reason_says_each_leg_s_reason_where_they_differ() -> None:
    """The same gate toward another state is said once, by the state ("also withheld toward Mongolia (MNG)"); a leg
    held back for another reason is said with it, after the states it is owed to; the record the same whatever the
    order the legs come in."""
    first = _held("KOR", _asked("KOR"))
    suspended = _held("JPN", "d2 suspends North Korea (PRK)'s obligation to Japan (JPN) since 2010-01-01")
    same = _held("MNG", _asked("MNG"))
    made = merged(first, [suspended, same], NAMES)
    assert made == merged(first, [same, first, suspended], NAMES)
    assert made.reason == (f"{_asked('KOR')}; also withheld toward Mongolia (MNG); also withheld toward Japan (JPN): "
                           "d2 suspends North Korea (PRK)'s obligation to Japan (JPN) since 2010-01-01")
    assert made.owed_to == ["JPN", "KOR", "MNG"]


def test_legs_with_one_reason_say_it_once() -> None:
    """Two other states' legs held back for one reason, not the first's: the reason said once, after both states; a
    leg toward the first's own state on another attack (another attacker named) adds nothing, the first's words
    saying that duty; a set-aside leg toward another state against another attacker reads as the first's."""
    first = _held("KOR", _asked("KOR"))
    decided = [_held(s, "it needs a council decision, read as not taken") for s in ("JPN", "MNG")]
    made = merged(first, [*decided, _held("KOR", "South Korea (KOR) started the war (non-provocation clause)")],
                  NAMES)
    assert made.reason == (f"{_asked('KOR')}; also withheld toward Japan (JPN) and Mongolia (MNG): it needs a "
                           "council decision, read as not taken")
    aside = "set aside: joining the defence of {} against {} would mean fighting Israel (ISR); ..."
    made = merged(_held("KOR", aside.format("South Korea (KOR)", "United States (USA)")),
                  [_held("JPN", aside.format("Japan (JPN)", "China (CHN)"))], NAMES)
    assert made.reason.endswith("; also withheld toward Japan (JPN)"), made.reason


def _run(world: World, extra: list[dict[str, Any]], attackers: list[str], targets: list[str], **kw: Any
         ) -> tuple[Any, Any]:
    w = make_world(world, *extra)
    scenario = build_scenario(w, attacker=attackers, target=targets, date="2020-06-01", **kw)
    return run_cascade(w, scenario), (w, scenario)


@pytest.mark.parametrize("reading", ["legal", "escalatory"])
def test_a_leg_the_treaty_suspends_is_not_said_request_gated(world: World, reading: str) -> None:
    """Russia attacks South Korea, Japan and Mongolia, victims asking for no help: North Korea's request-gated d2
    legs are held back, but the one toward Japan because d2 suspends it. The record said "help is request-gated and
    South Korea (KOR) did not ask; also withheld toward Japan (JPN) and Mongolia (MNG)"; it now says the
    suspension, in every engine alike."""
    pact = treaty("d2", ["KOR", "JPN", "PRK", "MNG"], defense(request_gated=True, **SUSPENDED))
    result, (w, scenario) = _run(world, [pact], ["RUS"], ["KOR", "JPN", "MNG"], reading=reading, requested=False)
    held = [x for x in result.withheld if x.state == "PRK"]
    assert [(x.toward, x.owed_to) for x in held] == [("KOR", ["JPN", "KOR", "MNG"])]
    assert held[0].reason == (f"{_asked('KOR')}; also withheld toward Mongolia (MNG); also withheld toward Japan "
                              "(JPN): d2 suspends North Korea (PRK)'s obligation to Japan (JPN) since 2010-01-01")
    assert result.to_dict() == restarting_cascade(w, scenario).to_dict()
