"""The web's cascade CSV (web/src/csv.ts `csvCell`) led a text cell that starts with `=`, `+`, `-`, `@`, a tab or a
carriage return with `'`, so that a spreadsheet reads no formula in it; the CLI's `cascade --format csv` and `compare
--format csv|--out F.csv` wrote such a cell as it is, so the two CSVs of one run differed on it (an article a user's
treaty file gives as `=1+1`). One rule now guards both, numbers untouched (`foedus.cli.listing.spreadsheet_safe`)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

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
