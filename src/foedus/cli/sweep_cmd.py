"""CLI commands over many cascades: `foedus compare`, `foedus atlas`, `foedus atlas-plot`."""

from __future__ import annotations

import datetime as dt
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from foedus.cli.helpers import refuse_unused
from foedus.cli.options import AddTreaty, OverlayFile
from foedus.cli.params import with_inputs
from foedus.cli.progress import steps, working
from foedus.cli.writing import Force, check_table, echo_wrote, save_table, table_meta
from foedus.engine.scenario import READINGS
from foedus.errors import FoedusError
from foedus.inputs import MAX_SEED, SCENARIO, SWITCHES, WHAT_IF
from foedus.outputs.partitions import DRAWS_PARTITION, YEARLY_PARTITION

if TYPE_CHECKING:
    from foedus.sweeps.atlas import Coverage

__all__ = ["atlas", "atlas_plot", "compare"]

MAX_WORKERS = 256
_SEVERITY = next(i for i in SWITCHES if i.name == "severity")


def _emit(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, indent=2, ensure_ascii=False) + "\n")


def _readings(reading: str | None) -> tuple[Any, ...]:
    if reading is not None and reading not in READINGS:
        raise FoedusError(f"unknown reading {reading!r}: choose one of {', '.join(READINGS)}")
    return READINGS if reading is None else (reading,)


@with_inputs(SCENARIO, WHAT_IF, defaults={"attacker": None, "target": None, "reading": None})
def compare(
    inputs: dict[str, Any],
    date2: Annotated[str | None, typer.Option("--date2", help="Date of the other world (default: --date).")] = None,
    atlas: Annotated[bool, typer.Option("--atlas", help="Compare every ordered dyad, not one scenario.")] = False,
    watch: Annotated[str | None, typer.Option(help="Atlas: count dyads putting this state ...")] = None,
    against: Annotated[list[str] | None, typer.Option(help="... and any of these on opposite sides.")] = None,
    add_treaty: AddTreaty = None,
    overlay: OverlayFile = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the comparison as one JSON object (a scenario: what "
                                          "changed, then both results in full).")] = False,
) -> None:
    """The same scenario (or the whole atlas) in two worlds: two dates, or a base world and a what-if.

    Without --reading, --atlas compares both readings (a scenario: the legal reading)."""
    from foedus.cli.helpers import what_if
    from foedus.engine.scenario import parse_date
    from foedus.model.world import World
    from foedus.state_lists import resolve_states

    refuse_unused("--watch", watch is not None and not atlas, "without --atlas")
    refuse_unused("--against", bool(against) and (not atlas or watch is None), "without --atlas and --watch")
    for name in ("attacker", "target", "place"):
        refuse_unused(f"--{name}", bool(inputs[name]) and atlas, "with --atlas (it compares every ordered dyad)")
    base_day = parse_date(inputs["date"])
    other_day = parse_date(date2) if date2 is not None else base_day
    changes = what_if(inputs, add_treaty, overlay)
    base = World.default()
    other = changes.apply(base) if changes.changes else base
    if not changes.changes and other_day == base_day:
        raise FoedusError("nothing to compare: give --date2 or a what-if change (--drop-treaty, --add-member, …)")
    if atlas:
        from foedus.sweeps.atlas import AtlasOptions, coverage, need_members
        from foedus.sweeps.compare import check_watch, compare_atlas

        # names mean the states of the base date, as a scenario's do; --against is a list (repeated, or commas)
        who = [state.id for state in resolve_states(base, against, base_day, "--against")]
        if against and not who:  # `--against ""` or `--against ,`: given, but names no state
            raise FoedusError("--against is empty: give the states the watched one may face (ISO3, COW code or name)")
        watched = base.states.resolve_id(watch, base_day) if watch is not None else None  # "" is refused, not unset
        check_watch(watched, who, ("--watch", "--against"))  # before the atlases: a count that cannot be made
        need_members(base, base_day)
        need_members(other, other_day)
        notes = coverage(base, min(base_day, other_day)).notes  # both worlds read the same data folder
        opts = AtlasOptions(readings=_readings(inputs["reading"]), requested=inputs["requested"],
                            unresolved_met=inputs["unresolved"] == "met")
        with steps("comparing every ordered dyad: atlases", 2 * len(opts.readings)) as done:
            report = compare_atlas(base, base_day, other, other_day, opts, watched, who, done)
        report["what_if"] = changes.describe()
        report["notes"] = list(notes)
        _emit(report) if as_json else _print_atlas(report)
        for line in notes:
            typer.echo(f"note: {line}", err=True)
        return
    if not inputs["attacker"] or not inputs["target"]:
        raise FoedusError("give --attacker and --target for a scenario, or --atlas for every dyad")
    _compare_scenario(base, other, base_day, other_day, inputs, changes.describe(), as_json)


