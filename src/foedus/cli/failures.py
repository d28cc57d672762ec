"""Failures as a user sees them: one line on stderr and an exit code, never a traceback.

A `FoedusError` the engine raises or an `OSError` on a path the user gave prints `error: <one line>` and
exits 2 (with `--json`, the JSON error object `{"ok": false, "error": ..., "status": 2}` also goes to
stdout); Ctrl-C exits 130; a bug exits 1 with one line that asks for a report, and `FOEDUS_DEBUG=1` shows
its traceback. Both ways into a command (`foedus.cli.entry` through typer, `foedus.cli.fast` without it)
report through `failure`, so they fail alike, and end through `stopped` and `leave`: a stop signal is reported
as the stop it was, even where a library swallowed or replaced the exception it raised (`foedus.outputs.stops`).
"""

from __future__ import annotations

import atexit
import contextlib
import errno
import gc
import json
import os
import signal
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from foedus.errors import FoedusError, SettingError, one_line
from foedus.outputs.stops import stop_signal

__all__ = ["fail", "failure", "json_asked", "leave", "os_error_line", "stopped"]


def os_error_line(exc: OSError) -> str:
    """An OSError as `PATH: reason` (both file names when there are two), the reason worded as every file reader
    words it (`foedus.reachable.os_reason`).

    >>> os_error_line(NotADirectoryError(20, "Not a directory", "/etc/passwd/x.csv"))
    'cannot use /etc/passwd/x.csv: /etc/passwd is not a folder (ENOTDIR)'
    >>> os_error_line(FileNotFoundError(2, "No such file or directory", "/nowhere/x.csv"))
    'cannot use /nowhere/x.csv: no such file or folder'
    >>> os_error_line(OSError(28, "No space left on device"))
    'No space left on device'
    """
    from foedus.reachable import os_reason

    reason = os_reason(exc) if exc.errno else exc.strerror or type(exc).__name__
    names = [str(n) for n in (exc.filename, exc.filename2) if n is not None]
    if names:
        return f"cannot use {' -> '.join(names)}: {reason}"
    said = str(exc)  # `[Errno 28] No space left on device` says the reason again
    return f"{reason}: {said}" if said and said not in (reason, f"[Errno {exc.errno}] {exc.strerror}") else reason


def json_asked(argv: Sequence[str]) -> bool:
    """Whether a failure of the command line `argv` is also reported as the JSON error object (`--json` anywhere
    in it, so that a usage error found before the option is read is reported the same way)."""
    return "--json" in argv


def fail(message: str, as_json: bool, status: int = 2, extra: dict[str, Any] | None = None) -> int:
    """Report `message` in one line (and as the JSON error object with `as_json`); the exit code."""
    line = one_line(message)
    if as_json:
        body = {"ok": False, "error": line, "status": status, **(extra or {})}
        with contextlib.suppress(OSError):  # stdout is what failed (a full disk, /dev/full): stderr still says it
            try:
                sys.stdout.write(json.dumps(body, ensure_ascii=False) + "\n")
            except UnicodeEncodeError:  # stdout's encoding lacks a letter of the message: JSON's own escapes
                sys.stdout.write(json.dumps(body) + "\n")
            sys.stdout.flush()
    sys.stderr.write(f"error: {line}\n")
    return status


def failure(exc: Exception | KeyboardInterrupt, as_json: bool) -> int:
    """The exit code of a command that raised `exc`, reported (a bug is re-raised with `FOEDUS_DEBUG` set)."""
    if stop_signal() is not None and not isinstance(exc, KeyboardInterrupt):
        return stopped(1)  # told to stop: what came after (a library's TypeError for a Ctrl-C ...) is not the news
    if isinstance(exc, FoedusError):
        candidates = getattr(exc, "candidates", None)  # an ambiguous name: the states it may mean
        return fail(str(exc), as_json, extra={"candidates": candidates} if candidates else None)
    if isinstance(exc, OSError):
        if exc.errno == errno.EPIPE:  # the reader went away (`| head`): nothing left to say
            return 1
        return fail(os_error_line(exc), as_json)
    if isinstance(exc, KeyboardInterrupt):
        sys.stderr.write("error: interrupted\n")
        return 130
    if isinstance(exc, UnicodeEncodeError) and (said := _unprintable(exc)) is not None:
        return fail(said, as_json)
    from foedus.settings import setting  # here: a bug is rare, and the console's start imports this module

    try:
        debug, how = setting("FOEDUS_DEBUG", "1 to show the traceback"), "FOEDUS_DEBUG=1 shows the traceback"
    except SettingError as blank:  # said in place of the usual hint: the bug is still the news
        debug, how = "", str(blank)
    if debug:  # a bug, not bad input: the traceback only when asked
        raise exc
    return fail(f"internal error ({type(exc).__name__}: {exc}); please report it with the command you ran "
                f"({how})", as_json, status=1)


