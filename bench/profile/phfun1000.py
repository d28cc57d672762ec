"""phfun.py's opcodes by phase and function, with all 1,000 dyads run in bench_speed.py's order: every STEP-th is
traced, the rest run untraced between, so each per-table store is as warm as bench_speed.py's first pass has it.

Run: python bench/profile/phfun1000.py DAY STEP [TOP]"""

from __future__ import annotations

from cascades import arg
from phfun import by_function

if __name__ == "__main__":
    by_function(int(arg(2)), between=True)
