"""`/api/health` says which datasets the data folder holds (checked as `foedus data status` checks them) and
which it lacks, beside the versions foedus reads."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

pytest.importorskip("fastapi", reason="the web extra (fastapi) is not installed")
pytest.importorskip("httpx2", reason="httpx2 (for the test client) is not installed")

from fastapi.testclient import TestClient

pytestmark = [pytest.mark.filterwarnings("ignore::DeprecationWarning")]


def test_health_says_which_datasets_are_in_the_data_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                             data_dir: Path, world: Any,
                                                             web_client: Callable[..., TestClient]) -> None:
    """`world`: the process's world and its ATOP history are loaded from the full data folder first, not from
    this one (they are loaded once per process, and the other web tests of the run read them)."""
    from foedus.datasets import DATASETS

    assert world.has_history and world.treaties.history

    folder = tmp_path / "data"
    shutil.copytree(data_dir / "gw_states", folder / "gw_states")
    monkeypatch.setenv("FOEDUS_DATA_DIR", str(folder))
    monkeypatch.setenv("FOEDUS_CACHE_DIR", str(tmp_path / "cache"))
    with web_client(workers=1) as c:
        body = c.get("/api/health").json()
        assert body["datasets"] == {d.name: d.version for d in DATASETS.values()}  # every version, as before
        assert body["dataset_states"] == {name: "present" if name == "gw_states" else "missing" for name in DATASETS}
        (folder / "cow_contiguity").mkdir()
        shutil.copy(data_dir / "cow_contiguity" / "contdird.csv", folder / "cow_contiguity")
        (folder / "gw_states" / "gw_states.csv").chmod(0o644)
        (folder / "gw_states" / "gw_states.csv").write_text("gwcode,startdate,enddate\n", encoding="utf-8")
        states = c.get("/api/health").json()["dataset_states"]  # a change while serving is seen at the next call
    assert states["gw_states"] == "bad-checksum" and states["cow_contiguity"] == "partial"
    assert states["atop"] == "missing"
