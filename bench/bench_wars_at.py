"""`GET /api/wars/at` (the map's war picker and Replay, after each shown result) against `GET /api/cascade` of the
same scenario, cold and warm, in one or two source trees alternated.

Each tree gets a cache folder filled once (the world, ATOP, the war spans: a process that started the app and ran
one cascade in no war) with no war's replayed days in it; each round copies it to a fresh FOEDUS_CACHE_DIR and
starts one process per scenario and order, which starts the app (`TestClient`, loopback), waits for its worker
pool's warm-up (whose cascade, UKR->RUS, replays russia_ukraine_2022 in the legal reading into the cache, so that
`--reading escalatory` is what asks for a replay no process made before) and times the first
request of each endpoint in that order ("at" first: `/api/wars/at`'s own cold cost; "cascade" first: the web's
order, the picker asking after the result), then the median of 5 more of each (warm). Wall-clock in ms, and the
process's CPU time (the app's threads; not the worker pool's processes). One BLAS thread; `uptime` printed before
and after, since the shared machine's load moves the times: read the two trees' ratio in the same rounds.

    FOEDUS_DATA_DIR=../shared/data python bench/bench_wars_at.py BASE/src src [--rounds 5] [--only 2,5,6] \
        [--reading escalatory]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

# attackers, targets, date, the scenario's other states (its joiners, as the web sends them)
SCENARIOS = (
    ("DEU", "FRA", "1914-09-01", ""),  # after the bundled July crisis' end (1914-08-04): in no war's span
    ("JPN", "USA", "1942-01-01", ""),  # after europe_1939_1941's end (1941-12-11)
    ("RUS", "UKR", "2025-06-01", ""),  # the pair at war in russia_ukraine_2022
    ("AUH", "SRB", "1914-07-29", ""),  # in july_crisis_1914's span, which names states by name
    ("DEU", "GBR", "1941-06-22", ""),  # in europe_1939_1941's span, which names states by name
    ("USA", "CAN", "2025-06-01", ""),  # in russia_ukraine_2022's span, neither fighting in it
    ("FRA", "EST", "2025-06-01", "DEU,POL"),  # the same, with joiners
)
_CHILD = """import json, statistics, sys, time
from fastapi.testclient import TestClient
from foedus.web.app import create_app
a, t, d, states, order, reading = sys.argv[1:7]
asks = {"at": ("/api/wars/at", {"attackers": a, "targets": t, "date": d, "states": states, "reading": reading}),
        "cascade": ("/api/cascade", {"attacker": a, "target": t, "date": d, "reading": reading})}
def once(c, name):
    path, params = asks[name]
    wall, cpu = time.perf_counter(), time.process_time()
    r = c.get(path, params=params)
    took = (time.perf_counter() - wall) * 1000, (time.process_time() - cpu) * 1000
    assert r.status_code == 200, (r.status_code, r.text[:200])
    return took, r.json() if name == "at" else None
out = {}
with TestClient(create_app(), base_url="http://127.0.0.1") as c:
    for worker in c.app.state.pool._workers:  # the pool's warm-up done (its cascade replays russia_ukraine_2022)
        worker.started()
    names = ["at", "cascade"] if order == "at" else ["cascade", "at"]
    for name in names:
        out["cold " + name], answer = once(c, name)
        if answer is not None:
            out["answer"] = answer
    for name in names:
        runs = [once(c, name)[0] for _ in range(5)]
        out["warm " + name] = [statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)]
print(json.dumps(out))
"""


def _env(tree: str, cache: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(PYTHONPATH=str(Path(tree).resolve()), FOEDUS_CACHE_DIR=cache, OPENBLAS_NUM_THREADS="1")
    return env


def _primed(tree: str, folder: Path) -> str:
    """A cache folder with the world and the war spans built, and no war's days."""
    cache = folder / "primed"
    subprocess.run([sys.executable, "-c", _CHILD, "USA", "CAN", "2024-01-01", "", "cascade", "legal"],
                   env=_env(tree, str(cache)), check=True, capture_output=True)
    for f in cache.glob("war-days-*"):
        f.unlink()
    return str(cache)


def _run(tree: str, primed: str, scenario: tuple[str, str, str, str], order: str, reading: str
         ) -> dict[str, object]:
    with tempfile.TemporaryDirectory(prefix="wars-at-") as tmp:
        cache = shutil.copytree(primed, Path(tmp) / "cache")
        done = subprocess.run([sys.executable, "-c", _CHILD, *scenario, order, reading], env=_env(tree, str(cache)),
                              check=True, capture_output=True, text=True)
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("trees", nargs="+", help="src folders (the base's first)")
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--reading", default="legal", help="legal (the pool's warm-up replays russia_ukraine_2022 "
                        "so, into the cache) or escalatory (no replay made before the request)")
    parser.add_argument("--only", help="the scenarios to run by number in SCENARIOS, from 0, comma-separated")
    args = parser.parse_args()
    chosen = [SCENARIOS[int(i)] for i in args.only.split(",")] if args.only else list(SCENARIOS)
    print("uptime:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip(), flush=True)
    with tempfile.TemporaryDirectory(prefix="wars-at-primed-") as tmp:
        primed = {}
        for i, tree in enumerate(args.trees):
            (Path(tmp) / str(i)).mkdir()
            primed[tree] = _primed(tree, Path(tmp) / str(i))
        rows: dict[tuple[str, tuple[str, ...], str], list[dict[str, object]]] = {}
        for _ in range(args.rounds):
            for scenario in chosen:
                for order in ("at", "cascade"):
                    for tree in args.trees:
                        rows.setdefault((tree, scenario, order), []).append(_run(tree, primed[tree], scenario, order,
                                                                                     args.reading))
    for scenario in chosen:
        print(" ".join(scenario).strip())
        for order in ("at", "cascade"):
            for tree in args.trees:
                runs = rows[(tree, scenario, order)]
                answers = {json.dumps(r["answer"]) for r in runs}
                said = {key: [round(statistics.median(float(r[key][i]) for r in runs), 1) for i in (0, 1)]  # type: ignore[index]
                        for key in runs[0] if key != "answer"}
                print(f"  {order:>7} first  {tree}: " + ", ".join(f"{k} {w} ms (cpu {c})" for k, (w, c) in said.items())
                      + f"; answer {' | '.join(answers)}", flush=True)
    print("uptime:", subprocess.run(["uptime"], capture_output=True, text=True).stdout.strip())


if __name__ == "__main__":
    main()
