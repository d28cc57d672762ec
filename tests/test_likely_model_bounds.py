"""A likelihood-model file's bootstrap and penalty numbers were read as any number: `bootstrap.replicates: -1` (and a
negative seed) and a penalty C of -1 or 0, none a fit can have, were taken and quoted on. They are now bounded as
`foedus likely fit` bounds them (replicates and seed 0 or more; C above 0), refused in one line naming the field."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

import foedus
from foedus.errors import LikelyModelError
from foedus.likely.model import load_model

SHIPPED = Path(foedus.__file__).parent / "data" / "likely_model.json"


def _edited(tmp_path: Path, table: str, key: str, value: object) -> Path:
    """The shipped model with `table[key]` set to `value`."""
    data = json.loads(SHIPPED.read_text(encoding="utf-8"))
    data[table][key] = value
    path = tmp_path / "model.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(("table", "key", "value", "problem"), [
    ("bootstrap", "replicates", -1, "must be greater than or equal to 0 (got -1)"),
    ("bootstrap", "seed", -5, "must be greater than or equal to 0 (got -5)"),
    ("penalty", "C_join", -1.0, "must be greater than 0 (got -1.0)"),
    ("penalty", "C_side", 0, "must be greater than 0 (got 0)"),
])
def test_a_bootstrap_or_penalty_no_fit_can_have_is_refused(tmp_path: Path, table: str, key: str, value: object,
                                                           problem: str) -> None:
    path = _edited(tmp_path, table, key, value)
    with pytest.raises(LikelyModelError, match=f"^{re.escape(f'{path}: {table}.{key}: {problem}')}") as caught:
        load_model(path)
    assert "\n" not in str(caught.value)


def test_the_cli_refuses_it_in_one_line(tmp_path: Path) -> None:
    path = _edited(tmp_path, "bootstrap", "replicates", -1)
    proc = subprocess.run([sys.executable, "-m", "foedus", "cascade", "-a", "DEU", "-t", "POL", "-d", "1939-09-01",
                           "--likelihood", "--likely-model", str(path)], capture_output=True, text=True, check=False)
    assert proc.returncode == 2 and proc.stderr.startswith(f"error: {path}: bootstrap.replicates: must be")
    assert len(proc.stderr.strip().splitlines()) == 1


def test_a_fit_without_bootstrap_is_still_read(tmp_path: Path) -> None:
    """`foedus likely fit --bootstrap 0` writes replicates 0: still a model."""
    assert load_model(_edited(tmp_path, "bootstrap", "replicates", 0)).bootstrap["replicates"] == 0


@pytest.mark.parametrize("replicates", [0, 1])
def test_a_fit_without_bootstrap_warns_that_its_intervals_have_no_width(tmp_path: Path, replicates: int) -> None:
    """`foedus likely fit --bootstrap 0` (or 1) writes a covariance of zeros, so every '90% interval' it gave was its
    point ('26.8% (26.8–26.8)'), shown as any interval is, with no word that nothing was measured."""
    data = json.loads(SHIPPED.read_text(encoding="utf-8"))
    data["bootstrap"]["replicates"] = replicates
    for logit in [*data["join"].values(), data["side"]]:
        logit["cov"] = [[0.0] * len(row) for row in logit["cov"]]  # as build_model writes them for fewer than 2
    for expected in data["expected"].values():
        expected["sd"] = 0.0
    path = tmp_path / "model.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    r = foedus.cascade("DEU", "POL", "1939-09-01", likelihood=True, likely_model=path)
    assert r.likelihood is not None
    ever = next(s for s in r.likelihood.states if s.state == "GBR").chances[-1]
    assert ever.join_low == ever.join == ever.join_high  # the point as its interval
    said = [w for w in r.likelihood.warnings if "bootstrap" in w]
    assert said == [f"this model was fit with {replicates} bootstrap replicate{'' if replicates == 1 else 's'}, too "
                    "few to measure its uncertainty: its intervals have no width, and say nothing of how sure its "
                    "numbers are (refit with `foedus likely fit --bootstrap 200`)"]
    shipped = foedus.cascade("DEU", "POL", "1939-09-01", likelihood=True)
    assert shipped.likelihood is not None and not [w for w in shipped.likelihood.warnings if "bootstrap" in w]
