"""`foedus compare --ongoing-since` ignored the war's course to the date: a what-if that changed only since when a
joiner is bound (the Russia–DPRK treaty in force in October 2024, when the troops were shipped, not in December)
said "no change in who joins" and nothing more. Now the comparison (`compare_results`' `ongoing`, the CLI's
"ongoing: ..." lines, `/api/compare`'s `changes.ongoing`) gives how both results' `ongoing` summaries differ
(`foedus.war.ongoing_changes`): bound-since days moved, states bound to the date in one world only, lapses added
or removed."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

import foedus
from foedus.model.overlay import AddTreaty, DropTreaty, Overlay
from foedus.model.world import World
from foedus.sweeps.compare import compare_results
from foedus.war.ongoing_changes import OngoingChanges
from samples import cli_line
from test_contract import _check

KURSK = ["-a", "UKR", "-t", "RUS", "-d", "2025-01-15", "--place", "kursk-oblast", "--ongoing-since", "2024-08-06"]
PACT = Path(foedus.__file__).parent / "data" / "treaties" / "rus_prk_2024.yaml"


def _ok(args: list[str]) -> str:
    code, out, err = cli_line(args)
    assert code == 0, err
    return out


def _pact(**changed: Any) -> dict[str, Any]:
    """The bundled Russia–DPRK treaty as an inline what-if treaty, with `changed` keys (no invocations: a copy
    with other dates or members would contradict them)."""
    treaty = yaml.safe_load(PACT.read_text(encoding="utf-8"))
    treaty.pop("invocations", None)
    return {**treaty, **changed}


def _diff(world: World, changes: list[Any], since: str | None = "2024-08-06") -> dict[str, Any]:
    other_world = Overlay(changes=changes).apply(world)
    base = foedus.cascade("UKR", "RUS", "2025-01-15", place="kursk-oblast", ongoing_since=since, world=world)
    other = foedus.cascade("UKR", "RUS", "2025-01-15", place="kursk-oblast", ongoing_since=since, world=other_world)
    return compare_results(base, other, (changes, other_world), world)


def test_dropping_the_russia_dprk_treaty_says_north_korea_is_no_longer_bound_in_the_war() -> None:
    lines = _ok(["compare", *KURSK, "--drop-treaty", "rus_prk_2024"]).splitlines()
    assert "- North Korea (PRK) is no longer bound to join the defense side (was rus_prk_2024 art. 4)" in lines
    assert ("ongoing: - North Korea (PRK) no longer bound to the date (was since 2024-12-04: defense, rus_prk_2024 "
            "art. 4)" in lines), lines
    diff = json.loads(_ok(["compare", *KURSK, "--drop-treaty", "rus_prk_2024", "--json"]))
    assert diff["ongoing"] == {"since": "2024-08-06", "moved": [], "bound": [], "lapsed_added": [],
                               "switched": [], "lapsed_removed": [], "lapsed_retagged": [], "retagged": [],
                               "reprovisioned": [], "reprovisioned_now": [],
                               "unbound": [{"state": "PRK", "side": "defense",
                                                                  "since": "2024-12-04", "treaty": "rus_prk_2024",
                                                                  "article": "4", "instrument": "treaty",
                                                                  "certainty": "verified", "doubted": [],
                                                                  "levels": {}}]}
    _check(diff["ongoing"], OngoingChanges)


def test_a_treaty_in_force_earlier_changes_only_since_when_north_korea_is_bound(tmp_path: Path) -> None:
    early = tmp_path / "early.yaml"
    early.write_text(yaml.safe_dump(_pact(in_force="2024-10-01"), allow_unicode=True), encoding="utf-8")
    lines = _ok(["compare", *KURSK, "--drop-treaty", "rus_prk_2024", "--add-treaty", str(early)]).splitlines()
    assert "no change in who is bound to join" in lines
    assert "ongoing: North Korea (PRK) bound since 2024-10-01 (was 2024-12-04), rus_prk_2024 art. 4" in lines, lines
    assert not [line for line in lines if line.startswith("no change from")], lines  # the treaty moved PRK's day


def test_a_pact_ended_before_the_date_is_a_lapse_added(world: World) -> None:
    pact = _pact(id="rus_chn_test", in_force="2024-09-01", terminated="2024-12-01", replaces=[],
                 members=[{"state": "RUS"}, {"state": "CHN"}])
    diff = _diff(world, [AddTreaty(treaty=pact)])
    assert not (diff["gained"] or diff["lost"] or diff["switched"] or diff["rebased"])
    assert diff["ongoing"] == {"since": "2024-08-06", "moved": [], "bound": [], "unbound": [], "lapsed_removed": [],
                               "switched": [], "lapsed_retagged": [], "retagged": [], "reprovisioned": [],
                               "reprovisioned_now": [],
                               "lapsed_added": [{"state": "CHN", "side": "defense", "from": "2024-09-01",
                                                 "to": "2024-12-01", "treaty": "rus_chn_test", "article": "4",
                                                 "instrument": "treaty", "certainty": "verified", "doubted": [],
                                                 "levels": {}}]}


def test_a_pact_ended_mid_war_unbinds_north_korea_and_keeps_its_stretch(world: World) -> None:
    changes = [DropTreaty(treaty="rus_prk_2024"), AddTreaty(treaty=_pact(terminated="2025-01-01"))]
    ongoing = _diff(world, changes)["ongoing"]
    assert [x["state"] for x in ongoing["unbound"]] == ["PRK"]
    assert [(x["state"], x["from"], x["to"]) for x in ongoing["lapsed_added"]] == [("PRK", "2024-12-04",
                                                                                     "2025-01-01")]


def test_a_state_that_switches_sides_is_one_change(tmp_path: Path, world: World) -> None:
    """North Korea bound to Russia's defence from the Russia–DPRK treaty's entry into force in the base world, to
    Ukraine's attack by an offensive pact of September 2024 in the other, was two unrelated-looking lines (`+ PRK
    bound since ...`, `- PRK no longer bound ...`): it is one `switched` change, worded as the comparison's `~`."""
    pact = {"id": "ukr_prk_test", "name": "A test pact", "signed": "2024-09-01", "in_force": "2024-09-01",
            "type": "bilateral", "certainty": "verified", "sources": [{"url": "https://example.org", "title": "t"}],
            "members": [{"state": "UKR"}, {"state": "PRK"}],
            "provisions": [{"kind": "offense", "article": "1", "strength": "S1", "trigger": "armed_attack",
                            "summary": "A test clause."}]}
    diff = _diff(world, [DropTreaty(treaty="rus_prk_2024"), AddTreaty(treaty=pact)])
    assert diff["switched"] == [{"state": "PRK", "from": "defense", "to": "attack", "why": "ukr_prk_test art. 1",
                                 "strength": "S1", "certainty": "verified", "doubted": [], "levels": {}}]
    ongoing = diff["ongoing"]
    assert ongoing["bound"] == ongoing["unbound"] == [], ongoing
    assert ongoing["switched"] == [{"state": "PRK", "side": "attack", "since": "2024-09-01", "treaty": "ukr_prk_test",
                                    "article": "1", "side_before": "defense", "since_before": "2024-12-04",
                                    "treaty_before": "rus_prk_2024", "article_before": "4", "instrument": "treaty",
                                    "instrument_before": "treaty", "certainty": "verified", "doubted": [],
                                    "certainty_before": "verified", "doubted_before": [], "levels": {},
                                    "levels_before": {}}]
    _check(ongoing, OngoingChanges)
    path = tmp_path / "pact.yaml"
    path.write_text(yaml.safe_dump(pact), encoding="utf-8")
    lines = [line for line in _ok(["compare", *KURSK, "--drop-treaty", "rus_prk_2024", "--add-treaty", str(path)])
             .splitlines() if line.startswith("ongoing:")]
    assert lines == ["ongoing: ~ North Korea (PRK) switches from defense to attack: bound since 2024-09-01 under "
                     "ukr_prk_test art. 1 (was since 2024-12-04 under rus_prk_2024 art. 4)"], lines


def test_without_ongoing_since_there_is_no_war_to_compare(world: World) -> None:
    assert _diff(world, [DropTreaty(treaty="rus_prk_2024")], since=None)["ongoing"] is None


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_the_web_comparison_gives_the_war_s_changes_too(request: pytest.FixtureRequest) -> None:
    pytest.importorskip("fastapi", reason="the web extra (fastapi) is not installed")
    client = request.getfixturevalue("api_client")
    body = client.get("/api/compare", params={"attacker": "UKR", "target": "RUS", "date": "2025-01-15",
                                              "place": "kursk-oblast", "ongoing_since": "2024-08-06",
                                              "drop_treaty": "rus_prk_2024"}).json()
    cli = json.loads(_ok(["compare", *KURSK, "--drop-treaty", "rus_prk_2024", "--json"]))
    assert body["changes"]["ongoing"] == cli["ongoing"]
    assert body["changes"]["ongoing"]["unbound"]
