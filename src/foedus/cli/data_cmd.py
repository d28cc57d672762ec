"""The `foedus data` commands (fetch, import, status, path) and `foedus cite`: thin wrappers over datasets."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from foedus.wording import counted

if TYPE_CHECKING:
    from foedus.datasets import DatasetStatus, Outcome

__all__ = ["cite", "data_app"]

data_app = typer.Typer(help="Research datasets: fetch, import, status and path.", no_args_is_help=True)

Names = Annotated[list[str] | None, typer.Argument(
    help="Dataset names (default: all but the optional cshapes, fetched only when named).", show_default=False)]
_FORCE = "Replace a present file whose checksum differs (it is never replaced otherwise)."
_BIBTEX = "Print BibTeX entries: foedus itself, then the datasets, then the methods."
_CITED = ("Dataset names (default: those present), or methods references foedus reproduces (leeds_anac_2005, "
          "benson_clinton_2016).")
_ANY = ("Accept another version of a file (matched by name) when it has the columns foedus reads; its size and "
        "SHA-256 are recorded, and later runs refuse it if it changes.")
_SHORT = ("With --any-version, also accept a file that looks like a cut copy of the official one: under half its size, "
          "or shorter and beginning with its first bytes (a subset made on purpose; such a file is otherwise refused).")
_MIRROR = "Fetch the same file names from this base URL instead of the official hosts ($FOEDUS_DATA_MIRROR)."


def _echo_outcomes(outcomes: list[Outcome]) -> None:
    """One line a file; the detail too when it says more than where the file came from (`Outcome`'s flags)."""
    for o in outcomes:
        line = f"{o.action:<10}  {o.path}"
        if o.action == "skipped" or o.other_version or o.chosen_over:
            line += f"  ({o.detail})"
        typer.echo(line)


@data_app.command("fetch")
def fetch_cmd(
    names: Names = None,
    force: Annotated[bool, typer.Option("--force", help=_FORCE)] = False,
    mirror: Annotated[str | None, typer.Option(help=_MIRROR, show_default=False)] = None,
) -> None:
    """Download datasets from their official sources into the data folder, checking every SHA-256."""
    from foedus.datasets import fetch

    _echo_outcomes(fetch(names, force=force, mirror=mirror))


@data_app.command("import")
def import_cmd(
    paths: Annotated[list[Path], typer.Argument(help="Downloaded files: CSVs, zips, or folders of them.")],
    force: Annotated[bool, typer.Option("--force", help=_FORCE)] = False,
    any_version: Annotated[bool, typer.Option("--any-version", help=_ANY)] = False,
    allow_short: Annotated[bool, typer.Option("--allow-short", help=_SHORT)] = False,
) -> None:
    """Copy files you downloaded by hand into the data folder, after checking their SHA-256."""
    from foedus.cli.helpers import refuse_unused
    from foedus.datasets import import_file
    from foedus.datasets.importing import import_source

    refuse_unused("--allow-short", allow_short and not any_version, "without --any-version (the registry's own "
                  "files are checked by their SHA-256)")  # it was taken without a word
    _refuse_twice(paths)
    for path in paths:  # each one there before any is imported: a missing second one left the first imported
        import_source(path)
    for path in paths:
        _echo_outcomes(import_file(path, force=force, any_version=any_version,
                                   allow_short=allow_short))


def _refuse_twice(paths: list[Path]) -> None:
    """Refuse a path given twice (the same file or folder on disk, however written: `foedus.model.files_once`, the
    rule of `--treaties`), before anything is imported: `data import f.csv f.csv` imported it, then said it present.

    Raises:
        ListedTwiceError: the second path, and the first where it is written otherwise.
    """
    from foedus.errors import ListedTwiceError
    from foedus.model.files_once import FilesOnce
    from foedus.written import as_written

    once = FilesOnce(kind="file or folder")
    for path in map(as_written, paths):
        if problem := once.twice(path):  # an unreadable path is left to import_file, which says why
            raise ListedTwiceError(f"{path}: {problem}")


@data_app.command("status")
def status_cmd(
    as_json: Annotated[bool, typer.Option("--json", help="Print one JSON object.")] = False,
) -> None:
    """Show each dataset's version, citation and files: present, other-version, missing, bad-checksum or
    unreadable."""
    from foedus.datasets import status
    from foedus.paths import data_dir

    rows = status()
    if as_json:
        obj = {"data_dir": str(data_dir()), "datasets": [s.to_dict() for s in rows]}
        sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2) + "\n")
    else:
        typer.echo(f"data folder: {data_dir()}")
        for s in rows:
            _echo_status(s)
    _fail_on_damage(rows)


