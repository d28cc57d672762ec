"""Small inputs several test modules write to files."""

from __future__ import annotations

import contextlib
import io
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import NamedTuple

import pytest

from foedus.errors import FoedusError

GOOD_TREATY = """id: my_pact
name: My pact
signed: 2020-01-01
in_force: 2020-02-01
sources: [{url: "https://example.org/pact"}]
members: [{state: CHL}, {state: ARG}]
provisions:
  - {kind: defense, article: "1", strength: S2}
"""

WAR_ONE_ATTACK = "id: w\nname: W\nevents:\n  - {type: attack, date: 2022-02-24, attacker: RUS, victim: UKR}\n"


def file_error(tmp_path: Path, read: Callable[[Path], object], text: str) -> str:
    """The error `read` gives for a file of `text`, after the file's name (which every such error starts with)."""
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FoedusError) as caught:
        read(path)
    return str(caught.value).removeprefix(f"{path}: ")


class Ran(NamedTuple):
    """What one command line did: named as `subprocess.CompletedProcess` names them, and a tuple to unpack."""

    returncode: int
    stdout: str
    stderr: str


def cli_line(args: list[str]) -> Ran:
    """Run one command line in-process as the console script does: exit code, stdout, stderr. The suite's one
    runner of the command line: a subprocess costs an interpreter's start and a world's load each; a test that
    needs a process of its own (the real console script, a fresh world or cache, a signal) says why."""
    from foedus.cli.start import run_line

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = run_line(args)
    return Ran(code, out.getvalue(), err.getvalue())


class InlineClient:
    """A stand-in for a Dask client that runs each submitted task at once in this process: what a sweep hands to
    its workers, checked without a cluster."""

    def submit(self, fn: Callable[..., object], *args: object, pure: bool = True, **kwargs: object) -> object:
        return fn(*args, **kwargs)

    def map(self, fn: Callable[..., object], items: list[object], **kwargs: object) -> list[object]:
        return [fn(item, **kwargs) for item in items]

    def gather(self, futures: list[object]) -> list[object]:
        return list(futures)


@contextlib.contextmanager
def inline_client(*_: object) -> Iterator[InlineClient]:
    """`foedus.sweeps.dask_sweeps.client`'s stand-in: monkeypatch it in for an `InlineClient`."""
    yield InlineClient()
