"""The atlas: the cascade of every ordered dyad at a date, and yearly systemic indicators.

A sweep layer above the engine: it asks the batched engine (`foedus.engine.fast.batch`) for all
"a attacks b's home territory" scenarios at once and summarises them. Dyads are the ordered pairs
of state-system members on the date (all registry states with a home territory when COW dates are
not loaded).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from foedus.engine.fast.batch import BatchResult, batch_cascades, compile_rules
from foedus.engine.fast.rounds import ATTACK, DEFENSE
from foedus.engine.outcome import DATA_END, DATA_END_NOTE
from foedus.engine.scenario import READINGS, Basis, Decisions, NonMilitary, Reading, Scenario, Severity, switches
from foedus.model.state_files import cow_carried
from foedus.model.world import World
from foedus.sources.atop_release import ATOP_END

if TYPE_CHECKING:
    import pandas as pd

    from foedus.sweeps.atlas_years import SeriesWhatIf

__all__ = ["SERIES_DAY", "AtlasOptions", "Coverage", "atlas_frame", "atlas_results", "coverage", "dated_coverage",
           "dyad_members", "frame_notes", "need_members", "opposite_count", "series_notes", "tripwire_notes",
           "yearly_indicators", "years_frame"]

# what the atlas's major-power columns would give, for the note saying why they are empty (`empty_note`)
OPPOSITE_FIGURE = "whether major powers fight on opposite sides"
TRIPWIRE_FIGURE = "the number of dyads whose war puts major powers on opposite sides"

SERIES_DAY = (7, 1)  # a yearly series' reference day (month, day): 1 July


@dataclass(frozen=True)
class AtlasOptions:
    """What the atlas computes: readings, request, unresolved-condition and decision gates, membership basis."""

    readings: tuple[Reading, ...] = READINGS
    requested: bool = True
    unresolved_met: bool = True
    backend: str | None = None  # numpy (default) or torch
    severity: Severity = "armed-attack"  # what each dyad's opening incident is
    basis: Basis = "in-force"  # membership by entry into force, or by signature
    decisions: Decisions = "taken"  # whether the decisions some clauses need are read as taken
    non_military: NonMilitary = "withheld"  # obligors who may limit their aid to non-military means: or bound

    def switches(self, day: dt.date) -> Scenario:
        """The scenario switches these options compile the rules with."""
        return switches(day, requested=self.requested, unresolved="met" if self.unresolved_met else "unmet",
                        severity=self.severity, basis=self.basis, decisions=self.decisions,
                        non_military=self.non_military)


def dyad_members(world: World, day: dt.date) -> list[str]:
    """States that can attack or be attacked on `day`: the system members, or every state where the world has no
    COW dates at all (before 1816, with them, there are none)."""
    members = [s.id for s in world.states if s.member_on(day)]
    return members if members or world.states.has_system_dates else [s.id for s in world.states]


def series_notes(last: int, datasets: Collection[str] = ("atop", "cow_states"), *, cinc: bool = True,
                 majors: bool = True) -> list[str]:
    """What a yearly series up to `last` carries past the ends of its data, in words (none inside them); only for
    the `datasets` it read (`Coverage.datasets`: what was not read carries nothing forward), and CINC and COW's
    major powers only when it reads them (`majors`: the atlas's `majors_opposite`, `tripwire_dyads`). The COW part is
    `cow_carried`'s one wording: an atlas of one date (`dated_coverage`, `cinc=False`: it reads no CINC), similarity
    (`majors=False`), the likelihood and the Monte Carlo's major powers (`majors_notes`) say it in these."""
    notes = cow_carried(last, majors=majors, cinc=cinc) if "cow_states" in datasets else []
    if last > ATOP_END.year and "atop" in datasets:
        notes.append(f"after {ATOP_END.year} the ATOP alliances in force at the end of its coverage are carried "
                     "forward")
    if last > DATA_END.year:
        notes.append(DATA_END_NOTE)  # later years read the changes found after it, and only those
    return notes


@dataclass(frozen=True)
class Coverage:
    """What an atlas stands on: the research datasets it read (its `data used`), and notes on what it lacks."""

    datasets: tuple[str, ...]
    notes: tuple[str, ...]


def coverage(world: World, first: dt.date, cinc_year: int | None = None) -> Coverage:
    """The data an atlas from `first` on reads (`cinc_year`: the last year of a series, whose capability shares
    need COW NMC), and what it lacks, for the `data used` line and the notes of the command that writes it.

    Raises:
        DataMissingError: a date up to ATOP's end (2018) without the COW state system or the ATOP history
            (`foedus.sources.coverage`): the dyads would be every present-day state, the alliances the curated ones.
    """
    from foedus.sources.coverage import history_notes, history_read

    used = history_read(world)
    missing = [name for name in ("cow_states", "atop") if name not in used]
    notes = history_notes(f"the atlas of {first.year}", first, missing)
    if cinc_year is not None:
        from foedus.errors import DataMissingError
        from foedus.sources.cow import cinc_in

        try:
            cinc_in(cinc_year)
            used.append("cow_nmc")
        except DataMissingError:
            notes.append("COW NMC not loaded: the capability-share columns are left out; run "
                         "`foedus data fetch cow_nmc`")
    if not world.states.majors:  # majors_opposite and tripwire_dyads read COW's list: without it none is a major
        from foedus.model.major_notes import majors_notes

        notes += majors_notes(world.states, first)
    return Coverage(tuple(used), tuple(notes))


def dated_coverage(world: World, first: dt.date, last: dt.date | None = None) -> Coverage:
    """`coverage` of an atlas of one date (`compare --atlas`: of two, `last` the later), its notes adding what it
    carries past the ends of its data (`series_notes` of the last date's year, without CINC, which it does not read).

    Raises:
        DataMissingError: as `coverage`.
    """
    covered = coverage(world, first)
    carried = series_notes((last or first).year, covered.datasets, cinc=False, majors=bool(world.states.majors))
    return Coverage(covered.datasets, (*covered.notes, *carried))


def need_members(world: World, day: dt.date) -> None:
    """Refuse a date with no system member at all (before 1816, with COW dates): its atlas would have no dyad."""
    if not dyad_members(world, day):
        from foedus.errors import DateOutOfRangeError

        raise DateOutOfRangeError(f"no state is a member of the state system on {day} (the COW state system begins "
                                  "on 1816-01-01): there is no dyad to sweep")


def atlas_results(world: World, day: dt.date, options: AtlasOptions | None = None,
                  progress: Callable[[int], None] | None = None) -> dict[str, BatchResult]:
    """Batched cascades of every ordered dyad, per reading (`progress(k)` after the k-th reading)."""
    options = options or AtlasOptions()
    members = dyad_members(world, day)
    rules = compile_rules(world, options.switches(day), members, backend=options.backend)
    n = len(members)
    a, b = np.meshgrid(np.arange(n), np.arange(n), indexing="ij")
    keep = a != b
    out: dict[str, BatchResult] = {}
    for k, r in enumerate(options.readings, 1):
        out[r] = batch_cascades(rules, a[keep], b[keep], r)
        if progress is not None:
            progress(k)
    return out


def atlas_frame(world: World, day: dt.date, options: AtlasOptions | None = None,
                progress: Callable[[int], None] | None = None) -> pd.DataFrame:
    """Per ordered dyad: war size, joiners per side and whether major powers fight on opposite sides.

    `war_size` counts belligerents; `drawn_in` adds the states bound to both sides (conflicts), which
    join neither. The escalatory reading's `drawn_in` is never below the legal reading's (a test).
    `majors_opposite_*` is empty (null) where COW's list gives no major power on `day` (`majors_unknown`): it would
    read false whatever the sides (`frame_notes` says why). `progress(k)`: after the k-th reading.
    """
    import pandas as pd

    from foedus.model.major_notes import majors_unknown

    results = atlas_results(world, day, options, progress)
    first = next(iter(results.values()))
    states = first.states
    ccode = {s.id: s.ccode for s in world.states}
    frame: dict[str, Any] = {
        "date": day.isoformat(),
        "attacker": [states[i] for i in first.attackers],
        "target": [states[i] for i in first.targets],
        "ccode1": pd.array([ccode.get(states[i]) for i in first.attackers], dtype="Int64"),
        "ccode2": pd.array([ccode.get(states[i]) for i in first.targets], dtype="Int64"),
    }
    for reading, res in results.items():
        frame[f"war_size_{reading}"] = res.war_size()
        frame[f"attack_joiners_{reading}"] = (res.sides == ATTACK).sum(axis=1) - 1
        frame[f"defense_joiners_{reading}"] = (res.sides == DEFENSE).sum(axis=1) - 1
        frame[f"conflicts_{reading}"] = res.conflicts.sum(axis=1)
        frame[f"drawn_in_{reading}"] = ((res.sides != 0) | res.conflicts).sum(axis=1)
        frame[f"majors_opposite_{reading}"] = (res.majors_opposite() if majors_unknown(world.states, day) is None
                                               else pd.array([pd.NA] * len(res.attackers), dtype="boolean"))
    return pd.DataFrame(frame)


def frame_notes(world: World, day: dt.date, readings: Iterable[str]) -> list[str]:
    """Why `atlas_frame`'s `majors_opposite_*` columns are empty, where they are (none where they are measured)."""
    from foedus.model.major_notes import empty_note, majors_unknown

    unknown = majors_unknown(world.states, day)
    return [] if unknown is None else [empty_note([f"majors_opposite_{r}" for r in readings], OPPOSITE_FIGURE,
                                                  unknown)]


def tripwire_notes(world: World, day: dt.date, readings: Iterable[str],
                   columns: str = "tripwire_dyads_{}") -> list[str]:
    """Why the tripwire counts (`columns`, formatted with each reading) are empty where COW's list is not loaded: a
    series' `tripwire_dyads_*` (`year_row`), an atlas comparison's `tripwire_dyads` (`day`: the later date)."""
    from foedus.model.major_notes import empty_note, majors_unknown

    unknown = majors_unknown(world.states, day) if not world.states.majors else None
    named = list(dict.fromkeys(columns.format(r) for r in readings))
    return [] if unknown is None else [empty_note(named, TRIPWIRE_FIGURE, unknown)]


def opposite_count(res: BatchResult, watch: str, against: Iterable[str]) -> int:
    """Ordered dyads whose war puts `watch` on one side and any of `against` on the other."""
    idx = {s: i for i, s in enumerate(res.states)}
    if watch not in idx:
        return 0
    w = res.sides[:, idx[watch]]
    others = [idx[s] for s in against if s in idx]
    if not others:
        return 0
    o = res.sides[:, others]
    hit = ((w == ATTACK)[:, None] & (o == DEFENSE)) | ((w == DEFENSE)[:, None] & (o == ATTACK))
    return int(hit.any(axis=1).sum())


def yearly_indicators(world: World, years: Iterable[int], options: AtlasOptions | None = None,
                      on: tuple[int, int] = SERIES_DAY, progress: Callable[[int], None] | None = None,
                      what_if: SeriesWhatIf | None = None) -> pd.DataFrame:
    """Systemic indicators per year: mean and max cascade size, tripwire dyads, and the mean and largest
    share of world capabilities (CINC) a dyad's war draws in; with `what_if`, each year in its what-if world and
    the `what_if` column last (`foedus.sweeps.atlas_years`)."""
    options = options or AtlasOptions()
    rows = [year_row(what_if.world(world, year) if what_if else world, year, options, on)
            for year in _progressed(years, progress)]
    return what_if.frame(years_frame(rows)) if what_if else years_frame(rows)


def years_frame(rows: list[dict[str, Any]]) -> pd.DataFrame:
    """The yearly rows (`year_row`) as a frame, the tripwire counts whole numbers, missing ones null (not objects:
    Stata would write them as text)."""
    import pandas as pd

    frame = pd.DataFrame(rows)
    for col in [c for c in frame.columns if str(c).startswith("tripwire_dyads_")]:
        frame[col] = frame[col].astype("Int64")
    return frame


def _progressed(years: Iterable[int], progress: Callable[[int], None] | None) -> Iterable[int]:
    for year in years:
        yield year
        if progress is not None:
            progress(year)


def year_row(world: World, year: int, options: AtlasOptions, on: tuple[int, int] = SERIES_DAY) -> dict[str, Any]:
    """The indicators of one year (reference day `on`, 1 July by default); the tripwire counts None where COW's list
    gives no major power (`majors_unknown`: they would read 0 whatever the sides), but 0 in a year of no dyad."""
    from foedus.model.major_notes import majors_unknown

    day = dt.date(year, *on)
    results = atlas_results(world, day, options)
    cinc, total = _cinc_vector(world, next(iter(results.values())).states, day) or (None, 0.0)
    row: dict[str, Any] = {"year": year, "dyads": len(next(iter(results.values())).attackers)}
    unknown = majors_unknown(world.states, day) if row["dyads"] else None
    for reading, res in results.items():
        size = res.war_size()
        row[f"mean_size_{reading}"] = float(size.mean()) if len(size) else 0.0
        row[f"max_size_{reading}"] = int(size.max()) if len(size) else 0
        row[f"tripwire_dyads_{reading}"] = int(res.majors_opposite().sum()) if unknown is None else None
        if cinc is not None:  # the columns in every year, in one order; empty in a year without CINC (1815)
            # each dyad's war: the share of world capabilities (CINC) its belligerents hold
            share = ((res.sides != 0) @ cinc) / total if total > 0 and len(size) else None
            row[f"capability_share_mean_{reading}"] = float(share.mean()) if share is not None else None
            row[f"capability_share_max_{reading}"] = float(share.max()) if share is not None else None
    return row


def _cinc_vector(world: World, states: list[str], day: dt.date) -> tuple[np.ndarray, float] | None:
    """Each state's CINC on `day`, and NMC's sum of the year that a share divides by, as the cascade's coalition power
    does (`foedus.engine.power`; not the sum over `states`: 0.8958 of 1.0747 in 1860), said in `series_sum_note`."""
    from foedus.errors import DataMissingError
    from foedus.sources.cow import cinc_in

    try:
        by_code, _ = cinc_in(day.year)
    except DataMissingError:
        return None
    ccode = {s.id: s.ccode for s in world.states}
    return np.array([by_code.get(ccode.get(s) or -1, 0.0) for s in states]), float(sum(by_code.values()))
