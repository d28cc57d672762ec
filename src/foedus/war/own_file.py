"""A war file of the user's read beside the bundled wars (`foedus cascade --war-file`, `foedus.cascade(war_file=)`):
checked by the loader that checks every war file (`foedus.war.loader.load_war`), never written to, and its replayed
days kept in the user cache under its content (`foedus.war.note_days.file_days`), so an edited file is replayed
anew."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from foedus.engine.scenario import TerritoryView
    from foedus.model.world import World
    from foedus.war.events import War

__all__ = ["OwnWar", "ongoing_apart", "own_war"]


@dataclass(frozen=True)
class OwnWar:
    """A checked war file of the user's: the war, its bytes' SHA-256 when read (None: not cached), its span (first
    event to its data's end) and the states it names; `bundled` when the file is a bundled war's own, whose note the
    bundled wars give already."""

    war: War
    path: Path
    digest: str | None
    first: dt.date
    last: dt.date
    named: frozenset[str]
    bundled: bool

    def unchanged(self) -> bool:
        """Whether the file still holds the bytes `digest` was taken of (a replay built meanwhile is not stored)."""
        return self.digest is not None and _digest(self.path) == self.digest


def own_war(path: str | Path, world: World, view: TerritoryView) -> OwnWar:
    """Read and check the war file `path` against `world` under the territory `view` (the cascade's).

    Raises:
        WarDataError: as `load_war`: no path, an unreadable or malformed file, an unknown state or place, a state
            out of the state system, impossible dates, a bundled war's id.
    """
    from foedus.war.bundled import is_bundled_file
    from foedus.war.events import data_end
    from foedus.war.loader import load_war

    given = isinstance(path, str | os.PathLike) and bool(str(path).strip())
    digest = _digest(Path(path)) if given else None  # before the load: a file changed after it is not cached as read
    war = load_war(path, world, view)  # refuses what it cannot believe, in one line
    named = frozenset(s for e in war.events
                      for s in (*e.states, *(x for a in e.attacks for x in (a.attacker, a.victim))))
    return OwnWar(war, Path(path), digest, war.events[0].date, data_end(war), named,
                  is_bundled_file(Path(path), war.id))


def ongoing_apart(own: OwnWar, since: dt.date, day: dt.date) -> str:
    """The note of a cascade given both a war file (`own`) and a day its attacks are ongoing since: the ongoing
    replay (`foedus.war.ongoing`) is of the cascade's own attacks alone, since each state's "since" answers for the
    cascade's own joiners; a replay of the file's events would bind the states its other attacks bind, and date
    them, which the cascade's answer does not hold. Said, since the war file beside it read as if it were replayed."""
    return (f"the attacks ongoing since {since} are this cascade's own, replayed alone: the events of the war file "
            f"{own.path} ({own.war.id}) are not, as the joiners' 'since' days are this cascade's; "
            f"`foedus war {own.path} --until {day}` replays the file's war day by day")


def _digest(path: Path) -> str | None:
    """The file's bytes' SHA-256, or None when it cannot be read (the loader says why)."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except (OSError, ValueError):
        return None
