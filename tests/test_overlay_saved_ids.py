"""`--save-overlay` writes each state a change names by its id on the scenario's date: a name means different states
on different dates ("Congo" is the Republic of the Congo in 1980, ambiguous in 2020), and a saved overlay kept the
name as typed, read again on the date it was run on (there refused as ambiguous)."""

from __future__ import annotations

from pathlib import Path

from foedus.model.overlay import AddMember, RemoveMember, load_overlay
from samples import cli_line


def test_a_saved_overlay_names_each_state_as_on_the_scenarios_date(tmp_path: Path) -> None:
    saved = tmp_path / "congo.yaml"
    code, _, err = cli_line(["cascade", "-a", "RUS", "-t", "NOR", "-d", "1980-06-01", "--add-member", "nato_1949:Congo",
                      "--remove-member", "nato_1949:Turkey", "--save-overlay", str(saved)])
    assert code == 0, err
    states = [(c.op, c.state) for c in load_overlay(saved).changes if isinstance(c, AddMember | RemoveMember)]
    assert sorted(states) == [("add_member", "COG"), ("remove_member", "TUR")]
    code, _, err = cli_line(["cascade", "-a", "RUS", "-t", "NOR", "-d", "2020-06-01", "--overlay", str(saved)])
    assert code == 0, err  # "Congo" read on 2020-06-01 was refused as ambiguous (COG or COD)
