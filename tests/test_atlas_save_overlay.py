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
    (["--from", "1980", "--to", "1981"], "Ukraine", "UKR"),
    (["--from", "1975", "--to", "1976"], "Congo", "COG"),  # a series reads a name on each year's day, not today's
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


def test_a_name_a_series_reads_as_two_states_is_refused_naming_them() -> None:
    """"Congo" is the Congo-Kinshasa on 1 July 1960 and the Republic of the Congo in 1975 (Kinshasa's Zaire): an
    overlay file holds one state per change, so the save is refused, naming each state and its years."""
    import datetime as dt

    from foedus.errors import FoedusError
    from foedus.model.overlay import Overlay
    from foedus.model.overlay_ids import by_state_ids_on
    from foedus.model.world import World

    changes = Overlay(changes=[AddMember(treaty="nato_1949", state="Congo")])
    days = [dt.date(1960, 7, 1), dt.date(1975, 7, 1), dt.date(1976, 7, 1)]
    with pytest.raises(FoedusError) as refused:
        by_state_ids_on(changes, World.default().states, lambda number: days)
    assert str(refused.value) == (
        "--save-overlay: 'Congo' names COD in 1960 and COG in 1975–1976 (each year reads the names of its 1 July): an "
        "overlay file holds one state per change; give its code, or one change per state; nothing was written")
