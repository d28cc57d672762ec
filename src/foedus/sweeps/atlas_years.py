"""What a what-if change means in each year of the yearly atlas (`foedus atlas --from Y1 --to Y2` with `--add-member`,
`--drop-treaty`, …): each year's world is the treaties as encoded changed by the changes that can apply on its day
(1 July), read on that day as a one-date atlas reads them; a change that cannot apply in a year (its treaty not in
force then, its state not in the state system or a member already, or no member to remove) leaves that year as
encoded, and the series' notes say which years and why, never silently. Every row's `what_if` cell names the changes
that applied in its year (`NONE_APPLIED` where none did)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from foedus.whatif_words import NONE_APPLIED, year_spans  # a year where no change applies; years as runs

if TYPE_CHECKING:
    import pandas as pd

    from foedus.model.overlay import Change
    from foedus.model.treaty import Treaty
    from foedus.model.world import World

__all__ = ["NONE_APPLIED", "SeriesWhatIf", "series_what_if"]


@dataclass(frozen=True)
class SeriesWhatIf:
    """A yearly atlas's what-if changes and, per year, the numbers (from 0) of those that apply on its day; sent
    whole to Dask workers, each of which builds its years' worlds from the bundled one (`world`)."""

    changes: tuple[Change, ...]
    applied: dict[int, tuple[int, ...]]
    notes: tuple[str, ...] = ()
    on: tuple[int, int] = (7, 1)
    said: tuple[str, ...] = field(default=())  # each change as `overlay_set.summary` says it

    def world(self, base: World, year: int) -> World:
        """The world of `year`: `base` with the changes that apply then, names read and members checked on its day."""
        from foedus.model.overlay import Overlay

        applied = [self.changes[i] for i in self.applied.get(year, ())]
        if not applied:
            return base
        return Overlay(changes=applied).apply(base, dt.date(year, *self.on))

    def read_on(self, number: int) -> list[dt.date]:
        """The days the change numbered `number` reads its state's name on: those of the years it applies in, else
        (it applies in none) every year's (`--save-overlay` saves the id read then: `overlay_ids.by_state_ids_on`)."""
        years = [y for y, numbers in self.applied.items() if number in numbers] or list(self.applied)
        return [dt.date(y, *self.on) for y in sorted(years)]

    def cell(self, year: int) -> str:
        """The `what_if` cell of `year`'s row: the changes that apply in it, as `foedus cascade --format csv` names
        them, or `NONE_APPLIED`."""
        from foedus.whatif_words import what_if_cell

        return what_if_cell([self.said[i] for i in self.applied.get(year, ())]) or NONE_APPLIED

    def frame(self, table: pd.DataFrame) -> pd.DataFrame:
        """`table` (one row per year) with the `what_if` column last."""
        return table.assign(what_if=[self.cell(int(y)) for y in table["year"]])


def series_what_if(changes: Sequence[Change], base: World, years: Iterable[int], basis: str,
                   on: tuple[int, int] = (7, 1)) -> SeriesWhatIf:
    """Which changes apply in which years (`why_not`), and the notes: the what-if world's note, and per change the
    years it does not apply in, by reason. The changes are checked as one set first (contradictions, a treaty or a
    state that does not exist: `Overlay.apply`'s refusals), whatever the years, then each change in the first year it
    applies in (an article the treaty lacks is refused before any year runs, not once the years before it have)."""
    from foedus.model.overlay import Overlay, state_in
    from foedus.model.overlay_set import named, refuse_contradictions, summary
    from foedus.whatif_words import what_if_world

    years = list(years)
    checked = Overlay(changes=list(changes))  # malformed changes refused as a one-date atlas refuses them
    treaties = _treaties(checked.changes, base)
    added = {t.id for t in treaties.values() if t is not None and t.id not in base.treaties}
    by_id = [c if (t := treaties[n]) is None or not isinstance(getattr(c, "treaty", None), str)
             else c.model_copy(update={"treaty": t.id}) for n, c in enumerate(checked.changes)]  # `nato` is nato_1949
    refuse_contradictions(by_id, state_in(base, None), added)
    applied: dict[int, list[int]] = {year: [] for year in years}
    missed: dict[tuple[int, str], list[int]] = {}
    for year in years:
        day = dt.date(year, *on)
        for number, change in enumerate(checked.changes):
            reason = why_not(change, treaties.get(number), base, day, basis)
            if reason is None:
                applied[year].append(number)
            else:
                missed.setdefault((number, reason), []).append(year)
    said = tuple(summary(c) for c in checked.changes)
    notes = [what_if_world(said)]
    for (number, reason), skipped in sorted(missed.items(), key=lambda kv: (kv[0][0], kv[1][0])):
        rows = "that year's row is" if len(skipped) == 1 else "those years' rows are"
        notes.append(f"{named(checked.changes[number], number + 1)} does not apply in {year_spans(skipped)}: "
                     f"{reason}, so {rows} as encoded for it")
    plan = SeriesWhatIf(tuple(checked.changes), {y: tuple(a) for y, a in applied.items()}, tuple(notes), on, said)
    for year in sorted({next(y for y in years if n in applied[y]) for n in range(len(said)) if any(
            n in applied[y] for y in years)}):  # each change applied once before any year runs: a bad article, say
        plan.world(base, year)
    _check_unapplied(checked.changes, treaties, applied, base, dt.date(years[0], *on) if years else None)
    return plan


