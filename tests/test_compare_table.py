"""`foedus compare` said what changed in lines or JSON only: no `--format csv`, no `--out`, so a spreadsheet of who a
what-if gains or loses had to be parsed out of its text. It now gives one row per state gained, lost, switched or
rebased (`foedus.sweeps.compare_table`), with what binds it in each world, printed as `--format csv|table` or written
by `--out` through the shared writer (atomic, each column described, a sidecar), a what-if's changes on every row."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from foedus.outputs.tables import write_table
from foedus.sweeps.compare_table import COMPARE_COLUMNS
from samples import cli_line, error_line

UNSWITCHED = {c: d for c, d in COMPARE_COLUMNS.items() if c != "rests_on_switch"}  # run under no switch: no column

KURSK = ["compare", "-a", "UKR", "-t", "RUS", "-d", "2025-01-15", "--place", "kursk-oblast"]
IRAN = [*KURSK, "--add-member", "csto_1992:IRN", "--drop-treaty", "rus_prk_2024"]
FINLAND = ["compare", "-a", "RUS", "-t", "FIN", "-d", "2023-03-01", "--date2", "2023-04-04"]
TAIWAN = ["compare", "-a", "CHN", "-t", "TWN", "-d", "2025-06-01", "--add-member", "usa_jpn_1960:TWN"]  # moves no one


def _csv(args: list[str]) -> list[dict[str, str]]:
    ran = cli_line([*args, "--format", "csv"])
    assert ran.returncode == 0, ran.stderr
    return list(csv.DictReader(io.StringIO(ran.stdout)))


def test_a_what_if_comparison_as_csv_has_a_row_per_changed_state() -> None:
    rows = _csv(IRAN)
    said = "add_member csto_1992:IRN and drop_treaty rus_prk_2024"
    assert rows == [
        {"state": "IRN", "ccode": "630", "name": "Iran", "change": "gained", "side_before": "", "treaty_before": "",
         "article_before": "", "strength_before": "", "certainty_before": "", "side_after": "defense",
         "treaty_after": "csto_1992", "article_after": "4", "strength_after": "S2", "certainty_after": "secondary",
         "what_if": said, "rests_on_what_if": "add_member csto_1992:IRN"},
        {"state": "PRK", "ccode": "731", "name": "North Korea", "change": "lost", "side_before": "defense",
         "treaty_before": "rus_prk_2024", "article_before": "4", "strength_before": "S1",
         "certainty_before": "verified", "side_after": "", "treaty_after": "", "article_after": "",
         "strength_after": "", "certainty_after": "", "what_if": said, "rests_on_what_if": ""}]


def test_a_strength_set_is_in_the_rows() -> None:
    """`--set-strength usa_kor_1953:III=S1`: the US's row, rebased, says its duty's strength before and after, where
    the treaty and article are the same (tests/test_compare_strength.py)."""
    [usa] = _csv(["compare", "-a", "PRK", "-t", "KOR", "-d", "2025-06-01", "--set-strength", "usa_kor_1953:III=S1"])
    assert (usa["state"], usa["change"], usa["treaty_before"], usa["treaty_after"], usa["strength_before"],
            usa["strength_after"]) == ("USA", "rebased", "usa_kor_1953", "usa_kor_1953", "S3", "S1")
    assert usa["rests_on_what_if"] == "set_strength usa_kor_1953:III=S1"  # its new strength the change's


def test_a_comparison_of_two_dates_has_no_what_if_column_and_says_who_is_rebased() -> None:
    rows = _csv(FINLAND)
    assert list(rows[0]) == [c for c in UNSWITCHED if c not in ("what_if", "rests_on_what_if")]
    usa = next(r for r in rows if r["state"] == "USA")
    assert (usa["change"], usa["side_before"], usa["treaty_after"], usa["article_after"]) == (
        "gained", "", "nato_1949", "5")
    deu = next(r for r in rows if r["state"] == "DEU")
    assert (deu["change"], deu["treaty_before"], deu["treaty_after"]) == ("rebased", "eu_teu_42_7", "nato_1949")
    kinds = [r["change"] for r in rows]
    assert kinds == sorted(kinds, key=["gained", "lost", "switched", "rebased"].index)  # as the lines come


def test_a_comparison_as_a_table_names_the_same_columns() -> None:
    ran = cli_line([*IRAN, "--format", "table"])
    assert ran.returncode == 0, ran.stderr
    head, *rows = ran.stdout.splitlines()
    assert head.split() == list(UNSWITCHED) and [r.split()[0] for r in rows] == ["IRN", "PRK"]


@pytest.mark.parametrize("suffix", [".csv", ".parquet", ".dta"])
def test_out_writes_the_rows_with_each_columns_description(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"c{suffix}"
    ran = cli_line([*IRAN, "--out", str(out)])
    assert ran.returncode == 0 and ran.stdout == "", ran.stderr
    assert f"wrote 2 rows to {out}" in ran.stderr
    if suffix == ".parquet":
        schema = pq.read_schema(out)
        assert {f.name: (f.metadata or {})[b"description"].decode() for f in schema} == UNSWITCHED
        assert json.loads(schema.metadata[b"foedus"])["title"] == (
            "foedus compare 2025-01-15 as encoded and with add_member csto_1992:IRN and drop_treaty rus_prk_2024")
        assert pd.read_parquet(out)["state"].tolist() == ["IRN", "PRK"]
        return
    sidecar = json.loads((tmp_path / f"c{suffix}-metadata.json").read_text(encoding="utf-8"))
    assert {c["name"]: c["dc:description"] for c in sidecar["tableSchema"]["columns"]} == UNSWITCHED
    if suffix == ".csv":
        assert list(csv.DictReader(out.open(encoding="utf-8"))) == _csv(IRAN)  # the rows --format csv prints
    assert error_line([*IRAN, "--out", str(out)]).endswith(
        "already exists; not overwriting it (give --force to replace it, or choose another path)")


@pytest.mark.parametrize("suffix", [".csv", ".parquet", ".dta"])
def test_a_comparison_that_moves_no_one_writes_its_columns_and_no_row(tmp_path: Path, suffix: str) -> None:
    out = tmp_path / f"none{suffix}"
    ran = cli_line([*TAIWAN, "--out", str(out)])
    assert ran.returncode == 0, ran.stderr
    read = {".csv": pd.read_csv, ".parquet": pd.read_parquet, ".dta": pd.read_stata}[suffix](out)
    assert list(read.columns) == list(UNSWITCHED) and len(read) == 0


def test_a_stata_table_of_no_row_with_a_text_column_is_written(tmp_path: Path) -> None:
    """The Stata writer's check for long text took the longest cell of a column with `max(initial=0)`, which pandas
    refuses for a column of no row: a table of no row and a text column could not be written as .dta."""
    write_table(pd.DataFrame({"state": pd.Series([], dtype=object)}), tmp_path / "t.dta")
    assert list(pd.read_stata(tmp_path / "t.dta").columns) == ["state"]


@pytest.mark.parametrize(("extra", "said"), [
    (["--atlas", "--format", "csv"], "--format csv has no effect with --atlas"),
    (["--force"], "--force has no effect without --out"),
    (["--json", "--out", "x.csv"], "--json has no effect with --out"),
    (["--format", "json", "--out", "x.csv"], "--format json has no effect with --out"),
    (["--format", "table", "--out", "x.csv"], "--format table has no effect with --out"),
])
def test_a_table_option_that_would_go_unread_is_refused(extra: list[str], said: str) -> None:
    args = (["compare", "-d", "2025-06-01", "--drop-treaty", "rus_prk_2024"] if "--atlas" in extra else IRAN)
    assert said in error_line([*args, *extra])


def test_out_never_replaces_the_overlay_it_reads(tmp_path: Path) -> None:
    overlay = tmp_path / "iran.csv"
    overlay.write_text("changes:\n- {op: add_member, treaty: csto_1992, state: IRN}\n", encoding="utf-8")
    line = error_line([*KURSK, "--overlay", str(overlay), "--out", str(overlay), "--force"])
    assert "is the --out file too" in line and overlay.read_text(encoding="utf-8").startswith("changes:")


NEUTRAL = """id: nn
name: nn
type: bilateral
signed: 2020-01-01
in_force: 2020-02-01
sources: [{url: 'https://example.org/nn'}]
members: [{state: BLR}, {state: UKR}]
provisions: [{kind: neutrality, article: '1', strength: S4, trigger: armed_attack, when_partner_attacks: true,
              certainty: verified}]
