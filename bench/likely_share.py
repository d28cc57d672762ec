"""`share` and `size-share` for bench/likely_experiments.py (issue #14; session 62, registered in
docs/likelihood-experiments.md before any score of it was seen): the join model's `legal` and `unmet` read by their
share, each divided by the number of states the same reading binds to that side on the war's first day (the candidate
among them), since a duty shared by many is each one's less; `size-share` is `size-free` (bench/likely_size.py) on that
join model.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

import numpy as np

from likely_size import size_free

SIDES = ("attack", "defense")
SHARED = ("legal", "unmet")  # the join features read by their share, each by the count of its own reading
SHARE_VARIANTS = ("share", "size-share")
Counts = dict[int, dict[str, dict[str, int]]]  # war -> reading -> side -> states bound that day


def bound_counts(bound: Mapping[str, str]) -> dict[str, int]:
    """How many states a reading binds to each side (`bound`: state -> side, as `foedus.likely.obligations` gives it).

    >>> bound_counts({"FRA": "defense", "GBR": "defense", "ITA": "attack"})
    {'attack': 1, 'defense': 2}
    """
    return {side: sum(1 for k in bound.values() if k == side) for side in SIDES}


def first_day_counts(frame: Any) -> Counts:
    """Per war of `frame`, reading (`SHARED`) and side, the states that reading's cascade of the opening attack binds
    to the side on the first day: every state it binds, not only the frame's candidates, so no later fact (a state
    attacked later, and so left out of the frame) decides who is counted. The cascades the frame's features read."""
    from foedus.backtest.outcomes import cow_wars
    from foedus.engine.scenario import build_scenario
    from foedus.likely.case import case_of_war
    from foedus.likely.obligations import bindings, readings
    from foedus.model.world import World

    world, wars, out = World.default(), set(frame["war"].to_numpy().tolist()), {}
    for cow in cow_wars(world)[0]:
        if cow.num not in wars:
            continue
        case = case_of_war(cow, [])
        scenario = build_scenario(world, attacker=list(case.attackers), target=list(case.targets), date=case.date)
        bound = bindings(readings(world, scenario))
        out[cow.num] = {"legal": bound_counts(bound.legal), "unmet": bound_counts(bound.unmet)}
    return out


def add_shares(frame: Any, counts: Counts) -> None:
    """`legal_share` and `unmet_share` toward each side (`SHARED`): the mark (1 bound, 0 not) divided by the states the
    same reading binds to that side in the row's war. A war whose candidates the reading marks more often than it binds
    states is refused: the counts are not of the frame's cascades."""
    wars = frame["war"].to_numpy()
    for f in SHARED:
        for side in SIDES:
            marks = np.asarray(frame[f"{f}_{side}"].to_numpy(), dtype=np.float64)
            count = np.array([counts[int(w)][f][side] for w in wars], dtype=np.float64)
            marked = np.bincount(np.unique(wars, return_inverse=True)[1], weights=marks > 0)
            most = np.array([counts[int(w)][f][side] for w in np.unique(wars)])
            if (marked > most).any():
                raise ValueError(f"{f} toward {side}: a war's candidates are marked more often than the reading binds")
            frame[f"{f}_share_{side}"] = np.divide(marks, count, out=np.zeros(len(frame)), where=count > 0)


def share_spec(spec: Any) -> Any:
    """`spec` with its join model's `SHARED` features read by their share; its side model as it is."""
    from foedus.likely.spec import Spec

    join = tuple(f"{f}_share" if f in SHARED else f for f in spec.join_side)
    return Spec("share", join, spec.join_state, spec.side_diff, spec.side_state)


def share_lines(frame: Any) -> list[str]:
    """How many pairs each share marks before 1945 and from 1946, and their median share (no outcome read)."""
    post, lines = frame["post1945"].to_numpy() > 0, []
    for f in SHARED:
        v = np.maximum(frame[f"{f}_share_attack"].to_numpy(), frame[f"{f}_share_defense"].to_numpy())
        for label, era in (("before 1945", ~post), ("from 1946", post)):
            m = v[era & (v > 0)]
            lines.append(f"{f}_share {label}: {m.size} pairs marked, share median {np.median(m) if m.size else 0:.3f},"
                         f" min {m.min() if m.size else 0:.3f}")
    return lines


def share_variants(make: Callable[..., Any], spec: Any, frame: Any, names: list[str]) -> dict[str, Any]:
    """The variants' predictors (`make(spec, expected=...)`, likely_experiments' `_predict`); when one is asked, the
    share columns added to `frame` first, with how many pairs they mark."""
    shared = share_spec(spec)
    if set(names) & set(SHARE_VARIANTS):
        add_shares(frame, first_day_counts(frame))
        print("\n".join(share_lines(frame)), flush=True)
    return {"share": make(shared), "size-share": make(shared, expected=size_free(shared, "size-share"))}