def _check_unapplied(changes: Sequence[Change], treaties: dict[int, Treaty | None], applied: dict[int, list[int]],
                     base: World, day: dt.date | None) -> None:
    """Apply alone each `set_strength` or `set_scope` that applies in no year, to its treaty as encoded (with the
    `add_treaty` that adds it, for an added one): a bad article or scope is refused in one line, as on one date,
    where it was only said not to apply (its treaty in force in no year of the series)."""
    from foedus.model.overlay import Overlay
    from foedus.model.overlay_changes import AddTreaty, SetScope, SetStrength

    used = {n for numbers in applied.values() for n in numbers}
    for number, change in enumerate(changes):
        treaty = treaties.get(number)
        if number in used or treaty is None or not isinstance(change, SetStrength | SetScope):
            continue
        adds = [c for n, c in enumerate(changes) if isinstance(c, AddTreaty) and (t := treaties.get(n)) is not None
                and t.id == treaty.id]
        Overlay(changes=[*adds, change]).apply(base, day)


def why_not(change: Change, treaty: Treaty | None, world: World, day: dt.date, basis: str) -> str | None:
    """Why `change` cannot apply on `day` (words with no year in them, for the note that lists the years), or None
    where it applies: its treaty (`treaty`) makes no state a party then on `basis`, the state it adds is not in the
    state system then or a party already, the state it removes no party then; a member added from a later `joined`,
    or removed from a later `left`, does not apply before it."""
    from foedus.model.overlay_changes import AddMember, AddTreaty, DropTreaty, RemoveMember
    from foedus.model.parties import party_on, state_party_on

    if treaty is None:  # (a treaty dropped and added anew: the replacement holds in every year)
        return None
    when = "on 1 July" if day.month == 7 and day.day == 1 else f"on {day:%d %B}"
    if not any(party_on(treaty, m, day, basis) for m in treaty.members):
        kind = "added" if isinstance(change, AddTreaty) else "dropped" if isinstance(change, DropTreaty) else "changed"
        return f"{treaty.id}, the treaty {kind}, is not in force {when} ({basis} basis)"
    if not isinstance(change, AddMember | RemoveMember):
        return None
    state = world.state_named(change.state, day).id  # an ambiguous name is refused, naming the day
    if isinstance(change, AddMember):
        if change.joined is not None and change.joined > day:
            return f"{state} joins only from {change.joined}"
        if world.states.states[state].member_on(day) is False:  # COW's list, as `state_lists.non_member` reads one
            return f"{state} is not a member of the state system {when}"
        if state_party_on(treaty, state, day, basis):
            return f"{state} is a party of {treaty.id} already {when}"
        return None
    if change.left is not None and change.left > day:
        return f"{state} leaves only from {change.left}"
    return None if state_party_on(treaty, state, day, basis) else f"{state} is no party of {treaty.id} {when}"


def _treaties(changes: Sequence[Change], base: World) -> dict[int, Treaty | None]:
    """The treaty each change touches, by its number: the one it adds (read from its file), else the one of `base`
    it names (a name read as `World.treaty` reads it; one no treaty carries refused with suggestions), or the one an
    `add_treaty` of the set adds under that id; None for a drop or an addition of a treaty the set replaces (a
    replacement applies in every year: the changes to it are read on the copy added)."""
    from foedus.model.overlay_apply import added_treaty
    from foedus.model.overlay_changes import AddTreaty, DropTreaty
    from foedus.model.overlay_set import told_where

    added: dict[int, Treaty] = {}
    for number, change in enumerate(changes):
        if isinstance(change, AddTreaty):
            with told_where(change):
                added[number] = added_treaty(change, base)
    new = {t.id: t for t in added.values()}
    out: dict[int, Treaty | None] = {}
    for number, change in enumerate(changes):
        if isinstance(change, AddTreaty):  # each is in `added`
            out[number] = None if added[number].id in base.treaties else added[number]
            continue
        tid = change.treaty
        if tid in new:
            out[number] = None if isinstance(change, DropTreaty) else new[tid]
            continue
        with told_where(change):
            out[number] = base.treaty(tid)
    return out
