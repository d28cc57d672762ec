"""CLI commands for research datasets: dyad-years, alliance similarity, and the ATOP flag check."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from foedus.cli.progress import working
from foedus.cli.writing import FORMATS_HELP, Force, check_table, save_table
from foedus.errors import FoedusError

if TYPE_CHECKING:
    from foedus.model.world import World
    from foedus.research.dyads import DyadOptions

__all__ = ["atop_check", "dyads", "refuse_or_note_years", "similarity"]

_ADD = ("peacesciencer's covariates, same names and codings: cinc (cinc1, cinc2), cowmaj (cowmaj1, cowmaj2), "
        "conttype; comma-separate or repeat, or 'all'.")


def refuse_or_note_years(first: int, last: int, system: str = "cow") -> list[str]:
    """Refuse an impossible year range (the years foedus reads: `foedus.model.days`), and one wholly before the state
    system asked for (`system`: cow or gw), whose file had no dyad-year at all (exit 0), as `foedus atlas --date
    1815-06-01` refuses its day; return the note for a range begun before that system (its first years have no
    dyad: no row in dyads and similarity, a row of zeros in the atlas series, unsaid before). The GW system's first
    day is read from its list; without the list the GW range is left to the refusal that names every missing dataset
    (`foedus.sources.coverage.need_all`), rather than name the list alone, and the others on the next run."""
    from foedus.datasets.verify import dataset_file
    from foedus.model.states import COW_FIRST_DAY
    from foedus.research.years import check_years
    from foedus.sources.cow import GW_FILE

    check_years(first, last, ("--from", "--to"))
    name, begins = "COW", COW_FIRST_DAY
    if system == "gw":
        if dataset_file(GW_FILE) is None:
            return []
        from foedus.sources.cow import read_gw_spells

        name, begins = "Gleditsch–Ward", min(start for spans in read_gw_spells().values() for start, _ in spans)
    said = f"(the {name} state system begins on {begins})"
    if last < begins.year:
        raise FoedusError(f"no state is a member of the state system in {first}–{last} {said}: there is no dyad-year "
                          f"to write; end the range in {begins.year} or later")
    return [f"no state is a member of the state system in {first}–{begins.year - 1} {said}: those years have no "
            "dyad"] if first < begins.year else []


def dyads(
    first: Annotated[int, typer.Option("--from", help="First year.")],
    last: Annotated[int, typer.Option("--to", help="Last year.")],
    out: Annotated[Path, typer.Option(help=FORMATS_HELP)],
    directed: Annotated[bool, typer.Option("--directed/--undirected", help="Both (a, b) and (b, a) rows, or one row "
                                           "per pair with a flag set when either owes it.")] = True,
    system: Annotated[str, typer.Option(help="State system: cow | gw.")] = "cow",
    covariates: Annotated[bool, typer.Option("--covariates/--no-covariates", help="Cascade covariates.")] = True,
    depth: Annotated[bool, typer.Option("--depth", help="Add the depth of the deepest alliance the dyad shares.")]
    = False,
    add: Annotated[list[str] | None, typer.Option("--add", help=_ADD)] = None,
    force: Force = False,
) -> None:
    """Dyad-years with ATOP flags, atopally and atopid (the ATOP alliances the two share, ids joined by ';'),
    cascade covariates, (with --add) peacesciencer's covariates and (with --depth) the depth of the deepest shared
    alliance."""
    from foedus.cli.progress import steps
    from foedus.model.world import World
    from foedus.outputs.tables import columns_frame
    from foedus.research.codebook import DYAD_COLUMNS
    from foedus.research.dyad_notes import dyad_notes, empty_notes
    from foedus.research.dyads import DyadOptions, dyad_columns
    from foedus.research.peacesciencer import add_covariates, missing_data, parse_covariates
    from foedus.sources.coverage import atop_present, history_notes
    from foedus.world_cache import cached_states

    early = refuse_or_note_years(first, last, system)  # first: the years named as the options are
    options = DyadOptions(first, last, directed=directed, system=system, covariates=covariates,  # type: ignore[arg-type]
                          depth=depth)  # checks the system
    extra = parse_covariates(add or [])
    if extra and system != "cow":
        raise FoedusError("peacesciencer's covariates merge on COW codes: use --system cow")
    check_table(out, force)
    with working("loading the state system, ATOP and CINC"):  # the flags alone need only the states
        source = World.default() if covariates or depth or extra else cached_states()
    atop = atop_present()  # without it the flags are all missing, and the covariates count the curated treaties only
    dated = (source.states if isinstance(source, World) else source).has_system_dates
    notes = history_notes(f"the dyad-years of {first}", dt.date(first, 1, 1),
                          [name for name, have in (("cow_states", dated), ("atop", atop)) if not have],
                          always=["cow_states"] if system == "cow" else [],  # COW's list sets the rows of every year
                          also=missing_data(options, extra))  # every missing dataset in one refusal, not one a run
    notes += early + dyad_notes(last, system, covariates, extra, atop=atop, depth=depth)  # past the data's ends
    cited = ["cow_states"] + (["atop"] if atop else []) + (["gw_states"] if system == "gw" else [])
    cited += ["cow_contiguity"] if "conttype" in extra else []
    from foedus.review_words import past_review

    # the last year's reference day after the treaty set's review day marked, as the atlas series' title, where the
    # covariates read the treaties (and the notes say it: `dyad_notes`); ATOP's flags alone read none
    mark = past_review(dt.date(last, *options.reference_day)) if covariates or depth else ""
    title = f"foedus dyad-years {first}-{last}{mark}"
    with steps(f"dyad-years {first}–{last}", last - first + 1) as done:
        columns = dyad_columns(source, options, progress=done)
    notes += empty_notes(columns, system, covariates, depth, options.reference_day)  # a state not read, and why
    if covariates and isinstance(source, World):  # the cascade covariates read one attack per dyad on the day
        notes += _war_notes(source, options)
    if not (extra or depth):  # numpy columns, written without importing pandas (a large part of a fresh run)
        save_table(columns, out, force=force, datasets=cited, title=title, notes=notes, codebook=DYAD_COLUMNS)
        return
    frame = columns_frame(columns)
    if extra:
        with working("peacesciencer covariates"):
            frame = add_covariates(frame, World.default(), extra)
    save_table(frame, out, force=force, datasets=cited, title=title, notes=notes, codebook=DYAD_COLUMNS)


def _war_notes(world: World, options: DyadOptions) -> list[str]:
    """The dyad-years' notes of the dyads at war on their reference day in a bundled war, whose cascade covariates
    read one attack each (`foedus.war.sweep_notes.series_war_notes`; the covariates' legal reading, default
    switches)."""
    from foedus.engine.outcome import DATA_END
    from foedus.inputs import SWITCH
    from foedus.sweeps.atlas import dyad_members
    from foedus.war.sweep_notes import series_war_notes

    days = [dt.date(year, *options.reference_day) for year in range(options.first, options.last + 1)]
    switched = {k: SWITCH[k].default for k in ("basis", "requested", "unresolved", "non_military", "decisions")}
    return series_war_notes(world, days, lambda day: dyad_members(world, day), switched, DATA_END,
                            "these dyad-years", "their cascade covariates read")


def similarity(
    first: Annotated[int, typer.Option("--from", help="First year.")],
    last: Annotated[int, typer.Option("--to", help="Last year.")],
    out: Annotated[Path, typer.Option(help=FORMATS_HELP)],
    system: Annotated[str, typer.Option(help="State system: cow | gw.")] = "cow",
    force: Force = False,
) -> None:
    """Alliance similarity for every dyad-year: S (absolute, squared, CINC-weighted), kappa, pi, tau-b."""
    from foedus.cli.progress import steps
    from foedus.cli.writing import saving_batches
    from foedus.collector import paused_gc
    from foedus.model.state_files import COW_LAST_DAY
    from foedus.research.codebook import SIMILARITY_COLUMNS
    from foedus.research.similarity_fast import COLUMN_DTYPES, similarity_batches
    from foedus.research.ties import yearly_portfolios_of
    from foedus.world_cache import cached_states

    if system not in ("cow", "gw"):  # as `foedus dyads` says it (`DyadOptions`)
        raise FoedusError(f"unknown system {system!r}: choose cow or gw")
    notes = refuse_or_note_years(first, last, system)
    check_table(out, force)
    if system == "gw":
        from foedus.model.state_files import cow_carried
        from foedus.research.dyad_notes import dyad_notes

        notes += dyad_notes(last, "gw") + cow_carried(last, system=False, majors=False, cinc=True)
    elif last > COW_LAST_DAY.year:  # the 2016 members and CINC stand in for later years: said as the atlas says it
        from foedus.sweeps.atlas import series_notes

        # no major power is read; ATOP's end is no note: a later year is refused
        notes += series_notes(last, ["cow_states"], majors=False)
    codes = ("gwcode1", "gwcode2") if system == "gw" else ("ccode1", "ccode2")
    dtypes = {({"ccode1": codes[0], "ccode2": codes[1]}.get(k, k)): v for k, v in COLUMN_DTYPES.items()}
    with paused_gc():  # the load and the year loop make no cycles; each collection would rescan the world
        with working("loading ATOP and CINC"):
            if system == "gw":
                from foedus.research.dyad_notes import gw_only_similarity_notes
                from foedus.research.ties_gw import gw_only_count, gw_portfolios, with_gw_only

                portfolios, members = gw_portfolios(cached_states(), first, last)
                notes += gw_only_similarity_notes(gw_only_count(members))
            else:
                portfolios = yearly_portfolios_of(cached_states(), first, last)  # the states: no treaty model
        cited = ["atop", "cow_states", "cow_nmc", *(["gw_states"] if system == "gw" else [])]
        with saving_batches(out, dtypes, force=force, datasets=cited,
                            title=f"foedus alliance similarity {first}-{last}", notes=notes,
                            codebook=SIMILARITY_COLUMNS) as sink, \
                steps(f"alliance similarity {first}–{last}", len(portfolios)) as done:
            for batch in similarity_batches(portfolios, progress=done):  # Parquet: written while the next one is made
                if system == "gw":
                    batch = {({"ccode1": codes[0], "ccode2": codes[1]}.get(k, k)): v for k, v in batch.items()}
                    batch = with_gw_only(batch, members, codes)
                sink.put(batch)


def atop_check(
    as_json: Annotated[bool, typer.Option("--json", help="Print the comparison as one JSON object.")] = False,
) -> None:
    """Compare the ATOP flags foedus derives with ATOP's own directed dyad-year file."""
    from foedus.model.world import World
    from foedus.research.atop_check import compare_atop_flags

    with working("comparing ATOP flags"):
        report = compare_atop_flags(World.default())
    if as_json:
        sys.stdout.write(json.dumps(report, indent=2) + "\n")
        return
    typer.echo(f"reference rows: {report['reference_rows']:,}")
    for f in report["flags"]:
        typer.echo(f"{f['column']:<14} agree {f['rate']:.4%}  foedus-only {f['ours_only']}  "
                   f"ATOP-only {f['theirs_only']}  {f['classes']}")
    typer.echo(f"dyad-years only foedus lists: {len(report['dyad_years_only_foedus_flags'])}; "
               f"reference rows with no obligation: {report['reference_rows_without_any_obligation']}")
