"""What the bad-input sweep (tests/test_bad_input_sweep.py) left read without a word: an invocation citing no article
the treaty encodes, an article written as a negative or absurd number, a research helper's year of the wrong type, a
URL or a NUL in an overlay's treaty path, and a depth-parameter or likelihood-model file's metadata of the wrong
shape. Each is now refused in one line naming the file and the field (or the argument)."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from foedus.errors import LikelyModelError, ScenarioError, TreatyDataError
from foedus.likely.model import load_model
from foedus.model.loader import load_treaties
from foedus.model.overlay import SetStrength
from foedus.model.world import World
from samples import GOOD_TREATY, cli_line

PACT = GOOD_TREATY + """invocations:
  - {date: 2021-01-01, article: "1", requester: [CHL], outcome: Consulted.}
"""


def _refused(world: World, tmp_path: Path, text: str) -> str:
    pact = tmp_path / "pact.yaml"
    pact.write_text(text, encoding="utf-8")
    with pytest.raises(TreatyDataError) as caught:
        load_treaties([pact], world.states, world.places)
    return str(caught.value).removeprefix(f"{pact}: ")


def test_an_invocation_citing_no_article_the_treaty_encodes_is_refused(world: World, tmp_path: Path) -> None:
    """`article: 'ZZZ'` was read, and shown as if the treaty had such an article; the bundled files cite a
    provision's article or say the source did not state one (`not stated`), and both still read."""
    pact = tmp_path / "pact.yaml"
    for article in ("1", "not stated"):
        pact.write_text(PACT.replace('article: "1", requester', f'article: "{article}", requester'),
                        encoding="utf-8")
        assert list(load_treaties([pact], world.states, world.places)) == ["my_pact"]
    assert _refused(world, tmp_path, PACT.replace('article: "1", requester', 'article: "ZZZ", requester')) == (
        "invocations[0].article: 'ZZZ' is no article of the treaty's provisions or forms of help (1): cite one of "
        "them, or write 'not stated' when the source does not say which")
    arms = PACT + "assistance:\n  forms:\n    - {form: arms, level: general, article: \"3\", when: wartime}\n"
    pact.write_text(arms.replace('article: "1", requester', 'article: "3", requester'), encoding="utf-8")
    assert list(load_treaties([pact], world.states, world.places)) == ["my_pact"]  # a form of help's article


@pytest.mark.parametrize(("article", "got"), [("-1", "-1"), ("0", "0"), ("1" + "0" * 30, "1" + "0" * 30)])
def test_an_article_written_as_a_negative_or_absurd_number_is_refused(world: World, tmp_path: Path, article: str,
                                                                      got: str) -> None:
    """`article: -1` (or 10**30), unquoted, was read as the text '-1': no treaty numbers an article so; an overlay's
    and the Python API's what-if are read by the same check (`foedus.model.facts.Article`)."""
    text = PACT.replace('article: "1", strength', f"article: {article}, strength")
    assert _refused(world, tmp_path, text) == f"provisions[0].article: must be between 1 and 9,999 (got {got})"
    with pytest.raises(ScenarioError) as caught:
        SetStrength(treaty="nato_1949", article=int(article), strength="S1")
    assert str(caught.value) == f"SetStrength: article: nato_1949: must be between 1 and 9,999 (got {got})"
    assert SetStrength(treaty="nato_1949", article=5, strength="S1").article == "5"


@pytest.mark.parametrize(("first", "last", "message"), [
    ("1900", None, "the first year must be a whole number, not '1900'"),
    (None, 1900.0, "the last year must be a whole number, not 1900.0"),
    (True, None, "the first year must be a whole number, not True"),
    (1700, None, "first 1700 is outside 1816–2100 (COW's inter-state wars begin in 1816)"),
    (1950, 1900, "impossible year range 1950–1900: first 1950 is after last 1900 (need first <= last)"),
])
def test_the_research_helpers_years_are_checked_as_the_clis_are(first: object, last: object, message: str) -> None:
    """`war_outcomes(first='1900')` compared a text with each war's year (a TypeError), and a year before COW's
    wars or a range backwards gave no row, unsaid, where `foedus backtest --from 1700` is refused; the helpers
    `training_data` builds on are checked alike (`foedus.backtest.outcomes.cow_wars`), before any data is read."""
    from foedus.backtest.errors import BacktestError
    from foedus.backtest.outcomes import war_outcomes

    with pytest.raises(BacktestError) as caught:
        war_outcomes(World.load(history=False), first=first, last=last)  # type: ignore[arg-type]
    assert str(caught.value) == message


