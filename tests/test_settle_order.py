"""The reference cascade's outcome does not depend on the order it settles a round's states in
(`rules.conflict.SIMULTANEOUS`): every state conflicted in a round is excluded together, each judged by the sides as
the round found them, and the run resumes once for them all."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Iterable
from typing import Any

import pytest

from foedus.engine import cascade
from foedus.engine.cascade import run_cascade
from foedus.engine.result import CascadeResult
from foedus.engine.scenario import build_scenario
from foedus.model.world import World
from foedus.sweeps.atlas import dyad_members

pytestmark = pytest.mark.needs_data

DAY = dt.date(2025, 6, 1)


def _reversed(states: Iterable[str]) -> list[str]:
    """`cascade.SETTLE_ORDER` reversed: a round's states settled from the highest id down."""
    return sorted(states, reverse=True)


def _outcome(result: CascadeResult) -> tuple[list[tuple[str, str]], list[str]]:
    """The sides and the conflicts."""
    return sorted((j.state, j.side) for j in result.joiners), sorted(c.state for c in result.conflicts)


@pytest.mark.parametrize("attacker, target", [("IRQ", "MUS"), ("TTO", "LVA"), ("SEN", "CIV")])
def test_the_outcome_does_not_depend_on_the_order_a_round_is_settled_in(world: World, monkeypatch: pytest.MonkeyPatch,
                                                                       attacker: str, target: str) -> None:
    """Settled in reverse id order, these escalatory wars (several states already fighting conflicted in one round)
    end the same (before, the first late-conflicted state by id was excluded and the run resumed: the others fought
    on, and reversing the order changed 26 of 150 random 2025 dyads)."""
    scenario = build_scenario(world, attacker=attacker, target=target, date=DAY, reading="escalatory")
    forward = _outcome(run_cascade(world, scenario))
    monkeypatch.setattr(cascade, "SETTLE_ORDER", _reversed)
    assert _outcome(run_cascade(world, scenario)) == forward


def test_random_dyads_end_alike_settled_in_reverse(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """300 random ordered dyads of 2025-06-01 (escalatory), each settled by id and in reverse through the reference
    engine's seam (`cascade.SETTLE_ORDER`, as bench/order_dependence.py does for 10,000): every result is the same, to
    its cited obligations and reasons. Some of them conflict, and some rounds settle several states, so the order had
    a chance to matter."""
    rng = random.Random(44)
    members = dyad_members(world, DAY)
    scenarios = [build_scenario(world, attacker=a, target=b, date=DAY, reading="escalatory")
                 for a, b in (rng.sample(members, 2) for _ in range(300))]
    forward = [run_cascade(world, s) for s in scenarios]
    settled: list[list[str]] = []

    def reversed_and_seen(states: Iterable[str]) -> list[str]:
        settled.append(_reversed(states))
        return settled[-1]

    monkeypatch.setattr(cascade, "SETTLE_ORDER", reversed_and_seen)
    backward = [run_cascade(world, s) for s in scenarios]
    assert [r.scenario for r in backward] == scenarios
    assert backward == forward
    assert sum(bool(r.conflicts) for r in forward) >= 100
    assert sum(len(states) > 1 for states in settled) >= 1000


def test_a_round_s_late_conflicts_resume_the_run_once(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """NOR/MNE: NATO's members, fighting from round 1, are all conflicted in round 2; the run resumes once for all of
    them, not once per state (30 resumes before, each replaying the war)."""
    settle, resume = cascade._Run._settle, cascade._Run._resume
    late: list[list[str]] = []
    resumes: list[object] = []

    def settled(self: cascade._Run, *args: Any) -> list[str]:
        found = settle(self, *args)
        if found:
            late.append(list(found))
        return found

    def resumed(self: cascade._Run, *args: Any) -> Any:
        resumes.append(args)
        return resume(self, *args)

    monkeypatch.setattr(cascade._Run, "_settle", settled)
    monkeypatch.setattr(cascade._Run, "_resume", resumed)
    result = run_cascade(world, build_scenario(world, attacker="NOR", target="MNE", date=DAY, reading="escalatory"))
    assert len(resumes) == len(late) == 1
    assert len(late[0]) > 20 and set(late[0]) <= {c.state for c in result.conflicts}
