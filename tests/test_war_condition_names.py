"""A war frame's conditions name each state as it was called on the frame's own day, though the engine evaluates the
frame on the first day of its epoch (`foedus.war.replay.epoch_of`: the same compiled legs): every day a state's name
changes (`foedus.model.dated_names.era_days`) begins an epoch, so a frame and its epoch's first day always share the
names. Without those days, a frame after Zaire became the Democratic Republic of the Congo (1997-05-17) was evaluated on
an earlier day and named it Zaire."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from foedus.model.dated_names import era_days
from foedus.model.world import World
from foedus.war.loader import load_war
from foedus.war.replay import epoch_of, replay
from test_rules import defense, make_world, treaty

WAR = """id: congo
name: Congo
events:
  - {type: attack, date: 1996-10-07, attacker: RWA, victim: COD}
  - {type: attack, date: 1997-06-01, attacker: UGA, victim: COD}
"""


def test_a_frames_conditions_name_a_renamed_state_as_on_the_frames_day(world: World, tmp_path: Path) -> None:
    pact = treaty("pact", ["AGO", "COD"], defense(request_gated=True), signed="1990-01-01", in_force="1990-01-01")
    w = make_world(world, pact)
    (tmp_path / "war.yaml").write_text(WAR, encoding="utf-8")
    frames = replay(load_war(tmp_path / "war.yaml"), w).frames
    said = {f.date.isoformat(): f.to_dict()["bound"]["AGO"]["conditions"] for f in frames}
    names = {day: w.states.names_on(dt.date.fromisoformat(day))["COD"] for day in said}
    assert names == {"1996-10-07": "Zaire", "1997-06-01": w.states.names["COD"]}  # renamed between the frames
    assert said == {day: [f"request-gated: assumes {name} (COD) asks for help"] for day, name in names.items()}


def test_every_day_a_name_changes_begins_an_epoch(world: World) -> None:
    """So no epoch holds two names of a state: a frame's day and its epoch's first day name states alike."""
    for day in era_days():
        assert epoch_of(world, "in-force", day) == day
