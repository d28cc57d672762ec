"""The web's cascade CSV (web/src/csv.ts `csvCell`) led a text cell that starts with `=`, `+`, `-`, `@`, a tab or a
carriage return with `'`, so that a spreadsheet reads no formula in it; the CLI's `cascade --format csv` and `compare
--format csv|--out F.csv` wrote such a cell as it is, so the two CSVs of one run differed on it (an article a user's
treaty file gives as `=1+1`). One rule now guards both, numbers untouched (`foedus.cli.listing.spreadsheet_safe`)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest

import foedus
from foedus.model.overlay import AddTreaty
from samples import cli_line, treaty_files
from ts_said import run_ts

SCENARIO = ["-a", "CHL", "-t", "ARG", "-d", "2025-06-01"]


def _formula_treaty(tmp_path: Path) -> Path:
    """A defence pact of Brazil and Argentina whose one article is written `=1+1`: Brazil joins Argentina under it."""
    (path,) = treaty_files(tmp_path, {"eq": ("", "BRA ARG", "defense", "=1+1", "S1", "verified")})
    return path


def _rows(args: list[str]) -> list[dict[str, str]]:
    ran = cli_line(args)
    assert ran.returncode == 0, ran.stderr
    return list(csv.DictReader(io.StringIO(ran.stdout)))


def test_the_cli_and_the_web_guard_a_cell_that_starts_with_equals_alike(tmp_path: Path) -> None:
    path = _formula_treaty(tmp_path)
    result = foedus.cascade("CHL", "ARG", "2025-06-01", what_if=[AddTreaty(path=str(path))])
    (web,) = run_ts([("csv", "csvOf", [result.to_dict(), {"$lookup": result.names}])])
    ran = cli_line(["cascade", *SCENARIO, "--add-treaty", str(path), "--format", "csv"])
    assert ran.returncode == 0, ran.stderr
    cli = list(csv.reader(io.StringIO(ran.stdout)))
    assert cli == list(csv.reader(io.StringIO(web)))
    brazil = dict(zip(cli[0], next(r for r in cli if r[0] == "BRA"), strict=True))
    assert (brazil["article"], brazil["ccode"], brazil["round"]) == ("'=1+1", "140", "1")  # numbers as they are


def test_compare_guards_the_cell_as_it_prints_and_writes_it(tmp_path: Path) -> None:
    path = _formula_treaty(tmp_path)
    line = ["compare", *SCENARIO, "--add-treaty", str(path)]
    (printed,) = [r for r in _rows([*line, "--format", "csv"]) if r["state"] == "BRA"]
    assert (printed["article_after"], printed["treaty_after"], printed["ccode"]) == ("'=1+1", "eq", "140")
    out = tmp_path / "c.csv"
    assert cli_line([*line, "--out", str(out)]).returncode == 0
    assert list(csv.DictReader(out.open(encoding="utf-8"))) == _rows([*line, "--format", "csv"])


def test_a_cell_that_holds_a_carriage_return_is_quoted_by_both(capsys: pytest.CaptureFixture[str]) -> None:
    """The web's CSV quoted a cell only for a `"`, a comma or a newline, and the CLI's writer (its line ended by a
    newline) not for a carriage return either: a cell holding one was written bare, and a reader ends the row there.
    Both now quote it (`foedus.cli.listing.csv_line`, csv.ts `csvCell`), and both read back as one table. No treaty
    file can give such a cell (its words refuse control characters): the result is given one by hand."""
    from dataclasses import replace

    from foedus.cli.show_as import print_result_as

    result = foedus.cascade("UKR", "RUS", "2025-01-15", place="kursk-oblast")
    first = result.joiners[0]
    joiner = replace(first, primary=replace(first.primary, article="4\r5", conditions=("\ra", "b\r\nc")))
    result = replace(result, joiners=(joiner, *result.joiners[1:]))
    (web,) = run_ts([("csv", "csvOf", [result.to_dict(), {"$lookup": result.names}])])
    print_result_as(result, "csv")
    cli = capsys.readouterr().out
    assert list(csv.reader(io.StringIO(cli))) == list(csv.reader(io.StringIO(web)))
    head, *rows = list(csv.reader(io.StringIO(cli)))
    row = dict(zip(head, next(r for r in rows if r[0] == joiner.state and r[3] == "joiner"), strict=True))
    assert (row["article"], row["conditions"]) == ("4\r5", "'\ra; b\r\nc")


def test_a_research_tables_csv_quotes_a_carriage_return_as_the_command_lines_do(tmp_path: Path) -> None:
    """The research tables' CSVs (and `compare --out F.csv`), written by pandas with its line ended by a newline,
    left a carriage return in a cell bare, and a reader ended the row there. They follow `csv_line`'s rule now
    (`foedus.outputs.csvrows`): the cell quoted, the rows ended by a newline, the same bytes as the command line's."""
    import pandas as pd

    from foedus.cli.listing import csv_line
    from foedus.outputs.tables import write_table

    frame = pd.DataFrame({"id": ["a\rb", "c\r\nd", "e"], "n": [1, 2, 3]})
    write_table(frame, tmp_path / "t.csv")
    text = (tmp_path / "t.csv").read_bytes().decode("utf-8")
    assert text == "".join(csv_line(row) for row in [["id", "n"], ["a\rb", "1"], ["c\r\nd", "2"], ["e", "3"]])
    assert list(csv.reader(io.StringIO(text, newline=""))) == [["id", "n"], ["a\rb", "1"], ["c\r\nd", "2"], ["e", "3"]]
    assert pd.read_csv(tmp_path / "t.csv")["id"].tolist() == ["a\rb", "c\r\nd", "e"]
