"""What a warm reference cascade does per leg it looks at and per find (issue 15, docs/performance.md, session 30).

The defence and consultation legs owed to a victim are looked at hundreds of times a 2025 cascade: each comes with
what every look reads of it (its id, whether it admits any counterpart, the ledger's keys of what it finds), read
once per table; a new obligation's key, a new consultation and a neutrality duty are kept where they are found,
without a call of `Ledger.bind`, `Ledger.first` or `Binder._neutral_find` each; a new joiner of the common kind is
admitted without a call of `_Run._join`. Counted with cProfile on the second run of a 2025 war (the first fills the
table's stores), as tests/test_cascade_calls.py counts."""

from __future__ import annotations

import cProfile
import datetime as dt
import pstats
from typing import Any

import pytest

from foedus.engine.cascade import run_cascade
from foedus.engine.result import CascadeResult
from foedus.engine.scenario import build_scenario
from foedus.model.world import World

pytestmark = pytest.mark.needs_data

DAY = dt.date(2025, 6, 1)


def _profiled(world: World, attacker: str, target: str) -> tuple[CascadeResult, dict[Any, Any]]:
    """The result of the cascade and cProfile's stats of its second run (by (file, line, function): calls, callers)."""
    scenario = build_scenario(world, attacker=attacker, target=target, date=DAY, reading="escalatory")
    run_cascade(world, scenario)
    profile = cProfile.Profile()
    result = profile.runcall(run_cascade, world, scenario)
    return result, pstats.Stats(profile).stats  # type: ignore[attr-defined]


def _calls(stats: dict[Any, Any]) -> dict[tuple[str, str], int]:
    """The calls of `stats` by (file, function)."""
    out: dict[tuple[str, str], int] = {}
    for (path, _, name), row in stats.items():
        key = (path.replace("\\", "/").rsplit("/", 1)[-1], name)
        out[key] = out.get(key, 0) + row[1]
    return out


def _run(world: World, attacker: str, target: str) -> tuple[CascadeResult, dict[tuple[str, str], int]]:
    """The result of the cascade and its calls by (file, function), counted on its second run."""
    result, stats = _profiled(world, attacker, target)
    return result, _calls(stats)


def _first_calls_from(stats: dict[Any, Any], *finders: str) -> int:
    """`Ledger.first`'s calls from the named functions of bind.py in a profiled run's `stats` (`_profiled`)."""
    return sum(n for (path, _, name), (_, n, *__) in next(
        row[4] for (path, _, name), row in stats.items() if path.endswith("ledger.py") and name == "first").items()
        if path.endswith("bind.py") and name in finders)


def test_owed_legs_come_with_what_a_look_reads(world: World) -> None:
    """Each defence and consultation leg owed to a state carries its id, whether it admits anyone, and the ledger's
    keys of what it finds (session 35: made once per table, where each find made its key): a defence leg's
    obligation to either side, a consultation leg's consultation."""
    from foedus.engine.owed import owed_legs
    from foedus.engine.table import leg_table

    owed = owed_legs(leg_table(world, DAY), "EST")
    for kind, legs in (("defence", owed.defence), ("consultation", owed.consultation)):
        entries = [e for found in legs.values() for e in found]
        assert len(entries) > 10
        for rank, leg, lid, anyone, key, other in entries:
            assert isinstance(rank, int)
            assert (lid, anyone) == (id(leg), leg.counterparts.anyone)
            o, t, a = leg.obligor, leg.treaty.id, leg.provision.article
            assert (key, other) == (((o, t, a, "attack"), (o, t, a, "defense")) if kind == "defence"
                                    else ((o, "EST", t, a), (o, "EST", t, a)))


@pytest.mark.parametrize("attacker, target", [("RUS", "EST"), ("TUR", "GRC")])
def test_new_obligations_are_bound_without_a_call_each(world: World, attacker: str, target: str) -> None:
    """`Ledger.bind` runs only for a key already held (most binds are of new keys). TUR/GRC binds 35 volleys: one
    pass, and one resume for the states conflicted in its second round (627 when each resumed the run alone, before
    `conflict.SIMULTANEOUS`; 47 before the EU's four neutrals were withheld, 2026-12-07, and struck no more)."""
    result, calls = _run(world, attacker, target)
    assert calls[("bind.py", "volley")] > 30
    assert calls.get(("ledger.py", "bind"), 0) * 4 <= len(result.joiners), calls.get(("ledger.py", "bind"))


def test_consultations_of_legs_that_admit_anyone_are_found_without_calls(world: World) -> None:
    """A consultation leg that admits any attacker binds on the volley's first attack: no `first_admitted` call."""
    _, calls = _run(world, "RUS", "EST")
    passes = calls[("bind.py", "records")]  # each calls `_consultations` where legs wait (session 35)
    assert passes > 100 and calls[("bind.py", "_consultations")] > 50
    assert calls.get(("owed.py", "first_admitted"), 0) * 10 < passes


def test_duties_and_joiners_are_kept_without_a_call_each(world: World) -> None:
    """A neutrality duty owed to the victim is kept without a `_neutral_find` call, and a new joiner bound once
    and owing no neutrality is admitted without a `_join` call. NOR/MNE binds 33 volleys: one pass, and one resume
    for the 30 states conflicted in its second round (497 when each resumed the run alone, before
    `conflict.SIMULTANEOUS`)."""
    _, calls = _run(world, "NOR", "MNE")
    volleys = calls[("bind.py", "volley")]
    assert volleys > 30
    assert calls.get(("bind.py", "_neutral_find"), 0) * 4 < volleys
    assert calls.get(("cascade.py", "_join"), 0) * 4 < volleys


def test_datasets_are_found_without_a_set_of_every_treaty(world: World) -> None:
    """Whether the result names an ATOP treaty is found at the first record citing one (each treaty's origin kept
    per table), not from a set of every treaty the result cites."""
    result, calls = _run(world, "RUS", "EST")
    assert "atop" in result.datasets
    assert calls.get(("outcome.py", "<setcomp>"), 0) <= 1  # the conflicts' states (`bound`), not the treaties


def test_violation_keys_are_kept_per_table(world: World) -> None:
    """The ledger's key of a non-aggression leg's violation (obligor, beneficiary, treaty) is made at the leg's first
    find and kept per table (session 37), where the records pass made one on every find."""
    from foedus.engine.table import leg_table

    result, _ = _run(world, "RUS", "EST")
    keys = leg_table(world, DAY).derived("violation keys", dict)
    assert len(result.violations) > 100 and len(keys) > 100
    legs = {id(leg): leg for leg in leg_table(world, DAY).all_legs()}
    for lid, key in keys.items():
        leg = legs[lid]
        assert key == (leg.obligor, leg.beneficiary, leg.treaty.id)


def test_violations_are_found_without_a_call_each(world: World) -> None:
    """A new violation is kept without a `Ledger.first` call (counted from the two finders of violations: a withheld
    leg's find, `_defence`'s, is kept by one, and the EU's four neutrals give many since 2026-12-07), and
    `_violations` (neutrality legs whose obligor attacks the victim) is called only for a volley with such an attacker
    (session 37)."""
    result, stats = _profiled(world, "RUS", "EST")  # one profiled run for both counts
    calls = _calls(stats)
    passes = calls[("bind.py", "records")]
    assert len(result.violations) > 100 and passes > 100
    assert _first_calls_from(stats, "_nonaggression", "_violations") * 4 < len(result.violations)
    assert calls.get(("bind.py", "_violations"), 0) * 4 < passes
