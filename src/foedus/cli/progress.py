"""Progress on stderr for anything slow: a bar when the steps are known, a spinner when they are not.

Shown only when stderr is a terminal, so logs and pipes stay clean. Library code takes a plain
`progress: Callable[[int], None]` (called with the number of steps done so far); `steps()` makes one
for the CLI. This is also the hook for likelihood fits: pass `steps("fitting", iterations)` as their
progress callback.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Callable, Iterator

__all__ = ["steps", "working"]


@contextlib.contextmanager
def working(label: str) -> Iterator[None]:
    """A spinner with elapsed time while something of unknown length runs."""
    if not sys.stderr.isatty():
        yield
        return
    from rich.console import Console
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(),
                  console=Console(stderr=True), transient=True) as bar:
        bar.add_task(label, total=None)
        yield


@contextlib.contextmanager
def steps(label: str, total: int) -> Iterator[Callable[..., None]]:
    """A bar of `total` steps with count, elapsed and remaining time; yields `done(k)` (k steps done so far),
    or `done(k, n)` when the work learns that it has `n` steps in all."""
    if not sys.stderr.isatty():
        yield lambda _k, _n=None: None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
               TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total)
        yield lambda k, n=None: bar.update(task, completed=k, total=n if n is not None else total)
