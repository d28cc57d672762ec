"""A CSV batch row's what-if changes: an `overlay` column names an overlay file, relative to the batch file, whose
changes the row runs (and says in `what_if`) as `foedus cascade --overlay` does; a JSON line may name one too,
before its own `what_if`; several, separated by ';' (or a JSON line's list), as `--overlay` given for each. A CSV
batch could carry no what-if change at all. An overlay that cannot be read, is not a
path, or is a file the batch writes refuses the batch, naming the row, exit 2, nothing written."""

from __future__ import annotations

import io
from pathlib import Path

import pandas as pd
import pytest

from samples import cli_line

_DROP = "changes:\n  - op: drop_treaty\n    treaty: nato_1949\n"


def _run(tmp_path: Path, name: str, text: str, out: str = "out.csv", *extra: str):
    (tmp_path / "ov").mkdir(exist_ok=True)
    (tmp_path / "ov" / "drop.yaml").write_text(_DROP, encoding="utf-8")
    (tmp_path / name).write_text(text, encoding="utf-8")
    return cli_line(["batch", str(tmp_path / name), "--out", str(tmp_path / out), *extra])


def test_a_csv_row_runs_the_overlay_it_names(tmp_path: Path) -> None:
    proc = _run(tmp_path, "s.csv", "attacker,target,date,overlay\nRUS,POL,2025-06-01,ov/drop.yaml\n"
                "RUS,POL,2025-06-01,\n")
    assert proc.returncode == 0, proc.stderr
    table = pd.read_csv(tmp_path / "out.csv", dtype=str, keep_default_na=False, comment="#")
    first, second = table[table.scenario == "1"], table[table.scenario == "2"]
    assert set(first.what_if) == {"drop_treaty nato_1949"} and "nato_1949" not in set(first.treaty)
    assert set(second.what_if) == {""} and "nato_1949" in set(second.treaty)  # an empty cell: the treaties as encoded


def test_a_json_line_names_an_overlay_before_its_own_changes(tmp_path: Path) -> None:
    line = ('{"attacker": "RUS", "target": "POL", "date": "2025-06-01", "overlay": "ov/drop.yaml", '
            '"what_if": [{"op": "drop_treaty", "treaty": "eu_teu_42_7"}]}\n')
    proc = _run(tmp_path, "s.jsonl", line)
    assert proc.returncode == 0, proc.stderr
    table = pd.read_csv(tmp_path / "out.csv", dtype=str, keep_default_na=False, comment="#")
    assert set(table.what_if) == {"drop_treaty nato_1949 and drop_treaty eu_teu_42_7"}


@pytest.mark.parametrize(("name", "text", "said"), [
    ("s.csv", "attacker,target,date,overlay\nRUS,POL,2025-06-01,ov/none.yaml\n",
     "/ov/none.yaml: cannot read overlay"),
    ("s.jsonl", '{"attacker": "RUS", "target": "POL", "date": "2025-06-01", "overlay": ["ov/drop.yaml", 3]}\n',
     "s.jsonl row 1: overlay: expected the path of an overlay file (several: separated by ';'), not 3"),
    ("s.jsonl", '{"attacker": "RUS", "target": "POL", "date": "2025-06-01", "overlay": []}\n',
     "s.jsonl row 1: overlay: expected the path of an overlay file (several: separated by ';'), not an empty list"),
    ("s.csv", "attacker,target,date,overlay\nRUS,POL,2025-06-01,ov/drop.yaml;\n",
     "s.csv row 1: overlay: expected the path of an overlay file (several: separated by ';'), not 'ov/drop.yaml;'"),
    ("s.csv", "attacker,target,date,overlay\nRUS,POL,2025-06-01,ov/drop.yaml;ov/./drop.yaml\n",
     "drop.yaml: the file is given twice; give each overlay file once"),
    ("s.csv", "attacker,target,date,overlay\nRUS,POL,2025-06-01,out.csv\n",
     "/out.csv is the --out file too: the table would replace the overlay it reads"),
    ("s.csv", "attacker,target,date,what_if\nRUS,POL,2025-06-01,x\n", "name an overlay file in an 'overlay' column"),
    ("s.jsonl", '{"attacker": "RUS", "target": "POL", "date": "2025-06-01", "overlay": "ov/a\\u0000b.yaml"}\n',
     "cannot read overlay: a path cannot hold a NUL character"),  # an internal error (ValueError) before
])
def test_a_bad_overlay_refuses_the_batch(tmp_path: Path, name: str, text: str, said: str) -> None:
    proc = _run(tmp_path, name, text)
    assert proc.returncode == 2 and said in proc.stderr and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and not (tmp_path / "out.csv").exists()


def test_a_change_that_fails_to_apply_names_its_row_once(tmp_path: Path) -> None:
    """A what-if change refused when the row runs (an unknown treaty) named its row twice ("s.jsonl row 1: s.jsonl
    row 1: what_if: change 1: ..."): the change's own origin names the row already."""
    line = ('{"attacker": "RUS", "target": "POL", "date": "2025-06-01", '
            '"what_if": [{"op": "drop_treaty", "treaty": "x_1"}]}\n')
    proc = _run(tmp_path, "s.jsonl", line)
    assert proc.returncode == 2 and proc.stderr.count("s.jsonl row 1:") == 1, proc.stderr
    assert "what_if: change 1: unknown treaty 'x_1'" in proc.stderr


def test_a_row_names_several_overlays_as_cascade_takes_several(tmp_path: Path) -> None:
    """Several overlay files in a row (a CSV cell's paths separated by ';', or a JSON line's list) run their changes
    in their order, as `foedus cascade --overlay A --overlay B` runs them (one file a row, before this change)."""
    (tmp_path / "ov").mkdir()
    (tmp_path / "ov" / "eu.yaml").write_text(_DROP.replace("nato_1949", "eu_teu_42_7"), encoding="utf-8")
    (tmp_path / "ov" / "drop.yaml").write_text(_DROP, encoding="utf-8")
    alone = cli_line(["cascade", "-a", "RUS", "-t", "POL", "-d", "2025-06-01", "--format", "csv", "--overlay",
                      str(tmp_path / "ov" / "eu.yaml"), "--overlay", str(tmp_path / "ov" / "drop.yaml")])
    assert alone.returncode == 0, alone.stderr
    said = set(pd.read_csv(io.StringIO(alone.stdout), dtype=str, keep_default_na=False, comment="#").what_if)
    assert said == {"drop_treaty eu_teu_42_7 and drop_treaty nato_1949"}
    for name, text in (("s.csv", "attacker,target,date,overlay\nRUS,POL,2025-06-01, ov/eu.yaml ; ov/drop.yaml\n"),
                       ("s.jsonl", '{"attacker": "RUS", "target": "POL", "date": "2025-06-01", '
                                   '"overlay": ["ov/eu.yaml", "ov/drop.yaml"]}\n')):
        proc = _run(tmp_path, name, text, "out.csv", "--force")
        assert proc.returncode == 0, proc.stderr
        table = pd.read_csv(tmp_path / "out.csv", dtype=str, keep_default_na=False, comment="#")
        assert set(table.what_if) == said and not {"nato_1949", "eu_teu_42_7"} & set(table.treaty)
