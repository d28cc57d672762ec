"""An output whose name the system takes (up to 255 bytes) but whose temporary's does not (`.NAME.XXXXXXXX.foedus-tmp`
is 21 bytes longer) was refused as 'File name too long': `foedus schema --out` a name of 240 bytes, or 80 CJK
characters (240 bytes in UTF-8). The temporary's name is now cut to fit (`foedus.outputs.temporaries.tmp_prefix`),
and a name over the limit is refused before any work, saying so."""

from __future__ import annotations

from pathlib import Path

import pytest

from foedus.outputs import staged_folder
from samples import cli_line
from test_input_messages import _error_line


@pytest.mark.parametrize("name", ["y" * 250 + ".json", "語" * 80 + ".json"])
def test_a_long_name_the_system_takes_is_written_and_replaced(tmp_path: Path, name: str) -> None:
    out = tmp_path / name
    assert cli_line(["schema", "--out", str(out)]).returncode == 0
    assert cli_line(["schema", "--war", "--out", str(out), "--force"]).returncode == 0
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


def test_a_sweep_takes_no_other_outputs_temporaries_however_their_names_were_cut(tmp_path: Path) -> None:
    """Killed runs' temporaries of outputs whose names were cut alike (`tmp_prefix`), of one whose name is another's
    cut, and of one whose name's bytes are not UTF-8 beside one without those bytes, all two hours old: the next
    write of each output removes only its own. They shared the cut prefix, so the first sweep took the others' too
    (a user's file of such a name as well)."""
    import os
    import sys
    import time

    from foedus.outputs import temporaries

    long_a, long_b = "y" * 240 + "a.json", "y" * 240 + "b.json"
    names = [long_a, long_b, long_a[:234], "y" * 233]
    if sys.platform.startswith("linux"):  # macOS takes only UTF-8 names
        names += [os.fsdecode(b"\xff" * 30 + b"y" * 230 + b".json"), "y" * 204]  # the second was the first's cut
    then = time.time() - 7200
    left = {}
    for name in names:
        tmp = temporaries.new_temporary(tmp_path / name, "file")
        fd = temporaries._LIVE.pop(tmp)  # its run killed: the temporary stays, its lock goes
        if fd is not None:
            os.close(fd)
        os.utime(tmp, (then, then))
        left[name] = tmp.name
    assert len(set(left.values())) == len(names)
    for gone, name in enumerate(names, 1):
        temporaries.sweep(tmp_path, name)
        assert sorted(p.name for p in tmp_path.iterdir()) == sorted(left[n] for n in names[gone:]), name
