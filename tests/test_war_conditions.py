"""A war's answer dropped the conditions the cascade states for a duty: `foedus war russia_ukraine_2022 --state PRK`
said North Korea bound by Russia–DPRK art. 4 without the condition `foedus cascade` states for it ("assumes the
attack puts Russia (RUS) in a state of war"). Every path of the replay that says a duty now carries them from the
engine's own record (`Obligation.conditions` and `unresolved`; a casus foederis while fighting by the rule that
makes them, `foedus.engine.citing.assumed_conditions`): a frame's `bound` entry and its `also`, `first_bound`,
`bound_spans`, `triggered`, `to_frame` (`--out`), `--state` in text and JSON, the table and the other duties; the web's
"Why?" words them alike (tests/test_war_why.py, tests/test_said_parity.py)."""

from __future__ import annotations

import json

import pytest

from foedus.api import replay_war
from foedus.war.result import WarReplay
from foedus.war.words import duty_lines
from samples import cli_line
from ts_said import run_ts

WAR = "russia_ukraine_2022"
AT_WAR = "assumes the attack puts Russia (RUS) in a state of war"
ASKS = ("request-gated: assumes Russia (RUS) asks for help (the clause's wording of this condition: known from "
        "secondary reporting only)")


@pytest.fixture(scope="module")
def kursk() -> WarReplay:
    return replay_war(WAR, until="2025-01-15")


def test_every_record_of_a_duty_carries_the_cascades_conditions(kursk: WarReplay) -> None:
    """Each frame's binding, with each other obligation of that day, carries the conditions and the ATOP conditions
    the cascade's joiner states for it that day; `first_bound`, its span and North Korea's casus foederis too."""
    days = {e.date: e for e in kursk.evaluations}
    seen = 0
    for f in kursk.frames:
        for state, bound in f.to_dict()["bound"].items():
            j = days[f.date].bound[state]
            assert (bound["conditions"], bound["unresolved"]) == (list(j.primary.conditions),
                                                                  list(j.primary.unresolved))
            assert [(o["conditions"], o["unresolved"]) for o in bound["also"]] == [
                (list(o.conditions), list(o.unresolved)) for o in j.also]
            seen += bool(bound["conditions"])
    assert seen
    states = {r["state"]: r for r in kursk.to_dict()["states"]}
    prk = states["PRK"]
    assert prk["first_bound"]["conditions"] == prk["bound_spans"][0]["conditions"] == [AT_WAR]
    assert [t["conditions"] for t in prk["triggered"]] == [[AT_WAR]]
    assert states["KAZ"]["first_bound"]["conditions"] == [ASKS]


def test_the_table_out_and_state_say_the_conditions() -> None:
    """`--out`'s table has a `conditions` column, joined as the cascade's table joins them; `--state` says them in
    its line and gives them in its JSON; the text's table says them under the binding."""
    frame = replay_war(WAR, until="2025-01-15").to_frame().set_index("state")
    assert frame.loc["PRK", "conditions"] == AT_WAR and frame.loc["KAZ", "conditions"] == ASKS
    code, out, err = cli_line(["war", WAR, "--until", "2025-01-15", "--state", "PRK", "--json"])
    assert code == 0, err
    why = json.loads(out)
    assert (why["conditions"], why["unresolved"]) == ([AT_WAR], [])
    assert why["said"].split(" Recorded by the war file")[0].endswith(
        f"(rus_prk_2024) art. 4; condition: {AT_WAR}; bound to that side without a break since 2024-12-04.")
    code, out, err = cli_line(["war", WAR, "--until", "2025-01-15", "--no-timeline"])
    assert code == 0, err
    assert "condition: assumes the attack puts Russia (RUS) in a state of war" in " ".join(
        out.replace("│", " ").split())


def test_a_casus_foederis_while_fighting_says_its_conditions_alike(kursk: WarReplay) -> None:
    """The other duties say each casus foederis's conditions after its tag, as the web's dutyLines does."""
    d = kursk.to_dict()
    records = [r for r in d["states"] if r["triggered"]]
    python = [duty_lines(r, lambda day: d["names"]) for r in records]
    assert any(line.endswith(f"; condition: {ASKS}") for lines in python for line in lines)
    on = {"$lookup": {x["date"]: d["names"] for r in records
                      for kind in ("triggered", "consultations", "neutral") for x in r[kind]}}
    assert run_ts([("said", "dutyLines", [r, on]) for r in records]) == python
