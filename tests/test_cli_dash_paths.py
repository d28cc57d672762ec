"""A path option's value that starts with a dash is refused as one that is an option's name was (`--out --json`):
`backtest --out -x` wrote a folder named -x, `depth --out -x.csv` a file named -x.csv, `likely report --out -x`
ran the whole report into -x (found by session 34's bad-input sweep). `./-x` still names such a file, and `-` alone
is still standard output where a command takes it (`schema --out -`: the doctest of foedus.cli.helpers.path_problem)."""

from __future__ import annotations

from pathlib import Path

import pytest

from test_input_messages import _error_line


@pytest.mark.parametrize(("args", "option", "value"), [
    (["backtest", "--from", "1914", "--to", "1914", "--out", "-x"], "--out", "-x"),
    (["likely", "report", "--out", "-x"], "--out", "-x"),
    (["depth", "--out", "-x.csv"], "--out", "-x.csv"),
    (["similarity", "--from", "1914", "--to", "1914", "--out", "-s.parquet"], "--out", "-s.parquet"),
    (["schema", "--out", "-schema.json"], "--out", "-schema.json"),
    (["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-01-01", "--treaties", "-pact.yaml"], "--treaties",
     "-pact.yaml"),
])
def test_a_path_option_refuses_a_value_starting_with_a_dash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            args: list[str], option: str, value: str) -> None:
    monkeypatch.chdir(tmp_path)
    assert _error_line(args).startswith(f"Invalid value for '{option}': the path '{value}' looks like an option; "
                                        f"give ./{value} for a file of that name (see `foedus {args[0]}")
    assert list(tmp_path.iterdir()) == []



@pytest.mark.parametrize(("args", "option"), [
    (["cascade", "--scenario", "-"], "--scenario"),
    (["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-01-01", "--treaties", "-"], "--treaties"),
    (["compare", "-a", "RUS", "-t", "EST", "-d", "2025-01-01", "--overlay", "-"], "--overlay"),
    (["depth", "--params", "-"], "--params"),
    (["treaties", "validate", "-"], "paths"),
])
def test_a_path_that_is_read_refuses_standard_input(args: list[str], option: str) -> None:
    """`--scenario -`, `--treaties -`, `--overlay -` said "-: cannot read scenario: no such file or folder", as if a
    file named - were meant: no input is read from standard input, and every path a command reads says so, naming
    the option (one rule: `foedus.cli.entry._read`, `foedus.cli.helpers.path_problem`)."""
    assert _error_line(args).startswith(f"Invalid value for '{option}': '-' (standard input) is not read: give a "
                                        "file's path (./- for a file named -) (see `foedus ")
