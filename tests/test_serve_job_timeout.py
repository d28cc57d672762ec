"""`foedus serve --job-timeout S`: the seconds an expensive request's job may run before its 504 (20 by default),
passed to the server it builds; a limit out of 1 to 3600 s is refused in one line with exit 2."""

from __future__ import annotations

from typing import Any

import pytest

from samples import cli_line


class _Built(Exception):
    """Raised by the patched `build_server` with the keywords it was given: nothing listens."""


@pytest.fixture
def built(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    import foedus.web.server as server

    seen: dict[str, Any] = {}

    def build(*args: Any, **kwargs: Any) -> None:
        seen.update(kwargs)
        raise _Built

    monkeypatch.setattr(server, "build_server", build)
    monkeypatch.setattr(server, "listen_sockets", lambda host, port: [])
    return seen


@pytest.mark.parametrize(("args", "limit"), [([], 20.0), (["--job-timeout", "600"], 600.0),
                                             (["--job-timeout", "2.5"], 2.5)])
def test_the_limit_reaches_the_server(built: dict[str, Any], args: list[str], limit: float) -> None:
    cli_line(["serve", "--no-browser", *args])  # the patched build stops it (the CLI reports its exception)
    assert built["job_timeout"] == limit


@pytest.mark.parametrize("value", ["0", "-5", "3601", "abc", "nan"])
def test_a_limit_out_of_range_is_refused_in_one_line(built: dict[str, Any], value: str) -> None:
    code, _, err = cli_line(["serve", "--no-browser", "--job-timeout", value])
    assert code == 2 and "--job-timeout" in err and "Traceback" not in err and not built, err
