"""`foedus war WAR --until DATE --state STATE`: why one state is fighting, bound or neither on a replayed war's date,
in the words of the web map's "Why?" panel on that frame (web/src/said.ts `frameWhy`, run in node: tests/ts_said.py;
it skips without web/node_modules unless FOEDUS_REQUIRE_NODE=1), and its refusals of a state or date it cannot read."""

from __future__ import annotations

import datetime as dt
import itertools

import pytest

from foedus.api import replay_war
from foedus.catalog import state_rows, treaty_rows
from foedus.errors import DateOutOfRangeError
from foedus.model.world import World
from foedus.war.recorded import recorded_on, recorded_said
from foedus.war.result import Frame, WarReplay
from foedus.war.why import sides_on, spell_standing
from foedus.war.words import side_leads
from foedus.wording import named_state, not_in_system
from samples import cli_line
from ts_said import run_ts

WAR = "russia_ukraine_2022"
# the conditions the cascade states for CSTO art. 4 (request-gated) and Russia–DPRK art. 4 (a state of war)
KAZ_ASKS = ("condition: request-gated: assumes Russia (RUS) asks for help (the clause's wording of this condition: "
            "known from secondary reporting only)")
PRK_AT_WAR = "condition: assumes the attack puts Russia (RUS) in a state of war"
PRK_NOTE = ("Recorded by the war file, not replayed as an event (verified): North Korean troops, sent to Russia from "
            "October 2024, fought Ukraine's forces in Kursk Oblast")  # then how it is known, and its sources

POL = "the side of Poland (POL)"  # europe_1939_1941's defense side, by its lead state while Poland fights
NOT_DEU = "the side against Germany (DEU)"  # that side once Poland left the war (1939-09-28), by the other side's lead
POL_FIGHTS = "Fighting against Germany (DEU) on 1939-09-10 (attacked by Germany (DEU) on 1939-09-01)."  # drawn in
DEFEND_RUS = "Bound to defend Russia (RUS) against Ukraine (UKR)"  # the duty: whom it defends, against whom


def _sides(replay: WarReplay, frame: Frame, state: str, day: str | None = None) -> list[object]:
    """What the CLI names the sides by on the frame's day, the names it names a duty's states by (`sides_on`) and the
    state's spell of fighting standing on `day` (the frame's by default: `spell_standing`) and the war's lead states
    (`side_leads`: a lead is said by its own attack), as frameWhy's last four arguments."""
    sides, names = sides_on(replay, frame, frame.date)
    when = dt.date.fromisoformat(day) if day else frame.date
    return [sides, {"$lookup": dict(names)}, spell_standing(replay, state, when), side_leads(replay.war)]


def _picked(frame: Frame) -> list[str]:
    """A state of each standing the frame has: fighting on each side, every one bound to join, one bound to both
    sides, and one it never names (Switzerland)."""
    bound = [s for s in frame.bound if all(s not in side for side in frame.sides.values())]
    picked = [*(side[0] for side in frame.sides.values() if side), *bound, *frame.conflicts[:1], "CHE"]
    assert all("CHE" not in x for x in (*frame.sides.values(), frame.bound, frame.conflicts))
    return picked


