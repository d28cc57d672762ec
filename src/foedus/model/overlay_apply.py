"""How an overlay's changes rewrite a treaty world's treaties (`foedus.model.overlay.Overlay.apply`): each change
checked against the world, each changed treaty validated again as a file would be."""

from __future__ import annotations

import datetime as dt
from typing import Any

from pydantic import ValidationError

from foedus.errors import ScenarioError, field_path, validation_problem
from foedus.model.overlay_changes import ADDED, AddMember, AddTreaty, DropTreaty, RemoveMember, SetScope, SetStrength
from foedus.model.overlay_set import summary, typed
from foedus.model.parties import first_party_day
from foedus.model.treaty import Treaty
from foedus.model.world import World

__all__ = ["added_treaty", "apply_change"]


def _said(change: AddMember | RemoveMember) -> str:
    """The change as a message names it: as typed on the command line, else `what-if remove_member T:S`."""
    return typed(change) or f"what-if {summary(change)}"


def _need(treaties: dict[str, Treaty], treaty_id: str, world: World) -> Treaty:
    """The treaty a change changes; one the world lacks is refused with suggestions (`World.treaty`). A treaty of
    the world missing here was dropped, and a change to a dropped treaty is refused before any change applies
    (`foedus.model.overlay_set.refuse_contradictions`)."""
    if treaty_id not in treaties:
        world.treaty(treaty_id)  # raises with suggestions when the world does not have it either
        raise AssertionError(f"what-if: {treaty_id!r}, dropped, is changed: the contradiction was not refused")
    return treaties[treaty_id]


def _revalidate(treaty: Treaty, data: dict[str, Any], world: World, where: str) -> Treaty:
    from foedus.model.loader import validate_references

    try:
        fresh = Treaty.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        raise ScenarioError(f"{where}: {validation_problem(err, Treaty)}") from None
    return validate_references(fresh, where, world.states, world.places)


def _spells(treaty: Treaty, state: str, either: bool = False) -> list[tuple[dt.date, dt.date | None]]:
    """The (first day, first day out) of each of `state`'s membership rows, in order, a row's first day read as
    the treaty file's check reads it (`treaty_checks.check_parties`), or with `either` its first day as a party on
    either basis, signed or in force (`foedus.model.parties.first_party_day`)."""
    return sorted((first_party_day(treaty, m) if either else m.joined or treaty.in_force or m.signed or treaty.signed,
                   m.left) for m in treaty.members if m.state == state)


def _on(spells: list[tuple[dt.date, dt.date | None]], day: dt.date) -> tuple[dt.date, dt.date | None] | None:
    """The spell that holds `day`, if one does."""
    return next(((s, e) for s, e in spells if s <= day and (e is None or day < e)), None)


def _held(spell: tuple[dt.date, dt.date | None]) -> str:
    return f"from {spell[0]}" + (f" to {spell[1]}" if spell[1] else "")


def _added_row(treaty: Treaty, state: str, change: AddMember, day: dt.date | None) -> dict[str, Any]:
    """The member row an `add_member` change adds: from its `joined` (the treaty's entry into force when none) to
    the first day of the state's next real spell, so that the two never overlap (SWE added to NATO for 1979 is a
    party until its real accession of 2024). A state that is a member on the scenario's `day` is refused (a what-if
    that changes nothing), as is a `joined` inside a spell (the treaty file's check would say the state 'is listed
    twice', with advice for the file); without `joined`, a state out by `day` after an earlier spell is added from
    its exit on. One from the treaty's termination on, which would never be a party, is refused too (a treaty a
    what-if changed is not asked `check_written`'s questions)."""
    start = change.joined or treaty.in_force or treaty.signed
    if treaty.terminated is not None and start >= treaty.terminated:
        raise ScenarioError(f"what-if: {treaty.id} was terminated on {treaty.terminated} (its first day out of "
                            f"force): {state} joining on {start} would never be a party")
    spells = _spells(treaty, state)
    if day is not None and start <= day and (now := _on(spells, day)):  # (one added later: `later_notes` says so)
        raise ScenarioError(f"what-if: {state} is already a member of {treaty.id} on {day} ({_held(now)})")
    joined = change.joined
    if covering := _on(spells, start):
        if joined is not None or day is None or day < start:
            added = f"; the membership added from {joined} overlaps it" if joined else ""
            raise ScenarioError(f"what-if: {state} is already a member of {treaty.id} ({_held(covering)}){added}")
        joined = start = max(e for _, e in spells if e is not None and e <= day)  # out by `day`: back from its exit
    left = min((s for s, _ in spells if s > start), default=None)
    return {"state": state, "joined": joined, "left": left, "note": ADDED}


