"""The membership rows a correction (`foedus.sources.corrections`) changes: an `exit` closes a row, a `rejoin` adds
one like the state's last, a `suspend` adds a suspension span to the rows of states members on its day, a `join` adds
one for a state that never was a member of an ATOP alliance carried past its
coverage. The joiner's row dates from the correction's day; it takes every provision all the members on that day owe
(and is owed every one owed to them all). An alliance whose members are not bound alike that day (ATOP lists each
provision's obligors: an asymmetric alliance) is refused: which would the new member take?

Who is a member on a day is read as the engine reads it, in force (`foedus.model.parties.party_on`): a row from its
accession, else the entry into force, to its exit. ATOP dates every row it carries, and a row a correction adds.
"""

from __future__ import annotations

import datetime as dt

from foedus.model.facts import Certainty, DateCertainty, Span
from foedus.model.parties import party_on, state_party_on
from foedus.model.treaty import Member, Provision, Treaty

__all__ = ["cannot_join", "cannot_rejoin", "cannot_suspend", "join_update", "left_row", "rejoin_row",
           "suspended_rows", "until_problem"]


def join_update(t: Treaty, states: set[str], day: dt.date, how: DateCertainty | None, certainty: Certainty,
                source: str, note: str) -> dict[str, object]:
    """What a join changes in `t`: a row for each of `states` (`_row`), and the provisions they take."""
    return {"members": [*t.members, *(_row(s, day, how, certainty, source, note) for s in sorted(states))],
            "provisions": joined_provisions(t, states, day)}


def _row(state: str, day: dt.date, how: DateCertainty | None, certainty: Certainty, source: str, note: str) -> Member:
    """A new member's row: from the correction's day (its signature too: ATOP's rows date both from entry), with the
    correction's certainty, its first page as the row's source."""
    return Member(state=state, signed=day, joined=day, joined_certainty=how, certainty=certainty, source=source,
                  note=f"joined by a correction: {note}")


def _asymmetry(t: Treaty, day: dt.date) -> str | None:
    """How `t`'s provisions differ between its members on `day` (one that some of them owe, or are owed, and others
    not), in words, or None: then a new member takes every provision they all have (`joined_provisions`)."""
    members = {m.state for m in t.members if party_on(t, m, day)}
    for p in t.provisions:
        for side, listed in (("owed by", p.obligors), ("owed to", p.beneficiaries)):
            some = members & set(listed) if listed is not None else members
            if some and some != members:
                return (f"its {p.kind} provision ({p.article}) is {side} {', '.join(sorted(some))} and not "
                        f"{', '.join(sorted(members - some))}")
    return None


def joined_provisions(t: Treaty, states: set[str], day: dt.date) -> list[Provision]:
    """`t`'s provisions with `states` among the obligors and beneficiaries of each that every member on `day` owes or
    is owed (a list with none of them is left as it is; a provision for every member, with no list, covers them)."""
    members = {m.state for m in t.members if party_on(t, m, day)}

    def widened(listed: list[str] | None) -> list[str] | None:
        return listed if listed is None or not members <= set(listed) else sorted({*listed, *states})

    return [p.model_copy(update={"obligors": widened(p.obligors), "beneficiaries": widened(p.beneficiaries)})
            for p in t.provisions]


def cannot_join(t: Treaty, states: set[str], day: dt.date) -> str | None:
    """Why `states` cannot join `t` on `day` (it is not carried, the day is outside its life, one of them is or was a
    member, its provisions differ between its members), or None."""
    start = t.in_force or t.signed
    if t.carried_from is None:
        return (f"{t.id} is not carried past its source's coverage: a join adds a member to a carried alliance only "
                "(a curated treaty lists its members itself)")
    if day < start:
        return f"{day} is before {t.id} took effect ({start})"
    if t.terminated is not None and day >= t.terminated:
        return f"{t.id} ended on {t.terminated}, on or before {day}"
    for state in sorted(states):
        rows = [m for m in t.members if m.state == state]
        if any(party_on(t, m, day) for m in rows):
            return f"{state} is already a member of {t.id} on {day}"
        if rows:
            return f"{state} has a membership row in {t.id} already (a state that left comes back by a rejoin)"
    why = _asymmetry(t, day)
    return f"{t.id}'s members are not bound alike on {day}: {why}; a join cannot say which the new member takes" \
        if why else None


def left_row(m: Member, day: dt.date, how: DateCertainty | None) -> Member:
    """`m` closed on `day` (an `exit`)."""
    return m.model_copy(update={"left": day, "left_certainty": how})


def _last_row(t: Treaty, state: str) -> Member | None:
    """`state`'s latest membership row in `t` (by the day it joined), if it has one."""
    rows = [m for m in t.members if m.state == state]
    return max(rows, key=lambda m: m.joined or m.signed or t.signed or dt.date.min) if rows else None


def rejoin_row(t: Treaty, state: str, day: dt.date, how: DateCertainty | None, source: str, note: str) -> Member:
    """A new membership row for `state` from `day` (a `rejoin`), like its last one but open-ended."""
    last = _last_row(t, state)
    if last is None:  # `apply_corrections` refuses it first (`cannot_rejoin`)
        raise RuntimeError(f"a rejoin of {state} to {t.id}, which it was never a party to")
    return last.model_copy(update={"joined": day, "joined_certainty": how, "left": None, "left_certainty": None,
                                   "suspended": [], "frozen": [], "source": source, "note": f"rejoined: {note}"})


def cannot_rejoin(t: Treaty, states: set[str], day: dt.date) -> str | None:
    """Why one of `states` cannot rejoin `t` on `day` (it never was a member, or is one then), or None."""
    for state in sorted(states):
        last = _last_row(t, state)
        if last is None or last.left is None or last.left > day:
            return f"{state} is not out of {t.id} on {day} (a rejoin follows an exit)"
    return None


def cannot_suspend(t: Treaty, states: set[str], day: dt.date) -> str | None:
    """Why one of `states` cannot be suspended from `t` on `day` (no row makes it a party then), or None."""
    for state in sorted(states):
        if not state_party_on(t, state, day):
            return f"{state} is not a member of {t.id} on {day}, so there is no membership to suspend"
    return None


def suspended_rows(t: Treaty, states: set[str], span: Span) -> list[Member]:
    """`t`'s rows with `span` added to the suspensions of each row of `states` that makes its state a party on its
    first day (`cannot_suspend` has checked there is one): the field a curated treaty's suspension fills, so a
    suspended member neither owes nor is owed while it lasts (`foedus.engine.table.parties`)."""
    return [m.model_copy(update={"suspended": [*m.suspended, span]})
            if m.state in states and party_on(t, m, span.start) else m for m in t.members]


def until_problem(action: str, day: dt.date | None, until: dt.date | None) -> str | None:
    """What is wrong with a correction's `until` (the first day a suspension is restored), or None: it goes with a
    suspension only, and after its first day `day`."""
    if until is not None and action != "suspend":
        return "goes with action 'suspend' only (the first day restored)"
    if until is not None and day is not None and until <= day:
        return f"{until} is on or before the suspension's first day ({day}): until is the first day restored"
    return None