def test_a_war_frames_why_is_worded_alike() -> None:
    """The CLI's line is the state named as on the date, then the web's "Why?" words on the frame of that date
    (frameWhy, the treaty named as the web's treaty list names it): on the war's first day, the first date a state is
    bound to join without fighting, the first a state is bound to both sides, the last a state is bound, and the
    replay's last."""
    replay = replay_war(WAR)
    bound = next(f for f in replay.frames if set(f.bound) - {*f.sides["attack"], *f.sides["defense"]})
    last_bound = [f for f in replay.frames if f.bound][-1]  # Kursk's last frame: the war binds none after it
    frames = [replay.frames[0], bound, *[f for f in replay.frames if f.conflicts][:1], last_bound, replay.frames[-1]]
    world = World.default()
    treaties = {row["id"]: row["name"] for row in treaty_rows(world, None)}  # /api/treaties, the map's names
    cases = [(f, s) for f in frames for s in _picked(f)]
    said = run_ts([("said", "frameWhy", [s, f.to_dict(), {"$lookup": treaties}, None, {}, *_sides(replay, f, s)])
                   for f, s in cases])
    lines = []
    for f, s in cases:
        code, out, err = cli_line(["war", WAR, "--until", f.date.isoformat(), "--state", s])
        assert code == 0, err
        lines.append(out)
    noted = [recorded_said(n.to_dict() for n in recorded_on(replay.war, s, f.date)) for f, s in cases]  # the file's
    assert lines == [f"{named_state(s, world.states.names_on(f.date))}: {words}{note}\n"
                     for (f, s), words, note in zip(cases, said, noted, strict=True)]
    kinds = {w.split(" on ", 1)[0] for w in said}
    assert kinds >= {DEFEND_RUS, "Neither fighting nor bound"}
    # the sides' leads fight by what they did: Russia its attack, Ukraine against its attacker
    assert {w.split(" (", 1)[0] for w in said if w.startswith("Fighting")} == {"Fighting against Ukraine",
                                                                              "Fighting against Russia"}
    assert any(w.endswith("(it attacked Ukraine (UKR) on 2022-02-24).") for w in said)
    # the treaty named, its id and article cited, then the condition the cascade states for it, then since when
    assert any("(rus_prk_2024) art. 4; condition: assumes the attack puts Russia (RUS) in a state of war; bound to "
               "that side without a break since 2024-12-04." in w for w in said)
    # a binding not verified, its condition, and the others that bind it that day, each with its certainty and the
    # facts not verified
    assert any(f"(csto_1992) art. 4 (secondary: article); {KAZ_ASKS}; also rus_kaz_1992 art. unknown "
               "(unverified: treaty, article)." in w for w in said)


def test_a_bindings_certainty_and_its_other_obligations_are_said() -> None:
    """--state said the treaty that binds a state, never that it is not verified, nor the other obligations that bind
    it that day: Kazakhstan on 2024-08-06 is bound by CSTO art. 4, an article known from secondary quotes, and by its
    1992 treaty with Russia, whose article is not known; each is said with its certainty and the facts not verified,
    as the table says them. North Korea's verified 2024 treaty, binding it alone, is said as before."""
    code, out, err = cli_line(["war", WAR, "--until", "2024-08-06", "--state", "KAZ"])
    assert (code, out) == (0, f"Kazakhstan (KAZ): {DEFEND_RUS} on 2024-08-06 under CSTO "
                              "(csto_1992) "
                              f"art. 4 (secondary: article); {KAZ_ASKS}; also rus_kaz_1992 art. unknown "
                              "(unverified: treaty, article).\n"), err
    code, out, err = cli_line(["war", WAR, "--until", "2024-12-04", "--state", "PRK"])
    assert (code, out) == (0, f"North Korea (PRK): {DEFEND_RUS} on 2024-12-04 under "
                              "Russia–DPRK 2024 "
                              f"(rus_prk_2024) art. 4; {PRK_AT_WAR}. {PRK_NOTE}" + out.split(PRK_NOTE)[-1]), err
    assert out.endswith("in the Kursk region).\n")


def test_a_state_is_read_by_its_name_on_the_date() -> None:
    """--state takes a state's name as `World.state_named` reads it on the date, and names it as on that date."""
    code, out, _ = cli_line(["war", WAR, "--until", "2024-12-04", "--state", "north korea"])
    assert (code, out.split(":", 1)[0]) == (0, "North Korea (PRK)")
    assert out.startswith(f"North Korea (PRK): {DEFEND_RUS} on 2024-12-04 under ")