def _compare_scenario(base: Any, other: Any, base_day: Any, other_day: Any, inputs: dict[str, Any],
                      what_if: list[str], as_json: bool) -> None:
    from foedus.api import cascade
    from foedus.sweeps.compare import compare_results

    reading = inputs["reading"] if inputs["reading"] is not None else "legal"
    kw = {i.name: inputs[i.name] for i in SCENARIO[3:]} | {"reading": reading}
    a = cascade(inputs["attacker"], inputs["target"], base_day, world=base, **kw)
    b = cascade(inputs["attacker"], inputs["target"], other_day, world=other, **kw)
    diff = compare_results(a, b) | {"what_if": what_if, "base_date": str(base_day), "other_date": str(other_day)}
    if as_json:
        _emit(diff | {"base": a.to_dict(), "other": b.to_dict()})
        return
    typer.echo(f"base: {base_day}; other: {other_day}" + (f" with {'; '.join(what_if)}" if what_if else ""))
    for g in diff["gained"]:
        typer.echo(f"+ {g['state']} joins the {g['side']} ({g['why']})")
    for x in diff["lost"]:
        typer.echo(f"- {x['state']} no longer joins the {x['side']} (was {x['why_before']})")
    for x in diff["switched"]:
        typer.echo(f"~ {x['state']} switches from {x['from']} to {x['to']} ({x['why']})")
    for c in diff["new_conflicts"]:
        typer.echo(f"! {c} is now bound both ways (conflict)")
    if not (diff["gained"] or diff["lost"] or diff["switched"] or diff["new_conflicts"]):
        typer.echo("no change in who joins")
    typer.echo(f"war size: {diff['war_size']['base']} -> {diff['war_size']['other']}")


def _print_atlas(report: dict[str, Any]) -> None:
    typer.echo(f"base {report['base_date']} vs other {report['other_date']}"
               + (f" with {'; '.join(report['what_if'])}" if report["what_if"] else ""))
    for reading, e in report["readings"].items():
        typer.echo(f"[{reading}] dyads {e['dyads']['common']:,}; mean war size {e['mean_war_size']['base']:.2f} -> "
                   f"{e['mean_war_size']['other']:.2f}; tripwire dyads {e['tripwire_dyads']['base']:,} -> "
                   f"{e['tripwire_dyads']['other']:,}; larger wars in {e['dyads_with_larger_war']:,} dyads, "
                   f"smaller in {e['dyads_with_smaller_war']:,}")
        if "watch" in e:
            w = e["watch"]
            typer.echo(f"    dyads putting {w['state']} and {'/'.join(w['against'])} on opposite sides: "
                       f"{w['base']:,} -> {w['other']:,}")


_ATLAS_OUT = ("Output .parquet, .csv or .dta (with --scheduler: a new folder of Parquet partitions); refuses an "
              "existing one unless --force.")


