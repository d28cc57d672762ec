"""`shifted` (the per-war shift of the join model, run 400 times a forecast by its bootstrap) stops evaluating a
row once its bisection bracket stands still, and gives the same bits as the plain 80-step bisection."""

from __future__ import annotations

import numpy as np
import pytest

from foedus.likely import spec


def _plain(eta: np.ndarray, expected: np.ndarray | float) -> np.ndarray:
    """The bisection as written before: 80 steps over every row."""
    eta2 = np.atleast_2d(eta)
    target = np.clip(np.broadcast_to(np.asarray(expected, dtype=np.float64), eta2.shape[:1]), 1e-6,
                     eta2.shape[1] - 1e-6)
    lo, hi = np.full(len(eta2), -60.0), np.full(len(eta2), 60.0)
    for _ in range(80):
        mid = (lo + hi) / 2
        below = spec._sigmoid(eta2 + mid[:, None]).sum(axis=1) < target
        lo, hi = np.where(below, mid, lo), np.where(below, hi, mid)
    out = spec._sigmoid(eta2 + ((lo + hi) / 2)[:, None])
    return out if np.ndim(eta) == 2 else out[0]


@pytest.mark.parametrize("seed", range(6))
def test_shifted_gives_the_plain_bisections_bits(seed: int) -> None:
    rng = np.random.default_rng(seed)
    eta = rng.normal(rng.normal(-3, 3), rng.uniform(0.1, 10), (40, 150))
    eta[0, 0] = np.nan if seed == 0 else eta[0, 0]
    expected = rng.uniform(0, 3, 40) if seed % 2 else float(rng.uniform(0, 3))
    assert spec.shifted(eta, expected).tobytes() == _plain(eta, expected).tobytes()
    one = expected if np.ndim(expected) == 0 else float(expected[1])
    assert spec.shifted(eta[1], one).tobytes() == _plain(eta[1], one).tobytes()


def test_shifted_stops_once_every_bracket_stands_still(monkeypatch: pytest.MonkeyPatch) -> None:
    """A forecast's 400 draws settle within about 60 steps: the remaining steps of 80 are not computed."""
    rows: list[int] = []
    plain = spec._sigmoid_into

    def counted(z: np.ndarray) -> np.ndarray:
        rows.append(len(z))
        return plain(z)

    monkeypatch.setattr(spec, "_sigmoid_into", counted)
    spec.shifted(np.random.default_rng(1).normal(-3, 2, (400, 190)), 1.0)
    assert sum(rows) < 80 * 400


def test_known_ends_hold_the_bisections_answer_and_skip_its_first_steps(monkeypatch: pytest.MonkeyPatch) -> None:
    """The ends found by Newton hold the 80-step bisection's shift between them (the sums there are compared, not
    guessed), and with them a 400-draw forecast's bisection computes under half the sums of 80 × 400."""
    rng = np.random.default_rng(2)
    eta, target = rng.normal(-3, 2, (400, 190)), np.full(400, 1.0)
    low, high = spec._known_ends(eta, target)
    shift = np.log(_plain(eta, 1.0)[:, 0] / (1 - _plain(eta, 1.0)[:, 0])) - eta[:, 0]
    assert np.all(np.isfinite(low)) and np.all(np.isfinite(high))
    assert np.all((low < shift + 1e-9) & (shift - 1e-9 < high)) and np.all(high - low < 1e-8)
    rows: list[int] = []
    plain = spec._sigmoid_into
    monkeypatch.setattr(spec, "_sigmoid_into", lambda z: (rows.append(len(z)), plain(z))[1])
    spec.shifted(eta, 1.0)
    assert sum(rows) < 40 * 400
