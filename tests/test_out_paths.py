"""An output path written with a trailing slash (`--out x.csv/`) means a folder: typer's Path drops the slash, and
similarity, dyads, depth, atlas, schema, likely fit and cascade --save-overlay wrote the file x.csv. Every output that
is one file refuses it (foedus.outputs.check_target, through foedus.written.as_given), before any work; an output that
is a folder takes it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from foedus.errors import FoedusError, OutputError
from foedus.outputs import check_target
from samples import cli_line
from test_input_messages import CASCADE, _error_line

WHAT_IF = [*CASCADE, "--drop-treaty", "nato_1949"]


def _file_outputs(out: str) -> list[list[str]]:
    """Command lines whose output, given as `out`, is one file: both tests below refuse each."""
    return [
        ["similarity", "--from", "2000", "--to", "2000", "--out", out],
        ["dyads", "--from", "2000", "--to", "2000", "--out", out],
        ["depth", "--out", out],
        ["depth", "--out", "d.csv", "--refit", "--save-params", out],
        ["atlas", "--date", "2025-01-01", "--out", out],
        ["likely", "fit", "--out", out],
        [*WHAT_IF, "--save-overlay", out],  # the fast reader of cascade (foedus.cli.fast)
        [*WHAT_IF, "-aUKR", f"--save-overlay={out}"],  # typer's
    ]


def _command(args: list[str]) -> str:
    """A case's id: the command, or for cascade the output option."""
    return " ".join(args[:2] if args[0] != "cascade" else args[-2:])


@pytest.mark.parametrize("args", [
    *_file_outputs("{out}/"),
    ["atlas", "--from", "2000", "--to", "2001", "--out={out}/"],
    ["schema", "--out", "{out}/"],
], ids=_command)
@pytest.mark.parametrize("there", [False, True], ids=["new", "folder there"])
def test_a_file_output_written_with_a_trailing_slash_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], there: bool) -> None:
    monkeypatch.chdir(tmp_path)
    if there:
        (tmp_path / "x.csv").mkdir()
    line = _error_line([a.format(out="x.csv") for a in args])
    assert line == ("cannot write x.csv/: the trailing slash names a folder, and this output is a file; give its "
                    "file name, without the slash")
    assert [(p.name, p.is_dir()) for p in tmp_path.iterdir()] == ([("x.csv", True)] if there else [])


def test_a_folder_output_takes_a_trailing_slash_and_a_path_made_from_it_is_plain(tmp_path: Path) -> None:
    from foedus.written import as_given

    given = as_given(tmp_path / "parts", f"{tmp_path}/parts/")
    check_target(given, kind="folder")
    with pytest.raises(OutputError, match="the trailing slash names a folder"):
        check_target(given)
    given.mkdir()
    check_target(given / "x.csv")  # a file in the folder meant, and the folder's parent, are plain paths
    check_target(given.parent / "x.csv")
    assert given == tmp_path / "parts" and str(given) == str(tmp_path / "parts")


@pytest.mark.parametrize("args", [
    *_file_outputs("-"),
    ["backtest", "--out", "-"],  # (`schema --out -` prints the schema: below)
], ids=_command)
def test_a_dash_for_a_file_output_is_refused_not_written_as_a_file_named_dash(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]) -> None:
    monkeypatch.chdir(tmp_path)
    assert _error_line(args) == "cannot write -: '-' (standard output) is not a file this output can go to; give a " \
                                "file name"
    assert list(tmp_path.iterdir()) == []