def _in_system(change: AddMember, row: dict[str, Any], treaty: Treaty, world: World, day: dt.date | None) -> None:
    """Refuse a member added, as of the scenario's `day`, that is no member of the state system then (the GDR added
    to NATO joined a war of 2025), as a cascade's attacker or target is refused (`foedus.state_lists.non_member`, by
    COW's list on the day: Ukraine added to NATO in 1985 too, though a treaty file's member before its first spell is
    a party by the state-system rule; why there); one added from a later day is noted instead
    (`overlay_dated.later_notes`)."""
    from foedus.state_lists import non_member

    start = row["joined"] or treaty.in_force or treaty.signed
    if day is None or day < start or (row["left"] is not None and row["left"] <= day):
        return
    if said := non_member(world, world.states.get(row["state"]), day, f"{_said(change)}:"):
        raise ScenarioError(f"{said}; it cannot be a party then")


def _member_on(treaty: Treaty, state: str, change: RemoveMember, day: dt.date | None) -> None:
    """Refuse a removal of a state that is no member of the treaty at all, or (on a scenario's `day`, with no
    `left` after it: a later one is noted, `overlay_dated.later_notes`) none on that day, naming its spells: the
    removal would not change the scenario (one with a `left` is asked after `_ended`, whose words say more: the
    state left on that very day, say). A state that is a party on the day on either basis is one: the run's basis
    is not known here (SWE, a signatory of NATO from 2022, is a party in 2023 on the signed basis)."""
    spells = _spells(treaty, state)  # named as the file dates them: by entry into force
    if not spells:
        raise ScenarioError(f"what-if: {state} is not a member of {treaty.id}")
    if day is not None and (change.left is None or change.left <= day) and not _on(_spells(treaty, state, True), day):
        raise ScenarioError(f"what-if: {state} is not a member of {treaty.id} on {day} (a member "
                            f"{', '.join(_held(s) for s in spells)}): removing it does not change the scenario")


def _ended(treaty: Treaty, state: str, change: RemoveMember, left: dt.date) -> list[dict[str, Any]]:
    """The treaty's member rows with `state` no party from `left` on: the last of its spells begun by that
    day ends then (a spell it left and rejoined, or a row split where a freeze began, is one row each), those begun
    later go, and earlier ones stay as they are (the ended spell's suspensions and freezes begun from then on go too,
    as windows of no membership, which `check_dates` refuses). Setting `left` on every row of the state lengthened a
    spell already over (PAK, out of SEATO in 1973, a party in 1975 with `left: 1980-01-01`) and made two spells
    overlap (ARM in csto_1992). A removal that shortens nothing would only lengthen the membership, and is refused.

    Raises:
        ScenarioError: the state had left by `change.left` and has no later spell, naming the change and its exit.
    """
    start = [m.joined or treaty.in_force or m.signed or treaty.signed for m in treaty.members]
    rows = [i for i, m in enumerate(treaty.members) if m.state == state]
    begun = [i for i in rows if start[i] <= left] or [min(rows, key=start.__getitem__)]  # the treaty's rule refuses
    last = max(begun, key=lambda i: start[i])
    later = {i for i in rows if start[i] > start[last]}
    out = treaty.members[last].left
    if out is not None and out <= left and not later:
        why = "the day given: the removal changes nothing" if out == left else \
            f"before {left}: a removal cannot lengthen a membership"
        raise ScenarioError(f"{_said(change)}: {state} left {treaty.id} on {out}, {why}; give a 'left' "
                            f"before {out}")
    members = [m.model_dump(mode="python") for i, m in enumerate(treaty.members) if i not in later]
    if out is None or left < out:
        row = members[last - sum(1 for i in later if i < last)]
        row["left"] = left
        for key in ("suspended", "frozen"):  # a window begun from `left` on is of no membership now: it goes
            row[key] = [span for span in row.get(key) or [] if span["start"] < left]
    return members


