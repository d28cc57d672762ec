"""`foedus serve --port 0` in a subprocess for the web benchmarks (bench_web*.py): `foedus.web.served.serving`, the
URL read from the line the server prints once it has bound a free port; a server that does not come up ends the
benchmark with that one-line message."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from foedus.errors import ServeError
from foedus.web import served

START_GUARD_S = 120.0  # a server that neither says where it serves nor answers: not a bound on how fast it starts


@contextlib.contextmanager
def serving(*options: str) -> Iterator[str]:
    """`foedus serve --port 0 --no-browser OPTIONS` with this process's environment, until the block ends; its base
    URL once `/api/health` answers there."""
    with contextlib.ExitStack() as stack:
        try:
            base = stack.enter_context(served.serving(*options, guard_s=START_GUARD_S))
        except ServeError as exc:
            raise SystemExit(str(exc)) from None
        yield base
