"""A war replay's treaty changes say how sure they are, as a leg's certainty is said (`cascade`): the tag of the
facts the change rests on (`certainty`, `certainty_reasons` in JSON; "— unverified facts" after the label in text),
a day known only to the month or year among them."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from foedus.api import cascade, replay_war
from foedus.engine.doubted_facts import doubted
from foedus.engine.scenario import Basis
from foedus.model.treaty import Treaty
from foedus.model.world import World
from foedus.war.changes import treaty_changes
from foedus.war.words import change_text
from samples import replay_text

D = dt.date.fromisoformat


def _change(treaty: Treaty, day: str, what: str, state: str | None = None, names: dict[str, str] | None = None
            ) -> dict[str, object]:
    got = treaty_changes([treaty], "in-force", D(day) - dt.timedelta(days=1), D(day), names or {})
    (change,) = [c for c in got.get(D(day), []) if c.what == what and c.state == state]
    return change.to_dict()


def test_mexicos_rio_exit_is_dated_to_the_month_only(world: World) -> None:
    leaves = _change(world.treaty("tiar_1947"), "2004-09-06", "leaves", "MEX", world.states.names)
    assert leaves["certainty"] == "secondary"  # the month verified, the day ATOP 5.1's (secondary)
    assert [r["fact"] for r in leaves["certainty_reasons"]] == [  # type: ignore[union-attr]
        "tiar_1947: Mexico (MEX) left on 2004-09-06, its day reported, but sure only to the month (month: verified; "
        "day: known from "
        "secondary reporting only)"]


def test_a_verified_change_says_so_with_no_reasons(world: World) -> None:
    in_force = _change(world.treaty("rus_prk_2024"), "2024-12-04", "in-force")
    assert (in_force["certainty"], in_force["certainty_reasons"]) == ("verified", [])


def test_each_kind_of_change_rests_on_its_own_facts() -> None:
    t = Treaty.model_validate({
        "id": "t_z", "name": "Z", "signed": "2000-01-01", "in_force": "2000-06-01", "certainty": "secondary",
        "in_force_certainty": {"within": "year"}, "sources": [{"url": "https://example.org/z"}],
        "members": [{"state": "AAA"},
                    {"state": "BBB", "joined": "2001-03-10", "joined_certainty": {"within": "month"},
                     "certainty": "unverified", "left": "2004-01-01"},
                    {"state": "BBB", "joined": "2004-01-01", "certainty": "conflicting"},
                    {"state": "CCC", "suspended": [{
                        "start": "2002-05-02", "end": "2003-01-01", "certainty": "unverified",
                        "start_certainty": {"within": "year", "certainty": "secondary"}}]}]})
    facts = {what: (c["certainty"], [r["fact"] for r in c["certainty_reasons"]])  # type: ignore[attr-defined]
             for what, c in (("in-force", _change(t, "2000-06-01", "in-force")),
                             ("joins", _change(t, "2001-03-10", "joins", "BBB")),
                             ("continues", _change(t, "2004-01-01", "continues", "BBB")),
                             ("suspended", _change(t, "2002-05-02", "suspended", "CCC")),
                             ("restored", _change(t, "2003-01-01", "restored", "CCC")))}
    assert facts == {
        "in-force": ("unverified", ["t_z: the treaty's standing (known from secondary reporting only)",
                                    "t_z: the treaty entered into force on 2000-06-01, known only to the year "
                                    "(day: not verified)"]),
        "joins": ("unverified", ["t_z: BBB is a party (not verified)",
                                 "t_z: BBB became a party on 2001-03-10, known only to the month (day: not verified)"]),
        "continues": ("conflicting", ["t_z: BBB is a party (not verified)",
                                      "t_z: BBB, a party before 2004-01-01, stays one from that day on "
                                      "(sources conflict)"]),
        "suspended": ("unverified", ["t_z: CCC's suspension from 2002-05-02 (not verified)",
                                     "t_z: CCC's suspension began on 2002-05-02, its day reported, but sure only to "
                                     "the year "
                                     "(day: known from secondary reporting only)"]),
        "restored": ("unverified", ["t_z: CCC's suspension from 2002-05-02 (not verified)"]),
    }


@pytest.fixture(scope="module")
def rio_war(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """A made-up attack on Mexico in 2004, replayed on the bundled treaties only: the Rio Treaty binds its parties
    to Mexico until its exit (effective Sep 2004), which releases them."""
    return replay_text(tmp_path_factory.mktemp("war"),
                       "id: rio_test\nname: Rio test\nend: 2004-12-31\nsources: [{url: 'https://example.org/w'}]\n"
                       "events:\n  - {type: attack, date: 2004-08-01, attacker: CUB, victim: MEX}\n",
                       world=World.load(history=False))


def test_the_replay_says_how_sure_a_treaty_change_that_moved_a_state_is(rio_war, capsys, monkeypatch  # type: ignore[no-untyped-def]
                                                                         ) -> None:
    from foedus.war.render import print_replay

    (frame,) = [f for f in rio_war.frames if f.date == D("2004-09-06")]
    usa = next(m for m in frame.moved if m["state"] == "USA")
    assert (usa["from"], usa["to"], usa["cause"]["change"], usa["cause"]["certainty"]) == (
        "bound-defense", "out", "leaves", "secondary")
    monkeypatch.setenv("COLUMNS", "250")
    print_replay(rio_war)
    text = capsys.readouterr().out
    assert ("United States (USA): bound to defend Mexico (MEX) against Cuba (CUB) → out  (Mexico (MEX) leaves "
            "tiar_1947 — secondary facts)") in text
    # an event has no certainty to say
    assert ("United States (USA): out → bound to defend Mexico (MEX) against Cuba (CUB)  (Cuba (CUB) attacks Mexico "
            "(MEX))") in text


def test_a_change_names_its_states_as_they_were_called_on_its_day(world: World) -> None:
    """A replay's treaty changes are made once for all dates; their reasons named every state by today's name
    ("Russia (RUS) joined on 1955-05-14") however old the change. Given the names of a day (`names_on`), each
    change's reasons name the states as on its own day."""
    t = Treaty.model_validate({
        "id": "t_w", "name": "W", "signed": "1955-05-01", "in_force": "1955-05-01", "certainty": "verified",
        "sources": [{"url": "https://example.org/w"}],
        "members": [{"state": "POL"}, {"state": "RUS", "joined": "1955-05-14", "joined_certainty": {"within": "month"},
                                        "left": "1995-01-01", "left_certainty": {"within": "year"}}],
        "provisions": [{"kind": "defense", "article": "4", "strength": "S2"}]})
    got = treaty_changes([t], "in-force", D("1955-01-01"), D("1996-01-01"), world.states.names_on)
    joins, leaves = (next(c.to_dict() for c in got[D(day)] if c.what == what)
                     for day, what in (("1955-05-14", "joins"), ("1995-01-01", "leaves")))
    assert any("Soviet Union (RUS)" in r["fact"] for r in joins["certainty_reasons"]), joins  # type: ignore[union-attr]
    assert any("Russia (RUS)" in r["fact"] for r in leaves["certainty_reasons"]), leaves  # type: ignore[union-attr]
    assert treaty_changes([t], "in-force", D("1955-01-01"), D("1996-01-01"), world.states.names) != got


