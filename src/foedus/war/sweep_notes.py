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
    from collections.abc import Callable, Mapping, Sequence

    from foedus.model.world import World
    from foedus.war.note_days import Bound

__all__ = ["SHOWN", "series_war_notes", "sweep_war_notes"]

SHOWN = 6  # the pairs a note lists by name; the rest it counts


def sweep_war_notes(world: World, day: dt.date, members: Sequence[str], readings: Sequence[str],
                    switched: Mapping[str, Any], data_end: dt.date, what: str = "this atlas") -> list[str]:
    """A note per bundled war in which ordered pairs of `members` (the sweep's states, in its order) fight on
    opposite sides on `day`, the war replayed under each of `readings` with the sweep's switches (`switched`: those
    of `foedus.inputs.ATLAS`; the territory view is the recognized one, as an atlas's attacks are on home soil)."""
    from foedus.war.notes import war_day, wars_spanning

    out = []
    for wid, title, named in wars_spanning(day, data_end):
        held = {r: war_day(world, wid, day, _settings(r, switched)) for r in readings}
        side = next((found[0] for found in held.values() if found is not None), None)
        pairs = _pairs(side, members, named) if side is not None else []
        if pairs:
            names = world.states.names_on(day)
            bound = {r: found[1] for r, found in held.items() if found is not None}
            out.append(_note(wid, title, day, pairs, bound, names, what))
    return out


def series_war_notes(world: World, days: Sequence[dt.date], members_on: Callable[[dt.date], Sequence[str]],
                     switched: Mapping[str, Any], data_end: dt.date, what: str = "this series",
                     reads: str = "each year's figures read") -> list[str]:
    """A note per bundled war in which ordered pairs of a yearly sweep's states (`members_on` its day) fight on
    opposite sides on one of its `days` (1 July of each year): the years, the pairs (the first few, and a count), and
    `foedus war`; not what the war binds, which changes from year to year (`foedus war` says it). `reads`: what of
    the sweep reads each dyad's one attack (a series' figures, a dyad-year's covariates). The sides a war's
    day holds are its events', whatever the reading: the legal reading's replay is read."""
    from foedus.war.notes import war_day, wars_spanning
    from foedus.whatif_words import year_spans

    found: dict[str, tuple[str, list[dt.date], dict[tuple[str, str], None]]] = {}
    for day in days:
        for wid, title, named in wars_spanning(day, data_end):
            held = war_day(world, wid, day, _settings("legal", switched))
            pairs = _pairs(held[0], members_on(day), named) if held is not None else []
            if pairs:
                _, on, every = found.setdefault(wid, (title, [], {}))
                on.append(day)
                every.update(dict.fromkeys(pairs))
    return [f"{_counted(list(pairs), what)} at war on 1 July in {year_spans([d.year for d in on])} in the recorded "
            f"war {wid} ({title}): {_listed(list(pairs))}; {reads} each such dyad's one attack "
            f"only, not the war (foedus war {wid} --until {on[-1]})" for wid, (title, on, pairs) in found.items()]


def _settings(reading: str, switched: Mapping[str, Any]) -> tuple[object, ...]:
    """A war replay's settings for a sweep's reading and switches (`foedus.war.notes.replay_settings`): the
    territory view is the recognized one, as a sweep's attacks are on home soil."""
    from foedus.war.notes import replay_settings

    return replay_settings(switched, reading=reading, territory_view="recognized")


def _pairs(side: Mapping[str, str], members: Sequence[str], named: frozenset[str] | None) -> list[tuple[str, str]]:
    """The ordered pairs of `members` (in their order) at war on a war's day (`side`: its fighting states' sides),
    by `foedus.war.notes.at_war`."""
    from foedus.war.notes import at_war

    fighting = [s for s in members if s in side and (named is None or s in named)]
    return [(a, b) for a in fighting for b in fighting if at_war(side, a, b)]


def _counted(pairs: list[tuple[str, str]], what: str) -> str:
    """"2 ordered dyads of this atlas are"."""
    return f"{counted(len(pairs), 'ordered dyad')} of {what} {'is' if len(pairs) == 1 else 'are'}"


def _listed(pairs: list[tuple[str, str]]) -> str:
    """The pairs, the first `SHOWN` by name and the rest counted: "RUS→UKR and UKR→RUS"."""
    listed = [f"{a}→{b}" for a, b in pairs[:SHOWN]]
    if len(pairs) > SHOWN:
        listed.append(f"{len(pairs) - SHOWN} more")
    return and_listed(listed)


def _note(wid: str, title: str, day: dt.date, pairs: list[tuple[str, str]], bound: Mapping[str, list[Bound]],
          names: Mapping[str, str], what: str) -> str:
    """The note's words: "2 ordered dyads of this atlas are at war on 2025-06-01 in the recorded war
    russia_ukraine_2022 (...): RUS→UKR and UKR→RUS; each such row reads its one attack only, not the war: on that day
    the war binds, in the legal reading, on the side of Russia (RUS), Belarus (BLR), ... (foedus war
    russia_ukraine_2022 --until 2025-06-01)"."""
    binds = "; ".join(f"in the {r} reading, {_bound(held, names)}" for r, held in bound.items())
    return (f"{_counted(pairs, what)} at war on {day} in the recorded war {wid} ({title}): {_listed(pairs)}; each "
            f"such row reads its one attack only, not the war: on that day the war binds, {binds} "
            f"(foedus war {wid} --until {day})")


def _bound(held: list[Bound], names: Mapping[str, str]) -> str:
    """The states a war binds on a day, by side: "on the side of Russia (RUS), Belarus (BLR) and North Korea (PRK)"."""
    sides: dict[str, list[str]] = {}
    for b in held:
        sides.setdefault(b[1], []).append(named_state(b[0], names))
    return ", ".join(f"on the side of {named_state(side, names)}, {and_listed(states)}"
                     for side, states in sides.items()) or "no other state"
