"""Whom each state is fighting off on a day: the states whose attacks on it go on then (a frame's `attacked_by`), and
those whose attacks on it brought it into the war (a spell's `by`), which "Why?" and `foedus war`'s table name a state
an attack drew in by (`foedus.war.fought_words`; web/src/warsides.ts `fightingHead` reads the same records)."""

from __future__ import annotations

from collections.abc import Iterable

from foedus.engine.scenario import Attack

__all__ = ["attacked_by"]


def attacked_by(attacks: Iterable[Attack]) -> dict[str, list[str]]:
    """Each state attacked among `attacks` (a date's ongoing attacks, in the order a binding's `because` is chosen:
    oldest first, then the war file's order: `foedus.war.course.Course.attacks`) → its attackers, each once, in that
    order: Iran on 2025-06-22 in israel_iran_2025 → Israel (since 2025-06-13), then the United States (that day)."""
    out: dict[str, list[str]] = {}
    for a in attacks:
        if a.attacker not in out.setdefault(a.victim, []):
            out[a.victim].append(a.attacker)
    return dict(sorted(out.items()))