def _fra_grc(bound: dict[str, dict[str, object]]) -> str:
    fra = bound["FRA"]
    (said,) = [o for o in (fra, *fra["also"]) if o["treaty"] == "fra_grc_2021"]  # type: ignore[misc]
    return str(said["certainty"])


def test_a_renewal_resting_on_other_facts_is_a_change_the_replay_reads(tmp_path: Path) -> None:
    """France-Greece's Art. 2 is renewed on 2026-10-07, its renewal not verified: a war of Turkey on Greece from 1
    Dec 2025 replayed to 2026-11-01 makes a frame that day (the clause goes on applying, on other facts), so its
    last frame says France's duty is as sure as a cascade on 2026-11-01 says, not its frame of January's."""
    world = World.load(history=False)
    r = replay_text(tmp_path, "id: tur_grc\nname: Turkey on Greece\nend: 2026-11-01\nsources: [{url: "
                    "'https://example.org/w'}]\nevents:\n  - {type: attack, date: 2025-12-01, attacker: TUR, "
                    "victim: GRC}\n", world=world)
    joiner = cascade("TUR", "GRC", "2026-11-01", world=world).joiner("FRA")
    assert joiner is not None
    (owed,) = [o for o in (joiner.primary, *joiner.also) if o.treaty == "fra_grc_2021"]
    last = r.frames[-1]
    assert owed.certainty == "unverified" and _fra_grc(last.bound) == owed.certainty
    assert _fra_grc(r.frames[-2].bound) == "secondary"  # the term, before it
    assert last.date == D("2026-10-07")
    (change,) = [c for c in last.changes if c.get("treaty") == "fra_grc_2021"]
    assert (change["change"], change["article"], change["certainty"]) == ("clause-continues", "2", "unverified")
    assert change["label"] == "fra_grc_2021 art. 2 goes on applying, resting on other facts"
    assert any("applies from 2026-10-07" in x["fact"] for x in change["certainty_reasons"])


