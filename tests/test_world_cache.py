"""The world cache's key covers everything building the bundled world's parts runs and reads (`foedus.world_cache`):
a change to any of it must miss the cache, or the world built from the old code or data is served. The ATOP
history's caches take the same key for the foedus code they run (`foedus.sources.history`), so it covers that too."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

# A fresh interpreter (and cache) builds the parts as a cache miss does (built, encoded, decoded), then the ATOP
# history when the data folder has it, and prints the foedus modules each imported and the files the parts' opened.
_BUILD = """
import json, os, sys
opened = set()

def seen(event, args):
    if event == "open" and isinstance(args[0], (str, bytes, os.PathLike)):
        opened.add(os.path.realpath(os.fsdecode(args[0])))

sys.addaudithook(seen)
from foedus.model.codec import parts_from_plain, parts_to_plain
from foedus.model.loader import load_parts

def foedus_modules():
    return {name: os.path.realpath(m.__file__) for name, m in list(sys.modules.items())
            if name.split(".")[0] == "foedus" and getattr(m, "__file__", None)}

curated, states, _ = parts_from_plain(parts_to_plain(load_parts((), True)))
parts = foedus_modules()
read = sorted(opened)
from foedus.sources.history import with_history

len(with_history(curated, states, True))  # every ATOP alliance loaded (none without the file)
print(json.dumps({"parts": parts, "history": foedus_modules(), "opened": read}))
"""


def _build_reads(cache: Path) -> dict[str, Any]:
    env = dict(os.environ, FOEDUS_CACHE_DIR=str(cache))  # every cache a miss: each build runs
    out = subprocess.run([sys.executable, "-c", _BUILD], capture_output=True, text=True, timeout=600, check=True,
                         env=env)
    got: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return got


def test_the_key_covers_every_module_and_file_the_build_reads(tmp_path: Path) -> None:
    """Every foedus module the parts' build or the ATOP history's imports (foedus.wording, foedus.errors,
    foedus.datarecord…), and every file the parts' build opens in the package or the data folder, is among the
    files the key hashes: a module the model comes to import, or a bundled file it comes to read, fails here
    until the key covers it."""
    import foedus
    from foedus.paths import data_dir
    from foedus.sources.atop_release import ATOP_MEMBER_FILE
    from foedus.world_cache import input_files

    package = Path(os.path.realpath(foedus.__file__)).parent
    keyed = {os.path.realpath(f) for f in input_files()}
    got = _build_reads(tmp_path / "cache")
    assert got["parts"]["foedus"] == str(package / "__init__.py")  # the same tree as this process's
    assert {"foedus.model.loader", "foedus.errors", "foedus.sources.history"} <= set(got["history"])
    if (data_dir() / ATOP_MEMBER_FILE).exists():
        assert "foedus.sources.atop" in got["history"]  # the history was built, not read from a cache
    for phase in ("parts", "history"):
        missed = sorted(name for name, file in got[phase].items() if file not in keyed)
        assert not missed, f"the world cache's key misses modules the {phase} build imports: {missed}"
    roots = (package, Path(os.path.realpath(data_dir())))
    read = [f for f in got["opened"] if "__pycache__" not in Path(f).parts and Path(f).is_file()
            and any(Path(f).is_relative_to(root) for root in roots)]
    assert any(f.endswith(".yaml") for f in read)  # the bundled files, seen as read
    unkeyed = [f for f in read if f not in keyed]
    assert not unkeyed, f"the world cache's key misses files the build reads: {unkeyed}"
