"""A war replayed over a long span names each change, and each dated line of its text, as the states were called on
that date: a 1914 war replayed to 2025 worded every change with the names of its first day ("Russian Empire (RUS)
leaves atop_2025" in 1918; "Ukraine (UKR): consult Russian Empire (RUS) from 1997-05-31"). `names` stays the first
day's, and `renames` dates each later change in it (docs/war.md)."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
from pathlib import Path
from typing import Any

import pytest

import foedus
from foedus.cited_names import titles_of
from foedus.model.states import StateRegistry
from foedus.place_words import changed_places, named_places
from foedus.war.result import WarReplay, war_names_on
from foedus.war.words import change_text
from samples import cli_line

WAR = """id: two_events
name: Two events, 1914
events:
  - {type: attack, date: 1914-07-28, attacker: Austria-Hungary, victim: Serbia}
  - {type: attack, date: 1914-08-01, attacker: Germany, victim: Russia}
"""


@pytest.fixture(scope="module")
def war_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("war") / "two.yaml"
    path.write_text(WAR, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def replay(war_file: Path) -> WarReplay:
    """The war replayed to the data's end: a long replay, made once."""
    return foedus.replay_war(war_file)


@pytest.fixture(scope="module")
def replayed(replay: WarReplay) -> dict[str, Any]:
    """The war's JSON."""
    return replay.to_dict()


def test_each_change_is_worded_with_its_days_names(replayed: dict[str, Any], world: Any) -> None:
    replay = replayed
    registry = StateRegistry.load()
    first = registry.names_on(dt.date(1914, 7, 28))
    assert replay["names"]["RUS"] == first["RUS"]  # the first day's, as the contract says
    renamed, titles = 0, titles_of(world.treaties.values())  # a named ATOP alliance by its title too
    for frame in replay["frames"]:
        day = dt.date.fromisoformat(frame["date"])
        names = registry.names_on(day)
        places = named_places(world.places, day, changed_places(frame["changes"]), names)  # by name, as on the day
        for change in frame["changes"]:
            said = change_text(change, names, places, world.places.home_of, titles)
            assert change["text"] == said, (frame["date"], change["text"])
            renamed += said != change_text(change, first, places, world.places.home_of, titles)
    assert renamed > 0  # the span covers renamings: the check is not of identical names


def test_renames_give_each_state_its_name_on_every_frame_s_date(replayed: dict[str, Any]) -> None:
    """`names` with `renames` applied up to a frame's date are the names of that date, for every state `names` holds
    (the JSON had only the first day's: the Russian Empire in 2025)."""
    replay = replayed
    registry = StateRegistry.load()
    renames = replay["renames"]
    assert [r["date"] for r in renames] == sorted(r["date"] for r in renames)
    for frame in replay["frames"]:
        named = war_names_on(replay["names"], renames, frame["date"])
        names = registry.names_on(dt.date.fromisoformat(frame["date"]))
        assert named == {s: names.get(s, s) for s in named}, frame["date"]
    assert {"date": "1917-09-14", "state": "RUS", "name": registry.names_on(dt.date(1917, 9, 14))["RUS"]} in renames
    assert all(r["date"] > replay["war"]["start"] for r in renames)


def test_the_tables_name_is_the_states_on_its_rows_date(replay: WarReplay) -> None:
    """`to_frame()`'s `name` is the state's as on the date its row reports (entered, else first bound): it was the
    war's first day's (Persia bound in 1943, Iran since 1935)."""
    registry = StateRegistry.load()
    table = replay.to_frame()
    dated = 0
    for row in table.itertuples():
        day = row.entered if isinstance(row.entered, str) else row.bound_from
        if isinstance(day, str):
            assert row.name == registry.names_on(dt.date.fromisoformat(day))[row.state], (row.state, day)
            dated += row.name != replay.names[row.state]
    assert dated > 0  # some row's date is past a rename of its state: the check is not of the first day's names


def test_the_text_names_each_dated_line_as_on_its_date(war_file: Path) -> None:
    code, out, err = cli_line(["war", str(war_file)])
    assert code == 0, err
    text = " ".join(out.split())
    first = StateRegistry.load().names_on(dt.date(1914, 7, 28))["RUS"]
    later = StateRegistry.load().names_on(dt.date(1997, 5, 31))["RUS"]
    assert first != later
    assert f"Ukraine (UKR): consult {later} (RUS) from 1997-05-31" in text
    assert f"consult {first} (RUS) from 199" not in text


def test_the_text_tables_rows_are_named_as_to_frame_names_them(replay: WarReplay) -> None:
    """`foedus war`'s table names each row as `to_frame()` does, on the date the row reports (it named every row
    as on the war's first day: Persia for Iran, bound in 1943)."""
    from foedus.war.render import print_replay

    out = io.StringIO()
    with contextlib.redirect_stdout(out):  # the renderer alone, on the fixture's replay: no command line to run
        print_replay(replay, timeline=False)
    text = " ".join(out.getvalue().split())
    renamed = [(r.name, r.state) for r in replay.to_frame().itertuples() if r.name != replay.names[r.state]]
    assert renamed  # some row is named otherwise than on the war's first day
    for name, state in renamed:
        assert f"{name} ({state})" in text
        assert f"{replay.names[state]} ({state})" not in text.split("other duties")[0], state
