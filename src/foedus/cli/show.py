"""Printers for the CLI: rich tables and trees on a terminal, JSON with `--json`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from foedus.cited import cited
from foedus.engine.records import MonteCarloSummary
from foedus.engine.result import CascadeResult
from foedus.errors import FoedusError
from foedus.model.world import World
from foedus.wording import counted, named_state

if TYPE_CHECKING:  # rich is imported when something is printed with it, not for --json
    from rich.console import Console

__all__ = ["print_citations", "print_demo", "print_places", "print_result", "print_states",
           "print_treaty_list", "validate_files"]


def _console() -> Console:
    from foedus.consoles import console

    return console(highlight=False, soft_wrap=False)


def _json(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2, default=str) + "\n")


def print_result(result: CascadeResult) -> None:
    """The readable cascade: a tree by round with reasons, then sides and other findings. Rendered with the
    collector paused (`foedus.collector.acyclic`): rich's import and its text set off collections that freed
    nothing, where the `--json` line sets off none (tests/test_start_collections.py)."""
    from foedus.collector import acyclic

    with acyclic():
        from rich.markup import escape

        from foedus.render import rich_tree, side_names

        console = _console()
        console.print(rich_tree(result))
        console.print(f"[red]attack[/red]: {escape(side_names(result, 'attack'))}")
        console.print(f"[blue]defense[/blue]: {escape(side_names(result, 'defense'))}")
        if result.power:
            _print_power(console, result.power)
        if result.montecarlo:
            _print_montecarlo(console, result.montecarlo)


def _print_power(console: Console, power: dict[str, Any]) -> None:
    parts = [f"{side} CINC {power[side]['cinc']:.4f} ({power[side]['share']:.1%} of the world)"
             for side in ("attack", "defense") if power.get(side) and power[side].get("share") is not None]
    note = f" — {power['note']}" if power.get("note") else ""
    console.print(f"coalition power, {power['year']}: " + "; ".join(parts) + note)


_MC_ROWS = 25  # the likeliest states the text table shows


def _print_montecarlo(console: Console, mc: MonteCarloSummary) -> None:
    size = mc.war_size
    majors = f"{q:.1%}" if (q := mc.p_major_powers_opposite) is not None else mc.p_major_powers_unknown or "not known"
    console.print(f"Monte Carlo, {counted(mc.draws, 'draw')} (seed {mc.seed}): war size mean {size['mean']:.1f}, 90% "
                  f"interval {size['p5']:.0f}–{size['p95']:.0f}; P(major powers on opposite sides) {majors}")
    from foedus.consoles import table as make_table

    table = make_table("state", "P(attack side)", "P(defense side)", title="probability of joining")
    rows = sorted(mc.probabilities.items(), key=lambda kv: -max(kv[1].values()))
    for state, p in rows[:_MC_ROWS]:
        table.add_row(state, f"{p['attack']:.1%}", f"{p['defense']:.1%}")
    console.print(table)
    if len(rows) > _MC_ROWS:  # never a silent cut: a state missing here is not a state with no chance
        console.print(f"{len(rows) - _MC_ROWS} more states, each at most {max(rows[_MC_ROWS][1].values()):.1%} on "
                      "either side, in --json (`probabilities`)")
    ep = mc.expected_power
    if ep:
        console.print("expected CINC: " + "; ".join(
            f"{side} {ep[side]['cinc_mean']:.4f} (5–95%: {ep[side]['cinc_p5']:.4f}–{ep[side]['cinc_p95']:.4f})"
            for side in ("attack", "defense")))


def print_citations(datasets: tuple[str, ...], *, to_stderr: bool) -> None:
    """Citations for the foedus treaty set and the research datasets a result used."""
    from foedus.datasets import cite

    lines = ["foedus curated treaty set (2025): cite the sources listed in each treaty file (foedus treaties show ID)."]
    for name, texts in cite(datasets).items() if datasets else ():
        lines += [f"{name}: {text}" for text in texts]
    (sys.stderr if to_stderr else sys.stdout).write("\n".join(lines) + "\n")


FLAGSHIP = {"attacker": "UKR", "target": "RUS", "place": "kursk-oblast", "target_kind": "territory"}
FLAGSHIP_DATES = ("2024-08-06", "2025-01-15")


def print_demo(as_json: bool) -> None:
    """Run the flagship scenario on both dates — the later one as the war ongoing since the first — and say what
    changed, and from which day, citing the treaty change that made it."""
    from foedus.api import cascade
    from foedus.model.treatymap import TreatyMap

    full = World.default()  # the demo reads the bundled (curated) treaty set, the same with or without research data
    world = World(TreatyMap(full.treaties.curated), full.states, full.places)
    first, then = FLAGSHIP_DATES
    results = [cascade(date=first, world=world, **FLAGSHIP),  # type: ignore[arg-type]
               cascade(date=then, world=world, ongoing_since=first, **FLAGSHIP)]  # type: ignore[arg-type]
    if full.has_history:  # left out on purpose, not missing: asking the reader to fetch it would mislead
        results = [_left_out_atop(r) for r in results]
    if as_json:
        _json([r.to_dict() for r in results])
        return
    from foedus.war.render import print_ongoing

    console = _console()
    console.print("[bold]Ukraine's forces in Russia's Kursk Oblast[/bold] "
                  "(foedus cascade --attacker UKR --target RUS --place kursk-oblast --date …)\n"
                  "[dim]bundled treaty set only; with ATOP history, foedus cascade also lists alliances carried "
                  f"forward from ATOP's 2018 coding; on {then}, the incursion is read as one war ongoing since "
                  f"{first} (--ongoing-since {first})[/dim]\n")
    for r in results:
        print_result(r)
        if r.ongoing is not None:
            print_ongoing(r.ongoing, r.names, r.titles)
        console.print()
    before, after = ({j.state for j in r.joiners} for r in results)
    bound = (results[1].ongoing or {}).get("bound_since", {})
    lines = []
    for st in sorted(after - before):
        j, since = results[1].joiner(st), bound.get(st, {})
        assert j is not None
        cause = since["cause"]["text"] if since.get("cause") else None  # the record's words, as print_ongoing's
        under = cited(j.primary.treaty, j.primary.article)
        lines.append(f"{result_name(results[1], st)} is bound to join under {under}"
                     + (f" from {since['since']} ({cause}), in the middle of the war" if since and cause else ""))
    if lines:
        console.print(f"[bold]What changed:[/bold] on {then} {'; '.join(lines)}; on {first} it was not bound.")


_DEMO_ATOP_NOTE = ("ATOP history left out: the demo reads the bundled treaty set only (foedus cascade reads the ATOP "
                   "alliances in the data folder too)")


def _left_out_atop(result: CascadeResult) -> CascadeResult:
    """`result` with its "ATOP history not loaded" note (the demo's world has none) saying why instead."""
    from foedus.datarecord import replace
    from foedus.sources.coverage import missing_notes

    missing = missing_notes(["atop"])[0]
    return replace(result, notes=tuple(_DEMO_ATOP_NOTE if n == missing else n for n in result.notes))


def result_name(result: CascadeResult, state: str) -> str:
    """`Name (ID)` for a state in a result (`foedus.wording.named_state`)."""
    return named_state(state, result.names)


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
    columns = [("id", "id"), ("name", "name"), ("signed", "signed"), ("in_force", "in force"), ("terminated",
               "out of force from"), ("members", "members"), ("kinds", "obligations"), ("certainty", "certainty")]
    said = {} if date is not None else {r["id"]: certainty_said(world.treaties[r["id"]]) for r in rows}
    emit(rows, fmt, columns, lambda r, k: (r[k] or "not in force") if k == "in_force"
         else r[k] + instrument_said(r["instrument"]) if k == "name"
         else ", ".join(r[k]) if k == "kinds" else said.get(r["id"], r[k]) if k == "certainty" else cell(r[k]),
         title=None if day is None else f"treaties in force on {day.isoformat()}", notes=list_notes(day))


def validate_files(paths: list[Path], strict: bool = False) -> None:
    """Validate treaty files as `cascade --treaties` would load them (a user file may not reuse a bundled id, since
    `--treaties` refuses that too; a bundled file itself is checked against the others: `bundled_known`); print one
    line per file. Every file is checked: each bad one is reported on
    stderr in one line naming the file and the problem (the last one raised), and then nothing goes to stdout.

    `strict` also rejects a source URL that is a bare home page (it must link the page stating the fact). A member of a
    user's file made a party before its first day in the state system is noted on stderr (`first_spell`).
    """
    from foedus.errors import one_line
    from foedus.model.loader import bundled_treaty_files, load_treaties
    from foedus.model.world import World
    from foedus.reachable import unreachable
    from foedus.written import as_written

    files: list[Path] = []
    errors: list[FoedusError] = []
    for p in paths:
        if p.is_dir():
            found = sorted(f for f in p.iterdir() if f.suffix.lower() in (".yaml", ".yml")  # PACT.YAML too
                           and not f.name.startswith(".") and not f.is_dir())
            if not found:
                errors.append(FoedusError(f"{as_written(p)}: a folder with no treaty files (*.yaml, *.yml) in it"))
            files += found
        elif (why := unreachable(p)) is None:
            files.append(p)
        else:
            errors.append(FoedusError(f"{as_written(p)}: {why}"))
    if not paths:
        from foedus.model.gazetteer import Gazetteer
        from foedus.model.states import StateRegistry

        states = StateRegistry.load()
        treaties = load_treaties(bundled_treaty_files(), states, Gazetteer.load(states), errors=errors, strict=strict)
    else:  # the world only for files to check: a line of missing paths is answered at once
        from foedus.model.bundled_own import bundled_known, read_once
        from foedus.model.replaced_atop import atop_checked
        world = World.default() if files else None  # a bundled file given is checked as the set's own file
        known, signed = bundled_known(world.treaties.curated, files, read := read_once()) if world else ({}, {})
        origins: dict[str, str] = {}
        loaded = load_treaties(files, world.states, world.places, known, errors=errors, strict=strict,
                               known_signed=signed, read=read, origins=origins) if world else {}  # not read again
        treaties = atop_checked(world.treaties, loaded, origins, errors) if world else {}  # ATOP ids it replaces
    if errors:
        for exc in errors[:-1]:
            sys.stderr.write(f"error: {one_line(str(exc))}\n")
        raise errors[-1]
    if paths and world is not None:  # a user's file: a member made a party before its first spell is taken to be one
        from foedus.model.first_spell import before_first_spell

        for note in before_first_spell(loaded.values(), world.states):
            sys.stderr.write(f"note: {note}\n")
    for tid in treaties:
        print(f"ok  {tid}")
    print(f"{counted(len(treaties), 'treaty file')} valid")


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
