"""The on-disk cache of the bundled world's parts (curated treaties, states, places), for fast starts.

The key changes whenever any input changes: the foedus version, the bundled YAML files, the model code,
the state-system and ATOP files, and the country-code table.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from foedus.model.gazetteer import Gazetteer
    from foedus.model.states import StateRegistry
    from foedus.model.treaty import Treaty

__all__ = ["cached_parts"]

Parts = tuple["dict[str, Treaty]", "StateRegistry", "Gazetteer"]


def _inputs_key() -> str:
    """A key that changes whenever any input of the bundled world changes."""
    import hashlib
    from importlib.util import find_spec

    import pydantic

    from foedus._version import __version__
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


def cached_parts() -> Parts:
    """The bundled world's curated treaties, states and places: from the cache when inputs are unchanged."""
    import pickle

    from foedus.paths import cache_dir

    path = cache_dir() / f"world-{_inputs_key()}.pickle"
    try:
        with path.open("rb") as fh:
            parts: Parts = pickle.load(fh)
        return parts
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError):
        pass
    from foedus.model.loader import load_parts

    payload = load_parts((), True)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps(payload, protocol=pickle.HIGHEST_PROTOCOL))
        tmp.replace(path)
    except OSError:
        pass
    return payload
