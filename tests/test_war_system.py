"""A war replay re-evaluates on the days a party of a treaty in play leaves the state system or comes back to it
(`foedus.war.system_changes`), as a cascade on that day reads it (`foedus.engine.rules.system`: a party out of the
system is no party then): a frame on that day says it in the rule's words, and every frame is a cascade on its day.
Made-up pacts alone in a world, on COW's dates: the Netherlands out from 1940-07-15, Ethiopia back from 1941-05-05."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from foedus.api import cascade, replay_war
from foedus.model.world import World
from foedus.war.result import WarReplay

pytestmark = pytest.mark.needs_data  # the state system's dates are COW's

D = dt.date.fromisoformat
NLD_OUT = ("Netherlands (NLD) is not a member of the state system on 1940-07-15 (a member 1816-01-01–1940-07-14; "
           "1945-06-26–(open)), so it is no party then")
ETH_BACK = ("Ethiopia (ETH) is a member of the state system again on 1941-05-05 (a member 1898-01-01–1936-05-05; "
            "1941-05-05–(open)), so it may be a party again")


def _world(tmp_path: Path, ally: str) -> World:
    """A made-up defence pact of the United Kingdom and `ally` from 1930, alone in a world."""
    path = tmp_path / "t_s.yaml"
    path.write_text(json.dumps({
        "id": "t_s", "name": "S", "signed": "1930-01-01", "in_force": "1930-01-01", "type": "bilateral",
        "sources": [{"url": "https://example.org/s"}], "members": [{"state": "GBR"}, {"state": ally}],
        "provisions": [{"kind": "defense", "article": "1", "strength": "S2"}]}), encoding="utf-8")
    return World.load(path, bundled=False, history=False)


def _replay(tmp_path: Path, world: World, start: str, end: str) -> WarReplay:
    """Italy's attack on the United Kingdom from `start`, replayed to `end`."""
    war = tmp_path / "ita_gbr.yaml"
    war.write_text(f"id: ita_gbr\nname: Italy on Britain\nend: {end}\nsources: [{{url: 'https://example.org/w'}}]"
                   f"\nevents:\n  - {{type: attack, date: {start}, attacker: ITA, victim: GBR}}\n", encoding="utf-8")
    return replay_war(war, world=world)


def _as_cascaded(r: WarReplay, world: World, days: list[dt.date]) -> None:
    """Every frame, and the frame in force on each of `days`, binds the states a cascade on that day binds."""
    for day in [f.date for f in r.frames] + days:
        frame = [f for f in r.frames if f.date <= day][-1]
        joined = {j.state: j.side for j in cascade("ITA", "GBR", day, world=world).joiners}
        assert {s: b["side"] for s, b in frame.bound.items()} == joined, (day, frame.date)


def _around(day: str) -> list[dt.date]:
    return [D(day) + dt.timedelta(days=k) for k in range(-2, 3)]


def test_a_party_leaving_the_system_mid_war_is_released_that_day(tmp_path: Path) -> None:
    """The Netherlands, bound to defend Britain, is released on its first day out; Norway (1940-05-01) and Luxembourg
    (1940-05-11), out of the system too but of no treaty in play, make no frame."""
    world = _world(tmp_path, "NLD")
    r = _replay(tmp_path, world, "1940-04-20", "1940-08-01")
    assert [f.date.isoformat() for f in r.frames] == ["1940-04-20", "1940-07-15"]
    (move,) = r.frames[1].moved
    assert (move["state"], move["from"], move["to"]) == ("NLD", "bound-defense", "out")
    assert (move["cause"]["type"], move["cause"]["change"], move["cause"]["text"]) == ("system", "leaves", NLD_OUT)
    assert r.frames[1].released["NLD"]["to"] == "1940-07-15"
    # the frame says what the cascade on its day says of the state, in the rule's words
    withheld = cascade("ITA", "GBR", "1940-07-15", world=world).withheld
    assert [w.reason for w in withheld if w.state == "NLD"] == [NLD_OUT]
    _as_cascaded(r, world, _around("1940-07-15"))


def test_a_party_coming_back_to_the_system_mid_war_is_bound_from_that_day(tmp_path: Path) -> None:
    world = _world(tmp_path, "ETH")
    r = _replay(tmp_path, world, "1941-01-01", "1941-06-01")
    assert [f.date.isoformat() for f in r.frames] == ["1941-01-01", "1941-05-05"]
    first = r.first_bound("ETH")
    assert first is not None and (first.date, first.side, first.treaty) == (D("1941-05-05"), "defense", "t_s")
    assert first.cause is not None and (first.cause["type"], first.cause["text"]) == ("system", ETH_BACK)
    _as_cascaded(r, world, _around("1941-05-05"))



