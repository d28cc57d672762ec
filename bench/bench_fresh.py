"""Command lines as a user runs them, one process each, in two source trees alternated: fresh (the console
script's `main` in a new process, output to /dev/null; the median of the rounds, of its wall-clock and of its CPU
time) and warm (one process per tree and round: the line once through `foedus.cli.start.run_line` to warm up, then
the median of 5 more, wall-clock and CPU time). Each tree gets its own cache folder, filled (with the trees'
bytecode) by two runs first; PYTHONDONTWRITEBYTECODE is dropped, as a user's install writes bytecode; one BLAS
thread. `uptime` is printed before and after: the shared machine's load moves the times, so read the ratio of the
two trees measured in the same rounds (the CPU time moves less with the load than the wall-clock).

    FOEDUS_DATA_DIR=../shared/data python bench/bench_fresh.py BASE/src src [--rounds 15] [--no-warm]
    FOEDUS_DATA_DIR=../shared/data python bench/bench_fresh.py BASE/src src --line "cascade -a RUS -t EST -d 2025-06-01"
"""

from __future__ import annotations

import argparse
import os
import resource
import shlex
import statistics
import subprocess
import sys
import tempfile
import time

LINES = ("cascade -a RUS -t EST -d 2025-06-01", "cascade -a UKR -t RUS -d 2024-12-05 --likelihood")
_FRESH = "import sys\nfrom foedus.cli.start import main\nsys.argv = ['foedus', *sys.argv[1:]]\nmain()\n"
_WARM = """import contextlib, io, statistics, sys, time
from foedus.cli.start import run_line
def once():
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        wall, cpu = time.perf_counter(), time.process_time()
        code = run_line(sys.argv[1:])
        took = time.perf_counter() - wall, time.process_time() - cpu
    assert code == 0, code
    return took
once()
runs = [once() for _ in range(5)]
print(statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs))
"""


def _fresh(env: dict[str, str], line: list[str]) -> tuple[float, float]:
    """The wall-clock time of one fresh process, and its CPU time (user and system): the CPU time moves less with
    the machine's load."""
    before, start = resource.getrusage(resource.RUSAGE_CHILDREN), time.perf_counter()
    subprocess.run([sys.executable, "-c", _FRESH, *line], env=env, check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL)
    wall, after = time.perf_counter() - start, resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def _warm(env: dict[str, str], line: list[str]) -> tuple[float, float]:
    out = subprocess.run([sys.executable, "-c", _WARM, *line], env=env, check=True, capture_output=True, text=True)
    wall, cpu = out.stdout.split()
    return float(wall), float(cpu)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("trees", nargs=2, help="two src folders: the base's first, then the changed tree's")
    parser.add_argument("--rounds", type=int, default=15)
    parser.add_argument("--line", action="append", help=f"a foedus command line (default: {' / '.join(LINES)})")
    parser.add_argument("--no-warm", action="store_true", help="fresh processes only")
    args = parser.parse_args()
    lines = [shlex.split(text) for text in args.line or LINES]
    base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    envs = [{**base, "PYTHONPATH": tree, "FOEDUS_CACHE_DIR": tempfile.mkdtemp(prefix="foedus-fresh-cache-"),
             "OPENBLAS_NUM_THREADS": "1"} for tree in args.trees]
    print("before:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())
    for env in envs:
        for line in lines:
            _fresh(env, line), _fresh(env, line)
    times: dict[tuple[int, str, str], list[float]] = {}
    for _ in range(args.rounds):
        for which, env in enumerate(envs):
            for line in lines:
                wall, cpu = _fresh(env, line)
                times.setdefault((which, " ".join(line), "fresh"), []).append(wall)
                times.setdefault((which, " ".join(line), "fresh CPU"), []).append(cpu)
                if not args.no_warm:
                    wall, cpu = _warm(env, line)
                    times.setdefault((which, " ".join(line), "warm"), []).append(wall)
                    times.setdefault((which, " ".join(line), "warm CPU"), []).append(cpu)
    print("after: ", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())
    for (which, line, kind), runs in sorted(times.items(), key=lambda item: (item[0][1], item[0][2], item[0][0])):
        ratio = ""
        if which == 1:
            ratio = f"  new/base {statistics.median(runs) / statistics.median(times[0, line, kind]):.3f}"
        print(f"{('base', 'new')[which]:4}  {kind:9}  {line:52}  median {statistics.median(runs) * 1000:7.1f} ms  "
              f"(min {min(runs) * 1000:.0f}, max {max(runs) * 1000:.0f}, n={len(runs)}){ratio}")


if __name__ == "__main__":
    main()
