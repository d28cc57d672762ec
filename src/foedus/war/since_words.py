"""How a bound state's "Why?" on a war's date says since when it has been bound to that side without a break
(`foedus war --state`, a frame's `bound` entry's `since` and `since_under`: `foedus.war.unbroken.since_entry`). The
web's copy: web/src/warsince.ts `sinceSaid` (tests/test_said_parity.py)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

__all__ = ["since_said"]


def since_said(bound: Mapping[str, Any], day: str, cite: Callable[[Mapping[str, Any]], str]) -> str:
    """"; bound to that side without a break since 2024-12-04", and where the treaty or article that binds it changed
    since, what it was first bound under (`cite`: the line's own citation of a binding, its tag with it): "; bound to
    that side without a break since 2024-08-06, first under CSTO (csto_1992) art. 4 (secondary: article)"; nothing
    where it was first bound on `day` (the day the line is on) or the entry has no `since` (a frame from before it was
    recorded)."""
    since = bound.get("since")
    if not since or since == day:
        return ""
    under = bound.get("since_under")
    return f"; bound to that side without a break since {since}" + (f", first under {cite(under)}" if under else "")
