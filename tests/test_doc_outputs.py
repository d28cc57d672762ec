"""What the docs say a command prints is what it prints: the console sessions quoted in the docs (`$ command`
followed by its output) run as written, and the figures the docs quote from a command's output are that output.
(The commands' names and options are checked by test_doc_commands.py; the Python examples run as doctests.)"""

from __future__ import annotations

import json
import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from foedus.research.atop_check import OBVARY, PHASE_CHANGE
from samples import cli_line

ROOT = Path(__file__).resolve().parents[1]
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]
_FENCE = re.compile(r"^ *```[a-z]*\n(.*?)^ *```", re.S | re.M)


def _doc(name: str) -> str:
    return " ".join((ROOT / "docs" / name).read_text(encoding="utf-8").split())


def _sessions() -> list[tuple[str, str, list[str]]]:
    """(doc, command, the output lines the doc shows) for each `$ command` line of a fenced block."""
    found = []
    for path in DOCS:
        for block in _FENCE.findall(path.read_text(encoding="utf-8")):
            lines = [line.strip() for line in block.splitlines()]
            for i, line in enumerate(lines):
                if line.startswith("$ "):
                    shown = []
                    for rest in lines[i + 1:]:
                        if rest.startswith("$ "):
                            break
                        shown.append(rest)
                    found.append((path.name, line[2:], [s for s in shown if s]))
    return found


