"""A member row's own instrument (`foedus.engine.leg.row_instruments`) is found when the leg table compiles a leg and
kept on the leg (`Leg.instrument`), not in a module-level cache keyed by treaty id: two worlds holding different
records of ukr_bilateral_2024 (a comparison's two sides, a server's two users) each answer with their own rows,
asked in turn or from two threads at once."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import ThreadPoolExecutor

import pytest

from foedus.datarecord import fields
from foedus.engine.cascade import run_cascade
from foedus.engine.leg import Leg, instrument_of
from foedus.engine.scenario import build_scenario
from foedus.engine.table import compile_table
from foedus.model.vocab import Instrument, Kind
from foedus.model.world import World

PACT = "ukr_bilateral_2024"
DAY = dt.date(2025, 6, 1)


@pytest.fixture(scope="module")
def worlds() -> tuple[World, World]:
    """The bundled world, and one whose ukr_bilateral_2024 swaps the UK's and the US's rows' instruments."""
    world = World.load(history=False)
    treaty = world.treaties.curated[PACT]
    swap = {"GBR": Instrument.TREATY, "USA": Instrument.POLITICAL_STATEMENT}
    members = [m.model_copy(update={"instrument": swap[m.state]}) if m.state in swap else m for m in treaty.members]
    other = treaty.model_copy(update={"members": members})
    return world, world.with_treaties({**world.treaties.curated, PACT: other})


def _kinds(world: World) -> dict[str, str]:
    """What the UK's and the US's consultations with Ukraine under the pact are said to be owed under."""
    scenario = build_scenario(world, attacker="RUS", target="UKR", date=DAY, reading="legal")
    return {c.state: c.instrument for c in run_cascade(world, scenario).consultations
            if c.treaty == PACT and c.state in ("GBR", "USA")}


BUNDLED = {"GBR": "political_statement", "USA": "treaty"}
SWAPPED = {"GBR": "treaty", "USA": "political_statement"}


def test_two_worlds_asked_in_turn_each_answer_with_their_own_rows(worlds: tuple[World, World]) -> None:
    for _ in range(3):
        assert [_kinds(worlds[0]), _kinds(worlds[1])] == [BUNDLED, SWAPPED]


def test_two_worlds_asked_from_two_threads_each_answer_with_their_own_rows(worlds: tuple[World, World]) -> None:
    with ThreadPoolExecutor(max_workers=2) as pool:
        got = list(pool.map(_kinds, [worlds[i % 2] for i in range(8)]))
    assert got == [BUNDLED, SWAPPED] * 4


def test_a_leg_carries_the_instrument_its_table_found(worlds: tuple[World, World]) -> None:
    """The instrument is a field of the leg, set when it is compiled: each world's table holds its own rows' answer
    (`instrument_of` its own record), and nothing read later looks the treaty id up elsewhere."""
    assert "instrument" in {f.name for f in fields(Leg)}
    for world, want in zip(worlds, (BUNDLED, SWAPPED), strict=True):
        legs = [leg for leg in compile_table(world, DAY).owed_to(Kind.CONSULTATION, "UKR") if leg.treaty.id == PACT]
        assert {leg.obligor: leg.instrument for leg in legs if leg.obligor in want} == want
        assert all(leg.instrument == instrument_of(leg.treaty, leg.obligor, leg.beneficiary) for leg in legs)
