"""`foedus war WAR`'s text says a pause and a release as "Why?" does (foedus.war.pause_words): the table of the Iran
war of 2026 replayed to its ceasefire showed Oman "attack 2026-03-01 (was attacked)" and Pakistan bound from 28
February with no word of the ceasefire, and its timeline listed the released states' moves but not the pause of the
ten states still fighting (docs/war.md, "What a frame says of pauses and ended duties")."""

from __future__ import annotations

from pathlib import Path

import pytest

from foedus.api import replay_war
from foedus.model.world import World
from foedus.war.render import print_replay
from foedus.war.result import WarReplay
from samples import replay_text
from test_war_pause import ATTACK_ENDS, CUBA, NOT_LEFT

CEASED = "under the ceasefire of 2026-04-08 (ceasefire: every attack ends)"  # pages: the sources listed at the end
RESUMED = "fighting again: an attack by or on it goes on"  # foedus.war.pause_words.RESUMED


def _printed(result: WarReplay, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
             world: World | None = None) -> list[str]:
    monkeypatch.setenv("COLUMNS", "2000")  # a cell's line on one line of the terminal
    print_replay(result, states=world.states if world else None)
    return capsys.readouterr().out.splitlines()


def _rows(lines: list[str]) -> dict[str, list[str]]:
    """The table's rows by the state's cell: each cell's lines, joined by " / "."""
    rows: dict[str, list[list[str]]] = {}
    state = ""
    for line in lines:
        if not line.startswith("│"):
            continue
        cells = [c.strip() for c in line.strip("│").split("│")]
        state = cells[0] or state
        rows.setdefault(state, [[] for _ in cells])
        for kept, cell in zip(rows[state], cells, strict=True):
            kept += [cell] if cell else []
    return {s: [" / ".join(c) for c in cells] for s, cells in rows.items()}


def test_the_table_and_timeline_say_the_ceasefire_s_pause_and_release(monkeypatch: pytest.MonkeyPatch,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    """Oman's fighting cell says it is paused since the ceasefire; Pakistan's binding cell says the ceasefire released
    it; the timeline's ceasefire date says each of the ten states paused, and that none of them left the war."""
    lines = _printed(replay_war("iran_2026"), monkeypatch, capsys)
    rows = _rows(lines)
    assert rows["Oman (OMN)"][1] == f"attack 2026-03-01 (attacked by Iran (IRN)) / paused since 2026-04-08 {CEASED}"
    assert rows["Pakistan (PAK)"][2].endswith(f" / released on 2026-04-08 {CEASED}")
    assert rows["Pakistan (PAK)"][1] == "—" and "paused" not in rows["Iraq (IRQ)"][1]
    assert sum("paused since" in r[1] for r in rows.values()) == 10
    assert sum("released on" in r[2] for r in rows.values()) == 16
    timeline = lines[next(i for i, line in enumerate(lines) if line.startswith("timeline")):]
    assert f"  Oman (OMN): attack, paused since 2026-04-08 {CEASED}: {NOT_LEFT}" in timeline
    assert f"  Iran (IRN): defense, paused since 2026-04-08 {CEASED}: {NOT_LEFT}" in timeline
    assert sum(": attack, paused since" in line or ": defense, paused since" in line for line in timeline) == 10


def test_the_timeline_says_an_attack_s_end_a_new_attack_and_an_exit(monkeypatch: pytest.MonkeyPatch,
                                                                   capsys: pytest.CaptureFixture[str],
                                                                   tmp_path: Path) -> None:
    """Cuba's attack ends on 1 September (both paused), a new one begins on 1 October (both fighting again), Cuba
    leaves on 1 November (the United States paused, Cuba out: a move); the table says the pause on the last date."""
    world = World.load(history=False)
    lines = _printed(replay_text(tmp_path, CUBA, world=world), monkeypatch, capsys, world)
    timeline = lines[next(i for i, line in enumerate(lines) if line.startswith("timeline")):]
    days = {line: i for i, line in enumerate(timeline) if line.startswith("2004-")}
    said = [line for line in timeline if "paused since" in line or RESUMED in line]
    assert said == [f"  Cuba (CUB): attack, paused since 2004-09-01 {ATTACK_ENDS}: {NOT_LEFT}",
                    f"  United States (USA): defense, paused since 2004-09-01 {ATTACK_ENDS}: {NOT_LEFT}",
                    f"  Cuba (CUB): attack, {RESUMED}", f"  United States (USA): defense, {RESUMED}",
                    f"  United States (USA): defense, paused since 2004-11-01 after Cuba (CUB) leaves the war: "
                    f"{NOT_LEFT}"]
    at = [timeline.index(line) for line in said]
    assert days["2004-09-01"] < at[0] < days["2004-10-01"] < at[2] < days["2004-11-01"] < at[4]
    rows = _rows(lines)
    assert rows["United States (USA)"][1].endswith(" / paused since 2004-11-01 after Cuba (CUB) leaves the war")
    assert "paused" not in rows["Cuba (CUB)"][1]
    # Brazil's first binding (2004-08-01) was released on 1 September; the cell names the later one released
    assert rows["Brazil (BRA)"][2].startswith("2004-08-01, to defend United States (USA) against Cuba (CUB): tiar_1947")
    assert rows["Brazil (BRA)"][2].endswith(" / its binding of 2004-10-01 under tiar_1947 art. 3 released on "
                                            "2004-11-01 after Cuba (CUB) leaves the war")
