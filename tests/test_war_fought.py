"""A fighting state's "Why?" says how it came into the war: one an attack drew in fights against its attackers ("Qatar
(QAT): Fighting against Iran (IRN) on 2025-06-23 (attacked by Iran (IRN) that day)"), where "Fighting on the side of
Israel (ISR)" read as though Qatar had joined Israel; one that joined keeps its side, named by the side's lead states
(`foedus.war.fought_words`, the web's web/src/warsides.ts `spellOn`, `fightingHead`, run in node: tests/ts_said.py)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from foedus.api import replay_war
from foedus.catalog import treaty_rows
from foedus.model.world import World
from foedus.war.fought_words import lead_head, spell_on
from foedus.war.why import sides_on, spell_standing, why_on
from foedus.war.words import side_leads
from foedus.wording import named_state
from samples import cli_line, replay_text
from ts_said import run_ts

pytestmark = pytest.mark.needs_data

QATAR = "Fighting against Iran (IRN) on 2025-06-23 (attacked by Iran (IRN) that day)."
# Germany and the Soviet Union attack Poland in one event (not the history: two attackers of one state)
TWO = ("id: two_1939\nname: Two attackers\nend: 1939-09-30\nsources: [{url: 'https://example.org/w'}]\nevents:\n"
       "  - {type: attack, date: 1939-09-01, attacker: [DEU, RUS], victim: POL}\n")
# the same two attacks as two events of one day, the Soviet Union's listed first (no bundled war has two events
# attacking one state on one day: each war file's attack events grouped by date and victim)
TWO_EVENTS = TWO.replace("  - {type: attack, date: 1939-09-01, attacker: [DEU, RUS], victim: POL}\n",
                         "  - {type: attack, date: 1939-09-01, attacker: RUS, victim: POL}\n"
                         "  - {type: attack, date: 1939-09-01, attacker: DEU, victim: POL}\n")
# a side's lead states, which read "Fighting on the side of Israel (ISR)" of Israel itself
ISRAEL = "Israel (ISR): Fighting against Iran (IRN) on 2025-06-13 (it attacked Iran (IRN) that day).\n"
USA = ("United States (USA): Fighting against Iran (IRN) alongside Israel (ISR) on 2026-03-01 (it attacked Iran (IRN) "
       "on 2026-02-28).\n")
IRAN = "Fighting against Israel (ISR) and United States (USA) on 2025-06-22 (attacked by Israel (ISR) on 2025-06-13)."


def test_qatar_struck_by_iran_fights_against_iran_not_on_israels_side() -> None:
    """Qatar, drawn in by Iran's strike on Al Udeid, fights against Iran, in the text and in the JSON's `said`, from
    its spell of fighting (`how` attacked, `cause` Iran's attack on it: the JSON's `spell`); the United States, which
    joined by its own attack, is still said to fight on the side of Israel."""
    code, out, err = cli_line(["war", "israel_iran_2025", "--until", "2025-06-23", "--state", "QAT"])
    assert (code, out) == (0, f"Qatar (QAT): {QATAR}\n"), err
    code, out, err = cli_line(["war", "israel_iran_2025", "--until", "2025-06-24", "--state", "QAT", "--json"])
    said, spell = json.loads(out)["said"], json.loads(out)["spell"]
    assert (spell["how"], spell["from"], spell["cause"]["attacks"][0]["attacker"]) == ("attacked", "2025-06-23", "IRN")
    assert code == 0 and said.startswith("Qatar (QAT): Fighting against Iran (IRN) on 2025-06-24 (attacked by Iran "
                                         "(IRN) on 2025-06-23), paused since 2025-06-24"), err
    assert "side of Israel" not in said
    code, out, err = cli_line(["war", "israel_iran_2025", "--until", "2025-06-22", "--state", "USA"])
    assert (code, out) == (0, "United States (USA): Fighting on the side of Israel (ISR) on 2025-06-22.\n"), err


def test_the_spell_standing_on_a_day_is_the_one_not_yet_ended() -> None:
    """A spell's `to` is its first day out of the war: on it the spell no longer stands; the later spell does from its
    own first day; before the first, none does; the web reads the same spell (spellOn)."""
    spells = [{"side": "defense", "from": "2000-01-01", "to": "2000-02-01", "how": "attacked", "cause": None},
              {"side": "attack", "from": "2000-03-01", "to": None, "how": "entry", "cause": None}]
    days = ["1999-12-31", "2000-01-31", "2000-02-01", "2000-03-01", "2001-01-01"]
    assert [spell_on(spells, d) for d in days] == [None, spells[0], None, spells[1], spells[1]]
    said = run_ts([("warsides", "spellOn", [spells, d]) for d in days])
    assert said == [None, spells[0], None, spells[1], spells[1]]


def test_a_state_attacked_by_two_is_said_to_fight_against_both(tmp_path: Path) -> None:
    """Both attackers of the event that drew it in are named, once each, in the text and the web's words alike."""
    replay = replay_text(tmp_path, TWO)
    line = why_on(replay, World.default(), "POL", dt.date(1939, 9, 1))
    both = "Germany (DEU) and Soviet Union (RUS)"
    assert line == f"Poland (POL): Fighting against {both} on 1939-09-01 (attacked by {both} that day)."
    frame = replay.frame_on(dt.date(1939, 9, 1))
    sides, names = sides_on(replay, frame, frame.date)
    said = run_ts([("said", "frameWhy", ["POL", frame.to_dict(), {"$lookup": {}}, None, {}, sides,
                                         {"$lookup": dict(names)}, spell_standing(replay, "POL", frame.date)])])
    assert said == [line.split(": ", 1)[1]]


