"""`data fetch` from a host whose TLS fails said only 'the secure (TLS) connection to HOST failed': a certificate
that cannot be verified (self-signed, expired, for another host, a proxy's that re-signs TLS) now says so and why,
with what to set for a proxy's CA; another TLS failure gives OpenSSL's reason. One line, exit 2."""

from __future__ import annotations

import http.server
import os
import shutil
import ssl
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from foedus.datasets.download import download
from foedus.errors import DataFetchError

pytestmark = pytest.mark.skipif(shutil.which("openssl") is None, reason="needs openssl to make a certificate")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, str]]:
    """An https server with a self-signed certificate for 127.0.0.1, and a plain http one: (https, http) bases."""
    key, cert = tmp_path / "key.pem", tmp_path / "cert.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out",
                    str(cert), "-days", "2", "-subj", "/CN=127.0.0.1"], check=True, capture_output=True)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    secure = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.SimpleHTTPRequestHandler)
    secure.socket = context.wrap_socket(secure.socket, server_side=True)
    plain = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.SimpleHTTPRequestHandler)
    for each in (secure, plain):
        threading.Thread(target=each.serve_forever, daemon=True).start()
    try:
        yield f"127.0.0.1:{secure.server_address[1]}", f"127.0.0.1:{plain.server_address[1]}"
    finally:
        for each in (secure, plain):
            each.shutdown()
            each.server_close()


def test_a_certificate_that_cannot_be_verified_says_so_and_why(server: tuple[str, str], tmp_path: Path) -> None:
    secure, plain = server
    with pytest.raises(DataFetchError) as caught:
        download(f"https://{secure}/states2016.csv", tmp_path / "states2016.csv", label="x", progress=False,
                 retries=0)
    assert str(caught.value) == (f"the TLS certificate of {secure} could not be verified (self-signed certificate; "
                                 "for a proxy's CA, set REQUESTS_CA_BUNDLE)")
    with pytest.raises(DataFetchError) as caught:  # an http server where https was asked
        download(f"https://{plain}/states2016.csv", tmp_path / "states2016.csv", label="x", progress=False,
                 retries=0)
    assert str(caught.value) == f"the secure (TLS) connection to {plain} failed (wrong version number)"
    assert list(tmp_path.glob("states2016.csv*")) == []


def test_data_fetch_from_it_is_one_line_naming_the_host(server: tuple[str, str], tmp_path: Path) -> None:
    secure, _ = server
    env = {**os.environ, "FOEDUS_DATA_DIR": str(tmp_path / "data")}
    proc = subprocess.run([sys.executable, "-m", "foedus", "data", "fetch", "cow_states", "--mirror",
                           f"https://{secure}/"], capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 2 and proc.stderr.count("\n") == 1 and "Traceback" not in proc.stderr, proc.stderr
    assert (f"(the TLS certificate of {secure} could not be verified (self-signed certificate; for a proxy's CA, set "
            "REQUESTS_CA_BUNDLE)); download https://") in proc.stderr
    assert proc.stderr.endswith("`foedus data import PATH`\n")  # the advice is not cut off
    assert not (tmp_path / "data" / "cow_states" / "states2016.csv").exists()


def test_it_is_asked_for_once(server: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """pooch retried it twice, after pauses of 1 s and 2 s: trying again cannot mend a certificate."""
    import pooch.core

    pauses: list[float] = []
    monkeypatch.setattr(pooch.core.time, "sleep", pauses.append)
    with pytest.raises(DataFetchError, match="could not be verified"):
        download(f"https://{server[0]}/f.csv", tmp_path / "f.csv", label="x", progress=False, retries=2)
    assert pauses == []
