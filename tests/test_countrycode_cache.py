"""countrycode's rows are cached by the content of its table, not its version: a countrycode reinstalled or patched
with other data under the same version was served the rows cached from the first (and the world, whose key hashes
the table, was then rebuilt from those stale rows and cached under the new table's key)."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from pathlib import Path

import foedus
from foedus.model.state_files import _CC_COLUMNS

_PACKAGE = """import os, pickle
open(os.environ["IMPORTED"], "a").write("imported\\n")
with open(os.path.join(os.path.dirname(__file__), "data", "codelist.pickle"), "rb") as fh:
    codelist = pickle.load(fh)
"""


def _install(site: Path, name: str) -> None:
    """A countrycode 1.0.0 whose table names one country `name` (written again in place: a patched copy)."""
    package = site / "countrycode"
    (package / "data").mkdir(parents=True, exist_ok=True)
    (package / "__init__.py").write_text(_PACKAGE, encoding="utf-8")
    (site / "countrycode-1.0.0.dist-info").mkdir(exist_ok=True)
    (site / "countrycode-1.0.0.dist-info" / "METADATA").write_text("Metadata-Version: 2.1\nName: countrycode\n"
                                                                   "Version: 1.0.0\n", encoding="utf-8")
    table = {column: [name if column == "country.name.en" else None] for column in _CC_COLUMNS}
    (package / "data" / "codelist.pickle").write_bytes(pickle.dumps(table))


def _first_name(site: Path, cache: Path, imported: Path) -> str:
    src = str(Path(foedus.__file__).parents[1])
    env = os.environ | {"PYTHONPATH": os.pathsep.join([str(site), src]), "FOEDUS_CACHE_DIR": str(cache),
                        "IMPORTED": str(imported)}
    code = "from foedus.model.state_files import countrycode_rows; print(countrycode_rows()[0]['name'])"
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip()


def test_a_table_patched_under_the_same_version_is_read_again(tmp_path: Path) -> None:
    site, cache, imported = tmp_path / "site", tmp_path / "cache", tmp_path / "imported"
    _install(site, "Atlantis")
    assert _first_name(site, cache, imported) == "Atlantis"
    assert _first_name(site, cache, imported) == "Atlantis"  # from the cache: countrycode not imported again
    assert imported.read_text().count("imported") == 1
    _install(site, "Lemuria")
    assert _first_name(site, cache, imported) == "Lemuria"
    assert imported.read_text().count("imported") == 2
