"""`--force` replaces a file, never a named pipe or a device: `os.replace` put the output in their place, so
`--out mypipe --force` removed the user's pipe, and `--out /dev/null --force` run as root the system's device."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from foedus.errors import OutputError
from foedus.outputs import check_target, staged_file
from samples import cli_line

pytestmark = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes here")


def _run(args: list[str]) -> tuple[int, str]:
    code, _, err = cli_line(args)
    return code, err


@pytest.mark.parametrize("args", [["schema", "--force", "--out"],
                                  ["atlas", "--date", "2024-01-01", "--force", "--out"]],
                         ids=["schema", "atlas"])
def test_force_never_replaces_a_named_pipe(tmp_path: Path, args: list[str]) -> None:
    pipe = tmp_path / ("out.json" if args[0] == "schema" else "out.csv")  # the format each output's name must say
    os.mkfifo(pipe)
    code, err = _run([*args, str(pipe)])
    assert code == 2 and err.splitlines() == [f"error: {pipe} is a named pipe; --force replaces a file, never a "
                                              "named pipe"]
    assert stat.S_ISFIFO(os.lstat(pipe).st_mode)


def test_a_pipe_put_in_place_while_the_output_was_written_is_kept(tmp_path: Path) -> None:
    out = tmp_path / "x.json"
    with pytest.raises(OutputError, match="is a named pipe; --force replaces a file, never a named pipe"), \
            staged_file(out, force=True) as tmp:
        tmp.write_text("{}", encoding="utf-8")
        os.mkfifo(out)
    assert stat.S_ISFIFO(os.lstat(out).st_mode) and sorted(p.name for p in tmp_path.iterdir()) == ["x.json"]


def test_a_folder_output_names_a_pipe_in_its_place_as_a_pipe(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "report")
    with pytest.raises(OutputError, match="report is a named pipe; --force replaces a folder of output, never a "
                                          "named pipe"):
        check_target(tmp_path / "report", force=True, kind="folder")


def test_force_still_replaces_a_file_and_writes_a_new_name(tmp_path: Path) -> None:
    """Control (passes before and after): --force still replaces a regular file and writes a name not there."""
    old, new = tmp_path / "old.json", tmp_path / "new.json"
    old.write_text("old", encoding="utf-8")
    for out in (old, new):
        with staged_file(out, force=True) as tmp:
            tmp.write_text("new", encoding="utf-8")
        assert out.read_text(encoding="utf-8") == "new"


@pytest.mark.parametrize("leads_to", ["gone.csv", "pipe"])
def test_a_dataset_installers_force_replaces_a_link_wherever_it_leads(tmp_path: Path, leads_to: str) -> None:
    """A dataset file that is a link is replaced itself by `data fetch --force` (tests/test_output_links.py): the
    pipe check read what the link leads to, so a link leading nowhere was an internal error (FileNotFoundError) and
    one to a pipe was refused as the pipe, which the swap never touches."""
    os.mkfifo(tmp_path / "pipe")
    link = tmp_path / "states.csv"
    os.symlink(leads_to, link)
    check_target(link, force=True, dataset=True)
    with staged_file(link, force=True, dataset=True) as tmp:
        tmp.write_text("new", encoding="utf-8")
    assert not link.is_symlink() and link.read_text(encoding="utf-8") == "new"
    assert stat.S_ISFIFO(os.lstat(tmp_path / "pipe").st_mode)


def test_a_kind_of_file_without_a_word_is_named_sensibly(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file type with no word of its own (a Solaris door, say) read "--force replaces a file, never not a file"."""
    out = tmp_path / "odd.json"
    out.write_text("{}", encoding="utf-8")
    real = os.lstat
    monkeypatch.setattr(os, "lstat", lambda p, *a, **k: os.stat_result((0, *real(p)[1:])) if str(p) == str(out)
                        else real(p, *a, **k))  # a mode no stat.S_IS* test takes
    with pytest.raises(OutputError) as caught:
        check_target(out, force=True)
    assert str(caught.value) == (f"{out} is something other than a file; --force replaces a file, never something "
                                 "other than a file")
