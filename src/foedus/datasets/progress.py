"""The byte progress bar pooch drives while a dataset downloads, drawn with rich on stderr when it is a terminal."""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from typing import Any

__all__ = ["Bar", "byte_progress"]


class Bar:
    """The progress-bar object pooch drives (total, update, reset, close), drawn with rich."""

    def __init__(self, bar: Any, task: Any) -> None:
        self._bar, self._task = bar, task

    @property
    def total(self) -> float | None:
        return float(self._bar.tasks[0].total) if self._bar.tasks[0].total else None

    @total.setter
    def total(self, value: int) -> None:
        self._bar.update(self._task, total=value or None)

    def update(self, n: int) -> None:
        self._bar.advance(self._task, n)

    def reset(self) -> None:
        self._bar.reset(self._task)

    def close(self) -> None:
        self._bar.refresh()


@contextlib.contextmanager
def byte_progress(label: str, enabled: bool | None) -> Iterator[Bar | None]:
    """A rich byte progress bar on stderr when it is a terminal (or when asked); otherwise None."""
    if not (sys.stderr.isatty() if enabled is None else enabled):
        yield None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        DownloadColumn,
        Progress,
        TextColumn,
        TimeRemainingColumn,
        TransferSpeedColumn,
    )

    columns = (TextColumn("{task.description}"), BarColumn(), DownloadColumn(), TransferSpeedColumn(),
               TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True)) as bar:
        yield Bar(bar, bar.add_task(label, total=None))
