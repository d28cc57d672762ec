"""CLI commands over many cascades: `foedus compare`, `foedus atlas`, `foedus atlas-plot`: their options, read and
checked here before any work; the running and writing is `foedus.cli.sweep_run`'s."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated, Any

import typer

from foedus.cli.compare_out import COMPARE_OUT_HELP
from foedus.cli.helpers import refuse_unused
from foedus.cli.options import AddTreaty, OverlayFile
from foedus.cli.params import with_inputs
from foedus.cli.progress import steps, working
from foedus.cli.writing import Force, check_table, echo_wrote, save_table, table_meta
from foedus.engine.scenario import READINGS
from foedus.errors import FoedusError
from foedus.inputs import ATLAS, MAX_SEED, SCENARIO, SWITCH, WHAT_IF
from foedus.outputs.partitions import DRAWS_PARTITION, YEARLY_PARTITION
from foedus.wording import counted, escaped

__all__ = ["atlas", "atlas_plot", "compare"]

MAX_WORKERS = 256


def _readings(reading: str | None) -> tuple[Any, ...]:
    if reading is not None and reading not in READINGS:
        raise FoedusError(f"unknown reading {reading!r}: choose one of {', '.join(READINGS)}")
    return READINGS if reading is None else (reading,)


@with_inputs(SCENARIO, WHAT_IF, defaults={"attacker": None, "target": None, "reading": None})
def compare(  # noqa: PLR0913 - one per typer option
    inputs: dict[str, Any],
    date2: Annotated[str | None, typer.Option("--date2", help="Date of the other world (default: --date).")] = None,
    atlas: Annotated[bool, typer.Option("--atlas", help="Compare every ordered dyad, not one scenario.")] = False,
    watch: Annotated[str | None, typer.Option(help="Atlas: count dyads putting this state ...")] = None,
    against: Annotated[list[str] | None, typer.Option(help="... and any of these on opposite sides.")] = None,
    add_treaty: AddTreaty = None,
    overlay: OverlayFile = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the comparison as one JSON object (a scenario: what "
                                          "changed, then both results in full).")] = False,
    fmt: Annotated[str | None, typer.Option("--format", help="table | csv | json (a scenario: table and csv give one "
                                            "row per state gained, lost, switched or rebased, and one per state "
                                            "newly bound both ways or no longer so; json is --json).")]
    = None,
    out: Annotated[Path | None, typer.Option(help=COMPARE_OUT_HELP)] = None,
    force: Force = False,
) -> None:
    """The same scenario (or the whole atlas) in two worlds: two dates, or a base world and a what-if.

    Without --reading, --atlas compares both readings (a scenario: the legal reading)."""
    from foedus.cli.compare_out import check_compare_out
    from foedus.cli.helpers import what_if
    from foedus.cli.listing import resolve_format
    from foedus.cli.sweep_run import compare_scenario, emit, print_atlas
    from foedus.engine.scenario import parse_date
    from foedus.model.world import World
    from foedus.state_lists import resolve_states

    refuse_unused("--watch", watch is not None and not atlas, "without --atlas")
    refuse_unused("--against", bool(against) and (not atlas or watch is None), "without --atlas and --watch")
    for name in ("attacker", "target", "place"):
        refuse_unused(f"--{name}", bool(inputs[name]) and atlas, "with --atlas (it compares every ordered dyad)")
    shape = resolve_format(fmt, as_json, default=None)
    check_compare_out(out, force, shape, atlas, {"--overlay": overlay or [], "--add-treaty": add_treaty or []},
                      as_json)
    base_day = parse_date(inputs["date"])
    other_day = parse_date(date2) if date2 is not None else base_day
    changes = what_if(inputs, add_treaty, overlay)
    base = World.default()
    other = changes.apply(base, other_day) if changes.changes else base  # names read on the day it is run
    if not changes.changes and other_day == base_day:  # --date2 given as --date is no other date either
        same = f" (--date2 {other_day} is --date)" if date2 is not None else ""
        raise FoedusError(f"nothing to compare{same}: give a --date2 other than --date, or a what-if change "
                          "(--drop-treaty, --add-member, …)")
    if atlas:
        switched = _atlas_switches(inputs)
        from foedus.model.overlay_dated import later_notes
        from foedus.sweeps.atlas import AtlasOptions, dated_coverage, need_members, tripwire_notes
        from foedus.sweeps.compare import check_watch, compare_atlas

        # names mean the states of the base date, as a scenario's do; --against is a list (repeated, or commas):
        # `--against ""` or `--against ,` is refused as an empty item (`foedus.declare.split_values`)
        who = [state.id for state in resolve_states(base, against, base_day, "--against")]
        watched = base.state_named(watch, base_day).id if watch is not None else None  # "" is refused, not unset
        check_watch(watched, who, ("--watch", "--against"))  # before the atlases: a count that cannot be made
        need_members(base, base_day)
        need_members(other, other_day)
        # both worlds read the same data folder: refused for the earlier date, carried to the later
        notes = dated_coverage(base, min(base_day, other_day), max(base_day, other_day)).notes
        notes = (*notes, *later_notes(changes.changes, other_day, other, switched["basis"], base))  # the atlas's
        opts = AtlasOptions(readings=_readings(inputs["reading"]), requested=switched["requested"],
                            unresolved_met=switched["unresolved"] == "met", severity=switched["severity"],
                            basis=switched["basis"], decisions=switched["decisions"],
                            non_military=switched["non_military"])
        notes = (*notes, *tripwire_notes(base, max(base_day, other_day), opts.readings, "tripwire_dyads"))
        with steps("comparing every ordered dyad: atlases", 2 * len(opts.readings)) as done:
            report = compare_atlas(base, base_day, other, other_day, opts, watched, who, done)
        from foedus.model.overlay_set import summary

        report["what_if"] = [summary(c) for c in changes.changes]  # as a scenario's comparison and its rows say them
        report["notes"] = list(notes)
        emit(report) if shape == "json" else print_atlas(report)
        for line in notes:
            typer.echo(f"note: {escaped(line)}", err=True)
        return
    if not inputs["attacker"] or not inputs["target"]:
        raise FoedusError("give --attacker and --target for a scenario, or --atlas for every dyad")
    compare_scenario(base, other, base_day, other_day, inputs, changes, shape, out, force)


def _atlas_switches(inputs: dict[str, Any]) -> dict[str, Any]:
    """The scenario switches an atlas reads (those of `foedus atlas`: `foedus.inputs.ATLAS`), every switch in
    `inputs` checked as `foedus cascade` checks it (`switch_values`: a bad value is the same one-line error).
    `foedus atlas` takes only these; `compare --atlas` takes every switch, and refuses those no atlas reads unless
    given as their default (what every atlas reads): with --atlas, `--severity nope` was taken without a word, and
    `--target-kind forces` and the other switches no atlas reads were ignored."""
    from foedus.engine.scenario import switch_values

    checked = switch_values({k: v for k, v in inputs.items() if k in SWITCH and k not in ("place", "reading")})
    read = {"reading", *(i.name for i in ATLAS)}
    for name in [n for n in checked if n not in read]:  # the target kind, the territory view, ongoing_since
        refuse_unused(SWITCH[name].cli_flags[0], checked[name] != SWITCH[name].default,
                      "with --atlas (each dyad's attack is on the target's home territory, from the date given)")
    return {i.name: checked[i.name] for i in ATLAS}


_ATLAS_OUT = ("Output .parquet, .csv or .dta (with --scheduler: a new folder of Parquet partitions); refuses an "
              "existing one unless --force.")


@with_inputs(ATLAS, WHAT_IF)
def atlas(  # noqa: PLR0913 - one option per atlas input
    inputs: dict[str, Any],
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
    add_treaty: AddTreaty = None,
    overlay: OverlayFile = None,
    force: Force = False,
) -> None:
    """Per ordered dyad at a date, or yearly systemic indicators over a range of years.

    Scenario switches (--severity, --request/--no-request, --basis, --unresolved, --decisions, --non-military) and
    what-if changes (--add-member, --drop-treaty, --overlay, ...): `foedus cascade`'s; a series applies each where it
    can on 1 July."""
    from foedus.cli.helpers import what_if
    from foedus.cli.research_cmd import refuse_or_note_years
    from foedus.cli.sweep_run import DrawsHow, atlas_draws, switches_said, yearly_with_progress
    from foedus.engine.scenario import parse_date
    from foedus.model.world import World
    from foedus.research.codebook import ATLAS_COLUMNS
    from foedus.sweeps.atlas import (
        SERIES_DAY,
        AtlasOptions,
        atlas_frame,
        coverage,
        dated_coverage,
        frame_notes,
        need_members,
        series_notes,
        tripwire_notes,
    )

    _atlas_combination(date, first, last, scheduler, workers, draws, seed, honour)
    switched = _atlas_switches(inputs)  # checked before any work, in cascade's words
    said = switches_said(switched)
    if backend is not None:  # before any work
        from foedus.engine.fast.backend import check_backend
        check_backend(backend)
    if scheduler:  # a Dask sweep writes a folder of Parquet partitions; --force replaces only such a folder
        from foedus.outputs import check_partitioned_target
        if (kind := out.suffix.lower()) in (".csv", ".dta"):  # was written: a folder of Parquet named a.csv
            raise FoedusError(f"{out}: with --scheduler the output is a folder of Parquet partitions, not a {kind} "
                              f"file: give a folder name (e.g. {out.with_suffix('')}), or leave out --scheduler for "
                              f"a {kind} file")
        check_partitioned_target(out, YEARLY_PARTITION if date is None else DRAWS_PARTITION, force=force)
    else:
        check_table(out, force)
    from foedus.outputs.own_inputs import refuse_input

    refuse_input("--honour", honour, out, "the table would replace the honour file it reads")
    for option, path in [*(("--overlay", p) for p in overlay or []), *(("--add-treaty", p) for p in add_treaty or [])]:
        refuse_input(option, path, out, "the table would replace the file it reads")
    changes = what_if(inputs, add_treaty, overlay)
    opts = AtlasOptions(readings=_readings(reading), backend=backend, requested=switched["requested"],
                        unresolved_met=switched["unresolved"] == "met", severity=switched["severity"],
                        basis=switched["basis"], decisions=switched["decisions"],
                        non_military=switched["non_military"])
    world = World.default()
    if date is not None:
        from foedus.sweeps.atlas_whatif import atlas_what_if

        day = parse_date(date)
        base, world = world, changes.apply(world, day) if changes.changes else world  # names read on the date
        need_members(world, day)
        covered = dated_coverage(world, day)  # a date the missing data would make wrong is refused here
        asked = atlas_what_if(changes.changes, day, world, base, switched["basis"])  # said on every row, and noted
        if draws is not None:
            how = DrawsHow(seed, honour, backend, scheduler, workers or 2, force, switched, asked)
            atlas_draws(world, day, draws, how, _readings(reading or "legal")[0], out, covered, base)
            return
        with steps(f"atlas {date}: every ordered dyad, by reading", len(opts.readings)) as done:
            frame = atlas_frame(world, day, opts, done)
        save_table(asked.frame(frame), out, force=force, datasets=covered.datasets, title=f"foedus atlas {date}{said}",
                   notes=[*covered.notes, *frame_notes(world, day, opts.readings), *asked.notes],
                   codebook=ATLAS_COLUMNS)
        return
    if first is None or last is None:
        raise FoedusError("give --date D, or --from Y1 --to Y2")
    early = refuse_or_note_years(first, last)
    covered = coverage(world, dt.date(first, *SERIES_DAY), cinc_year=last)
    from foedus.sweeps.atlas_years import series_what_if

    # each year reads the changes on its day: those that cannot apply then leave it as encoded, and the notes say so
    years = range(first, last + 1)
    what = series_what_if(changes.changes, world, years, switched["basis"]) if changes.changes else None
    notes = [*early, *covered.notes, *series_notes(last, covered.datasets, majors=bool(world.states.majors)),
             *tripwire_notes(world, dt.date(last, *SERIES_DAY), opts.readings), *(what.notes if what else ())]
    if "cow_nmc" in covered.datasets:  # a capability share divides by NMC's sum of its year, seldom 1
        from foedus.engine.power import series_sum_note

        notes += series_sum_note(first, last)
    title = f"foedus atlas {first}-{last}{said}"
    if scheduler:
        from foedus.sweeps.dask_sweeps import dask_yearly

        with working(f"atlas {first}–{last} on Dask"):
            rows = dask_yearly(first, last, opts, out, scheduler, workers or 2, force=force,
                               meta=table_meta(title, covered.datasets, notes), what_if=what)
        echo_wrote(out, f"{counted(rows, 'row')} (Parquet, partitioned by decade)", covered.datasets)
        for line in notes:
            typer.echo(f"note: {escaped(line)}", err=True)
        return
    save_table(yearly_with_progress(world, first, last, opts, what), out, force=force, datasets=covered.datasets,
               title=title, notes=notes, codebook=ATLAS_COLUMNS)


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


def atlas_plot(
    series: Annotated[Path, typer.Argument(help="A yearly atlas file from `foedus atlas --from … --to …`.")],
    out: Annotated[Path, typer.Option(help="Output .png or .svg (refuses an existing file unless --force).")],
    force: Force = False,
) -> None:
    """Draw the yearly atlas series (cascade size, tripwire dyads, capability share) as PNG or SVG."""
    from foedus.sweeps.plot import draw_series

    years, what_if = draw_series(series, out, force=force)  # a what-if series said so, as its title says it
    echo_wrote(out, f"a plot of {counted(years, 'year')}{' (a what-if world)' if what_if else ''}")
