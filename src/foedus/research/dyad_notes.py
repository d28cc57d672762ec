"""What a dyad-year table carries past the ends of its data, and where its cascade covariates are empty, in words:
the notes `foedus dyads` prints and writes to the Parquet metadata (as the yearly atlas's
`foedus.sweeps.atlas.series_notes` does for its series), worded for the columns the table has, so that none
contradicts another (peacesciencer's `cinc1` is empty where the cascade's CINC is carried forward)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from foedus.model.state_files import COW_LAST_DAY, cow_ends
from foedus.research.gw_cow import GW_ONLY
from foedus.research.ps_groups import COVARIATES, last_years
from foedus.sources.atop_release import ATOP_END
from foedus.sources.cow import GW_LAST_DAY
from foedus.wording import counted

__all__ = ["dyad_notes", "empty_notes", "gw_only_notes", "gw_only_similarity_notes", "off_day_notes"]

_SYSTEMS = {"cow": ("COW", "the COW state system v2016", COW_LAST_DAY),
            "gw": ("Gleditsch–Ward", "the Gleditsch–Ward list", GW_LAST_DAY)}
_WHY = {"cinc": "COW NMC ends in {year}; no value is carried forward, as in peacesciencer's add_nmc()",
        "conttype": "COW direct contiguity ends in {year}"}


def dyad_notes(last: int, system: str = "cow", covariates: bool = False, added: tuple[str, ...] = (),
               *, atop: bool = False, depth: bool = False) -> list[str]:
    """The notes of dyad-years up to `last` in the state `system` (cow or gw), with the cascade `covariates` or not,
    peacesciencer's `added` covariate groups (`COVARIATES`), the ATOP flags (`atop`: ATOP read) and the shared
    alliance's `depth`; none inside the data's years."""
    notes = []
    name, source, end = _SYSTEMS[system]
    if last > end.year:
        notes.append(f"after {end.year} the dyad-years are those of the {name} state system of {end.year}, every "
                     f"state of it still a member, carried forward ({source} ends in {end.year})")
    cow_end = COW_LAST_DAY.year  # the COW state system v2016, its major powers and NMC 6.0 all end in 2016
    if covariates and last > cow_end:  # cascade_major_defender reads the major powers
        notes.append(_covariates_carried(system, cow_end))
    if atop and last > ATOP_END.year:  # the flags are ATOP's own, not carried; the cascade carries its alliances
        notes.append(f"the ATOP flags (atop_defense … atop_consul, atopally, atopid) are empty after {ATOP_END.year} "
                     f"(ATOP 5.1 ends in {ATOP_END.year})")
        used = " and ".join(what for what, wanted in (("the cascade covariates", covariates),
                                                      ("the shared alliance's depth", depth)) if wanted)
        if used:
            notes.append(f"after {ATOP_END.year} {used} read the ATOP alliances in force at the end of its coverage, "
                         "carried forward")
    if covariates or depth:  # the engine's data end: imported only when its world is read (flags alone need none)
        from foedus.engine.outcome import DATA_END, DATA_END_NOTE

        if last > DATA_END.year:
            notes.append(DATA_END_NOTE)  # later years read the changes found after it, and only those
    if "cowmaj" in added and last > cow_end:  # values, but not COW's own
        notes.append(f"cowmaj1 and cowmaj2 after {cow_end} are COW's major powers of {cow_end}, carried forward "
                     f"({cow_ends(system=False, majors=True)}; its open spells run on in every later year, whenever "
                     "the table is written, where peacesciencer's add_cow_majors(mry = TRUE) runs them to the last "
                     "full calendar year before it is run)")
    for group, year in last_years(added).items():
        if last > year:
            columns = COVARIATES[group]
            notes.append(f"{' and '.join(columns)} {'are' if len(columns) > 1 else 'is'} empty after {year} "
                         f"({_WHY[group].format(year=year)})")
    return notes


def _covariates_carried(system: str, cow_end: int) -> str:
    """What the cascade covariates read after COW's data end (`cow_end`): in the COW table, COW's members of that year,
    carried forward; in the Gleditsch–Ward table, the members of GW's list, whose dates the state-system rule reads
    there (`foedus.research.gw_dated`), with COW's CINC and major powers of that year, carried forward."""
    if system == "gw":
        return (f"after {cow_end} the cascade covariates count the members of the Gleditsch–Ward list (the "
                f"state-system rule read on its dates), each with its {cow_end} CINC and major-power status, carried "
                f"forward ({cow_ends(system=False, majors=True, cinc=True)})")
    return (f"after {cow_end} the cascade covariates count the COW members of {cow_end}, each with its {cow_end} CINC "
            f"and major-power status, carried forward ({cow_ends(majors=True, cinc=True)})")


