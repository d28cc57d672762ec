"""Bounded mixed-load test of the web API on loopback: cheap and expensive requests at once, plus health probes.

Starts `foedus serve --port 0` in a subprocess, on the free 127.0.0.1 port it says it bound (bench/served.py), or
uses --url, which must be loopback; then runs `--clients` keep-alive clients for `--seconds`: a share `--cheap` of
them send cheap requests (legal cascades among a few states) back to back, the others expensive ones (escalatory
cascades, Monte Carlo draws, what-if worlds, compare). A 503 is the server saying it is busy: that client waits for
its Retry-After (at most 2 s) and goes on. A probe in a process of its own asks /api/health every 100 ms. The
clients are one asyncio loop (light enough not to starve the server of the machine's cores); their latencies include
that loop's own delays. It stops by itself and prints one JSON object: per class, the status counts and latency
percentiles (ms), and whether cheap p99 <= 300 ms and health max <= 100 ms held. Traffic never leaves this machine.

Run: .venv/bin/python bench/bench_web_mixed.py [--clients 50] [--cheap 0.6] [--seconds 30] [--seed 7]
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import http.client
import json
import multiprocessing
import os
import random
import statistics
import sys
import time
from collections import Counter
from typing import Any
from urllib.parse import urlencode

from served import loopback_url, serving

CHEAP: list[dict[str, str]] = [
    {"attacker": "UKR", "target": "RUS", "date": "2025-01-15", "place": "kursk-oblast"},
    {"attacker": "UKR", "target": "RUS", "date": "2024-08-06", "place": "kursk-oblast"},
    {"attacker": "RUS", "target": "EST", "date": "2025-06-01"},
    {"attacker": "CHN", "target": "PHL", "date": "2025-06-01", "place": "second-thomas-shoal", "target_kind": "forces"},
    {"attacker": "PRK", "target": "KOR", "date": "2025-06-01"},
    {"attacker": "DEU", "target": "FRA", "date": "1914-08-03"},
]
EXPENSIVE: list[tuple[str, dict[str, str]]] = [
    ("/api/cascade", {"attacker": "RUS", "target": "POL", "date": "2025-06-01", "reading": "escalatory"}),
    ("/api/cascade", {"attacker": "RUS,CHN", "target": "USA,JPN", "date": "2025-06-01", "reading": "escalatory"}),
    ("/api/cascade", {"attacker": "RUS", "target": "EST", "date": "2025-06-01", "draws": "5000", "seed": "1"}),
    ("/api/cascade", {"attacker": "RUS", "target": "EST", "date": "2025-06-01", "reading": "escalatory",
                      "draws": "2000", "seed": "2"}),
    ("/api/cascade", {"attacker": "RUS", "target": "EST", "date": "2025-06-01", "add_member": "rus_prk_2024:IRN"}),
    ("/api/compare", {"attacker": "UKR", "target": "RUS", "date": "2024-08-06", "place": "kursk-oblast",
                      "other_date": "2025-01-15"}),
]


async def _request(reader: asyncio.StreamReader, writer: asyncio.StreamWriter, host: str, target: str,
                   ) -> tuple[int, dict[str, str]]:
    """One keep-alive GET; the status and the headers (the body is read and dropped)."""
    writer.write(f"GET {target} HTTP/1.1\r\nHost: {host}\r\nAccept: application/json\r\n\r\n".encode())
    await writer.drain()
    status_line = await reader.readline()
    if not status_line:
        raise ConnectionError("closed")
    status = int(status_line.split()[1])
    headers: dict[str, str] = {}
    while (line := await reader.readline()) not in (b"\r\n", b""):
        key, _, value = line.decode("latin-1").partition(":")
        headers[key.strip().lower()] = value.strip()
    await reader.readexactly(int(headers.get("content-length", "0")))
    return status, headers


def _host_header(host: str, port: int) -> str:
    """The Host header naming `host:port` (an IPv6 address in brackets, as a URL writes it)."""
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


async def _client(kind: str, host: str, port: int, rng: random.Random, stop_at: float,
                  results: dict[str, list[tuple[int, float]]]) -> None:
    reader, writer = await asyncio.open_connection(host, port)
    try:
        while time.monotonic() < stop_at:
            if kind == "cheap":
                target = "/api/cascade?" + urlencode(rng.choice(CHEAP))
            else:
                path, params = rng.choice(EXPENSIVE)
                target = f"{path}?{urlencode(params)}"
            t = time.perf_counter()
            try:
                status, headers = await _request(reader, writer, _host_header(host, port), target)
            except (OSError, asyncio.IncompleteReadError, ValueError):
                results[kind].append((0, time.perf_counter() - t))
                writer.close()
                reader, writer = await asyncio.open_connection(host, port)
                continue
            results[kind].append((status, time.perf_counter() - t))
            if status == 503:  # busy: come back when the server says so
                await asyncio.sleep(min(2.0, float(headers.get("retry-after", "1"))))
    finally:
        writer.close()


def _probe(host: str, port: int, seconds: float, out: Any) -> None:
    """Ask /api/health every 100 ms from a process of its own (so that the clients' loop does not delay it)."""
    conn = http.client.HTTPConnection(host, port, timeout=30)
    samples = []
    stop_at = time.monotonic() + seconds
    while time.monotonic() < stop_at:
        t = time.perf_counter()
        conn.request("GET", "/api/health")
        response = conn.getresponse()
        response.read()
        samples.append((response.status, time.perf_counter() - t))
        time.sleep(0.1)
    conn.close()
    out.put(samples)


def _summary(samples: list[tuple[int, float]]) -> dict[str, object]:
    ms = sorted(s * 1000 for status, s in samples if status not in (0, 503))
    pct = statistics.quantiles(ms, n=100, method="inclusive") if len(ms) > 1 else ms * 99
    return {"requests": len(samples), "status": dict(Counter(str(status) for status, _ in samples)),
            "answered": len(ms), "p50_ms": round(pct[49], 1) if ms else None,
            "p90_ms": round(pct[89], 1) if ms else None, "p99_ms": round(pct[98], 1) if ms else None,
            "max_ms": round(ms[-1], 1) if ms else None}


async def _run(host: str, port: int, clients: int, cheap_share: float, seconds: float, seed: int) -> dict[str, object]:
    results: dict[str, list[tuple[int, float]]] = {"cheap": [], "expensive": [], "health": []}
    n_cheap = round(clients * cheap_share)
    stop_at = time.monotonic() + seconds
    tasks = [_client("cheap" if i < n_cheap else "expensive", host, port, random.Random(seed * 1000 + i), stop_at,
                     results) for i in range(clients)]
    samples: multiprocessing.Queue[list[tuple[int, float]]] = multiprocessing.Queue()
    probe = multiprocessing.Process(target=_probe, args=(host, port, seconds, samples), daemon=True)
    probe.start()
    await asyncio.gather(*tasks)
    results["health"] = samples.get(timeout=60)
    probe.join(timeout=10)
    report: dict[str, object] = {k: _summary(v) for k, v in results.items()}
    cheap, health = report["cheap"], report["health"]
    assert isinstance(cheap, dict) and isinstance(health, dict)
    report["targets"] = {"cheap_p99_le_300ms": cheap["p99_ms"] is not None and cheap["p99_ms"] <= 300,
                         "health_max_le_100ms": health["max_ms"] is not None and health["max_ms"] <= 100}
    report["clients"] = {"cheap": n_cheap, "expensive": clients - n_cheap}
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--cheap", type=float, default=0.6, help="share of clients sending cheap requests")
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--url", help="an already running loopback server (default: start one)")
    args = parser.parse_args()
    if not 1 <= args.clients <= 500 or not 0 < args.seconds <= 600 or not 0 <= args.cheap <= 1:
        raise SystemExit("keep it bounded: 1-500 clients, at most 600 s, a cheap share between 0 and 1")
    if args.url and loopback_url(args.url)[1] is None:
        raise SystemExit(f"--url must name its port (got {args.url!r}), e.g. http://127.0.0.1:8000")
    with contextlib.ExitStack() as stack:
        url = args.url
        if not url:
            url = stack.enter_context(serving())
            time.sleep(3)  # let the worker processes finish starting
        host, port = loopback_url(url)
        assert port is not None  # --url's is checked above; the server announces one
        report = asyncio.run(_run(host, port, args.clients, args.cheap, args.seconds, args.seed))
    report["command"] = " ".join(["bench/bench_web_mixed.py", *sys.argv[1:]])
    report["cpus"] = os.cpu_count()
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
