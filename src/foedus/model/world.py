"""A treaty world: the treaties, states and places a cascade is computed against."""

from __future__ import annotations

import datetime as dt
import functools
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from foedus.datarecord import dataclass, field
from foedus.declare import described
from foedus.errors import ScenarioError, TreatyDataError, UnknownStateError, UnknownTreatyError, empty_or_blank, shown
from foedus.model.treatymap import TreatyMap, unknown_ids_hint
from foedus.written import kept

if TYPE_CHECKING:
    from foedus.model.gazetteer import Gazetteer
    from foedus.model.states import Among, State, StateRegistry
    from foedus.model.treaty import Treaty

__all__ = ["World", "treaty_paths"]


@dataclass(frozen=True, eq=False)
class World:
    """Treaties by id, with the state registry and gazetteer they refer to.

    `files`: the treaties read from files a caller gave (`World.load`'s extra files, `--treaties`, a what-if's
    `add_treaty`), by id, each with its file as the caller wrote it; a second treaty of one of these ids is named
    with both files (`foedus.model.overlay_apply`)."""

    treaties: TreatyMap
    states: StateRegistry
    places: Gazetteer
    files: Mapping[str, str] = field(default_factory=dict)

    def treaty(self, treaty_id: str) -> Treaty:
        """The treaty with this id, or with this name (`treaty_id`).

        Raises:
            UnknownTreatyError: no such treaty (the message lists close ids, in any case), a name several treaties
                carry (the message lists them), or not a string.
        """
        return self.treaties[self.treaty_id(treaty_id)]

    def treaty_id(self, treaty_id: str) -> str:
        """The id of the treaty `treaty_id` names: the id itself, or a name a reader types for the treaty ("NATO",
        "SEATO", "Rio Treaty"; `foedus.model.treaty_names`), in any case, that one curated treaty carries.

        Raises:
            UnknownTreatyError: as `treaty`.
        """
        if not isinstance(treaty_id, str):
            raise UnknownTreatyError(f"treaty id: expected a string such as 'nato_1949', not {described(treaty_id)}")
        if treaty_id.strip() in self.treaties.curated:
            return treaty_id.strip()
        from foedus.model.treaty_names import named_treaty

        # a name before the history's ids: no curated name is an ATOP id, and a name need not load the history
        if (named := named_treaty(treaty_id, self.treaties.curated.values())) is not None:
            return named
        try:
            return self.treaties[treaty_id.strip()].id
        except KeyError:
            import difflib

            from foedus.model.treatymap import replaced_words

            if (replaced := replaced_words(treaty_id.strip(), self.treaties.curated.values())) is not None:
                raise UnknownTreatyError(f"treaty {replaced}") from None

            from foedus.model.treaty_names import close_treaties

            lowered = {i.lower(): i for i in self.treaties}  # NATO_1949 is close to nato_1949
            close = [lowered[i] for i in difflib.get_close_matches(treaty_id.strip().lower(), list(lowered), n=3)]
            close = list(dict.fromkeys(close + close_treaties(treaty_id, self.treaties.curated.values())))[:3]
            hint = f"; did you mean {', '.join(close)}?" if close else ""
            hint += unknown_ids_hint([treaty_id], self.has_history)
            raise UnknownTreatyError(f"unknown treaty {shown(treaty_id)}{hint} (try `foedus treaties list`)") from None

    def state_named(self, text: str | int, day: dt.date | None, *, place_option: bool = False,
                    among: Among | None = None) -> State:
        """The state `text` names on `day` (`StateRegistry.resolve`, `among` a war's belligerents); a place, an area or
        a curated treaty given for a state is refused as one (`Gazetteer.place_not_state`, advising --place where
        `place_option`), not as an unknown state; so is a place's name the registry reads only by a state's name
        pattern ("Gaza": `foedus.model.place_read`), not as that state.

        Raises:
            UnknownStateError, AmbiguousNameError: as `StateRegistry.resolve`.
        """
        on = day or dt.date.today()  # as `resolve` reads a name with no day
        try:
            state = self.states.resolve(text, day, among)
        except UnknownStateError:
            if isinstance(text, str) and (refused := self.places.place_not_state(
                    text, self.states, on, place_option=place_option)) is not None:
                raise refused from None
            if isinstance(text, str) and (treaty := self._curated_named(text)) is not None:
                from foedus.wording import not_a_state

                raise UnknownStateError(not_a_state(text, f"a treaty ({treaty})")) from None
            raise
        from foedus.model.place_read import place_read_as_state  # here: only a name read by a pattern needs it

        if (refused := place_read_as_state(self.places, self.states, text, on, place_option=place_option)) is not None:
            raise refused  # "Gaza" is the Gaza Strip, a place, not Palestine by its name pattern
        return state

    def _curated_named(self, text: str) -> str | None:
        """The name of the curated treaty `text` names by id or by a reader's name ('nato', 'NATO'), or None: given
        for a state, it was "unknown state 'nato'; did you mean Monaco?". The history is not read for it."""
        from foedus.model.treaty_names import named_treaty

        curated = self.treaties.curated
        try:  # a text hiding a character, or blank, is the state's refusal to word (`StateRegistry.resolve`)
            found = text.strip() if text.strip() in curated else named_treaty(text, curated.values())
        except UnknownTreatyError:
            return None
        return curated[found].name if found is not None else None

    @property
    def has_history(self) -> bool:
        """Whether ATOP's historical alliances are part of this world."""
        return self.treaties.has_history

    def with_treaties(self, curated: dict[str, Treaty]) -> World:
        """The same world with another curated set (the history, if any, kept and still lazy)."""
        return World(self.treaties.with_curated(curated), self.states, self.places, self.files)

    @classmethod
    def load(cls, extra: Iterable[str | Path] | str | Path | None = (), bundled: bool = True,
             history: bool = True) -> World:
        """Load the bundled treaty set (unless `bundled=False`), any extra treaty files, and ATOP history.

        The merged timeline: ATOP 5.1 alliances count up to 2018-12-31 (the end of its coverage); the
        curated set counts for its whole life and replaces every ATOP alliance it maps (`atop_ids`),
        so no treaty is counted twice. ATOP is used only when its file is in the data folder. `extra`: paths
        (strings or `Path`s), or one path.

        Raises:
            TreatyDataError: an extra file that is not a path, an empty path, or a file that cannot be read or is
                malformed, or replaces an ATOP alliance the history lacks or one signed after it
                (`foedus.model.replaced_atop`); ScenarioError: `bundled` or `history` not True or False.
        """
        from foedus.model.loader import load_parts
        from foedus.model.replaced_atop import atop_replaced_problems
        from foedus.sources.history import with_history

        for name, value in (("bundled", bundled), ("history", history)):
            if not isinstance(value, bool):
                raise ScenarioError(f"{name} must be True or False, not {described(value)}")
        files: dict[str, str] = {}
        curated, states, places = load_parts(treaty_paths(extra), bundled, files)
        treaties = with_history(curated, states, history)
        if problems := atop_replaced_problems(treaties, files):
            raise problems[0]
        return cls(treaties=treaties, states=states, places=places, files=files)

    @staticmethod
    def given(world: object) -> World:
        """The world a caller passed (`world=`), or the bundled one for None.

        Raises:
            ScenarioError: anything else (a string, a dict, ...): an empty dict is not taken for None.
        """
        if world is None:
            return World.default()
        if not isinstance(world, World):
            raise ScenarioError(f"world: expected a foedus.World (from foedus.load_world or World.load), or None for "
                                f"the bundled world, not {described(world)}")
        return world

    @staticmethod
    @functools.cache
    def default() -> World:
        """The bundled world, loaded once per process (its parts kept in the user cache for fast starts). The
        whole load runs with the collector paused (`foedus.collector.loading`): its imports, the cache key's
        file-hash record and the cached parts are long-lived, and a collection among them found nothing to free."""
        from foedus.collector import loading

        with loading():
            from foedus.sources.history import with_history
            from foedus.world_cache import cached_parts

            curated, states, places = cached_parts()
            return World(with_history(curated, states, True), states, places)


