"""A number given outside its bounds is refused in one wording, whoever checks it: `--draws must be between 1 and
10,000,000 (got 0)` (`foedus.wording.out_of_range`). The options typer bounds (`min=`, `max=`: cascade's `--draws` and
`--seed`, atlas's `--workers`, serve's `--job-timeout` ...) were refused in typer's words, naming only the bound crossed
("Invalid value for '--seed': must be greater than or equal to 0 (got '-1')"), where the options checked by hand
(`sweep_run`'s `--draws`) and `foedus.cascade` named both; the web API said pydantic's ("draws must be greater than or
equal to 1"), and `serve --port` a wording of its own ("port 70000 is not between 1 and 65535 ...")."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from foedus.cli.sweep_cmd import MAX_WORKERS
from foedus.inputs import MAX_SEED
from samples import cli_line
from test_input_messages import CASCADE, _error_line

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

SEEDS = f"between 0 and {MAX_SEED:,}"


@pytest.mark.parametrize(("args", "message"), [
    ([*CASCADE, "--draws", "0"], "--draws must be between 1 and 10,000,000 (got 0)"),
    ([*CASCADE, "--draws", "10000001"], "--draws must be between 1 and 10,000,000 (got 10000001)"),
    ([*CASCADE, "--draws", "10", "--seed", "-1"], f"--seed must be {SEEDS} (got -1)"),
    ([*CASCADE, "--draws", "9" * 5000], f"--draws must be between 1 and 10,000,000 (got {'9' * 30})"),  # int()'s limit
    ([*CASCADE, "--draws", "10", "--seed", "-" + "9" * 5000], f"--seed must be {SEEDS} (got -{'9' * 29})"),
    (["atlas", "-d", "2025-06-01", "--out", "a.csv", "--workers", "0"],
     f"--workers must be between 1 and {MAX_WORKERS} (got 0)"),
    (["atlas", "-d", "2025-06-01", "--out", "a.csv", "--workers", str(MAX_WORKERS + 1)],
     f"--workers must be between 1 and {MAX_WORKERS} (got {MAX_WORKERS + 1})"),
    (["atlas", "-d", "2025-06-01", "--out", "a.csv", "--draws", "5", "--seed", "-2"],
     f"--seed must be {SEEDS} (got -2)"),
    (["serve", "--no-browser", "--job-timeout", "0.5"], "--job-timeout must be between 1 and 3,600 (got 0.5)"),
    (["serve", "--no-browser", "--job-timeout", "3601"], "--job-timeout must be between 1 and 3,600 (got 3601)"),
    (["serve", "--no-browser", "--port", "65536"], "--port must be between 0 and 65,535 (got 65536); 0 picks a free "
                                                   "port"),
    (["backtest", "--out", "r", "--seed", "-3"], f"--seed must be {SEEDS} (got -3)"),
    (["likely", "fit", "--out", "m.json", "--seed", "-1"], f"--seed must be {SEEDS} (got -1)"),
    (["likely", "report", "--out", "r", "--seed", str(MAX_SEED + 1)], f"--seed must be {SEEDS} (got {MAX_SEED + 1})"),
    (["depth", "--out", "d.csv", "--refit", "--seed", "-1"], f"--seed must be {SEEDS} (got -1)"),
])
def test_a_bound_is_refused_in_the_one_wording(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str],
                                               message: str) -> None:
    monkeypatch.chdir(tmp_path)
    assert _error_line(args) == message
    assert list(tmp_path.iterdir()) == []


def test_the_json_error_says_it_too() -> None:
    """With --json the error is on stdout as JSON ({ok: false, error, status: 2}) and on stderr as its line."""
    assert _error_line([*CASCADE, "--draws", "0", "--json"]) == "--draws must be between 1 and 10,000,000 (got 0)"


def test_the_cli_and_the_python_api_say_the_same() -> None:
    import foedus
    from foedus.errors import FoedusError

    for keyword, value in (("draws", 0), ("seed", -1)):
        with pytest.raises(FoedusError) as caught:
            foedus.cascade("RUS", "EST", "2025-06-01", **{"draws": 5, keyword: value})
        given = {"draws": "5", keyword: str(value)}
        assert _error_line([*CASCADE, *(w for k, v in given.items() for w in (f"--{k}", v))]) == f"--{caught.value}"


def _options(command: Any) -> list[Any]:
    """Every option of the click `command` and its subcommands."""
    return [*getattr(command, "params", []), *(p for sub in getattr(command, "commands", {}).values()
                                              for p in _options(sub))]


def test_every_bounded_option_has_both_bounds() -> None:
    """The one wording names both bounds (`foedus.cli.entry._check_bounds`): an option bounded on one side only
    would still be refused in typer's words."""
    from typer.main import get_command

    from foedus.cli.app import app

    bounded = [p for p in _options(get_command(app)) if getattr(p, "min", None) is not None
               or getattr(p, "max", None) is not None]
    assert {p.name for p in bounded} >= {"draws", "seed", "workers", "job_timeout"}
    assert [p.name for p in bounded if p.min is None or p.max is None] == []


def test_the_web_api_documents_the_bounds(web_client: Any) -> None:
    client: TestClient = web_client()  # not started: the schema needs no world
    spec = client.get("/openapi.json").json()
    params = {p["name"]: p["schema"] for p in spec["paths"]["/api/cascade"]["get"]["parameters"]}
    assert (params["draws"]["minimum"], params["draws"]["maximum"]) == (1, 10_000)
    assert (params["seed"]["minimum"], params["seed"]["maximum"]) == (0, MAX_SEED)


def test_a_value_in_bounds_still_runs() -> None:
    code, out, err = cli_line([*CASCADE, "--draws", "1", "--seed", "0", "--json"])
    assert code == 0, err
    assert json.loads(out)["seed"] == 0
