"""Which research datasets a table over past dates needs: the COW state system and the ATOP history.

Up to ATOP's last day (2018-12-31) they are what such a table is made of: without the state system every
present-day state stands in for the members of the day, without the history only the curated treaties count.
A research table for those dates (an atlas, dyad-years) is refused rather than written silently wrong; from
2019 on, where the present-day world stands in either way, it is written with a note for each missing one.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

from foedus.sources.atop_release import ATOP_END, ATOP_MEMBER_FILE

__all__ = ["NEEDED_UNTIL", "atop_present", "history_notes", "missing_notes"]

NEEDED_UNTIL = ATOP_END

_NOTES = {  # the one wording of each, for a table, a cascade and a war replay alike (`missing_notes`)
    "cow_states": "state-system dates not loaded: every state in the registry counts as a member on every date "
                  "(none is checked); run `foedus data fetch cow_states`",
    "atop": f"ATOP history not loaded: only the curated treaty set counts (no ATOP alliance, neither a historical one "
            f"nor one carried forward past {ATOP_END.year}); run `foedus data fetch atop`",
}
_NEEDS = {"cow_states": "the COW state system (without it every state in the registry would be a member)",
          "atop": "the ATOP alliances (without them only the curated treaties would count)"}


def atop_present() -> bool:
    """Whether the ATOP member file is in the data folder: what loads the history (`foedus.sources.history`)."""
    from foedus.paths import data_dir

    return (data_dir() / ATOP_MEMBER_FILE).exists()


def missing_notes(missing: Iterable[str]) -> list[str]:
    """The note for each of the `missing` datasets (`cow_states`, `atop`): what an answer without it lacks."""
    return [_NOTES[m] for m in missing]


def history_notes(what: str, first: dt.date, missing: Sequence[str], always: Sequence[str] = ()) -> list[str]:
    """The notes a table from `first` on carries for the `missing` datasets (`cow_states`, `atop`); `always`: those
    the table needs in every year (dyad-years take their rows from the COW state system), for which no note stands in.

    Raises:
        DataMissingError: one is missing and `first` is on or before NEEDED_UNTIL, or it is in `always`; `what`
            names the table (e.g. "the atlas of 1900"), and the message the `foedus data fetch` command.
    """
    needed = [m for m in missing if m in always or first <= NEEDED_UNTIL]
    if needed:
        from foedus.errors import DataMissingError

        later = ("" if set(needed) & set(always)
                 else f" (from {NEEDED_UNTIL.year + 1} on it is made with a note instead)")
        raise DataMissingError(f"{what} cannot be made without {' and '.join(_NEEDS[m] for m in needed)}, which the "
                               f"data folder lacks: run `foedus data fetch {' '.join(needed)}`{later}")
    return missing_notes(missing)
