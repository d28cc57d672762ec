"""The backtest's user errors: one FoedusError subclass, so the CLI prints one line and exits 2."""

from __future__ import annotations

from foedus.errors import FoedusError

__all__ = ["BacktestError"]


class BacktestError(FoedusError):
    """A backtest cannot run or write its report: bad options, an unusable folder, a malformed data file."""
