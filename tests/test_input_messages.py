"""Odd input files and paths get one line naming the file (or option) and the problem: a device or a named pipe
given as a treaty to add, an empty path option (typer would read it as `.`, the current folder), an empty
overlay, and a number where a date belongs (pydantic would read it as seconds since 1970)."""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import pytest

from foedus.errors import FoedusError, UnknownStateError
from foedus.model.loader import read_treaty_file
from foedus.model.overlay import load_overlay
from foedus.model.states import StateRegistry
from foedus.war.loader import read_war_file
from samples import GOOD_TREATY, cli_line
from samples import error_line as _error_line  # the name the modules importing it from here use

CASCADE = ["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01"]


def _state_refused(given: str) -> tuple[str, str]:
    """The refusal of the state text `given`: what `StateRegistry.resolve` raises, and `foedus states GIVEN`'s line."""
    with pytest.raises(UnknownStateError) as caught:
        StateRegistry.load().resolve(given)
    return str(caught.value), _error_line(["states", given])


@pytest.mark.parametrize("kind", ["device", "fifo"])
def test_a_device_or_pipe_as_a_treaty_to_add_is_not_called_missing(tmp_path: Path, kind: str) -> None:
    path = Path("/dev/zero")
    if kind == "fifo":
        path = tmp_path / "pipe.yaml"
        os.mkfifo(path)
    line = _error_line([*CASCADE, "--add-treaty", str(path)])
    assert line == f"{path}: cannot read treaty file: it is not a regular file"


@pytest.mark.parametrize("args", [
    [*CASCADE, "--treaties="], [*CASCADE, "--treaties", "good.yaml", "--treaties", ""], [*CASCADE, "--overlay", ""],
    [*CASCADE, "--add-treaty="], [*CASCADE, "--drop-treaty", "nato_1949", "--save-overlay="],
    ["treaties", "validate", ""], ["treaties", "list", "--treaties", ""], ["atlas", "--date", "2025-01-01", "--out="],
    ["backtest", "--out", ""], ["schema", "--out", ""], ["depth", "--out="],
], ids=lambda a: " ".join(a).removeprefix(" ".join(CASCADE)).strip() or "cascade")
def test_an_empty_path_is_refused_naming_the_option_not_read_as_the_current_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "good.yaml").write_text(GOOD_TREATY, encoding="utf-8")
    (tmp_path / "notes.yaml").write_text("not a treaty\n", encoding="utf-8")  # what `.` would have found
    line = _error_line(args)
    assert line.startswith("Invalid value for '") and "the path is empty" in line, line
    assert sorted(p.name for p in tmp_path.iterdir()) == ["good.yaml", "notes.yaml"]


@pytest.mark.parametrize(("args", "word"), [([*CASCADE, "--honour="], "empty"),
                                           ([*CASCADE, "--draws", "5", "--honour", ""], "empty"),
                                           ([*CASCADE, "--draws", "5", "--honour", " "], "blank")])
def test_an_empty_honour_path_is_refused_not_taken_for_the_default(args: list[str], word: str) -> None:
    assert _error_line(args) == (f"Invalid value for '--honour': the path is {word}; give a YAML file of honour "
                                 "rates, or `empirical`")


@pytest.mark.parametrize("word", ["empirical", "EMPIRICAL"])
def test_atlas_honour_empirical_says_it_is_for_cascade_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            word: str) -> None:
    """`atlas --honour` takes a YAML file; `empirical` (cascade's word for the likelihood model's rates) was read
    as a file's name and refused as a missing one: 'empirical: cannot read honour model: no such file or folder';
    in capitals too."""
    monkeypatch.chdir(tmp_path)
    line = _error_line(["atlas", "--date", "2020-01-01", "--draws", "10", "--honour", word, "--out", "a.csv"])
    assert line == (f"--honour {word}: atlas takes a YAML file of honour rates, and there is no file "
                    f"'{word}' here; the likelihood model's empirical rates are for "
                    "`foedus cascade --draws N --honour empirical`")
    assert list(tmp_path.iterdir()) == []


