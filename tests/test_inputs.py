"""Each input is declared once (`foedus.inputs`): every command that takes it offers it with the declared flags,
help and choices, and a value outside the choices is refused the same way everywhere."""

from __future__ import annotations

from typing import Any

import pytest
import typer

from foedus.cli.app import app
from foedus.errors import ScenarioError
from foedus.inputs import SCENARIO, WAR, Input
from foedus.war.replay import settings_of


def _options(command: str) -> dict[str, Any]:
    group: Any = typer.main.get_command(app)  # typer's own (vendored) click group
    found = group.commands[command]
    return {p.name: p for p in found.params if p.name}


@pytest.mark.parametrize(("command", "declared"), [("cascade", SCENARIO), ("war", WAR)])
def test_commands_offer_the_declared_inputs(command: str, declared: tuple[Input, ...]) -> None:
    options = _options(command)
    for inp in declared:
        assert inp.name in options, f"{command} lacks --{inp.name}"
        param = options[inp.name]
        assert param.param_type_name == "option"
        flags = {f for flag in inp.cli_flags for f in flag.split("/")}
        assert flags <= {*param.opts, *param.secondary_opts}
        assert param.help == inp.full_help


def test_war_settings_are_checked_against_the_declared_choices() -> None:
    reading = next(i for i in WAR if i.name == "reading")
    with pytest.raises(ScenarioError, match="unknown reading 'wild': choose one of " + ", ".join(reading.choices)):
        settings_of(reading="wild")
    assert settings_of(basis="signed", unresolved="unmet").basis == "signed"
