"""The JSON writers compiled per record class (`foedus.engine.contract._writer`) write what the loop over a class's
plan wrote, for every kind of record a cascade's result holds (docs/performance.md, session 53)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest

from foedus.engine import contract
from foedus.engine.cascade import run_cascade
from foedus.engine.scenario import build_scenario
from foedus.model.world import World

pytestmark = pytest.mark.needs_data

DAY = dt.date(2025, 6, 1)


def _loop_json(record: Any) -> dict[str, Any]:
    """The JSON contract as `to_json` wrote it before its writers were compiled: a loop over the class's plan."""
    out: dict[str, Any] = {}
    fields, computed_keys = contract._plan(type(record))
    for name, key, flatten, omit, optional in fields:
        value = getattr(record, name)
        if optional and value is None:
            continue
        if flatten:
            if value is not None:
                out.update({k: v for k, v in _loop_json(value).items() if k not in omit} if omit
                           else _loop_json(value))
        else:
            out[key] = _loop_value(value, omit)
    for p in computed_keys:
        out[p.name] = _loop_value(p.getter(record))
    return out


def _loop_value(value: Any, omit: tuple[str, ...] = ()) -> Any:
    if isinstance(value, str | int | float | bool | type(None)):
        return value
    if isinstance(value, tuple | list):
        return [_loop_value(v, omit) for v in value]
    if hasattr(type(value), "__record_fields__"):
        return {k: v for k, v in _loop_json(value).items() if k not in omit} if omit else _loop_json(value)
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return value


@pytest.mark.parametrize("attacker, target", [("RUS", "EST"), ("CHN", "UKR"), ("USA", "CUB"), ("PRK", "KOR")])
def test_compiled_writers_write_what_the_plan_loop_wrote(world: World, attacker: str, target: str) -> None:
    """Joiners (flattened primaries, `also` less `state`), conflicts, neutrality, withheld legs, violations,
    consultations, doubts and the scenario (flattened), each class's writer compiled once."""
    result = run_cascade(world, build_scenario(world, attacker=attacker, target=target, date=DAY,
                                               reading="escalatory"))
    assert json.dumps(result.to_dict()) == json.dumps(_loop_json(result))
    assert {"CascadeResult", "Joiner", "Obligation", "Because", "Scenario"} <= {
        c.__name__ for c in contract._WRITERS}
