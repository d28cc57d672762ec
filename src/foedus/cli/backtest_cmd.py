"""The `foedus backtest` command: run the backtest and write the report folder.

Imports only typer at module level (the CLI's start-up budget); the backtest itself loads on use.
The report folder is written whole beside `--out` and then put in its place (`foedus.outputs`), so a
failed or interrupted run leaves the old report as it was. It never replaces a non-empty folder
without --force, and with --force only a folder that holds nothing but an earlier report: a folder with
anything else in it (your notes, a sub-folder) is refused before any work, never emptied, copied or merged.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from foedus.backtest.errors import BacktestError
from foedus.inputs import MAX_SEED
from foedus.outputs import reports
from foedus.wording import counted, out_of_range

__all__ = ["OUTPUT_FILES", "SIDECARS", "TABLES", "backtest", "check_out_dir", "foreign_entries"]

TABLES = ("wars.csv", "wars.parquet", "wars.dta", "outcomes.csv", "reliability.csv", "outcomes.parquet",
          "outcomes.dta", "reliability.parquet", "reliability.dta")
SIDECARS = tuple(f"{name}-metadata.json" for name in TABLES if not name.endswith(".parquet"))
"""Each CSV's and Stata table's metadata beside it (`foedus.outputs.sidecar`), as every research table has."""
OUTPUT_FILES = ("report.md", "metrics.json", *TABLES[:3], "calibration.png", "calibration.svg", "precision_recall.png",
                "precision_recall.svg", *TABLES[3:], *SIDECARS)
MAX_DRAWS = 1_000_000


foreign_entries = reports.foreign_entries(OUTPUT_FILES, "the backtest")
"""Why a folder may not be replaced by a new report: what it holds that the backtest does not write, if any."""


def check_out_dir(out: Path, force: bool) -> None:
    """Refuse `--out` before any work by the rule of every command that writes a folder
    (`foedus.outputs.check_folder_target`): a new or empty folder is taken, one with anything in it only with
    `force`, and then only if it holds nothing but an earlier report, in a folder that exists and is writable.

    Raises:
        OutputExistsError: `out` is not empty and `force` is off.
        OutputError: `out` is a file, holds what the backtest does not write, or cannot be written.
    """
    from foedus.outputs import check_folder_target

    check_folder_target(out, force=force, replaceable=foreign_entries)


def _check(first: int | None, last: int | None, draws: int) -> None:
    from foedus.backtest.wars import check_years

    check_years(first, last)
    if not 1 <= draws <= MAX_DRAWS:
        raise BacktestError(out_of_range("--draws", 1, MAX_DRAWS, draws))


def command_line(first: int | None, last: int | None, out: Path, draws: int, seed: int,
                 opening_only: bool = False) -> str:
    """The canonical command that reproduces a run, its folder quoted for a POSIX shell (`--out 'my run'`: a space,
    `;` or `$` in it made a command that ran something else)."""
    from foedus.written import shell_word  # shlex.quote's, or $'...' for a name that is not UTF-8

    years = (f" --from {first}" if first is not None else "") + (f" --to {last}" if last is not None else "")
    return f"foedus backtest{years} --out {shell_word(str(out))} --draws {draws} --seed {seed}" + (
        " --opening-only" if opening_only else "")


def _wars(settings: Any) -> list[Any]:
    from foedus.backtest.run import wars_in_range

    wars = wars_in_range(settings)
    if not wars:
        span = f"{settings.first or 'the start'}–{settings.last or 'the end'}"
        raise BacktestError(f"no COW inter-state war starts in {span} (the data cover 1823–2003)")
    return wars


def _check_scored(result: Any) -> None:
    """Refuse a run that scored no war, before anything is written: its report would score nothing (and a table of
    no rows has no columns, which Stata's format cannot hold).

    Raises:
        BacktestError: every war in range was skipped, naming the first and why.
    """
    if result.records:
        return
    first = result.skipped_wars[0] if result.skipped_wars else None
    why = f": war {first['war']} ({first['name']}): {first['reason']}" if first else ""
    raise BacktestError(f"no war in range could be scored ({counted(len(result.skipped_wars), 'war', grouped=False)} "
                        f"skipped{why}); nothing was written")


def _run_with_progress(settings: Any, wars: list[Any]) -> Any:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from foedus.backtest.run import run_backtest
    from foedus.model.world import World

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True,
                  disable=not sys.stderr.isatty()) as bar:
        task = bar.add_task("loading treaties", total=len(wars))
        world = World.default()

        def step(war: Any) -> None:
            bar.update(task, advance=1, description=f"war {war.num} {war.name}"[:40])

        return run_backtest(world, settings, wars, on_war=step)


def _replay_with_progress(settings: Any, count: int) -> Any:
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    from foedus.backtest.replay_run import run_replays
    from foedus.model.world import World

    columns = (TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True,
                  disable=not sys.stderr.isatty()) as bar:
        task = bar.add_task("replaying wars", total=count)

        def step(num: int, name: str) -> None:
            bar.update(task, advance=1, description=f"replay {num} {name}"[:40])

        return run_replays(World.default(), settings.first, settings.last, draws=settings.draws, seed=settings.seed,
                           on_war=step)


def _replay_files(out: Path, settings: Any, opening: Any, count: int) -> tuple[dict[str, Any], str]:
    """Replay the wars; write outcomes.csv and reliability.csv; return the metrics block and the report text."""
    from foedus.backtest.reliability_data import Switches, reliability_rows, reliability_summary
    from foedus.backtest.replay_report import outcome_table, reliability_table, replay_markdown
    from foedus.backtest.replay_summary import compare
    from foedus.model.world import World

    rb = _replay_with_progress(settings, count)
    world = World.default()
    block = compare(rb, opening, draws=settings.draws > 0)
    rel = reliability_summary(world, rb)
    block["reliability"] = rel
    outcomes = outcome_table(rb)
    reliability = reliability_table(reliability_rows(world, rb), Switches())
    _tables(outcomes, out, "outcomes", "foedus backtest: war x candidate state outcomes")
    _tables(reliability, out, "reliability", "foedus backtest: alliance reliability")
    return block, replay_markdown(block, rel)


def backtest(
    out: Annotated[Path, typer.Option(help="Folder for report.md, metrics.json, wars.csv and the figures.")],
    first: Annotated[int | None, typer.Option("--from", help="First year (wars by start year).")] = None,
    last: Annotated[int | None, typer.Option("--to", help="Last year (wars by start year).")] = None,
    draws: Annotated[int, typer.Option(help="Monte Carlo draws per war (probabilistic mode).")] = 2000,
    seed: Annotated[int, typer.Option(help="Base random seed (war N uses seed + N, modulo 2**63: "
                                           "foedus.inputs.war_seed).", min=0, max=MAX_SEED)] = 1815,
    force: Annotated[bool, typer.Option("--force", help="Replace an earlier report in --out (atomically). A "
                                                        "folder that holds anything else is refused, never emptied "
                                                        "or merged.")] = False,
    opening_only: Annotated[bool, typer.Option("--opening-only", help="Only the opening attacks (the earlier "
                                                                      "backtest): no replay of the wars.")] = False,
) -> None:
    """Replay every COW inter-state war, opening attack and whole war, and compare with who really fought."""
    import datetime as dt

    from foedus._version import __version__
    from foedus.backtest.figures import calibration_figure, precision_recall_figure
    from foedus.backtest.report import markdown, metrics_json, write_text
    from foedus.backtest.run import Settings
    from foedus.backtest.summary import summarize, war_rows
    from foedus.outputs import staged_folder

    _check(first, last, draws)
    check_out_dir(out, force)
    settings = Settings(first=first, last=last, draws=draws, seed=seed)
    wars = _wars(settings)
    result = _run_with_progress(settings, wars)
    _check_scored(result)
    metrics = {"run": {"date": dt.date.today().isoformat(), "foedus_version": __version__,
                       "command": command_line(first, last, out, draws, seed, opening_only)}, **summarize(result)}
    rows = war_rows(result)
    # with --force an earlier report is replaced; without, only the empty folder that was there, if still empty
    with staged_folder(out, force=force, replaceable=foreign_entries) as tmp:
        extra = ""
        if not opening_only:
            metrics["replay"], extra = _replay_files(tmp, settings, result, len(wars))
        write_text(tmp / "metrics.json", metrics_json(metrics))
        _tables(rows, tmp)
        calibration_figure(metrics, tmp)
        precision_recall_figure(metrics, tmp)
        write_text(tmp / "report.md", markdown(metrics, rows) + ("\n" + extra if extra else ""))
    legal = metrics["precision_recall"]["legal"]["overall"]
    skipped = len(metrics["skipped_wars"]), len(metrics["skipped_states"])
    typer.echo(f"{counted(metrics['wars']['scored'], 'war', grouped=False)} scored ({skipped[0]} skipped, "
               f"{counted(skipped[1], 'state', grouped=False)} left out); "
               f"legal reading: precision {_pct(legal['precision'])}, recall {_pct(legal['recall'])}; "
               f"Brier {_num(metrics['probabilistic']['brier'])}", err=True)
    written = [f for f in OUTPUT_FILES if not (opening_only and f.startswith(("outcomes", "reliability")))
               and f not in SIDECARS]
    typer.echo(f"wrote {', '.join(written)} ({counted(len(rows), 'war', grouped=False)}) to {out}, each CSV and "
               "Stata table with its metadata (versions, notes, columns) in NAME-metadata.json", err=True)


def _tables(rows: list[dict[str, Any]], folder: Path, stem: str = "wars", title: str = "foedus backtest: per war"
            ) -> None:
    """A table as CSV, Parquet and Stata from one frame typed by its values (`table_frame`), through the writer of
    every table, with the metadata every table has (`foedus.cli.writing.table_meta`: title, foedus's version, the
    datasets it draws on and their versions): inside the Parquet file, in a sidecar beside the CSV and Stata ones; and
    what each column means (`foedus.backtest.codebook`)."""
    from foedus.backtest.codebook import BACKTEST_CODEBOOKS
    from foedus.backtest.report import table_frame
    from foedus.cli.writing import table_meta
    from foedus.outputs import write_table
    from foedus.research.codebook import described
    from foedus.sources.coverage import atop_present

    meta = table_meta(title, ["cow_wars", "cow_states", *(["atop"] if atop_present() else [])])
    frame = table_frame(rows)
    said = described(frame.columns, BACKTEST_CODEBOOKS[stem])  # what each column means, in every format
    write_table(frame, folder / f"{stem}.csv", meta=meta, sidecar=True, descriptions=said)
    write_table(frame, folder / f"{stem}.parquet", meta=meta, descriptions=said)
    write_table(frame, folder / f"{stem}.dta", meta=meta, sidecar=True, descriptions=said)


def _num(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.4f}"


def _pct(x: float | None) -> str:
    return "n/a" if x is None else f"{100 * x:.1f}%"