def off_day_notes(rows: int, system: str, reference_day: tuple[int, int], besides: bool = False) -> list[str]:
    """The note of a table with cascade covariates that has `rows` dyad-years with a state that is not a member of
    the `system` on the reference day ((month, day): `DyadOptions.reference_day`, where the covariates read their
    attack; they are empty there), `besides` those of a state COW never lists, which `gw_only_notes` counts (their
    covariates are empty too); none when there are none."""
    if rows == 0:
        return []
    month, day = reference_day
    noun = "other dyad-year" if besides else "dyad-year"
    return [f"the cascade covariates ({_COVARIATES}) read an "
            f"attack on {day} {dt.date(2000, month, 1):%B}: they are empty in the {counted(rows, noun)} "
            f"where either state is not a member of the {_SYSTEMS[system][0]} state system on that day (it entered "
            "later in the year or left earlier)"]


def gw_only_notes(rows: int, covariates: bool = False, depth: bool = False) -> list[str]:
    """The note of a Gleditsch–Ward table with `rows` dyad-years that have a state COW never lists
    (`foedus.research.gw_cow.GW_ONLY`): ATOP does not code it and foedus knows no treaty of it, so its ATOP flags,
    and the cascade `covariates` and shared alliance's `depth` where written, are empty, unknown, not 0 or none;
    none when none."""
    if rows == 0:
        return []
    columns = ["the ATOP flags (atop_defense … atop_consul, atopally, atopid)"]
    columns += [f"the cascade covariates ({_COVARIATES})"] if covariates else []
    columns += ["the shared alliance's depth (depth_shared, depth_shared_treaty, depth_shared_carried)"] * depth
    named = ", ".join(columns[:-1]) + (" and " if len(columns) > 1 else "") + columns[-1]
    codes = ", ".join(str(c) for c in sorted(GW_ONLY))
    return [f"{named} are empty in the {counted(rows, 'dyad-year')} of a state the COW list never has (GW {codes}): "
            "ATOP codes COW's states, and says nothing of these"
            + (", nor does foedus know a treaty of one" if covariates or depth else "")]


def gw_only_similarity_notes(rows: int) -> list[str]:
    """The note of a Gleditsch–Ward similarity table with `rows` dyad-years that have a state COW never lists
    (`foedus.research.ties_gw`): their measures are empty, and no portfolio counts such a state; none when none."""
    if rows == 0:
        return []
    codes = ", ".join(str(c) for c in sorted(GW_ONLY))
    return [f"the measures (s_unweighted … taub) are empty in the {counted(rows, 'dyad-year')} of a state the COW "
            f"list never has (GW {codes}): ATOP codes COW's states, and says nothing of these; nor does any other "
            "pair's portfolio count them"]


_COVARIATES = "cascade_defenders, cascade_defenders_cinc, cascade_major_defender"


def empty_notes(columns: Mapping[str, Any], system: str, covariates: bool, depth: bool,
                reference_day: tuple[int, int]) -> list[str]:
    """The notes of the rows where a dyad-year table's columns (`foedus.research.dyads.dyad_columns`) are empty for
    want of a reading, not past the data's ends: in the Gleditsch–Ward table those of a state COW never lists
    (`gw_only_notes`), and the other rows with a state off the reference day, where the cascade `covariates` are
    (`off_day_notes`). `foedus dyads` prints them; `build_dyads` keeps them in its frame's `attrs["notes"]`."""
    import numpy as np

    from foedus.research.gw_cow import outside_atop

    code1, code2 = ("gwcode1", "gwcode2") if system == "gw" else ("ccode1", "ccode2")
    unknown = (outside_atop(np.stack([np.asarray(columns[code1]), np.asarray(columns[code2])], axis=1))
               if system == "gw" else np.zeros(len(columns["year"]), dtype=bool))
    notes = gw_only_notes(int(unknown.sum()), covariates, depth) if system == "gw" else []
    if covariates:  # the other rows with a state off the reference day
        off = np.ma.getmaskarray(columns["cascade_defenders"]) & ~unknown
        notes += off_day_notes(int(off.sum()), system, reference_day, besides=bool(unknown.any()))
    return notes
