"""A name that is not UTF-8 (`d\\xff`, which Linux allows; Python holds the byte as the lone surrogate U+DCFF) is
printed on the standard output escaped, as stderr and JSON write it (`\\udcff`): `foedus data path` under a UTF-8
output stopped with "cannot write U+DCFF; set PYTHONIOENCODING=utf-8 (or PYTHONUTF8=1) and run again", advice no
setting could follow, and under an ASCII output printed the folder as `d?`, a folder that is not there."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from foedus.cli.failures import failure


@pytest.fixture
def odd(bytes_named: Callable[[bytes], Path]) -> Path:
    """A folder whose name is not UTF-8, made where the file system takes such a name (`conftest.bytes_named`)."""
    return bytes_named(b"d\xff")


def _run(encoding: str, data: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = os.environ | {"PYTHONIOENCODING": encoding, "PYTHONUTF8": "0", "FOEDUS_DATA_DIR": os.fsencode(data)}
    return subprocess.run([sys.executable, "-m", "foedus", *args], capture_output=True, env=env, timeout=120)


@pytest.mark.parametrize("encoding", ["utf-8", "ascii"])
def test_a_data_folder_whose_name_is_not_utf8_is_printed_escaped(odd: Path, encoding: str) -> None:
    proc = _run(encoding, odd, "data", "path")
    assert (proc.returncode, proc.stdout, proc.stderr) == (0, os.fsencode(odd.parent) + b"/d\\udcff\n", b"")


def test_json_output_holds_the_name_as_json_escapes_it(odd: Path) -> None:
    """Read back, the JSON names the folder itself."""
    proc = _run("utf-8", odd, "data", "status", "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["data_dir"] == str(odd)


def test_a_lone_surrogate_is_not_advised_a_utf8_setting(capsys: pytest.CaptureFixture[str]) -> None:
    """Where one still reaches a strict output, the advice is what can help: renaming, or writing the bytes."""
    exc = UnicodeEncodeError(sys.stdout.encoding, "d\udcff", 1, 2, "surrogates not allowed")
    assert failure(exc, False) == 2
    assert capsys.readouterr().err == (
        "error: the output cannot write U+DCFF (the byte 0xFF of a name that is not UTF-8 text), a lone surrogate, in "
        "any encoding; rename the file or folder to a UTF-8 name (or set PYTHONIOENCODING=utf-8:surrogateescape to "
        "write its own bytes)\n")
