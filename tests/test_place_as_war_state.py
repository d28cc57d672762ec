"""A place or an area written where a state is expected in a war file (an attacker, a victim, a joiner, a leaver) or
given to a result's lookups (`result.joiner("Crimea")`, `replay.record(...)`): refused as a place, not a state, as
everywhere else (`World.state_named`); both said "unknown state 'Crimea'; did you mean Eritrea?"."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from pathlib import Path

import pytest

import foedus
from foedus.errors import UnknownStateError
from foedus.model.world import World

_CRIMEA = "'Crimea' is a place, not a state (held on 2022-02-24 by Ukraine (UKR))"
_ATTACK = "  - {type: attack, date: 2022-02-24, attacker: RUS, victim: UKR}\n"


def _refusal(name: str, day: dt.date) -> str:
    """What a state name that is a place is told where no --place is taken (compare's --watch, an attacker)."""
    with pytest.raises(UnknownStateError) as err:
        World.default().state_named(name, day)
    return str(err.value)


def _war(tmp_path: Path, events: str) -> subprocess.CompletedProcess[str]:
    path = tmp_path / "war.yaml"
    path.write_text(f"id: test_war\nname: Test\nevents:\n{events}", encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "foedus.cli", "war", str(path)], capture_output=True, text=True)


def test_a_place_written_as_a_war_files_victim_is_said_to_be_a_place(tmp_path: Path) -> None:
    """One line, exit 2, naming the file and the field, as the loader's other refusals do."""
    out = _war(tmp_path, "  - {type: attack, date: 2022-02-24, attacker: RUS, victim: Crimea}\n")
    assert (out.returncode, out.stdout, out.stderr) == (2, "", f"error: {tmp_path / 'war.yaml'}: events[0].victim: "
                                                               f"{_CRIMEA}\n")


@pytest.mark.parametrize(("events", "field", "name", "day"), [
    ("  - {type: attack, date: 2022-02-24, attacker: Gaza Strip, victim: ISR}\n", "events[0].attacker", "Gaza Strip",
     dt.date(2022, 2, 24)),
    (_ATTACK + "  - {type: entry, date: 2022-03-01, state: [BLR, Kurdistan], side: attack}\n", "events[1].state[1]",
     "Kurdistan", dt.date(2022, 3, 1)),
    (_ATTACK + "  - {type: exit, date: 2022-03-01, state: Crimea}\n", "events[1].state", "Crimea",
     dt.date(2022, 3, 1)),
    (_ATTACK + "  - {type: ceasefire, date: 2022-03-01, states: [RUS, Crimea]}\n", "events[1].states[1]", "Crimea",
     dt.date(2022, 3, 1)),
])
def test_a_place_or_area_anywhere_a_war_file_names_a_state_is_refused_as_one(
        tmp_path: Path, events: str, field: str, name: str, day: dt.date) -> None:
    """An attacker, a joiner (an area: the places it spans), a leaver and a ceasefire's state, each read on its
    event's day, say what a place typed for a state says elsewhere."""
    out = _war(tmp_path, events)
    assert (out.returncode, out.stderr) == (2, f"error: {tmp_path / 'war.yaml'}: {field}: {_refusal(name, day)}\n")
    assert "unknown state" not in out.stderr


def test_a_war_file_state_that_is_no_place_either_stays_an_unknown_state(tmp_path: Path) -> None:
    out = _war(tmp_path, "  - {type: attack, date: 2022-02-24, attacker: RUS, victim: Narnia}\n")
    assert out.returncode == 2 and "events[0].victim: unknown state 'Narnia'" in out.stderr, out.stderr


def test_a_results_lookup_of_a_place_is_refused_as_a_place() -> None:
    """`result.joiner` reads the name on the scenario's day, `replay.record` and `first_bound` on the replay's end."""
    result = foedus.cascade("UKR", "RUS", "2022-02-24")
    with pytest.raises(UnknownStateError) as err:
        result.joiner("Crimea")
    assert str(err.value) == _CRIMEA
    replay = foedus.replay_war("russia_ukraine_2022", until="2023-01-01")
    for lookup in (replay.record, replay.first_bound):
        with pytest.raises(UnknownStateError) as err:
            lookup("Kurdistan")
        assert str(err.value) == _refusal("Kurdistan", replay.end)