def test_schema_out_dash_prints_the_schema(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = cli_line(["schema", "--war", "--out", "-"])
    assert code == 0, err
    assert json.loads(out)["title"] == "WarFile" and list(tmp_path.iterdir()) == []


def test_the_dash_is_refused_in_one_place_on_every_outputs_way(tmp_path: Path, monkeypatch: pytest.MonkeyPatch
                                                                ) -> None:
    """`check_target`, which every output goes through, is the one check of `-`: a table's name was checked three
    times (the table check, its format check, check_target), a plot's twice. The format check comes after it."""
    from foedus.outputs import names, tables
    from foedus.sweeps.plot import plot_series

    calls: list[Path] = []

    def counted(out: Path) -> None:
        calls.append(out)
        real(out)

    real = names.refuse_dash
    monkeypatch.setattr(names, "refuse_dash", counted)
    monkeypatch.setattr(tables, "refuse_dash", counted, raising=False)
    tables.check_table_target(tmp_path / "x.csv")
    assert calls == [tmp_path / "x.csv"]
    for out, said in ((Path("-"), r"cannot write -: '-' \(standard output\)"),
                      (tmp_path / "p.png", r"s\.csv: no such file")):
        with pytest.raises(FoedusError, match=said):  # `-` before the series is read
            plot_series(tmp_path / "s.csv", out)
    assert calls == [tmp_path / "x.csv", Path("-"), tmp_path / "p.png"]
    with pytest.raises(OutputError, match=r"unknown table format '\.txt'; use \.parquet, \.csv or \.dta"):
        tables.check_table_target(tmp_path / "x.txt")


def test_a_plots_format_is_the_one_rules_answer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The plot's format was read twice: `output_format` checked the suffix and its answer was dropped, then the
    suffix was read again for savefig. It is read once now: what the rule answers is what is written."""
    import pandas as pd

    from foedus.outputs import names, write_table
    from foedus.sweeps.plot import plot_series

    series = tmp_path / "s.csv"
    write_table(pd.DataFrame({"year": [1900, 1901], "mean_size_legal": [2.0, 2.5], "max_size_legal": [5, 6],
                              "tripwire_dyads_legal": [10, 12]}), series)
    real = names.output_format
    monkeypatch.setattr(names, "output_format", lambda out, suffixes, what: real(out.with_suffix(".svg"),
                                                                                  suffixes, what))
    assert plot_series(series, tmp_path / "p.png") == 2
    assert b"<svg" in (tmp_path / "p.png").read_bytes()[:2000]


@pytest.mark.parametrize(("args", "said"), [
    (["likely", "fit", "--out", "m.csv"], "m.csv: unknown model format '.csv'; use .json"),
    (["likely", "fit", "--out", "m"],
     "m: no suffix to name the model format; give a name ending .json, such as m.json"),
    (["depth", "--out", "d.csv", "--refit", "--save-params", "p.CSV"],
     "p.CSV: unknown parameters format '.CSV'; use .json"),
    (["schema", "--out", "s.csv"], "s.csv: unknown schema format '.csv'; use .json"),
    (["schema", "--war", "--out", "s.yaml"], "s.yaml: unknown schema format '.yaml'; use .json"),
])
def test_a_json_output_named_as_another_format_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], said: str) -> None:
    """`likely fit --out m.csv`, `depth --refit --save-params p.csv` and `schema --out s.csv` wrote JSON under a table's
    name, which a reader takes for a CSV: the name is refused before any work, as a table's or a plot's of the wrong
    format is."""
    from foedus.cli import likely_cmd as command
    from foedus.research import depth

    def worked(*_: object, **__: object) -> None:
        raise FoedusError("the work began")

    monkeypatch.setattr(command, "_training", worked)
    monkeypatch.setattr(depth, "atop_rows_for_fit", worked)
    monkeypatch.chdir(tmp_path)
    assert _error_line(args) == said
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("option", [["--save-overlay"], ["-aUKR", "--save-overlay"]], ids=["fast", "typer"])
@pytest.mark.parametrize(("name", "said"), [
    ("o.json", "unknown overlay format '.json'; use .yaml or .yml"),
    ("o.csv", "unknown overlay format '.csv'; use .yaml or .yml"),
    ("o", "no suffix to name the overlay format; give a name ending .yaml or .yml, such as o.yaml")])
def test_a_saved_overlay_named_as_another_format_is_refused(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, option: list[str], name: str, said: str) -> None:
    """`cascade --save-overlay o.json` wrote YAML under a JSON name, which a reader parses as JSON and fails on: the
    name is refused before any work, by the rule every output's format follows (`foedus.outputs.names`)."""
    monkeypatch.chdir(tmp_path)
    assert _error_line([*WHAT_IF, *option, name]) == f"{name}: {said}"
    assert list(tmp_path.iterdir()) == []


def test_a_saved_overlay_takes_yaml_and_yml_in_any_case(tmp_path: Path) -> None:
    for name in ("o.yaml", "o.YML"):
        code, _, err = cli_line([*WHAT_IF, "--json", "--save-overlay", str(tmp_path / name)])
        assert code == 0, err
        assert "drop_treaty" in (tmp_path / name).read_text(encoding="utf-8")


@pytest.mark.parametrize("option", [["--save-overlay"], ["-aUKR", "--save-overlay"]], ids=["fast", "typer"])
def test_a_saved_overlay_that_would_not_read_back_is_refused_before_the_run(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, option: list[str]) -> None:
    """`--add-treaty` of a file whose name is not UTF-8 (`\\xff.yaml`, which Linux allows) was saved as the path
    "\\uDCFF.yaml", which the YAML reader refuses ('found invalid Unicode character escape code'): the overlay was
    written and could not be used. It is refused in one line, and nothing is written."""
    import os

    from samples import GOOD_TREATY

    monkeypatch.chdir(tmp_path)
    name = os.fsdecode(b"\xff.yaml")
    try:
        Path(name).write_text(GOOD_TREATY, encoding="utf-8")
    except OSError:
        pytest.skip("this file system takes only UTF-8 file names")
    said = _error_line([*CASCADE, "--add-treaty", name, *option, "o.yaml"])
    assert said.startswith(f"cannot save the overlay to o.yaml: the treaty file {name} has a name that is not UTF-8")
    assert said.endswith("nothing was written")
    assert [p.name for p in tmp_path.iterdir()] == [name]


@pytest.mark.parametrize(("kind", "make", "unforced", "forced"), [
    ("file", lambda p: p.mkdir(), "is a folder, and this command writes a file there: nothing was changed; choose "
                                  "another path", "is a folder; --force replaces a file, never a folder"),
    ("folder", lambda p: p.write_text("mine", encoding="utf-8"), "is a file, and this command writes a folder of "
                                                                   "output there: nothing was changed; choose another "
                                                                   "path",
     "is a file; --force replaces a folder of output, never a file"),
])
def test_an_output_of_the_other_kind_is_refused_without_the_force_advice(
        tmp_path: Path, kind: str, make: object, unforced: str, forced: str) -> None:
    """A name taken by the other kind (a folder where a file is written, or the reverse) was first refused with 'give
    --force to replace it', and --force then refused it too: the one refusal that holds is said at once. Without
    --force it is not said what --force does ('--force replaces a folder of output, never a file', to a run that gave
    no --force), but what the path is, what the command writes and that nothing was changed
    (`foedus.wording.other_kind_taken`)."""
    out = tmp_path / "taken.csv"
    make(out)  # type: ignore[operator]
    for force, problem in ((False, unforced), (True, forced)):
        with pytest.raises(OutputError) as info:
            check_target(out, force=force, kind=kind)  # type: ignore[arg-type]
        assert str(info.value) == f"{out} {problem}" and "give --force" not in str(info.value)
    assert out.is_dir() if kind == "file" else out.read_text(encoding="utf-8") == "mine"


def test_atlas_out_on_a_folder_says_it_is_a_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Through the command line: one line, exit 2, no advice to give --force."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "d.csv").mkdir()
    assert _error_line(["atlas", "--date", "2025-01-01", "--out", "d.csv"]) == (
        "d.csv is a folder, and this command writes a file there: nothing was changed; choose another path")


@pytest.mark.parametrize(("args", "what"), [
    (["schema", "--out", "outputs"], "the schema output is a file: give a name ending .json"),
    (["likely", "fit", "--out", "outputs"], "the model output is a file: give a name ending .json"),
    (["depth", "--out", "d.csv", "--refit", "--save-params", "outputs"], "the parameters output is a file"),
    ([*WHAT_IF, "--save-overlay", "outputs"], "the overlay output is a file: give a name ending .yaml or .yml"),
    (["atlas-plot", "series.csv", "--out", "outputs"], "the plot output is a file: give a name ending .png or .svg"),
    (["dyads", "--from", "2000", "--to", "2000", "--out", "outputs"], "the table output is a file"),
])
def test_a_folder_given_for_a_file_output_is_said_to_be_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            args: list[str], what: str) -> None:
    """An existing folder named without a suffix (`schema --out outputs`) was refused as "unknown schema format ''",
    which hid the problem: every file output now says it is a folder, as a table's did (`output_format`)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "outputs").mkdir()
    assert _error_line(args).startswith(f"outputs is a folder; {what}")
    assert [p.name for p in tmp_path.iterdir()] == ["outputs"] and not any((tmp_path / "outputs").iterdir())
