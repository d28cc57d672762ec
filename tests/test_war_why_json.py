"""`foedus war WAR --state STATE --json`: one state's "Why?" on a replayed war's date as an object (the line, where the
state stands, the treaty and article that bind it and whether each is verified: `foedus.war.why.why_record`); and an
ongoing war asked past the day its data ends: replayed to that day, and said so (docs/war.md)."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from fastapi.testclient import TestClient

from foedus.api import replay_war
from foedus.engine.contract import keys_of
from foedus.engine.scenario import Attack
from foedus.errors import DateOutOfRangeError
from foedus.model.world import World
from foedus.war.events import War, WarEvent
from foedus.war.replay import DATA_END, replay
from foedus.war.why import why_on
from samples import cli_line

WAR = "russia_ukraine_2022"
LATE = "2027-01-01"  # after the bundled data's end: nothing about it is known


def _json(args: list[str]) -> dict:  # type: ignore[type-arg]
    code, out, err = cli_line(["war", *args, "--json"])
    assert code == 0, err
    return json.loads(out)  # type: ignore[no-any-return]


def test_a_states_why_as_json_is_its_line_and_what_the_line_rests_on() -> None:
    """Every standing (fighting, bound, both sides, neither) on the first frame with a state bound to both sides:
    `said` is the line the text form prints, `stands` and `side` what the frame says, and a bound state's treaty,
    article and facts (with its membership and the treaty's dates) those of the obligation that binds it (a fact
    verified unless a certainty reason of its kind tags it otherwise); the keys are the contract's
    (docs/json-contract.md `WarWhy`)."""
    from foedus.war.why_record import WarWhy  # new with the JSON form

    replay, world = replay_war(WAR), World.default()
    frame = next(f for f in replay.frames if f.conflicts)
    evaluation = next(e for e in replay.evaluations if e.date == frame.date)
    bound = [s for s in frame.bound if all(s not in side for side in frame.sides.values())]
    cases = [frame.sides["attack"][0], frame.sides["defense"][0], *bound, frame.conflicts[0], "CHE"]
    day = frame.date.isoformat()
    verified = []
    for state in cases:
        out = _json([WAR, "--until", day, "--state", state])
        assert list(out) == [k.name for k in keys_of(WarWhy)]
        assert (out["war"], out["day"], out["state"]) == (WAR, day, state)
        assert out["said"] == why_on(replay, world, state, frame.date)
        assert (out["asked_until"], out["note"]) == (None, None)
        side = next((s for s, states in frame.sides.items() if state in states), None)
        if side:
            assert (out["stands"], out["side"], out["facts"]) == ("fighting", side, [])
        elif state in frame.bound:
            ob = evaluation.bound[state].primary
            b = frame.bound[state]
            assert (out["stands"], out["side"], out["treaty"], out["article"]) == ("bound", b["side"], b["treaty"],
                                                                                  b["article"])
            assert out["certainty"] == ob.certainty and out["certainty_reasons"] == [
                r.to_dict() for r in ob.certainty_reasons]
            kinds = {r.kind for r in ob.certainty_reasons if r.certainty != "verified"}  # a date's: not to the day
            assert out["facts"] == [{"kind": k, "value": v, "verified": k not in kinds}
                                    for k, v in (("treaty", ob.treaty), ("article", ob.article),
                                                 ("validity", ob.article), ("membership", state),
                                                 ("date", ob.treaty))]
            verified += [f["verified"] for f in out["facts"]]
        else:
            stands = "conflict" if state in frame.conflicts else "neither"
            assert (out["stands"], out["side"], out["treaty"], out["facts"]) == (stands, None, None, [])
    assert set(verified) == {True, False}  # the frame has a fact verified and one not: both are said


@pytest.mark.parametrize(("args", "said"), [
    ([WAR, "--state", "Narnia"], "unknown state 'Narnia'"),
    ([WAR, "--until", "2023-01-01", "--state", "Crimea"], "'Crimea' is a place, not a state"),
    ([WAR, "--until", "2021-01-01", "--state", "UKR"], "before the war starts (2022-02-24)"),
    (["july_crisis_1914", "--until", "1914-09-01", "--state", "FRA"], "after the war does (1914-08-04)"),
])
def test_a_state_or_date_it_cannot_read_is_refused_in_one_line_with_json_too(args: list[str], said: str) -> None:
    """With --json an unknown state, a place given as a state or a day outside the war: exit 2, one line on stderr,
    the JSON error envelope on stdout, no traceback."""
    code, out, err = cli_line(["war", *args, "--json"])
    lines = err.strip().splitlines()
    assert (code, len(lines)) == (2, 1), err
    assert said in lines[0] and "Traceback" not in err + out
    assert json.loads(out)["ok"] is False and said in json.loads(out)["error"]


def test_an_ongoing_war_asked_past_its_data_is_answered_for_the_datas_last_day_and_says_so() -> None:
    """An ongoing war asked about a day after its data ends was replayed to that day as if the data held to it
    ("Fighting ... on 2027-01-01"): it is replayed to the data's end, the line is that day's, and one line on stderr
    (and `asked_until`, `note` in the JSON) says where the data ends and that nothing after it is known."""
    replay, world = replay_war(WAR), World.default()
    assert replay.war.end is None and replay.end == DATA_END  # ongoing: the data's end is the bundled data's
    code, out, err = cli_line(["war", WAR, "--until", LATE, "--state", "UKR"])
    assert code == 0 and out == why_on(replay, world, "UKR") + "\n"
    assert f"against Russia (RUS) on {DATA_END} (attacked by Russia (RUS) on 2022-02-24)." in out  # that day's line
    (warning,) = err.strip().splitlines()
    assert warning.startswith(f"warning: {WAR}'s data ends on {DATA_END}") and "nothing after it is known" in warning
    assert warning.endswith(f"not {LATE}")
    got = _json([WAR, "--until", LATE, "--state", "UKR"])
    assert (got["day"], got["asked_until"], got["note"]) == (DATA_END.isoformat(), LATE, warning.removeprefix(
        "warning: "))
    late = replay_war(WAR, until=LATE)
    assert (late.end, late.asked) == (DATA_END, dt.date.fromisoformat(LATE))
    assert late.to_dict() == {**replay.to_dict(), "war": {**replay.to_dict()["war"], "asked_until": LATE}}
    assert replay.to_dict()["war"]["asked_until"] is None
    with pytest.raises(DateOutOfRangeError, match=rf"\(the war's data ends on {DATA_END}: nothing after it is "
                                                  r"known\)$"):
        replay.frame_on(LATE)  # not "replay with until=... to see it": no replay would
    with pytest.raises(DateOutOfRangeError, match=rf"\(the war's data ends on {DATA_END}: nothing after it is "):
        replay_war(WAR, until="2023-01-01").frame_on(LATE)  # a replay cut short, asked past the data's end


def test_the_war_endpoint_asked_past_an_ongoing_wars_data_says_so(api_client: TestClient) -> None:
    """/api/war?until= after an ongoing war's data: the replay to the data's end, `war.asked_until` the day asked."""
    body = api_client.get("/api/war", params={"id": WAR, "until": LATE}).json()
    assert (body["war"]["end"], body["war"]["asked_until"]) == (DATA_END.isoformat(), LATE)
    assert api_client.get("/api/war", params={"id": WAR}).json()["war"]["asked_until"] is None


def test_an_ongoing_wars_data_holds_to_its_last_recorded_event_when_later(world: World) -> None:
    """An ongoing war whose file records an attack after the bundled data's end: that day is its data's last (the
    replay no longer stops at the bundled data's end and drops the attack unsaid), and a day after it is answered
    for it."""
    later, ukr = DATA_END + dt.timedelta(days=40), world.places.home("UKR").id
    war = War("t", "t", (WarEvent(0, "attack", dt.date(2025, 1, 10), attacks=(Attack("RUS", "UKR", ukr, "territory"),)),
                         WarEvent(1, "attack", later, attacks=(Attack("UKR", "RUS", "kursk-oblast", "territory"),))))
    r = replay(war, world)
    assert (r.end, r.asked) == (later, None) and r.frames[-1].date == later
    assert [c["event"] for c in r.frames[-1].changes if c["type"] == "attack"] == [1]  # the later attack is replayed
    cut = replay(war, world, until=later + dt.timedelta(days=1))
    assert (cut.end, cut.asked) == (later, later + dt.timedelta(days=1))


def test_a_bound_states_other_obligations_as_json_are_those_its_line_names() -> None:
    """Kazakhstan on 2024-08-06, bound by the CSTO's art. 4 and also by its 1992 treaty with Russia: `also` gives
    that other obligation with its treaty, article, certainty, reasons and facts (by the rule of `facts`: the treaty
    and the article not verified), as the replay's evaluation of the day binds it; and for every state bound that
    day, the "also ..." part of `said` is `also_said` of `also` (each tagged with the facts its `facts` say are not
    verified), so the line and the object never disagree (docs/war.md, json-contract.md `WarWhyAlso`)."""
    from foedus.war.why import why_record
    from foedus.war.words import also_said

    replay, world, day = replay_war(WAR), World.default(), "2024-08-06"
    evaluation = next(e for e in replay.evaluations if e.date.isoformat() == day)
    out = _json([WAR, "--until", day, "--state", "KAZ"])
    (also,) = out["also"]
    ob = next(o for o in evaluation.bound["KAZ"].also if o.treaty == "rus_kaz_1992")
    assert (out["treaty"], out["article"], also["treaty"], also["treaty_name"]) == (
        "csto_1992", "4", "rus_kaz_1992", "Russia-Kazakhstan 1992")
    assert (out["treaty_name_certainty"], also["treaty_name_certainty"]) == ("verified", "verified")
    assert (also["article"], also["certainty"]) == (ob.article, ob.certainty) == ("unknown (article unverified)",
                                                                                "unverified")
    assert also["certainty_reasons"] == [r.to_dict() for r in ob.certainty_reasons]
    assert also["facts"] == [{"kind": k, "value": v, "verified": k not in ("treaty", "article")}
                             for k, v in (("treaty", "rus_kaz_1992"), ("article", ob.article),
                                          ("validity", ob.article), ("membership", "KAZ"),
                                          ("date", "rus_kaz_1992"))]
    frame = replay.frame_on(day)
    bound = [s for s in frame.bound if all(s not in side for side in frame.sides.values())]
    named = 0
    for state in bound:
        why = why_record(replay, world, state, frame.date).to_dict()
        lines = also_said({"treaty": a["treaty"], "article": a["article"], "certainty": a["certainty"],
                           "doubted": [f["kind"] for f in a["facts"] if not f["verified"]],
                           "levels": _levels(a["certainty_reasons"])} for a in why["also"])
        head = why["said"].removesuffix(".").split("; also ")[0]
        assert why["said"] == head + "".join(f"; {line}" for line in lines) + ".", state
        assert [(a["treaty"], a["article"]) for a in why["also"]] == [
            (o.treaty, o.article) for o in evaluation.bound[state].also]
        named += len(lines)
    assert named >= 2 and why_record(replay, world, "KAZ", frame.date).to_dict() == out


def test_a_bound_states_treaty_name_carries_how_sure_it_is() -> None:
    """`treaty_name` is a plain title where the line says "; name secondary" of an ATOP alliance named from a news page
    (`foedus.cited_names.atop_title`): `treaty_name_certainty` says it (until 2026-12-07 the JSON did not)."""
    from foedus.war.why import name_sure

    world = World.default()
    assert (name_sure(world, "atop_4745"), name_sure(world, "nato_1949"), name_sure(world, "no_such")) == (
        "secondary", "verified", None)


def _levels(reasons: list[dict[str, str]]) -> dict[str, str]:
    """Each kind of fact of a `WarWhyAlso`'s JSON reasons not verified, with its weakest tag (the `levels` its line
    reads: `foedus.engine.doubted_facts.doubt_levels`)."""
    order = ["verified", "secondary", "carried-forward", "unverified", "conflicting"]
    out: dict[str, str] = {}
    for kind in ("treaty", "article", "validity", "membership", "date"):
        tags = [order.index(r["certainty"]) for r in reasons if r["kind"] == kind and r["certainty"] != "verified"]
        if tags:
            out[kind] = order[max(tags)]
    return out


@pytest.mark.parametrize(("day", "state", "attackers"), [
    ("2025-06-22", "IRN", ["ISR", "USA"]), ("2025-06-22", "ISR", ["IRN"]), ("2025-06-22", "USA", []),
    ("2025-06-24", "IRN", []),
])
def test_a_fighting_states_attackers_of_the_day_are_a_field_of_their_own(day: str, state: str,
                                                                          attackers: list[str]) -> None:
    """Whom `said` says a state an attack drew in fights against, the frame's `attacked_by` on the day, is the JSON's
    `attacked_by`, so that a reader need not parse the line: Iran struck by Israel and the United States on 22 June
    2025; Israel, in by its own attack, struck by Iran (its line names its side); the US struck by none; none after
    the ceasefire (`paused`), where the line names those that drew it in (`spell`'s `by`)."""
    out = _json(["israel_iran_2025", "--until", day, "--state", state])
    frame = replay_war("israel_iran_2025").frame_on(dt.date.fromisoformat(day))
    assert out["attacked_by"] == attackers == frame.attacked_by.get(state, [])
    drawn_in = out["spell"]["how"] == "attacked"
    assert out["stands"] == "fighting" and all(f"({a})" in out["said"] for a in attackers if drawn_in)
