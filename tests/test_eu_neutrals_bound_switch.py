"""`--non-military bound` (`Scenario.non_military`): a reader who rejects the usual reading of EU Art. 42(7)'s
"specific character" carve-out (that it lets Austria, Cyprus, Ireland and Malta limit their aid to non-military
means, fact sheet [U]) holds the four bound to fight, as before session 60, each line saying that the result rests on
that reading. The rule stays in one place (the `non_military` gate reads the switch); every engine follows; the switch
travels in the CLI, the Python API, /api, scenario files and the answer's JSON inputs."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import foedus
from foedus.engine.result import CascadeResult
from samples import cli_line

NEUTRALS = ("AUT", "CYP", "IRL", "MLT")
EST = ["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01"]
RESTS = "bound to fight only by rejecting the reading that it may limit its aid to non-military means"


def _run(**kw: Any) -> CascadeResult:
    return foedus.cascade("RUS", "EST", "2025-06-01", **kw)


@pytest.mark.parametrize("reading", ["legal", "escalatory"])
def test_with_the_switch_the_neutrals_are_bound_and_each_line_says_on_what_reading(reading: str, engine: str) -> None:
    """Run by every engine (the `engine` fixture checks each one's sides against the reference's)."""
    r = _run(reading=reading, non_military="bound")
    assert r.to_dict()["non_military"] == "bound"
    for state in NEUTRALS:
        joiner = r.joiner(state)
        assert joiner is not None and state in r.sides["defense"], state
        assert (joiner.primary.treaty, joiner.primary.article) == ("eu_teu_42_7", "42(7)")
        (rests,) = [c for c in joiner.primary.conditions if c.startswith(RESTS)]
        assert rests.endswith("usual reading; --non-military bound)")
        assert not [w for w in r.withheld if w.state == state]
    text = r.explain()
    assert text.splitlines()[0].endswith("; states that may limit their aid to non-military means read as bound to "
                                         "fight")
    assert text.count(f"      condition: {RESTS}") == len(NEUTRALS)


@pytest.mark.parametrize("reading", ["legal", "escalatory"])
def test_without_it_they_are_withheld_as_the_usual_reading_has_it(reading: str, engine: str) -> None:
    r = _run(reading=reading)
    assert r.to_dict()["non_military"] == "withheld"
    assert not set(NEUTRALS) & {*r.sides["attack"], *r.sides["defense"]}
    assert {w.state for w in r.withheld if w.treaty == "eu_teu_42_7"} == set(NEUTRALS)
    assert RESTS not in r.explain()


def test_the_command_line_and_the_web_api_take_it_and_the_json_records_it(api_client: Any) -> None:
    code, out, err = cli_line([*EST, "--non-military", "bound", "--json"])
    assert code == 0, err
    result = json.loads(out)
    assert result["non_military"] == "bound" and set(NEUTRALS) <= set(result["sides"]["defense"])
    code, out, err = cli_line([*EST, "--json"])
    assert code == 0, err
    assert json.loads(out)["non_military"] == "withheld"
    got = api_client.get("/api/cascade", params={"attacker": "RUS", "target": "EST", "date": "2025-06-01",
                                                 "non_military": "bound"})
    assert got.status_code == 200, got.text[:300]
    assert got.json() == _run(non_military="bound").to_dict()


def test_a_scenario_file_saves_and_reloads_it(tmp_path: Path) -> None:
    saved = tmp_path / "neutrals.yaml"
    code, first, err = cli_line([*EST, "--non-military", "bound", "--json", "--save-scenario", str(saved)])
    assert code == 0, err
    assert "\nnon_military: bound\n" in saved.read_text(encoding="utf-8")
    code, again, err = cli_line(["cascade", "--scenario", str(saved), "--json"])
    assert code == 0 and err == "", err
    assert json.loads(again) == json.loads(first) and json.loads(again)["non_military"] == "bound"
    scenario = foedus.load_scenario(saved)
    assert scenario.inputs["non_military"] == "bound"


def test_the_contract_and_the_atlas_know_the_switch() -> None:
    from foedus.engine.contract_gen import typescript
    from foedus.inputs import ATLAS, SWITCH
    from foedus.sweeps.atlas import AtlasOptions

    assert SWITCH["non_military"].choices == ("withheld", "bound") and SWITCH["non_military"].default == "withheld"
    assert "non_military" in {i.name for i in ATLAS}
    assert AtlasOptions(non_military="bound").switches(_run().scenario.date).non_military == "bound"
    assert 'non_military: ["withheld", "bound"]' in typescript()  # web/src/contract.ts, the page's form and links
