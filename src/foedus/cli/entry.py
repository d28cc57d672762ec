"""Running the typer app: every failure becomes one line on stderr and an exit code, never a traceback.

A usage error click finds (unknown option, missing value, bad type) prints `error: <one line>` naming the
command and exits 2; every other failure is reported as `foedus.cli.failures.failure` says.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from typing import Any

from typer.exceptions import Abort, Exit, TyperException

from foedus.cli.failures import fail, failure, json_asked

__all__ = ["run_cli"]


def _usage_text(exc: TyperException) -> str:
    """A click usage error as one line, naming the command it concerns."""
    message = exc.format_message()
    ctx = getattr(exc, "ctx", None)
    path = getattr(ctx, "command_path", "") if ctx is not None else ""
    return f"{message} (see `{path} --help`)" if path else message


def run_cli(app: Callable[..., Any], argv: Sequence[str]) -> int:
    """Run the typer `app` on `argv` and return the exit code; every error is reported in one line."""
    args = list(argv)
    as_json = json_asked(args)
    try:
        code = app(args=args, prog_name="foedus", standalone_mode=False)
    except TyperException as exc:  # click's usage errors: unknown option, missing value, bad type
        if type(exc).__name__ == "NoArgsIsHelpError":  # the help was printed: a bare group asks for it
            return 2
        return fail(_usage_text(exc), as_json)
    except (Exit, SystemExit) as exc:
        code = _exit_code(exc)
        if code == 130:  # typer's answer to Ctrl-C: say it in one line
            sys.stderr.write("error: interrupted\n")
        return code
    except Abort:
        return failure(KeyboardInterrupt(), as_json)
    except (Exception, KeyboardInterrupt) as exc:
        return failure(exc, as_json)
    if code == 130:  # typer returns 130 for Ctrl-C in non-standalone mode: say it in one line
        sys.stderr.write("error: interrupted\n")
    return code if isinstance(code, int) else 0


def _exit_code(exc: Exit | SystemExit) -> int:
    code = exc.exit_code if isinstance(exc, Exit) else exc.code
    return code if isinstance(code, int) else (0 if code is None else 1)
