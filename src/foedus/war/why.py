"""Why one state stands where it does on a replayed war's date: fighting on a side, bound to join one (the treaty
and its article), bound to both sides, or neither. The one wording of `foedus war WAR --until DATE --state STATE`;
the web map's "Why?" panel on a war's frame says the same (web/src/said.ts `frameWhy`, tests/test_said_parity.py).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from foedus.cited import article_cited
from foedus.model.world import World
from foedus.war.result import Frame, WarReplay
from foedus.wording import named_state

__all__ = ["frame_why", "treaty_named", "why_on"]


def frame_why(state: str, frame: Frame, day: str, treaty: Callable[[str], str]) -> str:
    """"Why?" for `state` (an id) as `frame` stands on `day`: a side it fights on comes first, then the obligation
    that binds it to join one (named by `treaty`, its id, the article cited: `article_cited`), then a conflict."""
    side = next((s for s in ("attack", "defense") if state in frame.sides.get(s, ())), None)
    bound = frame.bound.get(state)
    if side is not None:
        return f"Fighting on the {side} side on {day}."
    if bound is not None:
        return (f"Bound to join the {bound['side']} side on {day} under {treaty(bound['treaty'])} ({bound['treaty']}) "
                f"{article_cited(bound['article'])}.")
    if state in frame.conflicts:
        return f"Bound to both sides on {day}."
    return f"Neither fighting nor bound on {day}."


def treaty_named(world: World) -> Callable[[str], str]:
    """A treaty's name as the treaty list gives it (`foedus.catalog.treaty_rows`, the web map's names): its short
    name, else its name; its id where the world has no such treaty."""

    def name(treaty_id: str) -> str:
        t = world.treaties.get(treaty_id)
        return treaty_id if t is None else t.short_name or t.name

    return name


def why_on(result: WarReplay, world: World, state: str, day: dt.date | None = None) -> str:
    """`state` (any name `World.state_named` reads, as on the day) named as on `day`, then its `frame_why` on `day`
    (default: the replay's last day), from the frame standing then (`WarReplay.frame_on`).

    Raises:
        DateOutOfRangeError: `day` before the war or after the replay's last day. UnknownStateError,
            AmbiguousNameError: `state` names no state on that day, or several (a place given as one is refused,
            saying so: `World.state_named`).
    """
    when = day or result.end
    frame = result.frame_on(when)
    sid = world.state_named(state, when).id
    why = frame_why(sid, frame, when.isoformat(), treaty_named(world))
    return f"{named_state(sid, world.states.names_on(when))}: {why}"
