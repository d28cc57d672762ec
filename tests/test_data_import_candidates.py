"""`foedus data import FOLDER` stopped at the first damaged zip anywhere in the folder, one that is none of the
datasets' included, and of two files with one dataset file's name took the first in path order without a word,
the wrong version included. Now a damaged zip that is not foedus's is passed over in one line, one that is is
refused naming it; same-named files are one when identical, else the registry's version (said), else refused.

The shared data is only read: each test copies what it needs into its own folders.
"""

from __future__ import annotations

import json
import os
import re
import zipfile
from pathlib import Path

import pytest

from foedus.datasets import DATASETS, import_file
from foedus.datasets.verify import OTHER_VERSIONS
from foedus.errors import DataImportError
from samples import Ran, cli_line

SOURCE = Path(os.environ["FOEDUS_DATA_DIR"])
STATES = "cow_states/states2016.csv"
pytestmark = pytest.mark.needs_data
DAMAGED = b"PK\x03\x04" + b"\x00" * 100


def release_sha(rel: str) -> str:
    return next(f.sha256 for d in DATASETS.values() for f in d.files if f.path == rel)


def put(path: Path, data: bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return path


def states(drop: int = 0) -> bytes:
    """states2016.csv, or another version of it: without its data rows 1..`drop` (still a file foedus can read)."""
    lines = (SOURCE / STATES).read_bytes().splitlines(keepends=True)
    return b"".join(lines[:1] + lines[1 + drop:])


def encrypted_zip(path: Path, member: str) -> Path:
    """A zip whose one member is flagged as encrypted (the general-purpose flag's bit 0)."""
    with zipfile.ZipFile(put(path, b""), "w") as z:
        z.writestr(member, states())
    data = bytearray(path.read_bytes())
    for sig, offset in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):
        at = data.find(sig)
        data[at + offset] |= 0x01
    return put(path, bytes(data))


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def one_error(proc: Ran) -> str:
    assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
    lines = proc.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), proc.stderr
    return lines[0]


def test_a_damaged_zip_that_is_not_foedus_s_is_passed_over_one_that_is_is_refused(target: Path,
                                                                                   tmp_path: Path) -> None:
    folder = tmp_path / "downloads"
    put(folder / "states2016.csv", states())
    put(folder / "a" / "holiday-photos.zip", DAMAGED)
    encrypted_zip(folder / "private.zip", "notes.txt")
    before = snapshot(folder)
    proc = cli_line(["data", "import", str(folder)])
    assert proc.returncode == 0 and proc.stderr == "", proc.stderr
    assert proc.stdout.splitlines() == [
        f"skipped     {folder / 'a' / 'holiday-photos.zip'}  (it is not a readable zip archive (File is not a zip "
        "file); not a dataset archive by its name)",
        f"skipped     {folder / 'private.zip'}  (it is encrypted (password-protected zips are not supported: unpack "
        "it and import the files); not a dataset archive by its name)",
        f"imported    {STATES}"]
    assert (target / STATES).read_bytes() == states()
    for needed in ("DirectContiguity320.zip", "atop_5.1__.csv_ (1).zip", "NMC-60-abridged.zip"):
        zipped = put(folder / "b" / needed, DAMAGED)
        said = f"cannot import {zipped}: it is not a readable zip archive (File is not a zip file)"
        with pytest.raises(DataImportError, match=f"^{re.escape(said)}$"):
            import_file(folder, force=True)
        zipped.unlink()
    locked = encrypted_zip(folder / "locked.zip", "states2016.csv")  # not a release's name, but it holds one
    error = one_error(cli_line(["data", "import", str(folder)]))
    assert error.startswith(f"error: cannot import {locked}: it is encrypted"), error
    locked.unlink()
    assert snapshot(folder) == before


def test_a_damaged_member_of_a_needed_zip_is_named(target: Path, tmp_path: Path) -> None:
    folder = tmp_path / "downloads"
    archive = folder / "DirectContiguity320.zip"
    put(archive, b"")
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("DirectContiguity320/contdir.csv", (SOURCE / "cow_contiguity/contdir.csv").read_bytes())
    data = bytearray(archive.read_bytes())
    data[200] ^= 0xFF  # inside the compressed member
    archive.write_bytes(bytes(data))
    said = f"cannot import {archive}!DirectContiguity320/contdir.csv: it is not a readable zip archive"
    with pytest.raises(DataImportError, match=f"^{re.escape(said)}"):
        import_file(folder)
    assert not target.exists()


def test_identical_copies_are_one_file_and_a_differing_one_is_named(target: Path, tmp_path: Path) -> None:
    folder = tmp_path / "downloads"
    put(folder / "a-old" / "states2016.csv", states(drop=1))
    put(folder / "copy" / "states2016.csv", states())
    with zipfile.ZipFile(folder / "states.zip", "w") as z:
        z.writestr("states2016.csv", states())
    (outcome,) = import_file(folder, any_version=True)
    assert (outcome.action, outcome.path) == ("imported", STATES)
    assert outcome.detail == f"{folder / 'copy/states2016.csv'}; chosen over {folder / 'a-old/states2016.csv'}: " \
        "not cow_states 2016"


@pytest.mark.parametrize("any_version", [False, True])
def test_the_release_is_taken_over_another_version_whatever_the_order(target: Path, tmp_path: Path,
                                                                      any_version: bool) -> None:
    folder = tmp_path / "downloads"
    put(folder / "a-old" / "states2016.csv", states(drop=1))  # found first, in path order
    put(folder / "states2016.csv", states())
    proc = cli_line(["data", "import", str(folder), *(["--any-version"] if any_version else [])])
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == (f"imported    {STATES}  ({folder / 'states2016.csv'}; chosen over "
                           f"{folder / 'a-old/states2016.csv'}: not cow_states 2016)\n")
    assert (target / STATES).read_bytes() == states()
    assert not (target / OTHER_VERSIONS).exists()


def test_two_other_versions_are_refused_naming_both(target: Path, tmp_path: Path) -> None:
    folder = tmp_path / "downloads"
    first, second = put(folder / "old/states2016.csv", states(drop=1)), put(folder / "states2016.csv", states(drop=2))
    before = snapshot(folder)
    error = one_error(cli_line(["data", "import", str(folder), "--any-version"]))
    assert error.startswith(f"error: 2 files named states2016.csv differ: {first} (SHA-256 "), error
    assert f", {second} (SHA-256 " in error and error.endswith("; none is cow_states 2016, so foedus cannot tell "
                                                               "which you mean: import that one by its path")
    assert not target.exists() and snapshot(folder) == before
    # imported by its path, it is the version on record: the folder again takes it, and leaves it in place
    assert [o.action for o in import_file(second, any_version=True)] == ["imported"]
    (outcome,) = import_file(folder, any_version=True)
    assert (outcome.action, outcome.detail) == ("present", f"{second}; chosen over {first}: not the version on record")
    recorded = json.loads((target / OTHER_VERSIONS).read_text(encoding="utf-8"))["files"][STATES]
    assert recorded["source"] == str(second) and (target / STATES).read_bytes() == states(drop=2)
    assert release_sha(STATES) != recorded["sha256"]
