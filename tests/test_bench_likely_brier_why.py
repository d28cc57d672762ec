"""bench/likely_brier_why.py (issue #14, session 62): the Brier-skill difference of `share` against the shipped spec,
split pair by pair into groups whose sums add up to it exactly."""

from __future__ import annotations

import pytest
from tests.test_bench import _load


def test_the_pairs_contributions_add_up_to_the_difference_in_brier_skill(monkeypatch: pytest.MonkeyPatch) -> None:
    import numpy as np
    import pandas as pd

    from foedus.likely.scores import per_pair

    why = _load("likely_brier_why", monkeypatch)
    frame = pd.DataFrame({"legal_attack": [0.0, 1, 0, 1], "legal_defense": [1.0, 0, 0, 0],
                          "unmet_attack": [0.0, 0, 0, 1], "unmet_defense": [1.0, 0, 0, 0],
                          "unmet_share_attack": [0.0, 0, 0, 0.25], "unmet_share_defense": [1.0, 0, 0, 0]})
    assert why.groups(frame).tolist() == ["bound alone, both readings", "bound, legal only", "unbound",
                                          "bound with others, both readings"]
    frame["legal_share_attack"], frame["legal_share_defense"] = [0.0, 1, 0, 0.5], [0.5, 0, 0, 0]
    frame["era"], frame["outcome_ever"] = ["pre1945"] * 4, ["defense", "out", "out", "attack"]
    assert why.bound_with(frame) == ["pre1945, unmet: B 1: 1 (1 joined), B 4: 1 (1 joined)",
                                     "pre1945, legal: B 1: 1 (0 joined), B 2: 2 (2 joined)", "post1945, unmet: none",
                                     "post1945, legal: none"]
    rng = np.random.default_rng(3)
    outcomes = np.array(["out", "attack", "defense", "out"])
    probs = {}
    for name in ("a", "b", "base"):
        j, q = rng.uniform(0.01, 0.6, 4), rng.uniform(0, 1, 4)
        probs[name] = np.column_stack([1 - j, j * q, j * (1 - q)])
    for p in probs.values():  # the out-class and side terms are the backtest's Brier score, split
        out, side = why.brier_terms(p, outcomes)
        assert np.allclose(out + side, per_pair(p, outcomes.tolist())[0])
        assert np.allclose(out, (p[:, 0] - (outcomes == "out")) ** 2)
    b = {n: sum(why.brier_terms(p, outcomes)) for n, p in probs.items()}
    diff = (b["a"] - b["b"]) / b["base"].sum()
    skill = {n: 1 - b[n].sum() / b["base"].sum() for n in ("a", "b")}
    parts = why.split(diff, why.groups(frame))
    assert list(parts) == ["bound alone, both readings", "bound, legal only", "unbound",
                           "bound with others, both readings"]
    assert sum(parts.values()) == pytest.approx(skill["b"] - skill["a"])
