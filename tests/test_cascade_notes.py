"""Two things a cascade read or did not do, and did not say.

After 2016 a cascade checks its attackers and targets against COW's state system of 2016, carried forward
(`foedus.engine.scenario`), but only its draws said so (in the words that also name the major powers): a plain
cascade now says it of the system, once, and the draws' note still replaces it. A what-if change dated after the
scenario (a member added from 2030, one leaving in 2030, run in 2025) changed nothing, silently: the notes now name
the change as it was given and the day it takes effect from."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

import foedus
from foedus.model.overlay import AddMember, RemoveMember
from foedus.model.states import StateRegistry
from foedus.model.world import World
from foedus.whatif_words import what_if_world
from samples import cli_line

SYSTEM = ("after 2016 the state system is that of 2016, carried forward (the COW state system v2016 ends in "
          "2016)")
BOTH = ("after 2016 the state system and its major powers are those of 2016, carried forward (the COW state "
        "system v2016 and its major-power list end in 2016)")


def _cli_json(args: list[str]) -> dict:  # type: ignore[type-arg]
    """`foedus ARGS --json`, run in-process as the console script does."""
    code, out, err = cli_line([*args, "--json"])
    assert code == 0, err
    return json.loads(out)  # type: ignore[no-any-return]


@pytest.mark.needs_data
def test_a_plain_cascade_after_2016_says_the_state_system_is_carried_forward(world: World) -> None:
    plain = foedus.cascade("RUS", "EST", "2025-06-01", world=world)
    assert plain.notes.count(SYSTEM) == 1 and plain.to_dict()["notes"] == list(plain.notes)
    assert _cli_json(["cascade", "-a", "RUS", "-t", "EST", "-d", "2025-06-01"])["notes"].count(SYSTEM) == 1
    drawn = foedus.cascade("RUS", "EST", "2025-06-01", draws=20, seed=1, world=world)
    assert BOTH in drawn.notes and [n for n in drawn.notes if "state system" in n] == [BOTH]  # said once
    assert SYSTEM not in foedus.cascade("RUS", "EST", "2016-06-01", world=world).notes  # COW's own year
    bare = World(world.treaties, StateRegistry(states=world.states.states), world.places)  # no system dates read
    assert not any("carried forward" in n for n in foedus.cascade("RUS", "EST", "2025-06-01", world=bare).notes)


def test_a_what_if_dated_after_the_scenario_says_it_does_not_touch_it(tmp_path: Path) -> None:
    overlay = tmp_path / "later.yaml"
    overlay.write_text("changes:\n  - {op: add_member, treaty: nato_1949, state: UKR, joined: 2030-01-01}\n"
                       "  - {op: drop_treaty, treaty: chn_prk_1961}\n", encoding="utf-8")
    run = ["cascade", "-a", "RUS", "-t", "UKR", "-d", "2025-06-01"]
    changed, plain = _cli_json([*run, "--overlay", str(overlay)]), _cli_json(run)
    assert changed["joiners"] == plain["joiners"]  # nothing changed: and now said
    assert [n for n in changed["notes"] if n not in plain["notes"]] == [
        what_if_world(["add_member nato_1949:UKR", "drop_treaty chn_prk_1961"]),  # the world a what-if's
        f"{overlay} change 1 (add_member nato_1949:UKR) takes effect only from 2030-01-01, after the scenario's "
        "date (2025-06-01): this what-if change does not touch the scenario"]
    leaving = RemoveMember(treaty="nato_1949", state="TUR", left=dt.date(2030, 1, 1))
    assert foedus.cascade("RUS", "TUR", "2025-06-01", what_if=[leaving]).notes[-1] == (
        "what_if change 1 (remove_member nato_1949:TUR) takes effect only from 2030-01-01, after the scenario's "
        "date (2025-06-01): this what-if change does not touch the scenario")


def test_a_what_if_dated_on_or_before_the_scenario_is_not_said_to_be_later() -> None:
    on_day = AddMember(treaty="nato_1949", state="UKR", joined=dt.date(2025, 6, 1))
    assert not any("takes effect only" in n for n in foedus.cascade("RUS", "UKR", "2025-06-01",
                                                                     what_if=[on_day]).notes)
    # PAK left SEATO in 1973: leaving in 1970 touches 1972, not 1965 (a later `left` is refused: test_overlay_spells)
    shortened = RemoveMember(treaty="manila_1954", state="PAK", left=dt.date(1970, 1, 1))
    assert not any("takes effect only" in n for n in foedus.cascade("IND", "PAK", "1972-06-01",
                                                                     what_if=[shortened]).notes)
    assert any("takes effect only from 1970-01-01" in n for n in foedus.cascade("IND", "PAK", "1965-06-01",
                                                                                what_if=[shortened]).notes)
