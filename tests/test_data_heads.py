"""A cut copy is told by its first bytes too: the registry records the SHA-256 of each official file's first bytes
(`DataFile.head_sha256`), and `data import --any-version` refuses a shorter file that begins with them (cut past
half the official size, between two rows, it passed every other check) unless `--allow-short`; another release,
which differs in those bytes, is imported as before.

The shared data is only read: every test copies (and cuts or edits) what it needs into its own temporary folders.
"""

from __future__ import annotations

import csv
import hashlib
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from foedus.datasets import DATASETS, import_file
from foedus.datasets.registry import DataFile
from foedus.datasets.sizes import head_length
from foedus.errors import DataImportError
from other_release import another_release

SOURCE = Path(os.environ["FOEDUS_DATA_DIR"])
STATES, SYSTEM = "cow_states/states2016.csv", "cow_states/system2016.csv"
needs_data = pytest.mark.needs_data


def official(rel: str) -> bytes:
    return (SOURCE / rel).read_bytes()


def registry_file(rel: str) -> DataFile:
    return next(f for d in DATASETS.values() for f in d.files if f.path == rel)


def write(folder: Path, rel: str, data: bytes) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / Path(rel).name
    path.write_bytes(data)
    return path


def cut_at_row(data: bytes, share: float) -> bytes:
    """The first rows of `data` that fit in `share` of it (cut at a row's end: every value check passes)."""
    kept = data[:int(len(data) * share)]
    return kept[:kept.rfind(b"\r\n")]


def test_a_registry_file_measured_without_its_first_bytes_does_not_load() -> None:
    """A size without the first bytes' SHA-256 (or those without a size) is refused as the registry loads."""
    with pytest.raises(ValueError, match=r"registry file cow_states/x\.csv: its size and its first bytes. SHA-256"):
        DataFile("cow_states/x.csv", "0" * 64, size=100)
    with pytest.raises(ValueError, match="go together"):
        DataFile("cow_states/x.csv", "0" * 64, head_sha256="0" * 64)
    assert DataFile("cshapes/x.xz", "0" * 64).head_sha256 is None  # neither measured: a file never seen whole


@needs_data
def test_the_registry_records_every_official_files_first_bytes() -> None:
    present = [f for d in DATASETS.values() for f in d.files if (SOURCE / f.path).is_file()]
    assert len(present) >= 14
    for f in present:
        assert f.size is not None
        assert f.head_sha256 == hashlib.sha256(official(f.path)[:head_length(f.size)]).hexdigest(), f.path


def _rows(data: bytes) -> list[list[str]]:
    """The whole rows of `data` (the last, maybe cut, left out), header first."""
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))[:-1]


@needs_data
def test_the_first_bytes_of_each_official_file_tell_its_release() -> None:
    """What the check rests on (the registry's docstring): within the first bytes hashed, every file but one
    names its release in every row, or ends a spell or dyad with the data's last date."""
    told: dict[str, str] = {}
    for f in (f for d in DATASETS.values() for f in d.files if (SOURCE / f.path).is_file()):
        assert f.size is not None
        header, *rows = _rows(official(f.path)[:head_length(f.size)])
        names = [n.lower() for n in header]
        assert rows, f.path
        if "version" in names:
            at = names.index("version")
            assert rows[0][at] and {r[at] for r in rows} == {rows[0][at]}, f.path
            told[f.path] = "version"
            continue
        every = _rows(official(f.path) + b"\n")[1:]
        if "enddate" in names:  # the Gleditsch–Ward list: its first spell ends with the list
            at = names.index("enddate")
            assert rows[0][at] == max(r[at] for r in every)
            told[f.path] = "end date"
        elif names[:3] == ["ccode1", "ccode2", "year"]:  # dyad-years: the first dyad's run to the data's last year
            assert max(int(r[2]) for r in rows if r[:2] == rows[0][:2]) == max(int(r[2]) for r in every)
            told[f.path] = "last year"
    assert sorted(set(f.path for d in DATASETS.values() for f in d.files if (SOURCE / f.path).is_file()) - set(told)) \
        == ["cow_interstate_war/directed_dyadic_war.csv"]


