"""Input paths, worded as one rule everywhere.

A missing input file was 'No such file or directory' (the system's wording) in the file readers and 'no such file
or folder' in `treaties validate` and `atlas-plot` (`foedus.reachable.os_reason` now words both). An input given
with a trailing slash (`--overlay o.yaml/`) was read as the file o.yaml: typer drops the slash, which
`foedus.written.as_given` keeps, and every reader now gives the path to the system as written
(`foedus.written.as_written`), so o.yaml/ is refused as not a folder.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path

import pytest

import foedus
from foedus.errors import FoedusError
from foedus.model.yamlio import read_text_file
from foedus.reachable import os_reason
from samples import cli_line, error_line
from test_input_messages import CASCADE


def _files(tmp_path: Path) -> dict[str, Path]:
    """A readable file of each kind of input, and a file of a yearly series for atlas-plot."""
    wars = resources.files("foedus.data").joinpath("wars")
    treaties = resources.files("foedus.data").joinpath("treaties")
    made = {"overlay": "changes:\n  - {op: drop_treaty, treaty: chn_prk_1961}\n", "honour": "treaty: {}\n",
            "series": "year,cascade_size\n2000,1\n",
            "model": resources.files("foedus.data").joinpath("likely_model.json").read_text(encoding="utf-8"),
            "war": wars.joinpath("russia_ukraine_2022.yaml").read_text(encoding="utf-8").replace(
                "id: russia_ukraine_2022", "id: russia_ukraine_copy_2022"),  # a bundled war's id is refused
            "treaty": treaties.joinpath("nato_1949.yaml").read_text(encoding="utf-8").replace(
                "id: nato_1949", "id: nato_copy_1949")}
    out = {}
    for kind, text in made.items():
        path = tmp_path / f"{kind}.{ {'series': 'csv', 'model': 'json'}.get(kind, 'yaml')}"
        path.write_text(text, encoding="utf-8")
        out[kind] = path
    return out


# (which file, the command line around it, what the reader calls it; None: the line is `PATH: reason`)
READERS = [
    ("overlay", [*CASCADE, "--overlay"], "overlay"),
    ("treaty", [*CASCADE, "--treaties"], "treaty file"),
    ("treaty", [*CASCADE, "--add-treaty"], "treaty file"),
    ("honour", [*CASCADE, "--draws", "5", "--honour"], "honour model"),
    ("war", ["war"], "war file"),
    ("treaty", ["treaties", "validate"], None),
]


@pytest.mark.parametrize(("kind", "args", "what"), READERS)
def test_a_missing_input_file_is_worded_the_same_by_every_reader(tmp_path: Path, kind: str, args: list[str],
                                                                  what: str | None) -> None:
    """'cannot read overlay: No such file or directory' (the system's words) beside treaties validate's 'no such
    file or folder'."""
    missing = tmp_path / "nothing" / f"{kind}.yaml"
    said = "no such file or folder"
    assert error_line([*args, str(missing)]) == (f"{missing}: cannot read {what}: {said}" if what
                                                  else f"{missing}: {said}")


def test_a_missing_likelihood_model_is_worded_as_every_reader_words_it_with_its_hint(tmp_path: Path) -> None:
    """--likely-model had its own words: 'M: no such likelihood-model file (write one with `foedus likely fit`)'."""
    missing = tmp_path / "nothing" / "model.json"
    assert error_line([*CASCADE, "--likelihood", "--likely-model", str(missing)]) == (
        f"{missing}: cannot read likelihood-model file: no such file or folder (write one with `foedus likely fit`)")


def test_os_reason_words_a_missing_path_and_a_file_on_the_way(tmp_path: Path) -> None:
    (tmp_path / "f.yaml").write_text("x", encoding="utf-8")
    for path in (tmp_path / "nothing.yaml", tmp_path / "f.yaml/"):
        try:
            read_text_file(str(path), "overlay")
        except FoedusError as exc:
            assert "No such file" not in str(exc) and "Not a directory" not in str(exc), exc
    with pytest.raises(FileNotFoundError) as missing:
        os.stat(tmp_path / "nothing.yaml")
    with pytest.raises(NotADirectoryError) as on_the_way:
        os.stat(f"{tmp_path}/f.yaml/x")
    assert os_reason(missing.value) == "no such file or folder"
    assert os_reason(on_the_way.value) == f"{tmp_path / 'f.yaml'} is not a folder (ENOTDIR)"


@pytest.mark.parametrize(("kind", "args", "what"), [
    *READERS, ("series", ["atlas-plot", "--out", "p.png"], None),
    ("model", [*CASCADE, "--likelihood", "--likely-model"], "likelihood-model file")])
def test_an_input_file_given_with_a_trailing_slash_is_not_read_as_the_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str, args: list[str], what: str | None) -> None:
    """`--overlay o.yaml/` read the file o.yaml (typer's Path drops the slash): the system refuses o.yaml/ (ENOTDIR),
    and so does foedus, naming the path as given."""
    monkeypatch.chdir(tmp_path)
    path = _files(tmp_path)[kind]
    given = f"{path.name}/"
    why = f"{path.name} is not a folder (ENOTDIR)"
    assert error_line([*args, given]) == (f"{given}: cannot read {what}: {why}" if what else f"{given}: {why}")
    assert error_line([*args, str(path) + "/"]).endswith(f"{path} is not a folder (ENOTDIR)")


