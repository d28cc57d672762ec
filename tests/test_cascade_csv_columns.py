"""The CLI's cascade CSV (`foedus cascade --format csv`) had `ccode` and the belligerents' rows only; the web's CSV
export (web/src/csv.ts `csvOf`) had no `ccode` but a `role` and a `target_kind` column, and rows for conflicts,
neutrality duties, consultations, violations and withheld duties: a researcher who exported one run from both got two
tables. Both now write one column list, in one order (`foedus.engine.finding_rows.CASCADE_COLUMNS`, the column table in
docs/outputs.md), and the same rows."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

import pytest

import foedus
from foedus.engine.finding_rows import CASCADE_COLUMNS
from samples import cli_line
from ts_said import run_ts

ROOT = Path(__file__).resolve().parents[1]
KURSK = {"attacker": "UKR", "target": "RUS", "date": "2025-01-15", "place": "kursk-oblast"}
# Israel on Egypt with no request: joiners, a neutrality duty, a consultation, a violation and a withheld duty;
# Kursk: a conflict (Armenia); with a member added: a what-if run, its `what_if` column
RUNS = [({"attacker": "ISR", "target": "EGY", "date": "2025-06-01", "requested": False}, ["--no-request"]),
        (KURSK, []),
        ({**KURSK, "add_member": ["csto_1992:IRN"]}, ["--add-member", "csto_1992:IRN"])]


def _line(run: dict[str, object]) -> list[str]:
    return ["cascade", "-a", str(run["attacker"]), "-t", str(run["target"]), "-d", str(run["date"]),
            *(["--place", str(run["place"])] if "place" in run else [])]


def test_outputs_md_lists_the_csv_columns_of_the_code() -> None:
    """docs/outputs.md's column table names each column of CASCADE_COLUMNS, in its order, with its meaning."""
    text = (ROOT / "docs" / "outputs.md").read_text(encoding="utf-8")
    table = text.split("The cascade's CSV columns", 1)[1].split("\n\n")[1]  # the lines after the one naming it
    rows = re.findall(r"^\| `(\w+)` \| (.+) \|$", table, flags=re.MULTILINE)
    assert rows == list(CASCADE_COLUMNS.items())


@pytest.mark.parametrize(("run", "extra"), RUNS, ids=["violation-withheld", "conflict", "what-if"])
def test_the_cli_and_the_web_write_one_csv(run: dict[str, object], extra: list[str]) -> None:
    """The same run exported from the CLI and from the web: the same header (CASCADE_COLUMNS, `what_if` and
    `rests_on_what_if` only for a what-if run) and the same rows, in the same order."""
    result = foedus.cascade(**run)  # type: ignore[arg-type]
    (web,) = run_ts([("csv", "csvOf", [result.to_dict(), {"$lookup": result.names}])])
    ran = cli_line([*_line(run), *extra, "--format", "csv"])
    assert ran.returncode == 0, ran.stderr
    cli = list(csv.reader(io.StringIO(ran.stdout)))
    web_rows = list(csv.reader(io.StringIO(web)))
    what_if = "add_member" in run
    assert cli[0] == web_rows[0] == [c for c in CASCADE_COLUMNS if what_if or c not in ("what_if", "rests_on_what_if")]
    assert cli[1:] == web_rows[1:]
    roles = {r[3] for r in cli[1:]}
    assert roles >= ({"attacker", "target", "joiner", "neutral", "consultation", "violation", "withheld"}
                     if not what_if and run["attacker"] == "ISR" else {"attacker", "target", "joiner", "conflict"})


def test_each_row_of_a_what_if_run_says_the_changes_its_finding_rests_on() -> None:
    """A what-if run's rows said only the run's changes (`what_if`, alike on every row): France, whose primary duty
    `--set-strength eu_teu_42_7:42(7)=S1` makes EU Art. 42(7), read as the United States, bound by NATO as encoded.
    `rests_on_what_if` says the changes each row's finding rests on (a joiner's primary obligation, Austria's
    withheld leg under the same article), empty where none, in the CLI's CSV and the web's alike."""
    run = {"attacker": "RUS", "target": "EST", "date": "2025-06-01", "set_strength": ["eu_teu_42_7:42(7)=S1"]}
    ran = cli_line([*_line(run), "--set-strength", "eu_teu_42_7:42(7)=S1", "--format", "csv"])
    assert ran.returncode == 0, ran.stderr
    cli = list(csv.DictReader(io.StringIO(ran.stdout)))
    rests = {(r["state"], r["role"]): r["rests_on_what_if"] for r in cli}
    assert rests[("FRA", "joiner")] == rests[("AUT", "withheld")] == "set_strength eu_teu_42_7:42(7)=S1"
    assert rests[("USA", "joiner")] == rests[("RUS", "attacker")] == ""
    result = foedus.cascade(**run)  # type: ignore[arg-type]
    (web,) = run_ts([("csv", "csvOf", [result.to_dict(), {"$lookup": result.names}])])
    assert list(csv.DictReader(io.StringIO(web))) == cli
