"""A state in a treaty, war or overlay file may be a COW number, as the schema says and as `foedus.cascade(365, 2, …)`
takes it; but the files refused the United States by its number (`"2"`: "String should have at least 2 characters")
and any number written as one (`state: 365`: "Input should be a valid string"). Both now name the state they mean
(`foedus.model.facts.StateRef`, the one definition the treaty and war schemas share). An overlay file's member
(`{op: add_member, state: 369}`) was still refused ("must be text, got 369"): it is now a StateRef too."""

from __future__ import annotations

from pathlib import Path

import pytest

import foedus
from foedus.errors import FoedusError

PACT = """id: my_pact
name: My pact
signed: 2020-01-01
in_force: 2020-02-01
sources: [{{url: "https://example.org/pact"}}]
members: [{{state: {first}}}, {{state: {second}}}]
provisions:
  - {{kind: defense, article: "1", strength: S2}}
"""

WAR = """id: my_war
name: My war
events:
  - {{type: attack, date: 2022-02-24, attacker: {attacker}, victim: {victim}}}
"""


@pytest.mark.parametrize(("first", "second"), [('"2"', "CAN"), ("2", "20"), ("155", "160")])
def test_a_treaty_file_takes_cow_numbers(tmp_path: Path, first: str, second: str) -> None:
    path = tmp_path / "pact.yaml"
    path.write_text(PACT.format(first=first, second=second), encoding="utf-8")
    treaty = foedus.load_world(path).treaty("my_pact")
    assert treaty is not None
    assert len(treaty.members) == 2


@pytest.mark.parametrize(("attacker", "victim"), [("365", "2"), ("RUS", '"2"')])
def test_a_war_file_takes_cow_numbers(tmp_path: Path, attacker: str, victim: str) -> None:
    path = tmp_path / "war.yaml"
    path.write_text(WAR.format(attacker=attacker, victim=victim), encoding="utf-8")
    replay = foedus.replay_war(path, until="2022-02-24")
    assert replay.record("USA") is not None


def test_a_number_that_is_no_state_is_still_refused_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "war.yaml"
    path.write_text(WAR.format(attacker="99999", victim="UKR"), encoding="utf-8")
    with pytest.raises(FoedusError, match=r"events\[0\]\.attacker: unknown state '99999'"):
        foedus.replay_war(path)


@pytest.mark.parametrize("op", ["add_member", "remove_member"])
def test_an_overlay_file_takes_cow_numbers(tmp_path: Path, op: str) -> None:
    from foedus.model.overlay import load_overlay

    path = tmp_path / "o.yaml"
    state = {"add_member": 369, "remove_member": 2}[op]  # Ukraine joins NATO; the United States leaves it
    path.write_text(f"changes:\n  - {{op: {op}, treaty: nato_1949, state: {state}}}\n", encoding="utf-8")
    world = load_overlay(path).apply(foedus.World.default())
    members = {m.state for m in world.treaty("nato_1949").members}
    assert ("UKR" in members) if op == "add_member" else ("USA" not in members)
