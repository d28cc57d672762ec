"""A write the system refuses (a read-only folder, no permission, a full disk, the folder gone) is one line naming the
output and the reason, worded as every file error is (`foedus.reachable.os_reason`), exit 2; no temporary stays
and the file that was there is whole. Tests run as root, where chmod stops nothing: the system calls of the
atomic writer are made to fail instead (`foedus.outputs.atomic`, `foedus.outputs.temporaries`)."""

from __future__ import annotations

import errno
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from foedus.errors import OutputError
from foedus.outputs import write_partitioned
from samples import error_line

REASONS = {errno.EACCES: "Permission denied", errno.EROFS: "Read-only file system",
           errno.ENOSPC: "No space left on device", errno.ENOENT: "no such file or folder"}


def _failing(real: Callable[..., Any], code: int, when: Callable[..., bool]) -> Callable[..., Any]:
    def call(*args: Any, **kwargs: Any) -> Any:
        if when(*args, **kwargs):
            raise OSError(code, os.strerror(code), str(args[-1]) if args else None)
        return real(*args, **kwargs)
    return call


SCHEMA = ["schema", "--out"]
OVERLAY = ["cascade", "-a", "RUS", "-t", "EST", "-d", "2024-01-01", "--add-member", "nato_1949:AUT", "--save-overlay"]


@pytest.mark.parametrize("code", sorted(REASONS))
@pytest.mark.parametrize(("command", "step", "force"), [
    (SCHEMA, "mkstemp", False), (SCHEMA, "mkstemp", True), (SCHEMA, "link", False), (SCHEMA, "replace", True),
    (OVERLAY, "mkstemp", False), (OVERLAY, "link", False)])
def test_a_refused_write_is_one_line_and_leaves_the_old_file_whole(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, code: int, command: list[str], step: str,
        force: bool) -> None:
    out = tmp_path / ("out.json" if command is SCHEMA else "out.yaml")  # the format each output's name must say
    if force:
        out.write_text("mine", encoding="utf-8")
    if step == "mkstemp":
        monkeypatch.setattr(tempfile, "mkstemp", _failing(tempfile.mkstemp, code, lambda **_: True))
    else:
        monkeypatch.setattr(os, step, _failing(getattr(os, step), code, lambda _src, dst, **_: Path(dst) == out))
    said = error_line([*command, str(out), *(["--force"] * force)])
    assert said == f"cannot write {out}: {REASONS[code]}; nothing was written under that name"
    assert [p.name for p in tmp_path.iterdir()] == ([out.name] if force else [])
    if force:
        assert out.read_text(encoding="utf-8") == "mine"


@pytest.mark.parametrize("code", sorted(REASONS))
@pytest.mark.parametrize("step", ["mkdtemp", "rename"])
def test_a_refused_folder_write_is_one_line_and_leaves_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               code: int, step: str) -> None:
    out = tmp_path / "parts"
    if step == "mkdtemp":
        monkeypatch.setattr(tempfile, "mkdtemp", _failing(tempfile.mkdtemp, code, lambda **_: True))
    else:
        monkeypatch.setattr(os, "rename", _failing(os.rename, code, lambda _src, dst, **_: Path(dst) == out))
    with pytest.raises(OutputError) as caught:
        write_partitioned(pd.DataFrame({"decade": [1910, 1920], "x": [1, 2]}), out, "decade")
    assert str(caught.value) == f"cannot write {out}: {REASONS[code]}; nothing was written under that name"
    assert list(tmp_path.iterdir()) == []