@needs_data
@pytest.mark.parametrize("rel", [STATES, SYSTEM])  # first bytes: half the file; 64 KiB
def test_any_version_refuses_a_copy_cut_past_half_the_official_size(target: Path, tmp_path: Path, rel: str) -> None:
    """Cut at a row's end past half the official size: every value check passes, and the copy was imported with a
    warning; its first bytes are the official file's, so it is refused naming both sizes."""
    file = registry_file(rel)
    assert file.size is not None
    path = write(tmp_path / "mine", rel, cut_at_row(official(rel), 0.75))
    size = path.stat().st_size
    with pytest.raises(DataImportError) as err:
        import_file(path, any_version=True)
    assert str(err.value) == (f"{path}: {size:,} bytes, shorter than the official {file.name}'s {file.size:,} and "
                              f"beginning with its first {head_length(file.size):,} bytes: a cut copy, not another "
                              "version; not imported (a subset made on purpose: add --allow-short)")
    assert not (target / rel).exists()
    assert not (target / "foedus-other-versions.json").exists()


@needs_data
def test_allow_short_imports_a_cut_copy_with_the_warning(target: Path, tmp_path: Path) -> None:
    official_size = len(official(STATES))
    path = write(tmp_path / "mine", STATES, cut_at_row(official(STATES), 0.75))
    [outcome] = import_file(path, any_version=True, allow_short=True)
    assert outcome.action == "imported" and outcome.other_version
    assert (f"{path.stat().st_size:,} of the official file's {official_size:,} bytes: make sure it is not a cut copy"
            in outcome.detail)
    assert (target / STATES).read_bytes() == path.read_bytes()


@needs_data
def test_a_shorter_file_that_differs_in_its_first_bytes_is_imported_as_another_version(target: Path,
                                                                                      tmp_path: Path) -> None:
    """Another release (its version column differs from the first row on) is no cut copy: imported with the
    warning on its size, as before."""
    official_size = len(official(STATES))
    path = write(tmp_path / "mine", STATES, another_release(cut_at_row(official(STATES), 0.75)))
    [outcome] = import_file(path, any_version=True)
    assert outcome.action == "imported" and outcome.other_version
    assert (f"{path.stat().st_size:,} of the official file's {official_size:,} bytes: make sure it is not a cut copy"
            in outcome.detail)


@needs_data
def test_the_official_file_is_imported_as_itself_with_any_version(target: Path, tmp_path: Path) -> None:
    path = tmp_path / "mine" / "states2016.csv"
    path.parent.mkdir()
    shutil.copyfile(SOURCE / STATES, path)
    [outcome] = import_file(path, any_version=True)
    assert outcome.action == "imported" and not outcome.other_version
    assert not (target / "foedus-other-versions.json").exists()


@needs_data
def test_the_command_line_refuses_a_copy_cut_past_half_in_one_line(tmp_path: Path) -> None:
    file = registry_file(STATES)
    assert file.size is not None
    path = write(tmp_path / "mine", STATES, cut_at_row(official(STATES), 0.75))
    env = {**os.environ, "FOEDUS_DATA_DIR": str(tmp_path / "data"), "FOEDUS_CACHE_DIR": str(tmp_path / "cache")}
    proc = subprocess.run([sys.executable, "-m", "foedus.cli", "data", "import", "--any-version", str(path)],
                          capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.splitlines() == [f"error: {path}: {path.stat().st_size:,} bytes, shorter than the official "
                                        f"states2016.csv's {file.size:,} and beginning with its first "
                                        f"{head_length(file.size):,} bytes: a cut copy, not another version; not "
                                        "imported (a subset made on purpose: add --allow-short)"]
