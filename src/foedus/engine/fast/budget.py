"""How many Monte Carlo draws fit in memory: a run that would need more than the budget is refused, with the
largest number of draws that fits, before it allocates anything.

The budget is 1 GiB for the whole process (the interpreter, the world and the compiled rules take part of it),
or $FOEDUS_MEMORY_MB. Each caller states what a draw costs it (the arrays that grow with the number of draws);
the working arrays of a replay are bounded by blocks of draws and counted as a fixed part.
"""

from __future__ import annotations

from foedus.errors import ScenarioError, SettingError
from foedus.numerals import whole_within
from foedus.settings import setting

__all__ = ["BASELINE_MB", "MAX_MB", "MEMORY_ENV", "budget_mb", "check_draws", "max_draws"]

MEMORY_ENV = "FOEDUS_MEMORY_MB"
MAX_MB = 2**40  # 1 EiB: more than any machine has
BASELINE_MB = 400  # the interpreter, numpy/pandas, the world, a compiled table and a replay's blocks


def budget_mb() -> int:
    """The memory budget of a run, in MiB ($FOEDUS_MEMORY_MB, default 1024).

    Raises:
        SettingError: $FOEDUS_MEMORY_MB is not a positive whole number up to `MAX_MB`.
    """
    raw = setting(MEMORY_ENV, "a positive whole number of MiB", "1024").strip()
    mb = whole_within(raw, 1, MAX_MB)
    if mb is None:
        raise SettingError(f"{MEMORY_ENV} must be a positive whole number of MiB up to {MAX_MB} (1 EiB), "
                           f"not {raw!r}")
    return mb


def max_draws(per_draw_bytes: float) -> int:
    """The most draws that fit in the budget, at `per_draw_bytes` a draw."""
    room = max(0, budget_mb() - BASELINE_MB) * 2**20
    return int(room // max(1.0, per_draw_bytes))


def check_draws(draws: int, per_draw_bytes: float, what: str) -> None:
    """Refuse `draws` when they would not fit in the memory budget (one line that says how many do).

    Raises:
        ScenarioError: too many draws for the budget.
    """
    most = max_draws(per_draw_bytes)
    if draws > most:
        need = BASELINE_MB + draws * per_draw_bytes / 2**20
        raise ScenarioError(f"{draws:,} draws of {what} would need about {need:,.0f} MiB of memory; at most "
                            f"{most:,} fit in {budget_mb():,} MiB (set {MEMORY_ENV} to change the budget)")
