"""The merged timeline: the curated treaty set, plus ATOP 5.1 history carried to today and corrected.

ATOP alliances count from their start; one that ATOP codes as still in force at the end of its coverage
(2018-12-31) is carried forward to today (`carried_from`, so results tag it `carried-forward`) unless a
curated treaty replaces it (`atop_ids`) or the correction layer (`data/atop_corrections.yaml`) ends it.
A curated treaty replaces every ATOP alliance it maps, so no treaty is counted twice. See docs/history.md.
"""

from __future__ import annotations

import functools
import hashlib
from pathlib import Path
from typing import TYPE_CHECKING

from foedus.model.treatymap import TreatyMap

if TYPE_CHECKING:
    from foedus.model.states import StateRegistry
    from foedus.model.treaty import Treaty

__all__ = ["carry_forward", "with_history"]


def with_history(curated: dict[str, Treaty], states: StateRegistry, history: bool) -> TreatyMap:
    """Curated treaties, plus ATOP history loaded on demand when its file is in the data folder."""
    from foedus.paths import dataset_file
    from foedus.sources.atop import ATOP_MEMBER_FILE

    path = dataset_file(ATOP_MEMBER_FILE)
    if not history or path is None:
        return TreatyMap(curated)
    mapped = frozenset(aid for t in curated.values() for aid in t.atop_ids)
    return TreatyMap(curated, functools.partial(_load_history, path, states, mapped), None)


def carry_forward(treaty: Treaty) -> Treaty:
    """An ATOP alliance in force at the end of ATOP's coverage, read as in force after it (tagged so)."""
    if treaty.origin != "atop" or treaty.coverage_end is None or treaty.terminated is not None:
        return treaty
    note = (f"{treaty.note}; " if treaty.note else "") + (
        f"carried forward: ATOP codes it in force on {treaty.coverage_end}, its last day of coverage")
    return treaty.model_copy(update={"coverage_end": None, "carried_from": treaty.coverage_end, "note": note})


def _load_history(path: Path, states: StateRegistry, mapped: frozenset[int]) -> dict[str, Treaty]:
    """ATOP alliances not replaced by a curated treaty, carried forward and corrected."""
    from foedus.paths import cached_from_file
    from foedus.sources import atop, atop_codes
    from foedus.sources.corrections import apply_corrections, load_corrections

    code = hashlib.sha256(b"".join(Path(m.__file__ or "").read_bytes() for m in (atop, atop_codes))).hexdigest()[:10]
    imported = cached_from_file(path, f"atop-history-{code}", lambda: atop.load_atop(states, path))
    kept = [carry_forward(t) for t in imported if not set(t.atop_ids) & mapped]
    return {t.id: t for t in apply_corrections(kept, load_corrections(), states)}
