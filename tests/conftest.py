"""Test set-up: research data from ../shared/data (override with FOEDUS_DATA_DIR), a private cache."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED_DATA = ROOT.parent / "shared" / "data"

os.environ.setdefault("FOEDUS_DATA_DIR", str(SHARED_DATA))
os.environ.setdefault("FOEDUS_CACHE_DIR", tempfile.mkdtemp(prefix="foedus-test-cache-"))


@pytest.fixture(scope="session")
def world():  # type: ignore[no-untyped-def]
    """The bundled treaty world (with COW state-system dates from the data folder)."""
    from foedus.model.world import World

    return World.default()


@pytest.fixture(scope="session")
def data_dir() -> Path:
    """The research-data folder the tests read."""
    path = Path(os.environ["FOEDUS_DATA_DIR"])
    if not path.is_dir():
        pytest.fail(f"research data not found at {path}; set FOEDUS_DATA_DIR")
    return path


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "needs_data: reads the research datasets in FOEDUS_DATA_DIR")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Without the research data, data tests skip locally and fail in CI (where the data must be)."""
    if os.environ.get("CI") or (Path(os.environ["FOEDUS_DATA_DIR"]) / "cow_states" / "states2016.csv").is_file():
        return
    reason = f"research data not found in {os.environ['FOEDUS_DATA_DIR']} (set FOEDUS_DATA_DIR)"
    for item in items:
        if "needs_data" in item.keywords:
            item.add_marker(pytest.mark.skip(reason=reason))
