"""Throughput of `foedus batch` (scenarios per second) against the ways a user runs many scenarios without it: a loop
of `foedus cascade --format csv` processes, and a loop of `foedus.cascade` in one process. The same scenarios each
way (ordered pairs of states on dates, the legal reading), in rounds that alternate the ways; medians printed.

    OPENBLAS_NUM_THREADS=1 FOEDUS_DATA_DIR=../shared/data PYTHONPATH=src python bench/bench_batch.py [--n 40]
        [--draws 1000] [--no-loop] [--likelihood]

Fresh: each way in new processes (`foedus batch` once for all N; the cascade loop N processes). Warm: in one process
that has run the batch once (`foedus.cli.start.run_line`), the batch again, and `foedus.cascade` for each scenario
with its rows (`finding_rows`: a result's joiners are made when read), no table written. With draws: the same batch,
each row with `draws` (--draws) and a seed, fresh and warm, alternated with the batch without them (the Monte Carlo
columns' cost); --likelihood: each row with `likelihood` in place of draws (the lk_ columns' cost and their rated
rows); --no-loop leaves out the slow loop of cascade processes.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import io
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PAIRS = [("RUS", "EST"), ("RUS", "UKR"), ("CHN", "TWN"), ("PRK", "KOR"), ("IRN", "ISR"), ("USA", "CUB"),
         ("TUR", "GRC"), ("IND", "PAK"), ("RUS", "POL"), ("CHN", "JPN")]
DATES = ["2025-06-01", "2024-12-15", "2019-01-01", "2010-07-01"]


def scenarios(n: int) -> list[tuple[str, str, str]]:
    """`n` scenarios: each pair on each date, in turn."""
    every = [(a, t, d) for d in DATES for a, t in PAIRS]
    return (every * (n // len(every) + 1))[:n]


def _fresh(args: list[str]) -> float:
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "foedus.cli", *args], capture_output=True, text=True, check=False)
    if proc.returncode:
        raise SystemExit(f"foedus {' '.join(args)}: {proc.stderr}")
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=40)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--draws", type=int, default=1000)
    parser.add_argument("--no-loop", action="store_true")
    parser.add_argument("--likelihood", action="store_true")
    args = parser.parse_args()
    rows = scenarios(args.n)
    folder = Path(tempfile.mkdtemp())
    batch_file, drawn_file = folder / "s.csv", folder / "d.csv"
    with batch_file.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["attacker", "target", "date"])
        writer.writerows(rows)
    with drawn_file.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        if args.likelihood:  # the other way: the likelihood's columns, not the draws'
            writer.writerow(["attacker", "target", "date", "likelihood"])
            writer.writerows([(*row, "true") for row in rows])
        else:
            writer.writerow(["attacker", "target", "date", "draws", "seed"])
            writer.writerows([(*row, args.draws, i) for i, row in enumerate(rows)])
    other = "likelihood " if args.likelihood else "draws "  # the second way: the batch with its columns
    ways = ("batch fresh", f"batch {other}fresh", "cascade loop fresh", "batch warm", f"batch {other}warm",
            "api rows loop warm")
    times: dict[str, list[float]] = {way: [] for way in ways if not (args.no_loop and way == "cascade loop fresh")}
    _fresh(["batch", str(batch_file), "--out", str(folder / "warmup.csv")])  # the caches (war days) filled once
    from foedus import cascade
    from foedus.cli.start import run_line
    from foedus.engine.finding_rows import finding_rows

    with contextlib.redirect_stderr(io.StringIO()):
        run_line(["batch", str(batch_file), "--out", str(folder / "w0.csv")])
    for r in range(args.rounds):
        first = (("", batch_file), (other, drawn_file))[::1 if r % 2 == 0 else -1]  # alternate which goes first
        for way, file in first:
            times[f"batch {way}fresh"].append(_fresh(["batch", str(file), "--out", str(folder / f"f{way}{r}.csv")]))
        if not args.no_loop:
            times["cascade loop fresh"].append(sum(_fresh(["cascade", "-a", a, "-t", t, "-d", d, "--format", "csv"])
                                                   for a, t, d in rows))
        for way, file in first:
            started = time.perf_counter()
            with contextlib.redirect_stderr(io.StringIO()):
                run_line(["batch", str(file), "--out", str(folder / f"w{way}{r + 1}.csv")])
            times[f"batch {way}warm"].append(time.perf_counter() - started)
        started = time.perf_counter()
        for a, t, d in rows:
            finding_rows(cascade(a, t, d))
        times["api rows loop warm"].append(time.perf_counter() - started)
    asked = "likelihood" if args.likelihood else f"draws {args.draws}"
    print(f"{args.n} scenarios, {args.rounds} rounds, {asked}, "
          f"OPENBLAS_NUM_THREADS={os.environ.get('OPENBLAS_NUM_THREADS')}")
    for name, seen in times.items():
        median = statistics.median(seen)
        print(f"{name:<20} median {median:7.2f} s  {args.n / median:7.1f} scenarios/s  "
              f"(runs: {', '.join(f'{s:.2f}' for s in seen)})")


if __name__ == "__main__":
    main()
