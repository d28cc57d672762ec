"""The bundled treaties that `foedus treaties validate FILE...` checks its files against: all of them, but a bundled
treaty whose own file is given (the same file on disk, `foedus.model.files_once.file_key`, however its path is
written) is checked as the bundled set's own file, against the registries and the other bundled treaties: checked
against itself, `treaties validate src/foedus/data/treaties/nato_1949.yaml` refused it as a duplicate id. A copy of
a bundled file under another path is another file, and keeps the refusal. The files read here to learn their ids
are handed on to `load_treaties` (`read_once`), which read them again."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path

from foedus.errors import FoedusError
from foedus.model.files_once import BUNDLED_SET, file_key
from foedus.model.loader import bundled_treaty_files, read_treaty_file
from foedus.model.treaty import Treaty

__all__ = ["bundled_known", "read_once"]


def bundled_known(curated: Mapping[str, Treaty], files: Iterable[Path],
                  read: Callable[[Path], Treaty] = read_treaty_file) -> tuple[dict[str, str], dict[str, dt.date]]:
    """The ids `load_treaties` is to take as known (each said to be in `BUNDLED_SET`), and the days they were
    signed: the `curated` treaties less those read (by `read`) from `files` that are bundled files themselves."""
    own = {key for p in bundled_treaty_files() if (key := file_key(p)) is not None}
    given: set[str] = set()
    for path in files:
        if file_key(path) in own:
            try:
                given.add(read(path).id)
            except FoedusError:  # its load says why
                continue
    others = {tid: t for tid, t in curated.items() if tid not in given}
    return {tid: BUNDLED_SET for tid in others}, {tid: t.signed for tid, t in others.items()}


def read_once() -> Callable[[Path], Treaty]:
    """`read_treaty_file`, reading each path once: the treaty (or the error) read for `bundled_known` is what
    `load_treaties` then checks, so `treaties validate` of a bundled file reads it once, not twice."""
    done: dict[Path, Treaty | FoedusError] = {}

    def read(path: Path) -> Treaty:
        if path not in done:
            try:
                done[path] = read_treaty_file(path)
            except FoedusError as exc:
                done[path] = exc
        got = done[path]
        if isinstance(got, FoedusError):
            raise got
        return got

    return read
