"""A priority clause (`Treaty.priority`) makes a party's duty not to fight the other party prevail over its other
treaties' duties to fight it (`foedus.engine.rules.precedence`): the table compiles the rule into the legs'
counterparts, so every engine (reference, batched, Monte Carlo replay, batched atlas with and without shortcut) reads
it alike."""

from __future__ import annotations

from typing import Any

import pytest

from foedus.engine.cascade import run_cascade
from foedus.engine.rules import alike, precedence
from foedus.engine.scenario import Reading, build_scenario
from foedus.engine.table import compile_table
from foedus.model.vocab import Kind
from foedus.model.world import World
from test_neutrality_rule_engines import DAY, _every_engine
from test_rules import defense, make_world, treaty

PRIORITY = {"priority": {"article": "9", "source": "https://example.org/test"}}


def _world(base: World, **peace: Any) -> World:
    """PRK owes CHN neutrality also when CHN attacks, under a treaty with `peace`'s extra fields, and defends KOR."""
    neutral = {"kind": "neutrality", "article": "3", "strength": "S4", "when_partner_attacks": True}
    return make_world(base, treaty("n2", ["CHN", "PRK"], neutral, **peace), treaty("d2", ["KOR", "PRK"], defense()))


@pytest.mark.parametrize("reading", ["legal", "escalatory"])
def test_every_engine_lets_the_prevailing_duty_keep_the_state_out(world: World, reading: Reading) -> None:
    """Without a priority clause, CHN's attack on KOR binds PRK both to defend KOR and not to fight CHN: a conflict.
    With one, PRK's defence of KOR does not bind it against CHN: it joins no side and is no conflict, in every
    engine."""
    before = _every_engine(_world(world), reading)
    assert "PRK" in before["CHN", "KOR"].conflicts
    after = _every_engine(_world(world, **PRIORITY), reading)
    assert "PRK" not in after["CHN", "KOR"].conflicts
    assert "PRK" not in after["CHN", "KOR"].sides
    assert after["CHN", "KOR"].sides.get("KOR") == "defense"


def test_the_set_aside_obligation_cites_the_priority_clause_and_its_doubt(world: World) -> None:
    """The reference engine reports the defence leg set aside as withheld, citing the priority clause, and carries
    the clause's doubt (unverified) into the record's certainty; the neutrality duty is reported."""
    unsure = {"priority": PRIORITY["priority"] | {"certainty": "unverified"}}
    for extra, level in ((PRIORITY, "verified"), (unsure, "unverified")):
        w = _world(world, **extra)
        r = run_cascade(w, build_scenario(w, attacker="CHN", target="KOR", date=DAY))
        held = [x for x in r.withheld if x.state == "PRK"]
        assert [(x.treaty, x.article) for x in held] == [("d2", "1")]
        assert "n2 art. 9, its priority clause" in held[0].reason
        assert held[0].reason.startswith("set aside against China (CHN): ")  # a duty to fight CHN itself
        assert held[0].certainty == level
        assert ("the priority clause" in held[0].reason.split("prevail")[-1]) == (level != "verified")
        assert [(n.state, n.toward, n.treaty) for n in r.neutral] == [("PRK", "CHN", "n2")]


def test_a_side_joined_against_a_third_state_stays_out_by_the_prevailing_duty(world: World) -> None:
    """RUS and CHN attack KOR; PRK's defence of KOR binds it against RUS (not CHN, whom the priority clause protects),
    so it is bound to KOR's side while its duty not to fight CHN bars that side: its only duty barring the side
    prevails, so it stays out (`precedence.stays_out`), no conflict, its duty to CHN reported."""
    w = _world(world, **PRIORITY)
    r = run_cascade(w, build_scenario(w, attacker=["RUS", "CHN"], target="KOR", date=DAY))
    assert not r.conflicts
    assert [(n.toward, n.treaty) for n in r.neutral] == [("CHN", "n2")]


def test_a_leg_of_a_treaty_with_a_priority_clause_does_not_read_as_one_without(world: World) -> None:
    """A doubt that only adds legs reading as legs in force is not run again (`foedus.engine.rules.alike`): a
    neutrality leg that prevails sets other legs aside, so it must not read as the same leg without the clause."""
    plain, prevailing = (compile_table(w, DAY).owed_to(Kind.NEUTRALITY, "CHN")
                         for w in (_world(world), _world(world, **PRIORITY)))
    assert [leg.obligor for leg in plain] == [leg.obligor for leg in prevailing] == ["PRK"]
    assert alike.reading(plain[0]) != alike.reading(prevailing[0])


def test_the_set_aside_report_reads_the_rule_where_it_is_written(world: World, monkeypatch: pytest.MonkeyPatch
                                                                  ) -> None:
    """The reference engine's report of what a prevailing duty sets aside (`foedus.engine.set_aside`) asks the rule's
    one form, `precedence.against`, as the table does when it narrows the legs: a change to the rule there (here, a
    priority clause that also prevails over its own treaty's duties to fight) changes both alike. The report used to
    test "another treaty" itself, so under the changed rule PRK's defence leg, narrowed, was reported nowhere."""
    neutral = {"kind": "neutrality", "article": "3", "strength": "S4", "when_partner_attacks": True}
    pact = treaty("pact", ["CHN", "PRK", "KOR"], neutral, defense(article="2"), **PRIORITY)

    def held() -> list[tuple[str, str, str, str]]:
        w = make_world(world, pact)
        r = run_cascade(w, build_scenario(w, attacker="CHN", target="KOR", date=DAY))
        assert "PRK" not in r.sides["defense"] and not r.conflicts
        return [(x.state, x.treaty, x.article, x.reason.split(":")[0]) for x in r.withheld]

    # the clause's own treaty's defence leg binds PRK to KOR's side; it stays out at side level (`precedence.stays_out`)
    assert held() == [("PRK", "pact", "2", "set aside")]

    def against_own_too(bars: precedence.Bars, kind: Kind, obligor: str, tid: str) -> frozenset[str]:
        mine = bars.get(obligor)
        return frozenset(mine) if mine and kind in precedence.SET_ASIDE else frozenset()

    monkeypatch.setattr(precedence, "against", against_own_too)
    assert held() == [("PRK", "pact", "2", "set aside against China (CHN)")]  # the leg itself, narrowed