"""


def test_a_state_newly_bound_both_ways_has_a_conflict_row(tmp_path: Path) -> None:
    """Belarus, made to owe Ukraine neutrality, is bound both to defend Russia and to stay out of the war against
    Ukraine: its `!` line (the JSON's `new_conflicts`) had no row; now a `conflict` row follows its `lost` one, naming
    the treaties that bind it both ways."""
    (tmp_path / "nn.yaml").write_text(NEUTRAL, encoding="utf-8")
    line = [*KURSK, "--add-treaty", str(tmp_path / "nn.yaml")]
    rows = _csv(line)
    assert [(r["state"], r["change"]) for r in rows] == [("BLR", "lost"), ("BLR", "conflict")]
    conflict = rows[1]
    assert (conflict["side_before"], conflict["treaty_before"], conflict["side_after"], conflict["article_after"]) == (
        "defense", "csto_1992", "", "")
    assert "nn" in conflict["treaty_after"].split() and "csto_1992" in conflict["treaty_after"].split()
    ran = cli_line([*line, "--format", "table"])
    assert [r.split()[:4] for r in ran.stdout.splitlines()[1:]][1][3] == "conflict"


def test_compare_says_its_changes_as_the_result_records_them() -> None:
    """The first line and the JSON's `what_if` said the overlay's words (`add_member treaty=csto_1992, state=IRN`)
    where the rows, the title and the note say `add_member csto_1992:IRN`: now all say the latter."""
    ran = cli_line(IRAN)
    assert ran.stdout.splitlines()[0] == ("base: 2025-01-15 as encoded; other: the same day with add_member "
                                          "csto_1992:IRN and drop_treaty rus_prk_2024")
    said = json.loads(cli_line([*IRAN, "--json"]).stdout)
    assert said["what_if"] == said["other"]["what_if"] == ["add_member csto_1992:IRN", "drop_treaty rus_prk_2024"]


def test_a_treaty_that_makes_a_conflict_is_not_said_to_move_no_one(tmp_path: Path) -> None:
    """The treaty that binds Belarus both ways moved it (its `lost` and `conflict` rows name it), but the comparison
    said `no change from nn: added, but nn has no clause that binds a party to fight`: a conflict made or ended now
    names its treaties, as a joiner's line does."""
    (tmp_path / "nn.yaml").write_text(NEUTRAL, encoding="utf-8")
    said = json.loads(cli_line([*KURSK, "--add-treaty", str(tmp_path / "nn.yaml"), "--json"]).stdout)
    assert said["new_conflicts"] == ["BLR"] and said["unchanged_because"] == []


def test_the_atlas_comparison_says_its_changes_so_too() -> None:
    """`compare --atlas` said `drop_treaty treaty=rus_prk_2024` in its first line and JSON: now as the scenario's;
    and its first line is the scenario comparison's (`compare_head`), the one day said once, not "base 2025-06-01 vs
    other 2025-06-01"."""
    line = ["compare", "--atlas", "-d", "2025-06-01", "--drop-treaty", "rus_prk_2024", "--reading", "legal"]
    ran = cli_line(line)
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.splitlines()[0] == ("base: 2025-06-01 as encoded; other: the same day with drop_treaty "
                                          "rus_prk_2024")
    assert json.loads(cli_line([*line, "--json"]).stdout)["what_if"] == ["drop_treaty rus_prk_2024"]


def test_a_state_no_longer_bound_both_ways_has_a_resolved_row(tmp_path: Path) -> None:
    """Russia attacking Belarus binds Kazakhstan both ways (the CSTO and its 2013 treaty with Russia); without that
    treaty it joins Belarus's defence. Compare's text said `✓ Kazakhstan (KAZ) is no longer bound both ways`, its JSON
    `resolved_conflicts`, but its CSV and `--out` had its `gained` row only: now a `resolved` row follows, naming the
    treaties that bound it both ways before."""
    line = ["compare", "-a", "RUS", "-t", "BLR", "-d", "2025-06-01", "--drop-treaty", "rus_kaz_2013"]
    rows = _csv(line)
    assert [(r["state"], r["change"]) for r in rows] == [("KAZ", "gained"), ("KAZ", "resolved")]
    resolved = rows[1]
    assert (resolved["name"], resolved["side_before"], resolved["article_before"], resolved["side_after"]) == (
        "Kazakhstan", "", "", "defense")
    assert resolved["treaty_before"].split() == ["csto_1992", "rus_kaz_2013"]
    out = tmp_path / "k.dta"
    assert cli_line([*line, "--out", str(out)]).returncode == 0
    assert pd.read_stata(out)["change"].tolist() == ["gained", "resolved"]
