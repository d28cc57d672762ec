"""The `foedus` command line: a thin layer that parses options, calls the API and renders.

Every `FoedusError` becomes one line on stderr and exit code 2 (with `--json`, also a JSON
error object on stdout); nothing below this module exits the process.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from foedus.cli.helpers import world_for
from foedus.cli.listing import resolve_format
from foedus.cli.options import (
    AddTreaty,
    FormatOpt,
    JsonOpt,
    OverlayFile,
    SaveOverlay,
    SaveScenario,
    ScenarioFile,
    TreatyFiles,
    WarFile,
)
from foedus.cli.params import with_inputs
from foedus.cli.writing import Force, echo_wrote
from foedus.inputs import LIKELIHOOD, MONTE_CARLO, SCENARIO, WHAT_IF

__all__ = ["app", "app_for", "main"]

app = typer.Typer(
    name="foedus",
    help="Collective-defence treaties as data: who is obligated to join a war, and why.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
treaties_app = typer.Typer(help="List, show and validate treaty files.", no_args_is_help=True)
app.add_typer(treaties_app, name="treaties")

_OUT = "Write to this file (refuses an existing one unless --force)."


@app.command()
@with_inputs(SCENARIO, WHAT_IF, MONTE_CARLO, LIKELIHOOD, defaults={"attacker": None, "target": None, "date": None})
def cascade(  # noqa: PLR0913 - one option per cascade input, and typer's context
    inputs: dict[str, Any],
    ctx: typer.Context,
    treaties: TreatyFiles = None,
    as_json: JsonOpt = False,
    cite: Annotated[bool, typer.Option("--cite", help="Also print the citations of the data used.")] = False,
    honour: Annotated[str | None, typer.Option(
        help="YAML file overriding honour probabilities, or `empirical` for the likelihood model's rates.")] = None,
    likely_model: Annotated[Path | None, typer.Option(
        "--likely-model", help="Coefficients file from `foedus likely fit` (default: the shipped model).")] = None,
    add_treaty: AddTreaty = None,
    overlay: OverlayFile = None,
    save_overlay: SaveOverlay = None,
    fmt: FormatOpt = None,
    scenario: ScenarioFile = None,
    save_scenario: SaveScenario = None,
    war_file: WarFile = None,
) -> None:
    """Who is obligated to join a war that starts with this attack, on which side, and why."""
    from foedus.cli.cascade_cmd import cascade as run
    from foedus.cli.helpers import given_names, option_names

    run(inputs, treaties=treaties, as_json=as_json, cite=cite, honour=honour, likely_model=likely_model,
        add_treaty=add_treaty, overlay=overlay, save_overlay=save_overlay, fmt=fmt, scenario=scenario,
        save_scenario=save_scenario, war_file=war_file,
        options=option_names(ctx),  # for --honour's check: typer's context (public: a `typer.Context` parameter)
        given=given_names(ctx))  # beside --scenario, none may change the question


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
    fmt: FormatOpt = None,
) -> None:
    """List the treaties (optionally only those in force on a date)."""
    from foedus.cli.list_show import print_treaty_list

    print_treaty_list(world_for(treaties), date, str(resolve_format(fmt, as_json)))


@treaties_app.command("show")
def treaties_show(
    treaty_id: Annotated[str, typer.Argument(help="Treaty id, e.g. nato_1949.")],
    treaties: TreatyFiles = None,
    as_json: JsonOpt = False,
) -> None:
    """Show one treaty: dates, members, provisions, sources and invocation history."""
    from foedus.cli.treaty_show import print_treaty

    print_treaty(world_for(treaties), treaty_id, as_json)


@treaties_app.command("validate")
def treaties_validate(
    paths: Annotated[
        list[Path] | None, typer.Argument(help="Treaty YAML files or folders (default: the bundled set).")
    ] = None,
    strict: Annotated[bool, typer.Option("--strict", help="Also reject sources that are bare home pages.")] = False,
) -> None:
    """Check treaty files against the schema and the state and place registries."""
    from foedus.cli.show import validate_files

    validate_files(paths or [], strict)


@app.command()
def states(
    query: Annotated[str | None, typer.Argument(help="Show only the state this name or code resolves to.")] = None,
    date: Annotated[str | None, typer.Option(
        help="Only system members on this date, and the states whose membership the COW dates cannot say "
        "(Palestine; every state before 1816); with a name, the state it names on this date (Congo, Korea).")] = None,
    as_json: JsonOpt = False,
    fmt: FormatOpt = None,
) -> None:
    """List states with COW code, ISO3, name and system-membership dates."""
    from foedus.cli.list_show import print_states

    print_states(query, date, str(resolve_format(fmt, as_json)))


@app.command()
def places(
    regions: Annotated[bool, typer.Option("--regions", help="List the regions instead of places.")] = False,
    homes: Annotated[bool, typer.Option("--homes", help="Include every state's home territory.")] = False,
    date: Annotated[str | None, typer.Option(help="Holders as on this date (default: today's).")] = None,
    as_json: JsonOpt = False,
    fmt: FormatOpt = None,
    sets: Annotated[bool, typer.Option("--sets", help="List the named place sets treaty scopes use, with how sure "
                                       "each one's extent is and what is unsure, instead of places.")] = False,
) -> None:
    """List the gazetteer: places with holder, claimants and regions (or the regions, or the place sets)."""
    if sets:
        from foedus.cli.sets_show import print_sets

        print_sets(str(resolve_format(fmt, as_json)), regions=regions, homes=homes, date=date)
        return
    from foedus.cli.list_show import print_places

    print_places(regions, homes, str(resolve_format(fmt, as_json)), date)
    if not regions:  # the areas refused as a place, which no row lists
        from foedus.model.place_spans import spans_note

        print(spans_note(), file=sys.stderr)


@app.command()
def schema(
    out: Annotated[Path | None, typer.Option(help=_OUT)] = None,
    force: Force = False,
    war: Annotated[bool, typer.Option("--war", help="The schema of a war file instead of a treaty file.")] = False,
) -> None:
    """Print the JSON Schema of a treaty file (or, with --war, of a war file)."""
    if war:
        from foedus.war.schema import WarFile

        text = json.dumps(WarFile.model_json_schema(), indent=2) + "\n"
    else:
        from foedus.model.treaty import Treaty

        text = json.dumps(Treaty.model_json_schema(), indent=2) + "\n"
    if out is None or str(out) == "-":  # text: `-` is standard output, by custom, as where no --out is given
        sys.stdout.write(text)
        return
    from foedus.outputs import check_target, staged_file
    from foedus.outputs.names import output_format

    check_target(out, force=force, name=lambda given: output_format(given, (".json",), "schema"))  # s.csv held JSON
    with staged_file(out, force=force) as tmp:
        tmp.write_text(text, encoding="utf-8")
    echo_wrote(out, "the war-file JSON Schema" if war else "the treaty JSON Schema")


from foedus.cli.data_cmd import cite, data_app  # noqa: E402 - registered last, after the core commands

app.add_typer(data_app, name="data")
app.command()(cite)

from foedus.cli.research_cmd import atop_check, dyads, similarity  # noqa: E402

app.command()(dyads)
app.command()(similarity)
app.command("atop-check")(atop_check)

from foedus.cli.depth_cmd import depth  # noqa: E402

app.command()(depth)

from foedus.cli.batch_cmd import batch  # noqa: E402
from foedus.cli.compare_cmd import compare  # noqa: E402
from foedus.cli.sweep_cmd import atlas, atlas_plot  # noqa: E402

app.command()(compare)
app.command()(batch)
app.command()(atlas)
app.command("atlas-plot")(atlas_plot)

from foedus.cli.serve_cmd import serve  # noqa: E402 - imports FastAPI only when the command runs

app.command()(serve)

from foedus.cli.backtest_cmd import backtest  # noqa: E402 - loads the backtest only when the command runs

app.command()(backtest)

from foedus.cli.war_cmd import war  # noqa: E402 - loads the replay only when the command runs

app.command()(war)

from foedus.cli.likely_cmd import likely_app  # noqa: E402 - loads the model only when a command runs

app.add_typer(likely_app, name="likely")


def _one_line_summaries(group: typer.Typer) -> None:
    """Give each command of `group` and its subgroups, as its summary in the list `--help` prints, its docstring's
    first paragraph on one line: typer's rich help keeps the docstring's line breaks there, breaking it mid-line."""
    import inspect

    for command in group.registered_commands:
        if command.short_help is None and command.callback is not None and command.callback.__doc__:
            first = inspect.cleandoc(command.callback.__doc__).split("\n\n")[0]
            command.short_help = " ".join(first.split())
    for sub in group.registered_groups:
        if sub.typer_instance is not None:
            _one_line_summaries(sub.typer_instance)


_one_line_summaries(app)


def app_for(args: list[str]) -> typer.Typer:
    """`app`, or for `foedus COMMAND ...` the same app holding only COMMAND (lazy subcommands).

    Click builds the options of every command an app holds before it runs one (about 25 ms of a start);
    usage, help and errors of the one command read the same either way. A bare `foedus`, `--help` and
    an unknown name get the whole app, so that they list every command.
    """
    import copy

    from typer.main import get_command_name

    name = args[0] if args else ""
    commands = [c for c in app.registered_commands
                if c.callback is not None and (c.name or get_command_name(c.callback.__name__)) == name]
    groups = [g for g in app.registered_groups if g.name == name]
    if len(commands) + len(groups) != 1:
        return app
    narrow = copy.copy(app)
    narrow.registered_commands, narrow.registered_groups = commands, groups
    narrow.callback()(_no_options)  # a callback keeps it a group: `foedus COMMAND`, not a lone command
    return narrow


def _no_options() -> None:
    """foedus"""


def main(argv: list[str] | None = None) -> None:
    """Console entry point: run the app; any error is one line on stderr and exit code 2 (see `cli.entry`).

    SIGTERM and SIGHUP unwind like Ctrl-C, so an interrupted writer leaves no temporary behind and publishes
    nothing; the process ends through `failures.leave`."""
    from foedus.cli.entry import run_cli
    from foedus.cli.failures import leave
    from foedus.outputs import install_signal_cleanup

    install_signal_cleanup()
    args = sys.argv[1:] if argv is None else argv
    leave(run_cli(app_for(args), args))
