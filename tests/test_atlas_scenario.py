"""`foedus atlas --save-scenario F` and `--scenario F`: an atlas's whole question (a date or a range of years, the
readings, switches, draws and seed, the what-if changes) saved to a scenario file of kind `atlas` and rerun from it
to the same table, as a cascade's and a comparison's are (tests/test_scenario_file.py, tests/test_compare_scenario.py);
the atlas took neither. A cascade's file given to the atlas is said to be one, and the other way round; beside
`--scenario` an option that would change the question is refused, naming it."""

from __future__ import annotations

from pathlib import Path

import pytest

import foedus
from samples import cli_line, error_line

ONE_DAY = ["atlas", "--date", "2025-06-01", "--reading", "legal", "--no-request", "--add-member", "nato_1949:UKR"]


def _rerun_is_the_same_table(tmp_path: Path, line: list[str]) -> str:
    """Run `line` saving its scenario, rerun the file: the same table, byte for byte; return the file's text."""
    saved, first, again = tmp_path / "a.yaml", tmp_path / "a.csv", tmp_path / "b.csv"
    code, _, err = cli_line([*line, "--out", str(first), "--save-scenario", str(saved)])
    assert code == 0 and err.endswith(f"wrote the scenario to {saved}\n"), err
    code, _, err = cli_line(["atlas", "--scenario", str(saved), "--out", str(again)])
    assert code == 0, err
    assert again.read_bytes() == first.read_bytes()
    return saved.read_text(encoding="utf-8")


def test_a_saved_atlas_reruns_to_the_same_table(tmp_path: Path) -> None:
    text = _rerun_is_the_same_table(tmp_path, ONE_DAY)
    assert text.startswith("kind: atlas\nschema: 1\nfoedus: ")
    assert "\nrequested: false\n" in text and "\ndate: '2025-06-01'\nreadings:\n- legal\n" in text
    assert "what_if:\n- op: add_member\n  treaty: nato_1949\n  state: UKR\n" in text


@pytest.mark.slow
@pytest.mark.parametrize("line", [["atlas", "--from", "2000", "--to", "2001", "--drop-treaty", "csto_1992"],
                                  ["atlas", "--date", "2025-06-01", "--draws", "5"]])
def test_a_saved_series_or_draws_rerun_to_the_same_table(tmp_path: Path, line: list[str]) -> None:
    text = _rerun_is_the_same_table(tmp_path, line)  # the draws' seed, chosen by the run, is saved
    assert ("\nfirst: 2000\nlast: 2001\n" in text) if "--from" in line else ("\ndraws: 5\nseed: " in text)


def test_the_python_api_loads_an_atlas_file(tmp_path: Path) -> None:
    saved = tmp_path / "a.yaml"
    assert cli_line([*ONE_DAY, "--out", str(tmp_path / "a.csv"), "--save-scenario", str(saved)]).returncode == 0
    scenario = foedus.load_scenario(saved, kind="atlas")
    assert scenario.kind == "atlas" and scenario.what_if[0].state == "UKR"
    assert (scenario.inputs["date"], scenario.inputs["readings"], scenario.inputs["requested"]) == (
        "2025-06-01", ["legal"], False)
    with pytest.raises(foedus.FoedusError, match=r"kind: this is an atlas's scenario file \(kind: atlas\), not a "
                       r"cascade's \(kind: scenario\): run it with `foedus atlas --scenario`"):
        foedus.load_scenario(saved)
    with pytest.raises(foedus.FoedusError, match="load_scenario: kind 'war' is no kind of scenario file"):
        foedus.load_scenario(saved, kind="war")


def test_an_option_that_would_change_the_atlas_is_refused_beside_scenario(tmp_path: Path) -> None:
    saved, out = tmp_path / "a.yaml", str(tmp_path / "b.csv")
    assert cli_line([*ONE_DAY, "--out", str(tmp_path / "a.csv"), "--save-scenario", str(saved)]).returncode == 0
    for extra, flags in ((["--from", "2000"], "--from"),
                         (["--severity", "incursion", "--date", "2025-01-01"], "--severity, --date"),
                         (["--request"], "--request/--no-request")):
        them = "it" if "," not in flags else "them"
        assert error_line(["atlas", "--scenario", str(saved), "--out", out, *extra]) == (
            f"--scenario {saved}: {flags} given too, and the file holds the whole question: leave {them} out, "
            "or edit the file (or save another with --save-scenario)")


