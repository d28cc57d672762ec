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



def test_sides_and_the_api_read_from_the_finds_without_citing(world: World) -> None:
    """`api.cascade` reads the sides (coalition power) and replaces the result (the power): neither cites the
    joiners, and what they give from the run's finds is what the records give once cited, in 1990 and 2025."""
    from foedus.api import cascade

    for day, attacker, target in (("2025-06-01", "RUS", "EST"), ("1990-06-01", "PRK", "KOR"),
                                  ("2025-06-01", "CHN", "PHL")):
        result = cascade(attacker, target, day, world=world, reading="escalatory")
        assert type(vars(result)["joiners"]) is Later
        found = result.joined(), result.sides, result.state_ids
        assert result.power is not None and "cow_nmc" in result.datasets  # the sides were read
        assert type(vars(result)["joiners"]) is Later
        assert min(len(side) for side in found[1].values()) > 1  # joiners on both sides
        assert found == (result.joined(), result.sides, result.state_ids)
        assert found[0] == tuple((j.state, j.side) for j in result.joiners)


def test_a_result_replaced_unread_shares_its_joiners_cited_once(world: World) -> None:
    """`replace` carries joiners unmade (`__record_later__`); the copy and the original read the same tuple, cited
    once."""
    unread = _result(world)
    made = replace(unread, rounds=unread.rounds + 1)
    assert type(vars(made)["joiners"]) is Later and type(vars(unread)["joiners"]) is Later
    assert made.joiners is unread.joiners and made.joiners == _result(world).joiners