def _fail_on_damage(rows: list[DatasetStatus]) -> None:
    """Exit 2 with one line when any file there fails its check, so a script can tell a damaged data folder
    (missing files are no failure). Stdout keeps the one table or JSON object already printed."""
    said = []
    failed, names = _refused(rows, "bad-checksum")
    if failed:
        files, them = counted(failed, "dataset file"), "it" if failed == 1 else "them"
        said.append(f"{files} failed the check (bad-checksum above, in {names}); `foedus data fetch --force {names}` "
                    f"or `foedus data import PATH` replaces {them}")
    count, names = _refused(rows, "unreadable")
    if count:  # not --force: the file may be right, and only its permissions wrong
        files, its = counted(count, "dataset file"), "its" if count == 1 else "their"
        said.append(f"{files} cannot be read (unreadable above, in {names}, with the reason); fix {its} permissions, "
                    "or what is there when it is not a file: `foedus data fetch --force` is not needed")
    if said:
        typer.echo(f"error: {'; '.join(said)}", err=True)
        raise typer.Exit(2)


def _refused(rows: list[DatasetStatus], state: str) -> tuple[int, str]:
    """How many files are in `state`, and the datasets holding them, space-separated, in the rows' order."""
    per = {s.dataset.name: sum(f.state == state for f in s.files) for s in rows}
    return sum(per.values()), " ".join(name for name, n in per.items() if n)


def _echo_status(s: DatasetStatus) -> None:
    d = s.dataset
    typer.echo(f"\n{d.name} {d.version} — {d.title}: {s.state}")
    for f in s.files:
        extra = "" if f.fetchable else "  (import only)"
        typer.echo(f"  {f.state:<13}  {f.path}{extra}")
        if f.state == "unreadable":
            typer.echo(f"                 {f.reason}")
    for ref in d.citations:
        typer.echo(f"  cite: {ref}")


@data_app.command("path")
def path_cmd() -> None:
    """Print the data folder ($FOEDUS_DATA_DIR, else the per-user data folder)."""
    from foedus.paths import data_dir

    sys.stdout.write(f"{data_dir()}\n")  # not click's echo: under an ASCII output it wrote d\xff as `d?`


def cite(
    names: Annotated[list[str] | None, typer.Argument(help=_CITED, show_default=False)] = None,
    bibtex: Annotated[bool, typer.Option("--bibtex", help=_BIBTEX)] = False,
) -> None:
    """Print what to cite for the research datasets (default: the ones in the data folder) and the published methods
    foedus reproduces (by name: leeds_anac_2005, benson_clinton_2016)."""
    from foedus.datasets import DATASETS
    from foedus.datasets import cite as references
    from foedus.errors import UnknownDatasetError
    from foedus.research.measures import METHODS, split_methods

    datasets, methods = split_methods(list(names or ()))
    try:
        refs = references(datasets) if datasets or not methods else {}
    except UnknownDatasetError as exc:  # the methods are names `cite` takes too
        raise UnknownDatasetError(f"{exc}; methods: {', '.join(METHODS)}") from None
    if bibtex:
        from foedus.datasets.bibtex import bibtex as entries

        typer.echo("\n\n".join([*entries(list(refs)), *(m.bibtex for m in methods)]))
        return
    if not refs and not methods:
        typer.echo("no research datasets in the data folder; name one, e.g. `foedus cite atop`", err=True)
        return
    for i, (name, texts) in enumerate(refs.items()):
        d = DATASETS[name]
        typer.echo(("\n" if i else "") + f"{d.title} ({name} {d.version}):")
        for text in texts:
            typer.echo(f"  {text}")
    for i, m in enumerate(methods, len(refs)):
        typer.echo(("\n" if i else "") + f"{m.title} (method {m.name}, in `foedus depth`):\n  {m.text}")
