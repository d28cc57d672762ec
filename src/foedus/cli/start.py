"""The console entry point: read the command line without typer when it can (`foedus.cli.fast`), else import
the typer CLI; imports run with the garbage collector paused.

Importing the CLI creates tens of thousands of objects that live until exit (modules, classes, the pydantic
model); collections during the imports free nothing and cost a start-up's worth of time. Afterwards
`gc.freeze` moves those objects out of every later collection's reach, and collection resumes as usual. A
line the fast reader reads (one plain cascade, then exit) also freezes each load of long-lived data it makes
(`foedus.collector.freeze_loads`), and ends the process at once when the line is done, without the
interpreter's own exit (`foedus.cli.failures.leave`); other commands, some long-running (`foedus serve`, reports
that run thousands of cascades), do neither. Such a line that reads only the bundled world (no treaty files, overlays or
what-if changes) runs on runtime records (`foedus.model.records`), so pydantic is never imported.
Pydantic's plugin scan (every installed package's entry points, read when the first validator is built) is
skipped unless `PYDANTIC_DISABLE_PLUGINS` is set otherwise: the CLI uses no pydantic plugin.
The standard output writes a lone surrogate (a byte of a name that is not UTF-8) escaped (`escape_surrogates`).
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import gc
import io
import os
import sys
from typing import TextIO

__all__ = ["escape_surrogates", "main", "run_line"]

_ESCAPED = "foedus-surrogates"


def _surrogates(exc: UnicodeError) -> tuple[str, int]:
    """The lone surrogates an encoding error starts with, as `\\udcff` (the escape stderr's `backslashreplace`
    writes, and JSON's); anything else (a letter the encoding lacks) is still an error (`failures._unprintable`)."""
    if isinstance(exc, UnicodeEncodeError):
        end = exc.start
        while end < exc.end and "\ud800" <= exc.object[end] <= "\udfff":
            end += 1
        if end > exc.start:
            return "".join(f"\\u{ord(c):04x}" for c in exc.object[exc.start:end]), end
    raise exc


def escape_surrogates(stream: TextIO | None) -> None:
    """Have a strict `stream` (the standard output, under a UTF-8 locale or PYTHONIOENCODING) write a lone surrogate
    as `\\udcff`: Python holds each byte of a name that is not UTF-8 (`d\\xff`, which Linux allows: a path given,
    $FOEDUS_DATA_DIR) as one, which no encoding writes, so a command echoing the name stopped with advice to set
    PYTHONIOENCODING=utf-8 that could not help. Inside JSON text the escape is JSON's own, read back as the same
    name; stderr already writes it so."""
    if not isinstance(stream, io.TextIOWrapper) or stream.errors != "strict":
        return  # not Python's own stream, or one the user set (surrogateescape writes the name's own bytes)
    codecs.register_error(_ESCAPED, _surrogates)
    with contextlib.suppress(ValueError, OSError):  # closed: the command fails on it as it did
        stream.reconfigure(errors=_ESCAPED)


class _ClosedOutput(io.TextIOBase):
    """The standard output the shell closed (`foedus ... >&-`): each write fails as the system's own would (EBADF),
    said in one line, exit 2 (`failures.failure`); a command that writes only files runs."""

    def write(self, text: str) -> int:
        raise OSError(errno.EBADF, "the standard output is closed (>&-): the output has nowhere to go; send it to "
                                   "a file or to /dev/null")


def _closed_streams() -> None:
    """Stand in for a standard stream the shell closed (`>&-`, `2>&-`), which Python holds as None: every command
    failed at its first write or flush with an AttributeError traceback (exit 1), and the next file the process
    opened took the free descriptor. The descriptor is held on /dev/null; closed stderr's messages go nowhere, as
    asked (the exit code still says how it went); closed stdout is `_ClosedOutput`."""
    for fd, name in ((1, "stdout"), (2, "stderr")):
        if getattr(sys, name) is None:
            with contextlib.suppress(OSError):
                held = os.open(os.devnull, os.O_WRONLY)
                if held != fd:
                    os.dup2(held, fd)
                    os.close(held)
    if sys.stderr is None:
        sys.stderr = open(2, "w", encoding="utf-8", errors="backslashreplace", closefd=False)  # noqa: SIM115
    if sys.stdout is None:
        sys.stdout = _ClosedOutput()


def main() -> None:
    """Run `foedus` (the console script and `python -m foedus.cli`); it never returns. After a line the fast
    reader read, the process ends at once, its exit handlers run and its output flushed (`failures.leave`), so
    code after it does not run even where `SystemExit` is caught: `run_line` runs a line within a process."""
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    _closed_streams()
    escape_surrogates(sys.stdout)
    was = gc.isenabled()
    gc.disable()
    try:
        from foedus.cli.fast import prepare

        command = prepare(sys.argv[1:], records=True)
        if command is None:
            from foedus.cli.app import main as run
        else:  # one plain cascade, then exit: its route's imports paused too (after, they set off a collection)
            from foedus.collector import freeze_loads
            from foedus.outputs import install_signal_cleanup

            freeze_loads()  # the world and leg table it loads live until the exit
            install_signal_cleanup()  # as `foedus.cli.app.main` does: SIGTERM and SIGHUP unwind like Ctrl-C
            from foedus.cli.failures import leave  # after `foedus.outputs`, whose `stops` module it imports
    finally:
        gc.freeze()
        if was:
            gc.enable()
    if command is None:
        run()
        return
    leave(command(), at_once=True)  # nothing left to free: the process ends at once


def run_line(argv: list[str]) -> int:
    """The exit code of `foedus ARGV` run in this process by the route `main` takes, without its start-up
    care (the collector, signals, exiting): the fast reader's when it reads the line, else typer's."""
    from foedus.cli.fast import prepare

    command = prepare(argv)
    if command is not None:
        return command()
    from foedus.cli.app import app_for
    from foedus.cli.entry import run_cli

    return run_cli(app_for(argv), argv)
