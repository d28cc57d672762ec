"""Bounded load test of the web API on loopback: N concurrent clients against /api/cascade for T seconds.

Starts `foedus serve --port 0` in a subprocess, on the free 127.0.0.1 port it says it bound (bench/served.py), or
uses --url, which must be loopback; runs `--clients` client threads, each on its own keep-alive connection (the
standard library's http.client, light enough that the client does not starve the server of the machine's two cores),
that request random scenarios from a fixed list back to back for `--seconds`, then stops by itself and prints one
JSON object: requests, errors, throughput and latency percentiles (ms). Traffic never leaves this machine.

Run: .venv/bin/python bench/bench_web.py [--clients 50] [--seconds 30] [--seed 7]
"""

from __future__ import annotations

import argparse
import contextlib
import http.client
import json
import os
import random
import statistics
import sys
import threading
import time
from urllib.parse import urlencode, urlsplit

from served import loopback_url, serving

SCENARIOS: list[dict[str, str]] = [
    {"attacker": "UKR", "target": "RUS", "date": "2025-01-15", "place": "kursk-oblast"},
    {"attacker": "UKR", "target": "RUS", "date": "2024-08-06", "place": "kursk-oblast"},
    {"attacker": "RUS", "target": "EST", "date": "2025-06-01"},
    {"attacker": "RUS", "target": "EST", "date": "2025-06-01", "reading": "escalatory"},
    {"attacker": "CHN", "target": "PHL", "date": "2025-06-01", "place": "second-thomas-shoal", "target_kind": "forces"},
    {"attacker": "CHN", "target": "USA", "date": "2025-06-01", "place": "alaska"},
    {"attacker": "CHN", "target": "USA", "date": "2025-06-01", "place": "hawaii"},
    {"attacker": "RUS", "target": "POL", "date": "2025-06-01", "reading": "escalatory"},
    {"attacker": "UKR", "target": "RUS", "date": "2025-01-15", "place": "kursk-oblast", "requested": "false"},
    {"attacker": "PRK", "target": "KOR", "date": "2025-06-01"},
    {"attacker": "DEU", "target": "FRA", "date": "1914-08-03"},
    {"attacker": "Rusia", "target": "UKR", "date": "2025-01-01"},  # a 422 on purpose: bad input is answered too
]


def _client(base: str, rng: random.Random, stop_at: float, latencies: list[float], errors: list[str]) -> None:
    """One client: a persistent keep-alive connection, requests back to back until `stop_at`."""
    parts = urlsplit(base)
    conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=30)
    try:
        while time.monotonic() < stop_at:
            params = rng.choice(SCENARIOS)
            t = time.perf_counter()
            try:
                conn.request("GET", "/api/cascade?" + urlencode(params))
                response = conn.getresponse()
                response.read()
                latencies.append(time.perf_counter() - t)
                ok = response.status == (422 if params["attacker"] == "Rusia" else 200) or (
                    response.status == 503 and params.get("reading") == "escalatory")  # the worker pool is full
                if not ok:
                    errors.append(f"HTTP {response.status} for {params}")
            except (OSError, http.client.HTTPException) as exc:
                latencies.append(time.perf_counter() - t)
                errors.append(f"{type(exc).__name__} for {params}")
                conn.close()
                conn = http.client.HTTPConnection(parts.hostname or "127.0.0.1", parts.port, timeout=30)
    finally:
        conn.close()


def _run(base: str, clients: int, seconds: float, seed: int) -> dict[str, object]:
    latencies: list[float] = []
    errors: list[str] = []
    started = time.monotonic()
    stop_at = started + seconds
    threads = [threading.Thread(target=_client, args=(base, random.Random(seed * 1000 + i), stop_at, latencies, errors))
               for i in range(clients)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    elapsed = time.monotonic() - started
    ms = sorted(x * 1000 for x in latencies)
    pct = statistics.quantiles(ms, n=100, method="inclusive") if len(ms) > 1 else ms * 99
    return {
        "endpoint": "/api/cascade", "clients": clients, "seconds": round(elapsed, 2), "scenarios": len(SCENARIOS),
        "requests": len(ms), "errors": len(errors), "error_samples": sorted(set(errors))[:5],
        "requests_per_s": round(len(ms) / elapsed, 1),
        "p50_ms": round(pct[49], 2), "p90_ms": round(pct[89], 2), "p99_ms": round(pct[98], 2),
        "max_ms": round(ms[-1], 2) if ms else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=30.0)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--url", help="an already running loopback server (default: start one)")
    args = parser.parse_args()
    if not 1 <= args.clients <= 500 or not 0 < args.seconds <= 600:
        raise SystemExit("keep it bounded: 1-500 clients, at most 600 s")
    if args.url:
        loopback_url(args.url)
    with contextlib.ExitStack() as stack:
        base = args.url.rstrip("/") if args.url else stack.enter_context(serving())
        report = _run(base, args.clients, args.seconds, args.seed)
    report["command"] = " ".join(["bench/bench_web.py", *sys.argv[1:]])
    report["cpus"] = os.cpu_count()
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
