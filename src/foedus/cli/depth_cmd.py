"""`foedus depth`: alliance depth, scope and military institutionalisation as a research table."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from foedus.cli.helpers import refuse_unused
from foedus.cli.options import TreatyFiles
from foedus.cli.writing import FORMATS_HELP, Force, check_table, save_table
from foedus.errors import UNDRAWN_PARAMETERS, FoedusError, escaped, out_of_range
from foedus.inputs import MAX_SEED

if TYPE_CHECKING:
    from foedus.research.depth import DepthModel

__all__ = ["REFIT_DRAWS", "REFIT_SEED", "depth"]

REFIT_DRAWS = 50  # the refit's bootstrap draws and seed when --refit is given without them
REFIT_SEED = 2024


def _compact(text: str) -> str:
    """JSON with each innermost list of numbers on one line."""
    import re

    return re.sub(r"\[\s+([-\d.,\se]+?)\s+\]", lambda m: "[" + " ".join(m.group(1).split()) + "]", text)


def depth(
    out: Annotated[Path, typer.Option(help=FORMATS_HELP)],
    level: Annotated[float, typer.Option(help="Width of the posterior interval (depth_lo, depth_hi).")] = 0.9,
    refit: Annotated[bool, typer.Option("--refit", help="Refit the item parameters on ATOP 5.1 first.")] = False,
    draws: Annotated[int | None, typer.Option(help="--refit only: bootstrap draws of the item parameters "
                                                  f"(default {REFIT_DRAWS}).")] = None,
    seed: Annotated[int | None, typer.Option(help=f"--refit only: random seed of the bootstrap (default {REFIT_SEED}).",
                                             min=0, max=MAX_SEED)] = None,
    save_params: Annotated[Path | None, typer.Option(help="--refit only: also save the parameters (JSON).")] = None,
    params: Annotated[Path | None, typer.Option(help="Use item parameters saved by --save-params (not with "
                                                     "--refit).")] = None,
    treaties: TreatyFiles = None,
    year: Annotated[int | None, typer.Option("--year", help="Only the alliances in force that year, a curated "
                                             "treaty scored on the forms of help it held then.")] = None,
    force: Force = False,
) -> None:
    """One row per ATOP 1815–2018 alliance and curated treaty: milinst, depth and scope with intervals, items."""
    from foedus.cli.helpers import world_for
    from foedus.cli.progress import working
    from foedus.research.depth import MAX_DRAWS, DepthModel, atop_rows_for_fit, depth_table, fit_params
    from foedus.research.irt import check_level

    check_table(out, force)
    check_level(level, "--level")  # as the Python API checks it
    if year is not None:  # before any work, in the words of every research table's years
        from foedus.research.years import check_years

        check_years(year, year, ("--year", "--year"))
    # the refit's own options would go unread without it, and saved parameters unread with it
    refuse_unused("--draws", draws is not None and not refit, "without --refit (it sets the refit's bootstrap)")
    refuse_unused("--seed", seed is not None and not refit, "without --refit (it seeds the refit's bootstrap)")
    refuse_unused("--params", params is not None and refit, "with --refit (the refit makes new parameters)")
    draws = REFIT_DRAWS if draws is None else draws
    seed = REFIT_SEED if seed is None else seed
    if not 0 <= draws <= MAX_DRAWS:
        raise FoedusError(out_of_range("--draws", 0, MAX_DRAWS, draws))
    if save_params is not None and not refit:
        raise FoedusError("--save-params needs --refit")
    from foedus.outputs.own_inputs import refuse_input

    refuse_input("--save-params", save_params, out, "the table would replace the parameters just saved")
    refuse_input("--params", params, out, "the table would replace the parameters it is scored with")
    for path in treaties or ():
        refuse_input("--treaties", path, out, "the table would replace the treaty file it reads")
    if save_params is not None:  # before the refit, not after it
        from foedus.outputs import check_target
        from foedus.outputs.names import output_format

        check_target(save_params, how="choose another file name",
                     name=lambda given: output_format(given, (".json",), "parameters"))  # p.csv held JSON
    rows, sha = atop_rows_for_fit()
    if refit:
        with working(f"fitting depth and scope on {len(rows)} ATOP alliances"):
            payload = fit_params(rows, draws=draws, seed=seed, sha256=sha)
        if save_params is not None:
            from foedus.outputs import staged_file

            text = _compact(json.dumps(payload, indent=1)) + "\n"
            with staged_file(save_params, how="choose another file name") as tmp:
                tmp.write_text(text, encoding="utf-8")
        model = DepthModel(payload)
    else:
        model = DepthModel.from_file(params) if params else DepthModel.bundled()
        if model.data.get("sha256") and model.data["sha256"] != sha:
            typer.echo(escaped(f"note: the item parameters were fitted on another copy of {model.data['file']} "
                               f"(SHA-256 {model.data['sha256'][:12]}…); use --refit to fit on this one"), err=True)
    with working("scoring alliances"):
        frame = depth_table(world_for(treaties), model, level, year=year)
    counts = frame["origin"].value_counts()
    typer.echo(f"{counts.get('atop', 0)} ATOP alliances, {counts.get('curated', 0)} curated treaties", err=True)
    from foedus.research.codebook import DEPTH_COLUMNS
    from foedus.research.depth import by_year_note
    from foedus.research.measures import DEPTH_MEASURES

    title = "foedus alliance depth and institutionalisation" + (f" in {year}" if year is not None else "")
    save_table(frame, out, force=force, datasets=["atop"], title=title,
               notes=[*_undrawn(model), *([by_year_note(year)] if year is not None else [])], codebook=DEPTH_COLUMNS,
               methods=DEPTH_MEASURES)


def _undrawn(model: DepthModel) -> list[str]:
    """The table's note when its item parameters have no bootstrap draws (`--refit --draws 0`, or a file saved by
    one): its intervals are then about each alliance only, and would be taken for ones that carry the parameters'
    uncertainty too (docs/depth.md), as a table scored with draws has."""
    if not model.draws or any(len(sets) > 1 for sets in model.draws.values()):  # the estimate, then each draw
        return []
    return [UNDRAWN_PARAMETERS]
