"""The side model reads kappa of the defence portfolios (`sim_kappa_def`; issue #14, `kappa-def-add`, adopted in session
68 by the rule docs/likelihood-experiments.md registered before its score): with Ukraine attacking Russia on 2024-12-05
the pan-European non-aggression ties make NATO's members as alike to Russia as to Ukraine in the whole portfolio,
while their defence portfolios are disjoint from Russia's and Belarus's is Russia's."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest
from tests.test_bench import _load

from foedus.likely.spec import SHIPPED


@pytest.mark.needs_data
def test_the_defence_kappa_sees_the_blocs_the_whole_portfolio_does_not(monkeypatch: pytest.MonkeyPatch) -> None:
    from foedus.engine.scenario import build_scenario
    from foedus.likely.case import case_of_scenario
    from foedus.likely.features import case_features
    from foedus.likely.obligations import bindings, readings
    from foedus.model.world import World

    world = World.default()
    scenario = build_scenario(world, attacker=["UKR"], target=["RUS"], date=dt.date(2024, 12, 5))
    case = case_of_scenario(world, scenario, ())
    values = case_features(world, case, bindings(readings(world, scenario))).values
    at = {s: case.candidates.index(s) for s in ("USA", "POL", "BLR")}
    registered = _load("likely_side", monkeypatch).case_kappa_def(world, case)  # the variant as it was scored
    for side in ("attack", "defense"):
        assert np.array_equal(values[f"sim_kappa_def_{side}"], registered[f"sim_kappa_def_{side}"])
    for s in ("USA", "POL"):  # alike in the whole portfolio, apart in the defence one
        assert values["sim_kappa_attack"][at[s]] > 0.5 and values["sim_kappa_defense"][at[s]] > 0.5
        assert values["sim_kappa_def_defense"][at[s]] < 0 < values["sim_kappa_def_defense"][at["BLR"]]
    assert values["sim_kappa_def_defense"][at["BLR"]] > 0.5 > values["sim_kappa_def_attack"][at["BLR"]]


def test_the_shipped_side_model_reads_it_beside_the_whole_portfolios_kappa() -> None:
    from foedus.likely.model import load_model

    assert {"sim_kappa", "sim_kappa_def"} <= set(SHIPPED.side_diff)
    assert "sim_kappa_def_diff" in load_model().side.names