def _renewed(**renewal: object) -> Treaty:
    duty = {"kind": "defense", "article": "1", "strength": "S2"}
    return Treaty.model_validate({
        "id": "t_r", "name": "R", "signed": "2000-01-01", "in_force": "2000-01-01", "type": "bilateral",
        "sources": [{"url": "https://example.org/r"}], "members": [{"state": "AAA"}, {"state": "BBB"}],
        "provisions": [{**duty, "valid": {"start": "2000-01-01", "end": "2010-01-01"}, "note": "the term"},
                       {**duty, "valid": {"start": "2010-01-01", **renewal}, "note": "the renewal"}]})


def test_a_renewal_on_the_same_facts_is_no_change_and_on_other_facts_one() -> None:
    """A term and its renewal from the day it ends, both verified to the day: the duty rests on the same facts
    across the day, no change; the renewal not verified, or its first day known only to the month: one change,
    resting on the facts of both clauses."""
    def changed(pact: Treaty) -> list[tuple[str, str, str | None, str, list[str]]]:
        found = treaty_changes([pact], "in-force", D("2000-01-01"), D("2020-01-01"), {})
        return [(str(day), c.what, c.article, c.certainty, [r.fact for r in c.reasons])
                for day, cs in found.items() for c in cs]

    assert changed(_renewed()) == []
    assert changed(_renewed(certainty="secondary", source="https://example.org/renewal")) == [
        ("2010-01-01", "clause-continues", "1", "secondary",
         ["t_r art. 1: that it applies from 2010-01-01 (known from secondary reporting only)"])]
    monthly = ["t_r: art. 1 applies from 2010-01-01, known only to the month (day: not verified)"]
    assert changed(_renewed(start_certainty={"within": "month"})) == [  # and where its window closes, on 31 Jan
        ("2010-01-01", "clause-continues", "1", "unverified", monthly),
        ("2010-01-31", "clause-continues", "1", "unverified", monthly)]


_DUTY = {"kind": "defense", "article": "1", "strength": "S2"}


def _pact(tmp_path: Path, provisions: list[dict[str, object]], members: list[dict[str, object]]) -> World:
    """A made-up France-Greece pact, alone in a world (no bundled treaty, no ATOP history)."""
    path = tmp_path / "t_o.yaml"
    path.write_text(json.dumps({"id": "t_o", "name": "O", "signed": "2000-01-01", "in_force": "2000-01-01",
                                "type": "bilateral", "sources": [{"url": "https://example.org/o"}],
                                "members": members, "provisions": provisions}), encoding="utf-8")
    return World.load(path, bundled=False, history=False)


def _replayed_as_cascaded(tmp_path: Path, world: World, basis: Basis, days: list[dt.date]) -> list[str | None]:
    """Turkey on Greece from 1 Dec 2009, replayed to 1 Jul 2010: on each of `days`, the frame in force then (the
    last one dated on or before it) says France's duty as a cascade on that day does (treaty, article, certainty,
    the facts not verified; none where the cascade binds France to nothing); the cascade's certainty of it on each
    day (None where none), returned."""
    war = tmp_path / "tur_grc.yaml"
    war.write_text("id: tur_grc\nname: Turkey on Greece\nend: 2010-07-01\nsources: [{url: 'https://example.org/w'}]"
                   "\nevents:\n  - {type: attack, date: 2009-12-01, attacker: TUR, victim: GRC}\n", encoding="utf-8")
    r = replay_war(war, world=world, basis=basis)
    said = []
    for day in days:
        frame = [f for f in r.frames if f.date <= day][-1]
        j = cascade("TUR", "GRC", day, world=world, basis=basis).joiner("FRA")
        if j is None:
            assert "FRA" not in frame.bound, (day, frame.date)
            said.append(None)
            continue
        owed = j.primary
        got = frame.bound["FRA"]
        assert (got["treaty"], got["article"], got["certainty"], got["doubted"]) == (
            owed.treaty, owed.article, owed.certainty, list(doubted(owed.certainty_reasons))), (day, frame.date)
        said.append(owed.certainty)
    return said


