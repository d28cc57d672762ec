"""How many ordered dyads' atlas outcome (sides, rounds or conflicts) differs between two source trees of foedus.

Each tree's atlas of each date (both readings) is computed in a subprocess with that tree's `src` first on the
path; the dyads whose sides, rounds or conflicts differ are counted per date and reading (a change of engine rule
measured against the rule before it: `git archive HEAD src | tar -x -C /tmp/old`).

Run: FOEDUS_DATA_DIR=../shared/data .venv/bin/python bench/atlas_change.py /tmp/old/src src 2025-06-01 1990-06-01
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

FIELDS = ("sides", "rounds", "conflicts")


def _dump(out: str, dates: list[str]) -> None:
    """This interpreter's foedus: every date's atlas fields, by 'date|reading|field'."""
    import datetime as dt

    from foedus.model.world import World
    from foedus.sweeps.atlas import AtlasOptions, atlas_results

    world, found = World.default(), {}
    for day in dates:
        results = atlas_results(world, dt.date.fromisoformat(day), AtlasOptions(readings=("escalatory", "legal")))
        for reading, result in results.items():
            for name in FIELDS:
                found[f"{day}|{reading}|{name}"] = np.asarray(getattr(result, name))
    np.savez_compressed(out, **found)  # type: ignore[arg-type]


def _atlases(src: str, dates: list[str], folder: str) -> dict[str, np.ndarray]:
    out = str(Path(folder) / f"{len(os.listdir(folder))}.npz")
    env = {**os.environ, "PYTHONPATH": str(Path(src).resolve())}
    subprocess.run([sys.executable, __file__, "--dump", out, *dates], env=env, check=True)
    with np.load(out) as found:
        return {key: found[key] for key in found.files}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dump", help=argparse.SUPPRESS)
    parser.add_argument("trees", nargs="*", help="OLD_SRC NEW_SRC, then ISO dates, e.g. 2025-06-01")
    args = parser.parse_args()
    if args.dump:
        _dump(args.dump, args.trees)
        return
    old_src, new_src, *dates = args.trees
    with tempfile.TemporaryDirectory() as folder:
        old, new = _atlases(old_src, dates, folder), _atlases(new_src, dates, folder)
    for day in dates:
        for reading in ("escalatory", "legal"):
            rows = [(old[k] != new[k]).reshape(len(old[k]), -1).any(axis=1)
                    for k in (f"{day}|{reading}|{name}" for name in FIELDS)]
            changed = np.logical_or.reduce(rows)
            print(f"{day} {reading}: {int(changed.sum()):,} of {len(changed):,} ordered dyads change")


if __name__ == "__main__":
    main()