def atlas(  # noqa: PLR0913 - one option per atlas input
    out: Annotated[Path, typer.Option(help=_ATLAS_OUT)],
    date: Annotated[str | None, typer.Option("--date", "-d", help="One date: every ordered dyad.")] = None,
    first: Annotated[int | None, typer.Option("--from", help="First year of a yearly series.")] = None,
    last: Annotated[int | None, typer.Option("--to", help="Last year of a yearly series.")] = None,
    reading: Annotated[str | None, typer.Option(help="legal | escalatory (default: both).")] = None,
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler (address, 'local'); --out: a folder")] = None,
    workers: Annotated[int | None, typer.Option(help="Workers of a local Dask cluster (default 2).", min=1,
                                                max=MAX_WORKERS)] = None,
    backend: Annotated[str | None, typer.Option(help="Matrix backend: numpy (default) or torch (GPU if any).")] = None,
    draws: Annotated[int | None, typer.Option(help="With --date: Monte Carlo draws per dyad (legal default).")] = None,
    seed: Annotated[int | None, typer.Option(help="Random seed for --draws.", min=0, max=MAX_SEED)] = None,
    honour: Annotated[Path | None, typer.Option(help="YAML file overriding honour probabilities.")] = None,
    severity: Annotated[str, typer.Option(help=_SEVERITY.full_help)] = "armed-attack",
    force: Force = False,
) -> None:
    """Per ordered dyad at a date, or yearly systemic indicators over a range of years."""
    from foedus.cli.research_cmd import years_ok
    from foedus.engine.scenario import parse_date
    from foedus.model.world import World
    from foedus.sweeps.atlas import SERIES_DAY, AtlasOptions, atlas_frame, coverage, need_members, series_notes

    _atlas_combination(date, first, last, scheduler, workers, draws, seed, honour)
    if backend is not None:  # before any work
        from foedus.engine.fast.backend import check_backend
        check_backend(backend)
    if scheduler:  # a Dask sweep writes a folder of Parquet partitions; --force replaces only such a folder
        from foedus.outputs import check_partitioned_target
        check_partitioned_target(out, YEARLY_PARTITION if date is None else DRAWS_PARTITION, force=force)
    else:
        check_table(out, force)
    opts = AtlasOptions(readings=_readings(reading), backend=backend, severity=severity)  # type: ignore[arg-type]
    world = World.default()
    if date is not None:
        day = parse_date(date)
        need_members(world, day)
        covered = coverage(world, day)  # a date the missing data would make wrong is refused here
        if draws is not None:
            how = _DrawsHow(seed, honour, backend, scheduler, workers or 2, force, severity)
            _atlas_draws(world, day, draws, how, reading, out, covered)
            return
        with steps(f"atlas {date}: every ordered dyad, by reading", len(opts.readings)) as done:
            frame = atlas_frame(world, day, opts, done)
        save_table(frame, out, force=force, datasets=covered.datasets, title=f"foedus atlas {date}",
                   notes=covered.notes)
        return
    if first is None or last is None:
        raise FoedusError("give --date D, or --from Y1 --to Y2")
    years_ok(first, last)
    covered = coverage(world, dt.date(first, *SERIES_DAY), cinc_year=last)
    notes = [*covered.notes, *series_notes(last, covered.datasets)]
    if scheduler:
        from foedus.sweeps.dask_sweeps import dask_yearly

        with working(f"atlas {first}–{last} on Dask"):
            rows = dask_yearly(first, last, opts, out, scheduler, workers or 2, force=force)
        echo_wrote(out, f"{rows:,} rows (Parquet, partitioned by decade)", covered.datasets)
        for line in notes:
            typer.echo(f"note: {line}", err=True)
        return
    save_table(_yearly_with_progress(world, first, last, opts), out, force=force, datasets=covered.datasets,
               title=f"foedus atlas {first}-{last}", notes=notes)


def _atlas_combination(date: str | None, first: int | None, last: int | None, scheduler: str | None,
                       workers: int | None, draws: int | None, seed: int | None, honour: Path | None) -> None:
    """Refuse options this combination would ignore, and a malformed scheduler address, before any work."""
    series = first is not None or last is not None
    refuse_unused("--from/--to", date is not None and series, "with --date (give one date, or a range of years)")
    refuse_unused("--draws", draws is not None and date is None, "without --date (draws are per dyad at one date)")
    refuse_unused("--seed", seed is not None and draws is None, "without --draws")
    refuse_unused("--honour", honour is not None and draws is None, "without --draws")
    if honour is not None and str(honour).strip().lower() == "empirical" and not honour.exists():  # cascade's word
        raise FoedusError(f"--honour {honour}: atlas takes a YAML file of honour rates, and there is no file "
                          f"'{honour}' here; the likelihood model's empirical rates are for "
                          "`foedus cascade --draws N --honour empirical`")
    refuse_unused("--scheduler", scheduler is not None and date is not None and draws is None,
                  "with --date but no --draws (a one-date atlas runs in this process)")
    refuse_unused("--workers", workers is not None and scheduler != "local", "unless --scheduler local")
    if scheduler is not None:
        from foedus.sweeps.dask_address import check_scheduler

        check_scheduler(scheduler)