def _unprintable(exc: UnicodeEncodeError) -> str | None:
    """What to do when the output's encoding (`PYTHONIOENCODING=ascii`, a Latin-1 locale, a redirected Windows console)
    cannot write a letter foedus prints ('→', 'Côte d'Ivoire'), which was reported as an internal error to report;
    None when the encoding that failed is not the output's. A lone surrogate (a byte of a name that is not UTF-8,
    which the standard output escapes, `foedus.cli.start.escape_surrogates`) no setting writes: not advised one.

    >>> _unprintable(UnicodeEncodeError("idna", "a→b", 1, 2, "label too long")) is None  # not the output's
    True
    """
    import codecs

    def name(encoding: str | None) -> str:
        try:
            return codecs.lookup(encoding or "").name
        except LookupError:
            return ""

    if name(exc.encoding) not in {name(getattr(s, "encoding", None)) for s in (sys.stdout, sys.stderr)}:
        return None
    from foedus.wording import character, surrogate_byte

    char = exc.object[exc.start]
    if "\ud800" <= char <= "\udfff":  # a byte of a name that is not UTF-8: no encoding writes it
        return (f"the output cannot write {character(char)}{surrogate_byte(char)}, a lone surrogate, in any encoding; "
                "rename the file or folder to a UTF-8 name (or set PYTHONIOENCODING=utf-8:surrogateescape to write its "
                "own bytes)")
    return (f"the output's encoding ({exc.encoding}) cannot write {character(char)}; set "
            "PYTHONIOENCODING=utf-8 (or PYTHONUTF8=1) and run again")


def stopped(code: int) -> int:
    """`code`, or, after a stop signal the command went on from (a library swallowed the exception it raised),
    the signal's exit code (Ctrl-C: 130, said in one line)."""
    sig = stop_signal()
    if sig is None or code == 128 + sig:
        return code
    if sig == signal.SIGINT:
        sys.stderr.write("error: interrupted\n")
    return 128 + sig


def leave(code: int, *, at_once: bool = False) -> NoReturn:
    """Exit the process with `code`. After a stop signal, at once (`os._exit`; temporaries removed, output
    flushed): a Ctrl-C'd run was seen to die by SIGINT in the interpreter's own exit, about one run in 25, its
    exit status no longer 130. Otherwise every object is first moved out of the garbage collector's reach
    (`gc.freeze`), so its last collection has nothing to scan. With `at_once` (the fast reader's one plain
    cascade, `foedus.cli.start`), the exit handlers run and the output is flushed, and the process then ends
    without the interpreter's own exit, which would free every object the run made, one by one (about 1.5 ms
    at 2025); a flush that fails, or a thread still running, leaves it to that exit, as before."""
    if stop_signal() is not None:
        from foedus.outputs.temporaries import cleanup_all

        with contextlib.suppress(ValueError, OSError):
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # a second Ctrl-C while leaving: no traceback
        cleanup_all()
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(Exception):
                stream.flush()
        os._exit(code)
    gc.freeze()
    threads = sys.modules.get("threading")
    if at_once and (threads is None or threads.active_count() == 1):  # a thread still running is waited for
        atexit._run_exitfuncs()  # what the interpreter's exit would run first: caches saved, temporaries removed
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except (OSError, ValueError):  # a closed pipe (`| head`): the interpreter's exit says so, as before
            raise SystemExit(code) from None
        os._exit(code)
    raise SystemExit(code)
