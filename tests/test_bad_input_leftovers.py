"""What session 57's sweeps left: an invocation citing `Art. 5` where the file encodes `5` (refused as no article at
all), a control character in a message the CLI printed raw, a likelihood-model or depth-parameter file without the
fields every fit writes, `foedus depth --level` worded apart from every other bound, and a comma list where one state
goes told as an unknown state. Each is now said in one line, as its neighbours are."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from foedus.errors import TreatyDataError
from foedus.model.loader import load_treaties
from foedus.model.world import World
from samples import GOOD_TREATY, cli_line, error_line

CASCADE = ["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01"]

PACT = GOOD_TREATY + """invocations:
  - {date: 2021-01-01, article: "1", requester: [CHL], outcome: Consulted.}
"""


@pytest.mark.parametrize("cited", ["Art. 1", "Article 1", "art 1", "ART.1", " article  1 "])
def test_an_invocation_citing_an_encoded_article_with_its_prefix_is_told_the_spelling(world: World, tmp_path: Path,
                                                                                      cited: str) -> None:
    """'Art. 1' where the provision's article is '1' was "no article of the treaty's provisions (1)", though it is
    that article: the refusal names the one spelling the file encodes, so the reader knows what to write."""
    pact = tmp_path / "pact.yaml"
    pact.write_text(PACT.replace('article: "1", requester', f'article: "{cited}", requester'), encoding="utf-8")
    with pytest.raises(TreatyDataError) as caught:
        load_treaties([pact], world.states, world.places)
    assert str(caught.value) == f"{pact}: invocations[0].article: {cited!r} is article '1', as the file encodes it: " \
                                "write '1'"
    pact.write_text(PACT.replace('article: "1", requester', 'article: "Art. 2", requester'), encoding="utf-8")
    with pytest.raises(TreatyDataError, match=r"'Art. 2' is no article of the treaty's provisions or forms of help "):
        load_treaties([pact], world.states, world.places)  # an article the file does not encode, with a prefix


@pytest.mark.parametrize("mark", ["\0", "\x1b", "\x07", "\x7f", "\x9b"])
@pytest.mark.parametrize("args", [
    ["states", "US{}A"],
    ["treaties", "show", "na{}to"],
    ["treaties", "validate", "/nowhere/pa{}ct.yaml"],
    [*CASCADE, "--treaties", "/nowhere/pa{}ct.yaml"],
    [*CASCADE, "--overlay", "/nowhere/o{}.yaml"],
    ["war", "/nowhere/w{}ar.yaml"],
])
def test_no_error_line_prints_a_raw_control_character(args: list[str], mark: str) -> None:
    """A path's ESC (or BEL, DEL, CSI) was printed raw, where a terminal obeys it; a NUL was shown `\\0` only
    because the message passed `one_line`: every message the CLI prints shows each control character escaped."""
    typed = [a.replace("{}", mark) for a in args]
    said = error_line(typed)
    assert not any(c in said for c in "\0\x1b\x07\x7f\x9b"), said
    assert f"\\x{ord(mark):02x}" in said or (mark == "\0" and "\\0" in said), said  # a NUL: `\0`, or as repr says it


def test_a_note_or_warning_shows_a_control_character_escaped(capsys: pytest.CaptureFixture[str]) -> None:
    """The lines the CLI prints besides an error (`note:`, `wrote … to PATH`) escape one too, in full (a note may
    be longer than an error line's cap)."""
    from foedus.cli.writing import echo_wrote

    echo_wrote(Path("/tmp/t\x1b[2J.csv"), "1 row", notes=["a\0b" + "x" * 500])
    err = capsys.readouterr().err
    assert err == "wrote 1 row to /tmp/t\\x1b[2J.csv\nnote: a\\0b" + "x" * 500 + "\n", err


def _bundled(name: str) -> dict[str, Any]:
    return dict(json.loads(resources.files("foedus.data").joinpath(name).read_text(encoding="utf-8")))


@pytest.mark.parametrize("field", ["model", "refit", "seed", "data.dataset", "data.version", "data.window",
                                   "data.alliances"])
def test_a_depth_parameter_file_without_a_field_every_fit_writes_is_refused(tmp_path: Path, field: str) -> None:
    """Each was checked only when present: a file without them read as a whole fit's, its description of the fit
    (`foedus depth --params`) missing without a word. Every fit writes them (`fit_params`): each is required."""
    from foedus.errors import DataFormatError
    from foedus.research.depth import DepthModel

    payload = _bundled("depth_params.json")
    block, _, key = field.rpartition(".")
    del (payload[block] if block else payload)[key]
    path = tmp_path / "p.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    with pytest.raises(DataFormatError) as caught:
        DepthModel.from_file(path)
    assert str(caught.value) == f"{path}: {field}: missing field {key!r}"
    (payload[block] if block else payload)[key] = None  # given as null: as missing, not a description
    path.write_text(json.dumps(payload), encoding="utf-8")
    with pytest.raises(DataFormatError, match=f"^{re.escape(f'{path}: {field}: expected ')}.*got nothing$"):
        DepthModel.from_file(path)


def test_a_likelihood_model_without_outcomes_is_refused(tmp_path: Path) -> None:
    """`training.outcomes` (counts per horizon, written by every `foedus likely fit`) was checked only when present:
    it is required as `first_year` is, named as missing."""
    from foedus.errors import LikelyModelError
    from foedus.likely.model import load_model

    payload = _bundled("likely_model.json")
    del payload["training"]["outcomes"]
    path = tmp_path / "m.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    with pytest.raises(LikelyModelError) as caught:
        load_model(path)
    assert str(caught.value) == f"{path}: training.outcomes: missing field 'outcomes'"


@pytest.mark.parametrize("args", [
    ["states", "{}"],
    ["war", "russia_ukraine_2022", "--state", "{}"],
    [*CASCADE, "--add-member", "nato_1949:{}"],
    [*CASCADE, "--remove-member", "nato_1949:{}"],
])
@pytest.mark.parametrize("typed", ["USA,USA", "USA,XYZ", "Russia, rus"])
def test_a_comma_list_where_one_state_goes_is_said_to_be_a_list(args: list[str], typed: str) -> None:
    """`foedus states 'USA,USA'` said "unknown state 'USA,USA'; did you mean USA, SAU?", as if a name were misspelt:
    a list naming a state where one state goes is said to be a list, wherever a single state is read."""
    said = error_line([a.replace("{}", typed) for a in args])
    assert said == f"one state expected, got a list: {typed}; give one state (try `foedus states`)", said


def test_a_name_with_a_comma_or_two_states_keep_their_words() -> None:
    assert error_line(["states", "Narnia, Kingdom of"]).startswith("unknown state 'Narnia, Kingdom of'; did you mean")
    assert error_line(["states", "USA,CAN"]) == ("'USA,CAN' names several states (Canada (CAN), United States (USA)); "
                                                 "give one state")


@pytest.mark.needs_data
def test_depths_note_on_another_copy_shows_a_control_character_escaped(tmp_path: Path) -> None:
    """A parameter file's `data.file` (the ATOP file it was fitted on) is quoted in a note on stderr when its SHA-256
    is another copy's: its ESC was printed raw, where every error line showed one escaped."""
    params = _bundled("depth_params.json")
    params["data"].update(file="atop\x1b[2J.csv", sha256="0" * 64)
    saved = tmp_path / "params.json"
    saved.write_text(json.dumps(params), encoding="utf-8")
    code, _, err = cli_line(["depth", "--params", str(saved), "--out", str(tmp_path / "d.csv")])
    assert code == 0 and "\x1b" not in err, err
    assert "note: the item parameters were fitted on another copy of atop\\x1b[2J.csv (SHA-256" in err, err
