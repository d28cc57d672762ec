"""A treaty world: the treaties, states and places a cascade is computed against."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from foedus.errors import UnknownTreatyError
from foedus.model.treatymap import TreatyMap

if TYPE_CHECKING:
    from foedus.model.gazetteer import Gazetteer
    from foedus.model.states import StateRegistry
    from foedus.model.treaty import Treaty

__all__ = ["World"]


@dataclass(frozen=True, eq=False)
class World:
    """Treaties by id, with the state registry and gazetteer they refer to."""

    treaties: TreatyMap
    states: StateRegistry
    places: Gazetteer

    def treaty(self, treaty_id: str) -> Treaty:
        """The treaty with this id.

        Raises:
            UnknownTreatyError: no such treaty; the message lists close ids.
        """
        try:
            return self.treaties[treaty_id]
        except KeyError:
            import difflib

            close = difflib.get_close_matches(treaty_id, list(self.treaties), n=3)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise UnknownTreatyError(f"unknown treaty {treaty_id!r}{hint} (try `foedus treaties list`)") from None

    @property
    def has_history(self) -> bool:
        """Whether ATOP's historical alliances are part of this world."""
        return self.treaties.has_history

    def with_treaties(self, curated: dict[str, Treaty]) -> World:
        """The same world with another curated set (the history, if any, kept and still lazy)."""
        return World(self.treaties.with_curated(curated), self.states, self.places)

    @classmethod
    def load(cls, extra: Iterable[Path] = (), bundled: bool = True, history: bool = True) -> World:
        """Load the bundled treaty set (unless `bundled=False`), any extra treaty files, and ATOP history.

        The merged timeline: ATOP 5.1 alliances count up to 2018-12-31 (the end of its coverage); the
        curated set counts for its whole life and replaces every ATOP alliance it maps (`atop_ids`),
        so no treaty is counted twice. ATOP is used only when its file is in the data folder.
        """
        from foedus.model.gazetteer import Gazetteer
        from foedus.model.loader import bundled_treaty_files, load_treaties
        from foedus.model.states import StateRegistry

        states = StateRegistry.load()
        places = Gazetteer.load(states)
        files = [*(bundled_treaty_files() if bundled else []), *extra]
        curated = load_treaties(files, states, places)
        return cls(treaties=_with_history(curated, states, history), states=states, places=places)

    @staticmethod
    @functools.cache
    def default() -> World:
        """The bundled world, loaded once per process (and pickled in the user cache for fast starts)."""
        return _cached_default()


def _with_history(curated: dict[str, Treaty], states: StateRegistry, history: bool) -> TreatyMap:
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

    treaties = cached_from_file(path, "atop-history", lambda: load_atop(states, path))
    return {t.id: t for t in treaties if not set(t.atop_ids) & mapped}


def _inputs_key() -> str:
    """A key that changes whenever any input of the bundled world changes."""
    import hashlib
    from importlib.util import find_spec

    import pydantic

    from foedus import __version__
    from foedus.model.states import COW_MAJORS_FILE, COW_STATES_FILE
    from foedus.paths import data_dir
    from foedus.sources.atop import ATOP_MEMBER_FILE

    data = Path(str(resources.files("foedus.data")))
    code = data.parent
    files = sorted([*data.glob("*.yaml"), *data.glob("treaties/*.yaml"), *code.glob("model/*.py"),
                    *code.glob("sources/*.py")])
    files += [data_dir() / f for f in (COW_STATES_FILE, COW_MAJORS_FILE, ATOP_MEMBER_FILE)]
    spec = find_spec("countrycode")
    if spec is not None and spec.origin:
        files.append(Path(spec.origin).parent / "data" / "codelist.pickle")
    parts = [__version__, pydantic.VERSION]
    for f in files:
        try:
            st = f.stat()
            parts.append(f"{f}:{st.st_size}:{st.st_mtime_ns}")
        except OSError:
            parts.append(f"{f}:absent")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:24]


def _cached_default() -> World:
    """The bundled world; its curated part, states and places come from a pickle when inputs are unchanged."""
    import pickle

    from foedus.paths import cache_dir

    path = cache_dir() / f"world-{_inputs_key()}.pickle"
    try:
        with path.open("rb") as fh:
            curated, states, places = pickle.load(fh)
        return World(_with_history(curated, states, True), states, places)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        pass
    world = World.load()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        payload = (world.treaties.curated, world.states, world.places)
        tmp.write_bytes(pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL))
        tmp.replace(path)
    except OSError:
        pass
    return world