@dataclass(frozen=True)
class _DrawsHow:
    """How to run the Monte Carlo atlas: seed, honour file, backend, an optional Dask scheduler, --force."""

    seed: int | None
    honour: Path | None
    backend: str | None
    scheduler: str | None
    workers: int
    force: bool = False
    severity: str = "armed-attack"


def _atlas_draws(world: Any, day: Any, draws: int, how: _DrawsHow, reading: str | None, out: Path,
                 covered: Coverage) -> None:
    """Monte Carlo over every ordered dyad at one date (legal reading unless asked)."""
    from foedus.engine.reliability import load_honour_model
    from foedus.sweeps.atlas_mc import atlas_montecarlo

    chosen = _readings(reading or "legal")[0]
    if not 1 <= draws <= 100_000:
        raise FoedusError(f"draws must be between 1 and 100,000 (got {draws})")
    from foedus.engine.fast.montecarlo import new_seed

    model = load_honour_model(how.honour)
    model.check_treaties(world.treaties, str(how.honour), world.has_history)
    seed = how.seed if how.seed is not None else new_seed()  # chosen and recorded when none is given
    title = f"foedus atlas {day}, {draws} draws"
    if how.scheduler:
        from foedus.outputs import write_partitioned
        from foedus.sweeps.dask_sweeps import client, dask_atlas_draws

        with client(how.scheduler, how.workers) as c, working(f"atlas {day}, {draws:,} draws on Dask"):
            result = dask_atlas_draws(day, draws, seed, model, chosen, c, severity=how.severity, backend=how.backend)
        rows = write_partitioned(result.frame(world, day, seed), out, DRAWS_PARTITION, force=how.force,
                                 meta=table_meta(title, covered.datasets, covered.notes))  # a partition per attacker
        echo_wrote(out, f"{rows:,} rows (Parquet, partitioned by attacker)", covered.datasets)
        for line in covered.notes:
            typer.echo(f"note: {line}", err=True)
        return
    elif chosen == "escalatory":  # one batched escalatory atlas per draw: show the draws go by
        with steps(f"atlas {day}, escalatory draws", draws) as done:
            result = atlas_montecarlo(world, day, draws, seed, model, backend=how.backend, reading=chosen,
                                      progress=done, severity=how.severity)
    else:  # most dyads are drawn at once; the bar counts those that need the per-scenario replay
        with steps(f"atlas {day}, {draws:,} draws: dyads replayed", 1) as done:
            result = atlas_montecarlo(world, day, draws, seed, model, backend=how.backend, progress=done,
                                      severity=how.severity)
    save_table(result.frame(world, day, seed), out, force=how.force, datasets=covered.datasets, title=title,
               notes=covered.notes)


def _yearly_with_progress(world: Any, first: int, last: int, opts: Any) -> Any:
    from foedus.sweeps.atlas import yearly_indicators

    with steps(f"atlas {first}–{last}", last - first + 1) as done:
        return yearly_indicators(world, range(first, last + 1), opts, progress=lambda year: done(year - first + 1))


def atlas_plot(
    series: Annotated[Path, typer.Argument(help="A yearly atlas file from `foedus atlas --from … --to …`.")],
    out: Annotated[Path, typer.Option(help="Output .png or .svg (refuses an existing file unless --force).")],
    force: Force = False,
) -> None:
    """Draw the yearly atlas series (cascade size, tripwire dyads, capability share) as PNG or SVG."""
    from foedus.sweeps.plot import plot_series

    years = plot_series(series, out, force=force)
    echo_wrote(out, f"a plot of {years} years")
