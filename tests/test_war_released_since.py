"""A released state's line says the binding its released one continued without a break: `foedus war
russia_ukraine_2022 --state BLR` said Belarus was "bound ... from 2025-03-13 under rus_blr_2024 ..., released on
2025-04-27", read as the start of its duty, though it was bound without a break from 2024-08-06 under the CSTO (its
2024 treaty with Russia took the CSTO's place on 2025-03-13). A frame's `released` entry now carries `since` and
`since_under` (`foedus.war.unbroken.released_span`); the line, the table's cell, `--out`'s `released` column and
the web's "Why?" (web/src/warended.ts `releasedSince`, run in node: tests/ts_said.py) say both."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from foedus.api import replay_war
from foedus.catalog import treaty_rows
from foedus.model.world import World
from foedus.war.render import print_replay
from foedus.war.why import sides_on, spell_standing, why_on
from samples import cli_line
from test_war_pause_text import _rows
from ts_said import run_ts

WAR = "russia_ukraine_2022"
BELARUS = ("bound to defend Russia (RUS) against Ukraine (UKR) without a break from 2024-08-06, first under CSTO "
           "(csto_1992) art. 4 (secondary: article), then from 2025-03-13 under Russia–Belarus 2024 (rus_blr_2024) "
           "art. 4 (secondary: article), released on 2025-04-27 after Ukraine (UKR)'s attack on Russia (RUS) at Kursk "
           "Oblast ends")


def test_belarus_is_said_bound_since_the_csto_binding_it_continued() -> None:
    """The line names the CSTO binding of 2024-08-06 first, then the 2024 treaty's from 2025-03-13; North Korea,
    bound from 2024-12-04 under one treaty until released, reads as before."""
    code, out, err = cli_line(["war", WAR, "--state", "BLR"])
    assert code == 0, err
    assert out.startswith(f"Belarus (BLR): Neither fighting nor bound on 2025-12-31; {BELARUS}"), out
    code, out, err = cli_line(["war", WAR, "--state", "PRK"])
    assert code == 0 and "from 2024-12-04 under Russia–DPRK 2024 (rus_prk_2024) art. 4, released on 2025-04-27" in out


def test_the_released_entry_carries_since_and_since_under_and_the_out_column_says_them(tmp_path: Path) -> None:
    """`--state --json`'s `released` gives the day the unbroken binding began and its provision then; `--out`'s
    `released` column names both, `released_from` stays the released provision's first day."""
    released = json.loads(cli_line(["war", WAR, "--state", "BLR", "--json"]).stdout)["released"]
    assert (released["from"], released["since"], released["since_under"]["treaty"]) == (
        "2025-03-13", "2024-08-06", "csto_1992")
    code, _, err = cli_line(["war", WAR, "--out", str(tmp_path / "war.csv")])
    assert code == 0, err
    row = pd.read_csv(tmp_path / "war.csv", dtype=str).set_index("state").loc["BLR"]
    assert row["released_from"] == "2025-03-13"
    assert row["released"].startswith("its binding without a break from 2024-08-06, first under csto_1992 art. 4, "
                                      "then from 2025-03-13 under rus_blr_2024 art. 4, released on 2025-04-27 after ")


def test_the_webs_why_says_the_release_as_the_cli_does() -> None:
    """frameWhy on the last frame says Belarus's release word for word as `why_on` does (a release of one binding,
    as North Korea's, is checked so by tests/test_war_pause.py)."""
    replay, world = replay_war(WAR), World.default()
    frame = replay.frames[-1]
    treaties = {row["id"]: row["name"] for row in treaty_rows(world, None)}
    cases = ("BLR",)
    args = []
    for state in cases:
        sides, names = sides_on(replay, frame, frame.date)
        args.append(("said", "frameWhy", [state, frame.to_dict(), {"$lookup": treaties}, None, {}, sides,
                                          {"$lookup": dict(names)}, spell_standing(replay, state, frame.date)]))
    said = run_ts(args)
    assert said == [why_on(replay, world, s, frame.date).split(": ", 1)[1] for s in cases]
    assert said[0].startswith(f"Neither fighting nor bound on {frame.date}; {BELARUS}")


def test_the_text_table_says_the_first_binding_once(monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """The text's table says Belarus's release under its first binding, the CSTO's of 2024-08-06, which the same cell
    says just above: only what followed it ("then, without a break, from 2025-03-13 under rus_blr_2024 ..."), where
    it said "its binding without a break from 2024-08-06, first under csto_1992 art. 4 ..." again (the `--out`
    column, read alone, keeps them: the test above)."""
    monkeypatch.setenv("COLUMNS", "2000")
    print_replay(replay_war(WAR), states=World.default().states)
    cell = _rows(capsys.readouterr().out.splitlines())["Belarus (BLR)"][2].split(" / ")
    assert cell[0] == "2024-08-06, to defend Russia (RUS) against Ukraine (UKR): csto_1992 art. 4 (secondary: article)"
    assert cell[-1].startswith("then, without a break, from 2025-03-13 under rus_blr_2024 art. 4 (secondary: article), "
                               "released on 2025-04-27 after Ukraine (UKR)'s attack on Russia (RUS) at Kursk Oblast "
                               "ends"), cell
    assert sum("2024-08-06" in line for line in cell) == 1