CASCADE = ["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01"]


@pytest.mark.parametrize(("path", "message"), [
    ("https://x/t.yaml", "o.yaml: change 1 (add_treaty.path): a URL, not a file path: download the file first and "
                         "give its path (got 'https://x/t.yaml')"),
    ("a\\0b.yaml", "o.yaml: change 1: a\\0b.yaml: cannot read treaty file: a path cannot hold a NUL character"),
])
def test_an_overlays_treaty_path_that_is_a_url_or_holds_a_nul_is_said_as_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, path: str, message: str) -> None:
    """`add_treaty: {path: https://x/t.yaml}` was read as a relative path, said as `https:/x/t.yaml` (a Path merged
    the slashes), a file that cannot be found; a NUL in a path was written raw, which a terminal shows as a space."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "o.yaml").write_text(f'changes:\n- {{op: add_treaty, path: "{path}"}}\n', encoding="utf-8")
    code, _, err = cli_line([*CASCADE, "--overlay", "o.yaml"])
    assert code == 2 and err == f"error: {message}\n", err
    code, _, err = cli_line([*CASCADE, "--add-treaty", "https://x/t.yaml"])
    assert code == 2 and err == ("error: --add-treaty https://x/t.yaml: a URL, not a file path: download the file "
                                 "first and give its path\n"), err


def _bundled(name: str) -> dict[str, Any]:
    return dict(json.loads(resources.files("foedus.data").joinpath(name).read_text(encoding="utf-8")))


@pytest.mark.parametrize(("field", "value", "problem"), [
    ("model", 5, "model: expected a one-line text, got 5"),
    ("data.version", ["5.1"], "data.version: expected a one-line text, got a list"),
    ("data.window", "1815-2018", "data.window: expected the first and last years fitted, [FIRST, LAST] in order, "
                                 "got '1815-2018'"),
    ("data.window", [2018, 1815], "data.window: expected the first and last years fitted, [FIRST, LAST] in order, "
                                  "got a list"),
    ("data.alliances", -3, "data.alliances: expected a whole number of zero or more, got -3"),
    ("data.alliances", True, "data.alliances: expected a whole number of zero or more, got true"),
])
def test_a_depth_parameter_files_metadata_of_the_wrong_shape_is_refused(tmp_path: Path, field: str, value: Any,
                                                                        problem: str) -> None:
    """`model`, `data.version`, `data.window` and `data.alliances` (written by `foedus depth --save-params`) were
    read whatever they held: `window: "1815-2018"`, `alliances: -3`."""
    from foedus.errors import DataFormatError
    from foedus.research.depth import DepthModel

    payload = _bundled("depth_params.json")
    path = tmp_path / "p.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    assert DepthModel.from_file(path).data["version"] == "5.1"
    where = payload if field == "model" else payload["data"]
    where[field.rsplit(".", 1)[-1]] = value
    path.write_text(json.dumps(payload), encoding="utf-8")
    with pytest.raises(DataFormatError) as caught:
        DepthModel.from_file(path)
    assert str(caught.value) == f"{path}: {problem}"


@pytest.mark.parametrize(("change", "problem"), [
    ({"outcomes": []}, "training.outcomes: expected an object of the horizons 30, 365, ever"),
    ({"outcomes": {"30": {"out": 1}, "365": {}, "ever": {}}},
     "training.outcomes.30: expected the whole numbers of pairs out, attack, defense"),
    ({"outcomes": {h: {"out": -1, "attack": 0, "defense": 0} for h in ("30", "365", "ever")}},
     "training.outcomes.30: expected the whole numbers of pairs out, attack, defense"),
    ({"colour": "red"}, "training.colour: unknown field 'colour' (the fields are: first_year, last_year, wars, "
                        "pairs, outcomes)"),
])
def test_a_likelihood_models_training_fields_of_the_wrong_shape_are_refused(tmp_path: Path, change: dict[str, Any],
                                                                            problem: str) -> None:
    """`training` is free-form in the schema: its years and counts were checked, its `outcomes` (counts per
    horizon, as `foedus likely fit` writes them) and any other field read whatever they held."""
    payload = _bundled("likely_model.json")
    path = tmp_path / "m.json"
    path.write_text(json.dumps(payload), encoding="utf-8")
    assert load_model(path).training["wars"] > 0
    payload["training"].update(change)
    path.write_text(json.dumps(payload), encoding="utf-8")
    with pytest.raises(LikelyModelError) as caught:
        load_model(path)
    assert str(caught.value) == f"{path}: {problem}"
