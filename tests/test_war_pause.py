"""A war's frames say a pause in a state's fighting and a binding that ended (docs/war.md, "What a frame says of
pauses and ended duties"): the Iran war of 2026 replayed to its ceasefire (8 April) said of Oman "Fighting on the attack
side on 2026-04-08", no word of the ceasefire, and of Pakistan "Neither fighting nor bound", no word that it was bound
from 28 February. A frame's `paused` and `released` record them; `foedus war --state` and the web map's "Why?" (web/src/
said.ts `frameWhy`, web/src/warended.ts, run in node: tests/ts_said.py) say them alike, with the change's date and the
pages the war file cites for it. A ceasefire still takes no state out of the war."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from foedus.api import replay_war
from foedus.catalog import treaty_rows
from foedus.model.world import World
from foedus.war.result import Frame, WarReplay
from foedus.war.why import sides_on, spell_standing, why_on
from foedus.war.words import side_leads
from samples import cli_line, replay_text
from ts_said import run_ts

NOT_LEFT = "no attack by or on it goes on, but it has not left the war"  # foedus.war.pause_words.NOT_LEFT
INDIA_TV = ("https://www.indiatvnews.com/news/world/what-trump-said-full-text-of-us-president-s-two-week-iran-ceasefire-"
            "announcement-2026-04-08-1036690")
INDIA_TV_TITLE = ("India TV News (8 Apr 2026), President Trump's announcement of a two-week ceasefire with Iran "
                  "(8 Apr 2026)")
CEASEFIRE = f"under the ceasefire of 2026-04-08 (ceasefire: every attack ends; source: {INDIA_TV_TITLE})"
# Cuba attacks the United States for a month, again from October, and leaves the war on 1 November
CUBA = ("id: cuba_usa_2004\nname: Cuba attacks the United States\nend: 2004-12-31\nevents:\n"
        "  - {type: attack, date: 2004-08-01, attacker: CUB, victim: USA, until: 2004-09-01}\n"
        "  - {type: attack, date: 2004-10-01, attacker: CUB, victim: USA}\n"
        "  - {type: exit, date: 2004-11-01, state: CUB}\n")
ATTACK_ENDS = "after Cuba (CUB)'s attack on United States (USA) ends"  # at home: its place not said again
RIO = "Rio Treaty (TIAR) (tiar_1947) art. 3"

OMN_FIGHTS = "Fighting against Iran (IRN) on 2026-04-08 (attacked by Iran (IRN) on 2026-03-01)"  # struck into it
USA_FIGHTS = "Fighting against Cuba (CUB) on {} (attacked by Cuba (CUB) on 2004-08-01)"  # the attack that drew it in
DEFEND_SAU = "bound to defend Saudi Arabia (SAU) against Iran (IRN)"  # Pakistan's duty: not to the US and Israel
DEFEND_USA = "bound to defend United States (USA) against Cuba (CUB)"  # Mexico's and Brazil's, under the Rio Treaty


@pytest.fixture(scope="module")
def world() -> World:
    return World.load(history=False)


@pytest.fixture(scope="module")
def cuba(world: World, tmp_path_factory: pytest.TempPathFactory) -> WarReplay:
    return replay_text(tmp_path_factory.mktemp("war"), CUBA, world=world)


def test_the_ceasefire_is_said_of_a_state_still_fighting_and_of_one_it_released() -> None:
    """Oman, struck from 1 March, is still on the attack side after the ceasefire (nobody leaves the war), but its line
    says the fighting is paused under the ceasefire, with its date and source; Pakistan, bound to Saudi Arabia from 28
    February, says when it was bound, by what, and what released it."""
    code, out, err = cli_line(["war", "iran_2026", "--state", "Oman"])
    assert (code, out) == (0, f"Oman (OMN): {OMN_FIGHTS}, paused since "
                              f"2026-04-08 {CEASEFIRE}: {NOT_LEFT}.\n"), err
    code, out, err = cli_line(["war", "iran_2026", "--state", "Pakistan"])
    assert (code, out) == (0, f"Pakistan (PAK): Neither fighting nor bound on 2026-04-08; {DEFEND_SAU} "
                              "from 2026-02-28 under Saudi-Pakistan SMDA (sau_pak_2025) art. unknown (text not public) "
                              f"(unverified: date; secondary: article), released on 2026-04-08 {CEASEFIRE}.\n"), err
    code, out, err = cli_line(["war", "iran_2026", "--state", "Pakistan", "--until", "2026-04-07"])
    assert code == 0 and out.startswith(f"Pakistan (PAK): B{DEFEND_SAU[1:]} on 2026-04-07") and \
        "released" not in out, err


def test_a_frame_records_the_pause_and_the_release_in_its_json() -> None:
    """The ceasefire's frame lists each state fighting with no attack going on (`paused`: since, the ceasefire's
    record, its sources) and each state it released (`released`: the last bound span, the ceasefire, its sources);
    the frames before it list none."""
    code, out, err = cli_line(["war", "iran_2026", "--json"])
    assert code == 0, err
    frames = json.loads(out)["frames"]
    assert [(f["paused"], f["released"]) for f in frames[:-1]] == [({}, {})] * (len(frames) - 1)
    last = frames[-1]
    oman, pakistan = last["paused"]["OMN"], last["released"]["PAK"]
    assert oman["since"] == "2026-04-08" and oman["cause"] == last["changes"][0]
    assert oman["cause"]["type"] == "ceasefire" and oman["sources"] == [{"url": INDIA_TV, "title": INDIA_TV_TITLE}]
    assert {k: pakistan[k] for k in ("side", "from", "to", "treaty", "certainty", "doubted")} == {
        "side": "attack", "from": "2026-02-28", "to": "2026-04-08", "treaty": "sau_pak_2025",
        "certainty": "unverified", "doubted": ["article", "date"]}
    assert pakistan["cause"] == last["changes"][0] and pakistan["sources"] == oman["sources"]
    # the states struck, and those striking them, are paused, and no one left the war; the 17 bound from 28 February
    # but Oman, struck itself on 1 March, are released
    assert sorted(last["paused"]) == sorted(last["sides"]["attack"] + last["sides"]["defense"])
    assert len(last["released"]) == 16 and "OMN" not in last["released"] and "OMN" in last["paused"]


def test_an_attacks_end_an_exit_and_a_new_attack_are_said(cuba: WarReplay, world: World) -> None:
    """An attack's end (its `until`) pauses both states and releases the states its duty bound, said after the end's
    words, even on a day a window of Mexico's Rio exit opens (the release was said to be that window's); a new attack
    ends the pause, binding them again; the attacker's exit pauses the state it attacked and releases them again."""
    def why(state: str, day: str) -> str:
        return why_on(cuba, world, state, dt.date.fromisoformat(day))

    assert why("USA", "2004-09-01") == (f"United States (USA): {USA_FIGHTS.format('2004-09-01')}, paused "
                                        f"since 2004-09-01 {ATTACK_ENDS}: {NOT_LEFT}.")
    assert why("MEX", "2004-09-01") == ("Mexico (MEX): Neither fighting nor bound on 2004-09-01; "
                                        f"{DEFEND_USA} from 2004-08-01 under {RIO}, released on 2004-09-01 "
                                        f"{ATTACK_ENDS}.")
    assert why("USA", "2004-10-01") == f"United States (USA): {USA_FIGHTS.format('2004-10-01')}."
    assert why("BRA", "2004-10-01").startswith(f"Brazil (BRA): B{DEFEND_USA[1:]} on 2004-10-01")
    assert why("USA", "2004-12-31") == (f"United States (USA): {USA_FIGHTS.format('2004-12-31')}, paused since "
                                        f"2004-11-01 after Cuba (CUB) leaves the war: {NOT_LEFT}.")
    assert why("BRA", "2004-12-31") == ("Brazil (BRA): Neither fighting nor bound on 2004-12-31; "
                                        f"{DEFEND_USA} from 2004-10-01 under {RIO}, released on 2004-11-01 after Cuba "
                                        "(CUB) leaves the war.")
    assert why("CUB", "2004-12-31") == "Cuba (CUB): Neither fighting nor bound on 2004-12-31."  # out: not paused
    moved = next(m for f in cuba.frames if f.date == dt.date(2004, 9, 1) for m in f.moved if m["state"] == "BRA")
    assert moved["cause"]["type"] == "attack-ends"


