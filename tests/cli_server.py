"""`foedus serve --port 0` in a subprocess, for the tests that drive a real server (the e2e tests among them):
`foedus.web.served.serving`, the URL read from the line the server prints once it has bound a free port (a test that
picked a free port itself and passed it as `--port N` raced every other process on the machine for it until the
server bound it); a server that does not come up fails the test with that one-line message.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest

HANG_GUARD_S = 300.0  # a server that neither says where it serves nor exits: not a bound on how fast it starts


@contextlib.contextmanager
def serving(env: dict[str, str]) -> Iterator[str]:
    """`foedus serve --port 0` on loopback with the environment `env`, until the block ends; its base URL (no
    trailing slash) once `/api/health` answers there. Jobs get a 600 s limit: a hang guard, not the test's subject."""
    pytest.importorskip("uvicorn", reason="the web extra (uvicorn) is not installed")
    from foedus.errors import ServeError
    from foedus.web import served

    with contextlib.ExitStack() as stack:
        try:
            base = stack.enter_context(served.serving("--job-timeout", "600", env=env, guard_s=HANG_GUARD_S))
        except ServeError as exc:
            pytest.fail(str(exc))
        yield base