def _around(*days: str) -> list[dt.date]:
    return [D(d) + dt.timedelta(days=k) for d in days for k in range(-2, 3)]


@pytest.mark.parametrize("renewal_first", [False, True])
def test_a_renewal_overlapping_its_term_makes_a_frame_where_the_cascade_cites_it(tmp_path: Path,
                                                                                 renewal_first: bool) -> None:
    """A term to 1 Jun 2010 and its renewal from 1 Jan 2010, not verified: the cascade cites the one listed first
    while both apply, so the duty rests on the renewal's facts from the term's end (the term listed first) or from
    the renewal's start (listed first); the replay makes a frame that day (`clause-continues`), its facts a
    cascade's on every day around both; a renewal on the same facts makes no change."""
    term = {**_DUTY, "valid": {"start": "2000-01-01", "end": "2010-06-01"}, "note": "the term"}
    renewal = {**_DUTY, "valid": {"start": "2010-01-01", "certainty": "secondary",
                                  "source": "https://example.org/renewal"}, "note": "the renewal"}
    world = _pact(tmp_path, [renewal, term] if renewal_first else [term, renewal], [{"state": "FRA"},
                                                                                     {"state": "GRC"}])
    days = _around("2010-01-01", "2010-06-01")
    said = _replayed_as_cascaded(tmp_path, world, "in-force", days)
    handover = D("2010-01-01") if renewal_first else D("2010-06-01")
    assert said == ["verified" if day < handover else "secondary" for day in days]  # the cascade changes then
    found = treaty_changes([world.treaty("t_o")], "in-force", D("2000-01-01"), D("2020-01-01"), {})
    assert [(str(d), c.what, c.article, c.certainty) for d, cs in found.items() for c in cs] == [
        (str(handover), "clause-continues", "1", "secondary")]
    same = _pact(tmp_path, [{**renewal, "valid": {"start": "2010-01-01"}}, term], [{"state": "FRA"},
                                                                                   {"state": "GRC"}])
    assert treaty_changes([same.treaty("t_o")], "in-force", D("2000-01-01"), D("2020-01-01"), {}) == {}


@pytest.mark.parametrize("sure_first", [True, False])
def test_a_membership_overlapping_another_continues_where_the_cascade_reads_other_facts(tmp_path: Path,
                                                                                        sure_first: bool) -> None:
    """Greece's second row, signed 1 Jan 2010 while its first runs to 1 Jun 2010, overlaps it on the signed basis:
    Greece neither joins then nor leaves on 1 Jun; its membership rests on the facts of both rows while both
    cover it (the cascade reads every row that covers the day), on the second's alone after. Where that changes
    the facts (the second row not verified: from its signature; the first: at its end) the replay makes a frame,
    the membership `continues`, its facts a cascade's on every day around both days; where it does not, no change."""
    doubt = {"certainty": "secondary", "source": "https://example.org/row"}
    first = {"state": "GRC", "left": "2010-06-01", **({} if sure_first else doubt)}
    second = {"state": "GRC", "signed": "2010-01-01", "joined": "2011-01-01", **(doubt if sure_first else {})}
    world = _pact(tmp_path, [_DUTY], [{"state": "FRA"}, first, second])
    days = _around("2010-01-01", "2010-06-01")
    said = _replayed_as_cascaded(tmp_path, world, "signed", days)
    moved = D("2010-01-01") if sure_first else D("2010-06-01")
    was, now = ("verified", "secondary") if sure_first else ("secondary", "verified")
    assert said == [was if day < moved else now for day in days]  # the cascade changes then
    found = treaty_changes([world.treaty("t_o")], "signed", D("2000-01-01"), D("2020-01-01"), {})
    assert [(str(d), c.what, c.state) for d, cs in found.items() for c in cs] == [(str(moved), "continues", "GRC")]
    assert found[moved][0].label == "GRC stays a party to t_o, its membership resting on other facts"
    assert [r.fact for r in found[moved][0].reasons] == ["t_o: GRC is a party (known from secondary reporting only)"]
    # the text says which facts it rests on from that day: the second row's, or (the first, doubted, ending) none
    assert change_text(found[moved][0].to_dict(), {"GRC": "Greece"}) == (
        "Greece (GRC) stays a party to t_o, its membership resting on " + (
            "other facts from that day: GRC is a party (known from secondary reporting only)" if sure_first
            else "verified facts from that day"))
    alike = _pact(tmp_path, [_DUTY], [{"state": "FRA"}, {**first, **doubt}, {**second, **doubt}])
    assert treaty_changes([alike.treaty("t_o")], "signed", D("2000-01-01"), D("2020-01-01"), {}) == {}


