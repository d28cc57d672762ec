"""The precedence rule at side level (`foedus.engine.rules.precedence.stays_out`). A state bound to a side by a
third state's attack, while a state its prevailing duty (a priority clause) protects fights on the other side, stays
out: its duty to join that side is set aside (withheld, citing the clause), not reported as a conflict, in every
engine."""

from __future__ import annotations

import json
from typing import Any

import numpy as np
import pytest

from foedus.engine.cascade import run_cascade
from foedus.engine.fast import batch
from foedus.engine.fast.outcomes import outcome, outcome_of
from foedus.engine.fast.rounds import ATTACK, DEFENSE
from foedus.engine.scenario import Reading, build_scenario, switches
from foedus.model.world import World
from legacy.cascade import run_cascade as restarting_cascade
from test_neutrality_rule_engines import DAY, STATES, _every_engine
from test_rules import defense, make_world, treaty

PRIORITY = {"priority": {"article": "9", "source": "https://example.org/test"}}
ENGINES = ("reference", "batched", "montecarlo")


def _world(base: World, **peace: Any) -> World:
    """CHN and PRK owe each other neutrality (also when the partner attacks) under n2; PRK defends KOR, CHN RUS."""
    neutral = {"kind": "neutrality", "article": "3", "strength": "S4", "when_partner_attacks": True}
    return make_world(base, treaty("n2", ["CHN", "PRK"], neutral, **peace), treaty("d2", ["KOR", "PRK"], defense()),
                      treaty("d3", ["RUS", "CHN"], defense()))


@pytest.mark.parametrize("reading", ["legal", "escalatory"])
@pytest.mark.parametrize("eng", ENGINES)
def test_a_state_bound_against_a_third_state_stays_out_when_the_protected_one_is_on_the_other_side(
        world: World, reading: Reading, eng: str) -> None:
    """RUS and CHN attack KOR: PRK's defence of KOR binds it against RUS; CHN, whom n2 protects, is on RUS's side."""
    w = _world(world, **PRIORITY)
    got = outcome(eng, w, build_scenario(w, attacker=["RUS", "CHN"], target="KOR", date=DAY, reading=reading))
    assert "PRK" not in got.conflicts
    assert "PRK" not in got.sides


@pytest.mark.parametrize("eng", ENGINES)
def test_a_joiner_bound_against_the_protected_state_s_side_stays_out_in_a_dyad(world: World, eng: str) -> None:
    """RUS strikes KOR (escalatory): PRK joins KOR; KOR's side strikes RUS, binding CHN to defend RUS against them,
    while PRK, whom CHN's n2 duty protects, is on KOR's side: CHN stays out, no conflict."""
    w = _world(world, **PRIORITY)
    got = outcome(eng, w, build_scenario(w, attacker="RUS", target="KOR", date=DAY, reading="escalatory"))
    assert "CHN" not in got.conflicts
    assert "CHN" not in got.sides
    assert got.sides.get("PRK") == "defense"


def test_the_side_level_set_aside_cites_the_priority_clause(world: World) -> None:
    """The reference engine reports PRK's d2 duty as withheld, citing n2's priority clause and saying how it would
    mean fighting CHN (a duty to defend KOR against RUS, not to fight CHN), and its duty to CHN."""
    w = _world(world, **PRIORITY)
    r = run_cascade(w, build_scenario(w, attacker=["RUS", "CHN"], target="KOR", date=DAY))
    assert not r.conflicts
    held = [x for x in r.withheld if x.state == "PRK"]
    assert [(x.treaty, x.article) for x in held] == [("d2", "1")]
    assert held[0].reason.startswith("set aside: joining the defence of South Korea (KOR) against Russia (RUS) would "
                                     "mean fighting China (CHN); n2 art. 9, its priority clause, makes North Korea "
                                     "(PRK)'s duty not to fight China (CHN) prevail")
    assert [(n.state, n.toward, n.treaty) for n in r.neutral] == [("PRK", "CHN", "n2")]


@pytest.mark.parametrize("eng", ENGINES)
def test_without_a_priority_clause_it_stays_a_conflict(world: World, eng: str) -> None:
    w = _world(world)
    got = outcome(eng, w, build_scenario(w, attacker=["RUS", "CHN"], target="KOR", date=DAY))
    assert "PRK" in got.conflicts


