"""A treaty world: the treaties, states and places a cascade is computed against."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from foedus.errors import UnknownTreatyError
from foedus.model.gazetteer import Gazetteer
from foedus.model.loader import bundled_treaty_files, load_treaties
from foedus.model.states import StateRegistry
from foedus.model.treaty import Treaty

__all__ = ["World"]


@dataclass(frozen=True, eq=False)
class World:
    """Treaties by id, with the state registry and gazetteer they refer to."""

    treaties: dict[str, Treaty]
    states: StateRegistry
    places: Gazetteer

    def treaty(self, treaty_id: str) -> Treaty:
        """The treaty with this id.

        Raises:
            UnknownTreatyError: no such treaty; the message lists close ids.
        """
        try:
            return self.treaties[treaty_id]
        except KeyError:
            import difflib

            close = difflib.get_close_matches(treaty_id, list(self.treaties), n=3)
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            raise UnknownTreatyError(f"unknown treaty {treaty_id!r}{hint} (try `foedus treaties list`)") from None

    @classmethod
    def load(cls, extra: Iterable[Path] = (), bundled: bool = True) -> World:
        """Load the bundled treaty set (unless `bundled=False`) plus any extra treaty files."""
        states = StateRegistry.load()
        places = Gazetteer.load(states)
        files = [*(bundled_treaty_files() if bundled else []), *extra]
        return cls(treaties=load_treaties(files, states, places), states=states, places=places)

    @staticmethod
    @functools.cache
    def default() -> World:
        """The bundled world, loaded once per process."""
        return World.load()
