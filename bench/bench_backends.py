"""The 1,000-draw escalatory atlas with each matrix backend (numpy; PyTorch, on CUDA where there is a GPU).

Issue 15 asks that the GPU path be measured when a GPU machine is lent. Each run is a whole command in a
fresh process (`python -m foedus atlas --date D --reading escalatory --draws N --seed S --backend B --out F`),
the backends alternating, `--repeat` times each; the figures are medians, with each run's peak memory (the
command's max RSS, read by a small process that forks it) and whether every run's table is equal to the first
run's (same seed: same draws).
A warm in-process pass (`atlas_montecarlo`, the command's engine call, after one untimed call) follows
unless `--no-warm`. It prints the machine (CPU cores, BLAS threads, GPU, torch and numba versions) first.

Run: .venv/bin/python bench/bench_backends.py [--dates 2025-06-01,1990-06-01] [--draws 1000] [--repeat 3]
     [--backends numpy,torch] [--no-warm] [--json F]
     (`--backends numpy@2,numpy@16 --no-warm`: the same backend with 2 and 16 threads for the compiled rounds
     and BLAS, one fresh process each)
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench_out import publish, refuse_taken

_THREAD_VARS = ("NUMBA_NUM_THREADS", "OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")


def machine() -> dict[str, Any]:
    """What the figures were measured on: cores, BLAS threads, GPU, library versions."""
    import numpy as np
    from threadpoolctl import threadpool_info

    info: dict[str, Any] = {"cpu_count": os.cpu_count(), "python": sys.version.split()[0], "numpy": np.__version__,
                            "blas_threads": sorted({p["num_threads"] for p in threadpool_info()
                                                    if p.get("user_api") == "blas"})}
    try:
        import torch

        info["torch"] = torch.__version__
        info["cuda"] = torch.cuda.is_available()
        if info["cuda"]:
            info["gpu"] = torch.cuda.get_device_name(0)
    except ImportError:
        info["torch"] = None
    try:
        import numba

        info["numba"] = numba.__version__
    except ImportError:
        info["numba"] = None
    return info


# Peak memory through a small intermediate process that forks the command: the kernel's max RSS of a process
# started straight from this one would count this process's own peak (the memory it held when it spawned).
_PEAK = ("import os, sys\npid = os.fork()\n"
         "if pid == 0:\n    os.execv(sys.executable, [sys.executable, *sys.argv[1:]])\n"
         "_, status, usage = os.wait4(pid, 0)\nsys.stderr.write(f'\\npeak-kib {usage.ru_maxrss}\\n')\n"
         "sys.exit(os.waitstatus_to_exitcode(status))")


def timed(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, float, str]:
    """Run `python argv...` in a fresh process: (seconds, its peak RSS in MiB, its stderr); exits on a failure."""
    start = time.perf_counter()
    done = subprocess.run([sys.executable, "-c", _PEAK, *argv], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                          env=env, text=True, check=False)
    secs = time.perf_counter() - start
    err, _, peak = done.stderr.rpartition("\npeak-kib ")
    if done.returncode != 0:
        raise SystemExit(f"python {' '.join(argv)} failed: {err.strip()}")
    return secs, int(peak) / 1024, err


def run_command(day: str, draws: int, seed: int, side: str, out: Path) -> tuple[float, float]:
    """One whole `foedus atlas` command in a fresh process: (seconds, peak RSS in MiB). `side` is a backend,
    or `backend@N` to give the compiled rounds and BLAS N threads."""
    backend, _, threads = side.partition("@")
    env = dict(os.environ) | ({v: threads for v in _THREAD_VARS} if threads else {})
    secs, mib, _ = timed(["-m", "foedus", "atlas", "--date", day, "--reading", "escalatory", "--draws", str(draws),
                          "--seed", str(seed), "--backend", backend, "--out", str(out)], env)
    return secs, mib


def same_table(a: Path, b: Path) -> bool:
    """Whether two atlas files hold the same table."""
    import pandas as pd

    return bool(pd.read_parquet(a).equals(pd.read_parquet(b)))


def fresh(day: str, draws: int, seed: int, backends: list[str], repeat: int, folder: Path) -> dict[str, Any]:
    """Alternating fresh-process runs of each backend at one date."""
    secs: dict[str, list[float]] = {b: [] for b in backends}
    peak: dict[str, list[float]] = {b: [] for b in backends}
    equal = True
    first = folder / f"{day}-first.parquet"
    run_command(day, 2, seed, backends[0], folder / f"{day}-warmup.parquet")  # the world's cache, untimed
    for i in range(repeat):
        for backend in backends if i % 2 == 0 else backends[::-1]:
            out = first if not first.exists() else folder / f"{day}-{backend}-{i}.parquet"
            s, mib = run_command(day, draws, seed, backend, out)
            secs[backend].append(s)
            peak[backend].append(mib)
            if out != first:
                equal = equal and same_table(first, out)
                out.unlink()
            print(f"  {day} {backend:6s} run {i + 1}: {s:6.2f} s, peak {mib:6.0f} MiB", flush=True)
    return {"equal_tables": equal,
            **{f"{b}_s": [round(x, 2) for x in secs[b]] for b in backends},
            **{f"{b}_median_s": round(statistics.median(secs[b]), 2) for b in backends},
            **{f"{b}_peak_mib": round(max(peak[b])) for b in backends}}


def warm(day: str, draws: int, seed: int, backends: list[str], repeat: int) -> dict[str, Any]:
    """The engine call alone, in this process, after one untimed call per backend."""
    from foedus.model.world import World
    from foedus.sweeps.atlas_mc import atlas_montecarlo

    if any("@" in b for b in backends):
        raise SystemExit("--backends with @threads: add --no-warm (threads are set per fresh process)")
    world = World.default()
    when = dt.date.fromisoformat(day)
    for backend in backends:
        atlas_montecarlo(world, when, 2, seed, backend=backend, reading="escalatory")
    secs: dict[str, list[float]] = {b: [] for b in backends}
    for i in range(repeat):
        for backend in backends if i % 2 == 0 else backends[::-1]:
            start = time.perf_counter()
            atlas_montecarlo(world, when, draws, seed, backend=backend, reading="escalatory")
            secs[backend].append(time.perf_counter() - start)
            print(f"  {day} {backend:6s} warm {i + 1}: {secs[backend][-1]:6.2f} s", flush=True)
    return {f"{b}_warm_median_s": round(statistics.median(secs[b]), 2) for b in backends}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dates", default="2025-06-01")
    parser.add_argument("--draws", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--backends", default="numpy,torch")
    parser.add_argument("--no-warm", action="store_true")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    refuse_taken(args.json)
    backends = args.backends.split(",")
    out: dict[str, Any] = {"machine": machine(), "draws": args.draws, "seed": args.seed, "repeat": args.repeat}
    print(json.dumps(out["machine"]), flush=True)
    with tempfile.TemporaryDirectory(prefix="foedus-bench-backends-") as tmp:
        for day in args.dates.split(","):
            out[day] = fresh(day, args.draws, args.seed, backends, args.repeat, Path(tmp))
            if not args.no_warm:
                out[day] |= warm(day, args.draws, args.seed, backends, args.repeat)
    text = json.dumps(out, indent=1)
    if args.json:
        publish(args.json, text + "\n")
    print(text)


if __name__ == "__main__":
    main()