@pytest.mark.needs_data
@pytest.mark.parametrize("reading", ["legal", "escalatory"])
@pytest.mark.parametrize("day", ["2024-10-01", "2025-06-01"])
def test_egypt_and_jordan_stay_out_of_a_war_on_syria_israel_fights_in(world: World, reading: Reading,
                                                                       day: str) -> None:
    """ISR and USA strike SYR: the Arab League treaty binds EGY and JOR to defend SYR against USA, ISR is on the other
    side, and their peace treaties' priority clauses make their duty not to fight ISR prevail."""
    r = run_cascade(world, build_scenario(world, attacker=["ISR", "USA"], target="SYR", date=day, reading=reading))
    assert not {"EGY", "JOR"} & {c.state for c in r.conflicts}
    held = {x.state: x for x in r.withheld if x.treaty == "arab_jdec_1950"}
    assert "egy_isr_1979 art. VI(5)" in held["EGY"].reason or "Egypt-Israel 1979 art. VI(5)" in held["EGY"].reason
    assert "art. 25" in held["JOR"].reason and "not verified" in held["JOR"].reason
    assert all(x.reason.startswith("set aside: joining the defence of Syria (SYR) against United States (USA) would "
                                   "mean fighting Israel (ISR); ") for x in held.values())
    assert {(n.state, n.toward) for n in r.neutral} >= {("EGY", "ISR"), ("JOR", "ISR")}


def test_the_atlas_engines_let_a_joiner_stay_out_too(world: World) -> None:
    """Every dyad of the small world, the reference engine checked equal to the batched atlas (the packed rounds and
    the escalatory shortcut among them): RUS's strike on KOR leaves CHN out, no conflict."""
    got = _every_engine(_world(world, **PRIORITY), "escalatory")
    assert "CHN" not in got["RUS", "KOR"].conflicts
    assert got["RUS", "KOR"].sides.get("PRK") == "defense"


def _late_world(base: World, **peace: Any) -> World:
    """PRK alone owes CHN neutrality (n2, also when CHN attacks), and defends KOR; CHN defends RUS."""
    neutral = {"kind": "neutrality", "article": "3", "strength": "S4", "when_partner_attacks": True,
               "obligors": ["PRK"]}
    return make_world(base, treaty("n2", ["CHN", "PRK"], neutral, **peace), treaty("d2", ["KOR", "PRK"], defense()),
                      treaty("d3", ["RUS", "CHN"], defense()))


def test_a_state_already_fighting_stays_out_late_in_every_engine(world: World) -> None:
    """RUS strikes KOR (escalatory): PRK joins KOR in round 1; KOR's strike on RUS binds CHN to join RUS in round 2,
    which bars PRK (its n2 duty to CHN) late: without the clause a late conflict, with it PRK stays out, the run
    resuming without it, and every engine (the legacy restarting one byte for byte, the atlases) agrees."""
    scenario = build_scenario(world, attacker="RUS", target="KOR", date=DAY, reading="escalatory")
    first = build_scenario(world, attacker="RUS", target="KOR", date=DAY, reading="legal")  # no strike back
    assert outcome_of(run_cascade(_late_world(world), first)).rounds.get("PRK") == 1  # PRK fights from round 1
    late = run_cascade(_late_world(world), scenario)
    assert [(c.state, c.round) for c in late.conflicts] == [("PRK", 3)]  # then is barred: a late conflict
    w = _late_world(world, **PRIORITY)
    r = run_cascade(w, scenario)
    expected = outcome_of(r)
    assert expected.conflicts == frozenset() and expected.sides == {"RUS": "attack", "CHN": "attack", "KOR": "defense"}
    assert [(x.state, x.treaty) for x in r.withheld] == [("PRK", "d2")]
    assert json.dumps(r.to_dict()) == json.dumps(restarting_cascade(w, scenario).to_dict())
    for eng in ENGINES[1:]:
        assert outcome(eng, w, scenario) == expected, eng
    assert _every_engine(w, "escalatory")["RUS", "KOR"] == expected


def test_an_offence_duty_set_aside_at_side_level_says_whose_attack_it_would_join(world: World) -> None:
    """RUS strikes KOR (escalatory): o2 binds PRK to join RUS's attack, CHN defends KOR, and PRK's n2 duty to CHN
    prevails: PRK stays out in every engine, its o2 duty withheld with the attack it would have joined."""
    neutral = {"kind": "neutrality", "article": "3", "strength": "S4", "when_partner_attacks": True,
               "obligors": ["PRK"]}
    offence = {"kind": "offense", "article": "2", "strength": "S1"}
    w = make_world(world, treaty("n2", ["CHN", "PRK"], neutral, **PRIORITY), treaty("o2", ["RUS", "PRK"], offence),
                   treaty("d4", ["KOR", "CHN"], defense()))
    scenario = build_scenario(w, attacker="RUS", target="KOR", date=DAY, reading="escalatory")
    r = run_cascade(w, scenario)
    expected = outcome_of(r)
    assert expected.conflicts == frozenset() and "PRK" not in expected.sides
    assert [(x.state, x.treaty, x.reason.split(";")[0]) for x in r.withheld] == [
        ("PRK", "o2", "set aside: joining Russia (RUS)'s attack on South Korea (KOR) would mean fighting China (CHN)")]
    assert json.dumps(r.to_dict()) == json.dumps(restarting_cascade(w, scenario).to_dict())
    for eng in ENGINES[1:]:
        assert outcome(eng, w, scenario) == expected, eng


