"""CLI commands over many cascades: `foedus atlas`, `foedus atlas-plot` (and the switches `foedus compare --atlas`
reads, `foedus.cli.compare_cmd`): their options, read and checked here before any work; the running and writing is
`foedus.cli.sweep_run`'s."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from foedus.cli.helpers import refuse_unused
from foedus.cli.options import AddTreaty, OverlayFile, SaveOverlay
from foedus.cli.params import with_inputs
from foedus.cli.progress import steps, working
from foedus.cli.writing import Force, check_table, echo_wrote, save_table, table_meta
from foedus.engine.scenario import READINGS
from foedus.errors import FoedusError
from foedus.inputs import ATLAS, MAX_SEED, SWITCH, WHAT_IF
from foedus.outputs.partitions import DRAWS_PARTITION, YEARLY_PARTITION
from foedus.wording import counted, escaped

if TYPE_CHECKING:
    from foedus.model.overlay import Overlay

__all__ = ["atlas", "atlas_plot", "atlas_switches", "readings"]

MAX_WORKERS = 256


def readings(reading: str | None) -> tuple[Any, ...]:
    """The readings an atlas runs: the one given, or both."""
    if reading is not None and reading not in READINGS:
        raise FoedusError(f"unknown reading {reading!r}: choose one of {', '.join(READINGS)}")
    return READINGS if reading is None else (reading,)


def atlas_switches(inputs: dict[str, Any]) -> dict[str, Any]:
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
    ctx: typer.Context,
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
    save_overlay: SaveOverlay = None,
    force: Force = False,
    scenario: Annotated[Path | None, typer.Option("--scenario", help="Run the atlas question a scenario file of kind "
                                                  "atlas holds (from atlas --save-scenario); other options that "
                                                  "change it are refused.")] = None,
    save_scenario: Annotated[Path | None, typer.Option("--save-scenario", help="Save the atlas's whole question "
                                                       "(date or years, readings, switches, draws and seed, what-if "
                                                       "changes) as a scenario YAML file (kind: atlas).")] = None,
) -> None:
    """Per ordered dyad at a date, or yearly systemic indicators over a range of years.

    Scenario switches (--severity, --request/--no-request, --basis, --unresolved, --decisions, --non-military) and
    what-if changes (--add-member, --drop-treaty, --overlay, ...): `foedus cascade`'s; a series applies each where it
    can on 1 July. --save-scenario keeps the whole question in a file that --scenario reruns."""
    from foedus.cli.atlas_scenario import check_save_atlas, question_of_file, save_atlas

    saved = None
    if scenario is not None:  # the file's question: an option beside it that would change it is refused
        date, first, last, reading, draws, seed, inputs, saved = question_of_file(scenario, ctx, inputs)
    if save_scenario is not None:  # before any work; the draws' seed chosen here, to be saved
        seed = check_save_atlas(save_scenario, out, save_overlay, honour, draws, seed)
    changes, datasets = _run(inputs, out, date, first, last, reading, scheduler, workers, backend, draws, seed,
                             honour, add_treaty, overlay, save_overlay, force, saved, save_scenario is not None)
    save_atlas(save_scenario, atlas_switches(inputs), (date, first, last), readings(reading if draws is None else
               reading or "legal"), (draws, seed), changes, datasets)


def _run(inputs: dict[str, Any], out: Path, date: str | None, first: int | None, last: int | None,  # noqa: PLR0913
         reading: str | None, scheduler: str | None, workers: int | None, backend: str | None, draws: int | None,
         seed: int | None, honour: Path | None, add_treaty: list[Path] | None, overlay: list[Path] | None,
         save_overlay: Path | None, force: bool, saved: Overlay | None, keep: bool
         ) -> tuple[Overlay | None, tuple[str, ...]]:
    """Run the atlas the options ask (`saved`: a scenario file's what-if changes, or None for the line's), write its
    table; return its what-if changes, each state by its id as read where it applied (`keep`, for a scenario file:
    made before the dyads run, as `--save-overlay`'s, since a name a series reads as two states is refused there;
    else None), and the datasets it read."""
    from foedus.cli.helpers import what_if
    from foedus.cli.overlay_save import by_ids, check_overlay_changes, check_overlay_target, write_overlay
    from foedus.cli.research_cmd import refuse_or_note_years
    from foedus.cli.sweep_run import (
        DrawsHow,
        atlas_draws,
        atlas_title,
        atlas_war_notes,
        series_war_notes_of,
        yearly_with_progress,
    )
    from foedus.engine.scenario import parse_date
    from foedus.model.world import World
    from foedus.research.codebook import ATLAS_COLUMNS
    from foedus.review_words import past_review
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
    switched = atlas_switches(inputs)  # checked before any work, in cascade's words
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
    check_overlay_target(save_overlay)  # a taken name is never replaced: it has no --force
    from foedus.outputs.own_inputs import refuse_input

    refuse_input("--honour", honour, out, "the table would replace the honour file it reads")
    for option, path in [*(("--overlay", p) for p in overlay or []), *(("--add-treaty", p) for p in add_treaty or [])]:
        refuse_input(option, path, out, "the table would replace the file it reads")
    changes = saved if saved is not None else what_if(inputs, add_treaty, overlay)
    check_overlay_changes(save_overlay, changes)
    opts = AtlasOptions(readings=readings(reading), backend=backend, requested=switched["requested"],
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
        write_overlay(save_overlay, changes, base, day)  # once applied (checked) on the day, each state by its id
        kept = by_ids(changes, base, day) if keep else None
        if draws is not None:
            how = DrawsHow(seed, honour, backend, scheduler, workers or 2, force, switched, asked)
            atlas_draws(world, day, draws, how, readings(reading or "legal")[0], out, covered, base)
            return kept, tuple(covered.datasets)
        with steps(f"atlas {date}: every ordered dyad, by reading", len(opts.readings)) as done:
            frame = atlas_frame(world, day, opts, done)
        # a day after the review marked, as cascade's header; the what-if changes, the reading if one given, switches
        title, label = atlas_title(f"foedus atlas {date}{past_review(day)}", asked.said, reading, switched)
        save_table(asked.frame(frame), out, force=force, datasets=covered.datasets, title=title, label=label,
                   notes=[*covered.notes, *frame_notes(world, day, opts.readings), *asked.notes,
                          *atlas_war_notes(world, day, opts.readings, switched)],
                   codebook=ATLAS_COLUMNS)
        return kept, tuple(covered.datasets)
    if first is None or last is None:
        raise FoedusError("give --date D, or --from Y1 --to Y2")
    early = refuse_or_note_years(first, last)
    covered = coverage(world, dt.date(first, *SERIES_DAY), cinc_year=last)
    from foedus.sweeps.atlas_years import series_what_if

    # each year reads the changes on its day: those that cannot apply then leave it as encoded, and the notes say so
    years = range(first, last + 1)
    what = series_what_if(changes.changes, world, years, switched["basis"]) if changes.changes else None
    write_overlay(save_overlay, changes, world, None, what.read_on if what else None)  # names read as each year does
    kept = by_ids(changes, world, None, what.read_on if what else None) if keep else None
    notes = [*early, *covered.notes, *series_notes(last, covered.datasets, majors=bool(world.states.majors)),
             *tripwire_notes(world, dt.date(last, *SERIES_DAY), opts.readings), *(what.notes if what else ()),
             *series_war_notes_of(world, years, switched)]
    if "cow_nmc" in covered.datasets:  # a capability share divides by NMC's sum of its year, seldom 1
        from foedus.engine.power import series_sum_note

        notes += series_sum_note(first, last)
    title, label = atlas_title(f"foedus atlas {first}-{last}{past_review(dt.date(last, *SERIES_DAY))}",
                               what.said if what else (), reading, switched)  # the changes, where any year has one
    if scheduler:
        from foedus.sweeps.dask_sweeps import dask_yearly

        with working(f"atlas {first}–{last} on Dask"):
            rows = dask_yearly(first, last, opts, out, scheduler, workers or 2, force=force,
                               meta=table_meta(title, covered.datasets, notes), what_if=what)
        echo_wrote(out, f"{counted(rows, 'row')} (Parquet, partitioned by decade)", covered.datasets)
        for line in notes:
            typer.echo(f"note: {escaped(line)}", err=True)
        return kept, tuple(covered.datasets)
    save_table(yearly_with_progress(world, first, last, opts, what), out, force=force, datasets=covered.datasets,
               title=title, notes=notes, codebook=ATLAS_COLUMNS, label=label)
    return kept, tuple(covered.datasets)


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
