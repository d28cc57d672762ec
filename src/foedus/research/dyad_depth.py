"""The depth of the deepest alliance a dyad shares, by year (for `foedus dyads --depth`).

Two states share an alliance in a year when both are members at some common moment of it (entry and
exit dates, and the treaty's termination): the ATOP flags' rule (`foedus.research.atop_flags.member_spans`).
Each alliance of the merged world is scored from its own codes (`foedus.research.depth`): ATOP phases
from their ATOP codes, curated treaties (which replace the ATOP alliances they map) from their encoding, each year
from the forms of help that held in it (a form's `since` and `until`). After
ATOP's coverage (2018) the world carries forward the ATOP alliances in force at its end, as the cascade does
(docs/history.md); where the deepest shared alliance is one of those, `depth_shared_carried` says so (the ATOP
flags are missing there instead).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from foedus.research.atop_flags import YEAR_SPAN, dyad_keys, member_spans, shared_years
from foedus.research.depth import DepthModel
from foedus.sources.atop_codes import form_years, treaty_codes

if TYPE_CHECKING:
    from foedus.model.treaty import Treaty
    from foedus.model.world import World

__all__ = ["depth_columns", "shared_depth_keys"]

def _scored_years(treaties: list[Treaty], model: DepthModel) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per treaty: the first years of its spells of unchanged help (`form_years`, from year 0) and its depth in each,
    read from the forms that held then (`treaty_codes(year=...)`: SEATO's organisation counts only to 1977)."""
    starts = [np.array([0, *form_years(t)], dtype=np.int64) for t in treaties]
    rows = [treaty_codes(t, year=int(y)) for t, firsts in zip(treaties, starts, strict=True) for y in firsts]
    means = np.array([s.mean for s in model.score(rows)["depth"]]) if rows else np.empty(0)
    ends = np.cumsum([len(firsts) for firsts in starts])
    return [(firsts, means[end - len(firsts):end]) for firsts, end in zip(starts, ends, strict=True)]


def shared_depth_keys(world: World, model: DepthModel | None = None) -> tuple[np.ndarray, np.ndarray, list[str]]:
    """Sorted directed dyad-year keys, the deepest shared alliance's depth that year, and its treaty id, per key
    (`carried` tells which keys fall after the end of their alliance's source, ATOP's coverage). Each alliance is
    scored on the forms of help it held in the key's year."""
    model = model or DepthModel.bundled()
    treaties = list(world.treaties.values())
    scored = _scored_years(treaties, model)
    ccode = {s.id: s.ccode for s in world.states if s.ccode is not None}
    keys, depth, which = [], [], []
    for i, (t, (firsts, means)) in enumerate(zip(treaties, scored, strict=True)):
        found = [k for keys in shared_years(member_spans(t, ccode)).values() for k in keys]
        k = np.concatenate(found) if found else np.empty(0, dtype=np.int64)
        keys.append(k)
        depth.append(means[np.searchsorted(firsts, k % YEAR_SPAN, side="right") - 1])
        which.append(np.full(len(k), i, dtype=np.int64))
    if not keys:
        return np.empty(0, dtype=np.int64), np.empty(0), []
    k, d, w = np.concatenate(keys), np.concatenate(depth), np.concatenate(which)
    order = np.lexsort((-d, k))  # by key, deepest first
    k, d, w = k[order], d[order], w[order]
    first = np.ones(len(k), dtype=bool)
    first[1:] = k[1:] != k[:-1]
    return k[first], d[first], [treaties[i].id for i in w[first]]


def carried(world: World, keys: np.ndarray, ids: list[str]) -> np.ndarray:
    """Per key: whether its year is past the last year of its treaty's source (an ATOP alliance after 2018)."""
    last = {t.id: t.carried_from.year for t in world.treaties.values() if t.carried_from is not None}
    end = np.array([last.get(i, 9999) for i in ids], dtype=np.int64)
    return keys % YEAR_SPAN > end if len(keys) else np.zeros(0, dtype=bool)


def depth_columns(world: World, rows: np.ndarray, directed: bool) -> dict[str, object]:
    """`depth_shared` (NaN when the dyad shares no alliance that year), `depth_shared_treaty`, and
    `depth_shared_carried` (that alliance is carried past ATOP's coverage, as the cascade carries it) for COW-coded
    rows. The treaty is plain text (`CodedText`), as `atopid` is, not a categorical: one kind of text column per
    table."""
    import pandas as pd

    from foedus.outputs.coded import CodedText

    keys, depth, ids = shared_depth_keys(world)
    past = carried(world, keys, ids)
    out_depth = np.full(len(rows), np.nan)
    out_id = np.full(len(rows), -1, dtype=np.int64)
    flips = [rows] if directed else [rows, rows[:, [1, 0, 2]]]  # undirected: either order (same alliances)
    for r in flips:
        q = dyad_keys(r)
        if len(keys) == 0:
            break
        pos = np.minimum(np.searchsorted(keys, q), len(keys) - 1)
        hit = (keys[pos] == q) & np.isnan(out_depth)
        out_depth[hit], out_id[hit] = depth[pos[hit]], pos[hit]
    categories = sorted(set(ids))
    code_of = {name: i for i, name in enumerate(categories)}
    key_code = np.array([code_of[name] for name in ids], dtype=np.int64)
    codes = np.where(out_id >= 0, key_code[np.maximum(out_id, 0)] if len(key_code) else -1, -1)
    names = CodedText(codes.astype(np.int32), tuple(categories))
    flagged = pd.array(past[np.maximum(out_id, 0)] if len(past) else np.zeros(len(rows), dtype=bool), dtype="boolean")
    flagged[out_id < 0] = pd.NA  # no shared alliance: nothing carried
    return {"depth_shared": out_depth, "depth_shared_treaty": names, "depth_shared_carried": flagged}