def _fresh(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """`foedus ARGS` in a process of its own: another data folder's world (this process's is loaded once)."""
    return subprocess.run([sys.executable, "-m", "foedus.cli", *args], capture_output=True, text=True,
                          env=os.environ | env, timeout=300)


SESSIONS = _sessions()


def test_the_docs_quote_console_sessions() -> None:
    assert SESSIONS  # the pattern finds them (a broken one would find none)


@pytest.mark.parametrize(("doc", "command", "shown"), SESSIONS, ids=[f"{d}:{c[:50]}" for d, c, _ in SESSIONS])
def test_a_quoted_console_session_prints_what_the_doc_shows(doc: str, command: str, shown: list[str],
                                                            tmp_path: Path) -> None:
    """A session runs as written (`/empty/folder` is an empty folder made for it)."""
    words = shlex.split(command.replace("/empty/folder", str(tmp_path / "empty")))
    (tmp_path / "empty").mkdir()
    env: dict[str, str] = {}
    while "=" in words[0]:
        name, value = words.pop(0).split("=", 1)
        env[name] = value
    assert words[0] == "foedus", f"{doc}: `{command}` is not a foedus command"
    proc = _fresh(words[1:], env) if "FOEDUS_DATA_DIR" in env else cli_line(words[1:], env)
    printed = [line.strip() for line in (proc.stdout + proc.stderr).splitlines() if line.strip()]
    assert printed == shown, f"{doc}: `{command}`"


@pytest.mark.needs_data
def test_the_memory_budget_figures_with_the_research_data() -> None:
    """docs/performance.md gives the same command's figures with the research data loaded."""
    proc = cli_line(["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01", "--draws", "10000000"],
                    {"FOEDUS_MEMORY_MB": "600"})
    need, fit = re.search(r"about ([\d,]+) MiB of memory; at most ([\d,]+) fit", proc.stderr).groups()  # type: ignore[union-attr]
    assert f"reports about {need} MiB and at most {fit} draws" in _doc("performance.md")


@pytest.mark.needs_data
def test_the_atop_check_table_in_research_md() -> None:
    """docs/research.md's agreement table and disagreement classes are `foedus atop-check`'s."""
    proc = cli_line(["atop-check", "--json"])
    report = json.loads(proc.stdout)
    text = _doc("research.md")
    assert f"{report['reference_rows']:,} rows" in text
    classes: dict[str, int] = {}
    for flag in report["flags"]:
        row = f"| `{flag['column']}` | {flag['rate']:.3%} | {flag['ours_only']} | {flag['theirs_only']} |"
        assert row in text
        for name, n in flag["classes"].items():
            classes[name] = classes.get(name, 0) + n
    total = sum(classes.values())
    assert f"({classes[OBVARY]} of the {total} flag disagreements)" in text
    assert f"within the year ({classes[PHASE_CHANGE]})" in text
    assert f"({len(report['dyad_years_only_foedus_flags'])} dyad-years foedus lists that ATOP does not)" in text
    assert f"{report['reference_rows_without_any_obligation']} ATOP rows without any of the five obligations" in text


@pytest.mark.needs_data
def test_the_rows_written_in_outputs_md(tmp_path: Path) -> None:
    """docs/outputs.md: `foedus dyads --from 1990 --to 1990 --undirected --out dyads.dta` says what it wrote."""
    proc = cli_line(["dyads", "--from", "1990", "--to", "1990", "--undirected", "--out", str(tmp_path / "dyads.dta")])
    assert proc.returncode == 0, proc.stderr
    rows = re.search(r"wrote ([\d,]+) rows to ", proc.stderr).group(1)  # type: ignore[union-attr]
    assert (f"`wrote {rows} rows to dyads.dta` (`foedus dyads --from 1990 --to 1990 --undirected --out dyads.dta`)"
            in _doc("outputs.md"))


@pytest.mark.slow
@pytest.mark.needs_data
def test_the_carried_depth_counts_in_depth_md(tmp_path: Path) -> None:
    """docs/depth.md: in how many of 2019's dyads the deepest shared alliance is a carried ATOP one."""
    counts = []
    for flag in ("--directed", "--undirected"):
        out = tmp_path / f"d{flag}.parquet"
        proc = cli_line(["dyads", "--from", "2018", "--to", "2019", "--depth", flag, "--out", str(out)])
        assert proc.returncode == 0, proc.stderr
        frame = pd.read_parquet(out)
        counts.append(int(frame.loc[frame["year"] == 2019, "depth_shared_carried"].sum()))
    assert (f"(in {counts[0]:,} of 2019's directed dyads, `foedus dyads --from 2018 --to 2019 --depth`; "
            f"{counts[1]:,} with `--undirected`" in _doc("depth.md"))


@pytest.mark.needs_data
def test_the_alliance_counts_of_foedus_depth_in_depth_md(tmp_path: Path) -> None:
    """docs/depth.md quotes what `foedus depth --out FILE` says it scored (ATOP alliances, curated treaties)."""
    proc = cli_line(["depth", "--out", str(tmp_path / "depth.parquet")])
    assert proc.returncode == 0, proc.stderr
    said = re.search(r"\d+ ATOP alliances, \d+ curated treaties", proc.stderr).group(0)  # type: ignore[union-attr]
    atop = said.split()[0]
    assert f"{atop} alliances (`foedus depth --out FILE` says `{said}`)" in _doc("depth.md")
    row = pd.read_parquet(tmp_path / "depth.parquet").set_index("treaty").loc["sau_pak_2025"]
    interval = f"{row['depth_lo']:.2f} to {row['depth_hi']:.2f}".replace("-", "−")
    assert f"depth 0 with a wide interval, {interval}, in the `sau_pak_2025` row" in _doc("depth.md")


@pytest.mark.needs_data
def test_the_depth_of_a_year_in_depth_md(tmp_path: Path) -> None:
    """docs/depth.md quotes what `foedus depth --year 1978` says it scored, and its Manila Pact row's depth."""
    proc = cli_line(["depth", "--year", "1978", "--out", str(tmp_path / "d.csv")])
    assert proc.returncode == 0, proc.stderr
    said = re.search(r"\d+ ATOP alliances, \d+ curated treaties", proc.stderr).group(0)  # type: ignore[union-attr]
    depth = pd.read_csv(tmp_path / "d.csv").set_index("treaty").loc["manila_1954", "depth"]
    assert (f"`foedus depth --year 1978 --out d.csv` says `{said}`, and its Manila Pact row's depth is {depth:.2f}"
            in " ".join(_doc("depth.md").split()))


@pytest.mark.needs_data
def test_the_what_if_series_in_whatif_and_atlas_md(tmp_path: Path) -> None:
    """docs/whatif-and-atlas.md's what-if series: 2024 as encoded, 2025 without the Russia–DPRK treaty."""
    sizes = []
    for name, change in (("w.csv", ["--drop-treaty", "rus_prk_2024"]), ("p.csv", [])):
        ran = cli_line(["atlas", "--from", "2024", "--to", "2025", "--reading", "legal", *change, "--out",
                        str(tmp_path / name)])
        assert ran.returncode == 0, ran.stderr
        frame = pd.read_csv(tmp_path / name)
        sizes.append([(f"{m:.2f}", t) for m, t in zip(frame["mean_size_legal"], frame["tripwire_dyads_legal"],
                                                        strict=True)])
    (w24, w25), (_, p25) = sizes
    text = " ".join(_doc("whatif-and-atlas.md").split())
    assert (f"writes 2024 as encoded (mean legal war size {w24[0]}, {w24[1]} tripwire dyads) and 2025 without the "
            f"treaty ({w25[0]} and {w25[1]}, against {p25[0]} and {p25[1]} as encoded" in text)


def _atlas_columns_in_doc() -> dict[str, list[str]]:
    """docs/whatif-and-atlas.md's column table, by the bold row that opens each part (READING expanded)."""
    text = (ROOT / "docs" / "whatif-and-atlas.md").read_text(encoding="utf-8")
    parts: dict[str, list[str]] = {}
    current = ""
    for line in text.split("| column | meaning (unit; missing) |", 1)[1].splitlines()[2:]:
        if not line.startswith("|"):
            break
        first = line.split("|")[1]
        if first.strip().startswith("**"):
            current = first.strip().strip("*`")
            parts[current] = []
            continue
        for name in re.findall(r"`([a-z_0-9A-Z]+)`", first):
            parts[current] += ([name.replace("READING", r) for r in ("legal", "escalatory")] if "READING" in name
                               else [name])
    return parts


@pytest.mark.needs_data
def test_the_atlas_columns_in_whatif_and_atlas_md(tmp_path: Path) -> None:
    """Each output the atlas writes has exactly the columns the doc's table lists (on small runs)."""
    parts = _atlas_columns_in_doc()
    runs = {"--date D": ["--date", "1816-07-01"], "--from Y1 --to Y2": ["--from", "1816", "--to", "1817"],
            "--date D --draws N": ["--date", "1816-07-01", "--draws", "3", "--seed", "1"]}
    assert set(parts) == set(runs)
    for part, args in runs.items():
        out = tmp_path / f"{len(args)}.parquet"
        proc = cli_line(["atlas", *args, "--out", str(out)])
        assert proc.returncode == 0, proc.stderr
        assert sorted(pd.read_parquet(out).columns) == sorted(parts[part]), part


def test_the_cascade_table_columns_in_outputs_md() -> None:
    """docs/outputs.md lists `foedus cascade --format table`'s columns (its CSV's: test_cascade_csv_columns.py)."""
    args = ["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01", "--format"]
    table_header = cli_line([*args, "table"]).stdout.splitlines()[0].split()
    text = _doc("outputs.md")
    assert "in the columns " + ", ".join(f"`{c}`" for c in table_header[:-1]) + f" and `{table_header[-1]}`" in text


def _readme() -> str:
    return " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())


def test_the_treaty_counts_in_the_readme(tmp_path: Path) -> None:
    """README: how many treaty files ship, and how many are in force on 2025-06-01 (without the research data)."""
    env = {"FOEDUS_DATA_DIR": str(tmp_path)}
    counts = []
    for extra in ([], ["--date", "2025-06-01"]):
        proc = _fresh(["treaties", "list", "--format", "csv", *extra], env)
        assert proc.returncode == 0, proc.stderr
        counts.append(len(proc.stdout.splitlines()) - 1)
    assert f"— {counts[0]} treaty files (`foedus treaties list`, without the research data, lists them;" in _readme()
    assert f"{counts[1]} are in force on 2025-06-01, `foedus treaties list --date 2025-06-01`" in _readme()


def test_the_curated_treaties_mapped_to_atop_in_research_md() -> None:
    """docs/research.md: how many bundled treaty files map to ATOP alliances (`atop_ids`)."""
    files = sorted((ROOT / "src" / "foedus" / "data" / "treaties").glob("*.yaml"))
    mapped = sum("atop_ids" in f.read_text(encoding="utf-8") for f in files)
    assert f"{mapped} curated treaties map to ATOP alliances, `grep -l atop_ids" in _doc("research.md")


@pytest.mark.needs_data
def test_the_empty_atop_file_message_in_data_md(tmp_path: Path) -> None:
    """docs/data.md quotes the one line an empty ATOP member file gets (the path there: a user's data folder)."""
    source = Path(os.environ["FOEDUS_DATA_DIR"])
    data = tmp_path / "data"
    for file in source.rglob("*"):
        if file.is_file():
            (data / file.relative_to(source)).parent.mkdir(parents=True, exist_ok=True)
            (data / file.relative_to(source)).symlink_to(file)
    (data / "atop" / "atop5_1m.csv").unlink()
    (data / "atop" / "atop5_1m.csv").write_bytes(b"")
    proc = _fresh(["cascade", "-a", "GMY", "-t", "RUS", "-d", "1914-08-01"],
                  {"FOEDUS_DATA_DIR": str(data), "FOEDUS_CACHE_DIR": str(tmp_path / "cache")})
    assert proc.returncode == 2
    shown = _doc("data.md").split("```text ", 1)[1].split(" ```", 1)[0]
    assert shown == proc.stderr.strip().replace(str(data), "/home/me/.local/share/foedus/data")


@pytest.mark.needs_data
def test_the_similarity_pairs_beyond_dyads_in_research_md(tmp_path: Path) -> None:
    """docs/research.md: `foedus similarity` lists more pairs than `foedus dyads` over 1816–2018, and how many."""
    rows = []
    for args in (["similarity", "--from", "1816", "--to", "2018"],
                 ["dyads", "--from", "1816", "--to", "2018", "--no-covariates"]):
        proc = cli_line([*args, "--out", str(tmp_path / f"{args[0]}.parquet")])
        assert proc.returncode == 0, proc.stderr
        rows.append(int(re.search(r"wrote ([\d,]+) rows to ", proc.stderr).group(1).replace(",", "")))  # type: ignore[union-attr]
    text = _doc("research.md")
    assert f"({rows[0] - rows[1]} more pairs over 1816–2018 than `foedus dyads`" in text
    dyads = "`foedus dyads --from 1816 --to 2018 --no-covariates --out FILE`"
    assert f"writes {rows[0]:,} rows, {dyads} {rows[1]:,})" in text


@pytest.mark.needs_data
def test_the_sidecar_example_in_research_md(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """docs/research.md: what `foedus similarity --from 2017 --to 2017 --out sim.csv` prints and the sidecar it
    writes beside the table (its columns cut to two, as the page says; foedus's version as it is now)."""
    section = (ROOT / "docs" / "research.md").read_text(encoding="utf-8").split(
        "## Provenance beside a CSV or Stata table")[1]
    printed, sidecar = _FENCE.findall(section)[:2]
    assert "`foedus similarity --from 2017 --to 2017 --out sim.csv` prints" in section
    monkeypatch.chdir(tmp_path)
    proc = cli_line(["similarity", "--from", "2017", "--to", "2017", "--out", "sim.csv"])
    assert proc.returncode == 0, proc.stderr
    assert proc.stderr.splitlines() == printed.splitlines()
    written = json.loads((tmp_path / "sim.csv-metadata.json").read_text(encoding="utf-8"))
    written["tableSchema"]["columns"] = written["tableSchema"]["columns"][:2]
    shown = json.loads(sidecar)
    shown["foedus"]["foedus_version"] = written["foedus"]["foedus_version"]
    assert written == shown


def _wrote(proc: subprocess.CompletedProcess[str]) -> int:
    """The rows a writer says it wrote (`wrote N rows to FILE` on stderr)."""
    assert proc.returncode == 0, proc.stderr
    return int(re.search(r"wrote ([\d,]+) rows to ", proc.stderr).group(1).replace(",", ""))  # type: ignore[union-attr]


@pytest.mark.needs_data
def test_the_empty_covariate_rows_in_research_md(tmp_path: Path) -> None:
    """docs/research.md: how many dyad-years of `foedus dyads --from 1816 --to 2018` have empty cascade covariates
    (the notes' counts) of how many, in the COW table, and in the Gleditsch–Ward table, where the rows of a state COW
    never lists have a note of their own and the off-day note counts the others."""
    cow = cli_line(["dyads", "--from", "1816", "--to", "2018", "--out", str(tmp_path / "cow.parquet")])
    cow_empty = re.search(r"they are empty in the ([\d,]+) dyad-years", cow.stderr).group(1)  # type: ignore[union-attr]
    gw = cli_line(["dyads", "--from", "1816", "--to", "2018", "--system", "gw", "--out", str(tmp_path / "gw.parquet")])
    gw_only = re.search(r"are empty in the ([\d,]+) dyad-years of a state the COW list never has",
                        gw.stderr).group(1)  # type: ignore[union-attr]
    off_day = re.search(r"they are empty in the ([\d,]+) other dyad-years", gw.stderr).group(1)  # type: ignore[union-attr]
    table = pd.read_parquet(tmp_path / "gw.parquet", columns=["cascade_defenders"])
    doc = " ".join(_doc("research.md").split())
    assert (f"`foedus dyads --from 1816 --to 2018 --out FILE`: {cow_empty} of its {_wrote(cow):,} directed "
            "dyad-years." in doc)
    assert f"also empty in the {gw_only} rows of a state COW never lists" in doc
    assert f"this note counts the other {off_day}" in doc
    assert (f"`foedus dyads --from 1816 --to 2018 --system gw --out FILE`: "
            f"{int(table['cascade_defenders'].isna().sum()):,} empty of {_wrote(gw):,};" in doc)


@pytest.mark.needs_data
def test_the_dyad_years_of_1816_2016_in_research_md(tmp_path: Path) -> None:
    """docs/research.md measures the contiguity differences on the rows of `foedus dyads --from 1816 --to 2016`."""
    rows = _wrote(cli_line(["dyads", "--from", "1816", "--to", "2016", "--no-covariates", "--out",
                           str(tmp_path / "d.parquet")]))
    assert (f"directed dyad-years 1816–2016 ({rows:,}), the rows `foedus dyads --from 1816 --to 2016 --no-covariates "
            "--out FILE` writes" in _doc("research.md"))


@pytest.mark.needs_data
def test_the_dyads_of_1900_in_data_md(tmp_path: Path) -> None:
    """docs/data.md: the rows `foedus dyads` writes for 1900 with the official states2016.csv."""
    rows = _wrote(cli_line(["dyads", "--from", "1900", "--to", "1900", "--no-covariates", "--out",
                           str(tmp_path / "d.parquet")]))
    assert f"instead of {rows:,}, `foedus dyads --from 1900 --to 1900 --no-covariates --out FILE`" in _doc("data.md")


@pytest.mark.needs_data
def test_the_atop_rows_in_the_dyads_table_in_research_md(tmp_path: Path) -> None:
    """docs/research.md: ATOP's dyad-year rows of 1816–2018 against `foedus dyads --from 1816 --to 2018
    --no-covariates`: how many are rows of the table, where the flags differ, and the rows the table lacks."""
    out = tmp_path / "d.parquet"
    _wrote(cli_line(["dyads", "--from", "1816", "--to", "2018", "--no-covariates", "--out", str(out)]))
    table = pd.read_parquet(out)
    atop = pd.read_csv(Path(os.environ["FOEDUS_DATA_DIR"]) / "atop" / "atop_alliance.csv")
    early = int((atop["year"] == 1815).sum())
    atop = atop[atop["year"].between(1816, 2018)]
    both = atop.merge(table, on=["ccode1", "ccode2", "year"], how="left", suffixes=("_atop", ""), indicator=True)
    listed = both[both["_merge"] == "both"]
    lacking = both[both["_merge"] == "left_only"]
    flags = ["atop_defense", "atop_offense", "atop_neutral", "atop_nonagg", "atop_consul"]
    differ = [int((listed[f + "_atop"].fillna(0).astype(int) != listed[f].astype(int)).sum()) for f in flags]
    members = {(c, y) for side in ("ccode1", "ccode2") for c, y in zip(table[side], table["year"], strict=True)}
    neither = sum((a, y) not in members and (b, y) not in members
                  for a, b, y in zip(lacking["ccode1"], lacking["ccode2"], lacking["year"], strict=True))
    text = _doc("research.md")
    assert f"prints `{early}`): of ATOP's {len(atop):,} rows of 1816–2018, {len(listed):,} are rows" in text
    assert f"classes 1 and 2 ({', '.join(map(str, differ))} for the five flags" in text
    assert f"the other {len(lacking):,} rows ({neither} of them with neither state a member)" in text
    assert int(table["atopally"].sum()) == len(listed)
    assert f"`atopally` is 1 on exactly the {len(listed):,} rows of the table that ATOP's file lists" in text


@pytest.mark.needs_data
def test_the_treaties_signed_not_in_force_in_whatif_and_atlas_md(tmp_path: Path) -> None:
    """docs/whatif-and-atlas.md: the atlas rows `--basis signed` changes on 2024-07-01 (and none on 2025-06-01)."""
    changed = []
    for day in ("2024-07-01", "2025-06-01"):
        frames = []
        for basis in ("in-force", "signed"):
            out = tmp_path / f"{day}-{basis}.parquet"
            _wrote(cli_line(["atlas", "--date", day, "--basis", basis, "--out", str(out)]))
            frames.append(pd.read_parquet(out).set_index(["attacker", "target"]).sort_index())
        old, new = frames
        cols = [c for c in old.columns if c.endswith(("_legal", "_escalatory"))]
        moved = {c: ~((old[c] == new[c]) | (old[c].isna() & new[c].isna())) for c in cols}
        rows = pd.concat(moved, axis=1).any(axis=1)
        changed.append((int(rows.sum()), len(old), int(moved["war_size_legal"].sum()),
                        int(moved["war_size_escalatory"].sum())))
    (rows_2024, total, legal, escalatory), (rows_2025, *_) = changed
    text = _doc("whatif-and-atlas.md")
    assert (f"and not yet in force, {rows_2024:,} of the {total:,} rows change (the legal war size of {legal:,} "
            f"dyads, the escalatory one of {escalatory:,});" in text)
    assert rows_2025 == 0 and "on 2025-06-01 none does" in text


@pytest.mark.needs_data
def test_the_intra_alliance_wars_in_the_escalatory_reading_in_backtest_md() -> None:
    """docs/backtest.md: in the escalatory reading the Gulf War's, the Football War's and Cenepa's opening attacks bind
    no one to a side, every other member of the shared treaty being bound to both."""
    bound_both = []
    for attacker, target, day in (("IRQ", "KWT", "1990-08-02"), ("SLV", "HND", "1969-07-14"),
                                  ("ECU", "PER", "1995-01-09")):
        proc = cli_line(["cascade", "--attacker", attacker, "--target", target, "--date", day, "--reading",
                        "escalatory", "--json"])
        result = json.loads(proc.stdout)
        assert result["joiners"] == []
        bound_both.append(len(result["conflicts"]))
    text = _doc("backtest.md")
    assert (f"finds no state obligated to join and {bound_both[0]} Arab League members bound to both sides" in text)
    assert f"--date 1995-01-09`: {bound_both[1]} and {bound_both[2]} bound to both sides)" in text


def _bound_from(war: str, reading: str, env: dict[str, str] | None) -> dict[str, int]:
    """How many states a bundled war's replay first binds on each day (`foedus war NAME --json`; `env` another data
    folder's, else this process's world), and (under "USA") how many of them first by an attack on the United
    States."""
    args = ["war", war, "--json", "--reading", reading]
    proc = cli_line(args) if env is None else _fresh(args, env)  # another data folder: a process of its own
    assert proc.returncode == 0, proc.stderr
    days: dict[str, int] = {"USA": 0}
    for record in json.loads(proc.stdout)["states"]:
        if first := record["first_bound"]:
            days[first["date"]] = days.get(first["date"], 0) + 1
            days["USA"] += first["because"]["attacked"] == "USA"
    return days


@pytest.mark.needs_data
def test_the_states_the_worked_wars_bind_in_war_md(tmp_path: Path) -> None:
    """docs/war.md: how many states the Israel–Iran war of June 2025 and the Iran war of 2026 bind, by day, reading
    and data (the research data, or the bundled treaties only)."""
    (tmp_path / "empty").mkdir()
    data, bundled = None, {"FOEDUS_DATA_DIR": str(tmp_path / "empty")}
    text = _doc("war.md")
    for env in (data, bundled):
        assert _bound_from("israel_iran_2025", "legal", env) == {"2025-06-23": 21, "USA": 0}
        assert _bound_from("iran_2026", "legal", env) == {"2026-02-28": 17, "USA": 0}
    assert "binds 21 states to Qatar that day" in text and "bind 17 states from 28 February" in text
    wide, narrow = (_bound_from("israel_iran_2025", "escalatory", env) for env in (data, bundled))
    assert (f"{wide['2025-06-22']} states are bound to the US side from 22 June (NATO, the Rio treaty, ANZUS and "
            f"others) and {wide['2025-06-23']} more from 23 June with the research data, {narrow['2025-06-22']} and "
            f"{narrow['2025-06-23']} with the bundled treaties only" in text)
    wide, narrow = (_bound_from("iran_2026", "escalatory", env) for env in (data, bundled))
    assert (f"with `--reading escalatory` {narrow['2026-02-28']} states are bound from 28 February with the bundled "
            f"treaties only (`FOEDUS_DATA_DIR` an empty folder), {wide['2026-02-28']} with the research data, "
            f"{wide['USA']} of them to the United States" in text)
    assert set(wide) == set(narrow) == {"2026-02-28", "USA"} and narrow["USA"] == wide["USA"]


def test_the_checked_corrections_counted_in_history_md() -> None:
    """docs/history.md: how many carried alliances have a `checked` correction, by the command it quotes."""
    from foedus.sources.corrections import load_corrections

    checked = sum(c.action == "checked" for c in load_corrections())
    assert (f"have a `checked` correction each ({checked}: `python -c \"from foedus.sources.corrections import "
            "load_corrections; print(sum(c.action == 'checked' for c in load_corrections()))\"`" in _doc("history.md"))
