"""What the refusal of a state out of the state system on a day adds (`foedus.state_lists.non_member`): when the
state is a member (its spells nearest the day), and the states of its name that ARE members then, with their codes.
A code typed for a day before its state's first spell is mostly today's code for a predecessor's day (AUT for
Austria-Hungary in 1914, HUN in 1900, MNE for Serbia and Montenegro in 2004): the refusal says which to give.

"Of its name" as the lookup reads names (`foedus.model.states.StateRegistry`), no fuzzier: a name several states have
carried (`state_index.AMBIGUOUS`: Germany, Korea, Austria...), or a member whose name that day holds every word of
the state's name (`state_names.words`, as `StateRegistry.by_pattern` reads a name in a text: "Austria-Hungary" holds
Hungary, "Serbia and Montenegro" Montenegro). web/src/membership.ts `notMember` says the same (its `NAMESAKES` is
`AMBIGUOUS`'s groups; tests/test_resolve_non_member.py checks both)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from foedus.model.state_files import spell_text

if TYPE_CHECKING:
    from foedus.model.states import State, StateRegistry

__all__ = ["member_said", "namesakes", "spell_said"]

Spell = tuple[dt.date, dt.date | None]


def spell_said(spell: Spell) -> str:
    """One spell in a refusal's running words (`foedus.model.state_files.spell_text`): "1954-03-25–1990-10-02", or
    "since 2006-06-12" while it lasts.

    >>> spell_said((dt.date(2006, 6, 12), None)), spell_said((dt.date(1954, 3, 25), dt.date(1990, 10, 2)))
    ('since 2006-06-12', '1954-03-25–1990-10-02')
    """
    return spell_text(spell, running=True)


def namesakes(states: StateRegistry, state: State, first: dt.date, last: dt.date | None = None) -> list[State]:
    """The states of `state`'s name (module docstring) that are members of the state system on `first` (with `last`:
    on some day from `first` to `last`), each name read as called on `first`, in the registry's order."""
    from foedus.model.state_index import AMBIGUOUS
    from foedus.model.state_names import words

    names = states.names_on(first)
    own = set(words(names.get(state.id, state.name).lower()))
    shared = {i for group in AMBIGUOUS.values() if state.id in group for i in group}
    return [s for s in states if s.id != state.id and s.spell_over(first, last) is not None and (
        s.id in shared or (own and own <= set(words(names.get(s.id, s.name).lower()))))]


def member_said(states: StateRegistry, state: State, first: dt.date, last: dt.date | None = None) -> str:
    """For a state out of the system on every day from `first` to `last` (or on `first`): its spells nearest those
    days, the last to end before and the first to begin after, and its namesakes then, asked for:
    "a member since 2006-06-12"; "a member 1919-09-10–1938-03-13; did you mean Austria-Hungary (COW300), a member
    1816-01-01–1918-11-12?"."""
    end = first if last is None else last
    before = [s for s in state.spells if s[1] is not None and s[1] < first][-1:]
    after = [s for s in state.spells if s[0] > end][:1]
    said = "a member " + " and ".join(spell_said(s) for s in before + after)
    names = states.names_on(first)
    meant = [f"{names.get(s.id, s.name)} ({s.id}), a member {spell_said(spell)}"
             for s in namesakes(states, state, first, last) if (spell := s.spell_over(first, last))]
    if meant:
        said += f"; did you mean {', or '.join(meant)}?"
    return said
