"""`foedus batch SCENARIOS --out PATH`: every scenario of a CSV or JSON lines file run as `foedus cascade` runs it,
one table of their parties and findings with each scenario's columns and notes; a bad row refuses the batch, naming
the row, and nothing is written."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd
import pytest

from foedus.batch.table import BATCH_COLUMNS, batch_columns
from foedus.engine.finding_rows import CASCADE_COLUMNS
from foedus.research.codebook import DESCRIPTION_MAX
from samples import cli_line

_HEADER = "attacker,target,date,place,reading,ongoing_since\n"


def _batch(tmp_path: Path, text: str, name: str = "s.csv", out: str = "out.csv", *extra: str):
    (tmp_path / name).write_text(text, encoding="utf-8")
    return cli_line(["batch", str(tmp_path / name), "--out", str(tmp_path / out), *extra])


def test_each_scenario_has_the_rows_cascade_gives_it(tmp_path: Path) -> None:
    """The batch's rows of a scenario are `foedus cascade --format csv`'s rows of it, in the same order, after the
    scenario's own columns; a scenario with no joiner still has its attacker's and target's rows."""
    proc = _batch(tmp_path, _HEADER + "RUS,EST,2025-06-01,,,\nISL,NOR,1950-06-01,,escalatory,\n")
    assert proc.returncode == 0, proc.stderr
    assert "wrote " in proc.stderr and " rows to " in proc.stderr
    table = pd.read_csv(tmp_path / "out.csv", dtype=str, keep_default_na=False)
    assert list(table.columns) == list(batch_columns(draws=False, likelihood=False))  # no mc_, lk_: none asks
    for n, line in ((1, ["-a", "RUS", "-t", "EST", "-d", "2025-06-01"]),
                    (2, ["-a", "ISL", "-t", "NOR", "-d", "1950-06-01", "--reading", "escalatory"])):
        alone = cli_line(["cascade", *line, "--format", "csv"])
        assert alone.returncode == 0, alone.stderr
        expected = list(csv.DictReader(io.StringIO(alone.stdout)))
        rows = table[table.scenario == str(n)]
        assert [{k: r[k] for k in expected[0]} for r in rows.to_dict("records")] == expected
    first = table[table.scenario == "1"].iloc[0]
    assert (first.scenario_attacker, first.scenario_target, first.scenario_place) == ("RUS", "EST", "estonia")
    assert set(table[table.scenario == "2"].scenario_reading) == {"escalatory"}


def test_the_war_note_and_the_review_day_are_columns(tmp_path: Path) -> None:
    """A pair at war on the day in a bundled war carries the war note `foedus cascade` gives; a date past the day the
    data was reviewed to is flagged, and every note is in `notes`."""
    proc = _batch(tmp_path, _HEADER + "RUS,UKR,2024-12-15,,,\nRUS,EST,2026-03-01,,,\n", out="out.parquet")
    assert proc.returncode == 0, proc.stderr
    table = pd.read_parquet(tmp_path / "out.parquet")
    alone = cli_line(["cascade", "-a", "RUS", "-t", "UKR", "-d", "2024-12-15", "--json"])
    war = [n for n in json.loads(alone.stdout)["notes"] if "recorded war russia_ukraine_2022" in n]
    assert war and set(table[table.scenario == 1].war_note) == {war[0]}
    assert table[table.scenario == 2].war_note.isna().all()
    assert list(table.groupby("scenario").past_review_day.first()) == [False, True]
    assert all("reviewed as a whole" in n for n in table[table.scenario == 2].notes)


