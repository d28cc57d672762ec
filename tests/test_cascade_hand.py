"""What a warm reference cascade keeps from round to round, and what it leaves undone for rounds it throws away
(issue 15, docs/performance.md, session 35).

A round's situation is the last round's where the attacking side is the same, so the verdicts, neutrality legs and
states' statuses the binder keeps for the situation at hand stay at hand (`rules.victim_status` runs about once
per state and attacking side, not per volley); `_defence` and `_consultations` run only where legs wait on the
volley's key; a state's binding finds are ordered by rank only when cited (most rounds are thrown away when a run
resumes). Counted with cProfile on the second run of a 2025 war (the first fills the table's stores), as
tests/test_cascade_looks.py counts."""

from __future__ import annotations

import pytest

from foedus.model.world import World
from test_cascade_looks import _run

pytestmark = pytest.mark.needs_data


@pytest.mark.parametrize("attacker, target", [("NOR", "MNE"), ("TUR", "GRC")])
def test_statuses_stay_at_hand_while_the_attacking_side_is_the_same(world: World, monkeypatch: pytest.MonkeyPatch,
                                                                     attacker: str, target: str) -> None:
    """The round a late conflict restores, evaluated again (`cascade.REPLAY`), has the attacking side its first pass
    had: its volleys ask `victim_status` nothing more (734 and 566 calls for 527 and 657 volleys before, a new
    situation each round, when these wars resumed 30 times: once per late conflict, before `conflict.SIMULTANEOUS`)."""
    from foedus.engine import cascade

    _, calls = _run(world, attacker, target)
    monkeypatch.setattr(cascade, "REPLAY", True)
    _, replayed = _run(world, attacker, target)
    assert calls[("cascade.py", "_resume")] >= 1
    assert replayed[("bind.py", "volley")] > calls[("bind.py", "volley")]
    assert replayed.get(("gates.py", "victim_status"), 0) == calls.get(("gates.py", "victim_status"), 0)


def test_defence_and_consultations_run_only_where_legs_wait(world: World) -> None:
    """A volley on a key whose defence (consultation) legs are all settled calls no `_defence` (`_consultations`)
    (RUS/EST: 168 of 168 volleys did, and 157 of their 168 records passes)."""
    _, calls = _run(world, "RUS", "EST")
    volleys, passes = calls[("bind.py", "volley")], calls[("bind.py", "records")]
    assert volleys > 100 and passes > 100
    assert calls.get(("bind.py", "_defence"), 0) * 2 < volleys
    assert calls.get(("bind.py", "_consultations"), 0) * 2 < passes


@pytest.mark.parametrize("attacker, target", [("TUR", "GRC"), ("USA", "CUB")])
def test_finds_are_ranked_only_when_cited(world: World, attacker: str, target: str) -> None:
    """The rank of a state's binding finds is read only for the finds of a joiner or a conflict with more than one
    (TUR/GRC: 781 reads for 87 such finds before, every round's finds ranked as settled)."""
    result, calls = _run(world, attacker, target)
    cited = (sum(len(j.also) + 1 for j in result.joiners if j.also)
             + sum(len(c.obligations) for c in result.conflicts if len(c.obligations) > 1))
    assert cited > 10
    assert calls.get(("citing.py", "rank"), 0) <= cited