def test_the_replay_makes_a_frame_where_a_window_of_a_day_known_less_than_to_the_day_opens_or_closes(
        tmp_path: Path) -> None:
    """Greece's accession known to the week (28 Nov 2009: from 21 Nov to 5 Dec), the clause's first day to the year
    (15 Jun 2009: to 31 Dec) and the treaty's end to the year (1 Aug 2010: from 2 Jan 2010), all inside Turkey's war
    on Greece: the cascade's facts of France's duty change where each window opens or closes (5 Dec, 31 Dec, 2 Jan),
    on no recorded day; the timeline makes a change on each (the membership or the clause goes on, on other facts),
    so the replay's frame says, on every day around them, what a cascade on that day says."""
    path = tmp_path / "t_o.yaml"
    path.write_text(json.dumps({
        "id": "t_o", "name": "O", "signed": "2000-01-01", "in_force": "2000-01-01", "type": "bilateral",
        "terminated": "2010-08-01", "terminated_certainty": {"within": "year", "certainty": "secondary"},
        "sources": [{"url": "https://example.org/o"}],
        "members": [{"state": "FRA"}, {"state": "GRC", "joined": "2009-11-28", "joined_certainty": {"within": "week"}}],
        "provisions": [{**_DUTY, "valid": {"start": "2009-06-15", "start_certainty": {"within": "year"}}}]}),
        encoding="utf-8")
    world = World.load(path, bundled=False, history=False)
    days = _around("2009-12-05", "2009-12-31", "2010-01-02")
    said = _replayed_as_cascaded(tmp_path, world, "in-force", days)
    # the week's end changes the facts, not the tag (`doubted` says which, compared above); the year's end of the
    # clause's first day leaves it verified; the treaty's end, secondary, from its window's first day
    assert said == ["unverified"] * 7 + ["verified"] * 2 + ["secondary", "verified", "verified"] + ["secondary"] * 3
    found = treaty_changes([world.treaty("t_o")], "in-force", D("2009-12-01"), D("2010-07-01"), {})
    assert [(str(d), c.what, c.state, c.article) for d, cs in found.items() for c in cs] == [
        ("2009-12-05", "continues", "GRC", None), ("2009-12-31", "clause-continues", None, "1"),
        ("2010-01-02", "clause-continues", None, "1")]
    # each change rests on the facts of both days (the window's day among them)
    assert any("sure only to the year" in r.fact for r in found[D("2010-01-02")][0].reasons)


def test_the_replay_makes_a_frame_where_a_window_of_a_duty_s_own_suspension_opens_or_closes(tmp_path: Path) -> None:
    """France's duty to Greece alone (not Greece's to France) suspended from 1 Jun 2009 to 10 Feb 2010, its end
    known only to the month, and again from 20 Apr 2010, its start known only to the month: the cascade's facts of
    France's duty change where the first window closes (1 Mar: restored whatever the day) and the second opens (1
    Apr: it may be suspended), on no recorded day; the timeline makes a change on each (the duty goes on, on other
    facts: `leg-continues`), so the replay's frame says, on every day around them, what a cascade on that day
    says."""
    legs = [{"obligor": "FRA", "beneficiary": "GRC", "span": {"start": "2009-06-01", "end": "2010-02-10",
                                                              "end_certainty": {"within": "month"}}},
            {"obligor": "FRA", "beneficiary": "GRC", "span": {"start": "2010-04-20",
                                                              "start_certainty": {"within": "month"}}}]
    world = _pact(tmp_path, [{**_DUTY, "suspensions": legs}], [{"state": "FRA"}, {"state": "GRC"}])
    days = _around("2010-03-01", "2010-04-01")
    said = _replayed_as_cascaded(tmp_path, world, "in-force", days)
    assert said == ["unverified"] * 2 + ["verified"] * 5 + ["unverified"] * 3  # the cascade changes on both days
    found = treaty_changes([world.treaty("t_o")], "in-force", D("2009-12-01"), D("2010-07-01"), {})
    assert [(str(d), c.what, c.state, c.article) for d, cs in found.items() for c in cs] == [
        ("2010-02-10", "leg-restored", "FRA", "1"), ("2010-03-01", "leg-continues", "FRA", "1"),
        ("2010-04-01", "leg-continues", "FRA", "1"), ("2010-04-20", "leg-suspended", "FRA", "1")]
    (closes,), (opens,) = found[D("2010-03-01")], found[D("2010-04-01")]
    assert closes.label == "t_o art. 1: FRA's duty goes on, resting on other facts"
    # the text says the facts of the day itself: none once the first suspension has surely ended; the second's start
    assert change_text(closes.to_dict(), {}) == (
        "t_o art. 1: FRA's duty goes on, resting on verified facts from that day")
    assert change_text(opens.to_dict(), {}) == (
        "t_o art. 1: FRA's duty goes on, resting on other facts from that day: the suspension of FRA's duty to GRC "
        "under art. 1 began on 2010-04-20, known only to the month (day: not verified)")
    # each rests on the facts of both days: the window's day among them
    assert [r.fact for r in closes.reasons] == [
        "t_o: the suspension of FRA's duty to GRC under art. 1 ended on 2010-02-10, known only to the month "
        "(day: not verified)"]
    assert [r.fact for r in opens.reasons] == [
        "t_o: the suspension of FRA's duty to GRC under art. 1 began on 2010-04-20, known only to the month "
        "(day: not verified)"]


