"""The Egypt-Israel (1979) and Jordan-Israel (1994) peace treaties bar each party from joining a war against the
other: an Arab League duty to defend a member Israel attacks meets that bar, and the state is a conflict, not a
joiner (their priority clauses, Art. VI(5) and Art. 25, are not modelled: foedus has no rule for one treaty's duty
prevailing over another's)."""

from __future__ import annotations

import pytest

import foedus
from foedus.engine.result import CascadeResult

WORLD = foedus.World.load()  # the curated set with ATOP history: each file replaces its ATOP record
PEACE = {"EGY": "egy_isr_1979", "JOR": "jor_isr_1994"}


def run(attacker: str, target: str, day: str) -> CascadeResult:
    return foedus.cascade(attacker, target, day, world=WORLD)


@pytest.mark.parametrize("state", sorted(PEACE))
def test_an_israeli_attack_on_lebanon_leaves_egypt_and_jordan_conflicted(state: str) -> None:
    r = run("ISR", "LBN", "2024-10-01")
    assert r.joiner(state) is None
    conflict = next(c for c in r.conflicts if c.state == state)
    assert {"arab_jdec_1950", PEACE[state]} <= set(conflict.treaties)
    assert [(n.toward, n.treaty) for n in conflict.neutral] == [("ISR", PEACE[state])]
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
    assert "NOT modelled" in " ".join(p.note or "" for p in t.provisions)
