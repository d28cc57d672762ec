"""Running the CLI: every failure becomes one line on stderr and an exit code, never a traceback.

Bad input of any kind — a usage error click finds, a `FoedusError` the engine raises, an `OSError` on a
path the user gave — prints `error: <one line>` and exits 2 (with `--json`, the JSON error object
`{"ok": false, "error": ..., "status": 2}` also goes to stdout). A bug still exits 1 with one line that
asks for a report; `FOEDUS_DEBUG=1` shows its traceback.
"""

from __future__ import annotations

import errno
import json
import os
import sys
from collections.abc import Callable, Sequence
from typing import Any

from typer.exceptions import Abort, Exit, TyperException

from foedus.errors import FoedusError

__all__ = ["MAX_MESSAGE", "error_line", "os_error_line", "run_cli"]

MAX_MESSAGE = 400


def error_line(text: str) -> str:
    """Whitespace collapsed to single spaces and the length capped: one readable line.

    >>> error_line("a\\n  b" + "x" * 500)[:5], len(error_line("y" * 1000))
    ('a bxx', 400)
    """
    line = " ".join(str(text).split())
    return line if len(line) <= MAX_MESSAGE else line[: MAX_MESSAGE - 1] + "…"


def os_error_line(exc: OSError) -> str:
    """An OSError as `PATH: reason` (both file names when there are two).

    >>> os_error_line(NotADirectoryError(20, "Not a directory", "/etc/passwd/x.csv"))
    'cannot use /etc/passwd/x.csv: Not a directory'
    """
    reason = exc.strerror or type(exc).__name__
    names = [str(n) for n in (exc.filename, exc.filename2) if n is not None]
    if names:
        return f"cannot use {' -> '.join(names)}: {reason}"
    return f"{reason}: {exc}" if str(exc) and str(exc) != reason else reason


def _usage_text(exc: TyperException) -> str:
    """A click usage error as one line, naming the command it concerns."""
    message = exc.format_message()
    ctx = getattr(exc, "ctx", None)
    path = getattr(ctx, "command_path", "") if ctx is not None else ""
    return f"{message} (see `{path} --help`)" if path else message


def _fail(message: str, as_json: bool, status: int = 2, extra: dict[str, Any] | None = None) -> int:
    line = error_line(message)
    if as_json:
        body = {"ok": False, "error": line, "status": status, **(extra or {})}
        sys.stdout.write(json.dumps(body, ensure_ascii=False) + "\n")
    sys.stderr.write(f"error: {line}\n")
    return status


def run_cli(app: Callable[..., Any], argv: Sequence[str]) -> int:
    """Run the typer `app` on `argv` and return the exit code; every error is reported in one line."""
    args = list(argv)
    as_json = "--json" in args
    try:
        code = app(args=args, prog_name="foedus", standalone_mode=False)
    except TyperException as exc:  # click's usage errors: unknown option, missing value, bad type
        if type(exc).__name__ == "NoArgsIsHelpError":  # the help was printed: a bare group asks for it
            return 2
        return _fail(_usage_text(exc), as_json)
    except FoedusError as exc:
        candidates = getattr(exc, "candidates", None)  # an ambiguous name: the states it may mean
        return _fail(str(exc), as_json, extra={"candidates": candidates} if candidates else None)
    except OSError as exc:
        if exc.errno == errno.EPIPE:  # the reader went away (`| head`): nothing left to say
            return 1
        return _fail(os_error_line(exc), as_json)
    except (Exit, SystemExit) as exc:
        code = _exit_code(exc)
        if code == 130:  # typer's answer to Ctrl-C: say it in one line
            sys.stderr.write("error: interrupted\n")
        return code
    except (Abort, KeyboardInterrupt):
        sys.stderr.write("error: interrupted\n")
        return 130
    except Exception as exc:  # a bug, not bad input: one line, and the traceback only when asked
        if os.environ.get("FOEDUS_DEBUG"):
            raise
        return _fail(f"internal error ({type(exc).__name__}: {exc}); please report it with the command you ran "
                     "(FOEDUS_DEBUG=1 shows the traceback)", as_json, status=1)
    if code == 130:  # typer returns 130 for Ctrl-C in non-standalone mode: say it in one line
        sys.stderr.write("error: interrupted\n")
    return code if isinstance(code, int) else 0


def _exit_code(exc: Exit | SystemExit) -> int:
    code = exc.exit_code if isinstance(exc, Exit) else exc.code
    return code if isinstance(code, int) else (0 if code is None else 1)
