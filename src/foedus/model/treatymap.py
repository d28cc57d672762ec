"""The treaties of a world: the curated set at once, ATOP history only when something needs it.

Most questions are about today, and loading two centuries of ATOP alliances costs time at every
start; `TreatyMap` keeps the curated (and user) treaties in a dict and loads the history the first
time a caller iterates over all treaties, asks for an ATOP id, or asks for the treaties of a date
before its last five years. For a later date it loads only the alliances that can still bind then (`Recent`:
those that can bind after 2013, fewer than half of them; `foedus.sources.atop_release.RECENT_AFTER`).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, NamedTuple

from foedus.model.windows import has_window

if TYPE_CHECKING:
    from foedus.model.treaty import Treaty

__all__ = ["TreatyMap", "replaced_words", "unknown_ids_hint"]

HistoryLoader = Callable[[], dict[str, "Treaty"]]


def unknown_ids_hint(ids: Iterable[str], has_history: bool) -> str:
    """What to add to an "unknown treaty" error: ATOP ids (`atop_…`) are unknown because the ATOP history is not
    loaded, not because they are misspelt."""
    if has_history or not any(i.startswith("atop_") for i in ids):
        return ""
    return "; ATOP alliances come from the ATOP history, which the data folder lacks: run `foedus data fetch atop`"


def replaced_words(treaty_id: str, curated: Iterable[Treaty]) -> str | None:
    """What to say of an ATOP id (`atop_N`, or a phase `atop_N_pK`) that a curated treaty carries (`atop_ids`): the
    history leaves that alliance out for it (`foedus.sources.history`), so the id names no treaty of the world and
    the curated one is meant; None for any other id."""
    from foedus.model.replacing import ATOP_ID

    if not ATOP_ID.match(treaty_id):
        return None
    number = int(treaty_id.split("_")[1])
    by = sorted({t.id for t in curated if number in t.atop_ids})
    if not by:
        return None
    return (f"{treaty_id} is replaced by {' and '.join(by)}, which {'carry' if len(by) > 1 else 'carries'} ATOP "
            f"alliance {number} (the history leaves it out): name {' or '.join(by)}")


def _windowed(treaties: dict[str, Treaty]) -> set[str]:
    """The ids of the treaties with a day known less than to the day that a doubt can rest on (`has_window`)."""
    return {k for k, t in treaties.items() if has_window(t)}


class Recent(NamedTuple):
    """The history alliances that can still bind after `after` (the rest ended by then), loadable alone."""

    after: dt.date
    load: HistoryLoader


class TreatyMap(Mapping[str, "Treaty"]):
    """Curated treaties plus lazily loaded history (ATOP alliances not replaced by a curated treaty)."""

    def __init__(self, curated: dict[str, Treaty], history: HistoryLoader | None = None,
                 history_end: dt.date | None = None, recent: Recent | None = None) -> None:
        self.curated = curated
        self._loader = history
        self._history: dict[str, Treaty] | None = None if history else {}
        self.history_end = history_end
        self._recent = recent if history else None
        self._recent_loaded: dict[str, Treaty] | None = None
        self.windowed: set[str] = _windowed(curated)  # kept at load: only these treaties can have doubts

    @property
    def has_history(self) -> bool:
        """Whether this world has (loaded or loadable) historical alliances."""
        return self._loader is not None

    @property
    def history(self) -> dict[str, Treaty]:
        """The historical alliances, loaded on first use."""
        if self._history is None:
            if self._loader is None:  # the constructor sets `_history` to {} where it has no loader
                raise RuntimeError("TreatyMap has neither its history nor a loader for it")
            self._history = {k: v for k, v in self._loader().items() if k not in self.curated}
            self.windowed |= _windowed(self._history)
        return self._history

    def with_curated(self, curated: dict[str, Treaty]) -> TreatyMap:
        """Another curated set over the same (still lazy) history."""
        return TreatyMap(curated, self._loader, self.history_end, self._recent)

    def same_history(self, other: TreatyMap) -> bool:
        """Whether this map's ATOP history is `other`'s (one loader): a curated set changed by a what-if keeps it."""
        return self._loader is other._loader and self.history_end == other.history_end

    def on(self, day: dt.date) -> Iterator[Treaty]:
        """Every treaty that can bind on `day` (history only for dates it covers), in the order of `iter`.

        After `Recent.after`, while the full history is not loaded, only the alliances still able to bind are
        loaded and given: the others end by then, so no caller would find them in effect.
        """
        yield from self.curated.values()
        if self._loader is None or (self.history_end is not None and day > self.history_end):
            return
        if self._history is None and self._recent is not None and day > self._recent.after:
            if self._recent_loaded is None:
                self._recent_loaded = {k: v for k, v in self._recent.load().items() if k not in self.curated}
                self.windowed |= _windowed(self._recent_loaded)
            yield from self._recent_loaded.values()
            return
        yield from self.history.values()

    def __getitem__(self, key: str) -> Treaty:
        if key in self.curated:
            return self.curated[key]
        if self._recent_loaded is not None and key in self._recent_loaded:  # the same treaty the history holds
            return self._recent_loaded[key]
        return self.history[key]

    def __iter__(self) -> Iterator[str]:
        yield from self.curated
        yield from self.history

    def __len__(self) -> int:
        return len(self.curated) + len(self.history)

    def __contains__(self, key: object) -> bool:
        return key in self.curated or (isinstance(key, str) and (
            (self._recent_loaded is not None and key in self._recent_loaded) or key in self.history))

    def __reduce__(self) -> tuple[Any, ...]:
        # pickles (Dask, caches) carry everything, history included
        return (TreatyMap, (dict(self.curated), None, self.history_end), None, None, iter(self.history.items()))

    def __setitem__(self, key: str, value: Treaty) -> None:
        """Only for unpickling: restores history entries."""
        if self._history is None:
            self._history = {}
        self._history[key] = value
        if has_window(value):
            self.windowed.add(key)
