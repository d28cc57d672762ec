"""`--force` on a folder of partitions a Dask atlas run writes is refused before any work when the folder holds
anything else (it was refused only after the atlas was computed, minutes later): the rule the write asks again
before its swap (`foedus.outputs.check_partitioned_target`). The work is a stand-in that fails if it is reached."""

from __future__ import annotations

from pathlib import Path
from typing import NoReturn

import pytest

import foedus.sweeps.dask_sweeps as dask_sweeps
from foedus.cli.app import app
from foedus.cli.entry import run_cli
from foedus.errors import OutputError
from foedus.model.world import World


class Worked(Exception):
    """Raised by the stand-in work: the command went past its checks."""


def _work(*_: object, **__: object) -> NoReturn:
    raise Worked


@pytest.fixture
def no_work(monkeypatch: pytest.MonkeyPatch) -> None:
    """The Dask client and the world (the first of the work) fail if the command reaches them."""
    monkeypatch.setattr(dask_sweeps, "client", _work)
    monkeypatch.setattr(World, "default", classmethod(_work))


def _folder(tmp_path: Path, *names: str) -> Path:
    out = tmp_path / "atlas"
    for name in names:
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text("mine", encoding="utf-8")
    return out


@pytest.mark.parametrize(("args", "names", "shown"), [
    (["--from", "2000", "--to", "2000"], ["notes.txt"], "notes.txt"),
    (["--from", "2000", "--to", "2000"], ["decade=2000/part-0.parquet", "decade=2000/notes.txt"],
     "decade=2000/notes.txt"),
    (["--date", "1914-07-01", "--draws", "3"], ["notes.txt"], "notes.txt"),
    (["--date", "1914-07-01", "--draws", "3"], ["decade=1910/part-0.parquet"], "decade=1910"),  # not by attacker
])
def test_atlas_on_dask_refuses_a_foreign_folder_before_the_work(tmp_path: Path, no_work: None, args: list[str],
                                                                names: list[str], shown: str,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    out = _folder(tmp_path, *names)
    code = run_cli(app, ["atlas", *args, "--scheduler", "local", "--out", str(out), "--force"])
    err = capsys.readouterr().err
    assert "Worked" not in err, "the atlas was computed before the folder was refused"
    assert code == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: not replacing {out}: it holds ") and shown in lines[0]
    assert sorted(str(p.relative_to(out)) for p in out.rglob("*") if p.is_file()) == sorted(names)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["atlas"]


def test_dask_yearly_refuses_a_foreign_folder_before_the_work_and_takes_its_own(tmp_path: Path,
                                                                                no_work: None) -> None:
    from foedus.sweeps.atlas import AtlasOptions

    out = _folder(tmp_path, "decade=2000/part-0.parquet", ".hidden/x")
    with pytest.raises(OutputError, match=r"^not replacing .*atlas: it holds \.hidden, which a partitioned table"):
        dask_sweeps.dask_yearly(2000, 2000, AtlasOptions(), out, "local", 1, force=True)
    (out / ".hidden" / "x").unlink()
    (out / ".hidden").rmdir()
    with pytest.raises(Worked):  # a folder of the atlas's own partitions goes on to the work
        dask_sweeps.dask_yearly(2000, 2000, AtlasOptions(), out, "local", 1, force=True)
