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
