"""Without the research data, a command that needs them is refused in one line (exit 2), and one that lists by date
does not answer with an empty list: `states --date D` listed no state (exit 0; only the table said why, CSV and JSON
said nothing), and `likely fit` / `likely report` printed the dyadic war file's note (the run would use the
participant file only) before the error that the participant file is missing too. Run as real processes: the note is
a logging record, which pytest's log capture would keep from stderr in-process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.parametrize(("args", "said"), [
    (["states", "--date", "1900-01-01"], "--date lists the state-system members on a date, which needs the COW state "
                                         "system: run `foedus data fetch cow_states`"),
    (["states", "--date", "2020-01-01", "--json"], "needs the COW state system"),
    (["states", "Germany", "--date", "1960-01-01"], "--date reads a state's name on a date, which needs the COW state "
                                                    "system: run `foedus data fetch cow_states`"),
    (["states", "--date", "2020-01-01", "--format", "csv"], "needs the COW state system"),
    (["likely", "fit", "--out", "m.json"], "Inter-StateWarData_v4.0.csv is not in the data folder"),
    (["likely", "report", "--out", "report"], "Inter-StateWarData_v4.0.csv is not in the data folder"),
])
def test_a_command_without_the_data_it_needs_is_refused_in_one_line(tmp_path: Path, args: list[str],
                                                                     said: str) -> None:
    env = os.environ | {"FOEDUS_DATA_DIR": str(tmp_path / "empty"), "FOEDUS_CACHE_DIR": str(tmp_path / "cache")}
    proc = subprocess.run([sys.executable, "-m", "foedus", *args], cwd=tmp_path, capture_output=True, text=True,
                          env=env, timeout=120)
    lines = proc.stderr.splitlines()
    assert proc.returncode == 2, proc.stderr
    assert len(lines) == 1 and lines[0].startswith("error: ") and said in lines[0], proc.stderr
    assert ('"ok": false' in proc.stdout) if "--json" in args else proc.stdout == ""
    assert sorted(p.name for p in tmp_path.iterdir()) <= ["cache", "empty"]  # nothing written
