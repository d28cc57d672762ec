"""What a SIGKILLed run leaves beside an output (its `.NAME.XXXXXXXX.foedus-tmp` temporary) is removed by the next
write of that output, once it is an hour old and no live run holds it; nothing else is ever removed."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from foedus.outputs import atomic as atomic_mod
from foedus.outputs import staged_file, staged_folder

pytestmark = pytest.mark.skipif(os.name == "nt", reason="no flock: nothing is removed there")


def _aged(path: Path, hours: float = 2) -> None:
    then = time.time() - hours * 3600
    os.utime(path, (then, then), follow_symlinks=False)


def test_the_next_write_removes_only_what_killed_runs_left_of_that_output(tmp_path: Path) -> None:
    """Gone: a killed run's temporary file and temporary folder of t.csv, two hours old. Kept: one a live run holds
    (as old), a fresh one, those of another output, names `tempfile` does not make, a link, a pipe, the previous
    output of a folder swap (`.foedus-old`) and the user's files."""
    out = tmp_path / "t.csv"
    dead_file, dead_folder = tmp_path / ".t.csv.abcd_123.foedus-tmp", tmp_path / ".t.csv.x1y2z3w4.foedus-tmp"
    dead_file.write_text("half a table", encoding="utf-8")
    (dead_folder / "k=1").mkdir(parents=True)
    (dead_folder / "k=1" / "part-0.parquet").write_bytes(b"PAR1")
    (tmp_path / "mine.txt").write_text("mine", encoding="utf-8")
    kept = [tmp_path / name for name in (".t.csv.fresh123.foedus-tmp", ".u.csv.abcd1234.foedus-tmp",
                                         ".t.csv.abc.foedus-tmp", ".t.csv.ABCD1234.foedus-tmp",
                                         "t.csv.abcd1234.foedus-tmp", ".t.csv.abcd1234.foedus-tmp.bak")]
    for path in kept:
        path.write_text("not a killed run's temporary of t.csv", encoding="utf-8")
    old_output = tmp_path / ".t.csv.abcd1234.foedus-old"
    old_output.mkdir()
    (old_output / "report.md").write_text("the previous output", encoding="utf-8")
    link, pipe = tmp_path / ".t.csv.link1234.foedus-tmp", tmp_path / ".t.csv.pipe1234.foedus-tmp"
    link.symlink_to(tmp_path / "mine.txt")
    os.mkfifo(pipe)
    for path in (dead_file, dead_folder / "k=1", dead_folder, *kept[1:], old_output, link, pipe):
        _aged(path)
    with staged_file(out, force=True) as live:  # a live run writing t.csv, silent for two hours
        live.write_text("a live run's", encoding="utf-8")
        _aged(live)
        with staged_file(out) as tmp:  # the next write of t.csv
            tmp.write_text("the next run's", encoding="utf-8")
        assert live.read_text(encoding="utf-8") == "a live run's"
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["t.csv", "mine.txt", *(p.name for p in kept), old_output.name, link.name, pipe.name])
    assert out.read_text(encoding="utf-8") == "a live run's" and (tmp_path / "mine.txt").read_text() == "mine"
    assert (old_output / "report.md").read_text(encoding="utf-8") == "the previous output"


_KILLED_WRITER = """
import signal, sys
from pathlib import Path
from foedus.outputs import staged_folder
with staged_folder(Path(sys.argv[1])) as tmp:
    (tmp / "wars.csv").write_text("half a report")
    print(tmp, flush=True)
    signal.pause()  # until SIGKILLed, however long the test takes
"""


def test_a_sigkilled_runs_temporary_goes_with_the_next_write_of_its_output(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """While the run lives its temporary stays, however old; once SIGKILLed (its lock goes with it) the next write
    of the output removes it. That write here is a report folder whose files are written through `staged_file` on
    a file system without hard links (the publish locks the folder it writes into: the staged folder, which this
    run holds already, so it must not wait for itself)."""
    out = tmp_path / "report"
    proc = subprocess.Popen([sys.executable, "-c", textwrap.dedent(_KILLED_WRITER), str(out)],
                            stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout is not None
        left = Path(proc.stdout.readline().strip())
        assert left.parent == tmp_path and (left / "wars.csv").is_file()
        _aged(left)
        with staged_folder(tmp_path / "report"):  # a write while the killed run still lives: its temporary stays
            assert left.is_dir()
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
    assert left.is_dir()  # a SIGKILLed run cannot remove it

    def no_link(*_args: object) -> None:
        raise OSError(errno.EPERM, "Operation not permitted")

    monkeypatch.setattr(atomic_mod.os, "link", no_link)

    def next_write() -> None:
        with staged_folder(out, force=True) as tmp, staged_file(tmp / "wars.csv") as table:
            table.write_text("the whole report", encoding="utf-8")

    writing = threading.Thread(target=next_write, daemon=True)
    writing.start()
    writing.join(timeout=30)
    assert not writing.is_alive()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report"]
    assert (out / "wars.csv").read_text(encoding="utf-8") == "the whole report"
