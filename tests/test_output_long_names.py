"""An output whose name the system takes (up to 255 bytes) but whose temporary's does not (`.NAME.XXXXXXXX.foedus-tmp`
is 21 bytes longer) was refused as 'File name too long': `foedus schema --out` a name of 240 bytes, or 80 CJK
characters (240 bytes in UTF-8). The temporary's name is now cut to fit (`foedus.outputs.temporaries.tmp_prefix`),
and a name over the limit is refused before any work, saying so."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest

from foedus.cli.start import run_line
from foedus.outputs import staged_folder
from test_input_messages import _error_line


def _run(args: list[str]) -> int:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        return run_line(args)


@pytest.mark.parametrize("name", ["y" * 250 + ".json", "語" * 80 + ".json"])
def test_a_long_name_the_system_takes_is_written_and_replaced(tmp_path: Path, name: str) -> None:
    out = tmp_path / name
    assert _run(["schema", "--out", str(out)]) == 0
    assert _run(["schema", "--war", "--out", str(out), "--force"]) == 0
    assert [p.name for p in tmp_path.iterdir()] == [name] and '"events"' in out.read_text(encoding="utf-8")


def test_a_folder_output_with_a_long_name_is_written_and_replaced(tmp_path: Path) -> None:
    out = tmp_path / ("z" * 250)
    for force, text in ((False, "first"), (True, "second")):
        with staged_folder(out, force=force, replaceable=lambda _: None) as tmp:
            (tmp / "part.txt").write_text(text, encoding="utf-8")
    assert [p.name for p in tmp_path.iterdir()] == [out.name]
    assert (out / "part.txt").read_text(encoding="utf-8") == "second"


def test_a_name_over_the_limit_is_refused_saying_so(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    name = "y" * 251 + ".json"
    said = _error_line(["schema", "--out", name])  # one line, cut short (`foedus.errors.one_line`): the name is long
    assert said.startswith(f"cannot write {name}: the name is 256 bytes long, and a file name takes at most 255")
