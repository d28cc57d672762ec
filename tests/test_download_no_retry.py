"""A download that failed in a way trying again cannot mend (a 404, or any client error but 408/425/429) was asked
for three times, with pauses of 1 s and 2 s between: pooch retries on every request error. It is now asked for once;
a busy server (5xx) is still retried. (A TLS certificate that cannot be verified: tests/test_data_fetch_tls.py.)"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import ClassVar

import pooch.core
import pytest

from foedus.datasets.download import download
from foedus.errors import DataFetchError


class _Counting(http.server.SimpleHTTPRequestHandler):
    """Counts the GET requests per path, answering with the status set for it (else serving the folder)."""

    gets: ClassVar[list[str]] = []
    status: ClassVar[dict[str, int]] = {}

    def do_GET(self) -> None:
        self.gets.append(self.path)
        if self.path in self.status:
            self.send_error(self.status[self.path])
            return
        super().do_GET()

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def served(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[str, list[float]]]:
    """A loopback HTTP server counting requests, and the pauses pooch asked for (not slept)."""
    _Counting.gets, _Counting.status = [], {"/gone.csv": 404, "/private.csv": 403, "/busy.csv": 503,
                                             "/slow.csv": 429}
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_Counting, directory=str(tmp_path)))
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True).start()
    pauses: list[float] = []
    monkeypatch.setattr(pooch.core.time, "sleep", pauses.append)
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", pauses
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.parametrize(("name", "status", "tries", "waits"), [
    ("gone.csv", "404", 1, []), ("private.csv", "403", 1, []),  # trying again cannot mend these
    ("busy.csv", "503", 3, [1, 2]), ("slow.csv", "429", 3, [1, 2])])  # a busy server is still asked again
def test_a_client_error_is_asked_for_once(served: tuple[str, list[float]], tmp_path: Path, name: str, status: str,
                                          tries: int, waits: list[float]) -> None:
    base, pauses = served
    with pytest.raises(DataFetchError, match=f"^HTTP {status} "):
        download(f"{base}/{name}", tmp_path / "out" / name, label="x", progress=False, retries=2)
    assert _Counting.gets == [f"/{name}"] * tries and pauses == waits
    assert not (tmp_path / "out" / name).exists()