def treaty_paths(extra: Iterable[str | Path] | str | Path | None) -> list[Path]:
    """Extra treaty files as paths: one path, or several (strings or `Path`s); None for none.

    Raises:
        TreatyDataError: a value that is not a path nor holds only paths (naming it, or the container and what it
            holds: bytes hold numbers), a mapping for the files (its items are keys), or an empty path (read as `.`).
    """
    if extra is None:
        return []
    given = [extra] if isinstance(extra, str | os.PathLike) else extra
    if not isinstance(given, Iterable) or isinstance(given, Mapping):  # a mapping's keys are no list of files
        raise TreatyDataError("treaty file", "", f"expected a path (str or pathlib.Path), not {described(extra)}")
    items = list(given)  # once: a generator is read once
    out: list[Path] = []
    for item in items:
        if not isinstance(item, str | os.PathLike):
            raise TreatyDataError("treaty file", "", f"expected a path (str or pathlib.Path), not "
                                                     f"{_not_a_path(given, item)}")
        if not str(item).strip():
            raise TreatyDataError("treaty file", "", f"the path is {empty_or_blank(item)}; give a treaty YAML file")
        out.append(kept(item))  # `t.yaml/` is refused as the system refuses it, not read as t.yaml
    return out


def _not_a_path(given: Iterable[object], item: object) -> str:
    """What is said of `item`, the first of `given` that is no path: the item itself, of a list or tuple (as the
    files are given: `load_world`'s arguments); else the container and the type it holds, whatever the container
    (bytes, a memoryview or an array hold numbers: `memoryview(b"abc")` was told 'not 97', its first byte)."""
    if isinstance(given, list | tuple):
        listed = isinstance(item, list | tuple)
        return f"{described(item)}{' (give the files as separate arguments: load_world(*files))' if listed else ''}"
    home = type(item).__module__.split(".")[0]
    kind = "nothing" if item is None else f"{'' if home == 'builtins' else home + '.'}{type(item).__qualname__}"
    return f"{described(given)}: it holds {kind}, not paths"
