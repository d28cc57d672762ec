"""The backtest's user errors: one FoedusError subclass, so the CLI prints one line and exits 2; and which errors
stop a run over many wars and which skip one war (`one_war`, for the backtest, the replays and the training table)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import ParamSpec, TypeVar

from foedus.errors import (
    ChecksumError,
    DataFormatError,
    DataMissingError,
    FoedusError,
    OptionalDependencyError,
    RuleError,
    SettingError,
)

__all__ = ["NOT_THE_WARS", "BacktestError", "Rejected", "one_war"]

P = ParamSpec("P")
T = TypeVar("T")


class BacktestError(FoedusError):
    """A backtest cannot run or write its report: bad options, an unusable folder, a malformed data file."""


NOT_THE_WARS = (ChecksumError, DataFormatError, DataMissingError, OptionalDependencyError, RuleError, SettingError)
"""Errors that say nothing of one war but of the run (a corrupt or missing data file, a missing extra, a bad
setting, a broken rule): the backtest stops on them, where a war the engine rejects is skipped with its reason;
skipping every war for them would report on none, or on fewer, as if the engine had rejected them."""


@dataclass(frozen=True)
class Rejected:
    """A war the engine rejects: why, as its skip record says it ("the engine rejects the replay: ...")."""

    reason: str


def one_war(what: str, step: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T | Rejected:
    """`step(*args, **kwargs)` for one war of a run over many (the backtest, the replays, the training table): an
    error of that war comes back as the war's `Rejected` ("the engine rejects the `what`: ..."), to skip it; one of the
    run (`NOT_THE_WARS`) and any other exception is raised.

    Raises:
        FoedusError: `NOT_THE_WARS`: an error of the run, not of the war.
    """
    try:
        return step(*args, **kwargs)
    except NOT_THE_WARS:
        raise
    except FoedusError as exc:
        return Rejected(f"the engine rejects the {what}: {exc}")