def test_the_webs_why_says_the_pause_and_the_release_as_the_cli_does(cuba: WarReplay, world: World) -> None:
    """frameWhy on the same frames says, word for word, what `why_on` says (the state named before it)."""
    iran = replay_war("iran_2026")
    default = World.default()
    cases = [(iran, default, s, iran.frames[-1]) for s in ("OMN", "PAK", "IRN", "EGY")]
    cases += [(cuba, world, s, f) for f in cuba.frames for s in ("USA", "CUB", "MEX", "BRA")]
    treaties = {row["id"]: row["name"] for row in treaty_rows(default, None)}  # /api/treaties, the map's names
    said = run_ts([("said", "frameWhy", [s, f.to_dict(), {"$lookup": treaties}, None, {}, *_sides(r, f, s)])
                   for r, _, s, f in cases])  # the sides and a duty's states as the CLI names them that day
    lines = [why_on(r, w, s, f.date).split(": ", 1)[1] for r, w, s, f in cases]
    assert said == lines
    assert sum("paused since" in w for w in said) >= 6 and sum("released on" in w for w in said) >= 6


def _sides(replay: WarReplay, frame: Frame, state: str) -> list[object]:
    """frameWhy's last four arguments as `why_on` names the sides and a duty's states on the frame's day (`sides_on`)
    and reads the state's spell of fighting then (`spell_standing`: an attack on it drew it in, or it joined) and the
    war's lead states (`side_leads`: a lead is said by its own attack)."""
    sides, names = sides_on(replay, frame, frame.date)
    return [sides, {"$lookup": dict(names)}, spell_standing(replay, state, frame.date), side_leads(replay.war)]


