"""What-if worlds from query parameters: add or remove a member, drop a treaty, change an article's strength.

The parameters have the CLI's names and syntax (`add_member=rus_prk_2024:IRN`, `remove_member=…`,
`drop_treaty=chn_prk_1961`, `set_strength=nato_1949:5=S1`). They become `op=value` flags for
`foedus.model.overlay.overlay_from_flags`, always with an operation name, so a request can never make
it read an overlay or treaty file: adding a treaty from a file is a CLI-only change. Applied worlds are
kept in a small LRU cache, so repeating a what-if does not rebuild its world (nor its compiled legs).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Annotated

from fastapi import Query

from foedus.model.world import World
from foedus.web.envelope import WebInputError
from foedus.web.params import MAX_VALUE

__all__ = ["MAX_CHANGES", "WhatIfQuery", "whatif_query", "world_for"]

MAX_CHANGES = 16
_OPS = (("add_member", "add-member"), ("remove_member", "remove-member"), ("drop_treaty", "drop-treaty"),
        ("set_strength", "strength"))


@dataclass(frozen=True, slots=True)
class WhatIfQuery:
    """The what-if changes of a request, as overlay flags in request order (empty: the bundled world)."""

    flags: tuple[str, ...] = ()

    @property
    def changes(self) -> list[dict[str, str]]:
        """The changes as `{"param": ..., "value": ...}` (query parameter names), for echoing back."""
        param = {op: name for name, op in _OPS}
        return [{"param": param[op], "value": value} for op, _, value in (f.partition("=") for f in self.flags)]


def _values(values: list[str] | None, name: str) -> list[str]:
    out = [v.strip() for v in values or [] if v.strip()]
    for v in out:
        if len(v) > MAX_VALUE:
            raise WebInputError(f"{name} {v[:20]!r}… is longer than {MAX_VALUE} characters")
    return out


_AM = "What-if: TREATY:STATE joins the treaty (e.g. rus_prk_2024:IRN). Repeatable."
_RM = "What-if: TREATY:STATE leaves the treaty (e.g. nato_1949:TUR). Repeatable."
_DT = "What-if: drop this treaty (e.g. chn_prk_1961). Repeatable."
_SS = "What-if: TREATY:ARTICLE=S1..S5 changes an article's strength (e.g. nato_1949:5=S1). Repeatable."


async def whatif_query(
    add_member: Annotated[list[str] | None, Query(description=_AM)] = None,
    remove_member: Annotated[list[str] | None, Query(description=_RM)] = None,
    drop_treaty: Annotated[list[str] | None, Query(description=_DT)] = None,
    set_strength: Annotated[list[str] | None, Query(description=_SS)] = None,
) -> WhatIfQuery:
    """FastAPI dependency: the what-if changes, checked for size."""
    given = {"add_member": add_member, "remove_member": remove_member, "drop_treaty": drop_treaty,
             "set_strength": set_strength}
    flags = tuple(f"{op}={v}" for name, op in _OPS for v in _values(given[name], name))
    if len(flags) > MAX_CHANGES:
        raise WebInputError(f"too many what-if changes ({len(flags)}); at most {MAX_CHANGES}")
    return WhatIfQuery(flags)


def world_for(q: WhatIfQuery) -> World:
    """The bundled world, or the bundled world with the what-if changes applied.

    Raises:
        FoedusError: an unknown treaty, state or article, or a malformed change (the overlay's own message).
    """
    return _applied(q.flags) if q.flags else World.default()


@functools.lru_cache(maxsize=16)
def _applied(flags: tuple[str, ...]) -> World:
    from foedus.model.overlay import overlay_from_flags

    if not all(f.partition("=")[0] in {op for _, op in _OPS} for f in flags):  # never an overlay file path
        raise WebInputError("only add_member, remove_member, drop_treaty and set_strength changes are accepted")
    return overlay_from_flags(list(flags)).apply(World.default())
