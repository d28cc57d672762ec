"""`foedus compare`: one scenario, or every ordered dyad, in two worlds (two dates, or a base world and a what-if),
its options read and checked here before any work; a scenario's comparison saved to, or rerun from, a scenario file
of kind `comparison` (`--save-scenario`, `--scenario`: `foedus.cli.scenario_cmd`). The running and writing is
`foedus.cli.sweep_run`'s."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from foedus.cli.compare_out import COMPARE_OUT_HELP
from foedus.cli.helpers import refuse_unused
from foedus.cli.options import AddTreaty, OverlayFile
from foedus.cli.params import with_inputs
from foedus.cli.progress import steps
from foedus.cli.sweep_cmd import atlas_switches, readings
from foedus.cli.writing import Force
from foedus.errors import FoedusError
from foedus.inputs import SCENARIO, WHAT_IF
from foedus.wording import escaped

if TYPE_CHECKING:
    from foedus.model.overlay import Overlay

__all__ = ["compare"]


@with_inputs(SCENARIO, WHAT_IF, defaults={"attacker": None, "target": None, "date": None, "reading": None})
def compare(  # noqa: PLR0913 - one per typer option, and typer's context
    inputs: dict[str, Any],
    ctx: typer.Context,
    date2: Annotated[str | None, typer.Option("--date2", help="Date of the other world (default: --date).")] = None,
    atlas: Annotated[bool, typer.Option("--atlas", help="Compare every ordered dyad, not one scenario.")] = False,
    watch: Annotated[str | None, typer.Option(help="Atlas: count dyads putting this state ...")] = None,
    against: Annotated[list[str] | None, typer.Option(help="... and any of these on opposite sides.")] = None,
    add_treaty: AddTreaty = None,
    overlay: OverlayFile = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the comparison as one JSON object (a scenario: what "
                                          "changed, then both results in full).")] = False,
    fmt: Annotated[str | None, typer.Option("--format", help="table | csv | json (a scenario: table and csv give one "
                                            "row per state gained, lost, switched or rebased, and one per state "
                                            "newly bound both ways or no longer so; json is --json).")]
    = None,
    out: Annotated[Path | None, typer.Option(help=COMPARE_OUT_HELP)] = None,
    force: Force = False,
    scenario: Annotated[Path | None, typer.Option("--scenario", help="Compare the question a scenario file of kind "
                                                  "comparison holds (from compare --save-scenario); other options "
                                                  "that change it are refused.")] = None,
    save_scenario: Annotated[Path | None, typer.Option("--save-scenario", help="Save the comparison's whole question "
                                                       "(states, dates, switches, what-if changes) as a scenario YAML "
                                                       "file (kind: comparison; one scenario, not --atlas).")] = None,
) -> None:
    """The same scenario (or the whole atlas) in two worlds: two dates, or a base world and a what-if.

    Without --reading, --atlas compares both readings (a scenario: the legal reading)."""
    from foedus.cli.compare_out import check_compare_out
    from foedus.cli.helpers import given_names, what_if
    from foedus.cli.listing import resolve_format
    from foedus.cli.sweep_run import compare_scenario, emit, print_atlas
    from foedus.engine.ongoing_days import parse_since
    from foedus.engine.scenario import parse_date
    from foedus.model.world import World
    from foedus.state_lists import resolve_states
    from foedus.written import as_written

    inputs, date2, saved = _question(inputs, date2, scenario, given_names(ctx))  # a --scenario file's, or the line's
    if save_scenario is not None and atlas:  # no file kind holds an atlas comparison: say what to save instead
        from foedus.sweeps.compare_words import ATLAS_NOT_SAVED

        refuse_unused("--save-scenario", True, ATLAS_NOT_SAVED)
    refuse_unused("--watch", watch is not None and not atlas, "without --atlas")
    refuse_unused("--against", bool(against) and (not atlas or watch is None), "without --atlas and --watch")
    for name in ("attacker", "target", "place"):
        refuse_unused(f"--{name}", bool(inputs[name]) and atlas, "with --atlas (it compares every ordered dyad)")
    shape = resolve_format(fmt, as_json, default=None)
    if save_scenario is not None and out is not None:  # both written after the work: the second would find it taken
        from foedus.outputs.own_inputs import refuse_input

        refuse_input("--save-scenario", save_scenario, out, "the scenario file and the table cannot both be written "
                     "there")
    check_compare_out(out, force, shape, atlas, {"--overlay": overlay or [], "--add-treaty": add_treaty or [],
                                                 "--scenario": [scenario] if scenario else []}, as_json)
    if save_scenario is not None:  # a taken name, before any work
        from foedus.scenario_io import check_scenario_target

        check_scenario_target(save_scenario)
    base_day = parse_date(inputs["date"])
    other_day = parse_since(date2, parse_date, "--date2") or base_day  # a bad one said to be --date2's, not --date's
    changes = saved if saved is not None else what_if(inputs, add_treaty, overlay)
    base = World.default()
    other = changes.apply(base, other_day) if changes.changes else base  # names read on the day it is run
    if not changes.changes and other_day == base_day:  # --date2 given as --date is no other date either
        if scenario is not None:  # a file edited by hand: it holds no other world
            raise FoedusError(f"{as_written(scenario)}: nothing to compare: give it a date2 other than its date, or "
                              "a what-if change under what_if")
        same = f" (--date2 {other_day} is --date)" if date2 is not None else ""
        raise FoedusError(f"nothing to compare{same}: give a --date2 other than --date, or a what-if change "
                          "(--drop-treaty, --add-member, …)")
    if atlas:
        switched = atlas_switches(inputs)
        from foedus.model.overlay_dated import later_notes
        from foedus.sweeps.atlas import AtlasOptions, dated_coverage, need_members, tripwire_notes
        from foedus.sweeps.compare import check_watch, compare_atlas

        # names mean the states of the base date, as a scenario's do; --against is a list (repeated, or commas):
        # `--against ""` or `--against ,` is refused as an empty item (`foedus.declare.split_values`)
        who = [state.id for state in resolve_states(base, against, base_day, "--against")]
        watched = base.state_named(watch, base_day).id if watch is not None else None  # "" is refused, not unset
        check_watch(watched, who, ("--watch", "--against"))  # before the atlases: a count that cannot be made
        need_members(base, base_day)
        need_members(other, other_day)
        # both worlds read the same data folder: refused for the earlier date, carried to the later
        notes = dated_coverage(base, min(base_day, other_day), max(base_day, other_day)).notes
        from foedus.cli.sweep_run import atlas_war_notes

        for world, day, label in ((base, base_day, "base"), (other, other_day, "other")):  # each one's dyads at war
            notes = (*notes, *atlas_war_notes(world, day, readings(inputs["reading"]), switched, f"the {label} atlas"))
        notes = (*notes, *later_notes(changes.changes, other_day, other, switched["basis"], base))  # the atlas's
        opts = AtlasOptions(readings=readings(inputs["reading"]), requested=switched["requested"],
                            unresolved_met=switched["unresolved"] == "met", severity=switched["severity"],
                            basis=switched["basis"], decisions=switched["decisions"],
                            non_military=switched["non_military"])
        notes = (*notes, *tripwire_notes(base, max(base_day, other_day), opts.readings, "tripwire_dyads"))
        with steps("comparing every ordered dyad: atlases", 2 * len(opts.readings)) as done:
            report = compare_atlas(base, base_day, other, other_day, opts, watched, who, done)
        from foedus.code_words import settings_said
        from foedus.model.overlay_set import summary

        report["what_if"] = [summary(c) for c in changes.changes]  # as a scenario's comparison and its rows say them
        report["switches_said"] = settings_said(opts.switches(base_day))  # as a scenario's comparison says them
        report["notes"] = list(notes)
        emit(report) if shape == "json" else print_atlas(report)
        for line in notes:
            typer.echo(f"note: {escaped(line)}", err=True)
        return
    if not inputs["attacker"] or not inputs["target"]:
        raise FoedusError("give --attacker and --target for a scenario, or --atlas for every dyad")
    a, b = compare_scenario(base, other, base_day, other_day, inputs, changes, shape, out, force)
    if save_scenario is not None:
        from foedus.scenario_io import comparison_of, write_scenario

        write_scenario(save_scenario, comparison_of(inputs, changes.changes, a, b, base))
        typer.echo(f"wrote the scenario to {save_scenario}", err=True)


def _question(inputs: dict[str, Any], date2: str | None, path: Path | None, given: Collection[str]
              ) -> tuple[dict[str, Any], str | None, Overlay | None]:
    """The comparison's inputs, other date and what-if changes from the scenario file `path` of kind `comparison`
    (`read_question`: none of the options `given` may change its question), or, with none, the line's (`inputs`,
    `date2`, no changes yet), its date given (`missing_question`)."""
    from foedus.cli.scenario_cmd import missing_question, read_question

    if path is None:
        missing_question(inputs, ("date",), "compare")
        return inputs, date2, None
    from foedus.model.overlay import Overlay
    from foedus.model.scenario_file import COMPARISON

    loaded = dict((file := read_question(path, given, COMPARISON)).inputs)
    changes = Overlay(changes=list(file.what_if)) if file.what_if else Overlay.model_construct(changes=[])
    return {**inputs, **loaded}, loaded.pop("date2"), changes
