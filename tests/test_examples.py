"""examples/: the treaty file validates and the notebook's code cells run, in order, offline."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = ROOT / "examples"


def test_the_example_treaty_file_validates() -> None:
    proc = subprocess.run([sys.executable, "-m", "foedus.cli", "treaties", "validate", str(EXAMPLES / "treaty.yaml")],
                          capture_output=True, text=True, env=os.environ.copy(), timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "ok  example_nordic_ukraine_pact" in proc.stdout


@pytest.mark.needs_data
def test_the_notebook_runs_cell_by_cell(monkeypatch: pytest.MonkeyPatch) -> None:
    notebook = json.loads((EXAMPLES / "foedus.ipynb").read_text(encoding="utf-8"))
    assert notebook["nbformat"] == 4
    monkeypatch.chdir(EXAMPLES)  # as Jupyter would start it
    namespace: dict[str, object] = {"__name__": "__notebook__"}
    cells = ["".join(c["source"]) for c in notebook["cells"] if c["cell_type"] == "code"]
    assert len(cells) >= 5
    for number, source in enumerate(cells, start=1):
        exec(compile(source, f"foedus.ipynb, code cell {number}", "exec"), namespace)
    assert namespace["new"] == ["PRK"]  # the flagship: North Korea joins once the 2024 treaty is in force
    assert "PRK" not in namespace["what_if"].sides["defense"]  # type: ignore[attr-defined]
    coefficients = namespace["coefficients"]
    assert isinstance(coefficients, pd.Series)
    assert list(coefficients.index) == ["const", "land_border", "sea_border", "major_1", "major_2", "power_gap"]
    assert coefficients.notna().all() and coefficients["land_border"] > 0
