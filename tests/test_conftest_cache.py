"""The root conftest.py gives every test run a private cache folder (FOEDUS_CACHE_DIR): it made one in the temporary
folder and never removed it, so each run left one behind. Now the process that made it removes it at its exit,
and only it: not a process it spawned (which inherits the variable) nor one it forked, and never a folder it was
given."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_RUN = """
import os, subprocess, sys
sys.path.insert(0, sys.argv[1])
import conftest
cache = os.environ["FOEDUS_CACHE_DIR"]
subprocess.run([sys.executable, "-c", f"import sys; sys.path.insert(0, {sys.argv[1]!r}); import conftest"],
               check=True)
if hasattr(os, "fork"):
    child = os.fork()
    if child == 0:
        sys.exit(0)  # a forked child's exit runs the parent's exit handlers
    os.waitpid(child, 0)
print(cache, os.path.isdir(cache))
"""


def _run(tmp_path: Path, **env: str) -> tuple[Path, bool]:
    clean = {k: v for k, v in os.environ.items() if k != "FOEDUS_CACHE_DIR"}
    proc = subprocess.run([sys.executable, "-c", textwrap.dedent(_RUN), str(ROOT)], capture_output=True, text=True,
                          env={**clean, "TMPDIR": str(tmp_path), **env}, timeout=120, check=True)
    cache, there = proc.stdout.split()
    return Path(cache), there == "True"


def test_the_cache_folder_conftest_made_is_removed_when_its_process_ends_and_a_given_one_kept(tmp_path: Path
                                                                                               ) -> None:
    made, given = tmp_path / "made", tmp_path / "given"
    made.mkdir()
    given.mkdir()
    (given / "kept.json").write_text("{}", encoding="utf-8")
    cache, there = _run(made)
    assert there and cache.parent == made  # kept while the process lived, after its child and fork ended
    assert list(made.iterdir()) == []
    assert _run(made, FOEDUS_CACHE_DIR=str(given)) == (given, True)
    assert list(made.iterdir()) == [] and [p.name for p in given.iterdir()] == ["kept.json"]
