"""`compare --atlas` reads the scenario switches an atlas reads and refuses the others: `--severity nope` was taken
without a word, `--severity coercion` was ignored (every dyad opened with an armed attack), and `--target-kind`,
`--basis`, `--territory-view`, `--decisions` and `--ongoing-since`, which no atlas reads, were ignored too."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from samples import cli_line
from test_input_messages import _error_line

ATLAS = ["compare", "-d", "2025-01-15", "--date2", "2024-01-01", "--atlas", "--reading", "legal"]


@pytest.mark.parametrize(("extra", "said"), [
    (["--severity", "nope"], "unknown severity 'nope': choose one of armed-attack, incursion, coercion"),
    (["--target-kind", "nope"], "unknown target kind 'nope': choose one of territory, forces"),
    (["--target-kind", "forces"], "--target-kind has no effect with --atlas"),
    (["--basis", "signed"], "--basis has no effect with --atlas"),
    (["--territory-view", "claimant"], "--territory-view has no effect with --atlas"),
    (["--decisions", "not-taken"], "--decisions has no effect with --atlas"),
    (["--ongoing-since", "2024-01-01"], "--ongoing-since has no effect with --atlas"),
])
def test_a_switch_the_compared_atlas_cannot_read_is_refused(extra: list[str], said: str) -> None:
    assert _error_line([*ATLAS, *extra]).startswith(said)


@pytest.mark.needs_data
def test_the_compared_atlas_opens_each_dyad_with_the_severity_given(tmp_path: Path) -> None:
    code, out, err = cli_line([*ATLAS, "--severity", "coercion", "--json"])
    assert code == 0, err
    compared = json.loads(out)["readings"]["legal"]["mean_war_size"]["base"]
    code, _, err = cli_line(["atlas", "--date", "2025-01-15", "--reading", "legal", "--severity", "coercion",
                             "--out", str(tmp_path / "a.csv")])
    assert code == 0, err
    assert compared == pytest.approx(pd.read_csv(tmp_path / "a.csv")["war_size_legal"].mean())