@pytest.mark.parametrize("war", ["israel_iran_2025", "iran_2026", "july_crisis_1914"])
def test_the_webs_why_of_every_fighting_state_is_the_clis(war: str) -> None:
    """On every frame, every state fighting reads alike in the CLI and the web (frameWhy given the state's spell), and
    the states an attack drew in are said to fight against their attackers: Qatar and the Gulf states struck by Iran,
    Iran struck by Israel (and the United States), Serbia, Russia, France and Belgium in 1914."""
    replay, world = replay_war(war), World.default()
    treaties = {row["id"]: row["name"] for row in treaty_rows(world, None)}  # /api/treaties, the map's names
    cases = [(f, s) for f in replay.frames for side in ("attack", "defense") for s in f.sides[side]]
    calls = []
    for f, s in cases:
        sides, names = sides_on(replay, f, f.date)
        calls.append(("said", "frameWhy", [s, f.to_dict(), {"$lookup": treaties}, None, {}, sides,
                                           {"$lookup": dict(names)}, spell_standing(replay, s, f.date),
                                           side_leads(replay.war)]))
    said = run_ts(calls)
    assert said == [why_on(replay, world, s, f.date).split(": ", 1)[1] for f, s in cases]
    against = {s for (_, s), w in zip(cases, said, strict=True) if w.startswith("Fighting against")}
    leads = {s for side in side_leads(replay.war).values() for s in side}
    drawn = {s for _, s in cases if any(sp["how"] == "attacked" for sp in replay.states[s].spells)}
    assert against == drawn | {s for _, s in cases if s in leads}
    assert against  # every war here has a state an attack drew in
    for (f, s), w in zip(cases, said, strict=True):  # no state fights "on the side of" itself, nor "against" itself
        assert named_state(s, replay.names_on(f.date)) not in w.split(f" on {f.date}", 1)[0], w
        assert s not in leads or "(it attacked " in w or "(attacked by " in w, w  # a lead by what it did


