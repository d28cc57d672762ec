"""`foedus likely fit` and `foedus backtest` refuse a `--from` year before 1816 and `foedus dyads`, `similarity` and
`atlas` one before 1815: each refusal now says why its floor is what it is (COW's inter-state wars begin in 1816,
ATOP's alliances in 1815), where a bare "outside 1816–2100" beside "need 1815 <= from" read as an inconsistency; both
now say it in the same words (`foedus.wording.year_outside`)."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_input_messages import _error_line


@pytest.mark.parametrize("command", [["likely", "fit"], ["backtest"]])
def test_the_war_commands_say_their_floor_is_cow_s_first_war_year(tmp_path: Path, command: list[str]) -> None:
    out = tmp_path / "out"
    said = _error_line([*command, "--out", str(out), "--from", "1815"])
    assert said == "--from 1815 is outside 1816–2100 (COW's inter-state wars begin in 1816)"
    said = _error_line([*command, "--out", str(out), "--to", "2101"])
    assert said == "--to 2101 is outside 1816–2100 (foedus reads no day after 2100)"
    assert not out.exists()


@pytest.mark.parametrize("command", ["dyads", "similarity", "atlas"])
def test_the_treaty_commands_say_their_floor_is_atop_s_first_year(tmp_path: Path, command: str) -> None:
    out = tmp_path / "out.csv"
    said = _error_line([command, "--from", "1814", "--to", "1816", "--out", str(out)])
    assert said == "--from 1814 is outside 1815–2100 (ATOP's alliances begin in 1815)"
    assert not out.exists()
