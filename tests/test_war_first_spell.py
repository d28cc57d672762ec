"""A state fighting on a day before its first COW spell is not out of the state system: the rule
(`foedus.engine.rules.system.in_system`) takes it to be one, so the war's file takes it (`foedus.war.loader`) and
"Why?" (`foedus war --state`, the web's frameWhy by `partyOn`) says it fights, not that it is no party, as the war
table's mark (`foedus.war.system_changes.out_days`) reads it. Montenegro, at war in 1914, is in COW from 2006 only;
Norway, out of COW's list from 1940-05-01 and fighting on, is still said to be no party."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from foedus.catalog import state_rows, treaty_rows
from foedus.engine.rules.system import in_system
from foedus.model.world import World
from foedus.war.system_changes import out_days
from foedus.war.why import spell_standing
from foedus.war.words import FIGHTING_OUT, side_leads, side_words
from samples import cli_line, replay_text
from ts_said import run_ts

pytestmark = pytest.mark.needs_data  # the state system's dates are COW's

D = dt.date.fromisoformat
AUH = "Austria-Hungary (COW300)"
WAR = ("id: mne_1914\nname: Austria-Hungary on Montenegro\nend: 1914-09-30\nsources: [{url: 'https://example.org/w'}]"
       "\nevents:\n  - {type: attack, date: 1914-08-01, attacker: COW300, victim: MNE}\n")


def test_a_state_fighting_before_its_first_spell_is_said_to_fight_as_a_party(tmp_path: Path) -> None:
    world = World.default()
    assert world.states.get("MNE").member_on(D("1914-08-10")) is False  # not on COW's list then...
    assert in_system(world.states, "MNE", D("1914-08-10"))  # ...but not out of the system: the rule's reading
    assert out_days(world.states, "MNE", D("1914-08-01"), D("1914-09-30")) == []  # the war table marks no day
    replay = replay_text(tmp_path, WAR)
    assert "MNE" in replay.frame_on("1914-08-10").sides["defense"]
    code, out, err = cli_line(["war", str(tmp_path / "war.yaml"), "--state", "MNE", "--until", "1914-08-10"])
    assert code == 0, err
    fights = f"Fighting against {AUH} on 1914-08-10 (attacked by {AUH} on 1914-08-01)."  # drawn in by the attack
    assert out == f"Montenegro (MNE): {fights}\n"
    treaties = {row["id"]: row["name"] for row in treaty_rows(world, None)}
    row = state_rows(world.states, None, [world.states.states["MNE"]])[0]
    sides = side_words(side_leads(replay.war), replay.names)  # each side by its lead states, as the CLI names it
    said = run_ts([("said", "frameWhy", ["MNE", replay.frame_on("1914-08-10").to_dict() | {"date": "1914-08-10"},
                                         {"$lookup": treaties}, row, {}, sides,
                                         {"$lookup": replay.names_on("1914-08-10")},
                                         spell_standing(replay, "MNE", D("1914-08-10"))]),
                   ("membership", "partyOn", [row, "1914-08-10"]), ("membership", "partyOn", [row, "2006-06-11"])])
    assert said == [fights, True, True]


def test_a_state_fighting_after_it_left_the_system_is_still_said_to_be_no_party() -> None:
    world = World.default()
    norway = state_rows(world.states, None, [world.states.states["NOR"]])[0]
    code, out, err = cli_line(["war", "europe_1939_1941", "--state", "NOR", "--until", "1940-05-10"])
    assert code == 0, err
    assert out == (f"Norway (NOR): Fighting against Germany (DEU) on 1940-05-10 (attacked by Germany (DEU) on "
                   f"1940-04-09){FIGHTING_OUT}.\n")
    assert run_ts([("membership", "partyOn", [norway, "1940-05-10"]),
                   ("membership", "partyOn", [norway, "1940-04-30"])]) == [False, True]


def test_a_state_at_war_before_its_first_spell_is_noted_with_the_list_that_has_it_then(tmp_path: Path) -> None:
    """The replay keeps Montenegro fighting in 1914 and says so, with the Gleditsch–Ward list's dates: GW has it a
    state then (1868–1915), COW from 2006 only; in 1920 neither does (a date to check); without the GW list in the
    data folder the note says COW's dates alone (`foedus.war.first_spell`). Until this change it said nothing."""
    said = [n for n in replay_text(tmp_path, WAR).notes if "first day in the COW" in n]
    assert said == ["Montenegro (MNE) is at war from 1914-08-01 in the war file, before its first day in the COW state "
                    "system (a member 2006-06-12–(open)); the state-system rule takes it to be a state then (only a "
                    "state that has left the system is out), as the Gleditsch–Ward list has it (a member "
                    "1868-01-01–1915-07-01; 2006-06-03–(open))"]
    code, out, err = cli_line(["war", str(tmp_path / "war.yaml"), "--no-timeline"])
    assert code == 0 and "before its first day in the COW state system" in " ".join(out.split()), err
    later = WAR.replace("1914", "1920").replace("COW300", "ITA")
    assert next(n for n in replay_text(tmp_path, later).notes if "first day in the COW" in n).endswith(
        "out), though the Gleditsch–Ward list has it no state then either (a member 1868-01-01–1915-07-01; "
        "2006-06-03–(open)): check the file's date")


def test_without_the_gw_list_the_note_gives_cows_dates_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    from foedus.datasets import verify
    from foedus.war.first_spell import before_first_spell_notes

    monkeypatch.setattr(verify, "dataset_file", lambda relative: None)
    world = World.default()
    assert before_first_spell_notes(world.states, {"MNE": D("1914-08-01"), "SRB": D("1914-07-28")}) == [
        "Montenegro (MNE) is at war from 1914-08-01 in the war file, before its first day in the COW state system (a "
        "member 2006-06-12–(open)); the state-system rule takes it to be a state then (only a state that has left "
        "the system is out)"]
