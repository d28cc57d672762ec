"""`foedus compare --save-scenario F` and `--scenario F`: a comparison's whole question (one scenario in two worlds:
its states, switches, dates and what-if changes) saved to a scenario file of kind `comparison` and rerun from it, as
`foedus cascade`'s (tests/test_scenario_file.py); compare took neither. A cascade's scenario file given to compare is
said to be one, and a comparison's given to cascade or as an overlay; beside `--scenario` an option that would change
the question is refused, naming it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from samples import cli_line, error_line

EST = ["compare", "-a", "RUS", "-t", "EST", "-d", "2025-06-01"]


@pytest.mark.parametrize("other", [["--add-member", "nato_1949:UKR", "--no-request"],
                                   ["--date2", "2022-01-01", "--place", "narva"]])
def test_a_saved_comparison_reruns_to_the_same_json(tmp_path: Path, other: list[str]) -> None:
    saved = tmp_path / "c.yaml"
    code, first, err = cli_line([*EST, *other, "--json", "--save-scenario", str(saved)])
    assert code == 0 and err.endswith(f"wrote the scenario to {saved}\n"), err
    text = saved.read_text(encoding="utf-8")
    assert text.startswith("kind: comparison\nschema: 1\nfoedus: ") and "\ndate2: " in text
    code, again, err = cli_line(["compare", "--scenario", str(saved), "--json"])
    assert code == 0 and err == "", err
    assert json.loads(again) == json.loads(first)


def test_an_option_that_would_change_the_comparison_is_refused_beside_scenario(tmp_path: Path) -> None:
    saved = tmp_path / "c.yaml"
    assert cli_line([*EST, "--date2", "2022-01-01", "--save-scenario", str(saved)]).returncode == 0
    for extra, flags in ((["--date2", "2020-01-01"], "--date2"), (["--drop-treaty", "nato_1949", "-d", "2025-01-01"],
                                                                   "--date, --drop-treaty"), (["--atlas"], "--atlas")):
        them = "it" if "," not in flags else "them"
        assert error_line(["compare", "--scenario", str(saved), *extra]) == (
            f"--scenario {saved}: {flags} given too, and the file holds the whole question: leave {them} out, or edit "
            "the file (or save another with --save-scenario)")


def test_a_scenario_file_of_the_other_command_is_said_to_be_one(tmp_path: Path) -> None:
    cascade, comparison = tmp_path / "s.yaml", tmp_path / "c.yaml"
    assert cli_line(["cascade", *EST[1:], "--save-scenario", str(cascade)]).returncode == 0
    assert cli_line([*EST, "--add-member", "nato_1949:UKR", "--save-scenario", str(comparison)]).returncode == 0
    assert error_line(["compare", "--scenario", str(cascade)]) == (
        f"{cascade}: kind: this is a cascade's scenario file (kind: scenario), not a comparison's (kind: comparison): "
        "run it with `foedus cascade --scenario`")
    assert error_line(["cascade", "--scenario", str(comparison)]) == (
        f"{comparison}: kind: this is a comparison's scenario file (kind: comparison), not a cascade's (kind: "
        "scenario): run it with `foedus compare --scenario`")
    assert error_line(["cascade", *EST[1:], "--overlay", str(comparison)]) == (
        f"{comparison}: this is a scenario file (`kind: comparison`), not an overlay: run it with `foedus compare "
        "--scenario`")


@pytest.mark.parametrize(("text", "problem"), [
    ("kind: comparison\nschema: 2\n", "schema: the file is of scenario schema 2, newer than this foedus reads "
                                       "(schema 1): upgrade foedus to run it"),
    ("kind: war\nschema: 1\n", "kind: this is a file of kind 'war', not a scenario file (kind: comparison)"),
    ("kind: comparison\nschema: 1\nattacker: RUS\ntarget: EST\ndate: 2025-06-01\ndraws: 10\n",
     "draws: unknown field 'draws'"),
    ("kind: comparison\nschema: 1\nattacker: RUS\ntarget: EST\ndate: 2025-06-01\ndate2: 2025-02-30\n",
     "date2: invalid date '2025-02-30'"),
    ("kind: comparison\nschema: 1\nattacker: RUS\ntarget: EST\ndate: 2025-06-01\n",
     "nothing to compare: give it a date2 other than its date, or a what-if change under what_if"),
])
def test_a_bad_comparison_file_is_one_line_naming_it(tmp_path: Path, text: str, problem: str) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text(text, encoding="utf-8")
    said = error_line(["compare", "--scenario", str(path)])
    assert said.startswith(f"{path}: ") and problem in said and "\n" not in said, said


def test_compare_without_a_date_or_a_scenario_file_is_refused_and_save_scenario_is_for_one_scenario(
        tmp_path: Path) -> None:
    assert error_line(["compare", "-a", "RUS", "-t", "EST"]) == (
        "Missing option '--date' / '-d': give it, or a --scenario file that holds the whole question (see "
        "`foedus compare --help`)")
    assert error_line(["compare", "--atlas", "-d", "2025-06-01", "--drop-treaty", "nato_1949", "--save-scenario",
                       str(tmp_path / "x.yaml")]) == (
        "--save-scenario has no effect with --atlas (a comparison's scenario file holds one scenario in two worlds, "
        "and no kind of scenario file holds an atlas comparison's two atlases: save each with `foedus atlas "
        "--save-scenario`, the base world's at --date and the other's at --date2 with the what-if changes); "
        "leave it out")
    taken = tmp_path / "taken.yaml"
    taken.write_text("mine", encoding="utf-8")
    assert error_line([*EST, "--date2", "2022-01-01", "--save-scenario", str(taken)]).startswith(
        f"{taken} already exists")
    assert taken.read_text(encoding="utf-8") == "mine"
    for extra in ([], ["--json"], ["--watch", "USA"]):  # refused before the taken path is looked at: left as it was
        assert error_line(["compare", "--atlas", "-d", "2025-06-01", "--drop-treaty", "nato_1949", "--save-scenario",
                           str(taken), *extra]).startswith("--save-scenario has no effect with --atlas (")
    assert taken.read_text(encoding="utf-8") == "mine"
