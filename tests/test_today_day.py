"""`today` is a day wherever one is read (the one parser, `foedus.engine.scenario.parse_date`): the machine's date,
said in the answer as the day used; an impossible day is still refused in one line."""

from __future__ import annotations

import datetime as dt
import json

from fastapi.testclient import TestClient

from samples import cli_line, error_line


def test_cascade_reads_today_as_the_machines_date_and_says_it() -> None:
    code, out, err = cli_line(["cascade", "-a", "RUS", "-t", "EST", "-d", "today", "--format", "json"])
    assert code == 0, err
    assert json.loads(out)["date"] == dt.date.today().isoformat()


def test_every_command_that_reads_a_day_reads_today() -> None:
    today = dt.date.today().isoformat()
    code, out, err = cli_line(["states", "--date", "Today"])
    assert code == 0 and f"member on {today}" in out, err
    code, out, err = cli_line(["compare", "-a", "RUS", "-t", "EST", "-d", "2020-01-01", "--date2", "today"])
    assert code == 0 and f"other: {today}" in out, err


def test_an_impossible_day_is_still_refused_in_one_line() -> None:
    assert error_line(["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-02-30"]) == (
        "invalid date '2025-02-30': day is out of range for month (expected YYYY-MM-DD)")
    assert error_line(["cascade", "-a", "RUS", "-t", "EST", "-d", "tomorrow"]) == (
        "invalid date 'tomorrow': expected YYYY-MM-DD")


def test_the_web_reads_today_as_the_cli_does(api_client: TestClient) -> None:
    body = api_client.get("/api/cascade", params={"attacker": "RUS", "target": "EST", "date": "today"}).json()
    assert body["date"] == dt.date.today().isoformat()
