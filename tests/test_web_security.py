"""Safe by default: security headers, size limits, the loopback Host rule and binding rule, static serving."""

from __future__ import annotations

import gzip
import os
import re
import socket
import subprocess
import sys
from collections.abc import Callable, Iterator

import pytest

pytest.importorskip("fastapi", reason="the web extra (fastapi) is not installed")
pytest.importorskip("httpx2", reason="httpx2 (for the test client) is not installed")

from fastapi.testclient import TestClient

from foedus.errors import FoedusError
from foedus.web.guard import GuardSettings, is_loopback_host
from foedus.web.server import check_bind, url_for
from foedus.web.static import bundled_static_dir

pytestmark = [pytest.mark.filterwarnings("ignore::DeprecationWarning")]
QUERY = "/api/cascade?attacker=UKR&target=RUS&date=2025-01-15&place=kursk-oblast"


@pytest.mark.parametrize("path", ["/", QUERY, "/api/nope", "/api/cascade?attacker=Rusia&target=UKR&date=2025-01-01"])
def test_every_response_has_the_security_headers(api_client: TestClient, path: str) -> None:
    h = api_client.get(path).headers
    csp = h["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "object-src 'none'" in csp
    assert "frame-ancestors 'none'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
    assert "http:" not in csp and "https:" not in csp  # no CDN
    assert h["x-content-type-options"] == "nosniff"
    assert h["x-frame-options"] == "DENY"
    assert h["referrer-policy"] == "no-referrer"


def test_api_responses_are_not_cached(api_client: TestClient) -> None:
    assert api_client.get(QUERY).headers["cache-control"] == "no-store"


def test_long_urls_are_refused(api_client: TestClient) -> None:
    response = api_client.get("/api/cascade?attacker=" + "A" * 5000 + "&target=RUS&date=2025-01-15")
    assert response.status_code == 414
    assert "longer than 4096 bytes" in response.json()["error"]


def test_request_bodies_are_refused(api_client: TestClient) -> None:
    big = api_client.request("GET", QUERY, content=b"x" * 20_000)
    assert big.status_code == 413 and big.json()["status"] == 413

    def chunks() -> Iterator[bytes]:
        yield b"x" * 10

    chunked = api_client.request("GET", QUERY, content=chunks())
    assert chunked.status_code == 411


@pytest.mark.parametrize(("path", "body"), [
    ("/api/cascade?attacker=UKR&target=RUS&date=2025-01-15", b"place=kursk-oblast"),
    ("/api/treaties", b'{"date": "2025-01-15"}'),
])
def test_a_small_request_body_is_refused_not_ignored(api_client: TestClient, path: str, body: bytes) -> None:
    """No endpoint reads a body: `place=kursk-oblast` sent as a form's body was ignored, the answer given for Russia's
    home territory, and a JSON body's date for every date."""
    response = api_client.request("GET", path, content=body)
    assert response.status_code == 422 and response.json()["error"] == (
        f"{path.partition('?')[0]} reads its parameters from the query string, not from a request body "
        f"({len(body)} bytes sent): put them after '?' in the URL (see /openapi.json)")


def test_foreign_host_headers_are_refused_unless_remote_is_allowed(api_client: TestClient,
                                                                   web_client: Callable[..., TestClient]) -> None:
    response = api_client.get("/api/health", headers={"host": "attacker.example:8765"})
    assert response.status_code == 400 and "--allow-remote" in response.json()["error"]
    for host in ("localhost:8765", "127.0.0.1", "[::1]:8765"):
        assert api_client.get("/api/health", headers={"host": host}).status_code == 200
    with web_client(GuardSettings(allow_remote=True), base_url="http://example.org") as remote:
        assert remote.get("/api/health").status_code == 200


def test_loopback_rule() -> None:
    assert all(is_loopback_host(h) for h in ("127.0.0.1", "127.8.9.1", "localhost", "::1", "[::1]"))
    assert not any(is_loopback_host(h) for h in ("0.0.0.0", "::", "10.0.0.1", "example.org", ""))
    check_bind("127.0.0.1", 8765, allow_remote=False)
    check_bind("::1", 8765, allow_remote=False)
    with pytest.raises(FoedusError, match="--allow-remote"):
        check_bind("0.0.0.0", 8765, allow_remote=False)
    with pytest.raises(FoedusError, match="not a loopback address"):
        check_bind("192.168.1.10", 8765, allow_remote=False)
    check_bind("0.0.0.0", 8765, allow_remote=True)
    with pytest.raises(FoedusError, match=r"^--port must be between 0 and 65,535 \(got 70000\)"):
        check_bind("127.0.0.1", 70000, allow_remote=False)
    assert url_for("0.0.0.0", 8000) == "http://127.0.0.1:8000/" and url_for("::1", 8) == "http://[::1]:8/"


@pytest.mark.parametrize("host", ["", "  "])
@pytest.mark.parametrize("allow_remote", [False, True])
def test_an_empty_host_is_refused_not_bound_to_every_interface(host: str, allow_remote: bool) -> None:
    """`foedus serve --host '' --allow-remote` bound 0.0.0.0 and :: (the socket layer's every interface) and said
    'serving on http://127.0.0.1:PORT/'; without --allow-remote it said '' is not a loopback address."""
    with pytest.raises(FoedusError) as info:
        check_bind(host, 8765, allow_remote=allow_remote)
    assert str(info.value) == (f"the host is {'empty' if host == '' else 'blank'}: give the address to serve on "
                               "(127.0.0.1, this machine only; 0.0.0.0 with --allow-remote, every interface)")


def test_the_host_bound_is_the_host_the_loopback_check_read() -> None:
    """The check read `[::1]` and ` localhost ` as loopback (brackets and spaces dropped), and the bind then took them
    as written: 'cannot listen on [[::1]]:8765 (name or service not known)'. check_bind returns the host it read."""
    from foedus.web.server import listen_sockets

    assert [check_bind(h, 8765, allow_remote=False) for h in ("[::1]", " localhost ", "127.0.0.1")] == [
        "::1", "localhost", "127.0.0.1"]
    sockets = listen_sockets(check_bind("127.0.0.1 ", 8765, allow_remote=False), 0)  # 0: any free port
    try:
        assert sockets and all(s.getsockname()[0] == "127.0.0.1" for s in sockets)
    finally:
        for sock in sockets:
            sock.close()


def test_the_host_bound_is_read_by_the_loopback_checks_one_rule() -> None:
    """check_bind and is_loopback_host read a host by one rule (`bare_host`): a host the check passes is bound as the
    check read it, a half-bracketed `[::1` or a capitalised `LOCALHOST` too (check_bind kept `[::1` as written)."""
    from foedus.web.guard import bare_host

    for host in ("[::1", "::1]", " LOCALHOST", "[::1]", "127.0.0.1 "):
        assert is_loopback_host(host)
        assert check_bind(host, 8765, allow_remote=False) == bare_host(host) == host.strip(" []").lower()


@pytest.mark.parametrize("host", ["::ffff:127.0.0.1", "[::ffff:127.0.0.1]", "::ffff:7f00:1", "127.1", "0x7f.1",
                                  "2130706433"])
def test_a_loopback_address_written_another_way_is_served_on_loopback(host: str) -> None:
    """`--host ::ffff:127.0.0.1` (an IPv4-mapped IPv6 address) and `--host 127.1` (an IPv4 shorthand the socket
    layer reads as 127.0.0.1, which `ipaddress` refuses) were refused as not loopback, though both mean this machine.
    Both are read as the socket layer binds them, and bound as 127.0.0.1 (an IPv6-only socket cannot bind the mapped
    form at all); addresses beyond loopback, written so, are still refused."""
    from foedus.web.server import listen_sockets

    assert is_loopback_host(host) and check_bind(host, 8765, allow_remote=False) == "127.0.0.1"
    sockets = listen_sockets(check_bind(host, 8765, allow_remote=False), 0)  # 0: any free port
    try:
        assert sockets and all(s.getsockname()[0] == "127.0.0.1" for s in sockets)
    finally:
        for sock in sockets:
            sock.close()
    for other in ("::ffff:10.0.0.1", "10.1", "0x0a.1", "0", "::ffff:0.0.0.0"):
        with pytest.raises(FoedusError, match="not a loopback address"):
            check_bind(other, 8765, allow_remote=False)


def test_cli_refuses_a_public_host_before_starting() -> None:
    proc = subprocess.run([sys.executable, "-m", "foedus.cli", "serve", "--host", "0.0.0.0", "--no-browser"],
                          capture_output=True, text=True, timeout=120, env=os.environ.copy())
    assert proc.returncode == 2
    assert "not a loopback address" in proc.stderr and "--allow-remote" in proc.stderr


def _serve(*args: str) -> subprocess.CompletedProcess[str]:
    """`foedus serve ARGS --no-browser`, bounded: a server that did start is killed at the timeout."""
    return subprocess.run([sys.executable, "-m", "foedus.cli", "serve", *args, "--no-browser"],
                          capture_output=True, text=True, timeout=120, env=os.environ.copy())


def test_cli_says_in_one_line_when_it_cannot_listen() -> None:
    with socket.socket() as busy:  # a port this test holds: the server must refuse it before announcing it
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        proc = _serve("--port", str(port))
    assert proc.returncode == 2 and "serving" not in proc.stdout, proc.stdout + proc.stderr
    assert proc.stderr == f"error: cannot listen on 127.0.0.1:{port} (address already in use)\n"
    proc = _serve("--allow-remote", "--host", "nonexistent.invalid", "--port", "8765")
    assert proc.returncode == 2 and "serving" not in proc.stdout, proc.stdout + proc.stderr
    assert proc.stderr.startswith("error: cannot listen on nonexistent.invalid:8765 (") and proc.stderr.count("\n") == 1


def test_cli_cold_start_does_not_import_fastapi() -> None:
    code = "import sys, foedus.cli.app; print('fastapi' in sys.modules, 'uvicorn' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120).stdout
    assert out.split() == ["False", "False"]


def test_front_end_is_served_from_memory_with_gzip(api_client: TestClient) -> None:
    index = api_client.get("/")
    assert index.status_code == 200 and index.headers["content-type"].startswith("text/html")
    assert index.headers["cache-control"] == "no-cache"
    script = re.search(r'src="(/assets/[^"]+\.js)"', index.text)
    assert script is not None
    js = api_client.get(script.group(1), headers={"accept-encoding": "gzip"})
    assert js.status_code == 200 and "immutable" in js.headers["cache-control"]
    assert js.headers["content-type"].startswith("text/javascript")
    raw = api_client.get(script.group(1), headers={"accept-encoding": "identity"})
    assert "content-encoding" not in raw.headers
    assert gzip.decompress(gzip.compress(raw.content)) == raw.content


@pytest.mark.parametrize("path", ["/../pyproject.toml", "/%2e%2e/%2e%2e/pyproject.toml", "/assets/../../app.py",
                                  "/..%2fapp.py", "/etc/passwd", "/app.py", "/static/index.html"])
def test_no_file_system_paths_from_requests(api_client: TestClient, path: str) -> None:
    response = api_client.get(path)
    assert response.status_code == 404
    assert response.json()["ok"] is False


def test_built_bundle_has_no_inline_script_and_no_cdn() -> None:
    static = bundled_static_dir()
    html = (static / "index.html").read_text(encoding="utf-8")
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", html) == []
    assert "style=" not in html and "<style" not in html
    total = 0
    for path in static.rglob("*"):
        if path.is_file():
            total += path.stat().st_size
            if path.suffix in {".js", ".css", ".html"}:
                text = path.read_text(encoding="utf-8")
                urls = set(re.findall(r"https?://[^\s\"'`)]+", text))
                assert urls <= {"http://www.w3.org/2000/svg"}, f"{path.name} refers to {urls}"
    assert total < 400_000, f"the built front end is {total} bytes; keep it small"