def test_json_lines_take_what_if_changes_and_ongoing_since(tmp_path: Path) -> None:
    """A JSON lines row is a scenario file's keys: its what-if changes are run (and said in `what_if`), and with
    ongoing_since each joiner says since when it has been bound."""
    rows = [{"attacker": "RUS", "target": "EST", "date": "2025-06-01",
             "what_if": [{"op": "drop_treaty", "treaty": "nato_1949"}]},
            {"attacker": ["USA"], "target": "RUS", "date": "2024-12-15", "ongoing_since": "2022-02-24"}]
    proc = _batch(tmp_path, "\n".join(json.dumps(r) for r in rows) + "\n", name="s.jsonl")
    assert proc.returncode == 0, proc.stderr
    table = pd.read_csv(tmp_path / "out.csv", dtype=str, keep_default_na=False)
    first, second = table[table.scenario == "1"], table[table.scenario == "2"]
    assert set(first.what_if) == {"drop_treaty nato_1949"} and "nato_1949" not in set(first.treaty)
    assert set(second.what_if) == {""}
    alone = cli_line(["cascade", "-a", "USA", "-t", "RUS", "-d", "2024-12-15", "--ongoing-since", "2022-02-24",
                      "--json"])
    since = {s: bound["since"] for s, bound in json.loads(alone.stdout)["ongoing"]["bound_since"].items()}
    joiners = second[second.role == "joiner"]
    assert since and dict(zip(joiners.state, joiners.bound_since, strict=True)) == since
    assert set(second[second.role != "joiner"].bound_since) == {""}


def test_a_binding_lapsed_under_ongoing_since_is_a_lapsed_row(tmp_path: Path) -> None:
    """A state bound for a while since `ongoing_since` and no longer on the date, which `foedus cascade
    --ongoing-since` lists as lapsed, is a row of role `lapsed` (it had none): bound from `bound_since` to
    `lapsed_on`, with the treaty and article that bound it (North Korea, here made to leave rus_prk_2024)."""
    row = {"attacker": "UKR", "target": "RUS", "date": "2025-03-01", "place": "kursk-oblast",
           "ongoing_since": "2024-08-06", "what_if": [{"op": "remove_member", "treaty": "rus_prk_2024",
                                                       "state": "PRK", "left": "2025-01-01"}]}
    proc = _batch(tmp_path, json.dumps(row) + "\n", name="s.jsonl")
    assert proc.returncode == 0, proc.stderr
    table = pd.read_csv(tmp_path / "out.csv", dtype=str, keep_default_na=False)
    lapsed = table[table.role == "lapsed"]
    assert [(r.state, r.name, r.side, r.treaty, r.article, r.bound_since, r.lapsed_on) for r in lapsed.itertuples()] \
        == [("PRK", "North Korea", "defense", "rus_prk_2024", "4", "2024-12-04", "2025-01-01")]
    assert set(lapsed.what_if) == set(table.what_if) and set(table[table.role != "lapsed"].lapsed_on) == {""}


def test_skip_bad_runs_the_good_rows_and_tables_the_bad_ones(tmp_path: Path) -> None:
    """With --skip-bad ERRORS, a bad row (refused when read, or when run) is skipped and written with its number and
    why to ERRORS, where it refused the batch; the good rows are the table; a taken ERRORS is refused before any work
    and left as it was, and ERRORS may not be the --out table."""
    text = _HEADER + ("RUS,EST,2025-06-01,,,\nRUS,Atlantis,2025-06-01,,,\nISL,NOR,1950-06-01,,,\n"
                      "RUS,EST,2025-06-01,,,2025-07-01\n")  # row 4: ongoing since after its date
    proc = _batch(tmp_path, text, "s.csv", "out.csv", "--skip-bad", str(tmp_path / "bad.csv"))
    assert proc.returncode == 0, proc.stderr
    table = pd.read_csv(tmp_path / "out.csv", dtype=str, keep_default_na=False)
    assert sorted(set(table.scenario)) == ["1", "3"]
    bad = pd.read_csv(tmp_path / "bad.csv", dtype=str, keep_default_na=False)
    assert list(bad.columns) == ["scenario", "error"] and list(bad.scenario) == ["2", "4"]
    assert "s.csv row 2: unknown state 'Atlantis'" in bad.error[0] and "s.csv row 4: " in bad.error[1]
    (tmp_path / "taken.csv").write_text("mine\n", encoding="utf-8")
    proc = _batch(tmp_path, text, "s.csv", "out2.csv", "--skip-bad", str(tmp_path / "taken.csv"))
    assert proc.returncode == 2 and "taken.csv" in proc.stderr and "Traceback" not in proc.stderr
    assert (tmp_path / "taken.csv").read_text(encoding="utf-8") == "mine\n" and not (tmp_path / "out2.csv").exists()
    proc = _batch(tmp_path, text, "s.csv", "out3.csv", "--skip-bad", str(tmp_path / "out3.csv"))
    assert proc.returncode == 2 and "is the --out table" in proc.stderr


