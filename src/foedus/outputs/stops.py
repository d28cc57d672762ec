"""The signals that stop a command (Ctrl-C, SIGTERM, SIGHUP), remembered as well as raised.

SIGINT raises KeyboardInterrupt and SIGTERM/SIGHUP exit with 128 + N, so a writer unwinds and removes its
temporary. But library code can swallow or replace the exception a signal raises where it lands (CPython's
dict lookups, numpy's structured comparison, seen here: a run told to stop finished and published its output,
or reported an internal error). So each stop is also recorded: no output is published after one
(`check_not_stopped`), and the command reports it as the stop it was (`stop_signal`).
"""

from __future__ import annotations

import contextlib
import signal
from typing import Any

__all__ = ["check_not_stopped", "stop_signal", "watch_stop_signals"]

_SIGNALLED: list[int] = []


def stop_signal() -> int | None:
    """The first stop signal this process received since `watch_stop_signals`, if any."""
    return _SIGNALLED[0] if _SIGNALLED else None


def check_not_stopped() -> None:
    """Raise what the first stop signal raised, if one came: called before an output is published."""
    sig = stop_signal()
    if sig == signal.SIGINT:
        raise KeyboardInterrupt
    if sig is not None:
        raise SystemExit(128 + sig)


def _interrupt(signum: int, _frame: Any) -> None:
    _SIGNALLED.append(signum)
    raise KeyboardInterrupt


def _terminate(signum: int, _frame: Any) -> None:
    _SIGNALLED.append(signum)
    raise SystemExit(128 + signum)


def watch_stop_signals() -> None:
    """Handle SIGINT, SIGTERM and SIGHUP as above; a signal the process inherited as ignored (nohup, a background
    job of a non-interactive shell) stays ignored. Call once, from the main thread of a command's process."""
    for name, handler, default in (("SIGINT", _interrupt, signal.default_int_handler),
                                   ("SIGTERM", _terminate, signal.SIG_DFL), ("SIGHUP", _terminate, signal.SIG_DFL)):
        sig = getattr(signal, name, None)
        with contextlib.suppress(ValueError, OSError):  # not the main thread, or no such signal here
            if sig is not None and signal.getsignal(sig) == default:
                signal.signal(sig, handler)
