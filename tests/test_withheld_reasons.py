"""A withheld record stands for every leg of its obligor, treaty and article held back in the war
(`foedus.engine.held_toward`): its reason says each leg's reason where they differ (it said the first leg's alone,
so that a leg the treaty suspends read as request-gated), and a key both held back by a gate and set aside by a
priority clause keeps both facts (the gate's record alone was kept, the priority clause lost)."""

from __future__ import annotations

from typing import Any

import pytest

from foedus.engine.cascade import run_cascade
from foedus.engine.held_toward import merged, with_set_aside
from foedus.engine.records import CertaintyReason, Withheld
from foedus.engine.scenario import build_scenario
from foedus.model.world import World
from legacy.cascade import run_cascade as restarting_cascade
from test_rules import defense, make_world, treaty

pytestmark = pytest.mark.needs_data

NAMES = {"KOR": "South Korea", "JPN": "Japan", "MNG": "Mongolia", "CHN": "China", "USA": "United States",
         "ISR": "Israel", "PRK": "North Korea", "CIV": "Côte d'Ivoire"}
SUSPENDED = {"suspensions": [{"obligor": "PRK", "beneficiary": "JPN",
                              "span": {"start": "2010-01-01", "source": "https://example.org/test"}}]}
PRIORITY = {"priority": {"article": "9", "source": "https://example.org/test"}}


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


def test_a_gate_s_record_set_aside_too_keeps_both_facts() -> None:
    """`with_set_aside`: the gate's reason, then the priority clause's; the states of both in `owed_to`; as sure as
    the less sure, with the facts of both; the gate's record itself where nothing is set aside."""
    fact = CertaintyReason("article", "n2 art. 9: the priority clause that sets it aside", "unverified",
                           "https://example.org/test")
    gate = _held("JPN", "d2 suspends North Korea (PRK)'s obligation to Japan (JPN) since 2010-01-01")
    aside = _held("KOR", "set aside against China (CHN): ...", "unverified", fact)
    made = with_set_aside(gate, aside, NAMES)
    assert made.reason == f"{gate.reason}; {aside.reason}"
    assert (made.toward, made.owed_to, made.certainty, made.certainty_reasons) == (
        "JPN", ["JPN", "KOR"], "unverified", (fact,))
    assert with_set_aside(gate, None, NAMES) is gate


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
    assert _d2_held(world, pact, reading).reason == (
        f"{_asked('KOR')}; also withheld toward Mongolia (MNG); also withheld toward Japan (JPN): d2 suspends North "
        "Korea (PRK)'s obligation to Japan (JPN) since 2010-01-01")


def _d2_held(world: World, pact: dict[str, Any], reading: str) -> Withheld:
    """Russia attacks South Korea, Japan and Mongolia, none asking for help: North Korea's one d2 record (`pact`), as
    the first leg's toward South Korea owed to all three, the restarting engine's alike."""
    result, (w, scenario) = _run(world, [pact], ["RUS"], ["KOR", "JPN", "MNG"], reading=reading, requested=False)
    held = [x for x in result.withheld if x.state == "PRK"]
    assert [(x.toward, x.owed_to) for x in held] == [("KOR", ["JPN", "KOR", "MNG"])]
    assert result.to_dict() == restarting_cascade(w, scenario).to_dict()
    return held[0]


def test_a_key_held_back_and_set_aside_says_both(world: World) -> None:
    """China and Russia attack South Korea and Japan: North Korea's d2 leg toward Japan is suspended (a gate), and its
    duty to defend South Korea against Russia is set aside, since joining would mean fighting China, whose protection
    by n2's priority clause prevails: one record under d2 art. 1, which kept the suspension alone; it says both now."""
    neutral = {"kind": "neutrality", "article": "3", "strength": "S4", "when_partner_attacks": True}
    pacts = [treaty("n2", ["CHN", "PRK"], neutral, **PRIORITY),
             treaty("d2", ["KOR", "JPN", "PRK"], defense(**SUSPENDED))]
    result, _ = _run(world, pacts, ["CHN", "RUS"], ["KOR", "JPN"])
    held = [x for x in result.withheld if x.state == "PRK"]
    assert [(x.treaty, x.toward, x.owed_to) for x in held] == [("d2", "JPN", ["JPN", "KOR"])]
    assert held[0].reason.startswith("d2 suspends North Korea (PRK)'s obligation to Japan (JPN) since 2010-01-01; "
                                     "set aside: joining the defence of South Korea (KOR) against Russia (RUS) would "
                                     "mean fighting China (CHN); n2 art. 9, its priority clause"), held[0].reason
