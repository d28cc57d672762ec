"""A cut copy is told by its size: the registry records each official file's bytes; a fetch of another size is an
incomplete or damaged download (never `--any-version`'s business); an import names the gap, and `--any-version`
refuses a file under half the official size unless `--allow-short` (a shorter one that begins with the official
file's first bytes too: tests/test_data_heads.py).

The shared data is only read: every test copies (and cuts) what it needs into its own temporary folders.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from foedus.datasets import DATASETS, fetch, import_file
from foedus.datasets.download import download
from foedus.errors import ChecksumError, DataImportError
from other_release import another_release

pytestmark = pytest.mark.needs_data

SOURCE = Path(os.environ["FOEDUS_DATA_DIR"])
STATES = "cow_states/states2016.csv"
OFFICIAL = (SOURCE / STATES).stat().st_size if (SOURCE / STATES).is_file() else 0


def registry_file(rel: str):  # type: ignore[no-untyped-def]
    return next(f for d in DATASETS.values() for f in d.files if f.path == rel)


def cut_copy(folder: Path, rel: str, keep: int, *, at_row: bool = False) -> Path:
    """A copy of a shared file holding its first `keep` bytes (at a row's end when `at_row`), in `folder`."""
    data = (SOURCE / rel).read_bytes()[:keep]
    if at_row:
        data = data[:data.rfind(b"\r\n")]
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / Path(rel).name
    path.write_bytes(data)
    return path


def test_the_registry_records_every_official_files_size() -> None:
    """Each size is the official file's, as `stat` gives it (a file in the shared data is the official file: its
    SHA-256 is the registry's, which tests/test_datasets.py checks)."""
    present = [f for d in DATASETS.values() for f in d.files if (SOURCE / f.path).is_file()]
    assert len(present) >= 14
    assert {f.path: f.size for f in present} == {f.path: (SOURCE / f.path).stat().st_size for f in present}


def test_a_fetch_cut_short_is_an_incomplete_download_not_another_version(target: Path, tmp_path: Path) -> None:
    mirror = tmp_path / "mirror"
    for name in ("system2016.csv", "majors2016.csv"):
        cut_copy(mirror, f"cow_states/{name}", 1 << 30)
    cut_copy(mirror, STATES, 5000)
    with pytest.raises(ChecksumError) as err:
        fetch(["cow_states"], mirror=mirror.as_uri() + "/", progress=False)
    text = str(err.value)
    assert f"5,000 of {OFFICIAL:,} bytes, an incomplete or damaged download" in text
    assert "--any-version" not in text and "import" not in text
    assert not (target / STATES).exists()


def test_a_cut_http_download_names_its_size(tmp_path: Path) -> None:
    """Through the HTTP downloader too (pooch's temporary file is measured), served whole by a loopback server."""
    import threading
    from functools import partial
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

    served = tmp_path / "served"
    cut_copy(served, STATES, 5000)
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(Quiet, directory=str(served)))
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
    dest = tmp_path / "got" / "states2016.csv"
    dest.parent.mkdir()
    file = registry_file(STATES)
    try:
        with pytest.raises(ChecksumError, match=f"5,000 of {OFFICIAL:,} bytes, an incomplete or damaged download"):
            download(f"http://127.0.0.1:{server.server_address[1]}/states2016.csv", dest, label="s", progress=False,
                     sha256=file.sha256, size=file.size, retries=0)
    finally:
        server.shutdown()
        server.server_close()
    assert list(dest.parent.iterdir()) == []


def test_a_cut_member_of_a_downloaded_zip_names_its_size(target: Path, tmp_path: Path) -> None:
    mirror = tmp_path / "mirror"
    mirror.mkdir()
    cut = cut_copy(tmp_path / "cut", "cow_contiguity/contdir.csv", 40000)
    with zipfile.ZipFile(mirror / "DirectContiguity320.zip", "w") as z:
        z.write(cut, "DirectContiguity320/contdir.csv")
        z.write(SOURCE / "cow_contiguity" / "contdird.csv", "DirectContiguity320/contdird.csv")
    official = (SOURCE / "cow_contiguity" / "contdir.csv").stat().st_size
    with pytest.raises(ChecksumError, match=f"40,000 of {official:,} bytes, a damaged download") as err:
        fetch(["cow_contiguity"], mirror=mirror.as_uri() + "/", progress=False)
    assert "--any-version" not in str(err.value)
    assert not (target / "cow_contiguity" / "contdir.csv").exists()


