"""`treaties validate` of a bundled treaty file given by path read it twice: once to learn its id (so that it is
checked as the bundled set's own file, `foedus.model.bundled_own`), then again to check it. It is read once."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from samples import cli_line


def test_a_bundled_file_given_by_path_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    from foedus.model.loader import bundled_treaty_files
    from foedus.model.world import World

    nato = next(p for p in bundled_treaty_files() if p.name == "nato_1949.yaml")
    World.default()  # the bundled world, built (or taken from the cache) before the reads are counted
    opened: list[str] = []
    real_open = os.open

    def counted(path: Any, *args: Any, **kwargs: Any) -> int:
        if Path(os.fsdecode(path)) == nato:
            opened.append(os.fsdecode(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr(os, "open", counted)
    assert cli_line(["treaties", "validate", str(nato)]) == (0, "ok  nato_1949\n1 treaty file valid\n", "")
    assert len(opened) == 1, f"{nato.name} was read {len(opened)} times"
