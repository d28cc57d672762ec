"""`foedus serve --port 0` in a subprocess for the web benchmarks (bench_web*.py): `foedus.web.served.serving`, the
URL read from the line the server prints once it has bound a free port; a server that does not come up ends the
benchmark with that one-line message. `loopback_url` checks a benchmark's `--url` by the server's own loopback rule."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from urllib.parse import urlsplit

from foedus.errors import ServeError
from foedus.web import served
from foedus.web.guard import is_loopback_host

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


def loopback_url(url: str) -> tuple[str, int | None]:
    """The host and port of a benchmark's `--url`, which must name this machine (`foedus.web.guard.is_loopback_host`,
    the rule the server applies to a Host header): a load test never leaves the machine."""
    parts = urlsplit(url)
    if not parts.hostname or not is_loopback_host(parts.hostname):
        raise SystemExit(f"--url must be a loopback address (got {url!r}): this load test never leaves the machine")
    return parts.hostname, parts.port