@pytest.mark.parametrize(("name", "text", "said"), [
    ("s.csv", _HEADER + "RUS,EST,2025-06-01,,,\nRUS,Atlantis,2025-06-01,,,\n", "s.csv row 2: "),
    ("s.csv", _HEADER + "RUS,EST,2025-13-01,,,\n", "s.csv row 1: "),
    ("s.csv", "attacker,target,date,requested\nRUS,EST,2025-06-01,maybe\n",
     "s.csv row 1: requested: must be true or false (got 'maybe')"),
    ("s.csv", "attacker,target,date,colour\nRUS,EST,2025-06-01,red\n", "s.csv row 1: colour"),
    ("s.csv", "attacker,target,date,likelihood\nRUS,EST,2025-06-01,often\n",  # a switch (refused until this change)
     "s.csv row 1: likelihood: must be true or false (got 'often')"),
    ("s.csv", "attacker,target,date,draws\nRUS,EST,2025-06-01,0\n", "s.csv row 1: draws must be between 1"),
    ("s.csv", "attacker,target,date,what_if\nRUS,EST,2025-06-01,x\n", "s.csv row 1: what_if: a CSV cell"),
    ("s.csv", "attacker,target\nRUS,EST\n", "s.csv row 1: "),
    ("s.csv", _HEADER, "holds no scenario"),
    ("s.jsonl", '{"attacker": "RUS", "target": "EST", "date": "2025-06-01"}\n{"attacker": \n',
     "s.jsonl row 2: not JSON"),
    ("s.jsonl", '["RUS", "EST"]\n', "s.jsonl row 1: "),
    ("s.txt", "RUS,EST,2025-06-01\n", "a batch file is CSV (.csv) or JSON lines"),
])
def test_a_bad_file_or_row_is_refused_and_nothing_written(tmp_path: Path, name: str, text: str, said: str) -> None:
    proc = _batch(tmp_path, text, name=name)
    assert proc.returncode == 2
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and said in lines[0] and "Traceback" not in proc.stderr, proc.stderr
    assert not (tmp_path / "out.csv").exists() and not (tmp_path / "out.csv-metadata.json").exists()


@pytest.mark.parametrize("key", ["likelihood", "requested"])
def test_a_bad_switch_is_refused_in_one_message_whatever_the_files_form(tmp_path: Path, key: str) -> None:
    """The same bad value of a switch said 'expected true or false (yes/no, 1/0), not 'maybe'' in a CSV batch and
    'must be true or false (got 'maybe')' in a JSON lines batch: both now say the second, as a scenario file does."""
    said = []
    line = f'{{"attacker": "RUS", "target": "EST", "date": "2025-06-01", "{key}": "maybe"}}\n'
    for name, text in [("s.csv", f"attacker,target,date,{key}\nRUS,EST,2025-06-01,maybe\n"), ("s.jsonl", line)]:
        proc = _batch(tmp_path, text, name=name)
        assert proc.returncode == 2 and "Traceback" not in proc.stderr, proc.stderr
        said.append(proc.stderr.strip().split(f"{name} row 1: ", 1)[-1].removesuffix(" (nothing was run)"))
    assert said == [f"{key}: must be true or false (got 'maybe')"] * 2, said


