"""The on-disk cache of the bundled world's parts (curated treaties, states, places), for fast starts.

Stored as plain JSON (`foedus.model.codec`, `foedus.cachefile`): loading it cannot run code, and it is used
only when this user owns it. Its key is the SHA-256 of every input — the bundled YAML files, every foedus module
the build runs (`input_files`: tests/test_world_cache.py checks, in a fresh interpreter, that the build imports
no other), the state-system files, the country-code table and the version files of pydantic and PyYAML — with
the foedus version; file hashes are remembered by stat (`foedus.filehash`), so a start reads no more than the
cache itself. The state-system files are checked against the dataset registry when the parts are built from
them; a cache hit needs no check, since its key is their content: a damaged file misses the cache and is then
checked (and refused).
"""

from __future__ import annotations

import functools
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from foedus.model.gazetteer import Gazetteer
    from foedus.model.states import StateRegistry
    from foedus.model.treaty import Treaty

__all__ = ["cached_parts", "cached_states", "input_files", "inputs_key", "inputs_unchanged"]

Parts = tuple["dict[str, Treaty]", "StateRegistry", "Gazetteer"]


@functools.cache
def inputs_key() -> str:
    """A key that changes whenever any input of the bundled world changes (worked out once per process)."""
    return _key_now()


def inputs_unchanged() -> bool:
    """Whether the inputs still have the key this process worked out first: False when one changed during the run
    (another version imported meanwhile), so that what was built from the new file is not cached under the old
    file's key, to be served as the old file's world once it is back."""
    return _key_now() == inputs_key()


# The foedus code that building (and encoding) the parts runs, under the package folder: whole subpackages, and
# single modules elsewhere; with what the ATOP history's build runs besides (`foedus.sources.history` keys its caches
# on this key). A module either comes to import must be added here: tests/test_world_cache.py fails until it is.
# The cascade rules are read by the treaty checks (`model.scope_reach` asks `rules.tokens` what a scope covers).
_CODE_FOLDERS = ("model", "sources", "datarecord", "engine/rules")
_CODE_FILES = ("__init__.py", "_version.py", "cachefile.py", "characters.py", "cited.py", "cited_names.py",
               "collector.py", "declare.py", "derived.py", "errors.py", "file_words.py", "filehash.py", "folderlock.py",
               "listed.py", "paths.py", "problem_words.py", "ranges.py", "reachable.py", "settings.py",
               "state_lists.py", "value_words.py", "wording.py", "world_cache.py", "written.py",
               "data/__init__.py", "datasets/__init__.py", "datasets/csvfile.py", "datasets/registry.py",
               "datasets/verify.py",
               "engine/__init__.py", "engine/contract.py", "engine/leg.py", "engine/maker.py", "engine/ongoing_days.py",
               "engine/mc_records.py", "engine/records.py",
               "engine/scenario.py")
# Libraries whose version changes what is built, by a file that changes with it (pydantic pins pydantic-core's
# exact version); countrycode's is its table itself (`foedus.model.state_files.countrycode_table`).
_LIBRARY_FILES = (("pydantic", "version.py"), ("yaml", "__init__.py"))


def input_files() -> list[str]:
    """Every file the bundled world's parts are built from, as paths: the key hashes each (absent ones as absent)."""
    import os
    from importlib.util import find_spec

    from foedus.model.state_files import COW_MAJORS_FILE, COW_STATES_FILE, countrycode_table
    from foedus.paths import data_dir

    code = os.path.dirname(__file__)  # the package's folder (not `importlib.resources`: 3 ms of imports)
    data = os.path.join(code, "data")
    files = [os.path.join(code, name) for name in _CODE_FILES]
    for folder, ends in ((data, (".yaml",)), (os.path.join(data, "treaties"), (".yaml", ".yml")),
                         *((os.path.join(code, sub), (".py",)) for sub in _CODE_FOLDERS)):
        files += [os.path.join(folder, name) for name in os.listdir(folder) if name.endswith(ends)]
    files.sort()
    files += [str(data_dir() / COW_STATES_FILE), str(data_dir() / COW_MAJORS_FILE)]
    if (table := countrycode_table()) is not None:
        files.append(table)
    for package, path in _LIBRARY_FILES:
        spec = find_spec(package)  # found, neither imported nor looked up in the package metadata
        if spec is not None and spec.origin:
            files.append(os.path.join(os.path.dirname(spec.origin), path))
    return files


def _key_now() -> str:
    import hashlib

    from foedus._version import __version__
    from foedus.filehash import content_sha256

    parts = [__version__]
    for f in input_files():  # strings, not `Path`s: 140 of those cost more than the hashes remembered by stat
        try:
            parts.append(f"{f}:{content_sha256(f)}")
        except OSError:
            parts.append(f"{f}:absent")
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def cached_parts() -> Parts:
    """The bundled world's curated treaties, states and places: from the cache when inputs are unchanged."""
    from foedus.cachefile import cached_json
    from foedus.model.codec import parts_from_plain, parts_to_plain

    def build() -> Parts:
        from foedus.model.loader import load_parts

        return load_parts((), True)

    return cached_json("world", inputs_key(), build, parts_to_plain, parts_from_plain, unchanged=inputs_unchanged)


def cached_states() -> StateRegistry:
    """The bundled world's state registry alone: the cache's `states` part when the cache is current (no treaty
    model to import or decode), else `cached_parts`'s, which builds and stores the whole cache."""
    from foedus.cachefile import cache_file, read_cache
    from foedus.model.state_codec import states_from_plain

    key = inputs_key()
    raw = read_cache(cache_file("world", key), key)
    if isinstance(raw, dict):
        try:
            return states_from_plain(raw["states"])
        except (KeyError, TypeError, ValueError, AttributeError):
            pass
    return cached_parts()[1]
