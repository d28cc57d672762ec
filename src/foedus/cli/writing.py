"""How CLI commands write tables and files: refuse early, write through `foedus.outputs`, say what was written.

Every writer says on stderr what it wrote (path and rows), and prints the citations of every dataset it draws on
(COW NMC's whenever a table carries CINC), so that the data's authors are cited wherever their numbers travel.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from foedus.wording import counted, escaped

if TYPE_CHECKING:
    import pandas as pd

    from foedus.outputs.batches import BatchSink

__all__ = ["FORMATS_HELP", "Force", "check_table", "cite_lines", "echo_wrote", "save_table", "saving_batches",
           "table_datasets", "table_meta"]

Force = Annotated[bool, typer.Option("--force", help="Replace an existing output (atomically: the old one stays "
                                                      "whole until the new one is complete).")]
FORMATS_HELP = "Output file: .parquet, .csv or .dta (Stata); refuses an existing file unless --force."


def check_table(out: Path, force: bool) -> None:
    """Refuse a bad format or a taken --out (or its sidecar, `OUT.csv-metadata.json`) before any work (the write
    checks again, exclusively)."""
    from foedus.outputs import check_table_target

    check_table_target(out, force=force, sidecar=True)


def cite_lines(datasets: Iterable[str]) -> list[str]:
    """`cite: ...` lines for the named research datasets (in registry order, no repeats)."""
    from foedus.datasets import cite

    wanted = list(dict.fromkeys(datasets))
    return [f"cite: {text}" for texts in cite(wanted).values() for text in texts] if wanted else []


def echo_wrote(out: Path, what: str, datasets: Iterable[str] = (), notes: Iterable[str] = (),
               sidecar: bool = False, methods: Iterable[str] = ()) -> None:
    """`wrote WHAT to OUT` on stderr (and, with `sidecar`, where a CSV's or Stata file's metadata went); then the
    citations of every dataset used, as a Stata table's notes have them (NMC's alone read as the whole list: a dyad
    panel's lines left out ATOP's authors), then those of the measures it reproduces (`methods`, references in full:
    `foedus depth` cited ATOP alone), the command that prints both (`foedus cite`, --bibtex for BibTeX), and the
    table's `notes` (`note: …`, as its metadata has them)."""
    from foedus.outputs.sidecar import sidecar_path
    from foedus.research.measures import METHODS

    typer.echo(escaped(f"wrote {what} to {out}"), err=True)
    if sidecar and (side := sidecar_path(out)) is not None:
        typer.echo(escaped(f"wrote its metadata (versions, notes, columns) to {side}"), err=True)
    used, measures = list(dict.fromkeys(datasets)), list(methods)
    for line in [*cite_lines(used), *(f"cite: {text}" for text in measures)]:
        typer.echo(line, err=True)
    if used:  # the methods' names too: `foedus cite` knows them
        names = " ".join([*used, *(m.name for m in METHODS.values() if m.text in measures)])
        typer.echo(f"data used: {' '.join(used)}; `foedus cite {names}` says what to cite (--bibtex for BibTeX)",
                   err=True)
    for line in notes:
        typer.echo(f"note: {escaped(line)}", err=True)


def table_datasets(frame: pd.DataFrame | Mapping[str, Any], datasets: Iterable[str]) -> list[str]:
    """The datasets to cite for a table (a frame or its columns): those given, plus COW NMC whenever a column
    carries CINC."""
    found = list(datasets)
    if any("cinc" in str(c).lower() for c in (frame.columns if hasattr(frame, "columns") else frame)):
        found.append("cow_nmc")
    return list(dict.fromkeys(found))


def table_meta(title: str, datasets: Iterable[str], notes: Iterable[str] = (), methods: Iterable[str] = ()
               ) -> dict[str, Any]:
    """An output's metadata (a Parquet file's key `foedus`): its title, foedus's version, the datasets it draws on
    and, for each, its title and version (`dataset_versions`) and what to cite for it (`citations`: the text
    `foedus cite` prints, so that a table shared alone still says how to cite it; and under `methods` the measures it
    reproduces, `methods`), and its notes if any."""
    from foedus._version import __version__
    from foedus.datasets.report import cite, versions

    cited, said = list(datasets), list(notes)
    wanted = list(dict.fromkeys(cited))  # each once; none named is none (`cite([])` gave those present, `versions([])`
    # every dataset's: a `foedus war --out` table, which names none, listed all seven versions)
    texts = {name: list(refs) for name, refs in cite(wanted).items()} if wanted else {}
    if measures := list(methods):  # the measures the table reproduces, cited after its data (a Stata note each)
        texts["methods"] = measures
    return {"title": title, "foedus_version": __version__, "datasets": cited,
            "dataset_versions": versions(wanted) if wanted else {}, "citations": texts,
            **({"notes": said} if said else {})}


def save_table(table: pd.DataFrame | Mapping[str, Any], out: Path, *, force: bool = False,
               datasets: Iterable[str] = (), title: str = "foedus output", notes: Iterable[str] = (),
               codebook: Mapping[str, str] | None = None, methods: Iterable[str] = (), label: str | None = None
               ) -> None:
    """Write a table (.parquet, .csv or .dta) atomically and say so, with the citations it needs (its datasets', then
    the measures' it reproduces, `methods`, under `citations["methods"]`), a Stata file's data label where `label`
    gives one shorter than `title` (its sidecar's `stata_label`; `foedus.outputs.stata.stata_label`) and its `notes`
    (on stderr, and in a Parquet file's metadata or a CSV's or Stata file's sidecar: `foedus.outputs.sidecar`), and
    what its columns mean where `codebook` says (`foedus.research.codebook`). The table is a DataFrame, or numpy
    columns (`foedus.outputs.write_columns`: Parquet without pandas)."""
    from foedus.outputs import write_table
    from foedus.outputs.tables import write_columns
    from foedus.research.codebook import described

    cited = table_datasets(table, datasets)
    said, measures = list(notes), list(methods)
    meta = table_meta(title, cited, said, measures)
    if label is not None and out.suffix.lower() == ".dta":
        meta["stata_label"] = label
    descriptions = described(table.columns if hasattr(table, "columns") else table, codebook or {})
    if isinstance(table, Mapping):
        rows = write_columns(table, out, force=force, meta=meta, sidecar=True, descriptions=descriptions)
    else:
        rows = write_table(table, out, force=force, meta=meta, sidecar=True, descriptions=descriptions)
    echo_wrote(out, counted(rows, "row"), cited, said, sidecar=True, methods=measures)


@contextlib.contextmanager
def saving_batches(out: Path, dtypes: Mapping[str, Any], *, force: bool = False, datasets: Iterable[str] = (),
                   title: str = "foedus output", notes: Iterable[str] = (), codebook: Mapping[str, str] | None = None
                   ) -> Iterator[BatchSink]:
    """`save_table` for a table put batch by batch (`BatchSink.put`); Parquet is written while the caller works."""
    from foedus.outputs.batches import column_batches
    from foedus.research.codebook import described

    cited = table_datasets(dtypes, datasets)
    said = list(notes)
    meta = table_meta(title, cited, said)
    with column_batches(out, dtypes, force=force, meta=meta, sidecar=True,
                        descriptions=described(dtypes, codebook or {})) as sink:
        yield sink
    echo_wrote(out, counted(sink.rows, "row"), cited, said, sidecar=True)
