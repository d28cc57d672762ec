"""A war's conflict says why, as the cascade's conflict line does. In `foedus war russia_ukraine_2022` Armenia is, from
Ukraine's Kursk incursion (2024-08-06), bound to join Russia (CSTO Art. 4, its 1997 treaty with Russia) and bound not to
join the war against Ukraine (ATOP's neutrality code of atop_4815): `foedus cascade` says "bound both to join and not to
join the war against Ukraine (UKR) under atop_4815, csto_1992, rus_arm_1997", but `foedus war --state ARM` and the map's
"Why?" said "Bound to both sides on 2025-01-15." (no treaty, and a side it is not bound to), and the timeline "out →
bound to both sides". A frame now carries each conflict's reason and treaties (`conflicted`), which they say."""

from __future__ import annotations

import json
from itertools import takewhile

import pytest

from foedus.api import replay_war
from samples import cli_line

WAR = "russia_ukraine_2022"
ARMENIA = ("Armenia (ARM): Bound both to join and not to join the war against Ukraine (UKR) on 2025-01-15 under "
           "atop_4815, csto_1992, rus_arm_1997; counted on neither side.")


@pytest.mark.needs_data
def test_the_state_answer_says_the_conflicts_reason_and_treaties() -> None:
    code, out, err = cli_line(["war", WAR, "--until", "2025-01-15", "--state", "ARM"])
    assert code == 0, err
    assert out == ARMENIA + "\n"
    code, out, err = cli_line(["war", WAR, "--until", "2025-01-15", "--state", "ARM", "--json"])
    assert code == 0, err
    assert json.loads(out)["said"] == ARMENIA and json.loads(out)["stands"] == "conflict"


@pytest.mark.needs_data
def test_a_frame_carries_each_conflicts_reason_as_the_cascade_gives_it() -> None:
    replay = replay_war(WAR, until="2025-04-26")  # the Kursk incursion's last day: it binds Armenia both ways
    frame = replay.frame_on(replay.frames[-1].date)
    evaluation = next(e for e in replay.evaluations if e.date == frame.date)
    assert evaluation.result is not None
    conflicts = {c.state: c for c in evaluation.result.conflicts}
    assert frame.to_dict()["conflicted"] == {s: {"reason": c.reason, "treaties": c.treaties,
                                                 "instruments": dict.fromkeys(c.treaties, "treaty")}
                                             for s, c in sorted(conflicts.items())}
    assert set(frame.conflicted) == set(frame.conflicts) and "ARM" in frame.conflicts
    assert frame.conflicted["ARM"]["reason"] == "bound both to join and not to join the war against Ukraine (UKR)"


@pytest.mark.needs_data
def test_the_timeline_does_not_say_bound_to_both_sides_of_it() -> None:
    code, out, err = cli_line(["war", WAR])
    assert code == 0, err
    text = " ".join(out.split())  # the table's lines wrap at the terminal's width
    assert "Armenia (ARM): out → bound both ways (a conflict) (Ukraine (UKR) attacks Russia (RUS) at Kursk Oblast)" \
        in text
    assert "bound to both sides" not in text


@pytest.mark.needs_data
def test_the_table_row_of_a_state_only_ever_bound_both_ways_says_so() -> None:
    """Armenia is never bound to one side of the war, only both ways, from 2024-08-06: its row's "first bound to join"
    cell said "—", as a state never bound, where the timeline and `--state` say it is bound both ways."""
    code, out, err = cli_line(["war", WAR, "--no-timeline"])
    assert code == 0, err
    rows = [[cell.strip() for cell in line.strip().strip("│").split("│")] for line in out.splitlines()
            if line.startswith("│")]
    at = next(i for i, cells in enumerate(rows) if cells[0] == "Armenia (ARM)")
    lines = [rows[at], *takewhile(lambda cells: not cells[0], rows[at + 1:])]  # its cells wrap onto lines of their own
    cells = [" ".join(filter(None, column)) for column in zip(*lines, strict=True)]
    assert cells[2] == "2024-08-06: bound both ways (a conflict), counted on neither side", cells
    assert cells[3] == "Ukraine (UKR) attacks Russia (RUS) at Kursk Oblast", cells
