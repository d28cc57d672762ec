"""A standard stream the shell closed (`foedus ... >&-`, `2>&-`), which Python holds as None: every command failed
at its first write or flush with an AttributeError traceback, exit 1 (the s40 robustness audit). A closed stdout is
now said in one line, exit 2, when the command has output to write; one that writes only a file runs; a closed
stderr silences the messages, the exit code still right."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

_CLOSED = ("error: the standard output is closed (>&-): the output has nowhere to go; send it to a file or to "
           "/dev/null")


def _run(args: list[str], closing: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """`python -m foedus ARGS` with `closing` (`>&-`, `2>&-`) applied by the shell, as a user would."""
    line = " ".join([f"'{sys.executable}'", "-m", "foedus", *(f"'{a}'" for a in args), closing])
    return subprocess.run(["sh", "-c", f"exec {line}"], capture_output="2>&-" not in closing, text=True, cwd=cwd,
                          env=os.environ.copy(), timeout=300)


@pytest.mark.parametrize("args", [["cascade", "-a", "RUS", "-t", "UKR", "-d", "2024-01-01"], ["treaties", "list"]])
def test_a_closed_stdout_is_said_in_one_line(tmp_path: Path, args: list[str]) -> None:
    done = _run(args, ">&-", tmp_path)
    assert (done.returncode, done.stderr) == (2, _CLOSED + "\n")


def test_a_command_writing_a_file_runs_with_stdout_closed(tmp_path: Path) -> None:
    done = _run(["schema", "--out", "s.json"], ">&-", tmp_path)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "s.json").read_text(encoding="utf-8").startswith("{")


@pytest.mark.parametrize(("state", "code"), [("ZZZ", 2), ("RUS", 0)])
def test_a_closed_stderr_keeps_the_exit_code(tmp_path: Path, state: str, code: int) -> None:
    assert _run(["cascade", "-a", state, "-t", "UKR", "-d", "2024-01-01"], ">/dev/null 2>&-", tmp_path
                ).returncode == code