def test_the_files_given_without_the_slash_are_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The files of the test above are good ones: only the slash is refused."""
    files = _files(tmp_path)
    for args in ([*CASCADE, "--overlay", str(files["overlay"]), "--treaties", str(files["treaty"]), "--draws", "5",
                  "--honour", str(files["honour"]), "--json"], ["war", str(files["war"]), "--json"]):
        code, _, err = cli_line(args)
        assert code == 0, err


def test_a_war_given_to_the_python_api_with_a_trailing_slash_is_refused(tmp_path: Path) -> None:
    path = _files(tmp_path)["war"]
    with pytest.raises(FoedusError, match=f"^{path}/: cannot read war file: {path} is not a folder"):
        foedus.replay_war(f"{path}/")


@pytest.mark.parametrize(("kind", "args"), [  # the honour model's reader kept the text already
    *((kind, args) for kind, args, _ in READERS if kind != "honour"), ("series", ["atlas-plot", "--out", "p.png"]),
    ("model", [*CASCADE, "--likelihood", "--likely-model"])])
def test_an_input_given_with_a_leading_dot_slash_is_named_as_typed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, kind: str, args: list[str]) -> None:
    """`foedus war ./july_crisis_1914` said 'july_crisis_1914: cannot read war file: …': typer's Path (and the war's
    own) drops the `./`, which `foedus.written.as_given` keeps for the message as for a trailing slash."""
    monkeypatch.chdir(tmp_path)
    given = f"./nothing/{kind}.yaml"
    assert error_line([*args, given]).startswith(f"{given}: ")


def test_a_war_given_with_a_leading_dot_slash_is_named_as_typed(tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert error_line(["war", "./july_crisis_1914"]) == ("./july_crisis_1914: cannot read war file: no such file "
                                                          "or folder")


@pytest.mark.parametrize(("args", "name", "text"), [
    (["war"], "w.yaml", "id: w\nname: w\nevents: []\n"),
    ([*CASCADE, "--overlay"], "o.yaml", "changes: 3\n"),
    ([*CASCADE, "--treaties"], "t.yaml", "id: x\n"),
    ([*CASCADE, "--likelihood", "--likely-model"], "m.json", "{}"),
    (["atlas-plot", "--out", "p.png"], "s.csv", "year\n1900\n"),
    (["atlas-plot", "--out", "p.png"], "s.csv", "year,mean_size_legal\n1900,x\n"),
])
def test_a_malformed_input_given_with_a_leading_dot_slash_is_named_as_typed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str], name: str, text: str) -> None:
    """Read, but refused for what it holds: the file named as given too ('w.yaml: events: …' for ./w.yaml)."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / name).write_text(text, encoding="utf-8")
    assert error_line([*args, f"./{name}"]).startswith(f"./{name}")
