"""`foedus similarity` without its datasets names every missing one in one line: it needs the COW state system, ATOP
and COW NMC, and used to name one at a time (an empty data folder asked for cow_states; with it, for cow_nmc; with
that, for atop: three runs to learn one command)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

SOURCE = Path(os.environ["FOEDUS_DATA_DIR"])
NEEDED = ("cow_states", "atop", "cow_nmc")


@pytest.mark.needs_data
@pytest.mark.parametrize("present", [(), ("cow_states",), ("cow_states", "cow_nmc"), ("atop",)],
                         ids=["empty", "states", "states-nmc", "atop"])
def test_similarity_names_every_missing_dataset_at_once(tmp_path: Path, present: tuple[str, ...]) -> None:
    data = tmp_path / "data"
    data.mkdir()
    for name in present:
        (data / name).symlink_to(SOURCE / name, target_is_directory=True)
    env = {**os.environ, "FOEDUS_DATA_DIR": str(data), "FOEDUS_CACHE_DIR": str(tmp_path / "cache")}
    proc = subprocess.run([sys.executable, "-m", "foedus.cli", "similarity", "--from", "1990", "--to", "1990",
                           "--out", "s.csv"], capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.splitlines()
    missing = " ".join(n for n in NEEDED if n not in present)
    assert len(lines) == 1 and lines[0].startswith("error: alliance similarity needs "), proc.stderr
    assert lines[0].endswith(f"run `foedus data fetch {missing}`"), lines[0]
    assert not (tmp_path / "s.csv").exists()
