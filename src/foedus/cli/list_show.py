"""The listing commands' output: `foedus treaties` (`print_treaty_list`), `foedus states` and `foedus places`, as a
table, CSV or JSON (split from `foedus.cli.show`, its size; `foedus.cli.show` still names them)."""

from __future__ import annotations

import sys
from typing import Any

from foedus.errors import FoedusError
from foedus.model.world import World

__all__ = ["print_places", "print_states", "print_treaty_list"]

_SHOWN_LATER = 8  # the places the note on holders of a later day names (its count says how many in all)


def print_treaty_list(world: World, date: str | None, fmt: str) -> None:
    """Treaties: id, name (an instrument not a treaty said so: `instrument_said`), dates, members, obligations,
    certainty (table, CSV or JSON): the table's as `foedus treaties show` says it (`certainty_said`: "verified to
    2018-12-31, carried-forward after" for an alliance carried past its source), or that day's; JSON and CSV the tag.
    A `date` is named in the table's title (`today` as the machine's date), and one after the set's review says so."""
    from foedus.catalog import certainty_said, treaty_rows
    from foedus.cited import instrument_said
    from foedus.cli.listing import cell, emit
    from foedus.engine.scenario import parse_date
    from foedus.list_day import list_notes

    day = parse_date(date) if date is not None else None
    rows = treaty_rows(world, day)
    # without a date `members` counts every state ever a party (NATO's 33: West Germany and Germany), so says it
    members = "members (that day)" if day is not None else "members (ever)"
    columns = [("id", "id"), ("name", "name"), ("signed", "signed"), ("in_force", "in force"), ("terminated",
               "out of force from"), ("members", members), ("kinds", "obligations"), ("certainty", "certainty")]
    said = {} if date is not None else {r["id"]: certainty_said(world.treaties[r["id"]]) for r in rows}
    emit(rows, fmt, columns, lambda r, k: (r[k] or "not in force") if k == "in_force"
         else r[k] + instrument_said(r["instrument"]) if k == "name"
         else ", ".join(r[k]) if k == "kinds" else said.get(r["id"], r[k]) if k == "certainty" else cell(r[k]),
         title=None if day is None else f"treaties in force on {day.isoformat()}", notes=list_notes(day))


def print_states(query: str | None, date: str | None, fmt: str) -> None:
    """The state registry, or one state (as a table, CSV or JSON): the system members on `date`, or the state `query`
    names on it (the table's title names the day), as `cascade` reads a name on its date (Congo, Korea and Germany named
    several), as called then."""
    from foedus.cli.listing import emit
    from foedus.engine.scenario import parse_date
    from foedus.model.states import COW_FIRST_DAY, OPEN_SPELL_NOTE, StateRegistry, spells_text

    registry = StateRegistry.load()
    day = parse_date(date) if date is not None else None
    if day is not None and not registry.has_system_dates:  # an empty list (exit 0; unsaid with --json, csv) is wrong
        from foedus.errors import DataMissingError

        does = "reads a state's name on a date" if query is not None else "lists the state-system members on a date"
        raise DataMissingError(f"--date {does}, which needs the COW state system: run `foedus data fetch cow_states`")
    from foedus.catalog import state_rows

    # the same rows as /api/states: on a date, a state whose membership the COW dates cannot say is listed
    from foedus.state_lists import one_state

    world = World.default()
    rows = state_rows(registry, day, [one_state(world, query, day, "QUERY")] if query is not None else None)
    columns = [("id", "id"), ("ccode", "COW"), ("cow", "abb"), ("iso3", "ISO3"), ("name", "name"),
               ("spells", "system membership")] + ([("member", f"member on {day}")] if day is not None else [])
    if fmt == "csv":
        rows = [r | {"spells": "; ".join(f"{a}/{b or ''}" for a, b in r["spells"])} for r in rows]
    unlisted = "not in the COW state system" if registry.has_system_dates else "(COW dates not loaded)"
    title = None if day is None else f"states on {day}" if query is None else f"the state {query!r} names on {day}"
    emit(rows, fmt, columns, lambda r, k: (spells_text(r[k]) or unlisted) if k == "spells"
         else ("yes" if r[k] else "not known") if k == "member" else str(r[k] or ""), title=title)  # `today` resolved
    if fmt == "table" and not registry.has_system_dates:
        print("state-system dates need COW data: `foedus data fetch cow_states`", file=sys.stderr)
    elif day is not None and day < COW_FIRST_DAY:
        print(f"the COW state system begins on {COW_FIRST_DAY}: whether a state was in it on {day} is not known, "
              "and a cascade on that day does not check it", file=sys.stderr)
    elif fmt == "table" and any(b is None for r in rows for _, b in r["spells"]):
        print(OPEN_SPELL_NOTE, file=sys.stderr)


def print_places(regions: bool, homes: bool, fmt: str, date: str | None = None) -> None:
    """The gazetteer's places (or regions), as held today or on `date` (titled), as a table, CSV or JSON."""
    from foedus.cli.listing import emit

    if regions and (given := next((o for o, on in (("--homes", homes), ("--date", date is not None)) if on), None)):
        raise FoedusError(f"{given} has no effect with --regions (it concerns places); leave it out")  # as given
    world = World.default()
    if regions:
        rows: list[dict[str, Any]] = [r.model_dump() for r in world.places.regions.values()]
        emit(rows, fmt, [("id", "id"), ("name", "name"), ("description", "description")])
        return
    from foedus.catalog import place_rows
    from foedus.engine.scenario import parse_date

    day = parse_date(date) if date is not None else None  # an empty --date is malformed, as everywhere, not "no date"
    chosen = place_rows(world, homes, day)
    columns = [("id", "id"), ("name", "name"), ("kind", "kind"), ("sovereign", "sovereign"),
               ("administrator", "administrator"), ("claimants", "claimants"), ("regions", "regions")]
    emit(chosen, fmt, columns, lambda r, k: ", ".join(r[k]) if isinstance(r[k], list) else (r[k] or "—"),
         title=None if day is None else f"places as held on {day.isoformat()}")  # `today` resolved, visibly
    if day is not None and (later := _held_later(world, [r["id"] for r in chosen], day)):
        print(later, file=sys.stderr)


def _held_later(world: World, ids: list[str], day: Any) -> str | None:
    """The note on the places listed with a holder or claimant that is no state of the system on `day`, which no
    dated record covers (`holders_not_then`): the row shows today's (Narva Estonia's on 1900-01-01, the West Bank
    Israel's), not who held it then."""
    from foedus.state_lists import holders_not_then

    names = world.states.names_on(day)
    later = {pid: held for pid in ids if (held := holders_not_then(world, world.places.places[pid], day, "claimant"))}
    if not later:
        return None
    shown = "; ".join(f"{pid}: {', '.join(f'{names.get(s.id, s.name)} ({s.id})' for s in held)}"
                      for pid, held in list(later.items())[:_SHOWN_LATER])
    more = f"; and {len(later) - _SHOWN_LATER} more" if len(later) > _SHOWN_LATER else ""
    return (f"note: {len(later)} of these places are listed with today's holders and claimants, among them a state "
            f"that is no state of the system on {day}: the gazetteer records no holder of them for that day, so who "
            f"held them then is not known here ({shown}{more})")
