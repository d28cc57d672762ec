"""The conflict rule has one form, the rule's (`foedus.engine.rules.conflict.conflicted`): the reference engine
decides state by state with it, and the vectorised engines (rounds, packed rounds in numpy and compiled, the escalatory
shortcut) evaluate its compiled form, so that changing the rule there changes what every engine does alike (each used
to code the rule itself; the escalatory shortcut's test of the limited legs counted a neutrality duty as a conflict
whatever the rule said)."""

from __future__ import annotations

import pytest

from foedus.engine.fast.batch import compile_rules
from foedus.engine.fast.closure import closures
from foedus.engine.fast.outcomes import outcome
from foedus.engine.rules import conflict
from foedus.engine.scenario import Reading, build_scenario, switches
from foedus.errors import RuleError
from foedus.model.world import World
from test_neutrality_rule_engines import DAY, STATES, _every_engine, _neutral_world
from test_rules import defense, make_world, treaty


def _both_sides_only(attack: bool, defense: bool, barred_attack: bool, barred_defense: bool) -> bool:
    """A changed rule: only a state bound to both sides is conflicted; a duty not to join the war against a state
    bars nothing."""
    return attack & defense


@pytest.mark.parametrize("reading", ["legal", "escalatory"])
@pytest.mark.parametrize("jit", ["0", "1"])
def test_every_engine_reads_the_conflict_rule(world: World, monkeypatch: pytest.MonkeyPatch, reading: Reading,
                                              jit: str) -> None:
    """PRK owes CHN neutrality also when CHN attacks, and defends KOR: under the rule, CHN's attack on KOR binds it
    both to join and not to join the war against CHN, a conflict; under the changed rule it joins the defence, in
    every engine."""
    monkeypatch.setenv("FOEDUS_JIT", jit)
    before = _every_engine(_neutral_world(world), reading)
    assert "PRK" in before["CHN", "KOR"].conflicts
    monkeypatch.setattr(conflict, "conflicted", _both_sides_only)
    changed = _every_engine(_neutral_world(world), reading)
    assert changed["CHN", "KOR"].sides.get("PRK") == "defense"
    assert not changed["CHN", "KOR"].conflicts
    assert changed != before


def _limited_world(base: World) -> World:
    """PRK owes CHN neutrality against KOR only (a leg with limited counterparts) and defends KOR."""
    against_kor = {"type": "named", "states": ["KOR"]}
    neutral = {"kind": "neutrality", "article": "3", "strength": "S4", "adversary": against_kor}
    return make_world(base, treaty("n3", ["CHN", "PRK"], neutral), treaty("d2", ["KOR", "PRK"], defense()))


def _shortcut_takes(world: World, attacker: str, target: str) -> bool:
    """Whether the escalatory shortcut (`foedus.engine.fast.closure`) answers the dyad itself."""
    rules = compile_rules(world, switches(DAY), STATES)
    return bool(closures(rules).safe[STATES.index(attacker), STATES.index(target)])


def test_the_escalatory_shortcut_reads_the_conflict_rule_for_limited_legs(world: World,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """When KOR attacks CHN, PRK is bound to KOR's side, which its limited neutrality toward CHN bars: under the rule
    a conflict, so the shortcut leaves the dyad to the rounds; under the changed rule the duty bars nothing, PRK just
    joins, and the shortcut answers the dyad itself (the answer every engine's)."""
    before = _every_engine(_limited_world(world), "escalatory")
    assert "PRK" in before["KOR", "CHN"].conflicts
    assert not _shortcut_takes(_limited_world(world), "KOR", "CHN")
    monkeypatch.setattr(conflict, "conflicted", _both_sides_only)
    changed = _every_engine(_limited_world(world), "escalatory")
    assert changed["KOR", "CHN"].sides.get("PRK") == "attack"
    assert _shortcut_takes(_limited_world(world), "KOR", "CHN")


def test_a_rule_the_engines_cannot_compile_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    """A rule under which a state bound both ways is not conflicted has no side for it to join: refused."""
    monkeypatch.setattr(conflict, "conflicted", lambda a, d, ba, bd: a & ba)
    with pytest.raises(RuleError, match="bound both ways"):
        conflict.compiled()


@pytest.mark.parametrize("flag", ["EXCLUDED", "LATE_RESUMES", "SIMULTANEOUS"])
def test_a_conflict_policy_no_engine_follows_is_refused(world: World, monkeypatch: pytest.MonkeyPatch, flag: str
                                                        ) -> None:
    """The policy's flags (`conflict.EXCLUDED`, `LATE_RESUMES`, `SIMULTANEOUS`) say what every engine's loop does; one
    turned off is refused by every engine (a RuleError naming it), not ignored: no engine used to read them, so a
    newcomer who turned one off got the same answers as before."""
    w = _neutral_world(world)
    scenario = build_scenario(w, attacker="CHN", target="KOR", date=DAY)
    assert "PRK" in outcome("reference", w, scenario).conflicts
    monkeypatch.setattr(conflict, flag, False)
    for engine in ("reference", "batched", "montecarlo"):
        with pytest.raises(RuleError, match=flag):
            outcome(engine, w, scenario)
