"""The command line as a user runs it: JSON contract, readable output, errors and exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from foedus import collector
from samples import cli_line

CONTRACT_KEYS = {"date", "attackers", "targets", "place", "reading", "sides", "joiners",
                 "consultations", "conflicts", "neutral", "violations"}
JOINER_KEYS = {"state", "side", "round", "treaty", "article", "strength", "because"}


def flagship(date: str) -> dict:  # type: ignore[type-arg]
    proc = cli_line(["cascade", "--attacker", "UKR", "--target", "RUS", "--place", "kursk-oblast",
                     "--date", date, "--json"])
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)  # type: ignore[no-any-return]


def test_flagship_json_contract_after_entry_into_force() -> None:
    out = flagship("2025-01-15")
    assert set(out) >= CONTRACT_KEYS
    assert (out["date"], out["attackers"], out["targets"], out["place"], out["reading"]) == (
        "2025-01-15", ["UKR"], ["RUS"], "kursk-oblast", "legal")
    assert out["sides"]["attack"] == ["UKR"] and out["sides"]["defense"][0] == "RUS"
    prk = next(j for j in out["joiners"] if j["state"] == "PRK")
    assert set(prk) >= JOINER_KEYS
    assert (prk["side"], prk["round"], prk["treaty"], prk["article"], prk["strength"]) == (
        "defense", 1, "rus_prk_2024", "4", "S1")
    assert prk["because"] == {"attacked": "RUS", "by": "UKR", "place": "kursk-oblast", "target_kind": "territory"}
    assert "PRK" in out["sides"]["defense"]


def test_flagship_before_entry_into_force_has_no_dprk() -> None:
    out = flagship("2024-08-06")
    assert "PRK" not in out["sides"]["defense"]
    assert all(j["state"] != "PRK" for j in out["joiners"])


def test_readable_output_cites_treaty_and_article() -> None:
    proc = cli_line(["cascade", "-a", "UKR", "-t", "RUS", "--place", "kursk-oblast", "-d", "2025-01-15"])
    assert proc.returncode == 0, proc.stderr
    assert "round 1" in proc.stdout
    assert "rus_prk_2024 art. 4" in proc.stdout


def test_demo_runs_both_dates_and_explains_the_change() -> None:
    proc = cli_line(["demo"])
    assert proc.returncode == 0, proc.stderr
    text = " ".join(proc.stdout.split())
    assert "What changed" in text and "North Korea (PRK) is bound to join under rus_prk_2024 art. 4" in text
    assert "from 2024-12-04 (rus_prk_2024 enters into force), in the middle of the war" in text
    assert "ongoing since 2024-08-06" in text
    # every change a reader of the two answers needs, not only the new joiners: supporters and consultations too
    assert "Croatia (HRV) supports Ukraine (UKR) under ukr_bilateral_2024, which it did not on 2024-08-06" in text
    assert "North Korea (PRK) no longer consults Russia (RUS) under rus_prk_2000, as it did on 2024-08-06" in text


@pytest.mark.needs_data
def test_the_demo_does_not_ask_for_the_atop_data_it_leaves_out_on_purpose() -> None:
    """The demo reads the bundled treaty set only, with or without the research data. With ATOP in the data folder
    it said, for each date, "ATOP history not loaded ...; run `foedus data fetch atop`", which the reader had done;
    it now says the demo leaves ATOP out."""
    from foedus.sources.coverage import atop_present

    assert atop_present()
    proc = cli_line(["demo"])
    assert proc.returncode == 0, proc.stderr
    text = " ".join(proc.stdout.split())
    assert "foedus data fetch atop" not in text and "ATOP history not loaded" not in text
    assert "ATOP history left out" in text
    for result in json.loads(cli_line(["demo", "--json"]).stdout):
        assert not any("foedus data fetch atop" in n for n in result["notes"])


def test_the_demo_without_the_data_folder_says_atop_left_out_once_per_answer(target: Path) -> None:
    """Without ATOP in the data folder the demo said "ATOP history not loaded ...; run `foedus data fetch atop`",
    which would not change its answer (it reads the bundled treaty set only), and its header said that set only
    again above both answers' notes. Each answer's note now says ATOP is left out, fetched or not, and the header
    no more. A process of its own: the world is loaded once per process, here with an empty data folder."""
    proc = subprocess.run([sys.executable, "-m", "foedus", "demo"], capture_output=True, text=True, timeout=120,
                          env={**os.environ, "COLUMNS": "400"})
    assert proc.returncode == 0, proc.stderr
    assert "foedus data fetch atop" not in proc.stdout and "ATOP history not loaded" not in proc.stdout
    assert proc.stdout.count("treaty set only") == proc.stdout.count("Note: ATOP history left out") == 2


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["cascade", "-a", "Narnia", "-t", "RUS", "-d", "2025-01-01"], "unknown state 'Narnia'"),
        (["cascade", "-a", "Rusia", "-t", "UKR", "-d", "2025-01-01"], "did you mean Russia"),
        (["cascade", "-a", "UKR", "-t", "RUS", "-d", "2025-02-30"], "invalid date '2025-02-30'"),
        (["cascade", "-a", "UKR", "-t", "RUS", "-d", "1700-01-01"], "outside the range"),
        (["cascade", "-a", "UKR", "-t", "RUS", "-d", "2025-01-01", "--place", "atlantis"], "unknown place 'atlantis'"),
        (["cascade", "-a", "UKR", "-t", "RUS", "-d", "2025-01-01", "--reading", "wild"], "unknown reading 'wild'"),
        (["cascade", "-a", "UKR", "-t", "RUS", "-d", "2025-01-01", "--place", "crimea"],
         "not territory of Russia (RUS) under the recognized view, under which it is territory of Ukraine (UKR)"),
        (["cascade", "-a", "RUS", "-t", "RUS", "-d", "2025-01-01"], "both attacker and target"),
        (["treaties", "show", "natoo"], "did you mean nato_1949"),
        (["treaties", "validate", "/nonexistent/pact.yaml"], "no such file"),
    ],
)
def test_bad_input_gives_one_line_and_exit_2(args: list[str], message: str) -> None:
    proc = cli_line(args)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip().startswith("error: ") and message in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_json_errors_are_json_too() -> None:
    proc = cli_line(["cascade", "-a", "Narnia", "-t", "RUS", "-d", "2025-01-01", "--json"])
    assert proc.returncode == 2
    assert json.loads(proc.stdout) == {"ok": False, "error": proc.stderr.strip().removeprefix("error: "),
                                       "status": 2}


def test_validate_names_file_field_and_problem(tmp_path: Path) -> None:
    bad = tmp_path / "pact.yaml"
    bad.write_text("id: my_pact\nname: x\nsigned: 2020-01-01\nsources: [{url: 'https://x.org'}]\n"
                   "members: [{state: FRA}, {state: DEU}]\n"
                   "provisions:\n  - {kind: defense, article: '1', strength: S7}\n")
    proc = cli_line(["treaties", "validate", str(bad)])
    assert proc.returncode == 2
    assert f"{bad}: provisions[0].strength:" in proc.stderr and "S7" in proc.stderr
    bad.write_text("id: my_pact\nname: x\nsigned: 2020-13-01\n")
    proc = cli_line(["treaties", "validate", str(bad)])
    assert proc.returncode == 2 and "signed" in proc.stderr and "Traceback" not in proc.stderr


def test_validate_reports_every_bad_file_not_only_the_first(tmp_path: Path) -> None:
    """`treaties validate DIR` checks every file: one line per bad file (file and problem), nothing on stdout,
    exit 2; the good files are not reported as bad."""
    from samples import GOOD_TREATY

    (tmp_path / "a_good.yaml").write_text(GOOD_TREATY, encoding="utf-8")
    (tmp_path / "b_strength.yaml").write_text(GOOD_TREATY.replace("my_pact", "b_pact").replace("S2", "S7"),
                                              encoding="utf-8")
    (tmp_path / "c_yaml.yaml").write_text("id: [unclosed\n", encoding="utf-8")
    (tmp_path / "d_state.yaml").write_text(GOOD_TREATY.replace("my_pact", "d_pact").replace("CHL", "Narnia"),
                                           encoding="utf-8")
    (tmp_path / "e_again.yaml").write_text(GOOD_TREATY, encoding="utf-8")  # my_pact a second time
    proc = cli_line(["treaties", "validate", str(tmp_path), str(tmp_path / "missing.yaml")])
    assert proc.returncode == 2 and proc.stdout == "" and "Traceback" not in proc.stderr
    lines = proc.stderr.splitlines()
    assert [line.split(": ")[1] for line in lines] == [
        str(tmp_path / "missing.yaml"), *(str(tmp_path / n) for n in ("b_strength.yaml", "c_yaml.yaml", "d_state.yaml",
                                                                      "e_again.yaml"))]
    assert all(line.startswith("error: ") for line in lines)
    assert "provisions[0].strength" in lines[1] and "invalid YAML" in lines[2] and "Narnia" in lines[3]
    assert "duplicate treaty id 'my_pact'" in lines[4]


@pytest.mark.parametrize("cycle", [["a_pact", "b_pact"], ["a_pact", "b_pact", "c_pact"]])
def test_validate_refuses_treaties_that_replace_each_other(tmp_path: Path, cycle: list[str]) -> None:
    """A treaty replacing itself is refused; two (or more) that replace each other were each 'ok': the cycle is
    refused in one line naming every treaty in it, and those files are left out (a file outside it still loads)."""
    from samples import GOOD_TREATY

    for tid, old in zip(cycle, [*cycle[1:], cycle[0]], strict=True):
        (tmp_path / f"{tid}.yaml").write_text(GOOD_TREATY.replace("my_pact", tid) + f"replaces: [{old}]\n",
                                              encoding="utf-8")
    (tmp_path / "z_pact.yaml").write_text(GOOD_TREATY.replace("my_pact", "z_pact") + "replaces: [a_pact]\n",
                                          encoding="utf-8")
    proc = cli_line(["treaties", "validate", str(tmp_path)])
    chain = f"{cycle[0]} replaces " + ", which replaces ".join([*cycle[1:], cycle[0]])
    assert proc.returncode == 2 and proc.stdout == "" and "Traceback" not in proc.stderr
    assert proc.stderr == f"error: {tmp_path / 'a_pact.yaml'}: replaces[0]: {chain}: a cycle (no treaty can replace " \
        "itself, directly or through others)\n"
    proc = cli_line(["treaties", "validate", str(tmp_path / "z_pact.yaml"), str(tmp_path / "a_pact.yaml")])
    assert proc.returncode == 2 and "no treaty has the id 'b_pact'" in proc.stderr


def test_validate_refuses_a_date_window_nothing_reads(tmp_path: Path) -> None:
    """A freeze's end cannot carry a window (the engine would ignore it); a suspension (a member's or a leg's) and a
    clause's span can."""
    head = ("id: my_pact\nname: x\nsigned: 2020-01-01\nin_force: 2020-01-01\nsources: [{url: 'https://x.org/a'}]\n")
    bad = tmp_path / "pact.yaml"
    bad.write_text(head + "members: [{state: FRA}, {state: DEU, frozen: [{start: 2021-01-01, end: 2022-01-01, "
                   "end_certainty: {within: month}}]}]\nprovisions:\n  - {kind: defense, article: '1', strength: S2}\n")
    proc = cli_line(["treaties", "validate", str(bad)])
    assert proc.returncode == 2 and "members[1].frozen[0].end_certainty" in proc.stderr
    assert "Traceback" not in proc.stderr
    bad.write_text(head + "members: [{state: FRA}, {state: DEU}]\nprovisions:\n  - {kind: defense, article: '1', "
                   "strength: S2, valid: {start: 2021-01-01, start_certainty: {within: month}}, suspensions: "
                   "[{obligor: FRA, beneficiary: DEU, span: {start: 2021-03-01, start_certainty: {within: year}}}]}\n")
    assert cli_line(["treaties", "validate", str(bad)]).returncode == 0
    bad.write_text(head + "members: [{state: FRA}, {state: DEU, suspended: [{start: 2021-01-01, end: 2022-01-01, "
                   "start_certainty: {within: month}, end_certainty: {within: year}}]}]\n"
                   "provisions:\n  - {kind: defense, article: '1', strength: S2}\n")
    assert cli_line(["treaties", "validate", str(bad)]).returncode == 0


