"""A duty's end that rests on an attack's end its war file does not verify says so (warwords7, session 65): about 30
states' duties to consult Russia in `foedus war russia_ukraine_2022` ended "to 2025-04-27", the day of Russia's claimed
end of Ukraine's attack at Kursk, with no word of the claim, where the attack's end itself is said "(Russia's claim,
unverified)". The record carries the end's `to_certainty` and `to_by`; the CLI's "other duties" and the web's Why?
(said.ts `dutyTo`, run in node: tests/ts_said.py) say them."""

from __future__ import annotations

from typing import Any

import pytest

from foedus.api import replay_war
from foedus.war.duty_end import ended_on
from foedus.war.result import war_names_on
from foedus.war.words import duty_lines
from ts_said import run_ts

WAR = "russia_ukraine_2022"
CLAIMED = " to 2025-04-27 (end: Russia's claim, unverified) ("


@pytest.fixture(scope="module")
def replay() -> dict[str, Any]:
    return replay_war(WAR).to_dict()


def _record(replay: dict[str, Any], state: str) -> dict[str, Any]:
    return next(r for r in replay["states"] if r["state"] == state)


def test_a_duty_ended_by_russias_claimed_end_says_the_claim(replay: dict[str, Any]) -> None:
    """Every duty to consult ended on 2025-04-27 carries the claim and says it; one ended by its treaty's end
    (North Korea's under rus_prk_2000, on 2024-12-04) says no claim."""
    ended = [c for r in replay["states"] for c in r["consultations"] if c["to"] == "2025-04-27"]
    assert len(ended) >= 20
    assert {(c["to_certainty"], c["to_by"]) for c in ended} == {("unverified", "Russia's claim")}
    names = war_names_on(replay["names"], replay["renames"], "2025-12-31")
    armenia = duty_lines(_record(replay, "ARM"), lambda d: names)
    assert any(line.startswith("Armenia (ARM): consult Russia (RUS) from 2024-08-06" + CLAIMED) for line in armenia)
    korea = duty_lines(_record(replay, "PRK"), lambda d: names)
    assert any(" to 2024-12-04 (rus_prk_2000" in line for line in korea), korea
    assert not any("end:" in line for line in korea)


def test_an_end_of_another_attack_is_not_said_for_the_duty() -> None:
    """Only the end of the attack the duty arose from (its `because`) is said for it."""
    duty = {"because": {"by": "UKR", "attacked": "RUS", "place": "kursk-oblast"}}
    ends = {"type": "attack-ends", "attacker": "UKR", "victim": "RUS", "until_certainty": "unverified",
            "until_by": "Russia's claim"}
    assert ended_on(duty, "2025-04-27", [{**ends, "place": "belgorod-oblast"}]) == {"to": "2025-04-27"}
    assert ended_on(duty, "2025-04-27", [{**ends, "place": "kursk-oblast"}]) == {
        "to": "2025-04-27", "to_certainty": "unverified", "to_by": "Russia's claim"}


def test_the_webs_why_says_a_claimed_end_as_the_cli_does(replay: dict[str, Any]) -> None:
    """said.ts `dutyLines` says Armenia's duties, their claimed end with them, word for word as the CLI does."""
    arm = _record(replay, "ARM")
    names = war_names_on(replay["names"], replay["renames"], "2025-12-31")
    on = {"$lookup": {x["date"]: names for kind in ("triggered", "consultations", "neutral") for x in arm[kind]}}
    untils = (None, "2025-04-26", "2025-04-27")
    web = run_ts([("said", "dutyLines", [arm, on, until, {}]) for until in untils])
    assert web == [duty_lines(arm, lambda d: names, until) for until in untils]
    assert any(CLAIMED in x for x in web[0]) and not any("end:" in x for x in web[1])
