"""Whether two trees give the same cascades: the JSON of `foedus cascade --json` (the result's to_dict, as the CLI
prints it), hashed, for 300 random ordered dyads (seed 23) at 1990-06-01 and 2025-06-01 in both readings (1,200
cascades), each tree's src run in its own process with a cache of its own; exit 1 when any differs.

Run: python bench/profile/equal.py TREE BASE [DYADS]   (FOEDUS_DATA_DIR from the environment; DYADS default 300)"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

CHILD = r'''
import datetime as dt, hashlib, json, random, sys
from foedus.engine.cascade import run_cascade
from foedus.engine.scenario import build_scenario
from foedus.model.world import World
from foedus.sweeps.atlas import dyad_members
world = World.default()
out = {}
for day in ("1990-06-01", "2025-06-01"):
    when = dt.date.fromisoformat(day)
    members = dyad_members(world, when)
    rng = random.Random(23)
    pairs = [tuple(rng.sample(members, 2)) for _ in range(int(sys.argv[1]))]
    for reading in ("legal", "escalatory"):
        hs = []
        for a, b in pairs:
            r = run_cascade(world, build_scenario(world, attacker=a, target=b, date=when, reading=reading))
            text = json.dumps(r.to_dict(), ensure_ascii=False, indent=2)
            hs.append(hashlib.sha256(text.encode()).hexdigest()[:16])
        out[f"{day} {reading}"] = hs
json.dump(out, sys.stdout)
'''


def hashes(tree: str, cache: Path, dyads: int) -> dict[str, list[str]]:
    """The cascades' hashes under `tree`'s src."""
    env = dict(os.environ, PYTHONPATH=str(Path(tree) / "src"), FOEDUS_CACHE_DIR=str(cache))
    proc = subprocess.run([sys.executable, "-c", CHILD, str(dyads)], env=env, capture_output=True, text=True,
                          check=True)
    out: dict[str, list[str]] = json.loads(proc.stdout)
    return out


def main() -> int:
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    tree, base = sys.argv[1], sys.argv[2]
    dyads = int(sys.argv[3]) if len(sys.argv) > 3 else 300
    with tempfile.TemporaryDirectory(prefix="foedus-equal-") as tmp:
        a, b = hashes(tree, Path(tmp) / "tree", dyads), hashes(base, Path(tmp) / "base", dyads)
    bad = 0
    for k in b:
        diff = [i for i, (x, y) in enumerate(zip(a[k], b[k], strict=True)) if x != y]
        bad += len(diff)
        print(k, len(b[k]), "cascades,", len(diff), "differ", diff[:5])
    print("IDENTICAL" if bad == 0 else f"DIFFERENT: {bad}")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