def test_user_treaty_file_is_validated_and_used(tmp_path: Path) -> None:
    pact = tmp_path / "pact.yaml"
    pact.write_text("id: my_pact\nname: My pact\nsigned: 2020-01-01\nin_force: 2020-01-01\n"
                    "sources: [{url: 'https://example.org'}]\nmembers: [{state: BRA}, {state: ARG}]\n"
                    "provisions:\n  - {kind: defense, article: '1', strength: S1}\n")
    before = pact.read_text()
    assert cli_line(["treaties", "validate", str(pact)]).returncode == 0
    proc = cli_line(["cascade", "-a", "CHL", "-t", "ARG", "-d", "2025-01-01", "--treaties", str(pact), "--json"])
    assert proc.returncode == 0, proc.stderr
    joiners = {j["state"]: j["treaty"] for j in json.loads(proc.stdout)["joiners"]}
    assert joiners.get("BRA") == "my_pact"
    assert pact.read_text() == before


def test_bundled_set_validates() -> None:
    proc = cli_line(["treaties", "validate"])
    assert proc.returncode == 0, proc.stderr
    assert "treaty files valid" in proc.stdout


def test_treaties_show_lists_invocations() -> None:
    proc = cli_line(["treaties", "show", "nato_1949", "--json"])
    data = json.loads(proc.stdout)
    assert any(i["article"] == "5" and i["date"] == "2001-09-12" for i in data["invocations"])
    text = cli_line(["treaties", "show", "rus_prk_2024"]).stdout
    assert "invocations" in text and "2025-04-28" in text


