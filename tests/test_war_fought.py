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
from foedus.war.fought_words import spell_on
from foedus.war.why import sides_on, spell_standing, why_on
from samples import cli_line, replay_text
from ts_said import run_ts

pytestmark = pytest.mark.needs_data

QATAR = "Fighting against Iran (IRN) on 2025-06-23 (attacked by Iran (IRN) that day)."
# Germany and the Soviet Union attack Poland in one event (not the history: two attackers of one state)
TWO = ("id: two_1939\nname: Two attackers\nend: 1939-09-30\nsources: [{url: 'https://example.org/w'}]\nevents:\n"
       "  - {type: attack, date: 1939-09-01, attacker: [DEU, RUS], victim: POL}\n")


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
                                           {"$lookup": dict(names)}, spell_standing(replay, s, f.date)]))
    said = run_ts(calls)
    assert said == [why_on(replay, world, s, f.date).split(": ", 1)[1] for f, s in cases]
    against = {s for (_, s), w in zip(cases, said, strict=True) if w.startswith("Fighting against")}
    assert against == {s for _, s in cases if any(sp["how"] == "attacked" for sp in replay.states[s].spells)}
    assert against  # every war here has a state an attack drew in