def test_cascade_honour_in_capitals_points_to_the_keyword(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`--honour EMPIRICAL` is read as a file's name (a file of that name would be read); missing, its line says
    how the keyword is written, where it said only 'no such file or folder'."""
    monkeypatch.chdir(tmp_path)
    assert _error_line([*CASCADE, "--draws", "5", "--honour", "EMPIRICAL"]) == (
        "EMPIRICAL: cannot read honour model: no such file or folder (the likelihood model's honour rates are asked "
        "for as `empirical`, in lower case)")


@pytest.mark.parametrize("text", ["", "# nothing but a comment\n"])
def test_an_empty_honour_file_says_it_is_empty_not_read_as_the_defaults(tmp_path: Path, text: str) -> None:
    honour = tmp_path / "honour.yaml"
    honour.write_text(text, encoding="utf-8")
    assert _error_line([*CASCADE, "--draws", "5", "--honour", str(honour)]) == (
        f"{honour}: nothing in the file (it is empty, or only comments); expected a mapping of honour model fields")


@pytest.mark.parametrize("text", ["", "# nothing but a comment\n"])
@pytest.mark.parametrize(("kind", "args"), [
    ("overlay", [*CASCADE, "--overlay"]), ("treaty", ["treaties", "validate"]), ("treaty", [*CASCADE, "--add-treaty"]),
    ("war", ["war"]),
])
def test_an_empty_treaty_war_or_overlay_file_says_it_is_empty(tmp_path: Path, text: str, kind: str,
                                                              args: list[str]) -> None:
    """One rule for every file reader (yamlio.not_a_mapping): a treaty or war file said 'expected a mapping of
    treaty fields at the top level', as if it held something else."""
    path = tmp_path / f"{kind}.yaml"
    path.write_text(text, encoding="utf-8")
    message = f"{path}: nothing in the file (it is empty, or only comments); expected a mapping of {kind} fields"
    read = {"overlay": load_overlay, "treaty": read_treaty_file, "war": read_war_file}[kind]
    with pytest.raises(FoedusError) as caught:
        read(path)
    assert str(caught.value) == message
    assert _error_line([*args, str(path)]) == message


@pytest.mark.parametrize("text", ["null\n", "~\n", "--- ~  # none\n"])
@pytest.mark.parametrize(("kind", "args"), [
    ("overlay", [*CASCADE, "--overlay"]), ("treaty", ["treaties", "validate"]), ("war", ["war"]),
    ("honour model", [*CASCADE, "--draws", "5", "--honour"]),
])
def test_a_file_of_null_says_it_holds_null_not_that_it_is_empty(tmp_path: Path, text: str, kind: str,
                                                                args: list[str]) -> None:
    """A file holding `null` or `~` was said to be 'nothing in the file (it is empty, or only comments)'; it holds
    null, as the likelihood model's JSON says of `null` (yamlio.not_a_mapping)."""
    path = tmp_path / "file.yaml"
    path.write_text(text, encoding="utf-8")
    assert _error_line([*args, str(path)]) == f"{path}: the file holds YAML null, not a mapping of {kind} fields"


@pytest.mark.parametrize("kind", ["overlay", "treaty", "war"])
def test_a_list_where_a_file_of_fields_belongs_says_it_found_a_list(tmp_path: Path, kind: str) -> None:
    path = tmp_path / f"{kind}.yaml"
    path.write_text("- a\n", encoding="utf-8")
    read = {"overlay": load_overlay, "treaty": read_treaty_file, "war": read_war_file}[kind]
    with pytest.raises(FoedusError) as caught:
        read(path)
    assert str(caught.value) == f"{path}: expected a mapping of {kind} fields at the top, found a list"


def _pact(tmp_path: Path, old: str, new: str) -> Path:
    """`GOOD_TREATY` with `old` replaced by `new`, written to `pact.yaml` in `tmp_path`."""
    pact = tmp_path / "pact.yaml"
    pact.write_text(GOOD_TREATY.replace(old, new), encoding="utf-8")
    return pact

@pytest.mark.parametrize("value", ["20250101", "0", "86400", "2020.5"])
def test_a_number_where_a_treaty_date_belongs_is_refused_not_read_as_1970(tmp_path: Path, value: str) -> None:
    pact = _pact(tmp_path, "signed: 2020-01-01", f"signed: {value}")
    expected = f"{pact}: signed: expected a date as YYYY-MM-DD, not a number (got {value})"
    with pytest.raises(FoedusError) as caught:
        read_treaty_file(pact)
    assert str(caught.value) == expected
    assert _error_line(["treaties", "validate", str(pact)]) == expected


def test_a_number_where_an_overlay_or_war_date_belongs_is_refused(tmp_path: Path) -> None:
    overlay = tmp_path / "whatif.yaml"
    overlay.write_text("changes:\n  - {op: add_member, treaty: nato_1949, state: UKR, joined: 0}\n", encoding="utf-8")
    with pytest.raises(FoedusError, match=r"change 1 \(add_member\.joined\): expected a date as YYYY-MM-DD, not a "
                                          r"number \(got 0\)$"):
        load_overlay(overlay)
    bundled = (resources.files("foedus.data") / "wars" / "russia_ukraine_2022.yaml").read_text(encoding="utf-8")
    assert "    date: 2022-02-24\n" in bundled
    war = tmp_path / "war.yaml"
    war.write_text(bundled.replace("    date: 2022-02-24\n", "    date: 0\n", 1), encoding="utf-8")
    with pytest.raises(FoedusError, match=r"events\[0\]\.date: expected a date as YYYY-MM-DD, not a number"):
        read_war_file(war)


@pytest.mark.parametrize("value", ["20250601", "2025-W01-1", "2025W011", "２０２５-０６-０１"])
def test_a_date_not_written_yyyy_mm_dd_is_refused_not_read_another_way(value: str) -> None:
    # Python's date.fromisoformat reads 20250601 as 2025-06-01 and the ISO week date 2025-W01-1 as 2024-12-30
    assert _error_line([*CASCADE[:-1], value]) == f"invalid date {value!r}: expected YYYY-MM-DD"
    assert _error_line(["treaties", "list", "--date", value]) == f"invalid date {value!r}: expected YYYY-MM-DD"


@pytest.mark.parametrize("value", ["'1577836800'", "'2020-01-01T00:00:00Z'", "2020-01-01T00:00:00", "'2020-1-1'"])
def test_a_treaty_date_not_written_yyyy_mm_dd_is_refused(tmp_path: Path, value: str) -> None:
    # pydantic reads a midnight timestamp's text, or a datetime at midnight, as a day
    pact = _pact(tmp_path, "signed: 2020-01-01", f"signed: {value}")
    assert _error_line(["treaties", "validate", str(pact)]).startswith(
        f"{pact}: signed: expected a date as YYYY-MM-DD (got ")


@pytest.mark.parametrize(("options", "message"), [
    (["--drop-treaty", "nato_1949", "--add-member", "nato_1949:UKR"],  # ran, the member lost with the treaty
     "--drop-treaty nato_1949 and --add-member nato_1949:UKR contradict each other (the treaty is dropped): "
     "give one of "
     "them"),
    (["--set-strength", "nato_1949:5=S1", "--drop-treaty", "nato_1949"],  # said 'dropped by an earlier change'
     "--drop-treaty nato_1949 and --set-strength nato_1949:5=S1 contradict each other (the treaty is dropped): "
     "give one of "
     "them"),
    (["--add-member", "nato_1949:UKR", "--remove-member", "nato_1949:ukr"],  # ran as if neither was given
     "--add-member nato_1949:UKR and --remove-member nato_1949:ukr contradict each other: give one of them"),
    (["--set-strength", "nato_1949:5=S1", "--set-strength", "nato_1949:5=S3"],  # the last one won
     "--set-strength nato_1949:5=S1 and --set-strength nato_1949:5=S3 contradict each other: give one of them"),
    (["--set-scope", "nato_1949:5=territory:any", "--set-scope", "nato_1949:5=territory:none"],
     "--set-scope nato_1949:5=territory:any and --set-scope nato_1949:5=territory:none contradict each other: "
     "give one of "
     "them"),
    (["--set-scope", "nato_1949:5=territory:any;territory:none"],  # the first was silently replaced
     "--set-scope 'nato_1949:5=territory:any;territory:none': territory is given twice; give it once"),
])
def test_what_if_options_that_contradict_each_other_are_refused(options: list[str], message: str) -> None:
    assert _error_line([*CASCADE, *options]) == message


@pytest.mark.parametrize("key", ["obligors", "beneficiaries"])
def test_a_clause_owed_by_or_to_no_state_is_refused(tmp_path: Path, key: str) -> None:
    """`obligors: []` was a clause no one owes: it never bound, and the file was 'ok'."""
    pact = _pact(tmp_path, "strength: S2}", f"strength: S2, {key}: []}}")
    assert _error_line(["treaties", "validate", str(pact)]) == (
        f"{pact}: provisions[0].{key}: names no state: list the members, or leave it out for every member")


def test_a_check_of_ours_is_not_prefixed_with_pydantics_value_error(tmp_path: Path) -> None:
    pact = _pact(tmp_path, "{state: CHL}", "{state: CHL, left: 2020-01-15}")
    assert _error_line(["treaties", "validate", str(pact)]) == (
        f"{pact}: members[0] (CHL) left (2020-01-15) before joining (2020-02-01)")
    overlay = tmp_path / "whatif.yaml"
    overlay.write_text("changes:\n  - {op: add_treaty, path: pact.yaml, treaty: {id: x}}\n", encoding="utf-8")
    assert _error_line([*CASCADE, "--overlay", str(overlay)]) == (
        f"{overlay}: change 1 (add_treaty): give either 'path' (a treaty file) or 'treaty' (inline), not both")


def test_an_empty_treaty_or_war_name_is_refused(tmp_path: Path) -> None:
    """`name: ''` was 'ok': the treaty was listed and shown with a blank name."""
    pact = _pact(tmp_path, "name: My pact", "name: ''")
    assert _error_line(["treaties", "validate", str(pact)]) == (
        f"{pact}: name: must not be empty")
    war = tmp_path / "war.yaml"
    war.write_text("id: w\nname: ''\nevents:\n  - {type: attack, date: 2025-01-01, attacker: RUS, victim: EST}\n",
                   encoding="utf-8")
    with pytest.raises(FoedusError, match=r"war\.yaml: name: must not be empty$"):
        read_war_file(war)


@pytest.mark.parametrize("blank", ["'  '", "\"\\t\""])
def test_a_blank_treaty_or_war_name_is_refused_as_blank(tmp_path: Path, blank: str) -> None:
    """`name: '  '` was 'ok' in a war file and a treaty file: listed and shown with a name of no visible word."""
    pact = _pact(tmp_path, "name: My pact", f"name: {blank}")
    assert _error_line(["treaties", "validate", str(pact)]) == f"{pact}: name: must not be blank"
    war = tmp_path / "war.yaml"
    war.write_text(f"id: w\nname: {blank}\nevents:\n  - {{type: attack, date: 2025-01-01, attacker: RUS, "
                   "victim: EST}\n", encoding="utf-8")
    with pytest.raises(FoedusError, match=r"war\.yaml: name: must not be blank$"):
        read_war_file(war)


@pytest.mark.parametrize("fmt", ["csv", "table"])
@pytest.mark.parametrize(("option", "args"), [("--draws", ["--draws", "5"]), ("--likelihood", ["--likelihood"]),
                                              ("--ongoing-since", ["--ongoing-since", "2025-01-01"])])
def test_what_a_belligerents_table_would_drop_is_refused(fmt: str, option: str, args: list[str]) -> None:
    """--format table lists the belligerents only, csv the parties and the findings only: the Monte Carlo, the
    likelihoods and the `ongoing` answer were worked out and dropped, exit 0. The refusal names `foedus batch`,
    whose table has their columns (mc_, lk_, bound_since), for a user who asked for them in a table."""
    rows = "the belligerents" if fmt == "table" else "the parties and the findings"
    assert _error_line([*CASCADE, *args, "--format", fmt]) == (
        f"{option} has no effect with --format {fmt} (it lists {rows} only: the explained output, or "
        "--json, shows it, and `foedus batch` writes it as columns of a table); leave it out")


@pytest.mark.parametrize("level", ["1", "2", "-3", "0.4"])  # 'nan', not a number written plainly: test_plain_numbers.py
def test_depth_level_says_the_range_it_takes(tmp_path: Path, level: str) -> None:
    """It said 'use a width from 0.5 to 0.99' while taking 0.995 or 0.999999; and it named `--level 2` '--level 2.0'
    (typer reads it as a float): the number is named as typed."""
    assert _error_line(["depth", "--out", str(tmp_path / "d.csv"), "--level", level]) == (
        f"--level must be at least 0.5 and below 1 (got {level})")


@pytest.mark.parametrize(("args", "message"), [
    ([*CASCADE, "-d", "2025-06-02"],
     "Invalid value for '--date' / '-d': given 2 times; give it once (see `foedus cascade --help`)"),
    ([*CASCADE, "--date=2024-01-01", "--draws", "5", "--draws", "6"], "Invalid value for '--date' / '-d': given 2"),
    ([*CASCADE, "--request", "--no-request"], "Invalid value for '--request' / '--no-request': given 2 times"),
    (["compare", *CASCADE[1:], "--date2", "2020-01-01", "--date2", "2021-01-01"], "Invalid value for '--date2'"),
    (["war", "july_crisis_1914", "--until", "1914-08-01", "--until", "1914-08-02"], "Invalid value for '--until'"),
    (["treaties", "list", "--date", "2020-01-01", "--date", "2021-01-01"], "Invalid value for '--date'"),
    (["dyads", "--from", "2000", "--from", "2001", "--to", "2001", "--out", "/nonexistent-foedus/x.csv"],
     "Invalid value for '--from': given 2 times; give it once"),
])
def test_an_option_of_one_value_given_twice_is_refused_not_read_as_the_last(args: list[str], message: str) -> None:
    """typer read the last of an option given twice without a word: cascade -d 2025-06-01 -d 2025-06-02 answered for
    2025-06-02, --request --no-request ran as --no-request; a repeatable option (-a, --add-member, ...) repeats."""
    assert _error_line(args).startswith(message)


def test_a_repeatable_option_still_repeats() -> None:
    code, _, err = cli_line(["cascade", "-a", "RUS", "-a", "BLR", "-t", "EST", "-t", "LVA", "-d", "2025-06-01",
                             "--add-member", "nato_1949:UKR", "--add-member", "nato_1949:MDA", "--json"])
    assert code == 0, err


def test_an_entry_without_its_kind_says_what_is_missing(tmp_path: Path) -> None:
    """An overlay change without `op` (or a war event without `type`) said pydantic's 'Unable to extract tag using
    discriminator 'op'', which names neither what is missing nor what it is for."""
    overlay = tmp_path / "o.yaml"
    overlay.write_text("changes:\n  - {treaty: nato_1949, state: UKR}\n", encoding="utf-8")
    assert _error_line([*CASCADE, "--overlay", str(overlay)]) == (
        f"{overlay}: change 1: 'op' is missing: it says which kind of entry this is")
    war = tmp_path / "w.yaml"
    war.write_text("id: w\nname: W\nevents:\n  - {date: 2022-02-24, attacker: RUS, victim: UKR}\n", encoding="utf-8")
    with pytest.raises(FoedusError, match=r"events\[0\]: 'type' is missing: it says which kind of entry this is$"):
        read_war_file(war)
