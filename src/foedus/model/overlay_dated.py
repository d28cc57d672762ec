"""What-if changes dated after a scenario's date: a member added from a later day (`joined`) is no party then, one
leaving on a later day (`left`) still one, and a treaty added that makes no state a party until a later day on the
run's basis (its signature on the signed basis, its entry into force or accessions) binds no one then, so the change
does not touch the scenario; nor does one never in force (no `in_force`, no accession) on the in-force basis.
A cascade or a comparison ran such a what-if as the world unchanged and said nothing; its notes now say which
change, and from when it applies (or that it is never in force). The other kinds (drop_treaty, set_strength,
set_scope) carry no date of their own."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import TYPE_CHECKING, Final, Literal

from foedus.model.overlay_changes import ADDED, AddMember, AddTreaty, Change, RemoveMember
from foedus.model.parties import first_party_day, member_start, party_on

if TYPE_CHECKING:
    from foedus.model.treaty import Treaty
    from foedus.model.world import World

__all__ = ["later_notes", "treaty_added"]

_NEVER: Final = "never"  # `_first_party` of a treaty that makes no state a party on any day


def later_notes(changes: Iterable[Change], day: dt.date, world: World, basis: str,
                before: World | None = None) -> list[str]:
    """A note for each change that takes effect only after `day` (a membership runs from its `joined` to the day
    before its `left`: `foedus.model.parties.party_on`), naming it as it was given (`overlay_set.named`).
    A `left` ends the membership from that day on and never lengthens one (`overlay_apply._ended`), so a later
    `left` leaves `day` as it was. `world` is the world the changes made: it holds the treaties added; `basis` is
    the run's membership basis (`Scenario.basis`): a treaty signed by then but in force only later binds no one then
    in force, and one never in force (no `in_force`, no accession) binds no one in force on any day. With `before`,
    the world the changes were made to: a removal of a state that is no party on `day` on `basis` (a signatory not
    yet in force, on the in-force basis: `_no_party_note`), which `overlay_apply` takes as it knows no basis."""
    from foedus.model.overlay_set import named

    notes = []
    for number, change in enumerate(changes, 1):
        if before is not None and isinstance(change, RemoveMember) and (change.left is None or change.left <= day) \
                and (said := _no_party_note(change, day, before, basis)):
            notes.append(f"{named(change, number)}: {said}: this what-if change does not touch the scenario")
        when = _from(change, world, basis, day)
        if when == _NEVER:
            notes.append(f"{named(change, number)} is never in force (no in_force date, no accession): on the "
                         "in-force basis this what-if change does not touch the scenario")
        if not isinstance(when, dt.date) or when <= day:
            continue
        notes.append(f"{named(change, number)} takes effect only from {when}, after the scenario's date ({day}): "
                     "this what-if change does not touch the scenario")
    return notes


def _no_party_note(change: RemoveMember, day: dt.date, before: World, basis: str) -> str | None:
    """What a removal's state is on `day` in the treaty as it was (`before`), where it is no party then on `basis`
    (`foedus.model.parties.party_on`: a signatory counts from its ratification on the in-force basis), else None;
    None too where a day of the state's membership is known only to a window (the result's doubts say what it may
    be: `foedus.model.windows`)."""
    from foedus.errors import FoedusError

    treaty = before.treaties.get(change.treaty)
    if treaty is None:
        return None
    try:
        state = before.state_named(change.state, day).id
    except FoedusError:  # (`overlay_apply` read the name; read otherwise here, it says nothing)
        return None
    rows = [m for m in treaty.members if m.state == state]
    windowed = any(m.joined_certainty or m.left_certainty or (m.joined is None and treaty.in_force_certainty)
                   for m in rows)
    if not rows or windowed or any(party_on(treaty, m, day, basis) for m in rows):
        return None
    starts = sorted(str(d) for m in rows if (d := member_start(treaty, m)[0]) is not None)
    counts = f"from {starts[0]}" if starts else "on no day"
    how = "by signature" if basis == "signed" else f"by entry into force (its membership counts {counts})"
    return f"{state} is no party of {treaty.id} on {day} {how}"


def _from(change: Change, world: World, basis: str, day: dt.date) -> dt.date | Literal["never"] | None:
    """The first day the change can touch a scenario, where it has one: its `joined` (without one, the first day
    the row it added makes its state a party on `basis`: the treaty's entry into force, after a 1930 scenario for a
    state added to NATO), its `left`, or the first day the treaty it adds makes a state a party on `basis`."""
    if isinstance(change, AddMember):
        return change.joined if change.joined is not None else _added_from(change, world, basis, day)
    if isinstance(change, RemoveMember):
        return change.left
    return _first_party(treaty_added(change, world), basis) if isinstance(change, AddTreaty) else None


def _added_from(change: AddMember, world: World, basis: str, day: dt.date) -> dt.date | Literal["never"] | None:
    """The first day the member row `change` added (`overlay_apply._added_row`) makes its state a party on `basis`
    (`_NEVER` when none: a treaty never in force, on the in-force basis); None when that row is not found."""
    from foedus.errors import FoedusError

    treaty = world.treaties.curated.get(change.treaty)  # (asking the whole map would load the history)
    try:
        state = world.state_named(change.state, day).id
    except FoedusError:  # (`overlay_apply` read the name; read otherwise here, it says nothing)
        return None
    rows = [m for m in treaty.members if m.state == state and m.note == ADDED] if treaty is not None else []
    if treaty is None or not rows:
        return None
    start = member_start(treaty, rows[-1], basis)[0]
    return _NEVER if start is None else start


def treaty_added(change: AddTreaty, world: World) -> Treaty | None:
    """The treaty `change` added to `world` (`overlay_apply._add_treaty` files it under its file as written, or
    under "an inline treaty"); None when it is not there."""
    from foedus.written import as_written

    curated = world.treaties.curated  # an added treaty is curated: asking the whole map would load the history
    if change.treaty is not None:
        tid = change.treaty.get("id")
        return curated.get(tid) if isinstance(tid, str) else None
    given = as_written(change.path) if change.path else None
    return next((curated[k] for k, f in world.files.items() if f == given and k in curated), None)


def _first_party(treaty: Treaty | None, basis: str) -> dt.date | Literal["never"] | None:
    """The first day the treaty makes any state a party on `basis` (as `foedus.model.parties.party_on` reads a
    row: on the signed basis `first_party_day`, in force its accession or entry into force, `member_start`); `_NEVER`
    in force when no row has either (no in_force, no accession) and no window says it may have entered into force;
    None when there is no such treaty, or when a date of it is known only to a window (the true day may be the
    scenario's; an entry into force not found may have come: the result's doubts say so)."""
    from foedus.model.windows import has_window

    if treaty is None or not treaty.members:
        return None
    starts = [d for m in treaty.members if (d := member_start(treaty, m)[0]) is not None]
    if basis != "signed" and not starts and treaty.in_force_certainty is None:
        return _NEVER  # no row starts in force: no window can give it a day
    # one whose entry into force was not found but may have come (a window from `since`) may be in force: a doubt
    if has_window(treaty):
        return None
    if basis == "signed":
        return min(first_party_day(treaty, m) for m in treaty.members)
    return min(starts)
