"""What-if worlds from query parameters: the declared what-if inputs (`foedus.inputs.WHAT_IF`).

The parameters have the CLI's names and syntax (`add_member=rus_prk_2024:IRN`, `remove_member=…`,
`drop_treaty=chn_prk_1961`, `set_strength=nato_1949:5=S1`, `set_scope=…`), read into typed changes by
`foedus.model.overlay.changes_from`; a request can never make foedus read a file (adding a treaty from a
file, or an overlay file, is CLI-only). Applied worlds are kept in a small LRU cache, so repeating a
what-if does not rebuild its world (nor its compiled legs).
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from foedus.inputs import WHAT_IF
from foedus.model.world import World
from foedus.web.envelope import WebInputError
from foedus.web.params import MAX_VALUE, declared_query

if TYPE_CHECKING:
    from foedus.model.overlay import Change
    from foedus.model.overlay_changed import Changed

__all__ = ["MAX_CHANGES", "WhatIfQuery", "changed_for", "what_if_changes", "whatif_query"]

MAX_CHANGES = 16


@dataclass(frozen=True, slots=True)
class WhatIfQuery:
    """The what-if changes of a request, as (input name, value) in declaration order (empty: the bundled world)."""

    flags: tuple[tuple[str, str], ...] = ()

    @property
    def changes(self) -> list[dict[str, str]]:
        """The changes as `{"param": ..., "value": ...}` (query parameter names), for echoing back."""
        return [{"param": name, "value": value} for name, value in self.flags]


def _build(values: dict[str, Any]) -> WhatIfQuery:
    """The changes, each value stripped; an empty or blank one is kept as given, so that applying it refuses it in
    the CLI's words (`add_member '': expected TREATY:STATE, …`): it was dropped without a word, which the web client
    relied on (it now leaves empty fields out of a query)."""
    flags = tuple((i.name, v.strip() or v) for i in WHAT_IF for v in values[i.name] or [])
    for name, v in flags:
        if len(v) > MAX_VALUE:
            raise WebInputError(f"{name} {v[:20]!r}… is longer than {MAX_VALUE} characters")
    if len(flags) > MAX_CHANGES:
        raise WebInputError(f"too many what-if changes ({len(flags)}); at most {MAX_CHANGES}")
    return WhatIfQuery(flags)


whatif_query = declared_query(WHAT_IF, _build)
"""FastAPI dependency: the what-if changes, checked for size."""


def changed_for(q: WhatIfQuery, date: str | None = None) -> Changed | None:
    """The bundled world with the what-if changes applied (their states' names read and their members checked on
    the scenario's `date`, as its attacker's are; today's when None; one not a date is refused first, as the
    scenario refuses it: `foedus.run.day_or_none`), kept with its changes and the bundled world they were applied
    to, for `foedus.run.run_scenario` to run in and note as `foedus.cascade` does; None: no change.

    Raises:
        FoedusError: an unknown treaty, state or article, or a malformed change (the overlay's own message); a
            malformed date (DateOutOfRangeError).
    """
    from foedus.run import day_or_none

    return _applied(q.flags, day_or_none(date)) if q.flags else None


def what_if_changes(flags: tuple[tuple[str, str], ...]) -> list[Change]:
    """A request's what-if changes (`WhatIfQuery.flags`), as the overlay `changed_for` applies reads them."""
    from foedus.model.overlay import changes_from

    values: dict[str, list[str]] = {}
    for name, value in flags:
        values.setdefault(name, []).append(value)
    return changes_from(values)


@functools.lru_cache(maxsize=16)
def _applied(flags: tuple[tuple[str, str], ...], day: dt.date | None) -> Changed:
    from foedus.model.overlay_changed import changed_world

    return changed_world(World.default(), what_if_changes(flags), day)
