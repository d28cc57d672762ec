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


@pytest.mark.parametrize("scenario", ["s.yaml", "./s.yaml", "sub/../s.yaml"])
def test_one_file_for_save_overlay_and_save_scenario_is_refused_before_any_work(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, scenario: str) -> None:
    """`foedus cascade … --save-overlay F --save-scenario F` wrote the overlay, then failed on the scenario ("already
    exists"), leaving one file: refused before any work, as compare's --out pair is (until 2026-12-07)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "sub").mkdir()
    ask = ["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01", "--add-member", "nato_1949:UKR"]
    assert _error_line([*ask, "--save-overlay", "s.yaml", "--save-scenario", scenario]) == (
        f"--save-scenario {Path(scenario)} is the --save-overlay file too: the scenario file and the overlay cannot "
        "both be written there; give each its own file")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["sub"]  # nothing written
