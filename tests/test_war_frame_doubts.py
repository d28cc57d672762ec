"""A replay's frames carry their doubts (docs/war.md, "What a frame says of its doubts"): each frame lists, under
`doubts`, what `foedus cascade` on its day lists (`foedus.engine.outcome.doubts_of`, the one rule), in the same JSON
shape; a frame is made where a doubt's window opens or closes; `foedus war`'s timeline says them in the cascade's
words. The worked case: Cuba attacks the United States from 1 Aug 2004, replayed to the year's end on the bundled
treaties (no ATOP history): Mexico's Rio exit, effective Sep 2004 (the day, the 6th, from ATOP only), is a doubt
from 6 Sep to 29 Sep (on 30 Sep Mexico had surely left)."""

from __future__ import annotations

from pathlib import Path

import pytest

from foedus.api import cascade, replay_war
from foedus.model.world import World
from foedus.war.result import WarReplay
from samples import replay_text

CUBA = ("id: cuba_usa_2004\nname: Cuba attacks the United States\nend: 2004-12-31\nevents:\n"
        "  - {type: attack, date: 2004-08-01, attacker: CUB, victim: USA}\n")


@pytest.fixture(scope="module")
def world() -> World:
    return World.load(history=False)


@pytest.fixture(scope="module")
def cuba(world: World, tmp_path_factory: pytest.TempPathFactory) -> WarReplay:
    return replay_text(tmp_path_factory.mktemp("war"), CUBA, world=world)


def _frame(replay: WarReplay, day: str) -> dict[str, object]:
    return next(f for f in replay.to_dict()["frames"] if f["date"] == day)


def test_each_frame_lists_the_doubts_a_cascade_on_its_day_lists(cuba: WarReplay, world: World) -> None:
    """Every frame's `doubts` is, key for key, the JSON `doubts` of `foedus cascade` on the frame's day."""
    for frame in cuba.to_dict()["frames"]:
        said = cascade("CUB", "USA", frame["date"], world=world).to_dict()["doubts"]
        assert frame["doubts"] == said, frame["date"]


def test_mexicos_exit_is_a_doubt_from_the_day_it_took_effect(cuba: WarReplay, world: World) -> None:
    """On 6 Sep (Mexico leaves) the frame lists Mexico's Rio exit as a doubt, as a cascade on 15 Sep does: a day
    between two frames is read from the frame before it."""
    (doubt,) = _frame(cuba, "2004-09-06")["doubts"]  # type: ignore[misc]
    assert (doubt["treaty"], doubt["state"], doubt["concerns"]) == ("tiar_1947", "MEX", ["MEX"])
    assert doubt["fact"].endswith("it may still have been a party on 2004-09-06")
    (later,) = cascade("CUB", "USA", "2004-09-15", world=world).doubts
    assert (later.treaty, later.state) == ("tiar_1947", "MEX")
    assert not _frame(cuba, "2004-09-01")["doubts"]  # the month's window holds the day; Mexico was still a party


def test_a_frame_is_made_where_the_doubts_window_closes(cuba: WarReplay, world: World) -> None:
    """On 30 Sep, the last day of the month Mexico's exit took effect, no doubt is left: a frame is made there, with
    no change of the war or the treaties, and no doubt, as a cascade on 1 Oct has none."""
    frames = {f.date.isoformat(): f for f in cuba.frames}
    assert "2004-09-30" in frames
    closing = frames["2004-09-30"]
    assert closing.doubts == [] and closing.changes == [] and closing.moved == []
    assert cascade("CUB", "USA", "2004-10-01", world=world).doubts == ()
    assert [d for d in frames if "2004-09-06" < d < "2004-09-30"] == []


def _war(tmp_path: Path, attacker: str, victim: str, start: str, end: str) -> Path:
    path = tmp_path / f"{attacker}_{victim}.yaml"
    path.write_text(f"id: w\nname: w\nend: {end}\nevents:\n"
                    f"  - {{type: attack, date: {start}, attacker: {attacker}, victim: {victim}}}\n", encoding="utf-8")
    return path


def test_a_frame_is_made_where_a_doubts_window_opens(world: World, tmp_path: Path) -> None:
    """Afghanistan attacks Uzbekistan from 1 Mar 2006: the 2005 Russia–Uzbekistan treaty's entry into force, recorded
    on 12 May 2006 and known less than to the day, may have come from 21 Apr, when its window opens: a frame is made
    there, with no change of the war or the treaties, listing the doubt (Russia may be bound), as a cascade on that
    day does; the frame of its entry into force lists it no more."""
    frames = replay_war(_war(tmp_path, "AFG", "UZB", "2006-03-01", "2006-12-31"), world=world).to_dict()["frames"]
    by_day = {f["date"]: f for f in frames}
    opening = by_day["2006-04-21"]
    assert opening["changes"] == [] and opening["moved"] == []
    assert [(d["treaty"], d["state"], d["concerns"]) for d in opening["doubts"]] == [("rus_uzb_2005", None, ["RUS"])]
    assert opening["doubts"] == cascade("AFG", "UZB", "2006-04-21", world=world).to_dict()["doubts"]
    assert by_day["2006-03-01"]["doubts"] == [] and by_day["2006-05-12"]["doubts"] == []
    # Iraq attacks the United States from 1 Sep 1990: the window of Germany's NATO accession, 3 Oct 1990 known to the
    # week, opens on 26 Sep, but Germany is not in the state system before 3 Oct, so the doubt changes no answer and a
    # cascade on 26 Sep lists none: no frame is made there (the frames follow what the user is told)
    iraq = replay_war(_war(tmp_path, "IRQ", "USA", "1990-09-01", "1990-12-31"), world=world).frames
    assert cascade("IRQ", "USA", "1990-09-26", world=world).doubts == ()
    assert [f.date.isoformat() for f in iraq][:2] == ["1990-09-01", "1990-10-03"]


def test_the_timeline_says_a_frames_doubts_in_the_cascades_words(cuba: WarReplay, world: World,
                                                                  capsys: pytest.CaptureFixture[str],
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """`foedus war`'s timeline says, under 6 Sep, the doubt as the cascade's text says it ("Uncertain date: ..."),
    and under 30 Sep that none is left."""
    from foedus.render import explain_lines
    from foedus.war.render import print_replay
    from foedus.war.words import NO_DOUBTS

    monkeypatch.setenv("COLUMNS", "400")
    print_replay(cuba, states=world.states)
    text = capsys.readouterr().out
    said = [x for x in explain_lines(cascade("CUB", "USA", "2004-09-06", world=world))
            if x.startswith("Uncertain date: ")]
    assert len(said) == 1
    timeline = text.split("timeline", 1)[1]
    assert "2004-09-06\n  Mexico (MEX): bound to defend United States (USA) against Cuba (CUB) → out" in timeline
    assert f"\n  {said[0]}\n2004-09-30\n  {NO_DOUBTS}\n" in timeline