@pytest.mark.parametrize(("args", "said"), [
    ([WAR, "--state", "Narnia"], "unknown state 'Narnia'"),
    ([WAR, "--until", "2023-01-01", "--state", "Crimea"], "'Crimea' is a place, not a state"),
    ([WAR, "--until", "2021-01-01", "--state", "UKR"], "before the war starts (2022-02-24)"),
    (["july_crisis_1914", "--until", "1914-09-01", "--state", "FRA"], "after the war does (1914-08-04)"),
    ([WAR, "--state", "UKR", "--no-timeline"], "--no-timeline has no effect with --state"),
])
def test_a_state_or_date_it_cannot_read_is_one_line_refused(args: list[str], said: str) -> None:
    """An unknown state, a place given as a state, a date outside the war, or an option --state makes idle: exit 2
    and one line saying so, no traceback."""
    code, out, err = cli_line(["war", *args])
    lines = err.strip().splitlines()
    assert (code, len(lines)) == (2, 1), err
    assert said in lines[0] and "Traceback" not in err + out


def test_a_frame_stands_from_the_wars_first_day_to_the_replays_last() -> None:
    """`WarReplay.frame_on`: the frame of the last evaluated date on or before the day; a day before the war or after
    the replay's last day is refused, not read as the first or last frame."""
    replay = replay_war(WAR, until="2024-12-31")
    gap = next(i for i, (a, b) in enumerate(itertools.pairwise(replay.frames)) if (b.date - a.date).days > 1)
    before, after = replay.frames[gap], replay.frames[gap + 1]
    assert replay.frame_on(before.date) is before
    assert replay.frame_on(before.date + dt.timedelta(days=1)) is before
    assert replay.frame_on(after.date) is after
    with pytest.raises(DateOutOfRangeError, match="before the war starts"):
        replay.frame_on("2022-02-23")
    with pytest.raises(DateOutOfRangeError, match="after the replay's last day"):
        replay.frame_on("2025-01-01")


@pytest.mark.needs_data
@pytest.mark.parametrize("as_json", [[], ["--json"]])
def test_a_state_in_the_system_on_no_day_of_the_replay_is_refused_as_cascade_refuses_it(as_json: list[str]) -> None:
    """Ukraine is no member of the state system in 1914: `foedus war july_crisis_1914 --state UKR` said it was
    "Neither fighting nor bound on 1914-08-04" where `foedus cascade` refuses it (`foedus.state_lists.non_member`,
    the one rule); now one line, exit 2, naming the days of the replay."""
    code, out, err = cli_line(["war", "july_crisis_1914", "--state", "UKR", *as_json])
    cascade = cli_line(["cascade", "-a", "DEU", "-t", "UKR", "-d", "1914-08-04"])
    assert cascade[0] == 2 and "target Ukraine (UKR) is not a member of the state system on 1914-08-04" in cascade[2]
    said = err.strip() if not as_json else out.strip()
    assert code == 2 and "Neither" not in out and "Traceback" not in err, (out, err)
    assert "state Ukraine (UKR) is not a member of the state system on any day from 1914-07-28 to 1914-08-04" in said
    assert len(said.splitlines()) == 1


@pytest.mark.needs_data
def test_a_state_out_of_the_system_on_the_day_asked_only_is_said_to_be() -> None:
    """Poland is in the state system when the war begins, not on 1940-06-01 (COW): the line says so, rather than
    only "neither fighting nor bound"; on a day it is a member it stands as the frame has it."""
    world = World.default()
    poland = world.state_named("POL", dt.date(1940, 6, 1))
    assert poland.member_on(dt.date(1940, 6, 1)) is False and poland.member_on(dt.date(1939, 9, 10)) is True
    code, out, err = cli_line(["war", "europe_1939_1941", "--state", "POL", "--until", "1940-06-01"])
    assert code == 0, err
    assert out == "Poland (POL): Not a member of the state system on 1940-06-01, so neither fighting nor bound.\n"
    assert out == f"Poland (POL): {not_in_system('1940-06-01')}\n"  # the sentence is foedus.wording's
    code, out, _ = cli_line(["war", "europe_1939_1941", "--state", "POL", "--until", "1939-09-10"])
    assert code == 0 and out == f"Poland (POL): {POL_FIGHTS}\n"  # against its attacker, not "on the side of" itself
    code, out, _ = cli_line(["war", "europe_1939_1941", "--state", "GBR", "--until", "1939-09-10"])
    assert code == 0 and out == f"United Kingdom (GBR): Fighting on {POL} on 1939-09-10.\n"  # it joined that side


