"""The state registry's name index (`foedus.model.states.StateRegistry`): each state's id, codes and names, and the
aliases of `foedus.model.state_aliases`, read as `norm` keys, each to the one state it names; and the names several
states have carried, which the registry reads by the date instead. Split from `foedus.model.states` (the lookup) so
each module stays small."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Mapping
from typing import Protocol

from foedus.model.slug import norm
from foedus.model.state_aliases import ALIASES
from foedus.model.state_reader_names import SOURCE_NAMES

__all__ = ["AMBIGUOUS", "Keyed", "name_index"]


class Keyed(Protocol):
    """What the index reads of a state (`foedus.model.states.State`, which imports this module)."""

    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def iso3(self) -> str | None: ...
    @property
    def cow_abb(self) -> str | None: ...
    @property
    def ccode(self) -> int | None: ...

# Names several states have carried, with the candidates (ids); resolved by the date (`StateRegistry.resolve`).
AMBIGUOUS = {
    "congo": ("COG", "COD"),
    "korea": ("KOR", "PRK", "COW730"),
    "guinea": ("GIN", "GNB", "GNQ"),
    "yemen": ("YEM", "COW678", "COW680"),
    "germany": ("DEU", "COW260", "COW265"),
    "federalrepublicofgermany": ("DEU", "COW260"),  # West Germany's style, and unified Germany's since 1990
    "vietnam": ("VNM", "COW817"),
    "austria": ("AUT", "COW300"),  # the Austrian Empire (COW 300, "Austria-Hungary" from 1867) and the republic
}


def name_index(states: Mapping[str, Keyed]) -> dict[str, str]:
    """Each code and name of `states` (by id) as a `norm` key, to the id of the state it names, the first to claim it
    kept. Precedence: ids and ISO3 codes, then names, then a name without its parenthesis where no other state
    carries it, then the name sources' spellings a reader's name replaced ("Trinidad & Tobago", "Micronesia (Federated
    States of)" and "Micronesia": `state_reader_names`), then COW abbreviations, then COW numbers (ISO3 SWZ is
    Eswatini although COW's SWZ is Switzerland; ISO3 MNG is Mongolia, COW's Montenegro), then the aliases."""
    index: dict[str, str] = {}
    ordered = sorted(states.values(), key=lambda s: (s.iso3 is None, s.id))
    short = {s.id: re.sub(r"\s*\([^)]*\)", "", s.name).strip() for s in ordered}
    once = {name for name, n in Counter(short.values()).items() if n == 1}
    passes: list[Callable[[Keyed], list[str | None]]] = [
        lambda s: [s.id, s.iso3], lambda s: [s.name], lambda s: [short[s.id] if short[s.id] in once else None],
        lambda s: list(SOURCE_NAMES.get(s.ccode, ())) if s.ccode is not None else [],
        lambda s: [s.cow_abb],
        lambda s: [str(s.ccode) if s.ccode is not None else None]]
    for keys_of in passes:
        for state in ordered:
            for key in keys_of(state):
                if key:
                    index.setdefault(norm(key), state.id)
    for alias, state_id in ALIASES.items():
        if state_id in states:
            index.setdefault(norm(alias), state_id)
    return index
