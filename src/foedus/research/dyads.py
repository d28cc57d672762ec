"""Dyad-year datasets: every pair of system members in each year, ATOP flags, cascade covariates.

- Dyads: two states form a dyad-year when both are system members (COW or Gleditsch–Ward) at some
  common moment of that year — exact membership dates, as peacesciencer's `create_dyadyears` does.
- ATOP flags (`atop_defense` … `atop_consul`, peacesciencer's names) are derived from the ATOP 5.1
  member-level file through foedus's own import: 1 when the first state owes that obligation to the
  second under an alliance both belong to at a common moment of the year; missing outside ATOP's
  coverage (after 2018, and in the Gleditsch–Ward table the rows of a state COW never lists, which ATOP does not
  code: `foedus.research.gw_cow.GW_ONLY`), never 0 there. `atopally` and `atopid` (`foedus.research.atop_ally`):
  whether the two share any ATOP alliance at a common moment of the year, by the same rule, and the ATOP ids of
  those alliances.
- Cascade covariates (no other tool has them): if `ccode1` attacks `ccode2`'s home territory on the
  reference day of the year (1 July by default), how many third states, system members on that day, are
  bound to defend `ccode2` in round 1 of the legal reading, their combined CINC (COW NMC 6.0, last value
  carried forward after 2016), and whether a COW major power is among them; missing in a dyad-year where
  either state is not a system member on that day (it entered later in the year or left earlier), as there is
  no such attack to read, and in the Gleditsch–Ward table where either is a state COW never lists (`GW_ONLY`):
  foedus knows no such state nor any treaty of one, so its 0 would read as "no ally" where it means "not coded".
"""

from __future__ import annotations

import datetime as dt
import sys
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

import numpy as np

from foedus.model.states import StateRegistry
from foedus.research.atop_ally import ally_columns
from foedus.research.atop_flags import FLAG_COLUMNS, atop_flag_keys, cached_atop_keys_of, flag_columns
from foedus.research.coexist import Spells, YearWindows, cow_spells
from foedus.research.gw_cow import gw_to_cow, outside_atop
from foedus.sources.atop_release import ATOP_END

if TYPE_CHECKING:
    import pandas as pd

    from foedus.model.world import World
    from foedus.research.defenders import Limited, Tables

__all__ = ["FLAG_COLUMNS", "DyadOptions", "atop_flag_keys", "build_dyads", "dyad_columns", "dyad_years",
           "system_spells"]

System = Literal["cow", "gw"]


@dataclass(frozen=True)
class DyadOptions:
    """What `build_dyads` produces."""

    first: int
    last: int
    directed: bool = True
    system: System = "cow"
    covariates: bool = True
    reference_day: tuple[int, int] = (7, 1)
    depth: bool = False  # add the depth of the deepest shared alliance (foedus.research.dyad_depth)

    def __post_init__(self) -> None:
        """Refuse what no table can be made of, in one line (`FoedusError`), as the CLI does: a year range backwards,
        outside the years foedus reads or not of whole numbers (`foedus.research.years`), an unknown system (read as
        COW's before), a reference day no year has (a numpy or datetime error before), a flag that is not a bool."""
        from foedus.errors import FoedusError
        from foedus.research.years import check_years

        check_years(self.first, self.last)
        if self.system not in ("cow", "gw"):
            raise FoedusError(f"unknown system {self.system!r}: choose cow or gw")
        for name in ("directed", "covariates", "depth"):
            if not isinstance(getattr(self, name), bool):
                raise FoedusError(f"{name} must be True or False, not {getattr(self, name)!r}")
        day = self.reference_day
        try:  # a common year: 29 February is not in most years; a bool is no month or day (True read as January)
            if any(isinstance(part, bool) for part in day):
                raise TypeError
            dt.date(2001, *day)
        except (TypeError, ValueError):
            raise FoedusError(f"reference_day {day!r} is not a (month, day) of every year") from None


def system_spells(source: World | StateRegistry, system: System) -> Spells:
    """Membership spells by state code (COW ccode or GW gwcode); `source`: a world or its state registry."""
    if system == "gw":
        from foedus.sources.cow import read_gw_spells

        return read_gw_spells()
    return cow_spells(_registry(source), "dyad-years need")


def dyad_years(spells: Spells, first: int, last: int, directed: bool = True,
               windows: YearWindows | None = None) -> np.ndarray:
    """All dyad-years as an int64 array of shape (n, 3): code1, code2, year; pairs of states that share a day of
    the year (`foedus.research.coexist`). `windows`: `spells`' windows in first–last, if already built."""
    windows = YearWindows.of(spells, first, last) if windows is None else windows
    member = windows.member
    firsts, seconds, years, counts = [], [], [], []
    for k, year in enumerate(range(first, last + 1)):
        codes = np.flatnonzero(member[k]).astype(np.int64)
        if len(codes) < 2:
            continue
        a, b = np.meshgrid(codes, codes, indexing="ij")
        keep = a != b if directed else a < b
        if not windows.whole_year(k, codes):
            keep &= windows.together(k, codes)
        firsts.append(a[keep])
        seconds.append(b[keep])
        years.append(year)
        counts.append(len(firsts[-1]))
    out = np.empty((sum(counts), 3), dtype=np.int64)  # filled column by column: the pairs are copied once
    if counts:
        np.concatenate(firsts, out=out[:, 0])
        np.concatenate(seconds, out=out[:, 1])
        out[:, 2] = np.repeat(years, counts)
    return out