def test_a_scenario_file_of_another_command_is_said_to_be_one(tmp_path: Path) -> None:
    cascade, atlas = tmp_path / "s.yaml", tmp_path / "a.yaml"
    assert cli_line(["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01", "--save-scenario",
                     str(cascade)]).returncode == 0
    assert cli_line([*ONE_DAY, "--out", str(tmp_path / "a.csv"), "--save-scenario", str(atlas)]).returncode == 0
    assert error_line(["atlas", "--scenario", str(cascade), "--out", str(tmp_path / "b.csv")]) == (
        f"{cascade}: kind: this is a cascade's scenario file (kind: scenario), not an atlas's (kind: atlas): "
        "run it with `foedus cascade --scenario`")
    assert error_line(["cascade", "--scenario", str(atlas)]) == (
        f"{atlas}: kind: this is an atlas's scenario file (kind: atlas), not a cascade's (kind: scenario): "
        "run it with `foedus atlas --scenario`")
    assert error_line(["compare", "--scenario", str(atlas)]) == (
        f"{atlas}: kind: this is an atlas's scenario file (kind: atlas), not a comparison's (kind: "
        "comparison): run it with `foedus atlas --scenario`")
    assert error_line(["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01", "--overlay", str(atlas)]) == (
        f"{atlas}: this is a scenario file (`kind: atlas`), not an overlay: run it with `foedus atlas --scenario`")


@pytest.mark.parametrize(("text", "problem"), [
    ("", "an atlas's question is a date, or a range of years (first and last): give one of them"),
    ("date: 2025-06-01\nfirst: 2000\nlast: 2001\n",
     "an atlas's question is a date, or a range of years (first and last): give one of them"),
    ("date: 2025-02-30\n", "date: "),
    ("first: 2001\nlast: 2000\n", "first: "),
    ("first: 2000\nlast: 2001\ndraws: 5\n", "draws: draws are per dyad at one date, in one reading"),
    ("date: 2025-06-01\nseed: 5\n", "seed: a seed only matters with draws"),
    ("date: 2025-06-01\nreadings: []\n", "readings: no reading"),
    ("date: 2025-06-01\nreadings: [legal, legal]\n", "readings: legal is given twice: give each reading once "
     "(legal, escalatory or both)"),  # read as one reading until 2026-12-07
    ("first: 2000\nlast: 2001\nreadings: [escalatory, legal, escalatory]\n", "readings: escalatory is given twice"),
    ("date: 2025-06-01\nattacker: RUS\n", "attacker: "),
])
def test_a_bad_atlas_file_is_one_line_naming_it(tmp_path: Path, text: str, problem: str) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(f"kind: atlas\nschema: 1\n{text}", encoding="utf-8")
    line = error_line(["atlas", "--scenario", str(bad), "--out", str(tmp_path / "o.csv")])
    assert line.startswith(f"{bad}: {problem}"), line
    assert not (tmp_path / "o.csv").exists()


def test_save_scenario_refuses_a_taken_name_the_overlay_s_file_and_an_honour_file(tmp_path: Path) -> None:
    taken, out = tmp_path / "t.yaml", str(tmp_path / "o.csv")
    taken.write_text("mine\n", encoding="utf-8")
    assert "t.yaml" in error_line([*ONE_DAY, "--out", out, "--save-scenario", str(taken)])
    assert taken.read_text(encoding="utf-8") == "mine\n"
    same = tmp_path / "s.yaml"
    assert error_line([*ONE_DAY, "--out", out, "--save-scenario", str(same), "--save-overlay", str(same)]) == (
        f"--save-scenario {same} is the --save-overlay file too: the scenario file and the overlay cannot both "
        "be written there; give each its own file")
    honour = tmp_path / "h.yaml"
    honour.write_text("{}\n", encoding="utf-8")
    assert error_line(["atlas", "--date", "2025-06-01", "--draws", "5", "--honour", str(honour), "--out", out,
                       "--save-scenario", str(same)]).startswith(
        "--save-scenario: --honour names a file of yours, which a scenario file would not carry")
    assert not same.exists() and not Path(out).exists()
