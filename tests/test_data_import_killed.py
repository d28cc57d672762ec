"""`foedus data import --any-version` SIGKILLed while it installs a file (no handler runs: the out-of-memory killer,
`kill -9`) leaves the version it was installing recorded as pending in the data folder's record of other versions,
and its temporary. Nothing of it is a lock (the record's lock is an flock, gone with the process): the next
commands run as before, the version in place is still believed as what it is, and the same import run again
installs the file and confirms its record."""

from __future__ import annotations

import fcntl
import json
import os
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from foedus.datasets import import_file
from foedus.datasets.verify import OTHER_VERSIONS, check_file
from other_release import another_release

pytestmark = pytest.mark.needs_data

SOURCE = Path(os.environ["FOEDUS_DATA_DIR"])  # read before `target` points FOEDUS_DATA_DIR elsewhere
STATES = "cow_states/states2016.csv"
_KILLED_MID_INSTALL = """
import signal, sys
from pathlib import Path
import foedus.datasets.importing as importing
from foedus.datasets.importing import import_file

install = importing.install

class Slow:
    def __init__(self, stream):
        self.stream, self.reads = stream, 0
    def read(self, n=-1):
        self.reads += 1
        if self.reads == 2:  # the first chunk is in the temporary: wait there to be killed
            print("installing", flush=True)
            signal.pause()  # until SIGKILLed, however long the test takes
        return self.stream.read(n)

importing.install = lambda stream, *args, **kwargs: install(Slow(stream), *args, **kwargs)
import_file(Path(sys.argv[1]), force=True, any_version=True)
"""


def _pending(target: Path) -> dict[str, object] | None:
    entry = json.loads((target / OTHER_VERSIONS).read_text(encoding="utf-8"))["files"][STATES]
    return entry.get("pending")


def _unlocked(folder: Path) -> bool:
    """Whether nobody holds the folder's lock (`folder_lock`'s flock): taken without waiting, then let go."""
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    finally:
        os.close(fd)  # releases it
    return True


def test_an_import_killed_mid_install_blocks_nothing_and_runs_again(target: Path, tmp_path: Path) -> None:
    rows = (SOURCE / STATES).read_bytes().splitlines(keepends=True)
    first, second = tmp_path / "v1" / "states2016.csv", tmp_path / "v2" / "states2016.csv"
    for path, count in ((first, 150), (second, 160)):
        path.parent.mkdir()
        path.write_bytes(another_release(b"".join(rows[:count])))
    import_file(first, any_version=True)
    child = subprocess.Popen([sys.executable, "-c", _KILLED_MID_INSTALL, str(second)], stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, env=os.environ.copy())
    try:
        assert child.stdout is not None and child.stdout.readline() == "installing\n", child.stderr
    finally:
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=30)
    assert _pending(target) is not None  # what the killed run left: its record, and its temporary
    assert [p.name for p in (target / "cow_states").iterdir() if p.name.endswith(".foedus-tmp")]
    assert (target / STATES).read_bytes() == first.read_bytes()
    assert check_file(STATES, target / STATES)[0] == "other-version"  # the version in place is still believed
    assert _unlocked(target) and _unlocked(target / "cow_states")  # its lock went with it
    proc = subprocess.run([sys.executable, "-m", "foedus", "data", "status"], capture_output=True, text=True,
                          env=os.environ.copy(), timeout=300)  # a hang guard: a lock left would hold it here
    assert proc.returncode == 0 and "other-version  cow_states/states2016.csv" in proc.stdout, proc.stderr
    actions: list[list[str]] = []

    def import_again() -> None:
        actions.append([o.action for o in import_file(first, any_version=True)])
        actions.append([o.action for o in import_file(second, force=True, any_version=True)])

    again = threading.Thread(target=import_again, daemon=True)
    again.start()
    again.join(timeout=300)  # a hang guard, not a speed bound: a lock left to wait on would hold it here
    assert not again.is_alive(), "the next import waited on what the killed run left"
    assert actions == [["present"], ["imported"]]
    assert (target / STATES).read_bytes() == second.read_bytes() and _pending(target) is None
    assert check_file(STATES, target / STATES)[0] == "other-version"