def test_the_text_timeline_says_a_day_a_state_left_the_system_though_no_one_moved() -> None:
    """`foedus war`'s timeline printed only the days a state moved, a fighting paused or a doubt changed, so a day the
    replay re-evaluated because a state left the state system (Norway, 1940-05-01) or came back (Ethiopia, 1941-05-05)
    was in the JSON and the web page's log only: the text says it in the rule's words, once (not again under a move
    the change caused: Greece leaves the war and the system on 1941-04-24)."""
    from foedus.war.system_changes import system_text
    from samples import cli_line

    code, out, err = cli_line(["war", "europe_1939_1941"], env={"COLUMNS": "400"})
    assert code == 0, err
    timeline = out[out.index("\ntimeline "):].splitlines()
    assert "a state left the state system or came back to it" in timeline[1]
    replay = replay_war("europe_1939_1941")
    names = World.default().states.names_on
    for day in ("1940-05-01", "1941-05-05", "1941-04-24"):
        (frame,) = [f for f in replay.frames if f.date == D(day)]
        (change,) = [c for c in frame.changes if c["type"] == "system"]
        line = f"  {system_text(change, names(frame.date))}"
        assert timeline.count(line) == 1 and timeline[timeline.index(line) - 1 - len(frame.moved)] == day, day
    assert "  Norway (NOR) is not a member of the state system on 1940-05-01 (a member 1905-06-07–1940-04-30; " \
           "1945-05-07–(open)), so it is no party then" in timeline
    assert f"  {ETH_BACK}" in timeline


def test_a_world_whose_system_changes_were_read_is_collected_when_dropped(tmp_path: Path) -> None:
    """`system_changes` kept its last eight worlds alive (an lru_cache on the world): a caller loading worlds in turn
    held each long after dropping it. The changes are kept per world only while the world lives."""
    import gc
    import weakref

    from foedus.war.system_changes import system_changes

    world = _world(tmp_path, "NLD")
    assert system_changes(world) is system_changes(world)  # built once per world
    assert D("1940-07-15") in system_changes(world)
    dropped = weakref.ref(world)
    del world
    gc.collect()
    assert dropped() is None


def test_the_days_a_state_fights_out_of_the_system_are_runs_of_the_rule() -> None:
    """`out_days`: the days of a span on which the rule (`in_system`) has the state out, as runs: none before its first
    spell (the rule takes it to be one then), one run per time out, cut to the span."""
    from foedus.war.system_changes import out_days

    states = World.default().states
    assert out_days(states, "NOR", D("1940-04-09"), D("1940-06-09")) == [(D("1940-05-01"), D("1940-06-09"))]
    assert out_days(states, "NOR", D("1940-01-01"), D("1946-01-01")) == [(D("1940-05-01"), D("1945-05-06"))]
    assert out_days(states, "ETH", D("1935-01-01"), D("1941-05-05")) == [(D("1936-05-06"), D("1941-05-04"))]
    assert out_days(states, "NOR", D("1945-05-07"), D("1946-01-01")) == []
    assert out_days(states, "POL", D("1939-09-01"), D("1939-09-27")) == []  # it left the war as it left the system


def test_the_table_marks_the_days_a_state_fights_out_of_the_system() -> None:
    """`foedus war`'s per-state table said nothing of Norway fighting on out of the state system from 1940-05-01 to its
    exit (only --state's "Why?" and the timeline said it): its fighting cell says those days, in the words "Why?" uses
    (`FIGHTING_OUT`); no other state of the war fights out of the system, so no other cell says it."""
    from samples import cli_line

    code, out, err = cli_line(["war", "europe_1939_1941", "--no-timeline"], env={"COLUMNS": "400"})
    assert code == 0, err
    said = ("not a member of the state system from 1940-05-01 to 1940-06-09, so no party to a treaty then, bound by "
            "none and owed nothing")  # `foedus.war.words.fighting_out_cell`
    lines = out.splitlines()
    (row,) = [i for i, line in enumerate(lines) if "│ Norway (NOR) " in line]
    assert "defense 1940-04-09–1940-06-10 (attacked by Germany (DEU))" in lines[row] and said in lines[row + 1]
    assert out.count("not a member of the state system") == 1
