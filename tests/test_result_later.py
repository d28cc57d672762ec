"""A cascade's joiners are cited when first read (`foedus.engine.result.Later`), once, and the result then reads as
one made with them: equal, copied, pickled and replaced alike (docs/performance.md, session 53)."""

from __future__ import annotations

import copy
import datetime as dt
import json
import pickle
from typing import Any

import pytest

from foedus.datarecord import replace
from foedus.engine.cascade import run_cascade
from foedus.engine.result import CascadeResult, Later
from foedus.engine.scenario import build_scenario
from foedus.model.world import World

pytestmark = pytest.mark.needs_data

DAY = dt.date(2025, 6, 1)


def _result(world: World, attacker: str = "RUS", target: str = "EST") -> CascadeResult:
    return run_cascade(world, build_scenario(world, attacker=attacker, target=target, date=DAY,
                                             reading="escalatory"))


def test_joiners_cited_when_first_read_and_kept(world: World) -> None:
    """Russia attacks Estonia: the result holds its joiners unmade; the first read cites them (NATO's members among
    them, each with its primary obligation, on the sides the result gives), the next reads get the same tuple."""
    result = _result(world)
    assert type(vars(result)["joiners"]) is Later
    joiners = result.joiners
    assert type(vars(result)["joiners"]) is tuple and result.joiners is joiners
    assert len(joiners) > 20 and {"USA", "POL", "DEU"} <= {j.state for j in joiners}
    assert all(j.primary.because.by and j.primary.state == j.state for j in joiners)
    assert result.sides == {"attack": ["RUS", *[j.state for j in joiners if j.side == "attack"]],
                            "defense": ["EST", *[j.state for j in joiners if j.side == "defense"]]}
    assert {j.state for j in joiners} <= result.ccodes.keys()


@pytest.mark.parametrize("how", ["pickle", "copy", "deepcopy", "replace", "equal"])
def test_a_result_unread_reads_as_one_read(world: World, how: str) -> None:
    """A result whose joiners were never read is pickled, copied, replaced and compared with them cited."""
    read, unread = _result(world), _result(world)
    assert read.joiners and type(vars(unread)["joiners"]) is Later
    made: Any = {"pickle": lambda r: pickle.loads(pickle.dumps(r)), "copy": copy.copy, "deepcopy": copy.deepcopy,
                 "replace": lambda r: replace(r, rounds=r.rounds), "equal": lambda r: r}[how](unread)
    assert made == read and made.joiners == read.joiners
    if how in ("pickle", "copy", "deepcopy"):  # a copy holds the records, not the run's stores
        assert type(vars(made)["joiners"]) is tuple and type(vars(unread)["joiners"]) is tuple
        assert len(pickle.dumps(unread)) == len(pickle.dumps(read))
    assert json.dumps(made.to_dict()) == json.dumps(read.to_dict())

