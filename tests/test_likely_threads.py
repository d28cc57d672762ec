"""`foedus likely report` and `likely fit` fit on one thread (issue #14; session 66): their limit is set after
scikit-learn is loaded, so it reaches scipy's OpenBLAS and scikit-learn's OpenMP pool too. Set before that import,
it left the OpenMP pool one thread per core, and on two shared cores every gradient-boosting tree of the report's
challenger waited on a descheduled thread: bench/likely_report_threads.py measured ten times the CPU for the same
forecasts. Each check runs in a fresh interpreter with four threads asked of every pool, so none is loaded before."""

from __future__ import annotations

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
_SETUP = ("import sys; sys.path.insert(0, sys.argv[1])\n"
          "from threadpoolctl import threadpool_info\n"
          "from tests.test_likely_horizon_era import SPEC, _frame\n"
          "def pools():\n"
          "    print(sorted({(p['internal_api'], p['num_threads']) for p in threadpool_info()}), flush=True)\n"
          "    raise SystemExit(0)\n")
_REPORT = ("import foedus.likely.validate as validate\n"
           "validate.SHIPPED = validate.TREATY_ONLY = SPEC\n"
           "validate.forecasts(_frame(), 'forward-1945', ('ever',), on_fold=pools)\n")
_FIT = ("import foedus.likely.build as build\n"
        "build.SHIPPED = SPEC\n"
        "build.build_model(_frame(), replicates=2, seed=0, validate=False, progress=pools)\n")


@pytest.mark.parametrize("run", [_REPORT, _FIT], ids=["report", "fit"])
def test_the_fits_run_with_every_thread_pool_at_one_thread(run: str) -> None:
    env = os.environ | {"OMP_NUM_THREADS": "4", "OPENBLAS_NUM_THREADS": "4"}
    proc = subprocess.run([sys.executable, "-c", _SETUP + run, str(ROOT)], capture_output=True, text=True,
                          timeout=300, check=False, env=env, cwd=ROOT)
    assert proc.returncode == 0, proc.stderr
    pools = ast.literal_eval(proc.stdout.strip().splitlines()[-1])  # the pools as the fits ran on them
    assert {api for api, _ in pools} >= {"openblas", "openmp"} and {n for _, n in pools} == {1}, pools