@pytest.mark.parametrize("sure_first", [True, False])
def test_two_rows_of_a_state_beginning_on_one_day_make_one_change_on_the_facts_of_both(tmp_path: Path,
                                                                                    sure_first: bool) -> None:
    """Greece's two rows, each signed on 1 Mar 2010, one on secondary reports to 1 Apr and one unverified from then
    (on the signed basis both begin on 1 Mar): Greece joins once that day, not once a row, the change resting on
    the facts of both rows, in the treaty's order of them, so the replay's frame lists one change."""
    rows = [{"state": "GRC", "signed": "2010-03-01", "joined": "2010-03-01", "left": "2010-04-01",
             "certainty": "secondary", "source": "https://example.org/a"},
            {"state": "GRC", "signed": "2010-03-01", "joined": "2010-04-01", "certainty": "unverified",
             "source": "https://example.org/b"}]
    world = _pact(tmp_path, [_DUTY], [{"state": "FRA"}, *(rows if sure_first else rows[::-1])])
    found = treaty_changes([world.treaty("t_o")], "signed", D("2000-01-01"), D("2020-01-01"), {})
    assert [(str(d), c.what, c.state) for d, cs in found.items() for c in cs] == [
        ("2010-03-01", "joins", "GRC"), ("2010-04-01", "continues", "GRC")]
    facts = ["t_o: GRC is a party (known from secondary reporting only)",
             "t_o: GRC, a party before 2010-04-01, stays one from that day on (not verified)"]
    (joins,) = found[D("2010-03-01")]
    assert [r.fact for r in joins.reasons] == (facts if sure_first else facts[::-1])
    assert joins.certainty == "unverified"


def test_a_row_beginning_inside_another_of_its_state_still_makes_its_own_exit_and_suspension(tmp_path: Path
                                                                                              ) -> None:
    """Greece's second row, signed 1 Jan 2010, begins then on the signed basis, while its first (to 1 Mar) still
    covers it: Greece joins no second time, but the second row's own suspension (15 Mar to 1 Apr 2010) and exit
    (1 May) are changes all the same, so the replay's frame says, on every day around them, what a cascade on that
    day says (France bound to Greece, not while Greece is suspended, nor once it has left)."""
    rows = [{"state": "GRC", "left": "2010-03-01"},
            {"state": "GRC", "signed": "2010-01-01", "joined": "2010-03-01", "left": "2010-05-01",
             "suspended": [{"start": "2010-03-15", "end": "2010-04-01"}]}]
    world = _pact(tmp_path, [_DUTY], [{"state": "FRA"}, *rows])
    days = _around("2010-03-15", "2010-04-01", "2010-05-01")
    said = _replayed_as_cascaded(tmp_path, world, "signed", days)
    assert said == ["verified"] * 2 + [None] * 5 + ["verified"] * 5 + [None] * 3  # the cascade changes then
    found = treaty_changes([world.treaty("t_o")], "signed", D("2000-01-01"), D("2020-01-01"), {})
    assert [(str(d), c.what, c.state) for d, cs in found.items() for c in cs] == [
        ("2010-03-15", "suspended", "GRC"), ("2010-04-01", "restored", "GRC"), ("2010-05-01", "leaves", "GRC")]


