"""The running and writing half of `foedus compare` and `foedus atlas`: a scenario's comparison, the atlas
comparison's lines, the Monte Carlo atlas and the yearly series with their progress. `foedus.cli.sweep_cmd` and
`foedus.cli.compare_cmd` read and check the options first, and import this module only when a command runs."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from foedus.cli.progress import steps, working
from foedus.cli.writing import echo_wrote, save_table, table_meta
from foedus.errors import FoedusError
from foedus.inputs import SCENARIO, SWITCH
from foedus.outputs.partitions import DRAWS_PARTITION
from foedus.sweeps.atlas_whatif import AS_ENCODED, AtlasWhatIf
from foedus.wording import counted, escaped, named_state, out_of_range

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence

    from foedus.sweeps.atlas import Coverage


__all__ = ["ATLAS_KEY", "DrawsHow", "atlas_draws", "atlas_title", "atlas_war_notes", "compare_scenario", "emit",
           "print_atlas", "series_war_notes_of", "switches_said", "yearly_with_progress"]


def emit(obj: Any) -> None:
    """`obj` as indented JSON on stdout."""
    sys.stdout.write(json.dumps(obj, indent=2, ensure_ascii=False) + "\n")


def compare_scenario(base: Any, other: Any, base_day: Any, other_day: Any, inputs: dict[str, Any],
                     changes: Any, shape: str | None, out: Path | None = None, force: bool = False) -> tuple[Any, Any]:
    """One scenario in both worlds, `other` being `base` with the what-if `changes` (an `Overlay`): what changed
    (lines; JSON with the reading both ran in, `reading`, as the first line says it, and both results in full; the
    changed states as rows, `shape` csv or table, or written to `out`:
    `foedus.cli.compare_out`), and the changes dated after `other_day` (`compare_results`). Returns both results
    (the base world's, the other's)."""
    from foedus.api import cascade
    from foedus.by_name import by_name
    from foedus.cli.compare_out import compare_head, review_note
    from foedus.engine.ongoing_days import ongoing_after, parse_since
    from foedus.engine.scenario import parse_date
    from foedus.run import what_if_noted
    from foedus.sweeps.compare import compare_results
    from foedus.sweeps.compare_dated import dated_line
    from foedus.sweeps.compare_words import WAR_SIZE_SAID, change_words, unchanged_said
    from foedus.war.ongoing_changes import ongoing_lines

    since = inputs["ongoing_since"]  # after either day: the option named (the engine says "the scenario date")
    ongoing_after(parse_since(since, parse_date), [("--date", base_day), ("--date2", other_day)])
    reading = inputs["reading"] if inputs["reading"] is not None else "legal"
    kw = {i.name: inputs[i.name] for i in SCENARIO[3:]} | {"reading": reading}
    a = cascade(inputs["attacker"], inputs["target"], base_day, world=base, **kw)
    b = cascade(inputs["attacker"], inputs["target"], other_day, world=other, **kw)
    b = what_if_noted(b, changes.changes, other, base)  # its JSON says it is a what-if world, as the cascade's does
    said = list(b.what_if)  # the changes as the result records them (`add_member nato_1949:UKR`): its rows, its title
    diff = compare_results(a, b, (changes.changes, other), base) | {"what_if": said, "base_date": str(base_day),
                                                               "other_date": str(other_day), "reading": reading}
    if shape == "json":
        emit(diff | {"base": a.to_dict(), "other": b.to_dict()})
        return a, b
    if shape is not None or out is not None:  # the rows hold no notes: stderr has them, as cascade's rows'
        from foedus.cli.compare_out import write_compare

        write_compare(diff, a, b, shape, out, force)
        if out is None:
            sys.stderr.writelines(f"note: {line}\n" for line in diff["notes"])
        return a, b
    typer.echo(compare_head(diff, reading))  # as its `--out` table's title says them
    # each kind's states by the name said (`by_name`; the JSON keeps the id order), each named as on its world's
    # date: the base's for one that joins there only
    for kind, mark in (("gained", "+"), ("lost", "-"), ("switched", "~"), ("rebased", "=")):
        names = a.names if kind == "lost" else b.names
        for named, x in by_name([(named_state(x["state"], names), x) for x in diff[kind]], lambda p: p[0]):
            typer.echo(f"{mark} {named} {change_words(kind, x)}")
    for c in by_name(named_state(c, b.names) for c in diff["new_conflicts"]):
        typer.echo(f"! {c} is now bound both ways (conflict)")
    for c in by_name(named_state(c, a.names) for c in diff["resolved_conflicts"]):  # as the web's compare view says
        typer.echo(f"\u2713 {c} is no longer bound both ways")
    if (unchanged := unchanged_said(diff)) is not None:  # "no other change ...": a conflict ended
        typer.echo(unchanged)
    for line in ongoing_lines(diff["ongoing"], b.names, a.names) if diff["ongoing"] else []:  # the war to the date
        typer.echo(line)
    # between two dates, what started or stopped a duty (the cause of a change above); then each treaty a what-if
    # change touched that moved no one, and why
    for line in [*map(dated_line, diff["dated_changes"]),
                 *(f"no change from {x['treaty']}: {x['why']}" for x in diff["unchanged_because"])]:
        typer.echo(line)
    typer.echo(f"war size: {diff['war_size']['base']} -> {diff['war_size']['other']} ({WAR_SIZE_SAID})")
    for line in [*diff["notes"], *review_note(a, b)]:
        typer.echo(f"note: {escaped(line)}")
    return a, b


ATLAS_KEY = ("war size: the states on the two sides when the first of a dyad attacks the second, the pair included "
             "(mean over the ordered dyads of each date); tripwire dyads: the ordered dyads whose war puts COW major "
             "powers on opposite sides (not troops placed as a tripwire)")
"""What the atlas comparison's figures count, said under them: "tripwire dyads 468 -> 468" read as forces placed in
harm's way, a word the docs defined (docs/whatif-and-atlas.md) and the output did not."""


