"""Where a plain `foedus cascade … --json` spends its start: each step timed inside fresh processes.

The console script's route (`foedus.cli.start`) for one plain cascade, step by step, in a child process per
run: the imports (with runtime records, as the console script asks for them), the world cache's key, the
world's parts, the ATOP alliances that can bind on the day, the day's legs, the cascade and its JSON. The
interpreter's own start and exit are not in it (`bench_speed.py --only cli` times the whole process). Each
step's lowest and median over the runs are printed; use the same `FOEDUS_CACHE_DIR` as the runs you compare
with, and run it once first so the caches are warm.

With --classes it times instead the making of the record classes the line makes (`foedus.datarecord`), and
the standard library making the same classes from the same fields and options in the same process, with the
import of `dataclasses` that the start no longer pays.

Run: FOEDUS_DATA_DIR=../shared/data .venv/bin/python bench/bench_cli_phases.py [--runs 10] [--classes]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys

LINE = ["cascade", "-a", "UKR", "-t", "RUS", "-d", "2025-01-15", "--place", "kursk-oblast", "--json"]

CHILD = """
import time
t0 = time.perf_counter()
import gc, json, os, sys
gc.disable()
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
from foedus.cli.fast import prepare
assert prepare(sys.argv[1:], records=True) is not None
gc.freeze(); gc.enable()
from foedus.collector import freeze_loads
freeze_loads()
marks = {"imports": time.perf_counter()}
import datetime as dt
from foedus.world_cache import inputs_key
inputs_key(); marks["world cache key"] = time.perf_counter()
from foedus.model.world import World
world = World.default(); marks["world parts"] = time.perf_counter()
day = dt.date(2025, 1, 15)
list(world.treaties.on(day)); marks["ATOP alliances for the day"] = time.perf_counter()
from foedus.engine.table import leg_table
leg_table(world, day); marks["the day's legs"] = time.perf_counter()
from foedus.run import run_scenario  # as the console's `foedus cascade` runs it (`foedus.api` adds inspect)
result = run_scenario("UKR", "RUS", "2025-01-15", world, None, None, None, {"place": "kursk-oblast"})
marks["cascade"] = time.perf_counter()
text = json.dumps(result.to_dict()); marks["JSON"] = time.perf_counter()
assert not any(m.startswith("pydantic") or m in ("dataclasses", "inspect") for m in sys.modules), "imported"
last, out = t0, {}
for name, t in marks.items():
    out[name], last = (t - last) * 1e3, t
print(json.dumps(out))
"""


# the record classes the line makes (`foedus.datarecord`), timed, then the same classes made again by the standard
# library from the same fields and options, in the same process (the cost `foedus.datarecord` replaced)
CLASSES = """
import gc, time
gc.disable()  # as the console script imports
from foedus import datarecord
made, spent = [], [0.0]
_process = datarecord._process
def timed(cls, params):
    t = time.perf_counter(); out = _process(cls, params); spent[0] += time.perf_counter() - t
    made.append(out); return out
datarecord._process = timed
import contextlib, io, json, os, sys
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
from foedus.cli.fast import prepare
command = prepare(sys.argv[1:], records=True)
with contextlib.redirect_stdout(io.StringIO()):
    assert command() == 0
assert "dataclasses" not in sys.modules, "dataclasses was imported"
compiled = sum(1 for cls in made for name, fn in vars(cls).items() if name != "__init__"  # compiled on first call
               and getattr(getattr(fn, "__wrapped__", fn), "__code__", None) is not None
               and getattr(fn, "__wrapped__", fn).__code__.co_filename == "<string>")
t = time.perf_counter()
import dataclasses
imported = time.perf_counter() - t
t = time.perf_counter()
for cls in made:
    datarecord.standard(cls, slots=cls.__record_params__.slots)
standard = time.perf_counter() - t
print(json.dumps({"classes": len(made), "compiled": compiled, "datarecord": spent[0] * 1e3,
                  "dataclasses": standard * 1e3, "import dataclasses": imported * 1e3}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--classes", action="store_true", help="time making the line's record classes instead, "
                        "by foedus.datarecord and by the standard library")
    args = parser.parse_args()
    rows = []
    for _ in range(args.runs):
        done = subprocess.run([sys.executable, "-c", CLASSES if args.classes else CHILD, *LINE],
                              capture_output=True, text=True, check=True)
        rows.append(json.loads(done.stdout.strip().splitlines()[-1]))
    if args.classes:
        print(f"{rows[0]['classes']} record classes, made in fresh processes ({args.runs} runs); "
              f"{rows[0]['compiled']} of their other methods compiled on first call as the line ran:")
        for name in ("datarecord", "dataclasses", "import dataclasses"):
            values = [r[name] for r in rows]
            print(f"{name:28s} lowest {min(values):6.1f} ms   median {statistics.median(values):6.1f} ms")
        return
    for name in rows[0]:
        values = [r[name] for r in rows]
        print(f"{name:28s} lowest {min(values):6.1f} ms   median {statistics.median(values):6.1f} ms")
    totals = [sum(r.values()) for r in rows]
    print(f"{'all steps':28s} lowest {min(totals):6.1f} ms   median {statistics.median(totals):6.1f} ms "
          f"({args.runs} runs)")


if __name__ == "__main__":
    main()