def test_every_attacker_of_the_day_that_drew_a_state_in_is_named_in_the_files_order(tmp_path: Path) -> None:
    """Two events attacking one state on one day: both attackers are named, in the war file's order (the order a
    binding's `because` is chosen in), by the line, the table and the web, where only the first event's was (its
    spell's `cause`); the spell carries them (`by`)."""
    replay = replay_text(tmp_path, TWO_EVENTS)
    both = "Soviet Union (RUS) and Germany (DEU)"
    spell = spell_standing(replay, "POL", dt.date(1939, 9, 2))
    assert (spell["cause"]["event"], spell["by"]) == (0, ["RUS", "DEU"])
    line = why_on(replay, World.default(), "POL", dt.date(1939, 9, 2))
    assert line == f"Poland (POL): Fighting against {both} on 1939-09-02 (attacked by {both} on 1939-09-01)."
    frame = replay.frame_on(dt.date(1939, 9, 2))
    sides, names = sides_on(replay, frame, dt.date(1939, 9, 2))
    said = run_ts([("said", "frameWhy", ["POL", frame.to_dict() | {"date": "1939-09-02"}, {"$lookup": {}}, None, {},
                                         sides, {"$lookup": dict(names)}, spell]),
                   ("warsides", "fightingHead", ["POL", {**spell, "by": None}, "1939-09-02", "the defense side",
                                                 {"$lookup": dict(names)}])])
    assert said[0] == line.split(": ", 1)[1]
    assert said[1] == "Fighting against Soviet Union (RUS) on 1939-09-02 (attacked by Soviet Union (RUS) on 1939-09-01)"
    code, out, err = cli_line(["war", str(tmp_path / "war.yaml"), "--no-timeline"], env={"COLUMNS": "2000"})
    assert code == 0 and f"defense 1939-09-01 (attacked by {both})" in out, err


def test_a_state_an_attack_drew_in_fights_against_every_attacker_of_the_day() -> None:
    """Iran, drawn in by Israel's strikes of 13 June, fights Israel and the United States from the US strikes of 22
    June (the frame's `attacked_by`), in the line and the web's "Why?", where it read "against Israel (ISR)" alone;
    after the ceasefire, with no attack going on, against those that drew it in."""
    code, out, err = cli_line(["war", "israel_iran_2025", "--until", "2025-06-22", "--state", "IRN"])
    assert (code, out) == (0, f"Iran (IRN): {IRAN}\n"), err
    replay = replay_war("israel_iran_2025")
    frame = replay.frame_on(dt.date(2025, 6, 22))
    assert frame.to_dict()["attacked_by"] == {"IRN": ["ISR", "USA"], "ISR": ["IRN"]}
    sides, names = sides_on(replay, frame, frame.date)
    said = run_ts([("said", "frameWhy", ["IRN", frame.to_dict(), {"$lookup": {}}, None, {}, sides,
                                         {"$lookup": dict(names)}, spell_standing(replay, "IRN", frame.date)])])
    assert said == [IRAN]
    code, out, err = cli_line(["war", "israel_iran_2025", "--until", "2025-06-24", "--state", "IRN"])
    assert code == 0 and out.startswith("Iran (IRN): Fighting against Israel (ISR) on 2025-06-24 (attacked by "
                                        "Israel (ISR) on 2025-06-13), paused since 2025-06-24"), err


def test_a_sides_lead_fights_by_its_own_attack_not_on_its_own_side() -> None:
    """Israel, the first attacker of israel_iran_2025, read "Fighting on the side of Israel (ISR)", and the United
    States in iran_2026 "on the side of United States (USA) and Israel (ISR)": a lead that came in by its own attack
    fights against whom it attacks, beside its co-leads only; the web says the same (leadHead), and a lead that came in
    otherwise is on the side of its co-leads, or of none named."""
    for war, state, day, line in [("israel_iran_2025", "ISR", "2025-06-13", ISRAEL),
                                  ("iran_2026", "USA", "2026-03-01", USA)]:
        code, out, err = cli_line(["war", war, "--until", day, "--state", state])
        assert (code, out) == (0, line), err
    spell = {"side": "attack", "from": "2026-02-28", "to": None, "how": "entry", "cause": None}
    names = {"USA": "United States", "ISR": "Israel"}
    said = run_ts([("warsides", "leadHead", ["USA", spell, "2026-03-01", {"$lookup": names}, ["USA", "ISR"]]),
                   ("warsides", "leadHead", ["USA", spell, "2026-03-01", {"$lookup": names}, ["USA"]])])
    assert said == [lead_head("USA", spell, "2026-03-01", names, ["USA", "ISR"]),
                    lead_head("USA", spell, "2026-03-01", names, ["USA"])]
    assert said == ["Fighting on the side of Israel (ISR) on 2026-03-01", "Fighting on 2026-03-01"]
