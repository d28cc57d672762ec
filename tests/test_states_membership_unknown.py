"""`/api/states?date=` and `foedus states --date` list a state whose membership of the state system the COW dates
cannot say (`State.member_on` None: Palestine, which COW does not list; every state before 1816), with `member`
null, since the engine takes such a state on that date; they left it out (no state at all before 1816, so the web
named every state by today's name in 1815). A state out of the system on the date is still left out."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import pytest
from fastapi.testclient import TestClient

from foedus.model.world import World

pytestmark = [pytest.mark.needs_data]


def _members(rows: list[dict[str, Any]]) -> dict[str, bool | None]:
    return {r["id"]: r["member"] for r in rows}


def test_the_api_lists_a_state_whose_membership_is_unknown_with_member_null(api_client: TestClient) -> None:
    states = World.default().states
    day = dt.date(2020, 1, 1)
    assert states.get("PSE").member_on(day) is None and states.get("USA").member_on(day) is True
    out = next(s.id for s in states if s.member_on(day) is False)
    listed = _members(api_client.get("/api/states", params={"date": day.isoformat()}).json())
    assert listed["PSE"] is None and listed["USA"] is True and out not in listed
    assert {i for i, m in listed.items() if m} == set(states.members_on(day))


def test_before_1816_every_state_is_listed_as_then_named_membership_unknown(api_client: TestClient) -> None:
    states = World.default().states
    day = dt.date(1815, 6, 1)
    rows = api_client.get("/api/states", params={"date": day.isoformat()}).json()
    assert [r["id"] for r in rows] == [s.id for s in states]
    assert set(_members(rows).values()) == {None}
    assert {r["id"]: r["name"] for r in rows} == states.names_on(day)
    assert set(_members(api_client.get("/api/states").json()).values()) == {None}  # no date asked: not said


def test_the_cli_lists_the_same_rows_as_the_api(api_client: TestClient, capsys: pytest.CaptureFixture[str]) -> None:
    from foedus.cli.show import print_states

    for day in ("2020-01-01", "1815-06-01"):
        print_states(None, day, "json")
        assert json.loads(capsys.readouterr().out) == api_client.get("/api/states", params={"date": day}).json()
    print_states("PSE", "2020-01-01", "table")
    table = capsys.readouterr().out
    assert "not in the COW state system" in table and "member on 2020-01-01" in table and "not known" in table
    print_states(None, "1815-06-01", "table")
    assert "whether a state was in it on 1815-06-01 is not known" in capsys.readouterr().err