def test_an_import_of_a_cut_copy_is_told_to_fetch_the_official_file_not_to_take_another_version(
        target: Path, tmp_path: Path) -> None:
    """A file under half the official size, or shorter and beginning with its first bytes, is a cut copy: the
    refusal says so and names `foedus data fetch`, not --any-version alone (which refuses it in turn)."""
    for size in (5000, OFFICIAL - 100):
        path = cut_copy(tmp_path / f"mine{size}", STATES, size)
        with pytest.raises(ChecksumError) as err:
            import_file(path)
        text = str(err.value)
        assert text.startswith(f"{path}: {size:,} bytes, ") and text.endswith(
            ": a cut copy, not imported (`foedus data fetch cow_states` gets the official file; a subset made on "
            "purpose: --any-version --allow-short)"), text
        assert "if it is another version" not in text


def test_a_smaller_file_of_other_first_bytes_may_be_another_version(target: Path, tmp_path: Path) -> None:
    """A smaller file that does not begin as the official one may be another release: the refusal asks whether it
    is a cut copy, then suggests --any-version."""
    path = cut_copy(tmp_path / "mine", STATES, OFFICIAL - 100)
    data = another_release(path.read_bytes())
    path.write_bytes(data)
    with pytest.raises(ChecksumError) as err:
        import_file(path)
    text = str(err.value)
    said = f"it is {len(data):,} bytes, the official file {OFFICIAL:,}: a cut copy?"
    assert said in text and text.index(said) < text.index("--any-version")


def test_any_version_refuses_a_file_under_half_the_official_size(target: Path, tmp_path: Path) -> None:
    """The cut that passed every value check (it fell inside the last field) and then left `foedus dyads` without
    every state after Armenia: refused, naming both sizes; taken only with --allow-short, and said so."""
    path = cut_copy(tmp_path / "mine", STATES, 5000)
    with pytest.raises(DataImportError, match=f"5,000 bytes, under half the official states2016.csv's "
                                              f"{OFFICIAL:,}: a cut copy, not another version; not imported"):
        import_file(path, any_version=True)
    assert not (target / STATES).exists()
    assert not (target / "foedus-other-versions.json").exists()
    [outcome] = import_file(path, any_version=True, allow_short=True)
    assert outcome.action == "imported" and outcome.other_version
    assert f"5,000 of the official file's {OFFICIAL:,} bytes: make sure it is not a cut copy" in outcome.detail


def test_a_larger_other_version_is_imported_naming_both_sizes(target: Path, tmp_path: Path) -> None:
    """Another version that differs, not a cut copy (a state more), goes in as before; the line gives both sizes."""
    path = tmp_path / "mine" / "states2016.csv"
    path.parent.mkdir()
    shutil.copyfile(SOURCE / STATES, path)
    with path.open("ab") as fh:
        fh.write(b"\r\nXYZ,999,Nowhere,2000,1,1,2016,12,31,2016")
    [outcome] = import_file(path, any_version=True)
    assert outcome.action == "imported"
    assert f"{path.stat().st_size:,} bytes, the official file {OFFICIAL:,}, recorded" in outcome.detail


def test_the_command_line_refuses_a_cut_copy_in_one_line(tmp_path: Path) -> None:
    path = cut_copy(tmp_path / "mine", STATES, 5000)
    env = {**os.environ, "FOEDUS_DATA_DIR": str(tmp_path / "data"), "FOEDUS_CACHE_DIR": str(tmp_path / "cache")}
    proc = subprocess.run([sys.executable, "-m", "foedus.cli", "data", "import", "--any-version", str(path)],
                          capture_output=True, text=True, env=env, timeout=300)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.splitlines() == [f"error: {path}: 5,000 bytes, under half the official states2016.csv's "
                                        f"{OFFICIAL:,}: a cut copy, not another version; not imported (a subset "
                                        "made on purpose: add --allow-short)"]


def test_a_cut_file_in_the_data_folder_is_refused_naming_its_size(target: Path) -> None:
    """A file cut in place (a copy that stopped): the refusal every reader and `data status` give names the gap."""
    from foedus.datasets.verify import dataset_file
    from foedus.errors import DataCorruptError

    cut_copy(target / "cow_states", STATES, 5000)
    with pytest.raises(DataCorruptError, match=f"corrupt, truncated or not cow_states 2016 \\(5,000 of {OFFICIAL:,} "
                                               "bytes, SHA-256 "):
        dataset_file(STATES)
