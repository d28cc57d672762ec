"""A named adversary clause names a state that exists while the treaty does: one whose states all left the state
system (COW) for good before the signature would never bind, and said nothing. So with a member: one that left the
state system for good before its signature would never be a party (a 2020 pact of Chile and the GDR loaded, and
bound no one, unsaid).

Run by `foedus.model.loader.validate_references` (it has the registry). Dates the registry does not know count as
a state existing: no system dates (the bundled registry without the data folder), or a state without spells. A
state that enters the system only after the treaty ends is not refused: COW's entry is not a state's birth (ATOP
names Algiers in 1816, Poland in 1833 and Egypt in 1840, all before their COW entry, as adversaries).
"""

from __future__ import annotations

import datetime as dt

from foedus.errors import TreatyDataError
from foedus.model.state_files import spells_text
from foedus.model.states import StateRegistry
from foedus.model.treaty import Treaty
from foedus.model.vocab import Kind

__all__ = ["check_adversary_lives", "check_member_lives"]


def check_adversary_lives(treaty: Treaty, states: StateRegistry, path: str) -> None:
    """Refuse a named adversary clause (non-aggression reads none) whose states all ceased to exist (their last
    day in the state system) before the treaty's signature.

    Raises:
        TreatyDataError: naming the clause's states and their days in the state system.
    """
    if not states.has_system_dates:
        return
    for j, p in enumerate(treaty.provisions):
        named = p.adversary.states
        if p.adversary.type != "named" or p.kind is Kind.NONAGGRESSION or not named:
            continue
        spells = {s: states.get(s).spells for s in named}
        if all(_gone_before(sp, treaty.signed) for sp in spells.values()):
            said = "; ".join(f"{s} in the state system {spells_text(sp)}" for s, sp in spells.items())
            raise TreatyDataError(path, f"provisions[{j}].adversary.states", f"names no state that exists when the "
                                  f"treaty is signed ({treaty.signed}) or after: {said}; it would never bind")


def check_member_lives(treaty: Treaty, states: StateRegistry, path: str) -> None:
    """Refuse a member that left the state system for good (its last day in it) before its signature (its own
    `signed`, else the treaty's): it would never be a party.

    Raises:
        TreatyDataError: naming the member and its days in the state system.
    """
    if not states.has_system_dates:
        return
    for i, member in enumerate(treaty.members):
        day = member.signed or treaty.signed
        spells = states.get(member.state).spells
        if _gone_before(spells, day):
            raise TreatyDataError(path, f"members[{i}].state", f"{member.state} is no longer in the state system "
                                  f"when it signs ({day}) or after (in it {spells_text(spells)}); it would never be "
                                  "a party")


def _gone_before(spells: tuple[tuple[dt.date, dt.date | None], ...], day: dt.date) -> bool:
    """Whether every spell (inclusive ends) ended before `day`; a state without spells (unknown) has not."""
    return bool(spells) and all(end is not None and end < day for _, end in spells)
