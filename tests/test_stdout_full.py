"""A command whose output cannot be written (stdout on a full disk: /dev/full) exits 2 with one line on stderr. With
--json the error object also goes to stdout (`foedus.cli.failures.fail`), and writing it failed in turn: a traceback
and exit 1. And the line said the reason twice ('No space left on device: [Errno 28] No space left on device')."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")


@pytest.mark.parametrize("args", [["states", "--json"], ["states"], ["treaties", "show", "nato_1949", "--json"]])
def test_output_to_a_full_disk_fails_in_one_line(args: list[str]) -> None:
    with open("/dev/full", "w") as full:
        proc = subprocess.run([sys.executable, "-m", "foedus", *args], stdout=full, stderr=subprocess.PIPE, text=True,
                              timeout=120, env=os.environ)
    assert (proc.returncode, proc.stderr) == (2, "error: No space left on device\n")