def _covariates(world: World, rows: np.ndarray, year: int, day: dt.date, tables: Tables,
                members: np.ndarray) -> tuple[np.ndarray, ...]:
    """Defender count, their CINC and major-power presence for one year's COW-coded rows. Only `members` (COW
    codes of the system's members on `day`) are defenders: a state bound on the day before it entered the system
    or after it left (Syria, in the United Arab Republic in 1958) is none."""
    from foedus.sources.cow import capabilities

    cinc_by_code, _ = capabilities().cinc(year)
    states = world.states
    codes = np.flatnonzero(np.bincount(rows[:, :2].ravel()))  # sorted distinct codes (small, >= 0)
    ids = [states.by_ccode.get(int(c)) for c in codes]
    idx = {sid: i for i, sid in enumerate(ids) if sid}
    on_day = np.isin(codes, members)
    bound = {sid: i for sid, i in idx.items() if on_day[i]}  # who may defend
    n = len(codes)
    defends = np.zeros((n, n), dtype=bool)  # defends[o, v]: o is bound to defend v against anyone
    plain, limited = tables
    for victim, obligors in plain.items():
        if victim in idx:
            defends[[bound[o] for o in obligors if o in bound], idx[victim]] = True
    cinc = np.array([cinc_by_code.get(int(c), 0.0) for c in codes])
    major = np.array([sid is not None and states.is_major(sid, day) for sid in ids], dtype=np.float64)
    count = defends.sum(axis=0)[None, :] - defends.astype(np.int64)  # minus the attacker itself
    power = (cinc @ defends)[None, :] - cinc[:, None] * defends
    majors = (major @ defends)[None, :] - major[:, None] * defends
    extra = _limited_extra(limited, idx, bound, defends)
    for (a, v), extra_defenders in extra.items():
        count[a, v] += len(extra_defenders)
        power[a, v] += sum(cinc[o] for o in extra_defenders)
        majors[a, v] += sum(major[o] for o in extra_defenders)
    i, j = np.searchsorted(codes, rows[:, 0]), np.searchsorted(codes, rows[:, 1])  # codes: sorted, every code
    # the victim never defends itself; the attacker was removed above
    return count[i, j], power[i, j], majors[i, j] > 0


def _limited_extra(limited: Limited, idx: dict[str, int], bound: dict[str, int],
                   defends: np.ndarray) -> dict[tuple[int, int], set[int]]:
    """(attacker, victim) -> extra defenders (of `bound`: those that may defend) whose legs cover only some
    attackers."""
    extra: dict[tuple[int, int], set[int]] = defaultdict(set)
    for victim, obligor, mode, group in limited:
        if victim not in idx or obligor not in bound or defends[idx[obligor], idx[victim]]:
            continue
        v, o = idx[victim], idx[obligor]
        attackers = [idx[s] for s in group if s in idx] if mode == "only" else [
            i for s, i in idx.items() if s not in group]
        for a in attackers:
            if a not in (o, v):
                extra[(a, v)].add(o)
    return extra


def build_dyads(source: World | StateRegistry, options: DyadOptions,
                progress: Callable[[int], None] | None = None) -> pd.DataFrame:
    """The dyad-year table (see the module docstring), as a pandas DataFrame; `progress(k)`: k years done. The
    ATOP flags are nullable Int8 (missing outside ATOP's coverage and states). Without covariates or depth the state
    registry is all it needs (`foedus.world_cache.cached_states` loads it without the treaty model). Its
    `attrs["notes"]` are the notes `foedus dyads` prints of these columns: what they carry past the data's ends and
    where they are empty for want of a reading (`foedus.research.dyad_notes`).

    Raises:
        FoedusError: covariates or depth asked of the state registry alone; a `source`, `options` or `progress` of
            another kind (an AttributeError before).
    """
    from foedus.declare import described
    from foedus.errors import FoedusError
    from foedus.outputs.tables import columns_frame
    from foedus.research.dyad_notes import dyad_notes, empty_notes
    from foedus.sources.coverage import atop_present

    loaded = sys.modules.get("foedus.model.world")  # no World is made without it: not imported for a registry
    if not isinstance(source, StateRegistry) and not (loaded is not None and isinstance(source, loaded.World)):
        raise FoedusError(f"source: expected a foedus.World or its state registry (World.states), not "
                          f"{described(source)}")
    if not isinstance(options, DyadOptions):
        raise FoedusError(f"options: expected a DyadOptions(first, last, ...), not {described(options)}")
    if progress is not None and not callable(progress):
        raise FoedusError(f"progress: expected a function of the years done, or None, not {described(progress)}")
    columns = dyad_columns(source, options, progress)
    frame = columns_frame(columns)
    frame.attrs["notes"] = (dyad_notes(options.last, options.system, options.covariates, atop=atop_present(),
                                       depth=options.depth)
                            + empty_notes(columns, options.system, options.covariates, options.depth,
                                          options.reference_day))
    return frame


