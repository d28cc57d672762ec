"""Core benchmarks: in-process single cascade p50 and CLI cold start to JSON.

Targets (issue 2): single cascade p50 <= 2 ms; CLI cold start to JSON <= 300 ms.
Baselines measured in the same run: the bare interpreter start (`python -c pass`) for the CLI,
and the same cascade with the compiled-leg cache cleared (cold) for the in-process figure.

Run: .venv/bin/python bench/bench_core.py [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

SCENARIOS = [
    {"attacker": "UKR", "target": "RUS", "date": "2025-01-15", "place": "kursk-oblast"},
    {"attacker": "RUS", "target": "EST", "date": "2025-06-01"},
    {"attacker": "CHN", "target": "PHL", "date": "2025-06-01", "place": "second-thomas-shoal",
     "target_kind": "forces"},
    {"attacker": "RUS", "target": "POL", "date": "2025-06-01", "reading": "escalatory"},
]


def _p50(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def bench_inprocess(repeat: int) -> dict[str, float]:
    from foedus.api import cascade
    from foedus.engine.table import _cached_table
    from foedus.model.world import World

    World.default()
    warm, cold = [], []
    for _ in range(repeat):
        for sc in SCENARIOS:
            _cached_table.cache_clear()
            t = time.perf_counter()
            cascade(**sc)  # type: ignore[arg-type]
            cold.append(time.perf_counter() - t)
            t = time.perf_counter()
            cascade(**sc)  # type: ignore[arg-type]
            warm.append(time.perf_counter() - t)
    return {"cascade_p50_ms": _p50(warm), "cascade_p90_ms": statistics.quantiles(warm, n=10)[-1] * 1000,
            "cold_index_p50_ms": _p50(cold), "cold_over_warm": _p50(cold) / _p50(warm)}


def _time_cmd(cmd: list[str], repeat: int) -> float:
    samples = []
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(cmd, check=True, capture_output=True)
        samples.append(time.perf_counter() - t)
    return _p50(samples)


def bench_cli(repeat: int) -> dict[str, float]:
    exe = sys.executable
    # `pip install .` byte-compiles the package; an editable install under PYTHONDONTWRITEBYTECODE=1
    # (as on the development machines) would recompile every module at every start, so compile once
    import foedus

    subprocess.run([exe, "-m", "compileall", "-q", str(Path(foedus.__file__).parent)], check=True)
    cli = [exe, "-m", "foedus.cli", "cascade", "--attacker", "UKR", "--target", "RUS",
           "--place", "kursk-oblast", "--date", "2025-01-15", "--json"]
    subprocess.run(cli, check=True, capture_output=True)  # warm the countrycode cache once
    base = _time_cmd([exe, "-c", "pass"], repeat)
    cold = _time_cmd(cli, repeat)
    return {"python_start_p50_ms": base, "cli_json_p50_ms": cold, "cli_over_python": cold / base}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    out = bench_inprocess(args.repeat) | bench_cli(max(args.repeat // 3, 5))
    out["targets"] = {"cascade_p50_ms": 2.0, "cli_json_p50_ms": 300.0}  # type: ignore[assignment]
    print(json.dumps(out, indent=2))


if __name__ == "__main__":
    main()
