"""A late conflict's run goes back to the round the state joined in without evaluating that round again
(`foedus.engine.resume.again`), and gets what evaluating it again gets (`resume.replay`)."""

from __future__ import annotations

import json

import pytest

from foedus.engine import cascade
from foedus.engine.cascade import run_cascade
from foedus.engine.scenario import Scenario
from foedus.model.world import World
from scenario_mix import random_scenarios

pytestmark = pytest.mark.needs_data


def _late_targets(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, int]]:
    """Record, in order, each round a run starts (`_save`) and the round each late conflict goes back to."""
    events: list[tuple[str, int]] = []
    settle, save = cascade._Run._settle, cascade._Run._save

    def settled(self: cascade._Run, *args: object) -> list[str]:
        late = settle(self, *args)  # type: ignore[arg-type]
        if late:  # back to the earliest round one of them joined in
            events.append(("late", min(self.joiners[state][0][0] for state in late)))
        return late

    def saved(self: cascade._Run, *args: object) -> None:
        events.append(("start", self.rounds))
        save(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(cascade._Run, "_settle", settled)
    monkeypatch.setattr(cascade._Run, "_save", saved)
    return events


def _scenarios(world: World) -> list[Scenario]:
    return random_scenarios(world, 37, 160)


def test_a_late_conflicts_round_is_not_evaluated_again(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """After a late conflict sends the run back to round r, the next round evaluated is r + 1: round r's finds are
    restored, less the excluded states' (the replay evaluated round r again)."""
    events = _late_targets(monkeypatch)
    for scenario in _scenarios(world):
        run_cascade(world, scenario)
    lates = [i for i, (what, _) in enumerate(events) if what == "late"]
    assert len(lates) > 12  # 17 resumes for 209 late conflicts: a round's resume together (205 before, one each)
    for i in lates:
        target, after = events[i][1], next((r for what, r in events[i + 1:] if what == "start"), None)
        assert after is None or after > target, (target, after)


def test_the_shortcut_gives_what_a_replay_gives(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every result, late conflicts and all, is the same whether a late conflict's round is evaluated again or its
    finds restored (both readings, every switch: `scenario_mix`)."""
    events = _late_targets(monkeypatch)
    for scenario in _scenarios(world):
        got = []
        for replay in (True, False):
            monkeypatch.setattr(cascade, "REPLAY", replay)
            got.append(json.dumps(run_cascade(world, scenario).to_dict(), default=str))
        assert got[0] == got[1], scenario
    readings = {s.reading for s in _scenarios(world)}
    assert readings == {"legal", "escalatory"}
    assert sum(what == "late" for what, _ in events) > 25  # late conflicts met both ways (17 resumes each)
