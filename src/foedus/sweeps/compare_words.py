"""A comparison's change in words, after the state it moves: `foedus compare` prints it, and the web's compare view
says the same (web/src/said.ts `changeWords`; tests/test_said_parity.py runs both on the same records)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["change_words"]


def change_words(kind: str, x: Mapping[str, Any]) -> str:
    """What `compare_results` found of one state, `kind` being the list it is in (gained, lost, switched or
    rebased): "joins the defense (nato_1949 art. 5)"; a rebased state's primary obligation named once, then the
    other treaties added and dropped ("still joins the defense, now under A (was B); added C")."""
    if kind == "gained":
        return f"joins the {x['side']} ({x['why']})"
    if kind == "lost":
        return f"no longer joins the {x['side']} (was {x['why_before']})"
    if kind == "switched":
        return f"switches from {x['from']} to {x['to']} ({x['why']})"
    said = {x["why"], x["why_before"]}
    moved = f"now under {x['why']} (was {x['why_before']})" if x["why"] != x["why_before"] else f"under {x['why']}"
    more = [f"{word} {', '.join(rest)}" for word in ("added", "dropped")
            if (rest := [t for t in x[word] if t not in said])]
    return f"still joins the {x['side']}, {'; '.join([moved, *more])}"