def test_a_lapsed_binding_of_cascade_ongoing_since_says_what_released_it() -> None:
    """`cascade --ongoing-since` listed Azerbaijan "bound 2014-02-27 to 2019-01-01 (defense, atop_4400 ATOP defense
    code), no longer", with no word of why; its attacks go on to the date (no ceasefire, no pause), so what released
    it is a treaty change, which the lapse's JSON (`cause`) and its line now give, as a war's "Why?" says it."""
    args = ["cascade", "-a", "UKR", "-t", "RUS", "-d", "2024-12-15", "--ongoing-since", "2014-02-27"]
    code, out, err = cli_line([*args, "--json"])
    assert code == 0, err
    (lapse,) = json.loads(out)["ongoing"]["lapsed"]
    assert (lapse["state"], lapse["to"], lapse["cause"]["change"], lapse["cause"]["treaty"]) == (
        "AZE", "2019-01-01", "coverage-ends", "atop_4400")
    code, out, err = cli_line(args)
    assert code == 0, err
    assert ("Azerbaijan (AZE): bound 2014-02-27 to 2019-01-01 (defense, atop_4400 ATOP defense code), no longer: "
            "released on 2019-01-01 after atop_4400: its source's coverage ends") in " ".join(out.split()), out


def test_state_json_carries_the_pause_and_the_release() -> None:
    """`foedus war --state --json` (WarWhy) gives the frame's `paused` entry of a state fighting and its `released`
    entry of one neither fighting nor bound, which its `said` words; null where the state has none."""
    code, out, err = cli_line(["war", "iran_2026", "--state", "Oman", "--json"])
    assert code == 0, err
    oman = json.loads(out)
    assert (oman["paused"]["since"], oman["paused"]["cause"]["type"], oman["released"]) == (
        "2026-04-08", "ceasefire", None)
    assert oman["paused"]["sources"] == [{"url": INDIA_TV, "title": INDIA_TV_TITLE}] and CEASEFIRE in oman["said"]
    code, out, err = cli_line(["war", "iran_2026", "--state", "Pakistan", "--json"])
    assert code == 0, err
    pakistan = json.loads(out)
    assert (pakistan["paused"], pakistan["released"]["treaty"], pakistan["released"]["from"]) == (
        None, "sau_pak_2025", "2026-02-28")
    code, out, err = cli_line(["war", "iran_2026", "--state", "Pakistan", "--until", "2026-03-01", "--json"])
    assert code == 0 and json.loads(out)["released"] is None, err


@pytest.mark.needs_data
def test_the_counts_docs_war_md_gives() -> None:
    """docs/war.md, item 6: how many states each bundled war's frames list as paused and released."""
    text = " ".join((Path(__file__).resolve().parents[1] / "docs" / "war.md").read_text(encoding="utf-8").split())

    def counted(war: str) -> list[tuple[str, int, int]]:
        frames = replay_war(war).to_dict()["frames"]
        return [(f["date"], len(f["paused"]), len(f["released"])) for f in frames if f["paused"] or f["released"]]

    assert counted("iran_2026") == [("2026-04-08", 10, 16)] and counted("israel_iran_2025") == [("2025-06-24", 4, 21)]
    assert "ceasefire frame has 10 states paused" in text and "16 released" in text
    assert "(24 June) 4 paused and 21 released" in text
    europe = counted("europe_1939_1941")
    assert len(europe) == 24 and all(p == 0 for _, p, _ in europe) and "in 24 of its frames" in text
    # Ukraine's attack at Kursk ends after 2025-04-26 (Russia's claim): the 6 states it bound are released
    assert counted("russia_ukraine_2022") == [(d, 0, 6) for d in ("2025-04-27", "2025-10-02", "2025-11-25")]
    assert "`russia_ukraine_2022` releases 6 states on 2025-04-27" in text and "in 3 of its frames" in text
    assert counted("july_crisis_1914") == []
