"""The body of `foedus cascade`, apart from its typer options: `foedus.cli.app` runs it after typer parses the
command line, and `foedus.cli.fast` runs it without typer when the line is one it reads the same way."""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import Any

from foedus.cli.helpers import WHAT_IF_NAMES, path_problem, refuse_unused, what_if, world_for
from foedus.cli.listing import resolve_format
from foedus.cli.show import print_citations, print_result
from foedus.cli.show_as import print_result_as
from foedus.run import run_scenario  # imported with the module: the fast reader imports it with the collector off

__all__ = ["bundled_only", "cascade", "check_honour"]


def bundled_only(inputs: dict[str, Any], own: dict[str, Any]) -> bool:
    """Whether a line reads only the bundled world: no treaty files, overlays, what-if changes or scenario files of
    its own (the fast reader then runs it on runtime records, `foedus.model.records`)."""
    files = own.get("treaties") or own.get("scenario") or own.get("save_scenario")
    return not (files or _what_if_asked(inputs, own.get("overlay"), own.get("add_treaty"), own.get("save_overlay")))


def _what_if_asked(inputs: dict[str, Any], overlay: object, add_treaty: object, save_overlay: object) -> bool:
    """Whether the line changes the world: overlays, added treaties, a saved overlay or a what-if option."""
    return bool(overlay or add_treaty or save_overlay is not None or any(inputs.get(n) for n in WHAT_IF_NAMES))


def check_honour(honour: str | None, options: Collection[str]) -> None:
    """Refuse an `--honour` that names no file, as every path option's value is (`path_problem`; it is a text
    option, as it takes `empirical`): `--honour=`, `--honour -t` (`options`: the command's option names, which the
    typer command hands the body from its click context; the fast start hands it no value that starts with `-`).

    Raises:
        FoedusError: the value is empty, blank or an option's name.
    """
    if honour is not None and (problem := path_problem(honour, options)):
        from foedus.errors import FoedusError

        hint = "" if honour.strip() else "; give a YAML file of honour rates, or `empirical`"
        raise FoedusError(f"Invalid value for '--honour': {problem}{hint}")


def cascade(  # noqa: PLR0913 - one per typer option, and the command's option names
        inputs: dict[str, Any], *, treaties: list[Path] | None, as_json: bool, cite: bool, honour: str | None,
        likely_model: Path | None, add_treaty: list[Path] | None, overlay: list[Path] | None,
        save_overlay: Path | None, fmt: str | None, scenario: Path | None, save_scenario: Path | None,
        war_file: Path | None, options: Collection[str] = (), given: Collection[str] = ()) -> None:
    """Who is obligated to join a war that starts with this attack, on which side, and why. `options`: the
    command's option names for `check_honour`, which runs here once, whichever reads the line (the typer
    command hands them; the fast start, which reads no option's name as a value, none). `war_file`: a war file of
    the user's, read beside the bundled wars for the war note (`foedus.war.own_file`). `given`: the names of the
    options the line gave (both readers hand them), none of which may change a `scenario` file's question."""
    from foedus.cli.overlay_save import check_overlay_changes, check_overlay_target, write_overlay
    from foedus.cli.scenario_cmd import check_save, question, save_question

    inputs, honour, saved = question(inputs, honour, scenario, given)  # a --scenario file's, in place of the line's
    check_honour(honour, options)
    # the model file feeds --likelihood and --honour empirical only; anywhere else it would go unread, unchecked
    refuse_unused("--likely-model", likely_model is not None and not inputs.get("likelihood") and honour != "empirical",
                  "without --likelihood or --honour empirical")
    shape = resolve_format(fmt, as_json, default=None)
    if shape in ("csv", "table"):  # rows of findings: what these add would be worked out and dropped
        rows = "the belligerents" if shape == "table" else "the parties and the findings"
        for name in ("draws", "likelihood", "ongoing_since"):
            refuse_unused(f"--{name.replace('_', '-')}", inputs.get(name) not in (None, False), f"with --format "
                          f"{shape} (it lists {rows} only: the explained output, or --json, shows it, and "
                          "`foedus batch` writes it as columns of a table)")
    asked = _what_if_asked(inputs, overlay, add_treaty, save_overlay)
    check_overlay_target(save_overlay)  # a taken name is refused before any work, as every other output is
    check_save(save_scenario, {"treaties": treaties, "honour": honour, "likely_model": likely_model,
                               "war_file": war_file})
    if save_scenario is not None and save_overlay is not None:  # both written after the run: the second found taken
        from foedus.outputs.own_inputs import refuse_input

        refuse_input("--save-scenario", save_scenario, save_overlay, "the scenario file and the overlay cannot both "
                     "be written there", out_option="--save-overlay")
    changes = saved or (what_if(inputs, add_treaty, overlay) if asked else None)  # beside --scenario, no other
    check_overlay_changes(save_overlay, changes)  # before the run, as the name was: none, or one that would not read
    declared = {k: v for k, v in inputs.items() if k not in ("attacker", "target", "date", *WHAT_IF_NAMES)}
    world = world_for(treaties)
    result = run_scenario(inputs["attacker"], inputs["target"], inputs["date"], world, changes, honour, likely_model,
                          declared, war_file=war_file)
    write_overlay(save_overlay, changes, world, result.scenario.date)  # once the run has applied (checked) it
    save_question(save_scenario, inputs, changes, honour, result, world)
    if shape is None:
        print_result(result)
        if result.ongoing is not None:
            from foedus.war.render import print_ongoing

            print_ongoing(result.ongoing, result.names, result.titles)
        if result.likelihood is not None:
            from foedus.cli.likely_show import print_likelihood

            print_likelihood(result.likelihood, result.scenario.attackers, result.scenario.targets)
    else:
        print_result_as(result, shape)
    if cite:
        print_citations(result.datasets, to_stderr=shape is not None)