@pytest.mark.parametrize(("name", "text", "said", "ran"), [
    ("s.csv", "attacker,target,date,requested\nRUS,EST,2025-06-01,\nRUS,EST,2025-06-01,maybe\n"
     "RUS,EST,2025-06-01,no,extra\nISL,NOR,1950-06-01,yes\n",
     ["s.csv row 2: requested: must be true or false (got 'maybe')", "s.csv row 3: 5 cells, and the header names 4 "
      "columns"], ["1", "4"]),
    ("s.csv", "attacker,target,date,draws\nRUS,EST,2025-06-01,many\nRUS,EST,2025-06-01,\n",
     ["s.csv row 1: draws: must be a whole number (got 'many')"], ["2"]),
    ("s.jsonl", '{"attacker": "RUS", "target": "EST", "date": "2025-06-01"}\n{"attacker": \n'
     '{"attacker": "ISL", "target": "NOR", "date": "1950-06-01"}\n',
     ["s.jsonl row 2: not JSON (Expecting value, column 14)"], ["1", "3"]),
], ids=["csv-cells", "csv-number", "json-line"])
def test_a_cell_or_line_that_cannot_be_read_is_a_bad_row_skip_bad_skips(tmp_path: Path, name: str, text: str,
                                                                        said: list[str], ran: list[str]) -> None:
    """A CSV cell that is no switch or number, a row of more cells than the header, or a line that is not JSON was
    refused while the file was read: --skip-bad could not skip it, and its message lacked "(nothing was run)", which
    every other bad row's has. Now each is a bad row as an unknown state is: refused naming the row and the column,
    the other bad rows counted, or skipped and tabled while the good rows run."""
    said = [f"{tmp_path}/{problem}" for problem in said]  # the file as given: its path
    proc = _batch(tmp_path, text, name=name)
    counted = f" (and {len(said) - 1} more bad row; nothing was run)" if len(said) > 1 else " (nothing was run)"
    assert proc.returncode == 2 and proc.stderr.strip() == f"error: {said[0]}{counted}", proc.stderr
    assert not (tmp_path / "out.csv").exists()
    proc = _batch(tmp_path, text, name, "out.csv", "--skip-bad", str(tmp_path / "bad.csv"))
    assert proc.returncode == 0, proc.stderr
    assert list(pd.read_csv(tmp_path / "bad.csv", dtype=str, keep_default_na=False).error) == said
    assert sorted(set(pd.read_csv(tmp_path / "out.csv", dtype=str, keep_default_na=False).scenario)) == ran


def test_every_bad_row_is_counted(tmp_path: Path) -> None:
    proc = _batch(tmp_path, _HEADER + "RUS,Atlantis,2025-06-01,,,\nRUS,EST,2025-06-01,,,\nRUS,EST,nope,,,\n")
    assert proc.returncode == 2
    assert "s.csv row 1: " in proc.stderr and "(and 1 more bad row; nothing was run)" in proc.stderr


def test_an_output_is_never_overwritten_without_force(tmp_path: Path) -> None:
    (tmp_path / "out.csv").write_text("mine\n", encoding="utf-8")
    proc = _batch(tmp_path, _HEADER + "RUS,EST,2025-06-01,,,\n")
    assert proc.returncode == 2 and "already exists" in proc.stderr
    assert (tmp_path / "out.csv").read_text(encoding="utf-8") == "mine\n"
    again = cli_line(["batch", str(tmp_path / "s.csv"), "--out", str(tmp_path / "out.csv"), "--force"])
    assert again.returncode == 0, again.stderr
    assert list(pd.read_csv(tmp_path / "out.csv").columns) == list(batch_columns(draws=False, likelihood=False))


def test_the_scenarios_file_is_never_the_output(tmp_path: Path) -> None:
    proc = _batch(tmp_path, _HEADER + "RUS,EST,2025-06-01,,,\n", "s.csv", "s.csv", "--force")
    assert proc.returncode == 2 and "is the --out file too" in proc.stderr
    assert (tmp_path / "s.csv").read_text(encoding="utf-8").startswith("attacker,")


def test_the_codebook_names_each_cascade_column_within_a_stata_label() -> None:
    assert [c for c in BATCH_COLUMNS if c in CASCADE_COLUMNS] == list(CASCADE_COLUMNS)
    assert all(text.strip() and len(text) <= DESCRIPTION_MAX for text in BATCH_COLUMNS.values())


def test_outputs_md_lists_the_batch_columns_of_the_code() -> None:
    """docs/outputs.md's batch column table names each column of BATCH_COLUMNS, in its order, with its meaning."""
    import re

    text = (Path(__file__).resolve().parents[1] / "docs" / "outputs.md").read_text(encoding="utf-8")
    table = text.split("`foedus batch`", 1)[1].split("The columns, in order:", 1)[1].split("\n\n")[1]
    assert re.findall(r"^\| `(\w+)` \| (.+) \|$", table, flags=re.MULTILINE) == list(BATCH_COLUMNS.items())
