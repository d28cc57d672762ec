"""A scenario file (`foedus cascade --save-scenario F`, `--scenario F`; `foedus.save_scenario`, `foedus.load_scenario`)
holds a run's whole question and reruns it to the same answer; a file is checked before it is believed, each problem
one line naming the file; an option beside `--scenario` that would change the question is refused, naming it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import foedus
from samples import cli_line, error_line, refusal, treaty_files

KURSK = ["cascade", "-a", "UKR", "-t", "RUS", "-d", "2025-01-15", "--place", "kursk-oblast"]
HEAD = "kind: scenario\nschema: 1\n"
QUESTION = HEAD + "attacker: RUS\ntarget: EST\ndate: 2025-06-01\n"


def _typer_line(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    """One command line read by typer (`cli_line` lets the fast reader read a plain one: `foedus.cli.fast`)."""
    from foedus.cli.app import app
    from foedus.cli.entry import run_cli

    code = run_cli(app, args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("reader", ["fast", "typer"])
def test_a_saved_scenario_reruns_to_the_same_json(tmp_path: Path, reader: str,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """Every input that changes the answer travels: the switches, the what-if change, the draws and the seed the run
    chose (none was given), so the rerun's JSON is the saved run's."""
    def run(args: list[str]) -> tuple[int, str, str]:
        return cli_line(args) if reader == "fast" else _typer_line(args, capsys)

    saved = tmp_path / "kursk.yaml"
    code, first, err = run([*KURSK, "--ongoing-since", "2024-08-06", "--reading", "escalatory", "--no-request",
                            "--add-member", "nato_1949:UKR", "--draws", "40", "--json", "--save-scenario", str(saved)])
    assert code == 0 and f"wrote the scenario to {saved}" in err, err
    text = saved.read_text(encoding="utf-8")
    assert text.startswith("kind: scenario\nschema: 1\nfoedus: ") and "\nseed: " in text and "state: UKR" in text
    code, again, err = run(["cascade", "--scenario", str(saved), "--json"])
    assert code == 0 and err == "", err
    assert json.loads(again) == json.loads(first)
    assert json.loads(again)["draws"] == 40 and json.loads(again)["reading"] == "escalatory"


def test_the_python_api_saves_and_loads_the_same_run(tmp_path: Path) -> None:
    path = tmp_path / "s.yml"
    result = foedus.save_scenario(path, "UKR", "RUS", "2025-01-15", place="kursk-oblast", ongoing_since="2024-08-06",
                                  drop_treaty=["csto_1992"])
    scenario = foedus.load_scenario(path)
    assert scenario.inputs["place"] == "kursk-oblast" and [c.op for c in scenario.what_if] == ["drop_treaty"]
    assert scenario.notes == ()  # saved by this foedus, on these treaty files: nothing differs
    assert foedus.cascade(**scenario.keywords()).to_dict() == result.to_dict()
    assert refusal(foedus.save_scenario, path, "UKR", "RUS", "2025-01-15").startswith(f"{path} already exists")


def test_an_added_treaty_file_is_saved_by_its_path_from_the_scenario_file(tmp_path: Path,
                                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """As an overlay file names it (`--save-overlay`): the scenario file and the treaty file travel together."""
    treaty_files(tmp_path, {"chl_arg_pact": ("", "CHL PER", "defense", "1", "S1", "verified")})
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path)
    saved = tmp_path / "sub" / "s.yaml"
    code, first, err = cli_line(["cascade", "-a", "ARG", "-t", "CHL", "-d", "2025-01-01", "--add-treaty",
                                 "chl_arg_pact.yaml", "--json", "--save-scenario", "sub/s.yaml"])
    assert code == 0, err
    assert "path: ../chl_arg_pact.yaml" in saved.read_text(encoding="utf-8")
    code, again, err = cli_line(["cascade", "--scenario", "sub/s.yaml", "--json"])  # read as sub/../chl_arg_pact.yaml
    assert code == 0 and "PER" in json.loads(again)["sides"]["defense"], err
    assert json.loads(again) == json.loads(first)


@pytest.mark.parametrize(("extra", "named"), [
    (["-d", "2025-06-01"], "--date given too, and the file holds the whole question: leave it out"),
    (["--date=2025-06-01"], "--date given too, and the file holds the whole question: leave it out"),
    (["--no-request"], "--request/--no-request given too, and the file holds the whole question: leave it out"),
    (["--reading", "escalatory", "--draws", "5"], "--reading, --draws given too, and the file holds the whole "
     "question: leave them out"),
    (["--drop-treaty", "nato_1949"], "--drop-treaty given too, and the file holds the whole question: leave it out"),
    (["--treaties", "t.yaml"], "--treaties given too, and the file holds the whole question: leave it out"),
    (["--honour", "empirical"], "--honour given too, and the file holds the whole question: leave it out"),
], ids=lambda v: " ".join(v) if isinstance(v, list) else None)
def test_an_option_that_would_change_the_question_is_refused_beside_scenario(tmp_path: Path, extra: list[str],
                                                                              named: str) -> None:
    saved = tmp_path / "s.yaml"
    saved.write_text(QUESTION, encoding="utf-8")
    said = error_line(["cascade", "--scenario", str(saved), *extra])
    assert said == f"--scenario {saved}: {named}, or edit the file (or save another with --save-scenario)"


@pytest.mark.parametrize("command", [["cascade", "-d", "2025-06-01"], ["compare", "--date2", "2025-01-01"],
                                     ["atlas", "--date", "2025-01-01", "--out", "a.csv"]], ids=lambda c: c[0])
def test_a_missing_or_empty_scenario_file_is_said_so_beside_an_option(tmp_path: Path, command: list[str]) -> None:
    """The file is read before the options are weighed: not told that a file which is not there, or holds nothing,
    "holds the whole question"."""
    empty, missing = tmp_path / "empty.yaml", tmp_path / "missing.yaml"
    empty.write_text("", encoding="utf-8")
    line = [command[0], *(str(tmp_path / a) if a == "a.csv" else a for a in command[1:])]
    assert error_line([*line, "--scenario", str(empty)]) == (
        f"{empty}: nothing in the file (it is empty, or only comments); expected a mapping of scenario fields")
    assert error_line([*line, "--scenario", str(missing)]) == f"{missing}: cannot read scenario: no such file or folder"


def test_the_output_options_go_with_a_scenario(tmp_path: Path) -> None:
    saved = tmp_path / "s.yaml"
    saved.write_text(QUESTION + "reading: escalatory\n", encoding="utf-8")
    code, out, err = cli_line(["cascade", "--scenario", str(saved), "--format", "csv", "--cite"])
    assert code == 0 and out.startswith("state,ccode,") and "\ncow_states: " in err, err
    code, out, err = cli_line(["cascade", "--scenario", str(saved), "--json"])
    assert code == 0 and json.loads(out)["reading"] == "escalatory", err


@pytest.mark.parametrize(("text", "problem"), [
    ("~\n", "the file holds YAML null, not a mapping of scenario fields"),
    ("", "nothing in the file (it is empty, or only comments); expected a mapping of scenario fields"),
    ("- a\n", "expected a mapping of scenario fields at the top, found a list"),
    ("changes:\n- {op: drop_treaty, treaty: nato_1949}\n",
     "this is an overlay file (it lists `changes`), not a scenario file: give it as --overlay"),
    ("id: p\nprovisions: []\n", "this is a treaty file (it has `provisions`), not a scenario file: give it as "
     "--treaties"),
    ("attacker: RUS\n", "not a scenario file: it has no `kind: scenario`"),
    ("kind: overlay\nschema: 1\n", "kind: this is a file of kind 'overlay', not a scenario file (kind: scenario)"),
    ("kind: scenario\nschema: 2\n", "schema: the file is of scenario schema 2, newer than this foedus reads (schema "
     "1): upgrade foedus to run it"),
    ("kind: scenario\n", "schema: expected the scenario file schema, a whole number from 1 (this foedus writes 1), "
     "not nothing"),
    (QUESTION + "readng: legal\n", "readng: unknown field 'readng', did you mean 'reading'? (the fields are: "
     "attacker, target, date, place, target_kind, reading, requested, basis, …, 13 more)"),
    (QUESTION + "requested: 'yes'\n", "requested: must be true or false (got 'yes')"),
    (QUESTION + "reading: wishful\n", "reading: must be 'legal' or 'escalatory' (got 'wishful')"),
    (QUESTION + "draws: 0\n", "draws must be between 1 and 10,000,000 (got 0)"),
    (QUESTION + "seed: 5\n", "seed: a seed or an honour model only matters with draws: give draws as well, or neither"),
    (HEAD + "target: EST\ndate: 2025-06-01\n", "attacker: missing field 'attacker'"),
    (HEAD + "attacker: XXX\ntarget: EST\ndate: 2025-06-01\n", "unknown state 'XXX'; did you mean XKX? (try `foedus "
     "states`)"),
    (HEAD + "attacker: RUS\ntarget: EST\ndate: 2025-02-30\n", "invalid date '2025-02-30': day is out of range for "
     "month (expected YYYY-MM-DD)"),
    (HEAD + "attacker: RUS\ntarget: EST\ndate: 20250601\n", "date: must be text, got 20250601"),
    (QUESTION + "place: atlantis\n", "unknown place 'atlantis'"),
    (QUESTION + "honour: rates.yaml\n", "honour: must be 'empirical' (got 'rates.yaml')"),
    (QUESTION + "what_if:\n- {op: add_member, treaty: nato_1949}\n", "what_if[0].add_member.state: missing field "
     "'state'"),
])
def test_a_bad_file_is_one_line_naming_it(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "f.yaml"
    path.write_text(text, encoding="utf-8")
    said = error_line(["cascade", "--scenario", str(path), "--json"])
    assert said.startswith(f"{path}: {problem}"), said
    assert refusal(foedus.load_scenario, path).startswith(f"{path}: {problem}")


def test_a_file_saved_by_another_foedus_or_on_other_treaty_data_says_so(tmp_path: Path) -> None:
    from foedus.scenario_io import treaties_fingerprint

    path = tmp_path / "old.yaml"
    path.write_text(QUESTION.replace("schema: 1\n", "schema: 1\nfoedus: 0.0.1\ndata: {treaties: abc}\n"),
                    encoding="utf-8")
    code, _, err = cli_line(["cascade", "--scenario", str(path), "--json"])
    assert code == 0
    assert err.splitlines() == [
        f"note: {path} was saved by foedus 0.0.1; this is foedus {foedus.__version__}: its answer may differ from the "
        "saved run's",
        f"note: {path} was saved with other bundled treaty files (fingerprint abc…, here "
        f"{treaties_fingerprint()[:12]}…): its answer may differ from the "
        "saved run's"]
    # the Python API says them too, as data: `load_scenario` returned none (`scenario_io.saved_with_notes` did)
    assert list(foedus.load_scenario(path).notes) == [line.removeprefix("note: ") for line in err.splitlines()]


def test_a_taken_name_is_never_replaced_and_nothing_is_written_for_a_bad_run(tmp_path: Path) -> None:
    mine = tmp_path / "mine.yaml"
    mine.write_text("mine", encoding="utf-8")
    assert error_line([*KURSK, "--save-scenario", str(mine)]) == f"{mine} already exists; not overwriting it (choose " \
        "another file name)"
    assert mine.read_text(encoding="utf-8") == "mine"
    assert error_line([*KURSK, "--save-scenario", str(tmp_path / "s.json")]) == (
        f"{tmp_path / 's.json'}: unknown scenario format '.json'; use .yaml or .yml")
    treaties = treaty_files(tmp_path, {"p": ("", "CHL PER", "defense", "1", "S1", "verified")})
    assert error_line([*KURSK, "--treaties", str(treaties[0]), "--save-scenario", str(tmp_path / "s.yaml")]) == (
        "--save-scenario: --treaties names a file of yours, which a scenario file would not carry (its rerun would "
        "not be this run): leave --treaties out to save the scenario, or give the treaty with --add-treaty (saved by "
        "its path)")
    assert error_line(["cascade", "-a", "XXX", "-t", "RUS", "-d", "2025-01-15", "--save-scenario",
                       str(tmp_path / "s.yaml")]).startswith("unknown state 'XXX'")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mine.yaml", "p.yaml"]


def test_no_attacker_and_no_scenario_file_is_refused() -> None:
    assert error_line(["cascade", "-t", "RUS", "-d", "2025-01-15"]) == (
        "Missing option '--attacker' / '-a': give it, or a --scenario file that holds the whole question (see "
        "`foedus cascade --help`)")


def test_a_scenario_file_given_as_an_overlay_is_said_to_be_one(tmp_path: Path) -> None:
    """A saved scenario given to --overlay got the overlay reader's "kind: unknown field 'kind' (the fields are: name,
    description, changes)"; it is now said to be a scenario file, and where it goes, as an overlay file given to
    --scenario is said to be an overlay (test_a_bad_file_is_one_line_naming_it)."""
    from foedus.model.overlay import load_overlay

    saved = tmp_path / "s.yaml"
    assert cli_line([*KURSK, "--add-member", "nato_1949:UKR", "--save-scenario", str(saved)]).returncode == 0
    said = f"{saved}: this is a scenario file (`kind: scenario`), not an overlay: run it with `foedus cascade " \
        "--scenario`"
    assert error_line([*KURSK, "--overlay", str(saved)]) == said
    assert error_line(["compare", *KURSK[1:], "--overlay", str(saved)]) == said
    assert refusal(load_overlay, saved) == said