def _mutual_world(base: World, offender: str, defender: str, **peace: Any) -> World:
    """`offender` joins RUS's attacks (o2), `defender` defends KOR (d4), and each owes the other neutrality, also when
    the other attacks (n2): in the escalatory reading both fight from round 1, and in round 2 each bars the other."""
    neutral = {"kind": "neutrality", "article": "3", "strength": "S4", "when_partner_attacks": True}
    offence = {"kind": "offense", "article": "2", "strength": "S1"}
    return make_world(base, treaty("n2", [defender, offender], neutral, **peace),
                      treaty("o2", ["RUS", offender], offence), treaty("d4", ["KOR", defender], defense()))


def test_the_legacy_engine_leaves_out_a_partner_s_attack_on_the_obligor(world: World) -> None:
    """RUS strikes KOR (escalatory): PRK (o2) and CHN (d4) fight from round 1 and then strike each other; CHN's n2 duty
    to PRK, which binds when PRK attacks, does not bind it on PRK's attack on CHN itself (`verdict.spares_own_attack`):
    the legacy engine cites, in CHN's conflict, only the duties the reference engine does, byte for byte."""
    w = _mutual_world(world, "PRK", "CHN")
    scenario = build_scenario(w, attacker="RUS", target="KOR", date=DAY, reading="escalatory")
    r = run_cascade(w, scenario)
    assert [c.state for c in r.conflicts] and all(n.because.attacked != n.state for c in r.conflicts
                                                  for n in c.neutral)
    assert json.dumps(r.to_dict()) == json.dumps(restarting_cascade(w, scenario).to_dict())


@pytest.mark.parametrize("peace", [PRIORITY, {}], ids=["priority", "plain"])
def test_two_states_barring_each_other_in_one_round_do_not_depend_on_their_ids(world: World,
                                                                              peace: dict[str, Any]) -> None:
    """CHN and PRK, fighting on opposite sides from round 1, each bar the other in round 2: the outcome is the same
    when the two swap roles (a renaming, which flips which of them comes first by id), in every engine (the legacy
    restarting one byte for byte, the atlases). Both stay out (each one's duty not to fight the other prevails), or,
    without the priority clause, both are conflicts (`conflict.SIMULTANEOUS`; before it, excluding the first by id and
    resuming let the second fight)."""
    seen = []
    for offender, defender in (("PRK", "CHN"), ("CHN", "PRK")):
        w = _mutual_world(world, offender, defender, **peace)
        scenario = build_scenario(w, attacker="RUS", target="KOR", date=DAY, reading="escalatory")
        r = run_cascade(w, scenario)
        got = outcome_of(r)
        assert json.dumps(r.to_dict()) == json.dumps(restarting_cascade(w, scenario).to_dict())
        for eng in ENGINES[1:]:
            assert outcome(eng, w, scenario) == got, eng
        assert _every_engine(w, "escalatory")["RUS", "KOR"] == got
        roles = {"sides": {("offender" if s == offender else "defender" if s == defender else s): side
                           for s, side in got.sides.items()},
                 "conflicts": sorted("offender" if s == offender else "defender" for s in got.conflicts)}
        seen.append(roles)
    assert seen[0] == seen[1]
    assert seen[0]["sides"] == {"RUS": "attack", "KOR": "defense"}
    assert seen[0]["conflicts"] == ([] if peace else ["defender", "offender"])


def _dropped_world(base: World) -> World:
    """KOR is defended by EST, EST by BLR, RUS by CHN and PRK; CHN owes BLR neutrality with a priority clause, EST owes
    PRK neutrality (also when PRK attacks)."""
    neutral = {"kind": "neutrality", "article": "3", "strength": "S4"}
    return make_world(base, treaty("d1", ["KOR", "EST"], defense()), treaty("d2", ["EST", "BLR"], defense()),
                      treaty("d3", ["RUS", "CHN"], defense()), treaty("d4", ["RUS", "PRK"], defense()),
                      treaty("n1", ["CHN", "BLR"], neutral | {"obligors": ["CHN"]}, **PRIORITY),
                      treaty("n2", ["EST", "PRK"], neutral | {"obligors": ["EST"], "when_partner_attacks": True}))


