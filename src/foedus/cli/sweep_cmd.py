"""CLI commands over many cascades: `foedus compare`, `foedus atlas`, `foedus atlas-plot`."""

from __future__ import annotations

import json
import secrets
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any

import typer

from foedus.cli.options import (
    MAX_SEED,
    AddMember,
    AddTreaty,
    DropTreaty,
    OverlayFile,
    RemoveMember,
    SetScope,
    SetStrength,
    refuse_unused,
)
from foedus.errors import FoedusError

__all__ = ["atlas", "atlas_plot", "compare"]

MAX_WORKERS = 256


def _emit(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, indent=2, ensure_ascii=False) + "\n")


def _readings(reading: str | None) -> tuple[Any, ...]:
    if reading is None:
        return ("legal", "escalatory")
    if reading not in ("legal", "escalatory"):
        raise FoedusError(f"unknown reading {reading!r}: choose one of legal, escalatory")
    return (reading,)


def compare(  # noqa: PLR0913 - scenario, two worlds, what to watch
    date: Annotated[str, typer.Option("--date", "-d", help="Date of the base world, YYYY-MM-DD.")],
    attacker: Annotated[list[str] | None, typer.Option("--attacker", "-a", help="Scenario attacker(s).")] = None,
    target: Annotated[list[str] | None, typer.Option("--target", "-t", help="Scenario target(s).")] = None,
    place: Annotated[str | None, typer.Option(help="Where the attack hits.")] = None,
    date2: Annotated[str | None, typer.Option("--date2", help="Date of the other world (default: --date).")] = None,
    atlas: Annotated[bool, typer.Option("--atlas", help="Compare every ordered dyad, not one scenario.")] = False,
    reading: Annotated[str | None, typer.Option(help="legal | escalatory (default: both for --atlas).")] = None,
    watch: Annotated[str | None, typer.Option(help="Atlas: count dyads putting this state ...")] = None,
    against: Annotated[list[str] | None, typer.Option(help="... and any of these on opposite sides.")] = None,
    add_member: AddMember = None,
    remove_member: RemoveMember = None,
    drop_treaty: DropTreaty = None,
    add_treaty: AddTreaty = None,
    set_strength: SetStrength = None,
    set_scope: SetScope = None,
    overlay: OverlayFile = None,
    as_json: Annotated[bool, typer.Option("--json")] = False,
) -> None:
    """The same scenario (or the whole atlas) in two worlds: two dates, or a base world and a what-if."""
    from foedus.cli.options import overlay_flags, split
    from foedus.engine.scenario import parse_date
    from foedus.model.overlay import overlay_from_flags
    from foedus.model.world import World

    refuse_unused("--watch", watch is not None and not atlas, "without --atlas")
    refuse_unused("--against", bool(against) and (not atlas or watch is None), "without --atlas and --watch")
    for name, value in (("--attacker", attacker), ("--target", target), ("--place", place)):
        refuse_unused(name, bool(value) and atlas, "with --atlas (it compares every ordered dyad)")
    base_day = parse_date(date)
    other_day = parse_date(date2) if date2 is not None else base_day
    flags = overlay_flags(add_member, remove_member, drop_treaty, add_treaty, set_strength, overlay, set_scope)
    ov = overlay_from_flags(flags)
    base = World.default()
    other = ov.apply(base) if flags else base
    if not flags and other_day == base_day:
        raise FoedusError("nothing to compare: give --date2 or a what-if change (--drop-treaty, --add-member, …)")
    if atlas:
        from foedus.cli.research_cmd import working
        from foedus.sweeps.atlas import AtlasOptions
        from foedus.sweeps.compare import compare_atlas

        opts = AtlasOptions(readings=_readings(reading))
        who = [base.states.resolve_id(x) for x in split(against or [])]
        watched = base.states.resolve_id(watch) if watch else None
        with working("comparing every ordered dyad"):
            report = compare_atlas(base, base_day, other, other_day, opts, watched, who)
        report["what_if"] = ov.describe()
        _emit(report) if as_json else _print_atlas(report)
        return
    if not attacker or not target:
        raise FoedusError("give --attacker and --target for a scenario, or --atlas for every dyad")
    _compare_scenario(base, other, base_day, other_day, split(attacker), split(target), place, reading,
                      ov.describe(), as_json)


def _compare_scenario(base: Any, other: Any, base_day: Any, other_day: Any, attacker: list[str],
                      target: list[str], place: str | None, reading: str | None, what_if: list[str],
                      as_json: bool) -> None:
    from foedus.api import cascade
    from foedus.sweeps.compare import compare_results

    kw: dict[str, Any] = {"place": place, "reading": reading if reading is not None else "legal"}
    a = cascade(attacker, target, base_day, world=base, **kw)
    b = cascade(attacker, target, other_day, world=other, **kw)
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


