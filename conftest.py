"""Set-up for every test, doctest and docs example, however pytest is started: research data from
../shared/data (override with FOEDUS_DATA_DIR), and a private cache so tests never touch the user's."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

SHARED_DATA = Path(__file__).resolve().parent.parent / "shared" / "data"

os.environ.setdefault("FOEDUS_DATA_DIR", str(SHARED_DATA))
os.environ.setdefault("FOEDUS_CACHE_DIR", tempfile.mkdtemp(prefix="foedus-test-cache-"))
