"""The cycle collector at a plain cascade's start (issue 15): the bundled world's load and the console script's
plain flagship line set off no collection. Each collection there scanned only long-lived objects and freed
nothing, and how many ran moved with a few objects more or less ([2, 0, 0] by generation, or [3, 1, 0])."""

from __future__ import annotations

import json
import os
import subprocess
import sys

FLAGSHIP = ["cascade", "-a", "UKR", "-t", "RUS", "-d", "2025-01-15", "--place", "kursk-oblast", "--json"]
TEXT_LINE = ["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01"]  # the README's text flagship

COUNT = ("import atexit, gc, json, sys\ncounts = [0, 0, 0]\n"
         "def count(phase, info):\n    if phase == 'start':\n        counts[info['generation']] += 1\n"
         "atexit.register(lambda: sys.stderr.write(json.dumps(counts) + '\\n'))\n")


def _collections(code: str, *args: str) -> list[int]:
    """The collections by generation that `code` counted (`count`, in `gc.callbacks`), in its second run: the
    first warms every cache (the world's, the file-hash record, the bytecode), as a user's start finds them."""
    for _ in range(2):
        proc = subprocess.run([sys.executable, "-c", COUNT + code, *args], capture_output=True, text=True,
                              env=os.environ.copy(), timeout=120)
        assert proc.returncode == 0, proc.stderr
    counts: list[int] = json.loads(proc.stderr.strip().splitlines()[-1])
    return counts


def test_the_bundled_world_loads_with_no_collection() -> None:
    """`World.default` in a process that freezes its loads (the console script's): its imports, the cache key's
    file-hash record and the cached parts load with the collector paused, then frozen. The young generation's
    threshold is lowered to 100 objects so that any load outside the pause sets one off, however few objects
    the process had made before."""
    code = ("from foedus.collector import freeze_loads\nfrom foedus.model.world import World\nfreeze_loads()\n"
            "gc.collect()\ngc.set_threshold(100)\ngc.callbacks.append(count)\nWorld.default()\n")
    assert _collections(code) == [0, 0, 0]


def test_the_plain_flagship_line_runs_no_collection() -> None:
    """The console script's start on the plain flagship, counted from `main` on, with the collector's usual
    thresholds: the imports, the world's load and the leg table are paused and frozen, the cascade is
    acyclic (`foedus.collector`); what else the line makes stays below one young generation."""
    code = ("from foedus.cli.start import main\nsys.argv = ['foedus', *sys.argv[1:]]\ngc.callbacks.append(count)\n"
            "main()\n")
    assert _collections(code, *FLAGSHIP) == [0, 0, 0]


def test_the_text_flagship_line_runs_no_collection() -> None:
    """The same start on a line printed as text (rich's tree of a large war): the renderer's import and its
    text run paused, then frozen (`foedus.collector.acyclic`), as the `--json` line runs none. Before, [16, 1, 0]
    collections ran there, each freeing nothing the exit would not."""
    code = ("from foedus.cli.start import main\nsys.argv = ['foedus', *sys.argv[1:]]\ngc.callbacks.append(count)\n"
            "main()\n")
    assert _collections(code, *TEXT_LINE) == [0, 0, 0]
