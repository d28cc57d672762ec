"""A likelihood interval's ends are floored as its point is: every probability the model gives is at least
`foedus.likely.spec.FLOOR`, and the low end of each interval was floored too, but not the high end, so a chance below
the floor in every draw (a defence share near nothing, from a refitted model) read low 0.0001, high 0.0: an interval
whose low end was above its high end, and which left out its own point (0.0001)."""

from __future__ import annotations

import pytest

import foedus
from foedus.likely.model import load_model

pytestmark = pytest.mark.needs_data


def test_every_interval_is_ordered_and_holds_its_point_when_a_share_is_below_the_floor() -> None:
    shipped = load_model()
    side = shipped.side.model_copy(update={"intercept": 50.0})  # every joiner on the attack side: defence ~ 1e-16
    model = shipped.model_copy(update={"side": side})
    r = foedus.cascade("DEU", "POL", "1939-09-01", likelihood=True, likely_model=model)
    assert r.likelihood is not None and r.likelihood.states
    for s in r.likelihood.states:
        for c in s.chances:
            for part in ("join", "attack", "defense"):
                low, point, high = getattr(c, f"{part}_low"), getattr(c, part), getattr(c, f"{part}_high")
                assert low <= point <= high, (s.state, c.horizon, part, low, point, high)
