"""The `foedus` command line: a thin layer that parses options, calls the API and renders.

Every `FoedusError` becomes one line on stderr and exit code 2 (with `--json`, also a JSON
error object on stdout); nothing below this module exits the process.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer

from foedus.cli.options import (
    MAX_SEED,
    AddMember,
    AddTreaty,
    DropTreaty,
    JsonOpt,
    OverlayFile,
    RemoveMember,
    SaveOverlay,
    SetScope,
    SetStrength,
    TreatyFiles,
    emit_json,
    overlay_flags,
    refuse_unused,
    split,
    world_for,
)
from foedus.errors import FoedusError

__all__ = ["app", "main"]

app = typer.Typer(
    name="foedus",
    help="Collective-defence treaties as data: who is obligated to join a war, and why.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
treaties_app = typer.Typer(help="List, show and validate treaty files.", no_args_is_help=True)
app.add_typer(treaties_app, name="treaties")

_A = "Attacking state(s): ISO3, COW code or name (repeat, or comma-separate)."
_P = "Where the attack hits (default: each target's home territory)."
_K = "territory | forces (the target's forces, public vessels or aircraft at the place)."
_R = "Whether victims ask for request-gated help."
_V = "recognized | claimant reading of contested places."
_U = "How to read ATOP conditions it flags but does not specify (place, conflict, ...): met | unmet."


@app.command()
def cascade(  # noqa: PLR0913
    attacker: Annotated[list[str], typer.Option("--attacker", "-a", help=_A)],
    target: Annotated[list[str], typer.Option("--target", "-t", help="Attacked state(s).")],
    date: Annotated[str, typer.Option("--date", "-d", help="Date of the attack, YYYY-MM-DD.")],
    place: Annotated[str | None, typer.Option(help=_P)] = None,
    target_kind: Annotated[str, typer.Option(help=_K)] = "territory",
    reading: Annotated[str, typer.Option(help="legal | escalatory.")] = "legal",
    request: Annotated[bool, typer.Option("--request/--no-request", help=_R)] = True,
    basis: Annotated[str, typer.Option(help="Membership basis: in-force | signed.")] = "in-force",
    territory_view: Annotated[str, typer.Option(help=_V)] = "recognized",
    unresolved: Annotated[str, typer.Option(help=_U)] = "met",
    treaties: TreatyFiles = None,
    as_json: JsonOpt = False,
    cite: Annotated[bool, typer.Option("--cite", help="Also print the citations of the data used.")] = False,
    draws: Annotated[int | None, typer.Option(help="Monte Carlo draws over whether obligations are honoured.")] = None,
    seed: Annotated[int | None, typer.Option(help="Random seed (same seed, same numbers).", min=0,
                                             max=MAX_SEED)] = None,
    honour: Annotated[Path | None, typer.Option(help="YAML file overriding honour probabilities.")] = None,
    add_member: AddMember = None,
    remove_member: RemoveMember = None,
    drop_treaty: DropTreaty = None,
    add_treaty: AddTreaty = None,
    set_strength: SetStrength = None,
    set_scope: SetScope = None,
    overlay: OverlayFile = None,
    save_overlay: SaveOverlay = None,
) -> None:
    """Who is obligated to join a war that starts with this attack, on which side, and why."""
    from foedus.api import cascade as run

    refuse_unused("--seed", seed is not None and draws is None, "without --draws")
    refuse_unused("--honour", honour is not None and draws is None, "without --draws")
    what_if = overlay_flags(add_member, remove_member, drop_treaty, add_treaty, set_strength, overlay, set_scope)
    if save_overlay is not None:
        from foedus.model.overlay import overlay_from_flags

        overlay_from_flags(what_if).save(save_overlay)
    result = run(
        split(attacker), split(target), date, place=place, target_kind=target_kind,  # type: ignore[arg-type]
        reading=reading, requested=request, basis=basis, territory_view=territory_view,  # type: ignore[arg-type]
        unresolved=unresolved, world=world_for(treaties, what_if),  # type: ignore[arg-type]
        draws=draws, seed=seed, honour=str(honour) if honour else None,
    )
    if as_json:
        emit_json(result.to_dict())
    else:
        from foedus.cli.show import print_result

        print_result(result)
    if cite:
        from foedus.cli.show import print_citations

        print_citations(result.datasets, to_stderr=as_json)


@app.command()
def demo(as_json: JsonOpt = False) -> None:
    """The flagship scenario: Ukraine's forces in Russia's Kursk Oblast, before and after 2024-12-04."""
    from foedus.cli.show import print_demo

    print_demo(as_json)


@treaties_app.command("list")
def treaties_list(
    date: Annotated[str | None, typer.Option(help="Only treaties in force on this date.")] = None,
    treaties: TreatyFiles = None,
    as_json: JsonOpt = False,
) -> None:
    """List the treaties (optionally only those in force on a date)."""
    from foedus.cli.show import print_treaty_list

    print_treaty_list(world_for(treaties), date, as_json)


@treaties_app.command("show")
def treaties_show(
    treaty_id: Annotated[str, typer.Argument(help="Treaty id, e.g. nato_1949.")],
    treaties: TreatyFiles = None,
    as_json: JsonOpt = False,
) -> None:
    """Show one treaty: dates, members, provisions, sources and invocation history."""
    from foedus.cli.show import print_treaty

    print_treaty(world_for(treaties), treaty_id, as_json)


@treaties_app.command("validate")
def treaties_validate(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Treaty YAML files or folders (default: the bundled set).")
    ] = None,
) -> None:
    """Check treaty files against the schema and the state and place registries."""
    from foedus.cli.show import validate_files

    validate_files(paths or [])


@app.command()
def states(
    query: Annotated[str | None, typer.Argument(help="Show only the state this name or code resolves to.")] = None,
    date: Annotated[str | None, typer.Option(help="Only system members on this date.")] = None,
    as_json: JsonOpt = False,
) -> None:
    """List states with COW code, ISO3, name and system-membership dates."""
    from foedus.cli.show import print_states

    print_states(query, date, as_json)


@app.command()
def places(
    regions: Annotated[bool, typer.Option("--regions", help="List the regions instead of places.")] = False,
    homes: Annotated[bool, typer.Option("--homes", help="Include every state's home territory.")] = False,
    as_json: JsonOpt = False,
) -> None:
    """List the gazetteer: places with holder, claimants and regions (or the regions)."""
    from foedus.cli.show import print_places

    print_places(regions, homes, as_json)


@app.command()
def schema(
    out: Annotated[Path | None, typer.Option(help="Write to this file (refuses to overwrite).")] = None,
) -> None:
    """Print the JSON Schema of a treaty file."""
    from foedus.model.treaty import Treaty

    text = json.dumps(Treaty.model_json_schema(), indent=2) + "\n"
    if out is None:
        sys.stdout.write(text)
        return
    if out.exists():
        raise FoedusError(f"{out} already exists; not overwriting it")
    out.write_text(text, encoding="utf-8")


from foedus.cli.data_cmd import cite, data_app  # noqa: E402 - registered last, after the core commands

app.add_typer(data_app, name="data")
app.command()(cite)

from foedus.cli.research_cmd import atop_check, dyads, similarity  # noqa: E402

app.command()(dyads)
app.command()(similarity)
app.command("atop-check")(atop_check)

from foedus.cli.sweep_cmd import atlas, atlas_plot, compare  # noqa: E402

app.command()(compare)
app.command()(atlas)
app.command("atlas-plot")(atlas_plot)

from foedus.cli.serve_cmd import serve  # noqa: E402 - imports FastAPI only when the command runs

app.command()(serve)

from foedus.backtest.command import backtest  # noqa: E402 - loads the backtest only when the command runs

app.command()(backtest)


def main(argv: list[str] | None = None) -> None:
    """Console entry point: run the app; any error is one line on stderr and exit code 2 (see `cli.entry`)."""
    from foedus.cli.entry import run_cli

    raise SystemExit(run_cli(app, sys.argv[1:] if argv is None else argv))
