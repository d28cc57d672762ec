"""The engine's legal answer as features: for each candidate and side, whether a reading binds it.

Three cascades of the opening attack, as the backtest runs them: the legal reading, the escalatory
reading, and the legal reading with ATOP's unspecified conditions read as unmet. From the legal reading
also: a strong obligation (S1 automatic or S2 as deemed necessary), one resting only on unspecified
conditions, and states bound to both sides. The scenario's other switches (place, request, basis, ...)
are kept as given.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from foedus.engine.cascade import run_cascade
from foedus.engine.result import CascadeResult
from foedus.engine.scenario import Scenario
from foedus.model.world import World

__all__ = ["Bindings", "bindings", "readings"]

_STRONG = ("S1", "S2")


@dataclass(frozen=True)
class Bindings:
    """Per reading, state -> side bound; the legal reading's strong and flagged bindings and conflicts."""

    legal: dict[str, str] = field(default_factory=dict)
    escalatory: dict[str, str] = field(default_factory=dict)
    unmet: dict[str, str] = field(default_factory=dict)
    strong: dict[str, str] = field(default_factory=dict)
    flagged: dict[str, str] = field(default_factory=dict)
    conflicts: frozenset[str] = frozenset()


def readings(world: World, scenario: Scenario) -> dict[str, CascadeResult]:
    """The three cascades (legal, escalatory, unmet) of a scenario, whatever its own reading."""
    base = replace(scenario, ongoing_since=None)
    return {
        "legal": run_cascade(world, replace(base, reading="legal", unresolved="met")),
        "escalatory": run_cascade(world, replace(base, reading="escalatory", unresolved="met")),
        "unmet": run_cascade(world, replace(base, reading="legal", unresolved="unmet")),
    }


def bindings(results: dict[str, CascadeResult]) -> Bindings:
    """The features' view of the three cascades."""
    legal = results["legal"]
    flagged = {(u["state"], u["treaty"], u["article"]) for u in legal.unresolved_used}
    return Bindings(
        legal={j.state: j.side for j in legal.joiners},
        escalatory={j.state: j.side for j in results["escalatory"].joiners},
        unmet={j.state: j.side for j in results["unmet"].joiners},
        strong={j.state: j.side for j in legal.joiners if j.primary.strength in _STRONG},
        flagged={j.state: j.side for j in legal.joiners
                 if all((o.state, o.treaty, o.article) in flagged for o in (j.primary, *j.also))},
        conflicts=frozenset(c.state for c in legal.conflicts),
    )
