"""A note for an attacked state whose defence treaty ended within a reader's memory: China→Taiwan said no state is
bound, and nothing of the US–ROC Mutual Defense Treaty of 1954, out of force since 1 Jan 1980, that a reader may
still take for a US duty to defend Taiwan.

The rule, where no state is bound to join the defense side (a reader then asks why an ally does not come; a state
others defend, the US attacked by Russia, needs no word of its ended treaty with Taiwan), for each attacked state: a
curated treaty (a record with its sources; ATOP's ended alliances carry no page of their own) with a defence
provision, of which the state was a party when it ended, ended on or before the scenario's date and at most
`MEMORY_YEARS` before it, one of its other parties at its end being no attacker and not bound to join now (a party
bound again by a later treaty, Russia to North Korea since 2024, needs no note)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Set
from typing import TYPE_CHECKING

from foedus.engine.atop_ended import atop_ended_notes, recent_ended
from foedus.engine.atop_exits import partners_said
from foedus.wording import named_state

if TYPE_CHECKING:
    from foedus.engine.scenario import Scenario
    from foedus.model.treaty import Treaty
    from foedus.model.world import World

__all__ = ["MEMORY_YEARS", "ended_defence_notes", "ended_notes"]

MEMORY_YEARS = 50
"""How far back an ended treaty is noted: about what an adult reader remembers as news (one 70 years old now was 20
in 1975), and so may still take for a duty in force; the US–ROC treaty's end, 45 years before 2025, falls within it."""

_END_WORDS = ("terminat", "denunciat", "dissol", "end ")


def ended_notes(world: World, scenario: Scenario, bound: Set[str], defended: bool) -> list[str]:
    """The answer's notes of ended treaties: the curated defence treaties of an undefended attacked state (this
    module's rule; `defended`: a joiner on the defense side answers "who comes?" already), then the ATOP alliances
    of an attacked state ended shortly before the day (`foedus.engine.atop_ended`, defended or not)."""
    day, targets = scenario.date, scenario.targets
    window = recent_ended(world.treaties, day)  # most days, no attacked state is a key: no name is looked up
    noted = not window.keys().isdisjoint(targets)
    if defended and not noted:
        return []
    attackers, names = set(scenario.attackers), world.states.names_on(day)
    notes = [] if defended else ended_defence_notes(world.treaties.curated.values(), targets, attackers, bound, day,
                                                    names)
    return notes + atop_ended_notes(window, targets, attackers, bound, names, world.states) if noted else notes


def ended_defence_notes(treaties: Iterable[Treaty], targets: Iterable[str], attackers: Set[str], bound: Set[str],
                        day: dt.date, names: Mapping[str, str]) -> list[str]:
    """A note per ended defence treaty of an attacked state (`targets`) on `day` by the module's rule, in the
    treaties' order: the treaty, when it ended, its parties now not bound to join, and the page that dates its end."""
    since = dt.date(day.year - MEMORY_YEARS, day.month, min(day.day, 28 if day.month == 2 else day.day))
    out = []
    for t in treaties:
        end = t.terminated
        if end is None or not since <= end <= day or not any(p.kind == "defense" for p in t.provisions):
            continue
        parties = [m.state for m in t.members if m.left is None or m.left >= end]
        for target in (x for x in targets if x in parties):
            gone = sorted({p for p in parties if p != target and p not in attackers and p not in bound})
            if gone:
                out.append(ended_note(t, target, gone, names))
    return out


def ended_note(treaty: Treaty, target: str, gone: list[str], names: Mapping[str, str]) -> str:
    """The note's words: "a defence treaty of Taiwan (TWN) is out of force since 1980-01-01: usa_roc_1954 (US-ROC
    Mutual Defense Treaty) with United States (USA), not bound to join now (source: URL)": past five parties, three
    named and a count, as ATOP's notes name theirs (`partners_said`; the WEU's nine: "Belgium (BEL), Germany (DEU),
    Spain (ESP) and 6 more"; `gone` holds no attacker)."""
    title = treaty.short_name or treaty.name
    parties = partners_said(gone, frozenset(), names)
    window = treaty.terminated_certainty  # an end known only to a window says so: the day is its last
    early = f" ({window.certainty}: as early as {window.since})" if window is not None and window.since else ""
    return (f"a defence treaty of {named_state(target, names)} is out of force since {treaty.terminated}{early}: "
            f"{treaty.id} ({title}) with {parties}, not bound to join now (source: {_end_source(treaty)})")


def _end_source(treaty: Treaty) -> str:
    """The page that dates the treaty's end: its end date's own source, else a source whose title speaks of an end,
    else its first source."""
    window = treaty.terminated_certainty
    if window is not None and getattr(window, "source", None):
        return str(window.source)
    said = [s for s in treaty.sources if any(w in (s.title or "").lower() for w in _END_WORDS)]
    return str((said or list(treaty.sources))[0].url)