def test_a_state_that_stays_out_stays_so_when_a_resume_drops_the_state_it_protects(world: World) -> None:
    """RUS strikes KOR (escalatory): EST joins KOR (round 1); BLR (defending EST) joins KOR, PRK and CHN (defending
    RUS) join RUS (round 2). In round 3 the strikes on BLR bind CHN's n1 duty, those by and on PRK EST's n2 duty: both
    are barred by the round's sides and excluded together (`conflict.SIMULTANEOUS`), CHN staying out, and the
    run resumes from round 1 without them, so BLR never fights. CHN stays out all the same, as the legacy engine,
    restarting from scratch without both, has it (without the clause it is a conflict citing BLR likewise): the
    packed atlas, which solved again only the rows where the protected state ends on a side or excluded, reported
    CHN as a conflict."""
    w = _dropped_world(world)
    scenario = build_scenario(w, attacker="RUS", target="KOR", date=DAY, reading="escalatory")
    r = run_cascade(w, scenario)
    expected = outcome_of(r)
    assert json.dumps(r.to_dict()) == json.dumps(restarting_cascade(w, scenario).to_dict())
    assert expected.conflicts == frozenset({"EST"}) and expected.sides == {"RUS": "attack", "PRK": "attack",
                                                                            "KOR": "defense"}
    for eng in ENGINES[1:]:
        assert outcome(eng, w, scenario) == expected, eng
    assert _every_engine(w, "escalatory")["RUS", "KOR"] == expected


def _solved_again(w: World, monkeypatch: pytest.MonkeyPatch, jit: str) -> tuple[set[tuple[str, str]], dict[
        tuple[str, str], set[str]]]:
    """The escalatory atlas of every dyad of `STATES` (the packed rounds, numpy or numba): the dyads whose rows
    `stays_out.solve_again` solves again densely (`batch._solve`, seen through a hook), and each dyad's conflicts."""
    monkeypatch.setenv("FOEDUS_JIT", jit)
    rules = batch.compile_rules(w, switches(DAY), STATES)
    seen: set[tuple[str, str]] = set()
    solve = batch._solve

    def hook(rules: Any, side: np.ndarray, victims: np.ndarray, reading: Reading) -> Any:
        seen.update((rules.states[int(np.argmax(r == ATTACK))], rules.states[int(np.argmax(r == DEFENSE))])
                    for r in side)
        return solve(rules, side, victims, reading)

    monkeypatch.setattr(batch, "_solve", hook)
    a, b = np.meshgrid(np.arange(len(STATES)), np.arange(len(STATES)), indexing="ij")
    keep = a != b
    res = batch.batch_cascades(rules, a[keep], b[keep], "escalatory")
    return seen, {(STATES[i], STATES[j]): {rules.states[x] for x in np.flatnonzero(res.conflicts[k])}
                  for k, (i, j) in enumerate(zip(a[keep], b[keep], strict=True))}


@pytest.mark.parametrize("jit", ["0", "1"])
def test_the_atlas_solves_again_a_row_whose_protected_state_fought_then_left(world: World,
                                                                            monkeypatch: pytest.MonkeyPatch,
                                                                            jit: str) -> None:
    """`_dropped_world`: BLR, whom CHN's prevailing n1 duty protects, joins and leaves at the resume that excludes CHN:
    the row RUS-KOR is solved again (BLR was on a side in its rounds, though not at the end) and CHN stays out."""
    again, conflicts = _solved_again(_dropped_world(world), monkeypatch, jit)
    assert ("RUS", "KOR") in again
    assert conflicts["RUS", "KOR"] == {"EST"}


@pytest.mark.parametrize("jit", ["0", "1"])
def test_the_atlas_does_not_solve_again_a_row_the_protected_state_never_fights_in(world: World,
                                                                                 monkeypatch: pytest.MonkeyPatch,
                                                                                 jit: str) -> None:
    """CHN defends both RUS and KOR, and owes BLR a prevailing neutrality duty: RUS's strike on KOR binds CHN to both
    sides, a conflict, while BLR never fights; the duty to BLR never binds, so the row is not solved again (it was,
    for every excluded state owing a prevailing duty), and every engine still reports CHN as a conflict."""
    neutral = {"kind": "neutrality", "article": "3", "strength": "S4", "obligors": ["CHN"]}
    w = make_world(world, treaty("d3", ["RUS", "CHN"], defense()), treaty("d5", ["KOR", "CHN"], defense()),
                   treaty("n1", ["CHN", "BLR"], neutral, **PRIORITY))
    again, conflicts = _solved_again(w, monkeypatch, jit)
    assert conflicts["RUS", "KOR"] == {"CHN"}
    assert ("RUS", "KOR") not in again
    assert _every_engine(w, "escalatory")["RUS", "KOR"].conflicts == {"CHN"}
