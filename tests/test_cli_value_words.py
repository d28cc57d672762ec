"""A command-line value typer refuses is said in foedus's words, and a blank path is refused as an empty one is,
said to be blank (the Python API's word).

typer (0.29) converts values with pydantic and passed its wording on: "Invalid value for '--draws': Input should be
a valid integer, unable to parse string as an integer". A path of only spaces crashed `--add-treaty ' '` as an
internal error (exit 1) and was read as a file of no visible name by `--overlay ' '` ("error:  : cannot read
overlay"); every path option now refuses it as it refuses an empty one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from samples import cli_line
from test_input_messages import CASCADE, _error_line


@pytest.mark.parametrize(("args", "message"), [
    ([*CASCADE, "--draws", "nan"], "Invalid value for '--draws': must be a whole number (got 'nan') (see `foedus "
     "cascade --help`)"),
    ([*CASCADE, "--draws", "1.5"], "Invalid value for '--draws': must be a whole number (got '1.5')"),
    ([*CASCADE, "--draws", "a"], "Invalid value for '--draws': must be a whole number (got 'a')"),  # not 'a whole'
    ([*CASCADE, "--draws", "x" * 100], f"Invalid value for '--draws': must be a whole number (got '{'x' * 56}…') "),
    (["atlas", "--out", "a.csv", "--from", "1990s", "--to", "1991"], "Invalid value for '--from': must be a whole "
     "number (got '1990s')"),
    (["depth", "--out", "d.csv", "--level", "wide"], "Invalid value for '--level': must be a number (got 'wide')"),
])
def test_a_value_of_the_wrong_type_is_said_in_foedus_words(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                           args: list[str], message: str) -> None:
    monkeypatch.chdir(tmp_path)
    assert _error_line(args).startswith(message)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("args", [
    [*CASCADE, "--add-treaty", " "], [*CASCADE, "--overlay", "  "], [*CASCADE, "--treaties", "\t"],
    [*CASCADE, "--drop-treaty", "nato_1949", "--save-overlay", " "], ["schema", "--out", " "],
    ["treaties", "validate", " "], ["compare", *CASCADE[1:], "--add-treaty", " "],
])
def test_a_blank_path_is_refused_as_an_empty_one_is(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 args: list[str]) -> None:
    monkeypatch.chdir(tmp_path)
    line = _error_line(args)
    assert line.startswith("Invalid value for '") and ": the path is blank (see `foedus " in line, line
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("args", "message"), [
    (["schema", "--out", "--force"], "Invalid value for '--out': the path '--force' looks like an option; give "
     "./--force for a file of that name (see `foedus schema --help`)"),
    (["schema", "--out", "--war"], "Invalid value for '--out': the path '--war' looks like an option"),
    (["similarity", "--out", "--from"], "Invalid value for '--out': the path '--from' looks like an option"),
    ([*CASCADE, "--add-treaty", "-a"], "Invalid value for '--add-treaty': the path '-a' looks like an option; give "
     "./-a for a file of that name"),
    ([*CASCADE, "--drop-treaty", "nato_1949", "--save-overlay", "--jsno"], "Invalid value for '--save-overlay': the "
     "path '--jsno' looks like an option"),
    ([*CASCADE, "--draws", "5", "--honour", "--seed"], "Invalid value for '--honour': the path '--seed' looks like an "
     "option; give ./--seed for a file of that name"),
    ([*CASCADE, "--draws", "5", "--honour", "-t"], "Invalid value for '--honour': the path '-t' looks like an option; "
     "give ./-t for a file of that name"),
])
def test_a_path_option_given_an_options_name_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        args: list[str], message: str) -> None:
    """click takes the word after a path option as its path: `schema --out --json` wrote a file named --json."""
    monkeypatch.chdir(tmp_path)
    assert _error_line(args).startswith(message)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(("args", "option", "value"), [
    (["cascade", "-a", "-t", "RUS", "-d", "2025-01-15"], "'--attacker' / '-a'", "-t"),  # was: Missing option '--target'
    (["compare", "-d", "--date2", "2024-01-01", "-a", "UKR", "-t", "RUS"], "'--date' / '-d'", "--date2"),
    ([*CASCADE, "--place", "-t"], "'--place'", "-t"),  # was: unknown place '-t'
    ([*CASCADE, "--draws", "--seed", "5"], "'--draws'", "--seed"),
    (["states", "--date", "--format", "csv"], "'--date'", "--format"),
    (["data", "fetch", "--mirror", "--force"], "'--mirror'", "--force"),
    (["serve", "--host", "--no-browser"], "'--host'", "--no-browser"),
])
def test_an_option_given_an_options_name_as_its_value_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                  args: list[str], option: str, value: str) -> None:
    """click takes the word after an option as its value, whatever it is: `cascade -a -t RUS` read the attacker '-t'
    and then said --target was missing; any option now refuses an option's name, as a path option does."""
    monkeypatch.chdir(tmp_path)
    assert _error_line(args).startswith(f"Invalid value for {option}: '{value}' is the name of an option, not a "
                                        "value: give this option its value (see `foedus ")
    assert list(tmp_path.iterdir()) == []


