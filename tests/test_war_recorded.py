"""What `foedus war --state` says of what its war file records beside the replay (reader12, session 64):
`foedus war russia_ukraine_2022 --state PRK` said "Neither fighting nor bound on 2025-12-31" with no word that North
Korean troops fought at Kursk (the file enters no event for it: the day is known only approximately), and "released
on 2025-04-27 after Ukraine (UKR)'s attack ... ends" as a fact, though the file says that end is Russia's claim, not
verified; and its "other duties" gave North Korea's duty to consult Russia under rus_prk_2000 no end, though the
treaty ended on 2024-12-04. A war file's `state_notes` and an attack's `until_certainty`/`until_by` say them, in the
text, the JSON and the web's Why? (web/src/warrecorded.ts, said.ts `dutyLines`, run in node: tests/ts_said.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from foedus.api import replay_war
from foedus.errors import WarDataError
from foedus.model.world import World
from foedus.war.recorded import recorded_said
from foedus.war.result import war_names_on
from foedus.war.words import duty_lines
from samples import cli_line, replay_text
from ts_said import run_ts

WAR = "russia_ukraine_2022"
CLAIM = "at Kursk Oblast ends (Russia's claim, unverified)"
RECORDED = "Recorded by the war file, not replayed as an event (verified): North Korean troops"


def test_state_says_what_the_war_file_records_of_north_korea() -> None:
    """The line, and its JSON's `recorded`, say the file's note on North Korea with its certainty and sources, from
    its `since` only; the release is said to end on Russia's claim, unverified."""
    ran = cli_line(["war", WAR, "--state", "PRK"])
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.startswith("North Korea (PRK): Neither fighting nor bound on 2025-12-31; bound to defend Russia "
                                 "(RUS) against Ukraine (UKR) from 2024-12-04")
    assert CLAIM in ran.stdout and RECORDED in ran.stdout and "fought Ukraine's forces in Kursk Oblast" in ran.stdout
    data = json.loads(cli_line(["war", WAR, "--state", "PRK", "--json"]).stdout)
    assert [(n["state"], n["since"], n["certainty"]) for n in data["recorded"]] == [("PRK", "2024-10-01", "verified")]
    assert data["recorded"][0]["sources"] and RECORDED in data["said"]
    cause = data["released"]["cause"]
    assert (cause["until_certainty"], cause["until_by"]) == ("unverified", "Russia's claim")
    assert cause["text"].endswith(CLAIM)
    early = cli_line(["war", WAR, "--state", "PRK", "--until", "2024-09-01"]).stdout
    assert early.strip() == "North Korea (PRK): Neither fighting nor bound on 2024-09-01."


def test_an_attacks_end_says_its_certainty_wherever_it_is_said() -> None:
    """Every state released as Ukraine's attack at Kursk ends says the end is Russia's claim (Belarus too), and the
    frame's change record that the timeline and the web print carries it."""
    assert CLAIM in cli_line(["war", WAR, "--state", "BLR"]).stdout
    frame = next(f for f in replay_war(WAR).to_dict()["frames"] if f["date"] == "2025-04-27")
    ends = [c for c in frame["changes"] if c["type"] == "attack-ends"]
    assert ends and all(c["text"].endswith(CLAIM) for c in ends)


def test_the_consultation_under_an_ended_treaty_says_its_end() -> None:
    """North Korea's duty to consult Russia under rus_prk_2000 art. 2 ends with the treaty on 2024-12-04: the other
    duties say so; on a day before, they do not say a day to come."""
    replay = replay_war(WAR).to_dict()
    prk = next(r for r in replay["states"] if r["state"] == "PRK")
    names = lambda d: war_names_on(replay["names"], replay["renames"], d)  # noqa: E731
    line = next(x for x in duty_lines(prk, names) if "rus_prk_2000" in x)
    assert line.startswith("North Korea (PRK): consult Russia (RUS) from 2024-08-06 to 2024-12-04 (rus_prk_2000 art. 2")
    before = next(x for x in duty_lines(prk, names, "2024-10-01") if "rus_prk_2000" in x)
    assert " to 2024-12-04" not in before
    kaz = next(r for r in replay["states"] if r["state"] == "KAZ")  # bound from 2024-08-06: the cascade lists no
    line = next(x for x in duty_lines(kaz, names) if "atop_4539" in x)  # consultation of it, which goes on
    assert line.startswith("Kazakhstan (KAZ): consult Ukraine (UKR) from 2022-02-24 (atop_4539")


@pytest.fixture(scope="module")
def world() -> World:
    return World.default()


def test_a_state_note_is_checked_by_the_loader(tmp_path: Path, world: World) -> None:
    """A note's state is read as a state, its day inside the war; an end's certainty needs an end, its until_by a
    certainty not verified."""
    head = ("id: w\nname: W\nend: 2004-12-31\nevents:\n  - {type: attack, date: 2004-08-01, attacker: CUB, "
            "victim: USA, until: 2004-09-01, until_certainty: secondary, until_by: Cuba's word}\n")
    replay = replay_text(tmp_path, head + "state_notes:\n  - {state: Mexico, note: it sent aid, certainty: "
                                          "secondary, since: 2004-08-15}\n", world=world)
    assert [n.state for n in replay.war.state_notes] == ["MEX"]
    ended = [c for f in replay.frames for c in f.changes if c["type"] == "attack-ends"]
    assert ended[0]["text"].endswith("ends (Cuba's word, secondary)")
    with pytest.raises(WarDataError, match=r"state_notes\[0\]\.since: 2003-01-01 is outside the war"):
        replay_text(tmp_path, head + "state_notes:\n  - {state: MEX, note: x, certainty: verified, since: "
                                     "2003-01-01}\n", world=world)
    with pytest.raises(WarDataError, match=r"state_notes\[0\]\.state"):
        replay_text(tmp_path, head + "state_notes:\n  - {state: Narnia, note: x, certainty: verified}\n", world=world)
    no_end = head.replace("until: 2004-09-01, ", "")
    with pytest.raises(WarDataError, match="until_certainty and until_by say how sure an attack's end is"):
        replay_text(tmp_path, no_end, world=world)
    with pytest.raises(WarDataError, match="until_by is said with an end's certainty, and a verified end says none"):
        replay_text(tmp_path, head.replace("until_certainty: secondary, ", ""), world=world)  # was dropped unsaid


def test_the_webs_why_says_the_note_and_the_duty_end_as_the_cli_does() -> None:
    """warrecorded.ts `recordedSaid` and said.ts `dutyLines` say, word for word, what the CLI says."""
    replay = replay_war(WAR).to_dict()
    notes = replay["war"]["state_notes"]
    prk = next(r for r in replay["states"] if r["state"] == "PRK")
    days = ("2024-09-01", "2025-12-31")
    web = run_ts([("warrecorded", "recordedSaid", [notes, "PRK", d]) for d in days])
    assert web == [recorded_said(n for n in notes if n["since"] <= d) for d in days] and web[0] == ""
    names = war_names_on(replay["names"], replay["renames"], "2025-12-31")
    on = {"$lookup": {x["date"]: names for kind in ("triggered", "consultations", "neutral") for x in prk[kind]}}
    untils = (None, "2024-10-01")
    web_duties = run_ts([("said", "dutyLines", [prk, on, until, {}]) for until in untils])
    assert web_duties == [duty_lines(prk, lambda d: names, until) for until in untils]
    assert any(" to 2024-12-04 (rus_prk_2000" in x for x in web_duties[0])