def apply_change(change: AddMember | RemoveMember | DropTreaty | AddTreaty | SetStrength | SetScope,
                 treaties: dict[str, Treaty], world: World, files: dict[str, str] | None = None,
                 new: Treaty | None = None, day: dt.date | None = None) -> None:
    """Apply one change to `treaties` (in place), checked against `world`, its state's name read on `day` (today's
    when None: `Overlay.apply`); `files` (`World.files`, kept up to
    date as treaties are added and dropped) names the file each given treaty came from; `new`, the treaty an
    `add_treaty` change adds, when it has been read already (`added_treaty`)."""
    files = {} if files is None else files
    if isinstance(change, AddTreaty):
        _add_treaty(change, new or added_treaty(change, world), treaties, world, files)
        return
    treaty = _need(treaties, change.treaty, world)
    if isinstance(change, DropTreaty):
        del treaties[change.treaty]
        files.pop(change.treaty, None)
        return
    data = treaty.model_dump(mode="python")
    if isinstance(change, AddMember):
        state = world.state_named(change.state, day).id  # a place is told it is one
        data["members"].append(row := _added_row(treaty, state, change, day))
        _in_system(change, row, treaty, world, day)
    elif isinstance(change, RemoveMember):
        state = world.state_named(change.state, day).id  # a place is told it is one
        _member_on(treaty, state, change, None if change.left else day)  # a `left` is asked `_ended`'s first
        if change.left is None:
            data["members"] = [m for m in data["members"] if m["state"] != state]
            if not data["members"]:  # the treaty file's rule would say 'members: needs at least 1 item, got 0'
                raise ScenarioError(f"{_said(change)}: {state} is the last member left in {treaty.id}; to "
                                    f"take every member out, drop the treaty instead (--drop-treaty {treaty.id}; a "
                                    "drop_treaty change)")
            data["provisions"] = _without_party(data["provisions"], state)
        else:
            data["members"] = _ended(treaty, state, change, change.left)
            _member_on(treaty, state, change, day)
    else:
        hits = [p for p in data["provisions"] if p["article"] == change.article]
        if not hits:
            from foedus.model.treaty_checks import bare_article  # here: only a missing article needs it

            arts = sorted({p["article"] for p in data["provisions"]})
            bare = bare_article(change.article)  # 'Art. 5' where the treaty encodes '5': the spelling to write
            spelt = f"; {change.article!r} is article {bare!r}: write {bare!r}" if bare in arts else ""
            raise ScenarioError(f"what-if: {treaty.id} has no article {change.article!r} (articles: {', '.join(arts)})"
                                f"{spelt}")
        for p in hits:
            if isinstance(change, SetStrength):
                p["strength"] = change.strength
            else:
                p["scope"] = change.scope.model_dump()
    fresh = _revalidate(treaty, data, world, typed(change) or f"what-if {change.op} {treaty.id}")
    if fresh == treaty:  # an article set to what it says already: the what-if would be the world unchanged, unsaid
        raise ScenarioError(f"{typed(change) or 'what-if: ' + summary(change)} changes nothing: {treaty.id} says so "
                            "already")
    treaties[treaty.id] = fresh


