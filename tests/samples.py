"""Small inputs several test modules write to files."""

from __future__ import annotations

import contextlib
import io
import json
import os
import signal
import threading
import warnings
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any, NamedTuple
from unittest import mock

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


def refusal(call: Callable[..., object], *args: Any, error: type[Exception] = FoedusError, **kwargs: Any) -> str:
    """The one line `call(*args, **kwargs)` refuses with, which must be an `error` (a `FoedusError` by default): what
    a bad-input test compares with the words it expects (tests/test_bad_input_sweep.py, test_file_field_words.py)."""
    with pytest.raises(error) as caught:
        call(*args, **kwargs)
    return str(caught.value)


def file_error(tmp_path: Path, read: Callable[[Path], object], text: str) -> str:
    """The error `read` gives for a file of `text`, after the file's name (which every such error starts with)."""
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    return refusal(read, path).removeprefix(f"{path}: ")


class Ran(NamedTuple):
    """What one command line did: named as `subprocess.CompletedProcess` names them, and a tuple to unpack."""

    returncode: int
    stdout: str
    stderr: str


def treaty_files(tmp_path: Path, files: Mapping[str, tuple[str, str, str, str, str, str]]) -> list[Path]:
    """A treaty file in `tmp_path` for each id of `files` -> (instrument, its members space-separated, the kind of its
    one provision, article, strength, certainty): a duty under an instrument of the reader's choosing (none written
    where it is "": the file's default, a treaty), as `--treaties` or `World.load` takes them."""
    paths = []
    for tid, (instrument, members, kind, article, strength, certainty) in files.items():
        states = members.split()
        kind_of = f"instrument: {instrument}\n" if instrument else ""
        paths.append(tmp_path / f"{tid}.yaml")
        paths[-1].write_text(
            f"id: {tid}\nname: {tid}\ntype: {'multilateral' if len(states) > 2 else 'bilateral'}\n"
            f"signed: 2020-01-01\nin_force: 2020-02-01\n{kind_of}"
            f"sources: [{{url: 'https://example.org/{tid}'}}]\n"
            f"members: [{', '.join(f'{{state: {s}}}' for s in states)}]\n"
            f"provisions: [{{kind: {kind}, article: '{article}', strength: {strength}, certainty: {certainty}}}]\n",
            encoding="utf-8")
    return paths


def replay_text(folder: Path, text: str, **kwargs: Any) -> Any:
    """A war file holding `text`, written under `folder` and replayed (`foedus.api.replay_war`'s keywords: `world`,
    `until`): the tests' own wars, one way."""
    from foedus.api import replay_war

    path = folder / "war.yaml"
    path.write_text(text, encoding="utf-8")
    return replay_war(path, **kwargs)


def cli_line(args: list[str], env: Mapping[str, str] | None = None) -> Ran:
    """Run one command line in-process as the console script does: exit code, stdout, stderr. The suite's one
    runner of the command line: a subprocess costs an interpreter's start and a world's load each; a test that
    needs a process of its own (the real console script, a fresh world or cache, a signal) says why. `env` sets
    variables for this run only (a setting read when the command runs; the world is this process's, loaded once).
    A warning the run gives is written to its stderr as a process of its own would print it (Python's default
    filters), not left to pytest's summary: a check of stderr sees a stray warning."""
    from foedus.cli.start import run_line

    out, err = io.StringIO(), io.StringIO()
    with mock.patch.dict(os.environ, env or {}), warnings.catch_warnings(record=True) as caught:
        _default_warning_filters()
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            code = run_line(args)
    for w in caught:
        err.write(warnings.formatwarning(w.message, w.category, w.filename, w.lineno, w.line))
    return Ran(code, out.getvalue(), err.getvalue())


def error_line(args: list[str]) -> str:
    """The one `error:` line of a refused command line: exit 2, that line alone on stderr (no traceback, no stray
    warning), and nothing on stdout but, with --json, the same error as JSON."""
    code, out, err = cli_line(args)
    lines = err.strip().splitlines()
    assert code == 2, err
    assert len(lines) == 1 and lines[0].startswith("error: ") and "Traceback" not in err, err
    said = lines[0].removeprefix("error: ")
    if "--json" in args:
        assert json.loads(out) == {"ok": False, "error": said, "status": 2}, out
    else:
        assert out == "", out
    return said


def correction_refused(entry: str, said: str) -> None:
    """An ATOP corrections file of the one `entry` (a YAML mapping) is refused by `load_corrections` in one line, a
    `TreatyDataError` (a `FoedusError`) whose message `said` (a regex) finds."""
    from foedus.errors import TreatyDataError
    from foedus.sources.corrections import load_corrections

    with pytest.raises(TreatyDataError, match=said) as caught:
        load_corrections(f"- {entry}")
    assert "\n" not in str(caught.value) and isinstance(caught.value, FoedusError)


def _default_warning_filters() -> None:
    """The warning filters a fresh interpreter starts with (no -W, no PYTHONWARNINGS), in place of pytest's."""
    warnings.resetwarnings()
    for category in (DeprecationWarning, PendingDeprecationWarning, ImportWarning, ResourceWarning):
        warnings.simplefilter("ignore", category)
    warnings.filterwarnings("default", category=DeprecationWarning, module="__main__")


class InlineClient:
    """A stand-in for a Dask client that runs each submitted task at once in this process: what a sweep hands to
    its workers, checked without a cluster."""

    def submit(self, fn: Callable[..., object], *args: object, pure: bool = True, **kwargs: object) -> object:
        return fn(*args, **kwargs)

    def map(self, fn: Callable[..., object], items: list[object], **kwargs: object) -> list[object]:
        return [fn(item, **kwargs) for item in items]

    def scatter(self, data: object, broadcast: bool = False) -> object:
        return data

    def gather(self, futures: list[object]) -> list[object]:
        return list(futures)


@contextlib.contextmanager
def inline_client(*_: object) -> Iterator[InlineClient]:
    """`foedus.sweeps.dask_sweeps.client`'s stand-in: monkeypatch it in for an `InlineClient`."""
    yield InlineClient()


@contextlib.contextmanager
def paused_workers(pool: Any, guard_s: float = 60.0) -> Iterator[None]:
    """A web worker pool's processes started, then paused (SIGSTOP): a job sent to one gets no answer however fast
    the machine, so it runs past any time limit, and the pool stops it there (SIGKILL ends a paused process). No
    race with real work: a limit under what a job takes passed only while the machine was slow enough. The guard
    resumes them after `guard_s` (a hang guard, not a speed bound): a pool that kept no limit then answers, and the
    test fails instead of hanging."""
    pids = [worker.started().pid for worker in pool._workers]

    def resume() -> None:
        for pid in pids:
            with contextlib.suppress(ProcessLookupError):  # killed at the limit, as it should be
                os.kill(pid, signal.SIGCONT)

    for pid in pids:
        os.kill(pid, signal.SIGSTOP)
    guard = threading.Timer(guard_s, resume)
    guard.daemon = True
    guard.start()
    try:
        yield
    finally:
        guard.cancel()
        resume()
