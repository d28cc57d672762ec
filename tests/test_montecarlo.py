"""Probabilistic mode: reproducibility, the deterministic limit, honour models, coalition power."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import numpy as np
import pytest

import foedus
from foedus.engine.fast.montecarlo import simulate
from foedus.engine.reliability import HonourModel, load_honour_model
from foedus.engine.scenario import build_scenario
from foedus.errors import FoedusError
from foedus.model.world import World

CERTAIN = HonourModel(era={era: {s: 1.0 for s in ("S1", "S2", "S3", "S5")} for era in ("pre1945", "post1945")})
SCENARIOS = [
    ("UKR", "RUS", "2025-01-15", {"place": "kursk-oblast"}),
    ("RUS", "EST", "2025-06-01", {}),
    ("RUS", "EST", "2025-06-01", {"reading": "escalatory"}),
    ("TUR", "GRC", "2025-06-01", {"reading": "escalatory"}),
    ("CHN", "PHL", "2025-06-01", {"place": "second-thomas-shoal", "target_kind": "forces"}),
    ("GMY", "RUS", "1914-08-01", {"reading": "escalatory"}),
    ("IRQ", "KWT", "1990-08-02", {"reading": "escalatory"}),
]


@pytest.mark.parametrize(("a", "t", "d", "kw"), SCENARIOS)
def test_certain_honour_reproduces_the_deterministic_cascade(world: World, a: str, t: str, d: str,
                                                             kw: dict) -> None:  # type: ignore[type-arg]
    scenario = build_scenario(world, attacker=a, target=t, date=d, **kw)
    mc = simulate(world, scenario, 3, 0, CERTAIN)
    det = foedus.cascade(a, t, d, **kw)
    for row in mc.sides:
        got = {"attack": {mc.states[i] for i in np.nonzero(row == 1)[0]},
               "defense": {mc.states[i] for i in np.nonzero(row == 2)[0]}}
        assert got == {k: set(v) for k, v in det.sides.items()}


def test_same_seed_same_numbers_different_seed_different_draws() -> None:
    a = foedus.cascade("RUS", "EST", "2025-06-01", draws=2000, seed=7).to_dict()
    b = foedus.cascade("RUS", "EST", "2025-06-01", draws=2000, seed=7).to_dict()
    c = foedus.cascade("RUS", "EST", "2025-06-01", draws=2000, seed=8).to_dict()
    assert a["probabilities"] == b["probabilities"] and a["war_size"] == b["war_size"]
    assert a["probabilities"] != c["probabilities"]


def test_probabilities_follow_the_honour_model() -> None:
    curated = World.load(history=False)  # the bundled set: ATOP alliances carried forward would add commitments
    out = foedus.cascade("UKR", "RUS", "2025-01-15", place="kursk-oblast", draws=20000, seed=1,
                         world=curated).to_dict()
    p = out["probabilities"]
    assert p["RUS"] == {"attack": 0.0, "defense": 1.0} and p["UKR"]["attack"] == 1.0
    s1_post = 0.745 * 0.22 / 0.66  # S1 after 1945 (engine/reliability.py)
    assert p["PRK"]["defense"] == pytest.approx(s1_post, abs=0.01)
    # Kazakhstan's independent S2 commitments to Russia (CSTO and its bilateral treaties) each draw separately
    kaz = foedus.cascade("UKR", "RUS", "2025-01-15", place="kursk-oblast", world=curated).joiner("KAZ")
    assert kaz is not None
    commitments = [kaz.primary, *kaz.also]
    assert len(commitments) >= 2 and all(o.strength == "S2" for o in commitments)
    assert p["KAZ"]["defense"] == pytest.approx(1 - (1 - 0.22) ** len(commitments), abs=0.01)
    sizes = out["war_size"]["distribution"]
    assert abs(sum(sizes.values()) - 1) < 1e-6 and min(int(k) for k in sizes) == 2


def test_majors_on_opposite_sides() -> None:
    out = foedus.cascade("RUS", "EST", "2025-06-01", draws=5000, seed=3).to_dict()
    assert 0 < out["p_major_powers_opposite"] < 1  # RUS is a major; USA, GBR, FRA join only sometimes
    never = foedus.cascade("RUS", "EST", "2025-06-01", draws=500, seed=3,
                           honour=HonourModel(treaty={"nato_1949": 0.0, "eu_teu_42_7": 0.0})).to_dict()
    assert never["p_major_powers_opposite"] == 0.0


def test_request_probability_gates_csto() -> None:
    world = World.load(history=False)  # with ATOP history Belarus also owes Tajikistan help under the CIS Charter
    scenario = build_scenario(world, attacker="AFG", target="TJK", date="2025-06-01")
    asks = simulate(world, scenario, 2000, 1, HonourModel(ask_probability=1.0, treaty={"csto_1992": 1.0}))
    never = simulate(world, scenario, 2000, 1, HonourModel(ask_probability=0.0, treaty={"csto_1992": 1.0}))
    assert asks.probabilities()["BLR"]["defense"] == 1.0
    assert "BLR" not in never.probabilities()


def test_honour_model_file_overrides_and_errors(tmp_path: Path) -> None:
    good = tmp_path / "honour.yaml"
    good.write_text("strength: {S2: 0.5}\ntreaty: {rus_prk_2024: 0.9}\nmultilateral_factor: 0.8\n")
    model = load_honour_model(good)
    assert model.probability("nato_1949", "S2", False, dt.date(2025, 1, 1)) == pytest.approx(0.4)
    assert model.probability("rus_prk_2024", "S1", True, dt.date(2025, 1, 1)) == 0.9
    assert model.probability("x", "S2", True, dt.date(1900, 1, 1)) == 0.5
    bad = tmp_path / "bad.yaml"
    bad.write_text("strength: {S2: high}\n")
    with pytest.raises(FoedusError, match=r"bad\.yaml: strength\.S2"):
        load_honour_model(bad)


@pytest.mark.parametrize(("text", "field"), [
    ("strength: {S1: .nan, S2: .nan, S3: .nan}", "strength.S1: must be a finite number (got nan)"),
    ("strength: {S2: -5}", "strength.S2: must be greater than or equal to 0 (got -5)"),
    ("era: {post1945: {S1: 7}}", "era.post1945.S1: must be less than or equal to 1 (got 7)"),
    ("treaty: {nato_1949: .inf}", "treaty.nato_1949: must be a finite number (got inf)"),
    ("bilateral_factor: .inf", "bilateral_factor: must be a finite number (got inf)"),
    ("multilateral_factor: -1", "multilateral_factor: must be greater than or equal to 0 (got -1)"),
    ("ask_probability: .nan", "ask_probability: must be a finite number (got nan)"),
    ("strength: {S2: yes}", "strength.S2: must be a number, got true"),
    ("treaty: {nato_1949: 0.5, natoo_1949: 0.3, zzz: 1}", "treaty: unknown treaty id(s) natoo_1949, zzz"),
    ("strength: {S2: 0.5}\nera: {post1945: {S2: 0.9}}",  # ran with 0.5: the era's 0.9 was never read
     "era.post1945.S2: 0.9 is never read: strength.S2 (0.5) overrides it in both eras; give one of them"),
], ids=["nan", "negative", "above-one", "treaty-inf", "factor-inf", "factor-negative", "ask-nan", "boolean",
        "unknown-treaty", "era-under-strength"])
def test_an_honour_file_with_values_that_are_not_probabilities_is_refused(tmp_path: Path, text: str,
                                                                          field: str) -> None:
    """Such a file used to run: NaN went through the draws into invalid JSON, -5 and 7 were clipped silently,
    and a misspelt treaty id set nothing."""
    from samples import cli_line

    path = tmp_path / "honour.yaml"
    path.write_text(text + "\n", encoding="utf-8")
    for args in (["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01", "--draws", "100", "--seed", "1", "--json"],
                 ["atlas", "-d", "2025-06-01", "--draws", "5", "--seed", "1", "--out", str(tmp_path / "a.csv")]):
        code, out, err = cli_line([*args, "--honour", str(path)])
        assert code == 2, err
        assert err.startswith(f"error: {path}: {field}") and len(err.splitlines()) == 1
        assert json.loads(out)["ok"] is False if args[0] == "cascade" else out == ""
    assert not (tmp_path / "a.csv").exists()


def test_an_honour_model_for_a_treaty_the_world_lacks_is_refused() -> None:
    with pytest.raises(FoedusError, match=r"^honour model: treaty: unknown treaty id\(s\) nato_1494 "):
        foedus.cascade("RUS", "EST", "2025-06-01", draws=10, seed=1, honour=HonourModel(treaty={"nato_1494": 0.0}))
    dropped = foedus.cascade("RUS", "EST", "2025-06-01", draws=10, seed=1, drop_treaty=["nato_1949"],
                             honour=HonourModel(treaty={"nato_1949": 0.0}))  # a treaty the what-if dropped is known
    assert dropped.montecarlo is not None


def test_an_atop_id_unknown_for_want_of_the_atop_history_says_so(world: World) -> None:
    """Without the ATOP history an `atop_…` id is not misspelt: the error names the missing data and its fetch."""
    from foedus.model.treatymap import TreatyMap

    bare = World(treaties=TreatyMap(dict(world.treaties.curated)), states=world.states, places=world.places)
    for check in (lambda: bare.treaty("atop_3360"),
                  lambda: HonourModel(treaty={"atop_3360": 0.5}).check_treaties(bare.treaties, "h.yaml",
                                                                                 bare.has_history)):
        with pytest.raises(FoedusError, match=r"atop_3360'?; ATOP alliances come from the ATOP history, which the "
                                              r"data folder lacks: run `foedus data fetch atop`"):
            check()
    with pytest.raises(FoedusError) as err:  # with the history loaded, an unknown ATOP id is just unknown
        HonourModel(treaty={"atop_99999": 0.5}).check_treaties(world.treaties, "h.yaml", world.has_history)
    assert "data fetch" not in str(err.value)
    with pytest.raises(FoedusError) as err:  # and a curated id is never blamed on the history
        bare.treaty("nato_1494")
    assert "data fetch" not in str(err.value)


def test_coalition_power_in_both_modes() -> None:
    det = foedus.cascade("RUS", "EST", "2025-06-01")
    power = det.to_dict()["power"]
    assert power["defense"]["share"] > power["attack"]["share"] > 0
    assert power["note"] == ("NMC ends in 2016: each state's 2016 CINC value is carried forward; NMC's 2016 CINC "
                             "values sum to 1.0068, not 1: a share is of that sum")  # a share is not the CINC itself
    old = foedus.cascade("GMY", "RUS", "1914-08-01").to_dict()["power"]
    assert old["note"] == "NMC's 1914 CINC values sum to 1.0209, not 1: a share is of that sum"
    assert 0 < old["attack"]["share"] < 1 and abs(old["attack"]["share"] - old["attack"]["cinc"] / 1.0208639) < 2e-6
    assert "note" not in foedus.cascade("IND", "PAK", "1965-09-01").to_dict()["power"]  # 1965's sum to 1.0000
    mc = foedus.cascade("RUS", "EST", "2025-06-01", draws=1000, seed=1).to_dict()["expected_power"]
    assert mc["defense"]["cinc_p5"] <= mc["defense"]["cinc_mean"] <= mc["defense"]["cinc_p95"]


def test_a_year_after_the_cinc_data_reads_only_each_state_s_last_value() -> None:
    from foedus.sources import cow

    table = cow.capabilities()
    for year in (1816, 1990, table.last_year, table.last_year + 1, 2025):
        assert cow.cinc_in(year) == table.cinc(year)
    cow.capabilities.cache_clear()
    cow._carried_cinc.cache_clear()
    try:
        assert cow.cinc_in(2025)[1] and cow.capabilities.cache_info().currsize == 0  # from its own cache
        assert cow.cinc_in(1990) == (table.by_year[1990], False)
    finally:
        cow.capabilities.cache_clear()


def test_cli_probabilistic_json_and_bad_draws() -> None:
    import json
    import os
    import subprocess
    import sys

    run = [sys.executable, "-m", "foedus.cli", "cascade", "-a", "UKR", "-t", "RUS", "-d", "2025-01-15",
           "--place", "kursk-oblast", "--json", "--draws", "1000", "--seed", "5"]
    proc = subprocess.run(run, capture_output=True, text=True, env=os.environ.copy(), timeout=120)
    assert proc.returncode == 0, proc.stderr
    out = json.loads(proc.stdout)
    assert {"probabilities", "war_size", "p_major_powers_opposite", "power", "expected_power"} <= set(out)
    proc = subprocess.run([*run[:-4], "--draws", "0"], capture_output=True, text=True, env=os.environ.copy())
    assert proc.returncode == 2 and len(proc.stderr.splitlines()) == 1
    assert "--draws must be between 1 and 10,000,000 (got 0)" in proc.stderr
