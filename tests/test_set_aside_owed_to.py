"""A leg a priority clause sets aside toward several states of the war names them all, as a leg a gate holds back
does (`foedus.engine.held_toward.merged`, one rule): the record per obligor, treaty and article named only its first
leg's state as `toward`, and its facts alone (`foedus.engine.set_aside`)."""

from __future__ import annotations

import json

import pytest

from foedus.engine.cascade import run_cascade
from foedus.engine.scenario import build_scenario
from foedus.model.world import World
from legacy.cascade import run_cascade as restarting_cascade

ARAB = "arab_jdec_1950"


@pytest.mark.parametrize("reading", ["legal", "escalatory"])
def test_a_leg_set_aside_toward_two_victims_names_both(world: World, reading: str) -> None:
    """Israel attacks Lebanon and Syria (2024-10-01): Egypt's and Jordan's Arab League Art. 2 legs toward both are
    set aside by their peace treaties' priority clauses (in the escalatory reading, toward every member Israel
    strikes as they join). Each record's `toward` stays the first (Lebanon), `owed_to` names both (all), its reason
    says Syria after the clause (legal; the escalatory reading's others are counted past three), and its reasons
    hold Syria's membership too; the restarting engine gives the same records."""
    scenario = build_scenario(world, attacker="ISR", target=["LBN", "SYR"], date="2024-10-01", reading=reading)
    result = run_cascade(world, scenario)
    held = [w for w in result.withheld if w.state in ("EGY", "JOR") and w.treaty == ARAB]
    assert {w.state for w in held} == {"EGY", "JOR"}
    for w in held:
        assert w.toward == "LBN" and {"LBN", "SYR"} <= set(w.owed_to), w.state
        if reading == "legal":
            assert w.owed_to == ["LBN", "SYR"]
            assert w.reason.endswith("; also withheld toward Syria (SYR)"), w.reason
        assert w.reason.startswith("set aside against Israel (ISR): "), w.reason
        assert any("Syria (SYR) is a party" in r.fact for r in w.certainty_reasons), w.state
        assert len(w.certainty_reasons) == len(set(w.certainty_reasons))
    assert json.dumps(result.to_dict()) == json.dumps(restarting_cascade(world, scenario).to_dict())


def test_a_leg_set_aside_toward_one_victim_names_it_alone(world: World) -> None:
    """Israel attacks Lebanon alone: `owed_to` is Lebanon, and the reason adds nothing."""
    result = run_cascade(world, build_scenario(world, attacker="ISR", target="LBN", date="2024-10-01"))
    held = [w for w in result.withheld if w.state in ("EGY", "JOR") and w.treaty == ARAB]
    assert len(held) == 2 and all(w.owed_to == ["LBN"] and "also withheld" not in w.reason for w in held)


@pytest.mark.parametrize("reading", ["legal", "escalatory"])
def test_a_state_that_stays_out_names_every_state_its_set_aside_duty_is_owed_to(world: World, reading: str) -> None:
    """Israel and the United States attack Syria and Lebanon (2024-10-01): Egypt and Jordan, bound to defend both
    by Arab League Art. 2 while Israel fights on the other side, stay out (`foedus.engine.stay_out`); their duty,
    one obligation per treaty, article and side as bound (toward Syria), is set aside toward both: `owed_to` names
    Lebanon too, the reason says it, and Lebanon's membership is among the reasons; the restarting engine agrees."""
    scenario = build_scenario(world, attacker=["ISR", "USA"], target=["SYR", "LBN"], date="2024-10-01",
                              reading=reading)
    result = run_cascade(world, scenario)
    held = [w for w in result.withheld if w.state in ("EGY", "JOR") and w.treaty == ARAB]
    assert {w.state for w in held} == {"EGY", "JOR"}
    for w in held:
        assert (w.toward, w.owed_to) == ("SYR", ["LBN", "SYR"]), w.state
        assert w.reason.startswith("set aside: joining the defence of Syria (SYR) against ") and w.reason.endswith(
            "; also withheld toward Lebanon (LBN)"), w.reason
        assert any("Lebanon (LBN) is a party" in r.fact for r in w.certainty_reasons), w.state
    assert json.dumps(result.to_dict()) == json.dumps(restarting_cascade(world, scenario).to_dict())