def test_honour_is_told_an_options_name_from_the_command_itself(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """cascade's `--honour` took the option names from a copy, the fast start's table (foedus.cli.fast_table),
    where the path options take them from click's command (`foedus.cli.helpers.option_names`): one source now; a
    table without cascade's options no longer lets `--honour -t` through as a file named -t."""
    from foedus.cli import fast_table

    monkeypatch.setitem(fast_table.COMMANDS["cascade"], "params", [])
    monkeypatch.chdir(tmp_path)
    assert _error_line([*CASCADE, "--draws", "5", "--honour", "-t"]).startswith(
        "Invalid value for '--honour': the path '-t' looks like an option")


def test_honour_is_told_an_options_name_without_typers_private_click(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """option_names found the running command through typer's private `typer._click.globals` (by its module
    name): were typer to move it, `--honour -t` would pass as a file named -t. The command takes its context
    as typer's public `typer.Context` parameter now."""
    import sys

    monkeypatch.delitem(sys.modules, "typer._click.globals")  # as if typer had moved it
    monkeypatch.chdir(tmp_path)
    assert _error_line([*CASCADE, "--draws", "5", "--honour", "-t"]).startswith(
        "Invalid value for '--honour': the path '-t' looks like an option")


@pytest.mark.parametrize("fast", [False, True], ids=["typer", "fast reader"])
def test_honour_is_checked_once_whichever_reads_the_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         fast: bool) -> None:
    """Under typer, `--honour` was checked twice: by the typer command against its option names, then by the body
    against none. The body checks it once now, against the names the typer command hands it (none from the fast
    start, which reads no option's name as a value)."""
    from foedus.cli import cascade_cmd
    from foedus.cli.app import app
    from foedus.cli.entry import run_cli
    from foedus.cli.fast import prepare

    real, calls = cascade_cmd.check_honour, []

    def counted(honour: str | None, options: Any) -> None:
        calls.append(list(options))
        real(honour, options)

    monkeypatch.setattr(cascade_cmd, "check_honour", counted)
    monkeypatch.chdir(tmp_path)
    argv = [*CASCADE, "--honour", "h.yaml", "--likely-model", "m.json"]  # refused right after the check
    command = prepare(argv) if fast else None
    assert (command is not None) == fast
    assert (command() if command else run_cli(app, argv)) == 2
    assert len(calls) == 1 and ("-t" in calls[0]) != fast


@pytest.mark.parametrize(("args", "name"), [(["war", "russia_ukraine_2022", "--treaties", "file"], "file"),
                                            (["atlas-plot", "a.csv", "--out", "series"], "series")])
def test_a_path_named_as_an_argument_is_no_options_name(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                        args: list[str], name: str) -> None:
    """`war W --treaties file` was refused: 'the path 'file' looks like an option', the name of war's argument."""
    monkeypatch.chdir(tmp_path)
    assert "looks like an option" not in _error_line(args)


def test_schema_out_json_is_refused_in_the_json_asked_for(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`foedus schema --out --json` wrote the schema to a file named --json (schema has no --json)."""
    monkeypatch.chdir(tmp_path)
    assert _error_line(["schema", "--out", "--json"]) == ("Invalid value for '--out': the path '--json' looks like an "
                                                         "option; give ./--json for a file of that name (see `foedus "
                                                         "schema --help`)")  # and the same as JSON on stdout
    assert list(tmp_path.iterdir()) == []


def test_a_file_named_like_an_option_is_written_when_named_as_a_path(tmp_path: Path,
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, _, err = cli_line(["schema", "--out", "./--json.json"])
    assert code == 0, err
    assert [p.name for p in tmp_path.iterdir()] == ["--json.json"]


@pytest.mark.parametrize(("args", "message"), [
    (["atlas", "-d", "today"], "Missing option '--out': add --out (output .parquet, .csv or .dta) (see `foedus atlas "
     "--help`)"),
    (["dyads", "--to", "1900"], "Missing option '--from': add --from (first year) (see `foedus dyads --help`)"),
])
def test_a_missing_required_option_says_what_to_add(args: list[str], message: str) -> None:
    """click said only "Missing option '--out'.", which did not say that `foedus atlas` writes a file."""
    assert _error_line(args) == message


@pytest.mark.parametrize("word", ["--vs", "--other-date"])
def test_compares_other_date_is_offered_for_the_words_a_user_reaches_for(word: str) -> None:
    """`foedus compare --vs 2024-01-01` was offered click's closest spelling, "Possible options: --json"; the other
    world's date is --date2. A word of no such meaning still gets click's suggestion."""
    args = ["compare", "-a", "RUS", "-t", "EST", "-d", "2025-06-01", word, "2024-01-01"]
    assert _error_line(args) == (f"No such option: {word} (did you mean --date2, the other world's date?) (see "
                                 "`foedus compare --help`)")
    assert "Possible options: --json" in _error_line(["compare", "--jsn"])
