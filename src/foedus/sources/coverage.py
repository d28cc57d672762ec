"""Which research datasets a table over past dates needs: the COW state system and the ATOP history.

Up to ATOP's last day (2018-12-31) they are what such a table is made of: without the state system every
present-day state stands in for the members of the day, without the history only the curated treaties count.
A research table for those dates (an atlas, dyad-years) is refused rather than written silently wrong; from
2019 on, where the present-day world stands in either way, it is written with a note for each missing one.
`need_all` is the one refusal of a table without its datasets: every missing one named in one line, with one
`foedus data fetch` command for them all (and `foedus data import` for one no official source ships).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING

from foedus.sources.atop_release import ATOP_END, ATOP_MEMBER_FILE
from foedus.wording import MAX_MESSAGE, and_listed

if TYPE_CHECKING:
    from foedus.model.world import World

__all__ = ["NEEDED_UNTIL", "atop_present", "history_notes", "history_read", "missing_notes", "need_all"]

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


def history_read(world: World) -> list[str]:
    """The history datasets `world` holds (`atop`, `cow_states`), which its answers draw on: what a table of them
    cites (an atlas's `data used`, a war replay's table)."""
    return [name for name, have in (("atop", world.has_history), ("cow_states", world.states.has_system_dates))
            if have]


def missing_notes(missing: Iterable[str]) -> list[str]:
    """The note for each of the `missing` datasets (`cow_states`, `atop`): what an answer without it lacks."""
    return [_NOTES[m] for m in missing]


def need_all(what: str, needs: Mapping[str, str], later: str = "") -> None:
    """Refuse in one line naming every dataset of `needs` (name -> it and what it is for, in words), with one
    `foedus data fetch` command for them all, rather than one per run (an empty data folder took a run per dataset to
    learn what to fetch), and `foedus data import` for those no official source ships (the Gleditsch–Ward list), which
    a fetch refuses; nothing when `needs` is empty. `what` begins the message ("alliance similarity needs"), `later`
    ends it. A line over the CLI's cap (`foedus.wording.MAX_MESSAGE`) drops each dataset's reason in parentheses
    rather than lose its end, the commands, to the cut.

    Raises:
        DataMissingError: `needs` is not empty.
    """
    if needs:
        from foedus.datasets.registry import DATASETS, IMPORT_HINT
        from foedus.errors import DataMissingError

        fetched = [name for name in needs if any(f.fetchable for f in DATASETS[name].files)]
        imported = [name for name in needs if name not in fetched]
        how = [f"run `foedus data fetch {' '.join(fetched)}`"] if fetched else []
        if imported:
            how.append(f"import a copy of {and_listed(imported)} with `{IMPORT_HINT}` (no official source ships "
                       f"{'it' if len(imported) == 1 else 'them'})")
        words, lacks = list(needs.values()), f", which the data folder lacks: {' and '.join(how)}{later}"
        if len(what) + len(and_listed(words)) + len(lacks) >= MAX_MESSAGE:  # the cap would cut the commands: the
            words = [w.split(" (")[0] for w in words]  # reasons in parentheses give way instead
        raise DataMissingError(f"{what} {and_listed(words)}{lacks}")


def history_notes(what: str, first: dt.date, missing: Sequence[str], always: Sequence[str] = (),
                  also: Mapping[str, str] | None = None) -> list[str]:
    """The notes a table from `first` on carries for the `missing` datasets (`cow_states`, `atop`); `always`: those
    the table needs in every year (dyad-years take their rows from the COW state system), for which no note stands in;
    `also`: the other datasets it reads (in every year) that the data folder lacks, name -> it and what it is for
    (`need_all`), refused in the same line as the history's.

    Raises:
        DataMissingError: one is missing and `first` is on or before NEEDED_UNTIL, or it is in `always`, or `also`
            names one; `what` names the table (e.g. "the atlas of 1900"), and the message the `foedus data fetch`
            command that brings every one of them.
    """
    needed = [m for m in missing if m in always or first <= NEEDED_UNTIL]
    later = ("" if set(needed) & set(always) or also
             else f" (from {NEEDED_UNTIL.year + 1} on it is made with a note instead)")
    need_all(f"{what} cannot be made without", {m: _NEEDS[m] for m in needed} | {
        name: words for name, words in (also or {}).items() if name not in needed}, later)
    return missing_notes(missing)
