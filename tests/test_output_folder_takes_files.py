"""An output in a folder where no file can be made, though `os.access` says it is writable (/proc, /sys), was taken
by the check before the work (`foedus.outputs.check_target`) and refused only when written: `foedus atlas -d D --out
/proc/x.csv` computed for half a minute, `likely report` for minutes, then said 'no such file or folder'. The check
now makes a temporary beside the output and removes it at once (`foedus.outputs.temporaries.unwritable`), and says
the same before the work. /proc takes no file only for root (the /proc tests skip otherwise); for any user, a tmp_path
folder plays it: its probe is refused with the error /proc gives (`_like_proc`)."""

from __future__ import annotations

import errno
import os
import re
import sys
from pathlib import Path
from typing import Literal

import pytest

import foedus.outputs.temporaries
from foedus.errors import OutputError
from foedus.outputs import check_target
from test_input_messages import _error_line


def _no_file_in_proc() -> bool:
    """Whether /proc is a folder access() calls writable in which no file can be made (Linux, and this user)."""
    if not sys.platform.startswith("linux") or not os.access("/proc", os.W_OK | os.X_OK):
        return False
    try:
        os.close(os.open("/proc/foedus-probe", os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except OSError:
        return True
    os.unlink("/proc/foedus-probe")
    return False


needs_proc = pytest.mark.skipif(not _no_file_in_proc(), reason="needs a /proc that access() calls writable")


def _like_proc(folder: Path, monkeypatch: pytest.MonkeyPatch, code: int = errno.ENOENT) -> None:
    """`folder` (writable, as `os.access` says of /proc) takes no file: the probe's temporary made in it is refused
    with `code`, as /proc refuses one (ENOENT; EACCES for some of its folders). Only the probe is refused: the
    writer imports its own `new_temporary`."""
    made = foedus.outputs.temporaries.new_temporary

    def refused(out: Path, kind: Literal["file", "folder"]) -> Path:
        if out.parent == folder:
            raise OSError(code, os.strerror(code), str(out.parent / f".{out.name}.probe"))
        return made(out, kind)

    monkeypatch.setattr(foedus.outputs.temporaries, "new_temporary", refused)


@pytest.mark.parametrize("kind", ["file", "folder"])
@pytest.mark.parametrize(("code", "why"), [(errno.ENOENT, "no such file or folder"),
                                           (errno.EACCES, "Permission denied")])  # the system's words
def test_check_target_refuses_a_folder_that_takes_no_file_as_any_user(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                      kind: str, code: int, why: str) -> None:
    _like_proc(tmp_path, monkeypatch, code)
    said = f"cannot write {tmp_path / 'out'}: {why}; nothing was written under that name"
    with pytest.raises(OutputError, match=f"^{re.escape(said)}$"):
        check_target(tmp_path / "out", kind=kind)  # type: ignore[arg-type]
    assert list(tmp_path.iterdir()) == []


def test_a_command_refuses_it_before_the_work_as_any_user(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import foedus.research.ties

    def work(*_: object) -> None:
        raise AssertionError("the work ran before the output was checked")

    _like_proc(tmp_path, monkeypatch)
    monkeypatch.setattr(foedus.research.ties, "yearly_portfolios_of", work)
    out = tmp_path / "x.csv"
    assert _error_line(["similarity", "--from", "2000", "--to", "2000", "--out", str(out)]) == (
        f"cannot write {out}: no such file or folder; nothing was written under that name")


@needs_proc
@pytest.mark.parametrize("kind", ["file", "folder"])
def test_check_target_refuses_proc(kind: str) -> None:
    said = "cannot write /proc/out: no such file or folder; nothing was written under that name"
    with pytest.raises(OutputError, match=f"^{re.escape(said)}$"):
        check_target(Path("/proc/out"), kind=kind)  # type: ignore[arg-type]


@needs_proc
def test_a_command_refuses_it_before_the_work_in_proc(monkeypatch: pytest.MonkeyPatch) -> None:
    import foedus.research.ties

    def work(*_: object) -> None:
        raise AssertionError("the work ran before the output was checked")

    monkeypatch.setattr(foedus.research.ties, "yearly_portfolios_of", work)
    assert _error_line(["similarity", "--from", "2000", "--to", "2000", "--out", "/proc/x.csv"]) == (
        "cannot write /proc/x.csv: no such file or folder; nothing was written under that name")