def print_atlas(report: dict[str, Any]) -> None:
    """The atlas comparison's lines: first the scenario comparison's first line (`compare_head`: the days, a day after
    the treaty set's review day marked once, a what-if of one day said once, the changes and the switches), per
    reading the dyads' war sizes and tripwires in both worlds, then what they count (`ATLAS_KEY`) and the note the
    mark points to last (`DATA_END_NOTE`, which its JSON, a cascade's notes' list aside, never had)."""
    from foedus.cli.compare_out import compare_head
    from foedus.engine.outcome import DATA_END_NOTE
    from foedus.review_words import past_review_pair

    mark = past_review_pair(report["base_date"], report["other_date"])
    typer.echo(compare_head(report, None))  # every reading's lines follow: none said in it
    for reading, e in report["readings"].items():
        trip = e["tripwire_dyads"]
        typer.echo(f"[{reading}] dyads {e['dyads']['common']:,}; mean war size {e['mean_war_size']['base']:.2f} -> "
                   f"{e['mean_war_size']['other']:.2f}; tripwire dyads {_count(trip['base'])} -> "
                   f"{_count(trip['other'])}; larger wars in {counted(e['dyads_with_larger_war'], 'dyad')}, "
                   f"smaller in {e['dyads_with_smaller_war']:,}")
        if "watch" in e:
            w = e["watch"]
            typer.echo(f"    dyads putting {w['state']} and {'/'.join(w['against'])} on opposite sides: "
                       f"{w['base']:,} -> {w['other']:,}")
    typer.echo(ATLAS_KEY)
    if mark:
        typer.echo(f"note: {DATA_END_NOTE}")


def _count(n: int | None) -> str:
    """A count as printed, `not known` where it is None (the notes say why)."""
    return "not known" if n is None else f"{n:,}"


def switches_said(switched: Mapping[str, Any]) -> str:
    """The switches given other than their defaults, as options (` --basis signed --no-request`), for an output's
    title: the one record in the file of what its cascades read."""
    return "".join(f" {s}" for s in _switch_flags(switched))


def _switch_flags(switched: Mapping[str, Any]) -> list[str]:
    """Each switch given other than its default, as its option (`--basis signed`, `--no-request`)."""
    said = []
    for name, value in switched.items():
        inp = SWITCH[name]
        if value != inp.default:
            flags = inp.cli_flags[0]
            said.append(flags.split("/")[0 if value else 1] if inp.type is bool else f"{flags} {value}")
    return said


def atlas_title(head: str, changes: Sequence[str], reading: str | None, switched: Mapping[str, Any],
                draws: int | None = None) -> tuple[str, str | None]:
    """An atlas's title and its Stata label (None where the title fits), by the comparison's rule
    (`foedus.cli.compare_out.titled`): `head` (the atlas's day or years, marked after the review day), the what-if
    `changes` (the title said "foedus atlas 1950-01-01" where only the rows' `what_if` named them), the draws
    (grouped, "1,000 draws", as every other count), the reading where not the default (`reading_said`), then the
    switches not at their defaults (`switches_said`)."""
    from foedus.cli.compare_out import reading_said, titled, titled_label

    tails = [*([f", {counted(draws, 'draw')}"] if draws is not None else []),
             *(f"; {w}" for w in reading_said(reading)), *(f" {flag}" for flag in _switch_flags(switched))]
    return titled(head, changes, tails), titled_label(head, changes, tails)


@dataclass(frozen=True)
class DrawsHow:
    """How to run the Monte Carlo atlas: seed, honour file, backend, an optional Dask scheduler, --force, and the
    scenario switches."""

    seed: int | None
    honour: Path | None
    backend: str | None
    scheduler: str | None
    workers: int
    force: bool = False
    switched: dict[str, Any] = field(default_factory=dict)  # the scenario switches but the reading (checked)
    what_if: AtlasWhatIf = AS_ENCODED  # a what-if world's changes: on every row, and in the notes


