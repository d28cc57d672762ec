"""Printers for the CLI: rich tables and trees on a terminal, JSON with `--json`."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from foedus.cli.list_show import print_places, print_states, print_treaty_list
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
    from foedus.mc_words import interval_note

    table = make_table("state", "P(attack side)", "P(defense side)", title="probability of joining")
    rows = sorted(mc.probabilities.items(), key=lambda kv: -max(kv[1].values()))
    ci = mc.probability_intervals
    for state, p in rows[:_MC_ROWS]:
        table.add_row(state, *(f"{p[side]:.1%} ({ci[state][side][0]:.1%}–{ci[state][side][1]:.1%})"
                               for side in ("attack", "defense")))
    console.print(table)
    console.print(interval_note(mc.draws))  # the web's words too (web/src/mcsaid.ts)
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
    results = [_left_out_atop(r) for r in results]  # left out on purpose, fetched or not: asking for it would mislead
    if as_json:
        _json([r.to_dict() for r in results])
        return
    from foedus.war.render import print_ongoing

    console = _console()
    console.print("[bold]Ukraine's forces in Russia's Kursk Oblast[/bold] "  # each answer's note: ATOP left out
                  "(foedus cascade --attacker UKR --target RUS --place kursk-oblast --date …)\n"
                  f"[dim]on {then}, the incursion is read as one war ongoing since {first} (--ongoing-since "
                  f"{first})[/dim]\n")
    for r in results:
        print_result(r)
        if r.ongoing is not None:
            print_ongoing(r.ongoing, r.names, r.titles)
        console.print()
    from foedus.cli.demo_changes import changed_lines

    if lines := changed_lines(results[0], results[1], first):
        console.print(f"[bold]What changed:[/bold] on {then}: {'; '.join(lines)}.")


_DEMO_ATOP_NOTE = ("ATOP history left out: the demo reads the bundled treaty set only (foedus cascade reads the ATOP "
                   "alliances in the data folder too)")


def _left_out_atop(result: CascadeResult) -> CascadeResult:
    """`result` with its "ATOP history not loaded ...; run `foedus data fetch atop`" note (the demo's world has none,
    fetched or not) saying why instead: the demo reads the bundled treaty set only."""
    from foedus.datarecord import replace
    from foedus.sources.coverage import missing_notes

    missing = missing_notes(["atop"])[0]
    return replace(result, notes=tuple(_DEMO_ATOP_NOTE if n == missing else n for n in result.notes))


def result_name(result: CascadeResult, state: str) -> str:
    """`Name (ID)` for a state in a result (`foedus.wording.named_state`)."""
    return named_state(state, result.names)


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
