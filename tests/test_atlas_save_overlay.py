"""`foedus atlas --save-overlay F` saves the atlas's what-if changes as an overlay file, by the writer `foedus cascade
--save-overlay` uses (`foedus.cli.overlay_save`): each state by its id as the atlas read it, a taken name never
replaced, no file without a change; atlas took no `--save-overlay`."""

from __future__ import annotations

from pathlib import Path

import pytest

from foedus.model.overlay import AddMember, load_overlay
from samples import cli_line, error_line

pytestmark = pytest.mark.needs_data

ATLAS = ["atlas", "--reading", "legal"]


@pytest.mark.parametrize(("when", "named", "state"), [
    (["--date", "1980-06-01"], "Congo", "COG"),  # on its date: the Republic of the Congo (two Congos later)
    (["--from", "1980", "--to", "1981"], "Ukraine", "UKR"),  # a series reads a name as of no one day
])
def test_an_atlas_saves_its_what_if_changes_as_an_overlay(tmp_path: Path, when: list[str], named: str,
                                                         state: str) -> None:
    saved = tmp_path / "o.yaml"
    code, _, err = cli_line([*ATLAS, *when, "--add-member", f"nato_1949:{named}", "--out", str(tmp_path / "a.csv"),
                             "--save-overlay", str(saved)])
    assert code == 0 and f"wrote the what-if overlay (1 change) to {saved}" in err, err
    assert [(c.op, c.state) for c in load_overlay(saved).changes if isinstance(c, AddMember)] == [("add_member", state)]


def test_an_atlas_refuses_a_taken_overlay_name_and_an_overlay_of_no_change(tmp_path: Path) -> None:
    taken = tmp_path / "taken.yaml"
    taken.write_text("mine", encoding="utf-8")
    out = str(tmp_path / "a.csv")
    assert error_line([*ATLAS, "--date", "1980-06-01", "--drop-treaty", "nato_1949", "--out", out, "--save-overlay",
                       str(taken)]).startswith(f"{taken} already exists")
    assert taken.read_text(encoding="utf-8") == "mine"
    assert error_line([*ATLAS, "--date", "1980-06-01", "--out", out, "--save-overlay", str(tmp_path / "n.yaml")]) == (
        "--save-overlay: there is no what-if change to save (give --add-member, --remove-member, --drop-treaty, "
        "--set-strength, --set-scope, --add-treaty, or an --overlay with changes); nothing was written")
    assert not (tmp_path / "n.yaml").exists() and not Path(out).exists()
