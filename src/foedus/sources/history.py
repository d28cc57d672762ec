"""The merged timeline: the curated treaty set, plus ATOP 5.1 history loaded on demand.

ATOP alliances count up to the end of its coverage; a curated treaty replaces every ATOP alliance it maps
(`atop_ids`), so no treaty is counted twice.
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

from foedus.model.treatymap import TreatyMap

if TYPE_CHECKING:
    from foedus.model.states import StateRegistry
    from foedus.model.treaty import Treaty

__all__ = ["with_history"]


def with_history(curated: dict[str, Treaty], states: StateRegistry, history: bool) -> TreatyMap:
    """Curated treaties, plus ATOP history loaded on demand when its file is in the data folder.

    The file is checked when the history is loaded (`foedus.datasets.verify`), so a corrupt one stops the
    command that needs it with one line, and never quietly drops alliances.
    """
    from foedus.paths import data_dir
    from foedus.sources.atop import ATOP_END, ATOP_MEMBER_FILE

    if not history or not (data_dir() / ATOP_MEMBER_FILE).exists():
        return TreatyMap(curated)
    mapped = frozenset(aid for t in curated.values() for aid in t.atop_ids)
    return TreatyMap(curated, functools.partial(_load_history, states, mapped), ATOP_END)


def _load_history(states: StateRegistry, mapped: frozenset[int]) -> dict[str, Treaty]:
    """ATOP alliances not replaced by a curated treaty (cached across processes as plain data)."""
    from foedus.datasets.verify import dataset_file
    from foedus.derived import cached_from_file
    from foedus.model.codec import treaties_from_plain, treaties_to_plain
    from foedus.sources.atop import ATOP_MEMBER_FILE, load_atop

    path = dataset_file(ATOP_MEMBER_FILE)
    if path is None:
        from foedus.errors import DataMissingError

        raise DataMissingError(f"{ATOP_MEMBER_FILE} was removed from the data folder while foedus was running; "
                               "run `foedus data fetch atop`")
    treaties = cached_from_file(path, "atop-history", lambda: load_atop(states, path), treaties_to_plain,
                                treaties_from_plain, depends=_states_key(states))
    return {t.id: t for t in treaties if not set(t.atop_ids) & mapped}


def _states_key(states: StateRegistry) -> str:
    """What the ATOP import depends on besides its file: the registry's COW codes (and foedus's code, via the
    world's inputs key when the registry is the bundled one)."""
    import hashlib

    from foedus.world_cache import inputs_key

    codes = ",".join(f"{c}={s}" for c, s in sorted(states.by_ccode.items()))
    return hashlib.sha256(f"{inputs_key()}\n{codes}".encode()).hexdigest()
