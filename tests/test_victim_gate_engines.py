"""The victim gates have one form, the rule's (`Gate.open_for` in `foedus.engine.rules.gates`): the reference engine
asks it, and the vectorised engines (the batched compiler, the Monte Carlo's potential graph and its home strikes, the
atlas's shortcut) implement each gate by name, the request gate as open when the state it protects asks. So a change
to a gate's `open_for` is refused by every vectorised engine (`rules.implemented_gates`, a RuleError naming the gate),
not ignored: they used to go on reading the request gate as open when the victim asks, whatever the rule said."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterator

import pytest

from foedus.datarecord import replace
from foedus.engine.fast.batch import compile_rules
from foedus.engine.fast.outcomes import outcome
from foedus.engine.rules import Gate, gate_named, gates
from foedus.engine.scenario import build_scenario
from foedus.engine.table import leg_table
from foedus.errors import RuleError
from foedus.model.world import World
from foedus.sweeps.atlas_simple import simple_legs
from test_rules import DAY, defense, make_world, treaty

CHANGES: dict[str, Callable[[Gate], Gate]] = {  # the request gate changed in its one place
    "request always open": lambda g: replace(g, open_for=lambda state, s: True),  # help whether or not it asks
    "request static": lambda g: replace(g, open_for=None, closed=lambda leg, scenario: not scenario.requested),
}


@pytest.fixture
def patch_gates(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., None]]:
    """Puts each gate given in place of the rules' gate of its name (or after them, for a new name), with the tables
    compiled before or during the test not reused (`rules.GENERATION`, which `register_gate` bumps)."""

    def patch(*added: Gate) -> None:
        by_name = {g.name: g for g in added}
        kept = [by_name.pop(g.name, g) for g in gates.GATES]
        monkeypatch.setattr(gates, "GATES", kept + list(by_name.values()))
        gates.GENERATION[0] += 1

    yield patch
    monkeypatch.undo()
    gates.GENERATION[0] += 1


def _vectorised() -> list[str]:
    return ["batched", "montecarlo", *(["torch"] if importlib.util.find_spec("torch") else [])]


@pytest.mark.parametrize("change", sorted(CHANGES))
def test_a_changed_request_gate_is_refused_by_every_vectorised_engine(world: World,
                                                                       patch_gates: Callable[..., None],
                                                                       change: str) -> None:
    w = make_world(world, treaty("pact", ["FRA", "DEU"], defense(request_gated=True)))
    scenario = build_scenario(w, attacker="RUS", target="DEU", date=DAY, requested=False)
    assert "FRA" not in outcome("reference", w, scenario).sides  # DEU does not ask: the gate holds FRA back
    request = gate_named("request")
    patch_gates(CHANGES[change](request))
    if change == "request always open":
        assert outcome("reference", w, scenario).sides["FRA"] == "defense"  # the reference engine follows the rule
    for engine in _vectorised():
        with pytest.raises(RuleError, match="gate request "):
            outcome(engine, w, scenario)  # type: ignore[arg-type]
    with pytest.raises(RuleError, match="gate request "):
        compile_rules(w, scenario, ["RUS", "DEU"])  # the batched atlas's compile
    with pytest.raises(RuleError, match="gate request "):
        simple_legs(w, leg_table(w, scenario.date, scenario.basis), scenario, {"DEU": 0, "FRA": 1})  # its shortcut


def test_a_changed_starter_gate_or_an_unknown_victim_gate_is_refused(world: World,
                                                                    patch_gates: Callable[..., None]) -> None:
    scenario = build_scenario(world, attacker="RUS", target="DEU", date=DAY)
    nonprov = gate_named("non_provocation")
    patch_gates(replace(nonprov, open_for=lambda state, s: s.asks(state)))  # open when it asks
    with pytest.raises(RuleError, match=r"gate non_provocation .* closed exactly for a state on the side that started"):
        outcome("batched", world, scenario)
    patch_gates(nonprov, Gate("toy_weather", carried=lambda leg: False, reason=lambda leg, names: "rain",
                                     open_for=lambda state, s: False))  # added without `register_gate`
    with pytest.raises(RuleError, match=r"victim gate toy_weather .* not one the vectorised engines implement"):
        outcome("montecarlo", world, scenario)
