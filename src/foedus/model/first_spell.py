"""The price of the state-system rule's reading (`foedus.engine.rules.system.in_system`: only a state that has LEFT
the system is no party; a day before its first COW spell is not out, for COW admits a state by its criteria, often
years after it was one): a member a user's treaty file makes a party before its first spell (South Sudan in 2005) is
taken to be one then. `foedus treaties validate` says so as a note, not a refusal: the file may be right, and the
engine keeps such a party (neither refuses the file nor skips it), for it cannot tell a date in error from one COW
admits late (Micronesia, a party from 1986, in COW from 1991; docs/adding-a-rule.md)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from foedus.model.state_files import spells_text
from foedus.wording import named_state

if TYPE_CHECKING:
    import datetime as dt

    from foedus.model.states import StateRegistry
    from foedus.model.treaty import Treaty

__all__ = ["before_first_spell"]


def before_first_spell(treaties: Iterable[Treaty], states: StateRegistry,
                       reads: tuple[dt.date, dt.date] | None = None) -> list[str]:
    """A note for each member of `treaties` that is a party (from its `joined`, else the treaty's `in_force`) before its
    first day in the state system, naming the treaty, the member's field, the day and its system dates; none for a
    treaty not in force, a state with no system dates, or a registry without them. With `reads` (the first and last
    day a cascade reads), only a member taken to be a party on one of those days before its first spell: a cascade's
    note where it changes the answer (`foedus.engine.outcome`), in `foedus treaties validate`'s words."""
    if not states.has_system_dates:
        return []
    notes = []
    for treaty in treaties:
        for i, member in enumerate(treaty.members):
            start = member.joined or treaty.in_force
            known = states.states.get(member.state)
            if start is None or known is None or not known.spells:
                continue
            first = min(day for day, _ in known.spells)
            if start < first and (reads is None or (start <= reads[1] and reads[0] < first)):
                notes.append(f"{treaty.id}: members[{i}].state: {named_state(member.state, states.names_on(first))} "
                             f"is a party from {start}, before its first day in the state system ({first}; a member "
                             f"{spells_text(known.spells)}); the state-system rule takes it to be one then (only a "
                             "state that has left the system is no party)")
    return notes
