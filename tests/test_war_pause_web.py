"""The web map says a war's pauses and lapsed bindings as the CLI does (docs/war.md, "What a frame says of pauses and
ended duties"): the war timeline's log listed each date's moves but not the pause of the states still fighting after
a ceasefire, nor their fighting again, which `foedus war`'s timeline prints; and the summary's `--ongoing-since` line
listed no lapsed binding, where `cascade --ongoing-since` says "released on ... after ...". The web's words
(web/src/warended.ts `pauseLines`, web/src/lapsedsaid.ts `lapsedSaid`, run in node: tests/ts_said.py) are checked here
against the CLI's (foedus.war.pause_words `pause_lines`, `lapsed_said`) on the same records."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from foedus.api import replay_war
from foedus.by_name import by_name
from foedus.model.world import World
from foedus.war.pause_words import lapsed_said, pause_lines
from foedus.war.result import WarReplay
from samples import cli_line
from test_war_pause import CUBA, NOT_LEFT
from ts_said import run_ts

RESUMED = "fighting again: an attack by or on it goes on"  # foedus.war.pause_words.RESUMED


@pytest.fixture(scope="module")
def cuba(tmp_path_factory: pytest.TempPathFactory) -> WarReplay:
    path = Path(tmp_path_factory.mktemp("war")) / "cuba.yaml"
    path.write_text(CUBA, encoding="utf-8")
    return replay_war(path, world=World.load(history=False))


def _frames(r: WarReplay) -> list[tuple[dict[str, Any], dict[str, Any], dict[str, str]]]:
    """Each frame in JSON, the frame before's `paused`, and the states' names on its date (the replay's)."""
    frames = r.to_dict()["frames"]
    return [(f, frames[i - 1]["paused"] if i else {}, r.names_on(f["date"])) for i, f in enumerate(frames)]


def test_the_webs_timeline_says_each_pause_and_fighting_again_as_the_cli_does(cuba: WarReplay) -> None:
    """On every frame of the Cuba war (an attack's end, a new attack, an exit) and of the Iran war of 2026 (its
    ceasefire), pauseLines says, line for line, what `foedus war`'s timeline says (less its indent)."""
    cases = _frames(cuba) + _frames(replay_war("iran_2026"))
    said = run_ts([("warended", "pauseLines", [f, was, {"$lookup": names}]) for f, was, names in cases])
    lines = [pause_lines(f["date"], f["sides"], f["paused"], was, names) for f, was, names in cases]
    assert said == lines
    flat = [line for day in said for line in day]
    assert f"Cuba (CUB): attack, {RESUMED}" in flat
    assert f"Oman (OMN): attack, paused since 2026-04-08 under the ceasefire of 2026-04-08 (ceasefire: every attack " \
           f"ends): {NOT_LEFT}" in flat
    assert sum("paused since" in line for line in flat) == 3 + 10 and sum(RESUMED in line for line in flat) == 2


def test_the_pause_lines_come_by_the_name_said() -> None:
    """The Iran war's ceasefire pauses ten states: their lines come by the name said (`foedus.by_name`), as the
    timeline's moves (until 2026-12-07 in the engine's order: United Arab Emirates first); the web's, alike (above)."""
    r = replay_war("iran_2026")
    frames = r.to_dict()["frames"]
    days = [pause_lines(f["date"], f["sides"], f["paused"], frames[i - 1]["paused"] if i else {}, r.names_on(f["date"]))
            for i, f in enumerate(frames)]
    (lines,) = [day for day in days if len(day) == 10]
    assert lines == by_name(lines, lambda line: line.split(": ", 1)[0])
    assert [line.split(" (", 1)[0] for line in lines][-3:] == ["Saudi Arabia", "United Arab Emirates", "United States"]


def test_the_webs_lapsed_binding_says_what_released_it_as_the_cli_does() -> None:
    """`cascade --ongoing-since`'s lapsed Azerbaijan, and lapses under an executive order and with no change named:
    lapsedSaid says what `lapsed_said` prints."""
    code, out, err = cli_line(["cascade", "-a", "UKR", "-t", "RUS", "-d", "2024-12-15", "--ongoing-since",
                               "2014-02-27", "--json"])
    assert code == 0, err
    (aze,) = json.loads(out)["ongoing"]["lapsed"]
    eo = {**aze, "state": "QAT", "treaty": "usa_qat_eo_2025", "article": "EO", "instrument": "executive_order"}
    bare = {k: v for k, v in aze.items() if k not in ("cause", "instrument")}
    names = {"AZE": "Azerbaijan", "QAT": "Qatar"}
    cases = [aze, eo, bare]
    said = run_ts([("lapsedsaid", "lapsedSaid", [lap, {"$lookup": names}]) for lap in cases])
    assert said == [lapsed_said(lap, names) for lap in cases]
    assert said[0] == ("Azerbaijan (AZE): bound 2014-02-27 to 2019-01-01 (defense, atop_4400 ATOP defense code), no "
                       "longer: released on 2019-01-01 after atop_4400: its source's coverage ends")
    assert "usa_qat_eo_2025 EO (an executive order, not a treaty)" in said[1] and said[2].endswith(", no longer")
