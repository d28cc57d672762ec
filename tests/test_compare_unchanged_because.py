"""A what-if that moves no one says why, per treaty it touched (analyst audit s39): `foedus compare -a CHN -t TWN
--add-member usa_jpn_1960:TWN` said only "no change in who is bound to join". Now the comparison (`compare_results`'
`unchanged_because`, the CLI's "no change from TREATY: ..." lines, `/api/compare`'s `changes`) gives each touched
treaty that moved no joiner its reason, in the engine's words (`foedus.engine.unmoved.why_unmoved`, reading the
rules' verdicts: `rules.unmet` names the part of a trigger an attack misses)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

import foedus
from foedus.model.overlay import AddMember, DropTreaty, Overlay, RemoveMember, SetStrength
from foedus.model.world import World
from foedus.sweeps.compare import compare_results
from samples import cli_line

TWN = ["-a", "CHN", "-t", "TWN", "-d", "2025-06-01"]
SCOPE = "art. V binds only for an attack in its scope (territory: administered-by:JPN)"


def _ok(args: list[str]) -> str:
    code, out, err = cli_line(args)
    assert code == 0, err
    return out


def _diff(world: World, attacker: str, target: str, changes: list[Any]) -> dict[str, Any]:
    other_world = Overlay(changes=changes).apply(world)
    base = foedus.cascade(attacker, target, "2025-06-01", world=world)
    other = foedus.cascade(attacker, target, "2025-06-01", world=other_world)
    return compare_results(base, other, (changes, other_world), world)


def test_the_cli_says_why_taiwan_in_the_us_japan_treaty_moves_no_one() -> None:
    lines = _ok(["compare", *TWN, "--add-member", "usa_jpn_1960:TWN"]).splitlines()
    said = [line for line in lines if line.startswith("no change from ")]
    assert "no change in who is bound to join" in lines and len(said) == 1, lines
    assert said[0].startswith(f"no change from usa_jpn_1960: TWN is added as a party, but {SCOPE}")
    assert said[0].endswith("the attack on Taiwan (TWN) is outside it")
    assert lines.index(said[0]) == lines.index("no change in who is bound to join") + 1


def test_the_json_lists_the_reason_per_treaty() -> None:
    diff = json.loads(_ok(["compare", *TWN, "--add-member", "usa_jpn_1960:TWN", "--json"]))
    [entry] = diff["unchanged_because"]
    assert entry["treaty"] == "usa_jpn_1960" and entry["change"] == "add_member usa_jpn_1960:TWN"
    assert SCOPE in entry["why"]


def test_a_treaty_named_by_its_name_is_reported_by_its_id() -> None:
    diff = json.loads(_ok(["compare", *TWN, "--add-member", "NATO:TWN", "--json"]))
    assert [e["treaty"] for e in diff["unchanged_because"]] == ["nato_1949"]
    assert "art. 5 binds only for an attack in its scope" in diff["unchanged_because"][0]["why"]


def test_a_dropped_treaty_that_bound_no_one_says_so(world: World) -> None:
    diff = _diff(world, "CHN", "TWN", [DropTreaty(treaty="nato_1949")])
    assert diff["gained"] == diff["lost"] == diff["rebased"] == []
    assert diff["unchanged_because"] == [{
        "treaty": "nato_1949", "change": "change 1 (drop_treaty nato_1949)",
        "why": "dropped, but it moved no one before: no party of nato_1949 is attacked, and no clause of it binds a "
               "party to join a party's attack"}]


def test_a_member_added_on_the_attackers_side_is_said_to_be_there(world: World) -> None:
    diff = _diff(world, "CHN", "TWN", [AddMember(treaty="usa_jpn_1960", state="CHN")])
    [entry] = diff["unchanged_because"]
    assert entry["why"].startswith("CHN is added as a party, but no party of usa_jpn_1960 is attacked (China (CHN) "
                                   "on the attacking side)")
    lines = _ok(["compare", *TWN, "--add-member", "usa_jpn_1960:CHN"]).splitlines()
    assert f"no change from usa_jpn_1960: {entry['why']}" in lines


def test_a_member_removed_is_read_in_the_world_it_was_a_party_in(world: World) -> None:
    diff = _diff(world, "CHN", "TWN", [RemoveMember(treaty="usa_jpn_1960", state="JPN")])
    [entry] = diff["unchanged_because"]
    assert entry["why"].startswith("JPN leaves it, but it moved no one while JPN was a party: no party of "
                                   "usa_jpn_1960 is attacked")


def test_a_treaty_that_moves_someone_gets_no_reason_and_the_rest_do(world: World) -> None:
    """UKR joins NATO and is bound to defend Estonia: NATO moved it; US-ROK, with Estonia added, owes it no clause
    that binds a party to fight (its art. III names its parties): both said."""
    changes = [AddMember(treaty="nato_1949", state="UKR"), AddMember(treaty="usa_kor_1953", state="EST")]
    diff = _diff(world, "RUS", "EST", changes)
    assert [g["state"] for g in diff["gained"]] == ["UKR"]
    assert [e["treaty"] for e in diff["unchanged_because"]] == ["usa_kor_1953"]
    assert diff["unchanged_because"][0]["why"] == (
        "EST is added as a party, but usa_kor_1953 has no clause that binds a party to fight owed to or by Estonia "
        "(EST) on 2025-06-01")
    lines = _ok(["compare", "-a", "RUS", "-t", "EST", "-d", "2025-06-01", "--add-member", "nato_1949:UKR",
                 "--add-member", "usa_kor_1953:EST"]).splitlines()
    assert "no change in who is bound to join" not in lines
    assert [line.split(":")[0] for line in lines if line.startswith("no change from")] == [
        "no change from usa_kor_1953"]


def test_an_incident_below_the_trigger_is_named(world: World) -> None:
    changes = [SetStrength(treaty="usa_jpn_1960", article="V", strength="S1"),
               AddMember(treaty="usa_jpn_1960", state="TWN")]
    other_world = Overlay(changes=changes).apply(world)
    base = foedus.cascade("CHN", "TWN", "2025-06-01", world=world, severity="coercion")
    other = foedus.cascade("CHN", "TWN", "2025-06-01", world=other_world, severity="coercion")
    whys = [e["why"] for e in compare_results(base, other, (changes, other_world), world)["unchanged_because"]]
    below = "art. V binds only for an incident of at least an armed attack; this one is coercion"
    assert whys == [f"art. V changed, but {below}", f"TWN is added as a party, but {below}"]


def test_without_a_what_if_there_is_no_reason_to_give(world: World) -> None:
    base = foedus.cascade("CHN", "TWN", "2025-06-01", world=world)
    assert compare_results(base, base)["unchanged_because"] == []


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_the_web_comparison_gives_the_reasons_too(request: pytest.FixtureRequest) -> None:
    pytest.importorskip("fastapi", reason="the web extra (fastapi) is not installed")
    pytest.importorskip("httpx2", reason="httpx2 (for the test client) is not installed")
    api_client = request.getfixturevalue("api_client")
    body = api_client.get("/api/compare", params={"attacker": "CHN", "target": "TWN", "date": "2025-06-01",
                                                  "add_member": "usa_jpn_1960:TWN"}).json()
    cli = json.loads(_ok(["compare", *TWN, "--add-member", "usa_jpn_1960:TWN", "--json"]))
    assert [e["why"] for e in body["changes"]["unchanged_because"]] == [e["why"] for e in cli["unchanged_because"]]


def test_a_treaty_dropped_and_added_again_is_said_once_as_replaced(tmp_path: Any) -> None:
    """An edited copy of a treaty under its own id (--drop-treaty T --add-treaty copy.yaml) that moves no one is one
    treaty replaced: it said two things of one treaty, "added, but ... binds North Korea" and "dropped, but it moved
    no one before: ... binds North Korea"."""
    import yaml

    pact = yaml.safe_load((Path(foedus.__file__).parent / "data" / "treaties" / "rus_prk_2024.yaml").read_text(
        encoding="utf-8"))
    pact.pop("invocations", None)  # a copy with other facts would contradict them
    pact["name"] = f"{pact['name']} (an edited copy)"
    copy = tmp_path / "copy.yaml"
    copy.write_text(yaml.safe_dump(pact, allow_unicode=True), encoding="utf-8")
    lines = _ok(["compare", "-a", "UKR", "-t", "RUS", "-d", "2025-01-15", "--place", "kursk-oblast",
                 "--drop-treaty", "rus_prk_2024", "--add-treaty", str(copy)]).splitlines()
    said = [line for line in lines if line.startswith("no change from ")]
    assert "no change in who is bound to join" in lines, lines
    assert len(said) == 1, said
    assert said[0].startswith("no change from rus_prk_2024: replaced by the copy added, but art. 4 "), said
    assert "binds North Korea (PRK), which is bound to join the defense side by this clause" in said[0], said
