"""Random cascade scenarios for tests that compare two ways of running the same cascades (no pydantic needed:
tests/test_runtime_records.py runs them in a process of runtime records)."""

from __future__ import annotations

import datetime as dt
import random

from foedus.engine.scenario import Scenario, build_scenario
from foedus.errors import FoedusError
from foedus.model.world import World
from foedus.sweeps.atlas import dyad_members

__all__ = ["random_scenarios"]


def random_scenarios(world: World, seed: int, count: int, *, non_military: bool = True) -> list[Scenario]:
    """Random scenarios: dates, one or two parties a side, places and forces, and every switch. `--non-military`
    is drawn from a stream of its own (`_non_military`), so that every other draw is what it was before it was
    drawn (the tests that read these scenarios keep their parties, dates and switches); `non_military=False` leaves
    it at its default, the draws as they were."""
    rng, aside = random.Random(seed), _non_military(seed)
    out: list[Scenario] = []
    while len(out) < count:
        day = dt.date(rng.randint(1816, 2025), rng.randint(1, 12), rng.randint(1, 28))
        if rng.random() < 0.4:  # the dates where wars are largest
            day = rng.choice([dt.date(1990, 6, 1), dt.date(2016, 7, 1), dt.date(2025, 6, 1)])
        members = dyad_members(world, day)
        n_att, n_tgt = rng.choice([(1, 1), (1, 1), (1, 1), (1, 2), (2, 1), (2, 2)])
        parties = rng.sample(members, n_att + n_tgt)
        view = rng.choice(["recognized", "claimant"])
        where, place, kind = rng.choice(["home", "home", "place", "forces"]), None, "territory"
        if where != "home":
            spots = sorted(p.id for p in world.places.on(day).values() if p.kind != "home"
                           and (where == "forces" or parties[n_att] in p.holders(view)))  # type: ignore[arg-type]
            if not spots:
                continue
            place, kind = rng.choice(spots), ("forces" if where == "forces" else "territory")
        switches = {"reading": rng.choice(["escalatory", "escalatory", "legal"]), "requested": rng.random() < 0.7,
                    "unresolved": rng.choice(["met", "unmet"]), "decisions": rng.choice(["taken", "not-taken"]),
                    "severity": rng.choice(["armed-attack", "armed-attack", "incursion", "coercion"]),
                    "basis": rng.choice(["in-force", "in-force", "signed"]), "territory_view": view}
        if non_military:
            switches["non_military"] = aside.choice(["withheld", "withheld", "bound"])
        try:
            out.append(build_scenario(world, attacker=parties[:n_att], target=parties[n_att:], date=day, place=place,
                                      target_kind=kind, **switches))
        except FoedusError:
            continue
    return out


def _non_military(seed: int) -> random.Random:
    """The `--non-military` draws' own stream, seeded from `seed` apart from the main one (a draw from that would
    move every later draw of it, and so every other test's scenarios)."""
    return random.Random(f"non-military:{seed}")
