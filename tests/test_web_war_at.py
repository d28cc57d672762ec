"""`GET /api/wars/at`: the bundled war a scenario sits in, as `foedus cascade`'s war note finds it
(`foedus.war.notes`), which the map's war picker defaults to (web/src/warpick.ts)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


@pytest.mark.parametrize(("query", "war"), [
    ({"attackers": "UKR", "targets": "RUS", "date": "2025-01-15"}, "russia_ukraine_2022"),  # the flagship
    ({"attackers": "RUS", "targets": "UKR", "date": "2024-12-15"}, "russia_ukraine_2022"),
    ({"attackers": "ukr", "targets": "EST,RUS", "date": "2025-01-15"}, "russia_ukraine_2022"),  # any pair at war
    ({"attackers": "RUS", "targets": "UKR", "date": "2021-06-01"}, None),  # before the war's first event
    ({"attackers": "FRA", "targets": "DEU", "date": "2025-01-15"}, None),  # in its span, neither fighting
    ({"attackers": "DEU", "targets": "GBR", "date": "1941-12-11"}, "europe_1939_1941"),  # its last day
    ({"attackers": "DEU", "targets": "GBR", "date": "1942-01-15"}, None),  # after its end: in no bundled war
])
def test_the_war_a_scenario_sits_in(api_client: TestClient, query: dict[str, str], war: str | None) -> None:
    answer = api_client.get("/api/wars/at", params=query)
    assert answer.status_code == 200 and answer.json()["id"] == war


@pytest.mark.parametrize(("query", "involved"), [
    ({"attackers": "UKR", "targets": "RUS", "date": "2025-01-15"}, ["russia_ukraine_2022"]),  # the flagship
    # in the span of russia_ukraine_2022, but neither fights in it: Replay opened it at 2025-06-01 all the same
    ({"attackers": "USA", "targets": "CAN", "date": "2025-06-01"}, []),
    ({"attackers": "FRA", "targets": "EST", "date": "2025-06-01", "states": "RUS"}, ["russia_ukraine_2022"]),  # joiner
    ({"attackers": "FRA", "targets": "EST", "date": "2025-06-01", "states": "ESP,PRT"}, []),
    ({"attackers": "EST", "targets": "RUS", "date": "2025-06-01"}, ["russia_ukraine_2022"]),  # one of them fights
    # an ongoing war past its data's end, as Replay opens it (its last date): no war note, but Russia fights in it
    ({"attackers": "RUS", "targets": "UKR", "date": "2026-12-07"}, ["russia_ukraine_2022"]),
    ({"attackers": "DEU", "targets": "GBR", "date": "1942-01-15"}, []),  # after the bundled Second World War's end
])
def test_the_wars_a_scenarios_states_fight_in(api_client: TestClient, query: dict[str, str],
                                              involved: list[str]) -> None:
    """`involved`: each bundled war in which an attacker, a target or one of `states` (the joiners) fights that day:
    Replay opens a war at the scenario's date only if it is one of them (web/src/waropen.ts)."""
    answer = api_client.get("/api/wars/at", params=query)
    assert answer.status_code == 200 and answer.json()["involved"] == involved


def test_a_bad_date_is_refused_in_one_line(api_client: TestClient) -> None:
    answer = api_client.get("/api/wars/at", params={"attackers": "UKR", "targets": "RUS", "date": "2025-13-01"})
    assert answer.status_code == 422 and answer.json()["error"].startswith("invalid date")


def test_a_war_naming_none_of_the_states_is_not_replayed(api_client: TestClient, monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    """`involved` skips a bundled war that names its states by code and none of the scenario's (USA, CAN and the
    joiner DEU in russia_ukraine_2022's span) before replaying it: that replay, cold, took over a second per war
    and settings, for an answer known from the war file's codes (bench/bench_wars_at.py)."""
    from foedus.war import notes

    asked: list[str] = []
    real = notes.war_day

    def counted(world: object, wid: str, *rest: object) -> object:
        asked.append(wid)
        return real(world, wid, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(notes, "war_day", counted)
    query = {"attackers": "USA", "targets": "CAN", "date": "2025-06-01", "states": "DEU", "reading": "escalatory"}
    answer = api_client.get("/api/wars/at", params=query)
    assert answer.status_code == 200 and answer.json() == {"id": None, "involved": []}
    assert "russia_ukraine_2022" not in asked
    query["states"] = "DEU,RUS"  # one named in it: replayed, and fights in it
    answer = api_client.get("/api/wars/at", params=query)
    assert answer.json()["involved"] == ["russia_ukraine_2022"] and asked == ["russia_ukraine_2022"]


def test_the_states_a_war_names_are_every_state_that_can_fight_in_it() -> None:
    """What `named_in` rests on: every state that attacks, is attacked or enters in a bundled war naming its states
    by code (the only ones that ever fight in it: `foedus.war.course`) is one of those codes, as loaded."""
    from foedus.engine.outcome import DATA_END
    from foedus.war.bundled import bundled_wars
    from foedus.war.loader import load_war
    from foedus.war.notes import named_in

    named = named_in(DATA_END)
    assert {"russia_ukraine_2022", "iran_2026", "israel_iran_2025"} <= set(named)
    for wid, codes in named.items():
        war = load_war(bundled_wars()[wid])
        fighting = {s for e in war.events for a in e.attacks for s in (a.attacker, a.victim)}
        fighting |= {s for e in war.events if e.kind == "entry" for s in e.states}
        assert fighting and fighting <= codes, wid