def test_an_invocation_says_how_sure_it_is() -> None:
    """The fact sheet (§1.10) gives the Falklands invocation of the Rio Treaty by year only: the invocation, its
    year with it, is [V general], the resolutions' details [U] (not recorded); the table and the JSON say so,
    beside the article Argentina based its request on (FRUS, a source of the sheet: Art. 6)."""
    data = json.loads(cli_line(["treaties", "show", "tiar_1947", "--json"]).stdout)
    falklands = next(i for i in data["invocations"] if i["requester"] == ["ARG"])
    assert (falklands["article"], falklands["how_sure"]) == ("6", "verified; date: known only to the year (year: "
                                                                  "verified; day: not verified)")
    nine_eleven = next(i for i in data["invocations"] if i["date"] == "2001-09-21")
    assert (nine_eleven["requester"], nine_eleven["how_sure"]) == (["BRA"], "verified; date: known only to the month "
                                                                              "(day: not verified)")
    wide = subprocess.run([sys.executable, "-m", "foedus.cli", "treaties", "show", "tiar_1947"], capture_output=True,
                          text=True, env=os.environ | {"COLUMNS": "250"}, timeout=120).stdout
    cuba = next(line for line in wide.splitlines() if "1962-10-23" in line)
    assert "unverified; date: known only to the month" in cuba


