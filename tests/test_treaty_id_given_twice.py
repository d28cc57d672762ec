"""One treaty id in two files the user gave (`--add-treaty F --add-treaty G`, `--treaties F --add-treaty G`, and
`--treaties F --add-treaty F`) names both files and says the id is given twice, in one line, exit 2: it said "the world
already has a treaty 'my_pact'; drop it first (--drop-treaty)", odd advice for files the user gave both of. A treaty
the world brings (a bundled one) added again keeps that advice."""

from __future__ import annotations

from pathlib import Path

import pytest

import foedus
from foedus.errors import ScenarioError
from foedus.model.loader import bundled_treaty_files
from foedus.model.overlay import AddTreaty, Overlay
from foedus.model.world import World
from samples import GOOD_TREATY, cli_line, error_line
from test_input_messages import CASCADE

TWICE = "{said} {second}: treaty id 'my_pact' is also in {first}; give each treaty once"


@pytest.fixture()
def pacts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    for name in ("pact.yaml", "copy.yaml"):
        (tmp_path / name).write_text(GOOD_TREATY, encoding="utf-8")
    return tmp_path


@pytest.mark.parametrize(("first", "second"), [("--add-treaty", "copy.yaml"), ("--treaties", "copy.yaml")])
def test_an_id_in_two_files_given_names_both(pacts: Path, first: str, second: str) -> None:
    assert error_line([*CASCADE, first, "pact.yaml", "--add-treaty", second]) == TWICE.format(
        said="--add-treaty", second=second, first="pact.yaml")


@pytest.mark.parametrize(("second", "also"), [
    ("pact.yaml", ""), ("./pact.yaml", " (also as pact.yaml)"), ("link.yaml", " (also as pact.yaml)")])
def test_one_file_given_to_treaties_and_add_treaty_is_given_twice(pacts: Path, second: str, also: str) -> None:
    """It said "pact.yaml: treaty id 'my_pact' is also in pact.yaml", naming one file as two."""
    (pacts / "link.yaml").symlink_to(pacts / "pact.yaml")
    assert error_line([*CASCADE, "--treaties", "pact.yaml", "--add-treaty", second]) == (
        f"--add-treaty {second}: the file is given twice{also}; give each treaty file once")


def test_an_overlay_adding_one_id_from_two_files_names_both(pacts: Path) -> None:
    (pacts / "both.yaml").write_text("changes:\n  - {op: add_treaty, path: pact.yaml}\n"
                                     "  - {op: add_treaty, path: copy.yaml}\n", encoding="utf-8")
    assert error_line([*CASCADE, "--overlay", "both.yaml"]) == "both.yaml: change 2: " + TWICE.format(
        said="what-if add_treaty:", second="copy.yaml", first="pact.yaml")


def test_a_bundled_treaty_added_again_is_still_to_be_dropped_first() -> None:
    nato = next(p for p in bundled_treaty_files() if p.name == "nato_1949.yaml")
    assert error_line([*CASCADE, "--add-treaty", str(nato)]) == (
        f"--add-treaty {nato}: the world already has a treaty 'nato_1949'; drop it first (--drop-treaty; a drop_treaty "
        "change) or give the new one another id")


def test_the_advice_works_a_bundled_treaty_dropped_and_its_edited_copy_added(tmp_path: Path) -> None:
    """--drop-treaty was applied after --add-treaty, so the advice above failed with itself."""
    import json

    nato = next(p for p in bundled_treaty_files() if p.name == "nato_1949.yaml")
    copy = tmp_path / "nato.yaml"
    text = nato.read_text(encoding="utf-8")
    assert text.count("strength: S2") == 1  # Art. 5's
    copy.write_text(text.replace("strength: S2", "strength: S1"), encoding="utf-8")
    code, out, err = cli_line([*CASCADE, "--drop-treaty", "nato_1949", "--add-treaty", str(copy), "--json"])
    assert code == 0, err
    joined = {j["state"]: (j["treaty"], j["article"], j["strength"]) for j in json.loads(out)["joiners"]}
    assert joined["USA"] == joined["DEU"] == ("nato_1949", "5", "S1")  # the copy's Art. 5, not the bundled S2


def test_the_drop_goes_first_wherever_it_is_given(tmp_path: Path) -> None:
    """The command line's --drop-treaty after an overlay adding the copy, and the Python API's drop_treaty after a
    what-if adding it, failed with the same advice."""
    import json

    nato = next(p for p in bundled_treaty_files() if p.name == "nato_1949.yaml")
    copy = tmp_path / "nato.yaml"
    copy.write_text(nato.read_text(encoding="utf-8").replace("strength: S2", "strength: S1"), encoding="utf-8")
    (tmp_path / "ov.yaml").write_text(f"changes:\n  - {{op: add_treaty, path: {copy}}}\n", encoding="utf-8")
    code, out, err = cli_line([*CASCADE, "--overlay", str(tmp_path / "ov.yaml"), "--drop-treaty", "nato_1949",
                               "--json"])
    assert code == 0, err
    assert {j["strength"] for j in json.loads(out)["joiners"] if j["treaty"] == "nato_1949"} == {"S1"}
    result = foedus.cascade("RUS", "EST", "2025-06-01", what_if=[AddTreaty(path=str(copy))], drop_treaty=["nato_1949"])
    assert {j.primary.strength for j in result.joiners if j.primary.treaty == "nato_1949"} == {"S1"}


def test_the_python_api_names_both_files(pacts: Path) -> None:
    with pytest.raises(ScenarioError) as caught:
        Overlay(changes=[AddTreaty(path="copy.yaml")]).apply(World.load(["pact.yaml"]))
    assert str(caught.value) == TWICE.format(said="what-if add_treaty:", second="copy.yaml", first="pact.yaml")
    with pytest.raises(ScenarioError) as caught:
        foedus.cascade("RUS", "EST", "2025-06-01", what_if=[AddTreaty(path="pact.yaml"), AddTreaty(path="copy.yaml")])
    assert str(caught.value) == "what_if: change 2: " + TWICE.format(said="what-if add_treaty:", second="copy.yaml",
                                                                     first="pact.yaml")


def test_a_given_treaty_dropped_and_added_from_another_file_is_taken(pacts: Path) -> None:
    world = Overlay(changes=[AddTreaty(path="pact.yaml")]).apply(World.default())
    assert world.files == {"my_pact": "pact.yaml"}
    again = Overlay(changes=[{"op": "drop_treaty", "treaty": "my_pact"}, AddTreaty(path="copy.yaml")]).apply(world)
    assert "my_pact" in again.treaties and again.files == {"my_pact": "copy.yaml"}
