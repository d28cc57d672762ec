"""The merged timeline: the curated treaty set, plus ATOP 5.1 history carried to today and corrected.

ATOP alliances count from their start; one that ATOP codes as still in force at the end of its coverage
(2018-12-31) is carried forward to today (`carried_from`, so results tag it `carried-forward`) unless a
curated treaty replaces it (`atop_ids`) or the correction layer (`data/atop_corrections.yaml`) ends it.
A curated treaty replaces every ATOP alliance it maps, so no treaty is counted twice. See docs/history.md.
"""

from __future__ import annotations

import datetime as dt
import functools
from typing import TYPE_CHECKING

from foedus.model.treatymap import Recent, TreatyMap
from foedus.model.windows import date_window
from foedus.sources.atop_release import RECENT_AFTER

if TYPE_CHECKING:
    from pathlib import Path

    from foedus.model.states import StateRegistry
    from foedus.model.treaty import Treaty

__all__ = ["binds_after", "carry_forward", "with_history"]


def with_history(curated: dict[str, Treaty], states: StateRegistry, history: bool) -> TreatyMap:
    """Curated treaties, plus ATOP history loaded on demand when its file is in the data folder.

    The file is checked when the history is loaded (`foedus.datasets.verify`), so a corrupt one stops the
    command that needs it with one line, and never quietly drops alliances.
    """
    from foedus.paths import data_dir
    from foedus.sources.atop_release import ATOP_MEMBER_FILE

    if not history or not (data_dir() / ATOP_MEMBER_FILE).exists():
        return TreatyMap(curated)
    mapped = frozenset(aid for t in curated.values() for aid in t.atop_ids)
    recent = Recent(RECENT_AFTER, functools.partial(_load_history, states, mapped, True))
    return TreatyMap(curated, functools.partial(_load_history, states, mapped), None, recent)


def carry_forward(treaty: Treaty) -> Treaty:
    """An ATOP alliance in force at the end of ATOP's coverage, read as in force after it (tagged so), up to the
    end of a fixed term that ends later (`foedus.sources.atop.fixed_term_end`)."""
    if treaty.origin != "atop" or treaty.coverage_end is None or (
            treaty.terminated is not None and treaty.terminated <= treaty.coverage_end):
        return treaty
    from foedus.sources.correction_notes import carry_note  # the correction that stops a carry takes the note out

    note = (f"{treaty.note}; " if treaty.note else "") + carry_note(treaty.coverage_end, treaty.terminated)
    return treaty.model_copy(update={"coverage_end": None, "carried_from": treaty.coverage_end, "note": note})


def binds_after(treaty: Treaty, day: dt.date) -> bool:
    """Whether `treaty` can be in effect on some date after `day` (no coverage end or termination by then), or may
    have been: its end is known only to a window that reaches past `day` (`Treaty.terminated_certainty`), so a
    result on a later date in that window says it may still have been in force (`foedus.engine.doubts`)."""
    end, how = treaty.terminated, treaty.terminated_certainty
    return (treaty.coverage_end is None or treaty.coverage_end > day) and (
        end is None or (date_window(end, how, end=True)[1] if how is not None else end) > day)


def _load_history(states: StateRegistry, mapped: frozenset[int], recent: bool = False) -> dict[str, Treaty]:
    """ATOP alliances not replaced by a curated treaty, carried forward and corrected, cached across processes as
    plain data (keyed on the ATOP file, the state registry, foedus's code and data, corrections included, and the
    curated treaties' ATOP ids), so that a start reads one cache file and neither the corrections nor the import.

    With `recent`, only those that can bind after `RECENT_AFTER` (`binds_after`; the end of 2013, five years before
    ATOP's coverage ends, for the ended-alliance note's window), in the same order, from a cache of their own: a
    start for a date after 2013 reads fewer than half of the alliances."""
    from foedus.datasets.verify import dataset_file
    from foedus.derived import cached_from_file
    from foedus.model.codec import treaties_from_plain, treaties_to_plain
    from foedus.sources.atop_release import ATOP_MEMBER_FILE

    path = dataset_file(ATOP_MEMBER_FILE)
    if path is None:
        from foedus.errors import DataMissingError

        raise DataMissingError(f"{ATOP_MEMBER_FILE} was removed from the data folder while foedus was running; "
                               "run `foedus data fetch atop`")
    depends = _states_key(states)
    key = f"{depends}\n{sorted(mapped)}"

    def merged() -> list[Treaty]:
        return cached_from_file(path, "atop-merged", lambda: _merged(states, path, mapped, depends),
                                treaties_to_plain, treaties_from_plain, depends=key)

    if recent:
        live = cached_from_file(path, "atop-recent", lambda: [t for t in merged() if binds_after(t, RECENT_AFTER)],
                                treaties_to_plain, treaties_from_plain, depends=key)
        return {t.id: t for t in live}
    return {t.id: t for t in merged()}


def _merged(states: StateRegistry, path: Path, mapped: frozenset[int], depends: str) -> list[Treaty]:
    """The ATOP import (itself cached), less the alliances curated treaties replace, carried forward, corrected."""
    from foedus.derived import cached_from_file
    from foedus.model.codec import treaties_from_plain, treaties_to_plain
    from foedus.sources.atop import load_atop
    from foedus.sources.correction_apply import apply_corrections
    from foedus.sources.corrections import load_corrections

    imported = cached_from_file(path, "atop-history", lambda: load_atop(states, path), treaties_to_plain,
                                treaties_from_plain, depends=depends)
    kept = [carry_forward(t) for t in imported if not set(t.atop_ids) & mapped]
    return apply_corrections(kept, load_corrections(), states)


def _states_key(states: StateRegistry) -> str:
    """What the ATOP import depends on besides its file: the registry's COW codes (and foedus's code, via the
    world's inputs key)."""
    import hashlib

    from foedus.world_cache import inputs_key

    codes = ",".join(f"{c}={s}" for c, s in sorted(states.by_ccode.items()))
    return hashlib.sha256(f"{inputs_key()}\n{codes}".encode()).hexdigest()
