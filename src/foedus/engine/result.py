"""The cascade result: a frozen record with one JSON contract and several renderings.

`to_dict()` is the stable contract that `foedus cascade --json` prints; `to_frame()`,
`explain()` and the notebook representations are renderings of the same record.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from foedus.engine.records import (
    Because,
    Conflict,
    Consultation,
    Joiner,
    Neutral,
    Obligation,
    Side,
    Violation,
    Withheld,
)
from foedus.engine.scenario import Scenario

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "Because",
    "CascadeResult",
    "Conflict",
    "Consultation",
    "Joiner",
    "Neutral",
    "Obligation",
    "Side",
    "Violation",
    "Withheld",
]

@dataclass(frozen=True)
class CascadeResult:
    """Everything a cascade found, in a deterministic order."""

    scenario: Scenario
    joiners: tuple[Joiner, ...]
    consultations: tuple[Consultation, ...] = ()
    conflicts: tuple[Conflict, ...] = ()
    neutral: tuple[Neutral, ...] = ()
    violations: tuple[Violation, ...] = ()
    withheld: tuple[Withheld, ...] = ()
    rounds: int = 0
    names: dict[str, str] = field(default_factory=dict, compare=False)
    notes: tuple[str, ...] = ()
    datasets: tuple[str, ...] = ()
    power: dict[str, Any] | None = field(default=None, compare=False)
    montecarlo: dict[str, Any] | None = field(default=None, compare=False)
    ongoing: dict[str, Any] | None = field(default=None, compare=False)  # set by --ongoing-since (foedus.war)

    @property
    def sides(self) -> dict[str, list[str]]:
        """Both sides, original parties first, then joiners by round."""
        out: dict[str, list[str]] = {"attack": list(self.scenario.attackers),
                                     "defense": list(self.scenario.targets)}
        for joiner in self.joiners:
            out[joiner.side].append(joiner.state)
        return out

    @property
    def unresolved_used(self) -> list[dict[str, Any]]:
        """Which unresolved (ATOP) conditions mattered: obligations that rest on them, or were dropped."""
        read = self.scenario.unresolved
        out = [{"state": o.state, "treaty": o.treaty, "article": o.article, "conditions": list(o.unresolved),
                "read_as": read} for j in self.joiners for o in (j.primary, *j.also) if o.unresolved]
        out += [{"state": w.state, "treaty": w.treaty, "article": w.article, "conditions": list(w.unresolved),
                 "read_as": read} for w in self.withheld if w.unresolved]
        return out

    def joiner(self, state: str) -> Joiner | None:
        """The joiner record of `state`, if it joined."""
        return next((j for j in self.joiners if j.state == state), None)

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON contract (see docs/json-contract.md)."""
        s = self.scenario
        return {
            "date": s.date.isoformat(),
            "attackers": list(s.attackers),
            "targets": list(s.targets),
            "place": s.place,
            "target_kind": s.target_kind,
            "reading": s.reading,
            "territory_view": s.territory_view,
            "basis": s.basis,
            "requested": s.requested,
            "unresolved_read_as": s.unresolved,
            "sides": self.sides,
            "joiners": [j.to_dict() for j in self.joiners],
            "consultations": [c.to_dict() for c in self.consultations],
            "conflicts": [c.to_dict() for c in self.conflicts],
            "neutral": [n.to_dict() for n in self.neutral],
            "violations": [v.to_dict() for v in self.violations],
            "withheld": [w.to_dict() for w in self.withheld],
            "unresolved": self.unresolved_used,
            "rounds": self.rounds,
            "notes": list(self.notes),
            "datasets": list(self.datasets),
            "power": self.power,
            **(self.montecarlo or {}),
            **({"ongoing": self.ongoing} if self.ongoing is not None else {}),
        }

    def to_frame(self) -> pd.DataFrame:
        """One row per belligerent (original parties with round 0), as a pandas DataFrame."""
        import pandas as pd

        rows: list[dict[str, Any]] = [
            {"state": st, "name": self.names.get(st, st), "side": side, "round": 0, "treaty": None,
             "article": None, "strength": None, "kind": None, "attacked": None, "by": None, "place": None}
            for side, states in (("attack", self.scenario.attackers), ("defense", self.scenario.targets))
            for st in states
        ]
        for j in self.joiners:
            p = j.primary
            rows.append({"state": p.state, "name": self.names.get(p.state, p.state), "side": p.side,
                         "round": p.round, "treaty": p.treaty, "article": p.article,
                         "strength": p.strength, "kind": p.kind, "attacked": p.because.attacked,
                         "by": p.because.by, "place": p.because.place})
        return pd.DataFrame(rows)

    def explain(self) -> str:
        """A plain-text account, round by round, citing treaty and article for every joiner."""
        from foedus.render import explain_text

        return explain_text(self)

    def __rich__(self) -> Any:
        from foedus.render import rich_tree

        return rich_tree(self)

    def _repr_html_(self) -> str:
        from foedus.render import html_table

        return html_table(self)
