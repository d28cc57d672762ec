"""A number typed by a user is read only as written plainly (`foedus.numerals`): the command line, the web API and
the FOEDUS_* settings read it with Python's int() or float() (typer's and FastAPI's pydantic, lax), which took
`--from 1_914`, `--from 1914.0` and `draws=1_000` as 1914 and 1000 (blanks around a number are left out, as around
every value); a setting's str.isdigit took
'²', which int() then refused with a traceback. Each is refused in the words a malformed number always got."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from foedus.engine.fast import budget, threads
from foedus.errors import SettingError
from test_input_messages import CASCADE, _error_line

if TYPE_CHECKING:
    from fastapi.testclient import TestClient

ATLAS = ["atlas", "--out", "a.csv", "--to", "1991"]


@pytest.mark.parametrize(("args", "option", "given", "what"), [
    ([*ATLAS, "--from", "1_990"], "--from", "1_990", "a whole number"),
    ([*ATLAS, "--from", "1990.0"], "--from", "1990.0", "a whole number"),
    ([*CASCADE, "--draws", "1_00"], "--draws", "1_00", "a whole number"),
    ([*CASCADE, "--draws", "10", "--seed", "7 0"], "--seed", "7 0", "a whole number"),
    (["depth", "--out", "d.csv", "--level", "0_9"], "--level", "0_9", "a number"),
    (["depth", "--out", "d.csv", "--level", "nan"], "--level", "nan", "a number"),  # was its range's words
])
def test_a_number_not_written_plainly_is_refused_as_a_malformed_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                    args: list[str], option: str, given: str,
                                                                    what: str) -> None:
    monkeypatch.chdir(tmp_path)
    assert _error_line(args).startswith(f"Invalid value for '{option}': must be {what} (got '{given}') (see `foedus ")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
@pytest.mark.parametrize(("query", "message"), [
    ({"draws": "1_000"}, "draws must be a whole number (got '1_000')"),
    ({"draws": "1 0"}, "draws must be a whole number (got '1 0')"),
    ({"draws": "10", "seed": "7.0"}, "seed must be a whole number (got '7.0')"),
])
def test_a_query_number_not_written_plainly_is_refused(api_client: TestClient, query: dict[str, str],
                                                       message: str) -> None:
    from test_web_api import envelope

    run = {"attacker": "RUS", "target": "EST", "date": "2025-06-01"}
    assert envelope(api_client.get("/api/cascade", params={**run, **query}), 422) == message


@pytest.mark.parametrize("value", ["²", "١٠٢٤"])
def test_a_setting_in_other_digits_is_refused_in_one_line(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv(budget.MEMORY_ENV, value)
    with pytest.raises(SettingError, match="FOEDUS_MEMORY_MB must be a positive whole number"):
        budget.budget_mb()
    monkeypatch.setenv(threads.BLAS_ENV, value)
    with pytest.raises(SettingError, match="FOEDUS_BLAS_THREADS must be a whole number"):
        threads.blas_threads()
