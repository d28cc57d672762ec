"""What the major powers an answer reads on a day are, where COW's list does not simply give them: none when the
list is not loaded, none before it begins (1816), those of 2016 carried forward after it ends. The Monte Carlo's
P(major powers on opposite sides) and the joining model's major-power features read them (`is_major`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from foedus.model.state_files import COW_MAJORS_FILE, cow_carried
from foedus.model.states import COW_FIRST_DAY, StateRegistry

__all__ = ["empty_note", "majors_notes", "majors_unknown", "series_unknown", "with_majors_notes"]


def majors_notes(states: StateRegistry, day: dt.date) -> list[str]:
    """The notes on the major powers of `day` (none inside COW's list); after 2016 in the atlas's words
    (`cow_carried`), the state system named when its dates are loaded."""
    if not states.majors:  # the data folder lacks the list: nothing else gives one (the bundled world has none)
        return [f"COW's major-power list ({COW_MAJORS_FILE}) not loaded: no state counts as a major power; run "
                "`foedus data fetch cow_states`"]
    if day < COW_FIRST_DAY:
        return [f"COW's major-power list begins on {COW_FIRST_DAY}: no state counts as a major power on {day}"]
    return cow_carried(day.year, system=states.has_system_dates, majors=True)


def majors_unknown(states: StateRegistry, day: dt.date) -> str | None:
    """Why P(major powers on opposite sides) is not known on `day`, or None where COW's list gives the major powers
    (2016's carried forward after it ends): with no list loaded, or before it begins, no state counts as a major
    power, so the draws' share would read 0 whatever the sides are, a figure measured of nothing."""
    if not states.majors:
        return (f"not known: COW's major-power list ({COW_MAJORS_FILE}) is not loaded; run "
                "`foedus data fetch cow_states`")
    if day < COW_FIRST_DAY:
        return f"not known: COW's major-power list begins on {COW_FIRST_DAY}, after {day}"
    return None


def series_unknown(last_year: int) -> str:
    """Why a yearly series' tripwire counts, empty in every year up to `last_year`, are not known, as `majors_unknown`
    said it when the series was written: before COW's list begins (1815 alone), or without the list loaded."""
    if last_year < COW_FIRST_DAY.year:
        return f"not known: COW's major-power list begins on {COW_FIRST_DAY}, after {last_year}"
    return f"not known: COW's major-power list ({COW_MAJORS_FILE}) was not loaded when the series was written"


def empty_note(columns: Sequence[str], figure: str, unknown: str) -> str:
    """The note on output `columns` left empty (null) because `figure` (what they would give) is not known
    (`majors_unknown`'s `unknown`): one wording for every table, JSON and atlas that reads the major powers."""
    return f"{', '.join(columns)} {'is' if len(columns) == 1 else 'are'} empty: {figure} is {unknown}"


def with_majors_notes(notes: Sequence[str], states: StateRegistry, day: dt.date) -> tuple[str, ...]:
    """A cascade's `notes` with the major powers' of `day` added (`majors_notes`): where these name the state system
    carried forward after 2016, the cascade's note that says it of the system alone (`foedus.engine.outcome`) is left
    out, so that the system is named once."""
    said = cow_carried(day.year, majors=False) if states.majors and states.has_system_dates else []
    return (*(n for n in notes if n not in said), *majors_notes(states, day))
