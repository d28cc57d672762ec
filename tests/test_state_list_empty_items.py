"""An empty item in a list a user gives (`-a RUS -a ''`, `-a 'RUS,'`, a script's `-a "RUS,$X"` with X unset,
`foedus.cascade(["RUS", ""], …)`, `?attacker=RUS&attacker=`) is refused in one line naming the option and the
item, in the command line, the Python API and the web API alike. It was dropped without a word: the list ran as
a shorter one (RUS alone), a wrong answer given as right."""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

import foedus
from foedus.cli.fast import parse
from foedus.errors import FoedusError
from foedus.model.world import World
from foedus.research.peacesciencer import parse_covariates
from foedus.state_lists import resolve_states
from samples import error_line

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

SCENARIO = ["-d", "2025-06-01"]
ADVICE = "give each state once, comma-separated"


@pytest.mark.parametrize(("args", "problem"), [
    (["-a", "RUS", "-a", "", "-t", "EST"], "--attacker: the 2nd value is empty ('')"),
    (["-a", "RUS,", "-t", "EST"], "--attacker: the 2nd value is empty ('RUS,')"),
    (["--attacker=RUS,EST", "-a", ",LTU", "-t", "POL"], "--attacker: the 3rd value is empty (',LTU')"),
    (["-a", "RUS, ,BLR", "-t", "EST"], "--attacker: the 2nd value is blank ('RUS, ,BLR')"),
    (["-a", " ", "-t", "EST"], "--attacker: the 1st value is blank (' ')"),
    (["-a", "RUS", "-t", "EST,"], "--target: the 2nd value is empty ('EST,')"),
])
def test_the_command_line_refuses_an_empty_item_naming_the_option(args: list[str], problem: str) -> None:
    argv = ["cascade", *args, *SCENARIO]
    assert parse(argv) is None  # the fast reader leaves the line to typer, whose command reports it
    assert error_line(argv) == f"{problem}; {ADVICE}"


def test_a_script_s_unset_variable_is_not_a_shorter_list() -> None:
    """`foedus cascade -a "RUS,$X"` with X unset, through the console's start: it ran RUS alone."""
    env = {k: v for k, v in os.environ.items() if k != "X"}
    proc = subprocess.run(["sh", "-c", f'"{sys.executable}" -m foedus cascade -a "RUS,$X" -t EST -d 2025-06-01'],
                          capture_output=True, text=True, env=env, timeout=120)
    assert (proc.returncode, proc.stdout) == (2, "")
    assert proc.stderr == f"error: --attacker: the 2nd value is empty ('RUS,'); {ADVICE}\n"


@pytest.mark.parametrize(("attacker", "target", "problem"), [
    (["RUS", ""], "EST", "attacker: the 2nd value is empty ('')"),
    ("RUS,", "EST", "attacker: the 2nd value is empty ('RUS,')"),
    (("RUS", " "), "EST", "attacker: the 2nd value is blank (' ')"),
    ("RUS", ["EST", "LTU,,LVA"], "target: the 3rd value is empty ('LTU,,LVA')"),
])
def test_the_python_api_refuses_an_empty_item(attacker: object, target: object, problem: str) -> None:
    with pytest.raises(FoedusError) as err:
        foedus.cascade(attacker, target, "2025-06-01")  # type: ignore[arg-type]
    assert str(err.value) == f"{problem}; {ADVICE}"


def test_compare_s_against_list_refuses_an_empty_item() -> None:
    with pytest.raises(FoedusError, match=r"^--against: the 2nd value is empty \('RUS,'\)"):
        resolve_states(World.default(), ["RUS,"], datetime.date(2025, 6, 1), "--against")


def test_dyads_add_refuses_an_empty_covariate() -> None:
    for given, problem in ((["cinc,"], "the 2nd value is empty ('cinc,')"),
                           (["cinc", " "], "the 2nd value is blank (' ')")):
        with pytest.raises(FoedusError) as err:
            parse_covariates(given)
        assert str(err.value) == f"--add: {problem}; give each covariate once, comma-separated"


@pytest.mark.parametrize(("query", "problem"), [
    ("attacker=RUS&attacker=&target=EST", "attacker: the 2nd value is empty ('')"),
    ("attacker=RUS,&target=EST", "attacker: the 2nd value is empty ('RUS,')"),
    ("attacker=RUS&target=EST,%20", "target: the 2nd value is blank ('EST, ')"),
])
def test_the_web_api_refuses_an_empty_item_in_the_python_apis_words(api_client: TestClient, query: str,
                                                                    problem: str) -> None:
    for path in ("/api/cascade", "/api/compare"):
        extra = "&drop_treaty=nato_1949" if path == "/api/compare" else ""
        response = api_client.get(f"{path}?{query}&date=2025-06-01{extra}")
        assert response.status_code == 422, response.text
        assert response.json()["error"] == f"{problem}; {ADVICE}"
