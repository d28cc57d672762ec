"""`foedus war`, `foedus.replay_war` and `/api/war` take `--decisions taken|not-taken` (`Scenario.decisions`), read as
the cascade reads it: the decision gate holds back a clause that needs a decision first (the SADC Mutual Defence
Pact's Summit, France–Greece's joint determination) when it is read as not taken, and a replayed war read it as taken
with no way to read it otherwise (until 2026-12-07). Rwanda attacking the DRC in 2025: South Africa and Zimbabwe are
bound under the SADC pact from the attack's day with the decisions taken, and not without them; the header, the
JSON's `settings` and the web's war request say the setting."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from foedus.model.world import World
from foedus.war.result import WarReplay
from foedus.web import api_war
from samples import cli_line, replay_text

SADC = ("ZAF", "ZWE")
WAR = ("id: rwa_cod_2025\nname: Rwanda attacks the DRC\nend: 2025-07-01\nevents:\n"
       "  - {type: attack, date: 2025-06-01, attacker: RWA, victim: COD}\n")
HEADER = "; council decisions not taken"  # as a cascade's header says it


@pytest.fixture(scope="module")
def war_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("war") / "rwa_cod_2025.yaml"
    path.write_text(WAR, encoding="utf-8")
    return path


def _bound(replay: WarReplay) -> dict[str, tuple[str | None, str | None]]:
    return {s: (b.date.isoformat(), b.treaty) if (b := replay.first_bound(s)) else (None, None) for s in SADC}


def test_the_replay_holds_the_pact_back_only_with_the_decisions_not_taken(tmp_path: Path) -> None:
    world = World.load(history=False)
    usual = replay_text(tmp_path, WAR, world=world)
    assert _bound(usual) == dict.fromkeys(SADC, ("2025-06-01", "sadc_mdp_2003"))
    assert usual.to_dict()["settings"]["decisions"] == "taken"
    held = replay_text(tmp_path, WAR, world=world, decisions="not-taken")
    assert _bound(held) == dict.fromkeys(SADC, (None, None))
    assert held.to_dict()["settings"]["decisions"] == "not-taken"


def test_the_command_says_it_in_its_header_and_json(war_file: Path) -> None:
    code, out, err = cli_line(["war", str(war_file), "--decisions", "not-taken", "--no-timeline"])
    assert code == 0, err
    header = " ".join(out.split("sides:")[0].split())  # the header, unwrapped
    assert header.endswith(f"legal reading, membership by in-force{HEADER}")
    code, out, err = cli_line(["war", str(war_file), "--no-timeline"])
    assert code == 0 and HEADER.removeprefix("; ") not in " ".join(out.split("sides:")[0].split()), err
    code, out, err = cli_line(["war", str(war_file), "--decisions", "not-taken", "--json"])
    assert code == 0, err
    assert json.loads(out)["settings"]["decisions"] == "not-taken"
    code, _, err = cli_line(["war", str(war_file), "--decisions", "maybe"])
    assert code == 2 and "maybe" in err


def test_the_war_endpoint_takes_it(api_client: TestClient, monkeypatch: pytest.MonkeyPatch, war_file: Path,
                                   fresh_war_api: None) -> None:
    monkeypatch.setattr(api_war, "bundled_wars", lambda: {"rwa_cod_2025": war_file})
    held = api_client.get("/api/war", params={"id": "rwa_cod_2025", "decisions": "not-taken"})
    assert held.status_code == 200, held.text[:300]
    replay = held.json()
    assert replay["settings"]["decisions"] == "not-taken" and not set(SADC) & set(replay["frames"][0]["bound"])
    usual = api_client.get("/api/war", params={"id": "rwa_cod_2025"}).json()
    assert usual["settings"]["decisions"] == "taken" and set(SADC) <= set(usual["frames"][0]["bound"])
    assert api_client.get("/api/war", params={"id": "rwa_cod_2025", "decisions": "maybe"}).status_code == 422
