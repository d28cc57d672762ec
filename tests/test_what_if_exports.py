"""A what-if run's note ("what-if world: ... hypothetical") was in the cascade's JSON, text and API, but not in
`foedus compare --json`'s copy of the changed result (nor `/api/compare`'s), and neither the CLI's CSV (stderr only)
nor the web's CSV export said it in its rows: a spreadsheet of a what-if run read as the treaties as encoded. The
compared result now carries the cascade's notes (`foedus.run.what_if_noted`), and both CSVs name the run's changes in
a `what_if` column on every row (`foedus.whatif_words.what_if_cell`, csv.ts `whatIfOf`)."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest

import foedus
from foedus.cli.app import app
from foedus.cli.entry import run_cli
from foedus.whatif_words import what_if_cell, what_if_world
from ts_said import run_ts

KURSK = ["-a", "UKR", "-t", "RUS", "-d", "2025-01-15", "--place", "kursk-oblast"]
NOTE = what_if_world(["add_member csto_1992:IRN"])


def test_compare_json_says_its_changed_result_is_a_what_if(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(app, ["compare", *KURSK, "--add-member", "csto_1992:IRN", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert NOTE in out["other"]["notes"] and NOTE not in out["base"]["notes"]
    alone = foedus.cascade("UKR", "RUS", "2025-01-15", place="kursk-oblast", add_member=["csto_1992:IRN"])
    assert out["other"]["notes"] == list(alone.notes)  # the cascade's own notes, in its order


def test_api_compare_says_its_changed_result_is_a_what_if(api_client: Any) -> None:
    params = {"attacker": "UKR", "target": "RUS", "date": "2025-01-15", "place": "kursk-oblast",
              "add_member": "csto_1992:IRN"}
    body = api_client.get("/api/compare", params=params).json()
    assert NOTE in body["other"]["notes"] and NOTE not in body["base"]["notes"]


def _cli_csv(capsys: pytest.CaptureFixture[str], *extra: str) -> list[dict[str, str]]:
    assert run_cli(app, ["cascade", *KURSK, *extra, "--format", "csv"]) == 0
    return list(csv.DictReader(io.StringIO(capsys.readouterr().out)))


def test_a_what_if_csv_names_its_changes_on_every_row(capsys: pytest.CaptureFixture[str]) -> None:
    rows = _cli_csv(capsys, "--add-member", "csto_1992:IRN")
    assert rows and {r["what_if"] for r in rows} == {"add_member csto_1992:IRN"}
    assert "what_if" not in _cli_csv(capsys)[0]  # the treaties as encoded: no such column


def test_the_web_csv_names_a_what_ifs_changes_as_the_cli_csv_does(capsys: pytest.CaptureFixture[str]) -> None:
    for changes in ([], ["csto_1992:IRN", "rus_prk_2024:IRN"]):
        result = foedus.cascade("UKR", "RUS", "2025-01-15", place="kursk-oblast", add_member=changes)
        web = list(csv.DictReader(io.StringIO(run_ts([("csv", "csvOf", [result.to_dict(), {"$lookup": {}}])])[0])))
        cli = _cli_csv(capsys, *[a for c in changes for a in ("--add-member", c)])
        assert [r.get("what_if") for r in web][:len(cli)] == [r.get("what_if") for r in cli]
        assert {r.get("what_if") for r in web} == (
            {"add_member csto_1992:IRN and add_member rus_prk_2024:IRN"} if changes else {None})


def test_the_web_says_a_what_ifs_changes_and_note_from_its_record_as_the_server_does() -> None:
    """The PNG caption's what-if note was found by matching the words of the result's notes (exporters.ts read them
    back); it is now made from the result's `what_if` (whatifwords.ts `whatIfWorld`), as the server makes it, and
    the CSV's cell and the compare view's header from the same record (`whatIfOf`)."""
    cases: list[list[str]] = [[], ["add_member nato_1949:UKR"],
                              ["add_member csto_1992:IRN", "drop_treaty rus_prk_2024", "set_strength nato_1949:S2"]]
    got = run_ts([("whatifwords", fn, [c]) for fn in ("whatIfWorld", "whatIfOf") for c in cases])
    assert got == [what_if_world(c) if c else None for c in cases] + [what_if_cell(c) for c in cases]
