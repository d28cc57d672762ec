"""The note on a war file's state at war before its first day in COW's state system (Montenegro in 1914, in COW from
2006 only): the replay keeps it, as the state-system rule reads the file (`foedus.engine.rules.system.in_system`: a
day before a state's first spell is not out), and says so, with the Gleditsch–Ward list's dates where the data folder
holds it, so a file's author sees which list vouches for the state then, or that neither does (a date in error)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from foedus.model.state_files import spells_text
from foedus.model.states import COW_FIRST_DAY, StateRegistry
from foedus.wording import named_state

__all__ = ["before_first_spell_notes"]


def before_first_spell_notes(states: StateRegistry, first: Mapping[str, dt.date]) -> list[str]:
    """A note for each state of `first` (a state, the first day the file has it at war) that is at war on a day
    before its first COW spell; none without the COW dates, nor before the system's first day (said by the
    membership note: `foedus.model.membership`)."""
    if not states.has_system_dates:
        return []
    early = {}
    for state, day in first.items():
        known = states.states.get(state)
        if known is not None and known.spells and COW_FIRST_DAY <= day < min(start for start, _ in known.spells):
            early[state] = day
    if not early:
        return []
    gw = _gw_states(states)
    notes = []
    for state, day in early.items():
        name = named_state(state, states.names_on(day))
        said = (f"{name} is at war from {day} in the war file, before its first day in the COW state system (a "
                f"member {spells_text(states.states[state].spells)}); the state-system rule takes it to be a state "
                "then (only a state that has left the system is out)")
        notes.append(said + _gw_said(gw, state, day))
    return notes


def _gw_said(gw: StateRegistry | None, state: str, day: dt.date) -> str:
    """What the Gleditsch–Ward list says of `state` on `day`: nothing without the list in the data folder."""
    if gw is None:
        return ""
    spells = gw.states[state].spells
    if not spells:
        return ", and the Gleditsch–Ward list never has it a state: check the file's date"
    if gw.states[state].member_on(day):
        return f", as the Gleditsch–Ward list has it (a member {spells_text(spells)})"
    return f", though the Gleditsch–Ward list has it no state then either (a member {spells_text(spells)}): check " \
           "the file's date"


def _gw_states(states: StateRegistry) -> StateRegistry | None:
    """`states` with the Gleditsch–Ward list's dates (`foedus.research.gw_dated.gw_registry`), or None when the
    data folder does not hold the list."""
    from foedus.datasets.verify import dataset_file
    from foedus.sources.cow import GW_FILE

    if dataset_file(GW_FILE) is None:
        return None
    from foedus.research.gw_dated import gw_registry
    from foedus.sources.cow import read_gw_spells

    return gw_registry(states, read_gw_spells())
