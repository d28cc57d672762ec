"""Each model of the likelihood draws its coefficients from a stream of its own (foedus.likely.forecast._stream;
session 68): a coefficient added to the side model once moved every join interval (North Korea's 'ever' interval on
Ukraine attacking Russia, 2024-12-05, went 4.6–22.8 to 3.0–23.5 with its point equal), because the side model's
draws came first from the one generator the join models' draws came from next."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np

from foedus.likely.forecast import forecast
from foedus.likely.model import ModelFile, load_model

SHIPPED_FILE = Path(__file__).resolve().parents[1] / "src" / "foedus" / "data" / "likely_model.json"


def _values(model: ModelFile, n: int = 12) -> dict[str, np.ndarray]:
    """Candidates whose features vary, so every coefficient moves their answers."""
    two = model.two_stage()
    values = {c: np.linspace(0, 1, n) for c in ("major", "log_cinc", "wars_fought", "balance")}
    values["post1945"] = np.ones(n)
    for f in {*two.spec.join_side, *two.spec.side_diff}:
        values[f"{f}_attack"] = np.linspace(0, 1, n)
        values[f"{f}_defense"] = np.linspace(1, 0, n) ** 2
    return values


def _with_a_side_coefficient(tmp_path: Path) -> Path:
    """A copy of the shipped file whose side model also reads `major` (a new coefficient, its own variance)."""
    data = json.loads(SHIPPED_FILE.read_text(encoding="utf-8"))
    data["spec"]["side_state"] = [*data["spec"]["side_state"], "major"]
    side = data["side"]
    side["names"], side["mean"], side["scale"] = [*side["names"], "major"], [*side["mean"], 0.2], [*side["scale"], 0.4]
    side["coef"] = [*side["coef"], 0.3]
    side["cov"] = [[*row, 0.0] for row in side["cov"]] + [[0.0] * len(side["cov"]) + [0.05]]
    path = tmp_path / "side-plus-one.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_coefficient_added_to_the_side_model_leaves_the_join_intervals_bit_equal(tmp_path: Path) -> None:
    """The join intervals (P(join either side), column 0) of every horizon are the same to the bit; the side
    model's own answer and its interval move (the new coefficient is read: the test would pass vacuously otherwise)."""
    shipped, more = load_model(), load_model(_with_a_side_coefficient(tmp_path))
    assert len(more.side.coef) == len(shipped.side.coef) + 1
    values = _values(shipped)
    before, after = forecast(shipped, values), forecast(more, values)
    for h in before.low:
        assert np.array_equal(before.low[h][:, 0], after.low[h][:, 0]), h
        assert np.array_equal(before.high[h][:, 0], after.high[h][:, 0]), h
    assert not np.array_equal(before.side, after.side)

