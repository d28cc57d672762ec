"""`foedus compare … --out F --save-scenario F` (one file however written: a symbolic link) wrote the table after the
work, then failed on the scenario ("already exists"): refused before any work, in one line naming both options (until
2026-12-07); the literal same path, refused by its suffix until then, says the same."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_input_messages import _error_line

_ASK = ["compare", "-a", "RUS", "-t", "EST", "-d", "2020-01-01", "--date2", "2025-06-01"]


@pytest.mark.parametrize(("out", "scenario"), [("t.csv", "t.csv"), ("t.csv", "link.yaml"), ("./s.yaml", "s.yaml")])
def test_one_file_for_out_and_save_scenario_is_refused_before_any_work(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, out: str, scenario: str) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "link.yaml").symlink_to(tmp_path / "t.csv")  # dangling until the table is written
    assert _error_line([*_ASK, "--out", out, "--save-scenario", scenario]) == (
        f"--save-scenario {scenario} is the --out file too: the scenario file and the table cannot both be written "
        "there; give each its own file")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.yaml"]  # nothing written
