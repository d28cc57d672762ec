"""What an output's name may be, said before any work: not `-` (standard output, by custom), and a suffix that
names its format in any case (`x.CSV`, `p.PNG`), one rule for every output that is a file. `foedus.outputs`'s
`check_target`, which every output goes through, is the one caller of `refuse_dash`, and calls a table's or a
plot's format check (`output_format`) right after it.
"""

from __future__ import annotations

from pathlib import Path

from foedus.errors import OutputError

__all__ = ["output_format", "refuse_dash"]


def refuse_dash(out: Path) -> None:
    """Refuse `-`, which by custom means standard output: written as a file of that name, the output would be where
    nobody looks. A command whose output is text prints it when no --out is given (`foedus schema` takes `-` so)."""
    if str(out) == "-":
        raise OutputError("cannot write -: '-' (standard output) is not a file this output can go to; give a file "
                          "name")


def output_format(out: Path, suffixes: tuple[str, ...], what: str) -> str:
    """The format `out`'s suffix names, in lower case (`.CSV` is `.csv`, as `.PNG` is `.png`), one of `suffixes`;
    `-` is refused before (`check_target`'s `name`).

    Raises:
        OutputError: a suffix that is none of `suffixes` (in any case); a folder of such a name is said to be one
            (`schema --out outputs` said "unknown schema format ''"), and a name with no suffix to lack one.
    """
    suffix = out.suffix.lower()
    if suffix not in suffixes:
        listed = ", ".join(suffixes[:-1]) + f" or {suffixes[-1]}" if len(suffixes) > 1 else suffixes[0]
        if out.is_dir():  # a folder given for the file: its name's empty suffix is not the problem
            raise OutputError(f"{out} is a folder; the {what} output is a file: give a name ending {listed}")
        if not suffix:  # `--out atlas` (no suffix) or `--out .csv` (a hidden file's name): "unknown format ''" said
            bare = out.name.lower() in suffixes  # neither what was missing nor what to write
            raise OutputError(f"{out}: " + (f"{out.name!r} is only a suffix: give a name before it, such as "
                                           f"{what}{out.name}" if bare else f"no suffix to name the {what} format; "
                                           f"give a name ending {listed}, such as {out.name}{suffixes[0]}"))
        raise OutputError(f"{out}: unknown {what} format {out.suffix!r}; use {listed}")
    return suffix
