"""A correction's `starts` (`foedus.sources.corrections`): the first day of an ATOP alliance, or of one member's row,
from a page that dates it. ATOP dates an alliance, and each member's row, from its signature and the import reads it
in force from that day too (`foedus.sources.atop`); `starts` sets the entry into force (`date`: the first day on the
in-force basis, the rows' `joined`) and, where ATOP's day is not the signature either, the signature (`signed`: the
first day on the signed basis). Given a signature alone, a phase read in force from its signature (ATOP's reading)
stays so from the new one. So the engine's two bases (`foedus.model.parties.party_on`), the carry, the war replay's
timeline and `foedus treaties show` read the corrected days as they read any treaty's.
"""

from __future__ import annotations

import datetime as dt

from foedus.model.facts import DateCertainty
from foedus.model.treaty import Member, Treaty

__all__ = ["cannot_start", "first_phase", "start_update"]


def first_phase(t: Treaty, atopid: int) -> bool:
    """Whether `t` is the alliance's first phase (`atop_<id>`, or `atop_<id>_p1`): the one its signature and entry into
    force date, which a `starts` without a `phase` corrects (a later phase begins on its own day)."""
    return t.id in (f"atop_{atopid}", f"atop_{atopid}_p1")


def _moved(old_in: dt.date | None, old_signed: dt.date | None, signed: dt.date, day: dt.date | None) -> dt.date:
    """The new first day in force: `day` where given, else, from a new signature `signed`, the signature where the
    old day in force was the old signature's (ATOP's reading), else the later of the old day and the signature."""
    if day is not None:
        return day
    return signed if old_in is None or old_in == old_signed else max(old_in, signed)


def _first_row(t: Treaty, state: str) -> Member | None:
    """`state`'s first membership row in `t` (by the day it became a party), if it has one."""
    rows = [m for m in t.members if m.state == state]
    return min(rows, key=lambda m: m.joined or t.in_force or t.signed) if rows else None


def cannot_start(t: Treaty, states: set[str], day: dt.date | None, signed: dt.date | None) -> str | None:
    """Why `t` (or the first rows of `states`) cannot start on `day` (in force) and `signed` (signature), or None: a
    state with no row, a day in force before the signature, a member's before the alliance's own entry into force, a
    first day on or after the end of the alliance or of a row it moves."""
    if not states:
        new_signed = signed or t.signed
        new_in = _moved(t.in_force, t.signed, new_signed, day)
        if new_in < new_signed:
            return f"{new_in} is before {t.id}'s signature ({new_signed}): a treaty cannot enter into force before it"
        if t.terminated is not None and new_in >= t.terminated:
            return f"{t.id} ended on {t.terminated}, on or before its new first day {new_in}"
        for m in t.members:
            if m.left is not None and m.left <= new_in and _founder(t, m, new_in):
                return f"{m.state} left {t.id} on {m.left}, on or before its new first day {new_in}"
        return None
    for state in sorted(states):
        row = _first_row(t, state)
        if row is None:
            return f"{state} is not a member of {t.id}: there is no membership to date"
        row_signed = signed or row.signed or t.signed
        new_in = _moved(row.joined or t.in_force, row.signed, row_signed, day)
        if new_in < row_signed:
            return f"{new_in} is before {state}'s signature of {t.id} ({row_signed}): a party from before it cannot be"
        if t.in_force is not None and new_in < t.in_force:
            return f"{new_in} is before {t.id} entered into force ({t.in_force}): a member cannot be a party before it"
        if row.left is not None and new_in >= row.left:
            return f"{state} left {t.id} on {row.left}, on or before its new first day {new_in}"
    return None


def _founder(t: Treaty, m: Member, new_in: dt.date) -> bool:
    """Whether the row is a party from the alliance's first day (no day of its own, ATOP's first day, or one before
    the new one), so that it moves with it."""
    return m.joined is None or m.joined == t.in_force or m.joined < new_in


def start_update(t: Treaty, states: set[str], day: dt.date | None, signed: dt.date | None,
                 how: DateCertainty | None) -> dict[str, object]:
    """What a `starts` changes in `t`: without `states`, its signature, entry into force (`how`: how well `day` is
    known) and the rows of its founders (a later accession keeps its day); with them, each one's first row."""
    if states:
        rows = {id(_first_row(t, s)) for s in states}
        return {"members": [_row(m, _moved(m.joined or t.in_force, m.signed, signed or m.signed or t.signed, day),
                                 signed, how, day is not None) if id(m) in rows else m for m in t.members]}
    new_signed = signed or t.signed
    new_in = _moved(t.in_force, t.signed, new_signed, day)
    members = [_row(m, new_in, new_signed if m.signed is not None and m.signed < new_signed else None, how,
                    day is not None) if _founder(t, m, new_in) else m for m in t.members]
    update: dict[str, object] = {"signed": new_signed, "in_force": new_in, "members": members}
    if day is not None:
        update["in_force_certainty"] = how
    return update


def _row(m: Member, joined: dt.date, signed: dt.date | None, how: DateCertainty | None, dated: bool) -> Member:
    """`m` a party from `joined` (`how` well known, where the correction dates the day in force), signed on `signed`
    where given."""
    update: dict[str, object] = {"joined": joined}
    if dated or m.joined != joined:
        update["joined_certainty"] = how
    if signed is not None:
        update["signed"] = signed
    return m.model_copy(update=update)
