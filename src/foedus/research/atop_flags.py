"""ATOP's obligation flags per directed dyad-year, derived from foedus's import of the member-level file.

`atop_flag_keys` lists, per kind of obligation, the dyad-year keys where the first state owes it to the
second under an alliance both belong to at a common moment of the year. Deriving them takes a pass over
every alliance's members, so `cached_flag_keys` keeps them across processes as plain JSON (sorted keys,
delta-coded, packed in base64) keyed on the ATOP file, the state registry's COW codes and foedus's code;
`flag_columns` looks every row up in one binary search.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from foedus.sources.atop_release import ATOP_MEMBER_FILE

if TYPE_CHECKING:
    from foedus.model.states import StateRegistry
    from foedus.model.treaty import Treaty
    from foedus.model.world import World

__all__ = ["FLAG_COLUMNS", "YEAR_SPAN", "atop_flag_keys", "cached_flag_keys", "cached_flag_keys_of", "dyad_keys",
           "flag_columns", "sorted_union"]

FLAG_COLUMNS = {"defense": "atop_defense", "offense": "atop_offense", "neutrality": "atop_neutral",
                "nonaggression": "atop_nonagg", "consultation": "atop_consul"}
YEAR_SPAN = 10_000  # key = (code1 * 1000 + code2) * 10_000 + year
MEMBER_FILE = ATOP_MEMBER_FILE  # (from `atop_release`: reading the cached keys imports no treaty model)


def _member_years(treaty: Treaty, ccode: dict[str, int]) -> dict[int, list[tuple[dt.date, dt.date]]]:
    out: dict[int, list[tuple[dt.date, dt.date]]] = defaultdict(list)
    for m in treaty.members:
        code = ccode.get(m.state)
        start = m.joined or treaty.in_force
        if code is None or start is None:
            continue
        end = (m.left - dt.timedelta(days=1)) if m.left else (treaty.coverage_end or dt.date(2100, 12, 31))
        out[code].append((start, end))
    return out


def atop_flag_keys(treaties: Iterable[Treaty], ccode: dict[str, int]) -> dict[str, np.ndarray]:
    """Sorted dyad-year keys where ATOP records each obligation (directed: obligor first)."""
    keys: dict[str, set[int]] = {kind: set() for kind in FLAG_COLUMNS}
    for treaty in treaties:
        if treaty.origin != "atop":
            continue
        spans = _member_years(treaty, ccode)
        for provision in treaty.provisions:
            target = keys[provision.kind.value]
            for obligor in provision.obligors or []:
                a = ccode.get(obligor)
                if a is None:
                    continue
                for b, b_spans in spans.items():
                    if b == a:
                        continue
                    for a1, a2 in spans.get(a, []):
                        for b1, b2 in b_spans:
                            lo, hi = max(a1, b1), min(a2, b2)
                            base = (a * 1000 + b) * YEAR_SPAN
                            target.update(base + y for y in range(lo.year, hi.year + 1) if lo <= hi)
    return {kind: np.array(sorted(found), dtype=np.int64) for kind, found in keys.items()}


def cached_flag_keys(world: World) -> dict[str, np.ndarray] | None:
    """`atop_flag_keys` of the full ATOP import (not the merged world, where curated treaties replace some),
    cached across processes; None without the ATOP files."""
    return cached_flag_keys_of(world.states)


def cached_flag_keys_of(states: StateRegistry) -> dict[str, np.ndarray] | None:
    """`cached_flag_keys` from the state registry alone (all it needs of the world)."""
    from foedus.datasets.verify import dataset_file
    from foedus.derived import cached_from_file
    from foedus.filehash import content_sha256
    from foedus.world_cache import inputs_key

    path = dataset_file(MEMBER_FILE)
    if path is None:
        return None
    ccode = {s.id: s.ccode for s in states if s.ccode is not None}
    codes = ",".join(f"{s}={c}" for s, c in sorted(ccode.items()))
    depends = hashlib.sha256(f"{inputs_key()}\n{content_sha256(Path(__file__))}\n{codes}".encode()).hexdigest()

    def build() -> dict[str, np.ndarray]:
        from foedus.sources.atop import load_atop

        return atop_flag_keys(load_atop(states, path), ccode)

    return cached_from_file(path, "atop-flags", build, _keys_out, _keys_in, depends=depends)


def _keys_out(found: dict[str, np.ndarray]) -> dict[str, str]:
    """Sorted keys as their first value and the gaps after it, little-endian int64, zlib-compressed, in base64:
    plain data in a short file (a tenth of the gaps as JSON numbers) that loads in milliseconds."""
    import base64
    import zlib

    return {kind: base64.b64encode(zlib.compress(np.diff(keys, prepend=0).astype("<i8").tobytes(), 1)).decode("ascii")
            for kind, keys in found.items()}


def _keys_in(data: dict[str, Any]) -> dict[str, np.ndarray]:
    import base64
    import binascii
    import zlib

    out = {}
    for kind in FLAG_COLUMNS:
        try:
            raw = zlib.decompress(base64.b64decode(data[kind], validate=True))
        except (binascii.Error, zlib.error) as exc:
            raise ValueError(f"cached ATOP flag keys ({kind}) are damaged") from exc
        if len(raw) % 8:
            raise ValueError(f"cached ATOP flag keys ({kind}) are damaged")
        out[kind] = np.cumsum(np.frombuffer(raw, dtype="<i8").astype(np.int64))
    for keys in out.values():
        if len(keys) and (keys[0] < 0 or (np.diff(keys) <= 0).any()):
            raise ValueError("cached ATOP flag keys are not sorted")
    return out


def dyad_keys(rows: np.ndarray) -> np.ndarray:
    """The key of each (code1, code2, year) row."""
    keys: np.ndarray = (rows[:, 0] * 1000 + rows[:, 1]) * YEAR_SPAN + rows[:, 2]
    return keys


def flag_columns(rows: np.ndarray, found: dict[str, np.ndarray] | None, directed: bool,
                 in_coverage: np.ndarray) -> dict[str, np.ma.MaskedArray[Any, Any]]:
    """The flag columns as masked int8 arrays: masked (missing) outside ATOP's coverage, or everywhere without
    ATOP. (Masked arrays, not pandas' nullable Int8, so that writing them needs no pandas.)"""
    n = len(rows)
    missing = ~in_coverage if found is not None else np.ones(n, dtype=bool)
    bits = np.zeros(n, dtype=np.uint8)
    if found is not None and n:
        union = sorted_union([found[kind] for kind in FLAG_COLUMNS])
        mask = np.zeros(len(union), dtype=np.uint8)
        for bit, kind in enumerate(FLAG_COLUMNS):
            mask[np.searchsorted(union, found[kind])] |= np.uint8(1 << bit)
        bits = _lookup(dyad_keys(rows), union, mask)
        if not directed:
            bits |= _lookup(dyad_keys(rows[:, [1, 0, 2]]), union, mask)
    return {column: np.ma.MaskedArray(((bits >> bit) & 1).astype(np.int8), missing.copy())  # masks not shared
            for bit, column in enumerate(FLAG_COLUMNS.values())}


def sorted_union(arrays: list[np.ndarray]) -> np.ndarray:
    """The sorted distinct values of integer arrays: a sort and a comparison with the neighbour (`np.unique`
    on a few hundred thousand keys is several times slower).

    >>> sorted_union([np.array([1, 5, 9]), np.array([5, 2])]).tolist()
    [1, 2, 5, 9]
    """
    values = np.sort(np.concatenate(arrays), kind="stable") if arrays else np.zeros(0, dtype=np.int64)  # sorted runs
    if len(values) < 2:
        return values
    keep = np.empty(len(values), dtype=bool)
    keep[0] = True
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


def _lookup(keys: np.ndarray, union: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """The kinds' bits of each key (0 where it has none): one binary search in the sorted union of the keys."""
    if len(union) == 0:
        return np.zeros(len(keys), dtype=np.uint8)
    pos = np.minimum(np.searchsorted(union, keys), len(union) - 1)
    return np.where(union[pos] == keys, mask[pos], np.uint8(0))
