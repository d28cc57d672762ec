"""`compare --atlas` reads the scenario switches an atlas reads and refuses the others: `--severity nope` was taken
without a word, `--severity coercion` was ignored (every dyad opened with an armed attack), and `--target-kind`,
`--territory-view` and `--ongoing-since`, which no atlas reads, were ignored too; `--basis` and `--decisions`, refused
while no atlas read them, are read as `foedus atlas` reads them."""

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
    (["--territory-view", "claimant"], "--territory-view has no effect with --atlas"),
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


@pytest.mark.needs_data
@pytest.mark.parametrize("extra", [["--basis", "signed"], ["--decisions", "not-taken"]])
def test_the_compared_atlas_reads_the_basis_and_decisions_as_the_atlas_does(tmp_path: Path,
                                                                           extra: list[str]) -> None:
    """`compare --atlas --basis signed` (or `--decisions not-taken`) compares the atlases `foedus atlas` makes with
    that switch: on 2024-07-01 Russia–North Korea was signed, not yet in force."""
    line = ["compare", "-d", "2024-07-01", "--date2", "2023-07-01", "--atlas", "--reading", "legal", "--json"]
    means = {}
    for day in ("2024-07-01", "2023-07-01"):
        code, _, err = cli_line(["atlas", "--date", day, "--reading", "legal", *extra, "--out",
                                 str(tmp_path / f"{day}.csv")])
        assert code == 0, err
        means[day] = pd.read_csv(tmp_path / f"{day}.csv")["war_size_legal"].mean()
    code, out, err = cli_line([*line, *extra])
    assert code == 0, err
    compared = json.loads(out)["readings"]["legal"]["mean_war_size"]
    assert compared["base"] == pytest.approx(means["2024-07-01"])
    assert compared["other"] == pytest.approx(means["2023-07-01"])
    code, out, err = cli_line(line)
    assert code == 0, err
    assert json.loads(out)["readings"]["legal"]["mean_war_size"]["base"] != pytest.approx(means["2024-07-01"])
