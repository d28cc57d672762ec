"""ATOP's obligation flags and alliances per directed dyad-year, derived from foedus's import of the member-level file.

`atop_keys` lists, per kind of obligation, the dyad-year keys where the first state owes it to the second under an
alliance both belong to at a common moment of the year, and, by the same rule, the keys where the two share any
ATOP alliance, with the ATOP ids of those alliances. Deriving them takes a pass over every alliance's members, so
`cached_atop_keys_of` keeps them across processes as plain JSON (sorted keys, delta-coded, packed in base64) keyed
on the ATOP file, the state registry's COW codes and foedus's code; `flag_columns` looks every row up in one binary
search (`AtopKeys.positions`), which `foedus.research.atop_ally` shares for the alliances.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from foedus.model.days import LATEST
from foedus.sources.atop_release import ATOP_MEMBER_FILE

if TYPE_CHECKING:
    from foedus.model.states import StateRegistry
    from foedus.model.treaty import Treaty
    from foedus.model.world import World

__all__ = ["FLAG_COLUMNS", "YEAR_SPAN", "AtopKeys", "atop_flag_keys", "atop_keys", "cached_atop_keys_of",
           "cached_flag_keys", "cached_flag_keys_of", "dyad_keys", "flag_columns", "member_spans", "shared_years",
           "sorted_union"]

FLAG_COLUMNS = {"defense": "atop_defense", "offense": "atop_offense", "neutrality": "atop_neutral",
                "nonaggression": "atop_nonagg", "consultation": "atop_consul"}
YEAR_SPAN = 10_000  # key = (code1 * 1000 + code2) * 10_000 + year
ID_SPAN = 10_000  # ATOP 5.1 numbers its alliances 1001-7050
MEMBER_FILE = ATOP_MEMBER_FILE  # (from `atop_release`: reading the cached keys imports no treaty model)


def member_spans(treaty: Treaty, ccode: dict[str, int]) -> dict[int, list[tuple[dt.date, dt.date]]]:
    """Each member's first and last day in the treaty (inclusive), by COW code: from its entry (or the treaty's
    entry into force) to the day before it left, or else to the end of the treaty's source's coverage (ATOP's, for
    an ATOP alliance not carried forward) or the last day foedus reads; never past the day before the treaty
    terminated. With `shared_years`, the one rule of when two states share an alliance in a year, which the
    flags, `atopally` and `foedus dyads --depth` (`foedus.research.dyad_depth`) read."""
    out: dict[int, list[tuple[dt.date, dt.date]]] = defaultdict(list)
    for m in treaty.members:
        code = ccode.get(m.state)
        start = m.joined or treaty.in_force
        if code is None or start is None:
            continue
        end = (m.left - dt.timedelta(days=1)) if m.left else (treaty.coverage_end or LATEST)
        if treaty.terminated is not None:
            end = min(end, treaty.terminated - dt.timedelta(days=1))
        if start <= end:
            out[code].append((start, end))
    return out


def shared_years(spans: dict[int, list[tuple[dt.date, dt.date]]]) -> dict[int, list[np.ndarray]]:
    """The directed dyad-year keys of every pair of the treaty's members (`member_spans`), by first state: the
    years in which both are members at a common moment (the rule of every column `atop_keys` derives)."""
    out: dict[int, list[np.ndarray]] = defaultdict(list)
    for a, a_spans in spans.items():
        for b, b_spans in spans.items():
            if b == a:
                continue
            base = (a * 1000 + b) * YEAR_SPAN
            for a1, a2 in a_spans:
                for b1, b2 in b_spans:
                    lo, hi = max(a1, b1), min(a2, b2)
                    if lo <= hi:
                        out[a].append(np.arange(base + lo.year, base + hi.year + 1, dtype=np.int64))
    return out


@dataclass(frozen=True)
class AtopKeys:
    """What foedus derives from ATOP per directed dyad-year (keys: `dyad_keys`), all sorted: the keys where the first
    state owes each kind of obligation to the second (`flags`), the keys where the two share any ATOP alliance
    (`ally`, ATOP's `atopally`) and the ATOP ids of those alliances, `id_sets[id_set[i]]` for `ally[i]` (ascending; a
    pair keeps the same alliances for years, so there are far fewer sets than keys)."""

    flags: dict[str, np.ndarray]
    ally: np.ndarray
    id_set: np.ndarray
    id_sets: tuple[tuple[int, ...], ...]

    def positions(self, rows: np.ndarray) -> np.ndarray:
        """For each (code1, code2, year) row, its index in `ally`, or -1 where the two share no alliance: one binary
        search, which the flags, `atopally` and the ids share (every flag's key is a key of `ally`)."""
        keys = dyad_keys(rows)
        if len(self.ally) == 0:
            return np.full(len(keys), -1, dtype=np.int64)
        at = np.minimum(np.searchsorted(self.ally, keys), len(self.ally) - 1)
        out: np.ndarray = np.where(self.ally[at] == keys, at, -1)
        return out

    def flag_bits(self) -> np.ndarray:
        """For each key of `ally`, bit k set where the k-th kind of `FLAG_COLUMNS` is owed."""
        bits = np.zeros(len(self.ally), dtype=np.uint8)
        for bit, kind in enumerate(FLAG_COLUMNS):
            bits[np.searchsorted(self.ally, self.flags[kind])] |= np.uint8(1 << bit)
        return bits


def atop_keys(treaties: Iterable[Treaty], ccode: dict[str, int]) -> AtopKeys:
    """`AtopKeys` of the ATOP treaties among `treaties` (`origin == "atop"`: one per alliance phase)."""
    kinds: dict[str, list[np.ndarray]] = {kind: [] for kind in FLAG_COLUMNS}
    pairs, ids = [], []
    for treaty in treaties:
        if treaty.origin != "atop":
            continue
        shared = shared_years(member_spans(treaty, ccode))
        for found in shared.values():
            pairs += found
            ids += [np.full(len(k), treaty.atop_ids[0], dtype=np.int64) for k in found]
        for provision in treaty.provisions:
            obligors = {ccode.get(s) for s in provision.obligors or []}
            kinds[provision.kind.value] += [k for a in obligors if a is not None for k in shared.get(a, [])]
    flags = {kind: sorted_union(found) for kind, found in kinds.items()}
    if not pairs:
        empty = np.zeros(0, dtype=np.int64)
        return AtopKeys(flags, empty, empty, ())
    both = sorted_union([np.concatenate(pairs) * ID_SPAN + np.concatenate(ids)])  # key and id, each pair once
    keys = both // ID_SPAN
    starts = np.flatnonzero(np.diff(keys, prepend=-1))  # where each key's ids begin
    id_set, id_sets = _id_sets(both % ID_SPAN, starts)
    return AtopKeys(flags, keys[starts], id_set, id_sets)


def _id_sets(ids: np.ndarray, starts: np.ndarray) -> tuple[np.ndarray, tuple[tuple[int, ...], ...]]:
    """Each key's set of ids (`ids[starts[i]:starts[i + 1]]`) as an index into the distinct sets: the rows of a table
    of the keys' ids, padded with 0 (no ATOP id), ranked (`np.unique(axis=0)` takes ten times as long)."""
    n = len(starts)
    counts = np.diff(starts, append=len(ids))
    table = np.zeros((n, int(counts.max())), dtype=np.int64)
    table[np.repeat(np.arange(n), counts), np.arange(len(ids)) - np.repeat(starts, counts)] = ids
    order = np.lexsort(table.T[::-1])
    ranked = table[order]
    first = np.ones(n, dtype=bool)
    first[1:] = (ranked[1:] != ranked[:-1]).any(axis=1)
    index = np.empty(n, dtype=np.int64)
    index[order] = np.cumsum(first) - 1
    return index, tuple(tuple(i for i in row if i) for row in ranked[first].tolist())


def atop_flag_keys(treaties: Iterable[Treaty], ccode: dict[str, int]) -> dict[str, np.ndarray]:
    """Sorted dyad-year keys where ATOP records each obligation (directed: obligor first)."""
    return atop_keys(treaties, ccode).flags


def cached_flag_keys(world: World) -> dict[str, np.ndarray] | None:
    """`atop_flag_keys` of the full ATOP import (not the merged world, where curated treaties replace some),
    cached across processes; None without the ATOP files."""
    return cached_flag_keys_of(world.states)


def cached_flag_keys_of(states: StateRegistry) -> dict[str, np.ndarray] | None:
    """`cached_flag_keys` from the state registry alone (all it needs of the world)."""
    found = cached_atop_keys_of(states)
    return None if found is None else found.flags


def cached_atop_keys_of(states: StateRegistry) -> AtopKeys | None:
    """`atop_keys` of the full ATOP import, cached across processes, from the state registry alone; None without the
    ATOP files."""
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

    def build() -> AtopKeys:
        from foedus.sources.atop import load_atop

        return atop_keys(load_atop(states, path), ccode)

    return cached_from_file(path, "atop-flags", build, _keys_out, _keys_in, depends=depends)


def _pack(values: np.ndarray) -> str:
    """Integers as little-endian int64, zlib-compressed, in base64."""
    import base64
    import zlib

    return base64.b64encode(zlib.compress(values.astype("<i8").tobytes(), 1)).decode("ascii")


def _unpack(data: dict[str, Any], name: str) -> np.ndarray:
    import base64
    import binascii
    import zlib

    try:
        raw = zlib.decompress(base64.b64decode(data[name], validate=True))
    except (KeyError, TypeError, binascii.Error, zlib.error) as exc:
        raise ValueError(f"cached ATOP keys ({name}) are damaged") from exc
    if len(raw) % 8:
        raise ValueError(f"cached ATOP keys ({name}) are damaged")
    return np.frombuffer(raw, dtype="<i8").astype(np.int64)


def _keys_out(found: AtopKeys) -> dict[str, Any]:
    """Sorted keys as their first value and the gaps after it (a tenth of the gaps as JSON numbers: plain data in a
    short file that loads in milliseconds); each key's set of ids as it is, the sets as JSON lists."""
    sorted_keys = found.flags | {"ally": found.ally}
    return ({name: _pack(np.diff(keys, prepend=0)) for name, keys in sorted_keys.items()}
            | {"id_set": _pack(found.id_set), "id_sets": [list(ids) for ids in found.id_sets]})


def _keys_in(data: dict[str, Any]) -> AtopKeys:
    out = {name: np.cumsum(_unpack(data, name)) for name in [*FLAG_COLUMNS, "ally"]}
    for keys in out.values():
        if len(keys) and (keys[0] < 0 or (np.diff(keys) <= 0).any()):
            raise ValueError("cached ATOP keys are not sorted")
    for kind in FLAG_COLUMNS:  # every flag's key is a key of `ally` (`AtopKeys.positions` rests on it)
        at = np.minimum(np.searchsorted(out["ally"], out[kind]), max(len(out["ally"]) - 1, 0))
        if len(out[kind]) and (not len(out["ally"]) or (out["ally"][at] != out[kind]).any()):
            raise ValueError("cached ATOP flag keys are not keys of its alliances")
    id_set, sets = _unpack(data, "id_set"), data.get("id_sets")
    if not isinstance(sets, list) or not all(isinstance(ids, list) and ids and all(
            type(i) is int and 0 < i < ID_SPAN for i in ids) and ids == sorted(set(ids)) for ids in sets):
        raise ValueError("cached ATOP id sets are damaged")
    if len(id_set) != len(out["ally"]) or (len(id_set) and (id_set.min() < 0 or id_set.max() >= len(sets))):
        raise ValueError("cached ATOP ids do not match their keys")
    return AtopKeys({kind: out[kind] for kind in FLAG_COLUMNS}, out["ally"], id_set, tuple(map(tuple, sets)))


def dyad_keys(rows: np.ndarray) -> np.ndarray:
    """The key of each (code1, code2, year) row."""
    keys: np.ndarray = (rows[:, 0] * 1000 + rows[:, 1]) * YEAR_SPAN + rows[:, 2]
    return keys


def flag_columns(rows: np.ndarray, found: AtopKeys | None, directed: bool, in_coverage: np.ndarray,
                 at: np.ndarray | None = None) -> dict[str, np.ma.MaskedArray[Any, Any]]:
    """The flag columns as masked int8 arrays: masked (missing) outside ATOP's coverage, or everywhere without
    ATOP. (Masked arrays, not pandas' nullable Int8, so that writing them needs no pandas.) `at`: the rows'
    `found.positions`, if already looked up."""
    n = len(rows)
    missing = ~in_coverage if found is not None else np.ones(n, dtype=bool)
    bits = np.zeros(n, dtype=np.uint8)
    if found is not None and n:
        mask = np.append(found.flag_bits(), np.uint8(0))  # position -1 (no alliance) takes the last: no flag
        bits = mask[found.positions(rows) if at is None else at]
        if not directed:
            bits |= mask[found.positions(rows[:, [1, 0, 2]])]
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
