"""The backtest's user errors: one FoedusError subclass, so the CLI prints one line and exits 2."""

from __future__ import annotations

from foedus.errors import (
    ChecksumError,
    DataFormatError,
    DataMissingError,
    FoedusError,
    OptionalDependencyError,
    RuleError,
    SettingError,
)

__all__ = ["NOT_THE_WARS", "BacktestError"]


class BacktestError(FoedusError):
    """A backtest cannot run or write its report: bad options, an unusable folder, a malformed data file."""


NOT_THE_WARS = (ChecksumError, DataFormatError, DataMissingError, OptionalDependencyError, RuleError, SettingError)
"""Errors that say nothing of one war but of the run (a corrupt or missing data file, a missing extra, a bad
setting, a broken rule): the backtest stops on them, where a war the engine rejects is skipped with its reason;
skipping every war for them would report on none, or on fewer, as if the engine had rejected them."""
