"""A stop signal a library swallows or replaces still stops the command: nothing is published after it, and the
exit says it was stopped (`foedus.outputs.stops`, `foedus.cli.failures.stopped`)."""

from __future__ import annotations

import contextlib
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import typer

from foedus.cli.entry import run_cli
from foedus.outputs import install_signal_cleanup, staged_file

_AT_A_TERMINAL = {signal.SIGINT: signal.default_int_handler, signal.SIGTERM: signal.SIG_DFL,
                  signal.SIGHUP: signal.SIG_DFL}


def _ignoring_ctrl_c() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@pytest.fixture
def watched() -> Iterator[None]:
    """The CLI's signal handling, as `main` installs it in a command started at a terminal; the test's own restored
    after. pytest started as a background job of a non-interactive shell (`pytest &`) inherits SIGINT ignored, which
    `watch_stop_signals` rightly leaves alone (as under nohup), so the handlers a terminal gives come first."""
    saved = {sig: signal.getsignal(sig) for sig in _AT_A_TERMINAL}
    for sig, handler in _AT_A_TERMINAL.items():
        signal.signal(sig, handler)
    install_signal_cleanup()
    yield
    for sig, handler in saved.items():
        signal.signal(sig, handler)
    from foedus.outputs import stops

    stops._SIGNALLED.clear()


def _swallowed_ctrl_c() -> None:
    """What a library's C code does to a Ctrl-C that lands inside it (a dict lookup, a numpy comparison)."""
    with contextlib.suppress(KeyboardInterrupt):
        signal.raise_signal(signal.SIGINT)


def test_a_swallowed_ctrl_c_publishes_nothing(tmp_path: Path, watched: None) -> None:
    out = tmp_path / "table.csv"
    with pytest.raises(KeyboardInterrupt), staged_file(out) as tmp:
        tmp.write_text("a,b\n1,2\n", encoding="utf-8")
        _swallowed_ctrl_c()
    assert list(tmp_path.iterdir()) == []


def test_a_swallowed_sigterm_publishes_nothing(tmp_path: Path, watched: None) -> None:
    out = tmp_path / "table.csv"
    with pytest.raises(SystemExit) as stop, staged_file(out) as tmp:
        tmp.write_text("a,b\n", encoding="utf-8")
        with contextlib.suppress(SystemExit):
            signal.raise_signal(signal.SIGTERM)
    assert stop.value.code == 143 and list(tmp_path.iterdir()) == []


def _app(after: str) -> typer.Typer:
    app = typer.Typer()

    @app.command()
    def work() -> None:
        _swallowed_ctrl_c()
        if after == "raise":  # numpy answers a Ctrl-C inside a structured comparison with a TypeError
            raise TypeError("Cannot compare structured arrays unless they have a common dtype")

    return app


@pytest.mark.parametrize("after", ["return", "raise"])
def test_a_command_that_went_on_after_ctrl_c_says_it_was_interrupted(watched: None, after: str,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(_app(after), []) == 130
    assert capsys.readouterr().err == "error: interrupted\n"


def test_without_a_stop_the_exit_code_is_the_command_s(watched: None, capsys: pytest.CaptureFixture[str]) -> None:
    app = typer.Typer()

    @app.command()
    def work() -> None:
        raise TypeError("a bug")

    assert run_cli(app, []) == 1
    assert "internal error (TypeError: a bug)" in capsys.readouterr().err


@pytest.mark.slow
def test_the_stop_tests_pass_in_a_background_job() -> None:
    """pytest run as `pytest &` from a script inherits SIGINT ignored: the Ctrl-C tests above then raised no
    Ctrl-C, and three failed (one with its stand-in for numpy's 'Cannot compare structured arrays')."""
    proc = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", __file__, "-k", "ctrl_c"],
                          capture_output=True, text=True, timeout=120, preexec_fn=_ignoring_ctrl_c,
                          cwd=Path(__file__).parents[1])
    assert proc.returncode == 0 and "3 passed" in proc.stdout, proc.stdout[-3000:]
