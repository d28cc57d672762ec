"""`foedus depth`: alliance depth, scope and military institutionalisation as a research table."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from foedus.cli.options import TreatyFiles
from foedus.errors import FoedusError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["depth", "write_new_file", "write_table"]

_FORMATS = (".parquet", ".csv", ".dta")
_LABELS = {
    "treaty": "foedus treaty id (atop_<atopid> for ATOP rows)", "atopid": "ATOP 5.1 alliance id",
    "origin": "atop (ATOP 5.1 codes) or curated (foedus encoding)", "milinst": "Leeds & Anac 2005: 0 low 1 mod 2 high",
    "depth": "latent depth, posterior mean", "scope": "latent scope, posterior mean",
    "depth_all": "depth counting separate agreements (curated only)",
}


def _check_output(out: Path) -> None:
    if out.suffix not in _FORMATS:
        raise FoedusError(f"{out}: unknown output format {out.suffix!r}; use .parquet, .csv or .dta")
    if out.exists():
        raise FoedusError(f"{out} already exists; not overwriting it")


def write_new_file(out: Path, write: Any) -> None:
    """Call `write(tmp)` on a unique temporary file beside `out`, then move it to `out` only if `out` is free.

    Never overwrites: the final step is a hard link (fails if `out` exists), or where links are not
    available, an exclusive create of `out` followed by a rename onto it.
    """
    try:
        fd, name = tempfile.mkstemp(dir=out.parent, prefix=f".{out.name}.", suffix=".part")
    except OSError as exc:
        raise FoedusError(f"cannot write {out}: {exc.strerror or exc}") from None
    os.close(fd)
    tmp = Path(name)
    try:
        mask = os.umask(0)
        os.umask(mask)
        tmp.chmod(0o666 & ~mask)  # mkstemp makes it private; the result gets the usual permissions
        write(tmp)
        try:
            os.link(tmp, out)
        except FileExistsError:
            raise FoedusError(f"{out} already exists; not overwriting it") from None
        except OSError:
            os.close(os.open(out, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
            os.replace(tmp, out)
    except FileExistsError:
        raise FoedusError(f"{out} already exists; not overwriting it") from None
    except OSError as exc:
        raise FoedusError(f"cannot write {out}: {exc.strerror or exc}") from None
    finally:
        tmp.unlink(missing_ok=True)


def _for_stata(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.copy()
    for column in out.columns:
        if str(out[column].dtype) == "Int64":
            out[column] = out[column].astype("float64")
    return out


def write_table(frame: pd.DataFrame, out: Path) -> None:
    """Write a table as .parquet, .csv or .dta (Stata 118), atomically and never over an existing file."""
    _check_output(out)

    def write(tmp: Path) -> None:
        if out.suffix == ".parquet":
            frame.to_parquet(tmp, index=False)
        elif out.suffix == ".csv":
            frame.to_csv(tmp, index=False)
        else:
            labels = {k: v for k, v in _LABELS.items() if k in frame.columns}
            _for_stata(frame).to_stata(tmp, write_index=False, version=118, variable_labels=labels)

    write_new_file(out, write)


def _compact(text: str) -> str:
    """JSON with each innermost list of numbers on one line."""
    import re

    return re.sub(r"\[\s+([-\d.,\se]+?)\s+\]", lambda m: "[" + " ".join(m.group(1).split()) + "]", text)


def depth(
    out: Annotated[Path, typer.Option(help="Output file: .parquet, .csv or .dta (refuses to overwrite).")],
    level: Annotated[float, typer.Option(help="Width of the posterior interval (depth_lo, depth_hi).")] = 0.9,
    refit: Annotated[bool, typer.Option("--refit", help="Refit the item parameters on ATOP 5.1 first.")] = False,
    draws: Annotated[int, typer.Option(help="--refit: bootstrap draws of the item parameters.")] = 50,
    seed: Annotated[int, typer.Option(help="--refit: random seed of the bootstrap.")] = 2024,
    save_params: Annotated[Path | None, typer.Option(help="--refit: also save the parameters (JSON).")] = None,
    params: Annotated[Path | None, typer.Option(help="Use item parameters saved by --save-params.")] = None,
    treaties: TreatyFiles = None,
) -> None:
    """One row per ATOP 1815–2018 alliance and curated treaty: milinst, depth and scope with intervals, items."""
    from foedus.cli.options import world_for
    from foedus.cli.research_cmd import working
    from foedus.research.depth import DepthModel, atop_rows_for_fit, depth_table, fit_params

    _check_output(out)
    if not 0.5 <= level < 1:
        raise FoedusError(f"--level {level}: use a width from 0.5 to 0.99")
    if not 0 <= draws <= 1000:
        raise FoedusError(f"--draws {draws}: use 0 to 1000")
    if save_params is not None and not refit:
        raise FoedusError("--save-params needs --refit")
    rows, sha = atop_rows_for_fit()
    if refit:
        with working(f"fitting depth and scope on {len(rows)} ATOP alliances"):
            payload = fit_params(rows, draws=draws, seed=seed, sha256=sha)
        if save_params is not None:
            if save_params.exists():
                raise FoedusError(f"{save_params} already exists; not overwriting it")
            text = _compact(json.dumps(payload, indent=1)) + "\n"
            write_new_file(save_params, lambda tmp: tmp.write_text(text, encoding="utf-8"))
        model = DepthModel(payload)
    else:
        model = DepthModel.from_file(params) if params else DepthModel.bundled()
        if model.data.get("sha256") and model.data["sha256"] != sha:
            typer.echo(f"note: the item parameters were fitted on another copy of {model.data['file']} "
                       f"(SHA-256 {model.data['sha256'][:12]}…); use --refit to fit on this one", err=True)
    with working("scoring alliances"):
        frame = depth_table(world_for(treaties), model, level)
    write_table(frame, out)
    counts = frame["origin"].value_counts()
    typer.echo(f"wrote {len(frame):,} rows ({counts.get('atop', 0)} ATOP alliances, "
               f"{counts.get('curated', 0)} curated treaties) to {out}", err=True)