def atlas_draws(world: Any, day: Any, draws: int, how: DrawsHow, chosen: Any, out: Path, covered: Coverage,
                base: Any = None) -> None:
    """Monte Carlo over every ordered dyad at one date, in the reading `chosen` (a checked one); `base`: the world a
    what-if `world` was made from, whose treaties an honour file may name too, as `foedus cascade`'s may."""
    from foedus.engine.reliability import load_honour_model
    from foedus.research.codebook import ATLAS_COLUMNS, described
    from foedus.sweeps.atlas_mc import atlas_montecarlo, draws_notes

    if not 1 <= draws <= 100_000:
        raise FoedusError(out_of_range("--draws", 1, 100_000, draws))
    from foedus.engine.fast.montecarlo import new_seed

    model = load_honour_model(how.honour)
    base = world if base is None else base  # an id a what-if change dropped is still a treaty (`foedus.run`)
    model.check_treaties({t for t in model.treaty if t in base.treaties or t in world.treaties}, str(how.honour),
                         world.has_history, [*base.treaties.curated.values(), *world.treaties.curated.values()])
    seed = how.seed if how.seed is not None else new_seed()  # chosen and recorded when none is given
    from foedus.review_words import past_review

    title, label = atlas_title(f"foedus atlas {day}{past_review(day)}", how.what_if.said, chosen, how.switched, draws)
    notes = (*covered.notes, *draws_notes(world, day), *how.what_if.notes,  # why a column is empty, where one is
             *atlas_war_notes(world, day, (chosen,), how.switched))
    if how.scheduler:
        from foedus.outputs import write_partitioned
        from foedus.sweeps.dask_sweeps import client, dask_atlas_draws

        with client(how.scheduler, how.workers) as c, working(f"atlas {day}, {counted(draws, 'draw')} on Dask"):
            result = dask_atlas_draws(day, draws, seed, model, chosen, c, backend=how.backend,
                                      world=world if how.what_if.cell is not None else None, **how.switched)
        frame = how.what_if.frame(result.frame(world, day, seed))
        rows = write_partitioned(frame, out, DRAWS_PARTITION, force=how.force,  # a partition per attacker
                                 meta=table_meta(title, covered.datasets, notes),
                                 descriptions=described(frame.columns, ATLAS_COLUMNS))
        echo_wrote(out, f"{counted(rows, 'row')} (Parquet, partitioned by attacker)", covered.datasets)
        for line in notes:
            typer.echo(f"note: {escaped(line)}", err=True)
        return
    elif chosen == "escalatory":  # one batched escalatory atlas per draw: show the draws go by
        with steps(f"atlas {day}, escalatory draws", draws) as done:
            result = atlas_montecarlo(world, day, draws, seed, model, backend=how.backend, reading=chosen,
                                      progress=done, **how.switched)
    else:  # most dyads are drawn at once; the bar counts those that need the per-scenario replay
        with steps(f"atlas {day}, {counted(draws, 'draw')}: dyads replayed", 1) as done:
            result = atlas_montecarlo(world, day, draws, seed, model, backend=how.backend, reading=chosen,
                                      progress=done, **how.switched)
    save_table(how.what_if.frame(result.frame(world, day, seed)), out, force=how.force, datasets=covered.datasets,
               title=title, notes=notes, codebook=ATLAS_COLUMNS, label=label)


def yearly_with_progress(world: Any, first: int, last: int, opts: Any, what_if: Any = None) -> Any:
    """The yearly atlas series, first..last, with a progress bar by year; `what_if`, a `SeriesWhatIf`: each year's
    world changed by the changes that apply in it (`foedus.sweeps.atlas_years`)."""
    from foedus.sweeps.atlas import yearly_indicators

    with steps(f"atlas {first}–{last}", last - first + 1) as done:
        return yearly_indicators(world, range(first, last + 1), opts, progress=lambda year: done(year - first + 1),
                                 what_if=what_if)


def atlas_war_notes(world: Any, day: Any, readings: Sequence[str], switched: Mapping[str, Any],
                    what: str = "this atlas") -> list[str]:
    """The one-date atlas's notes of the dyads at war on its day in a bundled war (`foedus.war.sweep_notes`): its
    rows read one attack each, not the war (`what`: the atlas, as the note names it)."""
    from foedus.engine.outcome import DATA_END
    from foedus.sweeps.atlas import dyad_members
    from foedus.war.sweep_notes import sweep_war_notes

    return sweep_war_notes(world, day, dyad_members(world, day), readings, switched, DATA_END, what)


def series_war_notes_of(world: Any, years: Iterable[int], switched: Mapping[str, Any]) -> list[str]:
    """A yearly atlas's notes of the dyads at war on 1 July of its years in a bundled war
    (`foedus.war.sweep_notes.series_war_notes`)."""
    import datetime as dt

    from foedus.engine.outcome import DATA_END
    from foedus.sweeps.atlas import SERIES_DAY, dyad_members
    from foedus.war.sweep_notes import series_war_notes

    return series_war_notes(world, [dt.date(y, *SERIES_DAY) for y in years], lambda day: dyad_members(world, day),
                            switched, DATA_END)
