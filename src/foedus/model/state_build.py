"""The state registry's states built from their sources: countrycode's table, COW's state-system and major-power
files when the data folder has them, and the fixes both need (`foedus.model.states.StateRegistry.load`).

Split from `foedus.model.states` (the lookup) so each module stays small.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from foedus.model.state_files import COW_MAJORS_FILE, COW_STATES_FILE, countrycode_rows, read_cow_spells, read_majors
from foedus.model.state_reader_names import READER_NAMES

__all__ = ["built_states"]

Majors = dict[str, tuple[tuple[dt.date, dt.date | None], ...]]

# Entities that treaties name but that have no COW code (ISO3 -> name).
_EXTRA_ENTITIES = {"PSE": "Palestine"}
# Kosovo has a COW code but no ISO 3166 code; XKX is the code the EU, IMF and World Bank use.
_ISO3_FIXES = {347: "XKX", 345: "SRB"}
# COW 345 is Serbia (Yugoslavia until 2006); countrycode names the COW row Yugoslavia. And the names a reader writes
# where the sources spell them otherwise ("Trinidad & Tobago": `state_reader_names`).
_NAME_FIXES = {345: "Serbia", **{ccode: name for ccode, (name, _) in READER_NAMES.items()}}
# COW states the bundled treaty files name that countrycode lacks (ccode -> name, COW abbreviation).
_BUNDLED_COW = {260: ("German Federal Republic", "GFR")}
# countrycode rows that carry a COW code but are not states of the system.
_NOT_STATES = {"GRL", "HKG"}


def built_states() -> tuple[dict[str, dict[str, Any]], bool, Majors]:
    """Each state's fields (`foedus.model.states.State`'s, which imports this module) by id, whether COW's system
    dates were read, and the major-power spells by state id.

    Raises:
        DataCorruptError: a COW file in the data folder fails its check.
    """
    from foedus.datasets.verify import dataset_file

    rows = countrycode_rows()
    cow_path = dataset_file(COW_STATES_FILE)
    spells = read_cow_spells(cow_path) if cow_path else {}
    states: dict[str, dict[str, Any]] = {}
    by_ccode: dict[int, str] = {}
    for row in rows:
        ccode = row["cown"]
        iso3 = row["iso3c"] or _ISO3_FIXES.get(ccode or -1)
        if iso3 in _NOT_STATES or (ccode is None and iso3 not in _EXTRA_ENTITIES):
            continue
        state_id = iso3 or f"COW{ccode}"
        if ccode is not None and ccode in by_ccode:
            continue
        name = _NAME_FIXES.get(ccode or -1) or _EXTRA_ENTITIES.get(iso3 or "", row["name"])
        states[state_id] = dict(
            id=state_id,
            name=name,
            ccode=ccode,
            iso3=iso3,
            cow_abb=row["cowc"],
            regex=row["regex"],
            continent=row["continent"],
            subregion=row["region23"],
            spells=tuple(spells[ccode].spells) if ccode in spells else (),
        )
        if ccode is not None:
            by_ccode[ccode] = state_id
    for ccode, info in spells.items():
        if ccode not in by_ccode:
            state_id = f"COW{ccode}"
            states[state_id] = dict(
                id=state_id, name=_NAME_FIXES.get(ccode, info.name), ccode=ccode, cow_abb=info.abb,
                spells=tuple(info.spells),
            )
            by_ccode[ccode] = state_id
    for ccode, (name, abb) in _BUNDLED_COW.items():  # treaty files name them even without COW data
        if ccode not in by_ccode:
            states[f"COW{ccode}"] = dict(id=f"COW{ccode}", name=name, ccode=ccode, cow_abb=abb)
            by_ccode[ccode] = f"COW{ccode}"
    majors_path = dataset_file(COW_MAJORS_FILE)
    majors = read_majors(majors_path, by_ccode) if majors_path else {}
    return states, bool(spells), majors
