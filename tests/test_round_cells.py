"""The warm rounds' hot functions make no closure cells (issue 15): a comprehension, generator or lambda in a
function makes a cell of each of the function's names it reads on every call of the function, even where it never
runs (Python 3.11), so these functions keep theirs in helpers of their own; and the rules they call read enum
members as module globals (docs/performance.md, session 36)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from foedus.engine.bind import Binder
from foedus.engine.citing import citations
from foedus.engine.judge import Judge
from foedus.engine.ledger import Ledger
from foedus.engine.owed import indices
from foedus.engine.rules import verdict, where

HOT: list[Callable[..., Any]] = [Judge._owed_to_attacker, Judge._bound_neutrality, Binder._defence,
                                 Binder._consultations, Binder._neutral_to_victim, citations, Ledger.bind, indices]


@pytest.mark.parametrize("function", HOT, ids=lambda f: f.__qualname__)
def test_no_cells(function: Callable[..., Any]) -> None:
    assert function.__code__.co_cellvars == ()


@pytest.mark.parametrize("function", [verdict.threshold, verdict.unmet, verdict.evaluate, verdict.attacker_role,
                                      verdict.conditions, where.covers], ids=lambda f: f.__qualname__)
def test_rules_read_no_enum_class(function: Callable[..., Any]) -> None:
    """A rule read on every verdict names its kinds and triggers as module globals: a read of `Kind.X` goes through
    the enum type's `__getattr__` hook, which the 3.11 interpreter does not specialise."""
    assert not {"Kind", "Trigger"} & set(function.__code__.co_names)