def test_treaties_show_says_a_membership_continues_on_other_facts() -> None:
    """Armenia's CSTO membership is one row to 12 Jun 2024, a secondary one from then to 24 Nov 2025 and an
    unverified one from then (§1.4): the table says the first two continue, not that Armenia left."""
    wide = subprocess.run([sys.executable, "-m", "foedus.cli", "treaties", "show", "csto_1992"], capture_output=True,
                          text=True, env=os.environ | {"COLUMNS": "250"}, timeout=120).stdout
    rows = [line for line in wide.splitlines() if "(ARM)" in line and line.startswith("│")]  # the table, not its notes
    assert len(rows) == 3 and "2024-06-12 (continues)" in rows[0] and "verified" in rows[0]
    assert "2025-11-25 (continues)" in rows[1] and "secondary" in rows[1]
    assert "unverified" in rows[2] and "continues" not in rows[2]


def test_schema_export_never_overwrites(tmp_path: Path) -> None:
    out = tmp_path / "schema.json"
    assert cli_line(["schema", "--out", str(out)]).returncode == 0
    assert json.loads(out.read_text())["title"] == "Treaty"
    out.write_text("mine")
    proc = cli_line(["schema", "--out", str(out)])
    assert proc.returncode == 2 and "not overwriting" in proc.stderr
    assert out.read_text() == "mine"


@pytest.mark.needs_data
def test_states_and_places_commands() -> None:
    states = json.loads(cli_line(["states", "north korea", "--json"]).stdout)
    assert states[0]["id"] == "PRK" and states[0]["ccode"] == 731
    assert states[0]["spells"][0] == ["1948-09-09", None]
    table = cli_line(["states", "germany"])  # COW ends in 2016: an open spell is "(open)" and said so, never "today"
    assert "1990-10-03–(open)" in table.stdout and "today" not in table.stdout
    assert "COW v2016's end (2016-12-31)" in table.stderr
    early = cli_line(["states", "--date", "1815-06-01"])  # inside foedus's range, before COW's: empty, and said why
    assert early.returncode == 0 and "COW state system begins" in early.stderr
    places = {p["id"] for p in json.loads(cli_line(["places", "--json"]).stdout)}
    assert {"kursk-oblast", "senkaku-islands", "second-thomas-shoal", "crimea"} <= places


