"""A what-if dated after the scenario's date does not touch it, and a cascade says so (`overlay_dated.later_notes`);
`foedus compare` with the same what-if said only "no change in who joins", and a treaty added that makes no state a
party until after the date was silent in both. Both now say it, in the one wording."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
import yaml

import foedus
from foedus.model.overlay import AddMember, AddTreaty, Overlay
from foedus.model.world import World
from foedus.sweeps.compare import compare_results
from samples import GOOD_TREATY, cli_line

RUN = ["-a", "RUS", "-t", "UKR", "-d", "2025-06-01"]
LATER = ("takes effect only from 2030-01-01, after the scenario's date (2025-06-01): this what-if change does not "
         "touch the scenario")
PACT_2030 = GOOD_TREATY.replace("2020-01-01", "2030-01-01").replace("2020-02-01", "2030-01-01")  # in force as signed


def _ok(args: list[str]) -> str:
    code, out, err = cli_line(args)
    assert code == 0, err
    return out


def test_compare_says_a_member_added_from_a_later_day_does_not_touch_the_scenario(tmp_path: Path) -> None:
    overlay = tmp_path / "later.yaml"
    overlay.write_text("changes:\n  - {op: add_member, treaty: nato_1949, state: UKR, joined: 2030-01-01}\n",
                       encoding="utf-8")
    note = f"{overlay} change 1 (add_member nato_1949:UKR) {LATER}"
    cascade = json.loads(_ok(["cascade", *RUN, "--overlay", str(overlay), "--json"]))
    assert note in cascade["notes"]
    lines = _ok(["compare", *RUN, "--overlay", str(overlay)]).splitlines()
    assert "no change in who is bound to join" in lines and f"note: {note}" in lines
    assert json.loads(_ok(["compare", *RUN, "--overlay", str(overlay), "--json"]))["notes"] == [note]


@pytest.mark.needs_data
def test_the_atlas_comparison_says_it_too(tmp_path: Path) -> None:
    overlay = tmp_path / "later.yaml"
    overlay.write_text("changes:\n  - {op: add_member, treaty: nato_1949, state: UKR, joined: 2030-01-01}\n",
                       encoding="utf-8")
    report = json.loads(_ok(["compare", "--atlas", "--reading", "legal", "-d", "2025-06-01", "--overlay",
                             str(overlay), "--json"]))
    assert report["notes"][-1] == f"{overlay} change 1 (add_member nato_1949:UKR) {LATER}"


def test_a_treaty_added_that_starts_after_the_scenario_is_said_not_to_touch_it(tmp_path: Path) -> None:
    pact = tmp_path / "pact.yaml"
    pact.write_text(PACT_2030, encoding="utf-8")
    note = f"--add-treaty {pact} {LATER}"
    run = ["-a", "GBR", "-t", "ARG", "-d", "2025-06-01", "--add-treaty", str(pact)]
    assert note in json.loads(_ok(["cascade", *run, "--json"]))["notes"]
    assert f"note: {note}" in _ok(["compare", *run]).splitlines()
    inline = foedus.cascade("GBR", "ARG", "2025-06-01", what_if=[AddTreaty(treaty=yaml.safe_load(PACT_2030))])
    assert inline.notes[-1] == f"what_if change 1 (add_treaty (inline treaty 'my_pact')) {LATER}"
    # in force by then (GOOD_TREATY: 2020), or a party from the day itself: it touches the scenario, nothing said
    for text in (GOOD_TREATY, PACT_2030.replace("2030-01-01", "2025-06-01")):
        touched = foedus.cascade("GBR", "ARG", "2025-06-01", what_if=[AddTreaty(treaty=yaml.safe_load(text))])
        assert not any("takes effect only" in n for n in touched.notes)


def test_a_treaty_signed_before_the_scenario_whose_parties_all_join_later_is_said_not_to_touch_it() -> None:
    """The first day it makes a state a party counts (`first_party_day`, on either basis), not its signature."""
    data = yaml.safe_load(GOOD_TREATY)
    data["members"] = [{"state": "CHL", "joined": dt.date(2030, 1, 1)}, {"state": "ARG", "joined": dt.date(2031, 1, 1)}]
    later = foedus.cascade("GBR", "ARG", "2025-06-01", what_if=[AddTreaty(treaty=data)], basis="signed")
    assert later.notes[-1] == f"what_if change 1 (add_treaty (inline treaty 'my_pact')) {LATER}"
    data["members"][1]["joined"] = dt.date(2024, 1, 1)  # Argentina a party by then: it touches the scenario
    early = foedus.cascade("GBR", "ARG", "2025-06-01", what_if=[AddTreaty(treaty=data)], basis="signed")
    assert not any("takes effect only" in n for n in early.notes)


def test_the_comparison_function_names_the_later_changes(world: World) -> None:
    changes = [AddMember(treaty="nato_1949", state="UKR", joined=dt.date(2030, 1, 1))]
    other_world = Overlay(changes=changes).apply(world)
    base = foedus.cascade("RUS", "UKR", "2025-06-01", world=world)
    other = foedus.cascade("RUS", "UKR", "2025-06-01", world=other_world)
    diff = compare_results(base, other, (changes, other_world))
    assert diff["gained"] == [] and diff["notes"] == [f"change 1 (add_member nato_1949:UKR) {LATER}"]
    assert compare_results(base, other)["notes"] == []


def test_a_treaty_signed_before_the_scenario_but_in_force_later_is_said_not_to_touch_it_in_force(world: World) -> None:
    """On the in-force basis (the default) a treaty signed by the scenario's date but in force only later binds no
    one then: said, by a cascade and by a comparison, as the basis the run reads; on the signed basis it binds."""
    data = yaml.safe_load(GOOD_TREATY.replace("in_force: 2020-02-01", "in_force: 2030-01-01"))
    note = f"what_if change 1 (add_treaty (inline treaty 'my_pact')) {LATER}"
    later = foedus.cascade("GBR", "ARG", "2025-06-01", what_if=[AddTreaty(treaty=data)])
    assert later.notes[-1] == note
    signed = foedus.cascade("GBR", "ARG", "2025-06-01", what_if=[AddTreaty(treaty=data)], basis="signed")
    assert not any("takes effect only" in n for n in signed.notes)
    changes = [AddTreaty(treaty=data)]
    other_world = Overlay(changes=changes).apply(world)
    for basis, notes in (("in-force", [f"change 1 (add_treaty (inline treaty 'my_pact')) {LATER}"]), ("signed", [])):
        base = foedus.cascade("GBR", "ARG", "2025-06-01", world=world, basis=basis)
        other = foedus.cascade("GBR", "ARG", "2025-06-01", world=other_world, basis=basis)
        assert compare_results(base, other, (changes, other_world))["notes"] == notes


def test_a_treaty_never_in_force_is_said_not_to_touch_the_scenario_in_force(world: World, tmp_path: Path) -> None:
    """A treaty with no `in_force` and no accession makes no state a party on the in-force basis (the default) on any
    day (`foedus.model.parties.party_on`), so the engine binds no one by it; on the signed basis its signature does.
    Said in one wording, by a cascade and by a comparison, on the basis the run reads."""
    text = GOOD_TREATY.replace("in_force: 2020-02-01\n", "")
    path = tmp_path / "pact.yaml"
    path.write_text(text, encoding="utf-8")
    alone = foedus.World.load(path, bundled=False, history=False)  # the engine's reading, Chile bound only by it
    assert [j.state for j in foedus.cascade("PER", "ARG", "2025-06-01", world=alone).joiners] == []
    assert [j.state for j in foedus.cascade("PER", "ARG", "2025-06-01", world=alone, basis="signed").joiners] == ["CHL"]
    never = ("is never in force (no in_force date, no accession): on the in-force basis this what-if change does not "
             "touch the scenario")
    changes = [AddTreaty(treaty=yaml.safe_load(text))]
    in_force = foedus.cascade("GBR", "ARG", "2025-06-01", what_if=changes)
    assert in_force.notes[-1] == f"what_if change 1 (add_treaty (inline treaty 'my_pact')) {never}"
    signed = foedus.cascade("GBR", "ARG", "2025-06-01", what_if=changes, basis="signed")
    assert not any("never in force" in n or "takes effect only" in n for n in signed.notes)
    other_world = Overlay(changes=changes).apply(world)
    for basis, notes in (("in-force", [f"change 1 (add_treaty (inline treaty 'my_pact')) {never}"]), ("signed", [])):
        base = foedus.cascade("GBR", "ARG", "2025-06-01", world=world, basis=basis)
        other = foedus.cascade("GBR", "ARG", "2025-06-01", world=other_world, basis=basis)
        assert compare_results(base, other, (changes, other_world))["notes"] == notes
    run = ["-a", "GBR", "-t", "ARG", "-d", "2025-06-01", "--add-treaty", str(path)]
    assert f"--add-treaty {path} {never}" in json.loads(_ok(["cascade", *run, "--json"]))["notes"]