def test_a_freeze_starting_or_ending_makes_a_frame_where_the_cascade_reads_it(tmp_path: Path) -> None:
    """Greece's participation frozen from 1 Mar to 1 May 2010 (still a party, bound and owed): the cascade's facts of
    France's duty to it gain the freeze while it lasts (secondary at best), so the replay makes a frame on the day
    it starts (`frozen`) and the day it ends (`unfrozen`), each resting on the facts of both days, its frame saying
    on every day around them what a cascade on that day says; a freeze starting the day Greece joins is no change
    of its own (Greece joins then)."""
    freeze = {"start": "2010-03-01", "end": "2010-05-01", "source": "https://example.org/freeze"}
    world = _pact(tmp_path, [_DUTY], [{"state": "FRA"}, {"state": "GRC", "frozen": [freeze]}])
    days = _around("2010-03-01", "2010-05-01")
    said = _replayed_as_cascaded(tmp_path, world, "in-force", days)
    assert said == ["verified"] * 2 + ["secondary"] * 5 + ["verified"] * 3  # the cascade changes on both days
    found = treaty_changes([world.treaty("t_o")], "in-force", D("2000-01-01"), D("2020-01-01"), {})
    assert [(str(d), c.what, c.state, c.certainty) for d, cs in found.items() for c in cs] == [
        ("2010-03-01", "frozen", "GRC", "secondary"), ("2010-05-01", "unfrozen", "GRC", "secondary")]
    (starts,), (ends,) = found[D("2010-03-01")], found[D("2010-05-01")]
    assert starts.label == "GRC's participation in t_o is frozen (still a party)"
    assert ends.label == "GRC's participation in t_o is no longer frozen"
    assert [r.kind for r in starts.reasons] == [r.kind for r in ends.reasons] == ["freeze"]
    joining = _pact(tmp_path, [_DUTY], [{"state": "FRA"}, {"state": "GRC", "joined": "2010-03-01",
                                                           "frozen": [{**freeze, "end": None}]}])
    found = treaty_changes([joining.treaty("t_o")], "in-force", D("2000-01-01"), D("2020-01-01"), {})
    assert [(str(d), c.what, c.state) for d, cs in found.items() for c in cs] == [("2010-03-01", "joins", "GRC")]


@pytest.mark.parametrize("sure_first", [True, False])
def test_two_clauses_of_an_article_starting_on_one_day_make_one_change_on_the_facts_of_both(
        tmp_path: Path, sure_first: bool) -> None:
    """Two clauses of art. 1 (a defence duty and a consultation), both from 1 Mar to 1 May 2010, one on secondary
    reports and one unverified: the article starts to apply once that day, not once a clause, and stops once, each
    change resting on the facts of both clauses in the treaty's order of them, so the replay's frame lists one
    change, and says on every day around them what a cascade on that day says."""
    span = {"start": "2010-03-01", "end": "2010-05-01"}
    clauses = [{**_DUTY, "valid": {**span, "certainty": "secondary", "source": "https://example.org/a"}},
               {**_DUTY, "kind": "consultation", "valid": {**span, "certainty": "unverified",
                                                           "source": "https://example.org/b"}}]
    world = _pact(tmp_path, clauses if sure_first else clauses[::-1], [{"state": "FRA"}, {"state": "GRC"}])
    days = _around("2010-03-01", "2010-05-01")
    assert _replayed_as_cascaded(tmp_path, world, "in-force", days) == (
        [None] * 2 + ["secondary"] * 5 + [None] * 3)
    found = treaty_changes([world.treaty("t_o")], "in-force", D("2000-01-01"), D("2020-01-01"), {})
    assert [(str(d), c.what, c.article) for d, cs in found.items() for c in cs] == [
        ("2010-03-01", "clause-starts", "1"), ("2010-05-01", "clause-ends", "1")]
    facts = [("https://example.org/a", "secondary"), ("https://example.org/b", "unverified")]
    for (change,) in found.values():
        assert [(r.source, r.certainty) for r in change.reasons] == (facts if sure_first else facts[::-1])
        assert all(r.fact.startswith("t_o art. 1: that it applies from 2010-03-01") for r in change.reasons)
        assert change.certainty == "unverified"
