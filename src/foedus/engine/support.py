"""Who is bound to *support* a belligerent without being bound to fight, and what joiners' duties entail.

A hook for the cascade result (the engine wires it in): given the belligerents on each side, the states
already fighting, and the states attacked, `supporters` lists every member of a treaty in effect that
owes a belligerent arms or military aid, the use of bases, or defence-industrial help under the treaty's
`assistance` block (`foedus.model.assistance.owed_support`), and is not itself fighting. Help owed only in wartime is
owed once the recipient is attacked; peacetime help is owed regardless.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

from foedus.model.assistance import HelpEntry, owed_support
from foedus.model.help import DutyView, duty_of
from foedus.model.treaty import Kind, Treaty
from foedus.model.world import World

__all__ = ["Support", "duty_for", "supporters"]

Basis = Literal["in-force", "signed"]


@dataclass(frozen=True, slots=True)
class Support:
    """`state` is bound to give `supports` (on `side`) a form of help under `treaty`, without a duty to fight."""

    state: str
    supports: str
    side: str
    treaty: str
    article: str | None
    form: str
    level: str
    when: str
    basis: str
    certainty: str

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {"state": self.state, "supports": self.supports, "side": self.side, "treaty": self.treaty,
                "article": self.article, "form": self.form, "level": self.level, "when": self.when,
                "basis": self.basis, "certainty": self.certainty}


def members_on(treaty: Treaty, day: dt.date, basis: Basis = "in-force") -> set[str]:
    """The states that are parties to `treaty` on `day` (suspensions aside)."""
    out = set()
    for m in treaty.members:
        start = (m.signed or treaty.signed) if basis == "signed" else (m.joined or treaty.in_force)
        if start is not None and start <= day and (m.left is None or day < m.left):
            out.add(m.state)
    return out


def _current(entry: HelpEntry, day: dt.date) -> bool:
    return (entry.since is None or entry.since <= day.year) and (entry.until is None or day.year <= entry.until)


def supporters(world: World, day: dt.date, sides: Mapping[str, Iterable[str]], fighting: Iterable[str],
               attacked: Iterable[str], basis: Basis = "in-force") -> list[Support]:
    """Support owed to each belligerent by states not fighting (sorted; see the module docstring)."""
    side_of = {state: side for side, states in sides.items() for state in states}
    busy, hit = set(fighting) | set(side_of), set(attacked)
    found: set[Support] = set()
    for treaty in world.treaties.on(day):
        if treaty.assistance is None or not treaty.in_effect(day, basis):
            continue
        members = members_on(treaty, day, basis)
        for e in treaty.assistance.forms:
            if not owed_support(e) or not _current(e, day):
                continue
            recipients = members & set(e.to if e.to is not None else members) & set(side_of)
            providers = (members & set(e.by if e.by is not None else members)) - busy
            for b in recipients:
                if e.when == "wartime" and b not in hit:
                    continue
                found |= {Support(p, b, side_of[b], treaty.id, e.article, e.form.value, e.level, e.when, e.basis,
                                  e.certainty) for p in providers if p != b}
    return sorted(found, key=lambda s: (s.side, s.supports, s.state, s.treaty, s.form, s.article or ""))


def duty_for(world: World, treaty_id: str, article: str, kind: str = "defense") -> DutyView | None:
    """What a joiner's duty under `treaty_id` art. `article` entails (None if no such provision)."""
    treaty = world.treaty(treaty_id)
    for p in treaty.provisions:
        if p.article == article and p.kind is Kind(kind):
            return duty_of(treaty, p)
    return None
