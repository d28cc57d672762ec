"""An output whose encoding lacks a letter foedus prints (PYTHONIOENCODING=ascii, a Latin-1 locale, a Windows
console redirected to a file) stops in one line that names the encoding, the letter and the fix, exit 2: the '→' of
a cascade was reported as an internal error to report (exit 1), and an error naming 'Côte' with --json crashed with
a traceback while writing the JSON error object."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = os.environ | {"PYTHONIOENCODING": "ascii", "PYTHONUTF8": "0"}
    return subprocess.run([sys.executable, "-m", "foedus", *args], capture_output=True, text=True, env=env,
                          timeout=120, encoding="utf-8")


@pytest.mark.parametrize(("args", "letter"), [(["cascade", "-a", "UKR", "-t", "RUS", "-d", "2025-01-15"],
                                               "U+2192 RIGHTWARDS ARROW"),
                                              (["states", "CIV"], "U+00F4 LATIN SMALL LETTER O WITH CIRCUMFLEX")],
                         ids=["cascade", "states"])
def test_a_letter_the_output_cannot_write_is_said_in_one_line(args: list[str], letter: str) -> None:
    proc = _run(*args)
    assert proc.returncode == 2 and proc.stderr.splitlines() == [
        f"error: the output's encoding (ascii) cannot write {letter}; set PYTHONIOENCODING=utf-8 (or PYTHONUTF8=1) "
        "and run again"]


def test_a_json_error_naming_a_letter_the_output_cannot_write_is_escaped() -> None:
    proc = _run("states", "Côtex", "--json")
    said = "unknown state 'Côtex' (try `foedus states`)"
    escaped = said.replace("ô", "\\xf4")  # Python's stderr escapes what its encoding lacks; JSON writes \u00f4
    assert proc.returncode == 2 and proc.stderr.splitlines() == [f"error: {escaped}"]
    assert json.loads(proc.stdout) == {"ok": False, "error": said, "status": 2}