def test_without_research_data_foedus_says_what_is_missing(tmp_path: Path) -> None:
    env = os.environ.copy() | {"FOEDUS_DATA_DIR": str(tmp_path / "empty"), "FOEDUS_CACHE_DIR": str(tmp_path / "c")}

    # A process of its own, not `samples.cli_line`: a process loads its world once, from the data folder it starts with.
    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "foedus.cli", *args], capture_output=True, text=True,
                              env=env, timeout=120)

    old = json.loads(cli("cascade", "-a", "GMY", "-t", "RUS", "-d", "1914-08-01", "--json").stdout)
    assert any("ATOP history not loaded" in n for n in old["notes"])
    assert any("state-system dates not loaded" in n for n in old["notes"])
    war = json.loads(cli("war", "july_crisis_1914", "--json").stdout)  # a replay says so too
    assert any("ATOP history not loaded" in n for n in war["notes"])
    # ... past ATOP's end as well, as a cascade does: the alliances ATOP carries past 2018 are missing too
    recent = json.loads(cli("war", "russia_ukraine_2022", "--until", "2023-01-01", "--json").stdout)
    same = json.loads(cli("cascade", "-a", "RUS", "-t", "UKR", "-d", "2022-02-24", "--json").stdout)["notes"]
    assert [n for n in recent["notes"] if "ATOP history not loaded" in n] == [
        n for n in same if "ATOP history not loaded" in n] != []
    proc = cli("dyads", "--from", "1900", "--to", "1901", "--out", str(tmp_path / "d.csv"))
    assert proc.returncode == 2 and "foedus data fetch cow_states" in proc.stderr
    assert not (tmp_path / "d.csv").exists()