def dyad_columns(source: World | StateRegistry, options: DyadOptions,
                 progress: Callable[[int], None] | None = None) -> dict[str, Any]:
    """`build_dyads`' columns, without pandas where it can be done (not `depth`): numpy arrays, the ATOP flags as
    masked int8 arrays (masked = missing)."""
    if (options.covariates or options.depth) and isinstance(source, StateRegistry):
        from foedus.errors import FoedusError

        raise FoedusError("the cascade covariates and the alliance depth need the treaty world, not only the "
                          "state registry")
    states = _registry(source)
    spells = system_spells(states, options.system)
    windows = YearWindows.of(spells, options.first, options.last)
    rows = dyad_years(spells, options.first, options.last, options.directed, windows)
    code_names = ("gwcode1", "gwcode2") if options.system == "gw" else ("ccode1", "ccode2")
    cow_rows = gw_to_cow(rows, options.reference_day) if options.system == "gw" else rows
    in_cov = rows[:, 2] <= ATOP_END.year
    if options.system == "gw":  # a state ATOP does not code: its flags are unknown, not 0
        in_cov &= ~outside_atop(rows)
    frame: dict[str, Any] = {code_names[0]: rows[:, 0], code_names[1]: rows[:, 1], "year": rows[:, 2]}
    found = cached_atop_keys_of(states)
    at = found.positions(cow_rows) if found is not None else None  # one look-up for the flags, atopally and atopid
    frame |= flag_columns(cow_rows, found, options.directed, in_cov, at)
    frame |= ally_columns(cow_rows, found, in_cov, at)
    if not isinstance(source, StateRegistry) and options.covariates:
        present = windows.on_day(options.reference_day)
        members = _members(present, windows.first, options.system, options.reference_day)
        off = _off_reference_day(present, windows.first, rows)
        if options.system == "gw":  # foedus has no such state and no treaty of one: unknown, not 0 defenders
            off |= outside_atop(rows)
        frame |= _covariate_columns(source, cow_rows, options, off, members, progress)
    if not isinstance(source, StateRegistry) and options.depth:
        from foedus.research.dyad_depth import depth_columns

        frame |= depth_columns(source, cow_rows, options.directed)
    return frame


def _registry(source: World | StateRegistry) -> StateRegistry:
    return source if isinstance(source, StateRegistry) else source.states


def _off_reference_day(present: np.ndarray, first: int, rows: np.ndarray) -> np.ndarray:
    """For each (code1, code2, year) row, whether either state is not a member of the system on the reference day
    of the year (`present`: `YearWindows.on_day` from year `first`): the cascade covariates, which read that day,
    are missing there."""
    k = rows[:, 2] - first
    out: np.ndarray = ~(present[k, rows[:, 0]] & present[k, rows[:, 1]])
    return out


def _members(present: np.ndarray, first: int, system: System, reference_day: tuple[int, int]) -> np.ndarray:
    """(COW code, year) of each member of the system on the reference day (`present`, as `_off_reference_day`),
    years ascending: the states the cascade covariates count as defenders."""
    k, code = np.nonzero(present)
    out = np.stack([code, code, k + first], axis=1)
    return (gw_to_cow(out, reference_day) if system == "gw" else out)[:, 1:]


def _covariate_columns(world: World, rows: np.ndarray, options: DyadOptions, off: np.ndarray, members: np.ndarray,
                       progress: Callable[[int], None] | None = None) -> dict[str, np.ndarray]:
    """The cascade covariates of each row, masked (missing) where `off` is set: a state off the reference day (or,
    in the Gleditsch–Ward table, one COW never lists);
    `members`: (COW code, year) of the states that may defend (`_members`)."""
    from foedus.research.defenders import yearly_defenders  # the engine's rules: not needed for the flags alone

    n = len(rows)
    count, power, major = np.zeros(n, dtype=np.int64), np.zeros(n), np.zeros(n, dtype=bool)
    month, day = options.reference_day
    years = rows[:, 2]
    ordered = bool((years[1:] >= years[:-1]).all())  # `dyad_years` gives the years in order: slices, not masks
    unique = [int(y) for y in np.unique(years)]
    tables = yearly_defenders(world, [dt.date(year, month, day) for year in unique], options.system)
    for k, (year, table) in enumerate(zip(unique, tables, strict=True), start=1):
        sel: slice | np.ndarray = (slice(*np.searchsorted(years, [year, year + 1])) if ordered
                                   else years == year)
        on_day = members[slice(*np.searchsorted(members[:, 1], [year, year + 1])), 0]
        c, p, m = _covariates(world, rows[sel], year, dt.date(year, month, day), table, on_day)
        count[sel], power[sel], major[sel] = c, p, m
        if progress is not None:
            progress(k)
    power[off] = np.nan
    return {"cascade_defenders": np.ma.MaskedArray(count, mask=off), "cascade_defenders_cinc": power,
            "cascade_major_defender": np.ma.MaskedArray(major, mask=off)}
