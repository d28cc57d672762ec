"""Issue 15 benchmarks: every speed target, this tree against a baseline tree, side by side in the same run.

Each measurement runs in a fresh process per side (PYTHONPATH=<tree>/src; a cache folder per tree, the same
in every run, so that neither prunes the other's caches; both trees byte-compiled first, as an install is),
the two sides alternating (which goes first alternates too), repeated; medians and the new/baseline ratio
are reported, with the BLAS threads each side ran with. Warm figures are
taken inside a process after a warm-up (world loaded, leg table compiled); fresh-process figures include the
interpreter's start and end (the disk caches warm). The machine these numbers come from is a shared, noisy
2-core box: read the ratios, not the absolute times.

Make a baseline tree with: git archive <commit> src | tar -x -C /tmp/foedus-base
Run: .venv/bin/python bench/bench_speed.py --baseline /tmp/foedus-base [--only NAME ...] [--repeat 3]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench_out import publish, refuse_taken

HERE = Path(__file__).resolve()
ROOT = HERE.parents[1]
DATA = Path(os.environ.get("FOEDUS_DATA_DIR", str(ROOT.parent / "shared" / "data")))
CLI_CASCADE = ["cascade", "-a", "UKR", "-t", "RUS", "-d", "2025-01-15", "--place", "kursk-oblast", "--json"]


# --- children: one measurement in this process, printed as JSON -----------------------------------------------


def _blas() -> dict[str, Any]:
    """The BLAS threads the engines ran with (1 unless $FOEDUS_BLAS_THREADS says otherwise; a tree without
    `foedus.engine.fast.threads` runs with the process's), and the process's own BLAS setting."""
    from threadpoolctl import threadpool_info

    try:
        from foedus.engine.fast.threads import blas_threads
        engine: int | str | None = blas_threads() or "BLAS default"
    except ImportError:
        engine = "process default"
    return {"engine": engine, "process": [{"library": i.get("internal_api"), "threads": i.get("num_threads")}
                                          for i in threadpool_info() if i.get("user_api") == "blas"]}


def _quantiles(samples: list[float]) -> dict[str, float]:
    s = sorted(samples)

    def q(p: float) -> float:
        return round(s[min(len(s) - 1, int(p * len(s)))] * 1000, 2)

    return {"n": len(s), "p50_ms": q(0.5), "p90_ms": q(0.9), "p99_ms": q(0.99), "max_ms": round(s[-1] * 1000, 2),
            "mean_ms": round(statistics.mean(s) * 1000, 2)}


def child_cascades(day: str, n: int, seed: int, read: int = 0) -> dict[str, Any]:
    """Reference engine, escalatory, `n` random ordered dyads at `day` (warm: table compiled first): the first
    pass's quantiles, and (`repeat_*`) those of each dyad's best of two more passes, which find the leg verdicts
    the first pass cached: the warm cost, with less of the shared machine's noise and of the collector's pauses.
    With `read` (1), each timing is the cascade then its joiners read (`len(result.joiners)`): where the joiners are
    cited when first read (session 53 on), what a reader of them (the CLI, the web page, `to_dict`) pays; without,
    the cascade alone, as before."""
    import datetime as dt

    from foedus.engine.cascade import run_cascade
    from foedus.engine.scenario import build_scenario
    from foedus.engine.table import leg_table
    from foedus.model.world import World
    from foedus.sweeps.atlas import dyad_members

    world, when = World.default(), dt.date.fromisoformat(day)
    members = dyad_members(world, when)
    rng = random.Random(seed)
    pairs = [tuple(rng.sample(members, 2)) for _ in range(n)]
    assert leg_table(world, when).by_beneficiary  # warm: every leg of the date compiled
    scenarios = [build_scenario(world, attacker=a, target=b, date=when, reading="escalatory") for a, b in pairs]
    passes: list[list[float]] = []
    for _ in range(3):  # the first pass is the figure; the repeats find the verdicts it cached
        samples = []
        for scenario in scenarios:
            if read:
                t = time.perf_counter()
                len(run_cascade(world, scenario).joiners)
                samples.append(time.perf_counter() - t)
                continue
            t = time.perf_counter()
            run_cascade(world, scenario)
            samples.append(time.perf_counter() - t)
        passes.append(samples)
    best = _quantiles([min(times) for times in zip(*passes[1:], strict=True)])
    return _quantiles(passes[0]) | {f"repeat_{k}": v for k, v in best.items() if k.endswith("_ms")}


def child_first_cascade() -> dict[str, Any]:
    """The flagship dyad escalated, in a fresh process with the world loaded from the disk cache: the first
    cascade (which compiles the date's legs and fills every per-table cache) and the same cascade again."""
    import datetime as dt

    from foedus.engine.cascade import run_cascade
    from foedus.engine.scenario import build_scenario
    from foedus.model.world import World

    world = World.default()
    out = {}
    for name in ("first_ms", "again_ms"):
        t = time.perf_counter()
        run_cascade(world, build_scenario(world, attacker="UKR", target="RUS", date=dt.date(2025, 1, 15),
                                          place="kursk-oblast", reading="escalatory"))
        out[name] = round((time.perf_counter() - t) * 1000, 2)
    return out


def child_atlas(day: str, reps: int) -> dict[str, Any]:
    """Every ordered dyad at `day`, escalatory, batched engine (warm: rules compiled once before)."""
    import datetime as dt

    from foedus.model.world import World
    from foedus.sweeps.atlas import AtlasOptions, atlas_results

    world, when = World.default(), dt.date.fromisoformat(day)
    opts = AtlasOptions(readings=("escalatory",))
    atlas_results(world, when, opts)
    samples = []
    for _ in range(reps):
        t = time.perf_counter()
        atlas_results(world, when, opts)
        samples.append(time.perf_counter() - t)
    return {"median_s": round(statistics.median(samples), 3), "blas": _blas()}


def child_atlas_mc(day: str, draws: int) -> dict[str, Any]:
    """Escalatory Monte Carlo over every ordered dyad: seconds per draw (warm), extrapolated to 1,000 draws."""
    import datetime as dt

    from foedus.model.world import World
    from foedus.sweeps.atlas_mc import atlas_montecarlo

    world, when = World.default(), dt.date.fromisoformat(day)
    atlas_montecarlo(world, when, 1, 1, reading="escalatory")
    t = time.perf_counter()
    atlas_montecarlo(world, when, draws, 7, reading="escalatory")
    per = (time.perf_counter() - t) / draws
    return {"per_draw_s": round(per, 3), "thousand_draws_s": round(per * 1000, 1), "blas": _blas()}


def child_mc(attacker: str, target: str, day: str, draws: int) -> dict[str, Any]:
    """One scenario's escalatory Monte Carlo (warm: world loaded, a small run first)."""
    import foedus

    foedus.cascade(attacker, target, day, reading="escalatory", draws=10, seed=1)
    t = time.perf_counter()
    foedus.cascade(attacker, target, day, reading="escalatory", draws=draws, seed=1)
    return {"seconds": round(time.perf_counter() - t, 3)}


def child_dyad_flags() -> dict[str, Any]:
    """`build_dyads` 1816-2018 without covariates, fresh process (imports and the load included): from the state
    registry alone, as `foedus dyads --no-covariates` loads it, where the tree can (`cached_states`)."""
    t = time.perf_counter()
    from foedus.research import dyads

    if hasattr(dyads, "dyad_columns"):  # the trees that take the state registry alone
        from foedus.world_cache import cached_states

        source: Any = cached_states()
    else:
        from foedus.model.world import World

        source = World.default()
    rows = len(dyads.build_dyads(source, dyads.DyadOptions(1816, 2018, covariates=False)))
    return {"seconds": round(time.perf_counter() - t, 3), "rows": rows}


def child_pandas_flags() -> dict[str, Any]:
    """A plain pandas pipeline (peacesciencer's way: state-years, a per-year self-merge, a left join of ATOP's
    directed dyad-year flags), fresh process."""
    t = time.perf_counter()
    import pandas as pd

    states = pd.read_csv(DATA / "cow_states" / "states2016.csv")
    rows = [(r.ccode, y) for r in states.itertuples() for y in range(r.styear, r.endyear + 1)]
    sy = pd.DataFrame(rows, columns=["ccode", "year"]).drop_duplicates()
    sy = sy[(sy.year >= 1816) & (sy.year <= 2018)]
    dy = sy.merge(sy, on="year", suffixes=("1", "2"))
    dy = dy[dy.ccode1 != dy.ccode2]
    atop = pd.read_csv(DATA / "atop" / "atop_alliance.csv")
    out = dy.merge(atop, on=["ccode1", "ccode2", "year"], how="left")
    return {"seconds": round(time.perf_counter() - t, 3), "rows": len(out)}


TYPER_FLOOR = """
import inspect, sys, typer
def cascade(**options): sys.stdout.write("{}\\n")
cascade.__signature__ = inspect.Signature([inspect.Parameter(f"o{i}", inspect.Parameter.KEYWORD_ONLY, default="",
                                           annotation=str) for i in range(int(sys.argv[1]))])
app = typer.Typer(add_completion=False)
app.callback()(lambda: None)
app.command()(cascade)
app(["cascade"], standalone_mode=False)
"""


API_CASCADE = """import json, os, sys
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
from foedus.api import cascade
r = cascade("UKR", "RUS", "2025-01-15", place="kursk-oblast")
sys.stdout.write(json.dumps(r.to_dict()) + "\\n")
"""
TYPER_ROUTE = f"""import os
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
from foedus.cli.app import main
gc.freeze(); gc.enable()
main({CLI_CASCADE!r})
"""
# fresh processes: what each layer under `foedus cascade` costs by itself (`python -c CODE`), with the collector
# off throughout (the console script, `foedus.cli.start`, turns it off while it imports), and the same line read by
# typer instead of the fast reader (`foedus.cli.fast`), as the console script read every line before
LAYERS = {title: "import gc; gc.disable()\n" + code for title, code in {
    "import pydantic": "import pydantic", "import typer": "import typer",
    "import the engine and the data model's runtime (foedus.engine.cascade; no pydantic)":
        "import foedus.engine.cascade",
    "import the validating schema (foedus.model.treaty and .places; pydantic comes with it)":
        "import foedus.model.treaty, foedus.model.places",
    "the same scenario through the Python API, its JSON to stdout (no typer)": API_CASCADE,
    "the same command line read by typer (foedus.cli.app.main), not the fast reader": TYPER_ROUTE}.items()}


def child_cascade_options() -> dict[str, Any]:
    """How many options `foedus cascade` has (for the bare typer app of the same size)."""
    from typer.main import get_command

    from foedus.cli.app import app

    return {"options": len(get_command(app).commands["cascade"].params)}  # type: ignore[attr-defined]


CHILDREN = {"cascades": child_cascades, "first_cascade": child_first_cascade, "atlas": child_atlas,
            "atlas_mc": child_atlas_mc, "mc": child_mc,
            "dyad_flags": child_dyad_flags, "pandas_flags": child_pandas_flags,
            "cascade_options": child_cascade_options}


# --- the parent: alternate the trees, repeat, take medians -----------------------------------------------------


def _env(tree: Path) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str((ROOT if tree == PANDAS else tree) / "src"), FOEDUS_DATA_DIR=str(DATA))
    name = hashlib.sha256(str(tree).encode()).hexdigest()[:12]  # the same folder in every run (`hash` is salted)
    # each tree its own cache, found as a user's start finds it: under XDG_CACHE_HOME, not FOEDUS_CACHE_DIR
    # (which would skip looking up the per-user folder, and the platformdirs import that may take)
    env.pop("FOEDUS_CACHE_DIR", None)
    env["XDG_CACHE_HOME"] = str(Path(tempfile.gettempdir()) / f"foedus-bench-{name}")
    return env


def _child(tree: Path, name: str, *args: object) -> dict[str, Any]:
    out = subprocess.run([sys.executable, str(HERE), "--child", name, *map(str, args)], env=_env(tree),
                         capture_output=True, text=True, check=True, timeout=3600)
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def _command(tree: Path, argv: list[str], raw: bool = False) -> tuple[float, int]:
    """A fresh `python -m foedus.cli ...` (`python -c pass` for [], `python ARGV` if `raw`): seconds, peak MiB.

    The seconds are the wall time around the whole run, to the microsecond (`/usr/bin/time`'s own count has
    10 ms steps, too coarse for a start-up); `/usr/bin/time` gives the peak memory."""
    code = argv if raw else ["-m", "foedus.cli", *argv] if argv else ["-c", "pass"]
    with tempfile.TemporaryDirectory() as tmp:
        cmd = ["/usr/bin/time", "-f", "%M", sys.executable, *code]
        start = time.perf_counter()
        out = subprocess.run([c.replace("OUT", tmp) for c in cmd], env=_env(tree), capture_output=True, text=True,
                             timeout=3600)
        seconds = time.perf_counter() - start
    kb = out.stderr.strip().splitlines()[-1]
    return seconds, int(kb) // 1024


def _speed_probe() -> float:
    """The machine's speed now, to compare runs on different days: the best of five `sum(range(10**7))` in this
    process, seconds (the shared machine has run the same code up to twice as slow from one day to the next)."""
    best = float("inf")
    for _ in range(5):
        t = time.perf_counter()
        sum(range(10**7))
        best = min(best, time.perf_counter() - t)
    return round(best, 3)


def _alternate(trees: dict[str, Path], repeat: int, run: Any) -> dict[str, list[Any]]:
    """Run `run(tree)` for each tree, `repeat` times, the order alternating."""
    names = list(trees)
    got: dict[str, list[Any]] = {n: [] for n in names}
    for k in range(repeat):
        for name in (names if k % 2 == 0 else names[::-1]):
            got[name].append(run(trees[name]))
    return got


def _report(title: str, got: dict[str, list[Any]], key: str | None = None) -> dict[str, Any]:
    def value(x: Any) -> float:
        return float(x[key]) if key is not None else float(x)

    medians = {name: statistics.median(value(x) for x in xs) for name, xs in got.items()}
    out: dict[str, Any] = {"what": title, "medians": medians, "runs": got}
    for other in ("baseline", "pandas"):
        if other in medians and medians.get("new"):
            out[f"{other}_over_new"] = round(medians[other] / medians["new"], 2)
    print(json.dumps({k: v for k, v in out.items() if k != "runs"}), flush=True)
    return out


def suite_cascades(trees: dict[str, Path], args: argparse.Namespace) -> list[dict[str, Any]]:
    """Each date's cascades timed alone ("single escalatory cascade DAY": `run_cascade`, the result unread, the
    figure of every session before 53), then, unless --no-joiners-read, the same dyads with each result's joiners
    read (", then its joiners read": `len(result.joiners)` timed with the cascade, in a process of its own)."""
    out = []
    reads = (0,) if args.no_joiners_read else (0, 1)
    for day in ("1990-06-01", "2025-06-01"):
        for read in reads:
            what = f"single escalatory cascade {day}" + (", then its joiners read (len(result.joiners))" if read
                                                         else "")
            if "baseline" in trees and args.baseline_dyads == args.dyads:  # the same dyads: alternate, a ratio
                got = _alternate(trees, args.repeat,
                                 lambda t, d=day, r=read: _child(t, "cascades", d, args.dyads, 15, r))
                out.append(_report(f"{what}, {args.dyads} random dyads (both trees, the same dyads, alternating)",
                                   got, "p50_ms"))
                continue
            for name, tree in trees.items():
                n = args.dyads if name == "new" else args.baseline_dyads
                got = {name: [_child(tree, "cascades", day, n, 15, read)]}
                out.append(_report(f"{what}, {n} random dyads ({name})", got, "p50_ms"))
    first = _alternate(trees, 2 * args.repeat, lambda t: _child(t, "first_cascade"))
    title = "the flagship dyad escalated at 2025-01-15, fresh process (world from the disk cache)"
    out += [_report(f"{title}: first cascade, ms", first, "first_ms"),
            _report(f"{title}: the same again, ms", first, "again_ms")]
    return out


def suite_atlas(trees: dict[str, Path], args: argparse.Namespace) -> list[dict[str, Any]]:
    return [_report(f"escalatory atlas {day}, every ordered dyad (warm, median of 3)",
                    _alternate(trees, args.repeat, lambda t, day=day: _child(t, "atlas", day, 3)), "median_s")
            for day in ("1990-06-01", "2025-06-01")]


def suite_atlas_mc(trees: dict[str, Path], args: argparse.Namespace) -> list[dict[str, Any]]:
    return [_report(f"escalatory atlas Monte Carlo {day}: 1,000 draws, extrapolated from {args.draws}",
                    _alternate(trees, 1, lambda t, day=day: _child(t, "atlas_mc", day, args.draws)),
                    "thousand_draws_s") for day in ("1990-06-01", "2025-06-01")]


def suite_mc(trees: dict[str, Path], args: argparse.Namespace) -> list[dict[str, Any]]:
    return [_report(f"{a}->{b} 2025-06-01 escalatory, 3,000 draws (warm)",
                    _alternate(trees, args.repeat, lambda t, a=a, b=b: _child(t, "mc", a, b, "2025-06-01", 3000)),
                    "seconds") for a, b in (("RUS", "EST"), ("TUR", "GRC"))]


def suite_cli(trees: dict[str, Path], args: argparse.Namespace) -> list[dict[str, Any]]:
    got = _alternate(trees, 5 * args.repeat, lambda t: _command(t, CLI_CASCADE)[0])
    floor = _alternate({"new": ROOT}, 5 * args.repeat, lambda t: _command(t, [])[0])
    options = _child(ROOT, "cascade_options")["options"]
    bare = _alternate({"new": ROOT}, 5 * args.repeat,
                      lambda t: _command(t, ["-c", TYPER_FLOOR, str(options)], raw=True)[0])
    layers = [_report(title, _alternate({"new": ROOT}, 5 * args.repeat,
                                        lambda t, code=code: _command(t, ["-c", code], raw=True)[0]))
              for title, code in LAYERS.items()]
    return [_report("CLI cold start to JSON: foedus " + " ".join(CLI_CASCADE), got),
            _report("python -c pass", floor),
            _report(f"a bare typer app with {options} options, the size of `foedus cascade` (nothing else)", bare),
            *layers]


def _commands(trees: dict[str, Path], args: argparse.Namespace, argv: list[str], title: str) -> list[dict[str, Any]]:
    got = _alternate(trees, args.repeat, lambda t: _command(t, argv))
    return [_report(f"{title} (fresh process): seconds", {k: [x[0] for x in v] for k, v in got.items()}),
            _report(f"{title}: peak MiB", {k: [x[1] for x in v] for k, v in got.items()})]


def suite_dyads(trees: dict[str, Path], args: argparse.Namespace) -> list[dict[str, Any]]:
    out = _commands(trees, args, ["dyads", "--from", "1816", "--to", "2018", "--out", "OUT/d.parquet"],
                    "foedus dyads 1816-2018")
    out += _commands(trees, args, ["dyads", "--from", "1816", "--to", "2018", "--no-covariates", "--out",
                                   "OUT/d.parquet"], "foedus dyads 1816-2018 --no-covariates")
    got = _alternate(trees | {"pandas": PANDAS}, args.repeat,
                     lambda t: _child(t, "dyad_flags" if t != PANDAS else "pandas_flags"))
    return [*out, _report("dyad-year ATOP flags 1816-2018 in a fresh process, no output file", got, "seconds")]


def suite_similarity(trees: dict[str, Path], args: argparse.Namespace) -> list[dict[str, Any]]:
    return _commands(trees, args, ["similarity", "--from", "1816", "--to", "2018", "--out", "OUT/s.parquet"],
                     "foedus similarity 1816-2018")


PANDAS = ROOT / "bench"  # a marker tree: the pandas pipeline (it runs with this tree on the path)
SUITES = {"cascades": suite_cascades, "atlas": suite_atlas, "atlas_mc": suite_atlas_mc, "mc": suite_mc,
          "cli": suite_cli, "dyads": suite_dyads, "similarity": suite_similarity}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--baseline", type=Path, help="a tree of the code to compare with (its src/)")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--dyads", type=int, default=1000, help="random dyads per date for this tree")
    parser.add_argument("--baseline-dyads", type=int, default=100,
                        help="for the (slow) baseline; as many as --dyads: the same dyads, both trees alternating")
    parser.add_argument("--draws", type=int, default=50,
                        help="atlas Monte Carlo draws timed per run (few draws overstate: each call has fixed work)")
    parser.add_argument("--only", nargs="*", choices=list(SUITES), help="some of the measurements")
    parser.add_argument("--no-joiners-read", action="store_true",
                        help="cascades: time the cascade alone, not also the cascade then its joiners read")
    parser.add_argument("--out", type=Path, help="write every run as JSON here")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        name, *rest = args.child
        params = [int(x) if x.lstrip("-").isdigit() else x for x in rest]
        print(json.dumps(CHILDREN[name](*params)))
        return
    refuse_taken(args.out)
    args.repeat = max(1, args.repeat)
    trees = {"new": ROOT} | ({"baseline": args.baseline.resolve()} if args.baseline else {})
    for tree in trees.values():  # bytecode as an installed package has it, even where PYTHONDONTWRITEBYTECODE is set
        subprocess.run([sys.executable, "-m", "compileall", "-q", str(tree / "src")], check=True,
                       stdout=subprocess.DEVNULL)
    report: list[dict[str, Any]] = [{"machine": f"{os.cpu_count()} CPUs, load {os.getloadavg()}",
                                     "speed_probe_s": _speed_probe(),
                                     "FOEDUS_BLAS_THREADS": os.environ.get("FOEDUS_BLAS_THREADS"),
                                     "bytecode": "compiled before timing (compileall)"}]
    print(json.dumps(report[0]), flush=True)
    for name in args.only or list(SUITES):
        report += SUITES[name](trees, args)
    if args.out:
        publish(args.out, json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
