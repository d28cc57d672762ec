"""`foedus atlas --scenario F` and `--save-scenario F`: an atlas's whole question read from, or saved to, a scenario
file of kind `atlas` (`foedus.atlas_scenario`); beside `--scenario`, an option that would change the question is
refused, naming it, as `cascade --scenario` refuses it (`foedus.cli.scenario_cmd`)."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from foedus.model.overlay import Overlay

__all__ = ["check_save_atlas", "question_of_file", "save_atlas"]


def question_of_file(path: Path, ctx: Any, inputs: dict[str, Any]) -> tuple[
        str | None, int | None, int | None, str | None, int | None, int | None, dict[str, Any], Overlay]:
    """The atlas question of the scenario file `path`: its date, first and last years, reading (None: both), draws,
    seed, switches (in `inputs`) and what-if changes; none of the options the line of click context `ctx` gave may
    change it (`read_question`)."""
    from foedus.cli.helpers import given_names
    from foedus.cli.scenario_cmd import read_question
    from foedus.inputs import ATLAS
    from foedus.model.overlay import Overlay

    file = read_question(path, given_names(ctx), "atlas")
    q = file.inputs
    reading = q["readings"][0] if len(set(q["readings"])) == 1 else None
    changes = Overlay(changes=list(file.what_if)) if file.what_if else Overlay.model_construct(changes=[])
    return (q["date"], q["first"], q["last"], reading, q["draws"], q["seed"],
            {**inputs, **{i.name: q[i.name] for i in ATLAS}}, changes)


def check_save_atlas(path: Path, out: Path, save_overlay: Path | None, honour: Path | None, draws: int | None,
                     seed: int | None) -> int | None:
    """Refuse, before any work, a `--save-scenario` path that is taken or not .yaml/.yml, that is the table's or the
    overlay's too, or a run reading an `--honour` file (a scenario file would not carry it); return the seed the
    draws will use, chosen here when none was given, so that the file saves it.

    Raises:
        FoedusError: naming the option.
    """
    from foedus.cli.scenario_cmd import check_save
    from foedus.outputs.own_inputs import refuse_input

    check_save(path, {"honour": honour})
    refuse_input("--save-scenario", path, out, "the scenario file and the table cannot both be written there")
    if save_overlay is not None:  # both written after the run: the second would find it taken
        refuse_input("--save-scenario", path, save_overlay, "the scenario file and the overlay cannot both be "
                     "written there", out_option="--save-overlay")
    if draws is None or seed is not None:
        return seed
    from foedus.engine.fast.montecarlo import new_seed

    return new_seed()


def save_atlas(path: Path | None, switched: dict[str, Any], when: tuple[str | None, int | None, int | None],
               readings: Sequence[str], monte_carlo: tuple[int | None, int | None], changes: Overlay | None,
               datasets: Sequence[str]) -> None:
    """Write the atlas's question to `path` (None: not asked), once its table is written, saying so on stderr:
    `when` is its date (saved as the day read, `today` too) or its first and last years; `changes`: its what-if
    changes, each state by its id."""
    if path is None or changes is None:
        return
    from foedus.atlas_scenario import atlas_file
    from foedus.engine.scenario import parse_date
    from foedus.scenario_io import write_scenario

    date, first, last = when
    asked = {"date": parse_date(date).isoformat()} if date is not None else {"first": first, "last": last}
    draws, seed = monte_carlo
    write_scenario(path, atlas_file(switched, asked, readings, {"draws": draws, "seed": seed}, changes.changes,
                                    datasets))
    sys.stderr.write(f"wrote the scenario to {path}\n")
