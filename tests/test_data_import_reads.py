"""A file `data import` matches by SHA-256 alone (renamed, `majors2016 (1).csv`) was read three times: hashed to find
it, hashed again when `candidates.choose` took the lone candidate, then copied. It is hashed once, then copied."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest

from foedus.datasets import import_file

SOURCE = Path(os.environ["FOEDUS_DATA_DIR"]) / "cow_states" / "majors2016.csv"


@pytest.mark.needs_data
def test_a_file_matched_by_its_sha256_is_read_once_to_hash_and_once_to_copy(
        target: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    renamed = tmp_path / "majors2016 (1).csv"
    shutil.copyfile(SOURCE, renamed)
    opened: list[Path] = []
    real_open = Path.open

    def counted(self: Path, *args: Any, **kwargs: Any) -> Any:
        if self == renamed:
            opened.append(self)
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", counted)
    assert [(o.path, o.action) for o in import_file(renamed)] == [("cow_states/majors2016.csv", "imported")]
    assert len(opened) == 2, f"{renamed.name} was opened {len(opened)} times"
    assert (target / "cow_states" / "majors2016.csv").read_bytes() == SOURCE.read_bytes()