def _add_treaty(change: AddTreaty, new: Treaty, treaties: dict[str, Treaty], world: World,
                files: dict[str, str]) -> None:
    """Add a treaty: its id must be new, and what it replaces must be a treaty. An id that a file the user gave
    holds too is named with both files (given twice); one the world brings is to be dropped first."""
    from foedus.written import as_written

    this = as_written(change.path) if change.path else "an inline treaty"
    said = typed(change) or f"what-if add_treaty: {this}"  # as typed: `--add-treaty t.yaml`
    if new.id in treaties and new.id in files:  # (not how it was given: the world or an overlay may hold it)
        from foedus.model.files_once import FilesOnce

        once = FilesOnce()
        once.twice(files[new.id])
        twice = once.twice(change.path) if change.path else None  # the same file: given twice, as the loader says
        raise ScenarioError(f"{said}: " + (twice or f"treaty id {new.id!r} is also in "
                                                                        f"{files[new.id]}; give each treaty once"))
    if new.id in treaties:
        raise ScenarioError(f"{typed(change) or 'what-if add_treaty'}: the world already has a treaty {new.id!r}; drop "
                            "it first "
                            "(--drop-treaty; a drop_treaty change) or give the new one another id")
    from foedus.model.replacing import later_signed

    dates = {new.id: new.signed}  # each treaty replaced, signed before the new one (`later_signed`)
    for old in new.replaces:
        held = treaties.get(old) or world.treaties.get(old)
        if held is None:
            said = typed(change) or f"what-if add_treaty {new.id}"
            raise ScenarioError(f"{said}: replaces {old!r}, which no treaty is")
        dates[old] = held.signed
    if later := later_signed(new.id, new.replaces, dates):
        raise ScenarioError(f"{typed(change) or 'what-if add_treaty ' + new.id}: {': '.join(later)}")
    treaties[new.id] = new
    files[new.id] = this


def added_treaty(change: AddTreaty, world: World) -> Treaty:
    """The treaty an `add_treaty` change adds, read from its file or inline and checked as a treaty file is."""
    from foedus.model.loader import read_treaty_file, validate_references
    from foedus.model.scope_reach import check_scope_reached
    from foedus.model.treaty_checks import check_written
    from foedus.reachable import is_folder
    from foedus.written import as_written, kept

    if change.path:
        path = kept(change.path)  # `t.yaml/` is refused as the system refuses it, not read as t.yaml
        if is_folder(path):  # anything else that is not a readable regular file, read_treaty_file says why
            raise ScenarioError(f"{typed(change) or 'what-if add_treaty: ' + as_written(path)}: a folder, not a treaty "
                                "file")
        treaty = validate_references(read_treaty_file(path), as_written(path), world.states, world.places)
        check_written(treaty, as_written(path))
        check_scope_reached(treaty, world.places.places, as_written(path))
        return treaty
    if change.treaty is None:
        raise ScenarioError("what-if add_treaty needs a 'path' or an inline 'treaty'")
    try:
        parsed = Treaty.model_validate(change.treaty)
    except ValidationError as exc:
        err = exc.errors()[0]
        where = field_path(("treaty", *err["loc"]))  # a whole-treaty check has no loc of its own
        raise ScenarioError(f"what-if add_treaty: {where}: {validation_problem(err, Treaty)}") from None
    treaty = validate_references(parsed, "what-if add_treaty", world.states, world.places)
    check_written(treaty, "what-if add_treaty")
    check_scope_reached(treaty, world.places.places, "what-if add_treaty")
    return treaty


def _without_party(provisions: list[dict[str, Any]], state: str) -> list[dict[str, Any]]:
    """The provisions with `state` gone from the obligors, beneficiaries and suspensions that name it; a clause
    left owed by no one, or to no one, goes too."""
    out = []
    for p in provisions:
        for key in ("obligors", "beneficiaries"):
            if p.get(key) is not None:
                p[key] = [s for s in p[key] if s != state]
        p["suspensions"] = [x for x in p.get("suspensions") or [] if state not in (x["obligor"], x["beneficiary"])]
        if p.get("obligors") != [] and p.get("beneficiaries") != []:
            out.append(p)
    return out
