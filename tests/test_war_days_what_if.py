"""A what-if world's war replays are kept in the user cache, keyed on its changes: `foedus atlas --add-member ...`
(a what-if world) replayed each bundled war at war on its day for the sweep note in every run, where the plain
atlas read the days from the cache (`foedus.war.note_days`: only the bundled world was the cache's). A what-if
world must never read the bundled world's days, nor another what-if's."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from foedus.model.overlay import AddMember, Overlay
from foedus.model.world import World

pytestmark = pytest.mark.needs_data

WAR = "russia_ukraine_2022"
DAY = dt.date(2025, 3, 1)
SETTINGS = ("legal", "in-force", True, "recognized", "met", "withheld", "taken")


def _bound_on(days: tuple[object, ...], day: dt.date) -> set[str]:
    """The states the war binds on `day` (the last replayed day on or before it)."""
    held = [d for d in days if d[0] <= day.isoformat()]  # type: ignore[index]
    return {b[0] for b in held[-1][2]}  # type: ignore[index]


def test_a_what_if_world_keeps_its_own_war_days(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from foedus.war import note_days

    monkeypatch.setenv("FOEDUS_CACHE_DIR", str(tmp_path))
    full = World.default()
    made: list[str] = []
    real = note_days._days

    def counted(world: World, wid: str, settings: tuple[object, ...]) -> object:
        made.append("plain" if world is full else "what-if")
        return real(world, wid, settings)

    monkeypatch.setattr(note_days, "_days", counted)
    replay = note_days.war_days.__wrapped__  # type: ignore[attr-defined]  # past the per-world cache of the process
    plain = replay(full, WAR, SETTINGS)
    joined = Overlay(changes=[AddMember(treaty="nato_1949", state="UKR")])
    what_if = joined.apply(full, DAY)
    first = replay(what_if, WAR, SETTINGS)
    assert made == ["plain", "what-if"]  # the bundled world's cached days were not the what-if's
    assert _bound_on(first, DAY) - _bound_on(plain, DAY)  # NATO's members bound: the what-if's own replay
    again = replay(joined.apply(full, DAY), WAR, SETTINGS)  # another world of the same changes: the cache's
    assert again == first and made == ["plain", "what-if"]
    other = replay(Overlay(changes=[AddMember(treaty="rus_prk_2024", state="UKR")]).apply(full, DAY), WAR, SETTINGS)
    assert made == ["plain", "what-if", "what-if"] and other != first  # another what-if: replayed, not read
    assert replay(full, WAR, SETTINGS) == plain and len(made) == 3  # the bundled world's entry is kept
    assert sorted(p.name.split("-")[2] for p in tmp_path.glob("war-days-*.json")) == ["russia_ukraine_2022", "whatif",
                                                                                      "whatif"]
