"""The merged timeline: the curated treaty set, plus ATOP 5.1 history loaded on demand.

ATOP alliances count up to the end of its coverage; a curated treaty replaces every ATOP alliance it maps
(`atop_ids`), so no treaty is counted twice.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

from foedus.model.treatymap import TreatyMap

if TYPE_CHECKING:
    from foedus.model.states import StateRegistry
    from foedus.model.treaty import Treaty

__all__ = ["with_history"]


def with_history(curated: dict[str, Treaty], states: StateRegistry, history: bool) -> TreatyMap:
    """Curated treaties, plus ATOP history loaded on demand when its file is in the data folder."""
    from foedus.paths import dataset_file
    from foedus.sources.atop import ATOP_END, ATOP_MEMBER_FILE

    path = dataset_file(ATOP_MEMBER_FILE)
    if not history or path is None:
        return TreatyMap(curated)
    mapped = frozenset(aid for t in curated.values() for aid in t.atop_ids)
    return TreatyMap(curated, functools.partial(_load_history, path, states, mapped), ATOP_END)


def _load_history(path: Path, states: StateRegistry, mapped: frozenset[int]) -> dict[str, Treaty]:
    """ATOP alliances not replaced by a curated treaty (cached across processes)."""
    from foedus.paths import cached_from_file
    from foedus.sources.atop import load_atop

    treaties = cached_from_file(path, "atop-history-v2", lambda: load_atop(states, path))
    return {t.id: t for t in treaties if not set(t.atop_ids) & mapped}
