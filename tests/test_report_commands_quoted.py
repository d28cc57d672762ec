"""The command a backtest or a likely report records to reproduce it (in report.md, summary.json, metrics.json) wrote
its --out folder as given, unquoted: a folder with a space, `;` or `$` in its name made a command that, pasted into a
shell, wrote elsewhere or ran something else. It is quoted for a POSIX shell now, and a plain name stays plain."""

from __future__ import annotations

import shlex
from pathlib import Path

import pytest

from foedus.cli.backtest_cmd import command_line
from foedus.cli.likely_cmd import report_command


@pytest.mark.parametrize("out", ["my run", "r; rm -rf x", "$HOME/r", "it's"])
def test_a_recorded_command_quotes_its_folder(out: str) -> None:
    for command in (command_line(None, 2000, Path(out), 10, 1), report_command(Path(out), 10, 5, 1, False)):
        words = shlex.split(command)
        assert words[words.index("--out") + 1] == out


def test_a_plain_folder_stays_plain() -> None:
    """Control: a name the shell reads as written is recorded as before, unquoted (command_line's passes on the
    old code; report_command is new)."""
    assert command_line(1990, None, Path("runs/b1"), 10, 1) == ("foedus backtest --from 1990 --out runs/b1 --draws 10 "
                                                                "--seed 1")
    assert report_command(Path("rep"), 10, 5, 1, True) == ("foedus likely report --out rep --draws 10 --bootstrap 5 "
                                                           "--seed 1")