def atlas(  # noqa: PLR0913 - one option per atlas input
    out: Annotated[Path, typer.Option(help="Output .parquet or .csv (refuses to overwrite).")],
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
) -> None:
    """Per ordered dyad at a date, or yearly systemic indicators over a range of years."""
    from foedus.cli.research_cmd import _check_output, _write, _years
    from foedus.engine.scenario import parse_date
    from foedus.model.world import World
    from foedus.sweeps.atlas import AtlasOptions, atlas_frame

    _atlas_combination(date, first, last, scheduler, workers, draws, seed, honour)
    if backend is not None and backend not in ("numpy", "torch"):
        raise FoedusError(f"unknown backend {backend!r}: choose numpy or torch")
    if scheduler:  # a Dask sweep writes a folder of Parquet partitions
        from foedus.sweeps.dask_sweeps import check_folder

        check_folder(out)
    else:
        _check_output(out)
    opts = AtlasOptions(readings=_readings(reading), backend=backend)
    world = World.default()
    if date is not None and draws is not None:
        how = _DrawsHow(seed, honour, backend, scheduler, workers or 2)
        _atlas_draws(world, parse_date(date), draws, how, reading, out)
        return
    if date is not None:
        from foedus.cli.research_cmd import working

        with working(f"atlas {date}"):
            frame = atlas_frame(world, parse_date(date), opts)
        _write(frame, out)
        return
    if first is None or last is None:
        raise FoedusError("give --date D, or --from Y1 --to Y2")
    _years(first, last)
    if scheduler:
        from foedus.sweeps.dask_sweeps import dask_yearly

        dask_yearly(first, last, opts, out, scheduler, workers or 2)
        return
    _write(_yearly_with_progress(world, first, last, opts), out)


def _atlas_combination(date: str | None, first: int | None, last: int | None, scheduler: str | None,
                       workers: int | None, draws: int | None, seed: int | None, honour: Path | None) -> None:
    """Refuse options this combination would ignore, and a malformed scheduler address, before any work."""
    series = first is not None or last is not None
    refuse_unused("--from/--to", date is not None and series, "with --date (give one date, or a range of years)")
    refuse_unused("--draws", draws is not None and date is None, "without --date (draws are per dyad at one date)")
    refuse_unused("--seed", seed is not None and draws is None, "without --draws")
    refuse_unused("--honour", honour is not None and draws is None, "without --draws")
    refuse_unused("--scheduler", scheduler is not None and date is not None and draws is None,
                  "with --date but no --draws (a one-date atlas runs in this process)")
    refuse_unused("--workers", workers is not None and scheduler != "local", "unless --scheduler local")
    if scheduler is not None:
        from foedus.sweeps.dask_address import check_scheduler

        check_scheduler(scheduler)


@dataclass(frozen=True)
class _DrawsHow:
    """How to run the Monte Carlo atlas: seed, honour file, backend, and an optional Dask scheduler."""

    seed: int | None
    honour: Path | None
    backend: str | None
    scheduler: str | None
    workers: int


def _atlas_draws(world: Any, day: Any, draws: int, how: _DrawsHow, reading: str | None, out: Path) -> None:
    """Monte Carlo over every ordered dyad at one date (legal reading unless asked)."""
    from rich.progress import Progress

    from foedus.cli.research_cmd import _write, working
    from foedus.engine.reliability import load_honour_model
    from foedus.sweeps.atlas_mc import atlas_montecarlo

    chosen = _readings(reading or "legal")[0]
    if not 1 <= draws <= 100_000:
        raise FoedusError(f"draws must be between 1 and 100,000 (got {draws})")
    model, seed = load_honour_model(how.honour), how.seed
    if how.scheduler:
        from foedus.sweeps.dask_sweeps import client, dask_atlas_draws, write_partitioned

        # every worker must draw the same honour matrix: fix the seed (and record it) when none is given
        seed = seed if seed is not None else secrets.randbits(63)
        with client(how.scheduler, how.workers) as c, working(f"atlas {day}, {draws:,} draws on Dask"):
            result = dask_atlas_draws(day, draws, seed, model, chosen, c)
        write_partitioned(result.frame(world, day, seed), out, "attacker")  # one partition per attacking state
        typer.echo(f"wrote {len(result.attackers):,} rows to {out}/ (Parquet, partitioned by attacker)", err=True)
        return
    elif chosen == "escalatory":  # one batched escalatory atlas per draw: show the draws go by
        with Progress(transient=True, disable=not sys.stderr.isatty()) as bar:
            task = bar.add_task(f"atlas {day}, escalatory draws", total=draws)
            result = atlas_montecarlo(world, day, draws, seed, model, backend=how.backend, reading=chosen,
                                      progress=lambda k: bar.update(task, completed=k))
    else:
        with working(f"atlas {day}, {draws:,} draws"):
            result = atlas_montecarlo(world, day, draws, seed, model, backend=how.backend)
    _write(result.frame(world, day, seed), out)


def _yearly_with_progress(world: Any, first: int, last: int, opts: Any) -> Any:
    from rich.progress import Progress

    from foedus.sweeps.atlas import yearly_indicators

    with Progress(transient=True, disable=not sys.stderr.isatty()) as bar:
        task = bar.add_task("atlas years", total=last - first + 1)
        return yearly_indicators(world, range(first, last + 1), opts, progress=lambda _: bar.advance(task))


def atlas_plot(
    series: Annotated[Path, typer.Argument(help="A yearly atlas file from `foedus atlas --from … --to …`.")],
    out: Annotated[Path, typer.Option(help="Output .png or .svg (refuses to overwrite).")],
) -> None:
    """Draw the yearly atlas series (cascade size, tripwire dyads, capability share) as PNG or SVG."""
    from foedus.sweeps.plot import plot_series

    plot_series(series, out)
