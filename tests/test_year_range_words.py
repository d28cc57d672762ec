"""A backwards year range is refused in the same words by every command that takes one: `likely fit` and `backtest`
said "(need --from <= --to)", `dyads`, `similarity` and `atlas` "(need 1815 <= from <= to <= 2100)" for the same
mistake (`foedus.wording.years_backwards`). And `dyads --system gw` begun before the Gleditsch–Ward system gets the
note on its first years that a COW range gets (it got none)."""

from __future__ import annotations

from pathlib import Path

import pytest

from samples import cli_line, error_line

BACKWARDS = "impossible year range 2000–1990: --from 2000 is after --to 1990 (need --from <= --to)"


@pytest.mark.parametrize("command", [["likely", "fit"], ["backtest"], ["dyads"], ["similarity"], ["atlas"]])
def test_every_command_refuses_a_backwards_range_in_the_same_words(tmp_path: Path, command: list[str]) -> None:
    out = tmp_path / ("out" if command[0] == "backtest" else "out.csv")
    assert error_line([*command, "--from", "2000", "--to", "1990", "--out", str(out)]) == BACKWARDS
    assert not out.exists()


@pytest.mark.needs_data
def test_a_gw_range_begun_before_the_gw_system_says_its_first_years_have_no_dyad(tmp_path: Path) -> None:
    from foedus.sources.cow import read_gw_spells

    begins = min(start for spans in read_gw_spells().values() for start, _ in spans)
    first = begins.year - 1
    code, _, err = cli_line(["dyads", "--system", "gw", "--no-covariates", "--from", str(first), "--to",
                             str(begins.year), "--out", str(tmp_path / "x.csv")])
    note = (f"no state is a member of the state system in {first}–{first} (the Gleditsch–Ward state system begins "
            f"on {begins}): those years have no dyad")
    assert code == 0 and f"note: {note}" in err.splitlines(), err
