"""`foedus war` and `/api/war` take `--non-military withheld|bound` (`Scenario.non_military`), read as the cascade
reads it: a war of 2025 on an EU member held Art. 42(7)'s four neutrals (Austria, Cyprus, Ireland, Malta) withheld
with no way to replay them bound. With it bound, each is bound from the attack's day under eu_teu_42_7 art. 42(7),
the header and the JSON's `settings` saying the setting; without it, none is."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from foedus.model.world import World
from foedus.war.result import WarReplay
from foedus.web import api_war
from samples import cli_line, replay_text

NEUTRALS = ("AUT", "CYP", "IRL", "MLT")
WAR = ("id: rus_est_2025\nname: Russia attacks Estonia\nend: 2025-07-01\nevents:\n"
       "  - {type: attack, date: 2025-06-01, attacker: RUS, victim: EST}\n")
HEADER = "; states that may limit their aid to non-military means read as bound to fight"  # as a cascade's


@pytest.fixture(scope="module")
def war_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("war") / "rus_est_2025.yaml"
    path.write_text(WAR, encoding="utf-8")
    return path



def _bound(replay: WarReplay) -> dict[str, tuple[str | None, str | None, str | None]]:
    return {s: (b.date.isoformat(), b.treaty, b.article) if (b := replay.first_bound(s)) else (None, None, None)
            for s in NEUTRALS}


def test_the_replay_holds_the_neutrals_bound_only_with_the_switch(tmp_path: Path) -> None:
    world = World.load(history=False)
    bound = replay_text(tmp_path, WAR, world=world, non_military="bound")
    assert _bound(bound) == dict.fromkeys(NEUTRALS, ("2025-06-01", "eu_teu_42_7", "42(7)"))
    assert bound.to_dict()["settings"]["non_military"] == "bound"
    usual = replay_text(tmp_path, WAR, world=world)
    assert _bound(usual) == dict.fromkeys(NEUTRALS, (None, None, None))
    assert usual.to_dict()["settings"]["non_military"] == "withheld"


def test_the_command_says_it_in_its_header_and_json(war_file: Path) -> None:
    code, out, err = cli_line(["war", str(war_file), "--non-military", "bound", "--no-timeline"])
    assert code == 0, err
    header = " ".join(out.split("sides:")[0].split())  # the header, unwrapped
    assert header.endswith(f"legal reading, membership by in-force{HEADER}")
    code, out, err = cli_line(["war", str(war_file), "--no-timeline"])
    assert code == 0 and HEADER.split()[-1] not in " ".join(out.split("sides:")[0].split()), err
    code, out, err = cli_line(["war", str(war_file), "--non-military", "bound", "--json"])
    assert code == 0, err
    replay = json.loads(out)
    assert replay["settings"]["non_military"] == "bound"
    assert {s["state"] for s in replay["states"] if s["state"] in NEUTRALS and s["first_bound"]} == set(NEUTRALS)


def test_the_war_endpoint_takes_it(api_client: TestClient, monkeypatch: pytest.MonkeyPatch, war_file: Path,
                                   fresh_war_api: None) -> None:
    monkeypatch.setattr(api_war, "bundled_wars", lambda: {"rus_est_2025": war_file})
    bound = api_client.get("/api/war", params={"id": "rus_est_2025", "non_military": "bound"})
    assert bound.status_code == 200, bound.text[:300]
    assert bound.json()["settings"]["non_military"] == "bound"
    assert set(NEUTRALS) <= set(bound.json()["frames"][0]["bound"])
    usual = api_client.get("/api/war", params={"id": "rus_est_2025"}).json()
    assert usual["settings"]["non_military"] == "withheld" and not set(NEUTRALS) & set(usual["frames"][0]["bound"])
    refused = api_client.get("/api/war", params={"id": "rus_est_2025", "non_military": "maybe"})
    assert refused.status_code == 422


def test_the_out_files_title_and_the_state_line_say_it(war_file: Path, tmp_path: Path) -> None:
    """`--out`'s title and a `--state` line (its JSON's `said` too) name the switch the replay ran under, in its
    header's words (until 2026-12-07 they named none); run under the defaults they name none."""
    import pyarrow.parquet as pq

    for switch, tail in (["--non-military", "bound"], HEADER), ([], ""):
        out = tmp_path / f"w{len(switch)}.parquet"
        code, _, err = cli_line(["war", str(war_file), *switch, "--out", str(out)])
        assert code == 0, err
        assert json.loads(pq.read_schema(out).metadata[b"foedus"])["title"] == f"foedus war rus_est_2025{tail}"
        code, line, err = cli_line(["war", str(war_file), *switch, "--state", "AUT"])
        assert code == 0, err
        said = (f"; bound to that side without a break since 2025-06-01. Replayed under: {tail.removeprefix('; ')}."
                if tail else "Neither fighting nor bound on 2025-07-01.")
        assert line.startswith("Austria (AUT): ") and line.rstrip("\n").endswith(said)
        assert line.count("Replayed under") == bool(tail)
        code, record, err = cli_line(["war", str(war_file), *switch, "--state", "AUT", "--json"])
        assert code == 0 and json.loads(record)["said"] == line.rstrip("\n"), err