@pytest.mark.needs_data
def test_the_webs_why_says_a_state_out_of_the_system_is_so_as_the_cli_does() -> None:
    """The web's "Why?" on a war's date said "Neither fighting nor bound on 1940-06-01." of Poland, out of the state
    system then (a frame carries no membership), where `foedus war --state` says `not_in_system`: frameWhy, given the
    state's /api/states row, says what the CLI says, by the same rule (its spells, as `non_member` reads them: a state
    COW does not list, Palestine, stays "neither"); a member on the day stands as the frame has it."""
    world = World.default()
    replay = replay_war("europe_1939_1941")
    treaties = {row["id"]: row["name"] for row in treaty_rows(world, None)}  # /api/treaties, the map's names
    cases = [(day, s) for day in ("1940-06-01", "1939-09-10") for s in ("POL", "CHE", "PSE")]
    rows = {s: state_rows(world.states, None, [world.states.states[s]])[0] for _, s in cases}  # /api/states's rows
    said = run_ts([("said", "frameWhy", [s, replay.frame_on(day).to_dict() | {"date": day}, {"$lookup": treaties},
                                         rows[s], {}, *_sides(replay, replay.frame_on(day), s, day)])
                   for day, s in cases])
    lines = []
    for day, s in cases:
        code, out, err = cli_line(["war", "europe_1939_1941", "--until", day, "--state", s])
        assert code == 0, err
        lines.append(out)
    assert lines == [f"{named_state(s, world.states.names_on(dt.date.fromisoformat(day)))}: {words}\n"
                     for (day, s), words in zip(cases, said, strict=True)]
    assert said[0] == not_in_system("1940-06-01") and said[3] == POL_FIGHTS
    assert said[1] == "Neither fighting nor bound on 1940-06-01." and said[2].startswith("Neither")
    assert run_ts([("said", "notInSystem", ["1940-06-01"])]) == [not_in_system("1940-06-01")]


@pytest.mark.needs_data
def test_a_state_fighting_out_of_the_system_is_said_to_fight_as_no_party() -> None:
    """Norway is out of COW's state system from 1940-05-01 and fights, by COW's war data, to 1940-06-10: the war's
    data says who fights, the system's dates who may be a party, so "Why?" says it fights and is no party then (bound
    by no treaty, owed nothing), in the CLI and the web alike (frameWhy, given its /api/states row); on a day it is a
    member the line is as before."""
    from foedus.war.words import FIGHTING_OUT

    world = World.default()
    replay = replay_war("europe_1939_1941")
    row = state_rows(world.states, None, [world.states.states["NOR"]])[0]
    days = ("1940-05-15", "1940-04-15")
    said = run_ts([("said", "frameWhy", ["NOR", replay.frame_on(day).to_dict() | {"date": day}, {"$lookup": {}}, row,
                                         {}, *_sides(replay, replay.frame_on(day), "NOR", day)]) for day in days]
                  + [("membership", "FIGHTING_OUT", None)])
    lines = []
    for day in days:
        code, out, err = cli_line(["war", "europe_1939_1941", "--until", day, "--state", "NOR"])
        assert code == 0, err
        lines.append(out)
    assert lines == [f"Norway (NOR): {words}\n" for words in said[:2]]
    attacked = "Fighting against Germany (DEU) on {} (attacked by Germany (DEU) on 1940-04-09)"  # what drew it in
    assert said[0] == f"{attacked.format('1940-05-15')}{FIGHTING_OUT}." and said[2] == FIGHTING_OUT
    assert said[1] == f"{attacked.format('1940-04-15')}."
    code, out, _ = cli_line(["war", "europe_1939_1941", "--state", "GBR", "--until", "1940-04-15"])
    assert out == f"United Kingdom (GBR): Fighting on {NOT_DEU} on 1940-04-15.\n"  # Poland out of the war: not named
