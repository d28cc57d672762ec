"""How long `/api/cascade?...&likelihood=true` takes through the web app's worker pool, as the map asks it.

Starts `foedus serve --port 0` on the free 127.0.0.1 port it says it bound (bench/served.py; its default pool: one
worker per core but one, at most four), waits for /api/health, then for each scenario sends the likelihood request
once ("first": the worker reads the research data the model needs on its first likelihood job) and --repeat more
times, one at a time, and prints one JSON object of wall-clock times (ms) as the client sees them: first, median,
min, max; beside them the same scenario without likelihood (the cheap path, answered on the event loop). Loopback
only; it stops the server by itself. Numbers measured on a shared machine are noisy: quote them with the command.

Run: FOEDUS_DATA_DIR=../shared/data .venv/bin/python bench/bench_web_likelihood.py [--repeat 10]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time

import httpx2

from served import serving

SCENARIOS: dict[str, dict[str, str]] = {
    "1939 DEU-POL": {"attacker": "DEU", "target": "POL", "date": "1939-09-01"},
    "2025 RUS-EST": {"attacker": "RUS", "target": "EST", "date": "2025-06-01"},
}


def _timed(client: httpx2.Client, params: dict[str, str]) -> float:
    start = time.perf_counter()
    response = client.get("/api/cascade", params=params)
    elapsed = (time.perf_counter() - start) * 1000
    if response.status_code != 200:
        raise SystemExit(f"HTTP {response.status_code}: {response.text[:300]}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=10)
    args = parser.parse_args()
    out: dict[str, dict[str, float]] = {}
    with serving() as base, httpx2.Client(base_url=base, timeout=60) as client:
        time.sleep(5)  # let the pool's warm-up (world and treaty history) finish before timing
        for label, scenario in SCENARIOS.items():
            params = {**scenario, "likelihood": "true"}
            first = _timed(client, params)
            times = [_timed(client, params) for _ in range(args.repeat)]
            plain = [_timed(client, scenario) for _ in range(args.repeat)]
            out[label] = {"likelihood first": first, "likelihood median": statistics.median(times),
                          "likelihood min": min(times), "likelihood max": max(times),
                          "plain median": statistics.median(plain)}
    print(json.dumps({k: {m: round(v, 1) for m, v in row.items()} for k, row in out.items()}, indent=1))


if __name__ == "__main__":
    main()
