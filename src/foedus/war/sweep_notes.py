"""A sweep's note of the pairs it answers that are at war on its day in a bundled war: an atlas of 2025-06-01 answered
RUS→UKR and UKR→RUS as opening attacks, without a word that the two are at war in russia_ukraine_2022, whose replay
binds Belarus, North Korea and the CSTO's members that day.

One note per war, for the whole sweep, not one per row: which pairs are at war is `foedus.war.notes`' one rule
(`wars_spanning`, `war_day`, `at_war`: the war's replayed day, kept in the user cache), read once per war and
reading, with no cascade run; the note names the pairs (the first few, and a count), the states the war binds that
day in each reading, and `foedus war ID --until DAY`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from foedus.wording import and_listed, counted, named_state

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Mapping, Sequence

    from foedus.model.world import World
    from foedus.war.note_days import Bound

__all__ = ["SHOWN", "sweep_war_notes"]

SHOWN = 6  # the pairs a note lists by name; the rest it counts


def sweep_war_notes(world: World, day: dt.date, members: Sequence[str], readings: Sequence[str],
                    switched: Mapping[str, Any], data_end: dt.date, what: str = "this atlas") -> list[str]:
    """A note per bundled war in which ordered pairs of `members` (the sweep's states, in its order) fight on
    opposite sides on `day`, the war replayed under each of `readings` with the sweep's switches (`switched`: those
    of `foedus.inputs.ATLAS`; the territory view is the recognized one, as an atlas's attacks are on home soil)."""
    from foedus.war.notes import at_war, war_day, wars_spanning

    out = []
    for wid, title, named in wars_spanning(day, data_end):
        held = {r: war_day(world, wid, day, (r, switched["basis"], switched["requested"], "recognized",
                                             switched["unresolved"], switched["non_military"], switched["decisions"]))
                for r in readings}
        side = next((found[0] for found in held.values() if found is not None), None)
        if side is None:
            continue
        fighting = [s for s in members if s in side and (named is None or s in named)]
        pairs = [(a, b) for a in fighting for b in fighting if at_war(side, a, b)]
        if pairs:
            names = world.states.names_on(day)
            bound = {r: found[1] for r, found in held.items() if found is not None}
            out.append(_note(wid, title, day, pairs, bound, names, what))
    return out


def _note(wid: str, title: str, day: dt.date, pairs: list[tuple[str, str]], bound: Mapping[str, list[Bound]],
          names: Mapping[str, str], what: str) -> str:
    """The note's words: "2 ordered dyads of this atlas are at war on 2025-06-01 in the recorded war
    russia_ukraine_2022 (...): RUS→UKR and UKR→RUS; each such row reads its one attack only, not the war: on that day
    the war binds, in the legal reading, on the side of Russia (RUS), Belarus (BLR), ... (foedus war
    russia_ukraine_2022 --until 2025-06-01)"."""
    listed = [f"{a}→{b}" for a, b in pairs[:SHOWN]]
    if len(pairs) > SHOWN:
        listed.append(f"{len(pairs) - SHOWN} more")
    binds = "; ".join(f"in the {r} reading, {_bound(held, names)}" for r, held in bound.items())
    return (f"{counted(len(pairs), 'ordered dyad')} of {what} {'is' if len(pairs) == 1 else 'are'} at war on {day} "
            f"in the recorded war {wid} ({title}): {and_listed(listed)}; each such row reads its one attack only, "
            f"not the war: on that day the war binds, {binds} (foedus war {wid} --until {day})")


def _bound(held: list[Bound], names: Mapping[str, str]) -> str:
    """The states a war binds on a day, by side: "on the side of Russia (RUS), Belarus (BLR) and North Korea (PRK)"."""
    sides: dict[str, list[str]] = {}
    for b in held:
        sides.setdefault(b[1], []).append(named_state(b[0], names))
    return ", ".join(f"on the side of {named_state(side, names)}, {and_listed(states)}"
                     for side, states in sides.items()) or "no other state"
