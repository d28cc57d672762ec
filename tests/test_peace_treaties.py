"""The Egypt-Israel (1979) and Jordan-Israel (1994) peace treaties bar each party from joining a war against the
other, and their priority clauses (Art. VI(5), Art. 25) make that bar prevail (`foedus.engine.rules.precedence`):
an Arab League duty to defend a member Israel attacks is set aside against Israel, and the state stays out."""

from __future__ import annotations

import pytest

import foedus
from foedus.engine.result import CascadeResult

WORLD = foedus.World.load()  # the curated set with ATOP history: each file replaces its ATOP record
PEACE = {"EGY": "egy_isr_1979", "JOR": "jor_isr_1994"}


def run(attacker: str, target: str, day: str) -> CascadeResult:
    return foedus.cascade(attacker, target, day, world=WORLD)


PRIORITY = {"EGY": ("VI(5)", "verified"), "JOR": ("25", "unverified")}  # Art. 25's paragraph: unverified


@pytest.mark.parametrize("state", sorted(PEACE))
def test_an_israeli_attack_on_lebanon_leaves_egypt_and_jordan_out_by_their_priority_clauses(state: str) -> None:
    r = run("ISR", "LBN", "2024-10-01")
    assert r.joiner(state) is None
    assert not any(c.state == state for c in r.conflicts)
    assert [(n.toward, n.treaty) for n in r.neutral if n.state == state] == [("ISR", PEACE[state])]
    article, level = PRIORITY[state]
    held = [w for w in r.withheld if w.state == state and w.treaty == "arab_jdec_1950"]
    assert [w.article for w in held] == ["2"]
    assert f"art. {article}, its priority clause" in held[0].reason and "Israel (ISR)" in held[0].reason
    doubts = [x for x in held[0].certainty_reasons if "priority clause" in x.fact]
    assert [(x.certainty, x.source) for x in doubts] == ([] if level == "verified" else [
        (level, WORLD.treaties[PEACE[state]].priority.source)])  # type: ignore[union-attr]
    assert r.joiner("SAU") is not None  # the other members are bound as before


def test_an_attack_on_egypt_by_a_third_state_is_unaffected() -> None:
    r = run("IRN", "EGY", "2024-10-01")
    assert not any(c.state in PEACE for c in r.conflicts)
    jordan = r.joiner("JOR")
    assert jordan is not None and jordan.side == "defense"
    assert "arab_jdec_1950" in {o.treaty for o in (jordan.primary, *jordan.also)}


@pytest.mark.parametrize("treaty", sorted(PEACE.values()))
def test_the_peace_treaties_load_cite_sources_and_replace_their_atop_records(treaty: str) -> None:
    t = WORLD.treaties[treaty]
    assert t.sources and all(s.url.startswith("http") for s in t.sources)
    assert {p.kind.value for p in t.provisions} == {"neutrality", "nonaggression"}
    assert all(p.when_partner_attacks for p in t.provisions if p.kind.value == "neutrality")
    assert not {f"atop_{n}" for n in t.atop_ids} & set(WORLD.treaties)
    assert t.priority is not None and t.priority.source in {s.url for s in t.sources}
    assert "NOT modelled" not in " ".join(p.note or "" for p in t.provisions)


@pytest.mark.parametrize("reading", ["legal", "escalatory"])
def test_every_engine_keeps_egypt_and_jordan_out_of_an_israeli_attack_on_lebanon(reading: str) -> None:
    """The priority clauses are compiled into the legs (`foedus.engine.rules.precedence`): the batched engine and the
    Monte Carlo replay (every commitment honoured) give the reference engine's sides, Egypt and Jordan on neither and
    no conflict."""
    from foedus.engine.fast.outcomes import outcome
    from foedus.engine.scenario import build_scenario

    scenario = build_scenario(WORLD, attacker="ISR", target="LBN", date="2024-10-01", reading=reading)
    expected = outcome("reference", WORLD, scenario)
    assert not set(PEACE) & (expected.conflicts | expected.sides.keys())
    assert "SAU" in expected.sides
    for engine in ("batched", "montecarlo"):
        assert outcome(engine, WORLD, scenario) == expected, engine