def test_python_dash_m_foedus_is_the_same_command_line() -> None:
    proc = subprocess.run([sys.executable, "-m", "foedus", "cascade", "-a", "UKR", "-t", "RUS", "-d", "2025-01-15",
                           "--place", "kursk-oblast", "--json"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout) == flagship("2025-01-15")
    bad = subprocess.run([sys.executable, "-m", "foedus", "cascade", "-a", "XXX", "-t", "RUS", "-d", "2025-01-15"],
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1


def test_a_command_runs_in_an_app_holding_only_it(capsys: pytest.CaptureFixture[str]) -> None:
    from foedus.cli.app import app, app_for
    from foedus.cli.entry import run_cli

    narrow = app_for(["cascade", "-a", "UKR"])
    assert narrow is not app and [c.callback.__name__ for c in narrow.registered_commands if c.callback] == [
        "cascade"] and not narrow.registered_groups
    assert [g.name for g in app_for(["likely", "report"]).registered_groups] == ["likely"]
    assert [c.name for c in app_for(["atop-check"]).registered_commands] == ["atop-check"]
    assert all(app_for(args) is app for args in ([], ["--help"], ["cascad"], ["-a", "UKR"]))
    assert len(app.registered_commands) > 10  # narrowing copies the app, never changes it
    for args in (["cascade", "-a", "UKR", "-t", "RUS", "-d", "2025-01-15", "--json"],
                 ["cascade", "-a", "XXX", "-t", "RUS", "-d", "2025-01-15"], ["cascade", "--nope"],
                 ["likely", "--help"], ["treaties", "show"]):
        both = []
        for which in (app, app_for(args)):
            code = run_cli(which, args)
            both.append((code, *capsys.readouterr()))
        assert both[0] == both[1], args


def test_start_imports_with_the_collector_paused_then_restores_it(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    import foedus.cli.app as app_module
    from foedus.cli import start

    freezing = [False]
    monkeypatch.setattr(collector, "_FREEZE", freezing)  # start.main would set it for the process it runs in
    seen: list[tuple[bool, str | None]] = []
    monkeypatch.setattr(app_module, "main", lambda: seen.append((gc.isenabled(), os.environ.get(
        "PYDANTIC_DISABLE_PLUGINS"))))
    monkeypatch.setenv("PYDANTIC_DISABLE_PLUGINS", "mine")
    start.main()
    monkeypatch.delenv("PYDANTIC_DISABLE_PLUGINS")
    start.main()
    gc.unfreeze()
    assert seen == [(True, "mine"), (True, "__all__")] and freezing == [False]  # typer's commands: not frozen


def test_start_runs_a_line_the_fast_reader_reads_with_the_collector_on(monkeypatch: pytest.MonkeyPatch) -> None:
    import gc

    import foedus.cli.app as app_module
    import foedus.cli.fast as fast
    import foedus.outputs as outputs
    from foedus.cli import failures, start

    seen: list[bool] = []
    freezing = [False]
    left: list[bool] = []

    def leave(code: int, *, at_once: bool = False) -> None:
        left.append(at_once)
        raise SystemExit(code)

    monkeypatch.setattr(collector, "_FREEZE", freezing)  # not for the later tests in this process
    monkeypatch.setattr(outputs, "install_signal_cleanup", lambda: None)  # not in the test runner's process
    monkeypatch.setattr(failures, "leave", leave)  # the real one would end the test runner's process at once
    monkeypatch.setattr(app_module, "main", lambda: pytest.fail("typer's route taken"))
    asked: list[bool] = []

    def prepare(argv: list[str], records: bool = False) -> Any:
        asked.append(records)
        return lambda: seen.append(gc.isenabled()) or 3

    monkeypatch.setattr(fast, "prepare", prepare)
    monkeypatch.setattr(sys, "argv", ["foedus", "cascade"])
    with pytest.raises(SystemExit) as exit_info:
        start.main()
    gc.unfreeze()
    assert seen == [True] and exit_info.value.code == 3 and freezing == [True]  # one plain cascade: loads frozen
    assert asked == [True]  # and, when it reads only the bundled world, runs on runtime records
    assert left == [True]  # then ends the process at once


def test_long_lived_loads_are_frozen_only_where_the_process_asks(monkeypatch: pytest.MonkeyPatch) -> None:
    """A `loading` block pauses the collector; it freezes what is alive after it only in a process that asked
    (the console script: `freeze_loads`), never in a long-running one such as this test runner."""
    import gc

    monkeypatch.setattr(collector, "_FREEZE", [False])
    before = gc.get_freeze_count()
    with collector.loading():
        assert not gc.isenabled()
        kept = [[i] for i in range(1000)]  # long-lived, tracked objects
    assert gc.isenabled() and gc.get_freeze_count() == before
    collector.freeze_loads()
    try:
        with collector.loading():
            kept += [[i] for i in range(1000)]
        assert gc.isenabled() and gc.get_freeze_count() >= before + len(kept)
        frozen = gc.get_freeze_count()
        with collector.acyclic():  # a cascade's leftovers (what it compiled) are frozen too, not collected
            kept += [[i] for i in range(1000)]
        assert gc.isenabled() and gc.get_freeze_count() >= frozen + 1000
    finally:
        gc.unfreeze()
    assert collector._FREEZE == [True]


@pytest.mark.parametrize("args", [["places", "--date", ""], ["states", "--date", ""],
                                  ["treaties", "list", "--date", ""], ["war", "russia_ukraine_2022", "--until", ""]])
def test_an_empty_date_is_refused_as_malformed(args: list[str]) -> None:
    """An empty --date (or --until) is a malformed date everywhere, not "no date" in some commands."""
    proc = cli_line(args)
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1 and "Traceback" not in proc.stderr


def test_a_treaty_id_with_spaces_around_it_is_found() -> None:
    proc = cli_line(["treaties", "show", " nato_1949 ", "--json"])
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["id"] == "nato_1949"


def test_the_probability_table_says_how_many_states_it_leaves_out() -> None:
    """The text table shows the 25 likeliest states; the rest (NATO's others, the USA among them, for Russia
    attacking Estonia) are said to be in --json, not silently dropped."""
    args = ("cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01", "--draws", "200", "--seed", "1")
    proc = cli_line([*args])
    assert proc.returncode == 0, proc.stderr
    probabilities = json.loads(cli_line([*args, "--json"]).stdout)["probabilities"]
    assert len(probabilities) > 25
    text = " ".join(proc.stdout.split())
    assert f"{len(probabilities) - 25} more states" in text and "--json" in text
