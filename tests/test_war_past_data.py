"""A war replayed past what is known (docs/war.md `--until`): /api/war keeps one replay for every day asked past an
ongoing war's data (the day replayed, not the text asked), each answer naming its own day asked."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient

import foedus.api
from foedus.engine.outcome import DATA_END
from foedus.web import api_war

WAR = "russia_ukraine_2022"  # ongoing: its data ends on the bundled data's end


@pytest.fixture
def fresh() -> Iterator[None]:
    """/api/war's kept replays and wars, empty before and after the test (another test's replays are not counted)."""
    kept = [f for f in vars(api_war).values() if callable(getattr(f, "cache_clear", None))]
    for f in kept:
        f.cache_clear()
    yield
    for f in kept:
        f.cache_clear()


def test_days_asked_past_an_ongoing_wars_data_are_one_replay_each_answer_naming_its_own_day(
        api_client: TestClient, monkeypatch: pytest.MonkeyPatch, fresh: None) -> None:
    """Two days after the data's end, and the end itself, replay the war to the same day: it is replayed once (it
    was kept by the text asked, each day replayed and kept again), and each answer's `war.asked_until` is its own."""
    calls: list[Any] = []
    real = foedus.api.replay_war

    def counted(*args: Any, **kwargs: Any) -> Any:
        calls.append(kwargs.get("until"))
        return real(*args, **kwargs)

    monkeypatch.setattr(foedus.api, "replay_war", counted)
    asked = {day: api_client.get("/api/war", params={"id": WAR, "until": day}).json()
             for day in ("2027-01-01", "2026-05-05", DATA_END.isoformat())}
    assert len(calls) == 1
    assert {day: (body["war"]["end"], body["war"]["asked_until"]) for day, body in asked.items()} == {
        "2027-01-01": (DATA_END.isoformat(), "2027-01-01"), "2026-05-05": (DATA_END.isoformat(), "2026-05-05"),
        DATA_END.isoformat(): (DATA_END.isoformat(), None)}
    assert asked["2027-01-01"]["frames"] == asked[DATA_END.isoformat()]["frames"]
    assert api_client.get("/api/war", params={"id": WAR, "until": "2027-01-01"}).json() == asked["2027-01-01"]
    assert len(calls) == 1  # the answer kept is not changed by another request's day
    assert api_client.get("/api/war", params={"id": WAR, "until": "2025-06-01"}).json()["war"]["end"] == "2025-06-01"
    assert len(calls) == 2  # a day inside the data is a replay of its own
