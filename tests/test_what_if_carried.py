"""A what-if run was known to its outputs only through its note's words: the CSV's `what_if` column was parsed back out
of the note, the JSON had no key for the changes, and `cascade --format table` did not say them at all. The result now
carries its changes as data (`CascadeResult.what_if`, the JSON's `what_if`), and the note, the CSV's and the table's
`what_if` column are all made from it."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import foedus
from foedus.datarecord import replace
from foedus.whatif_words import what_if_world
from samples import cli_line

KURSK = ["-a", "UKR", "-t", "RUS", "-d", "2025-01-15", "--place", "kursk-oblast"]
CHANGES = ("add_member csto_1992:IRN", "drop_treaty rus_prk_2024")


def _iran() -> foedus.CascadeResult:
    return foedus.cascade("UKR", "RUS", "2025-01-15", place="kursk-oblast", add_member=["csto_1992:IRN"],
                          drop_treaty=["rus_prk_2024"])


def test_a_what_if_result_carries_its_changes_and_its_note_says_them() -> None:
    result = _iran()
    assert result.what_if == CHANGES
    assert result.to_dict()["what_if"] == list(CHANGES)
    assert what_if_world(result.what_if) in result.notes  # the note is made from the record
    plain = foedus.cascade("UKR", "RUS", "2025-01-15", place="kursk-oblast")
    assert plain.what_if == () and plain.to_dict()["what_if"] == []


def test_an_overlay_files_changes_are_carried_in_the_same_words(tmp_path: Path) -> None:
    overlay = tmp_path / "iran.yaml"
    overlay.write_text("changes:\n- {op: add_member, treaty: csto_1992, state: IRN}\n"
                       "- {op: drop_treaty, treaty: rus_prk_2024}\n", encoding="utf-8")
    ran = cli_line(["cascade", *KURSK, "--overlay", str(overlay), "--json"])
    assert ran.returncode == 0, ran.stderr
    assert json.loads(ran.stdout)["what_if"] == list(CHANGES)


def test_the_json_of_compare_and_of_the_web_api_carry_the_changes(api_client: Any) -> None:
    ran = cli_line(["compare", *KURSK, "--add-member", "csto_1992:IRN", "--json"])
    assert ran.returncode == 0, ran.stderr
    out = json.loads(ran.stdout)
    assert (out["base"]["what_if"], out["other"]["what_if"]) == ([], ["add_member csto_1992:IRN"])
    params = {"attacker": "UKR", "target": "RUS", "date": "2025-01-15", "place": "kursk-oblast",
              "add_member": "csto_1992:IRN"}
    assert api_client.get("/api/cascade", params=params).json()["what_if"] == ["add_member csto_1992:IRN"]
    assert api_client.get("/api/compare", params=params).json()["other"]["what_if"] == ["add_member csto_1992:IRN"]


def test_the_csv_column_is_made_from_the_record_not_from_the_notes(capsys: Any) -> None:
    from foedus.cli.show_as import print_result_as

    print_result_as(replace(_iran(), notes=()), "csv")  # no note to parse: the column still says the changes
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert rows and {r["what_if"] for r in rows} == {"add_member csto_1992:IRN and drop_treaty rus_prk_2024"}


def test_a_what_if_table_says_its_changes_in_a_column() -> None:
    ran = cli_line(["cascade", *KURSK, "--add-member", "csto_1992:IRN", "--format", "table"])
    assert ran.returncode == 0, ran.stderr
    head, *rows = ran.stdout.splitlines()
    assert head.split()[-1] == "what_if" and rows
    assert all(row.endswith("  add_member csto_1992:IRN") for row in rows)
    plain = cli_line(["cascade", *KURSK, "--format", "table"])
    assert plain.returncode == 0 and "what_if" not in plain.stdout.splitlines()[0]  # the treaties as encoded: no column
