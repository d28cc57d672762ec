"""A clause's span (`Provision.valid`) dated less than to the day is read as a member's accession and exit are.

Inside the window of its first day a duty the clause gives rests on that day, and a clause left out by its span is
a doubt; inside the window of its end, the same the other way (docs/certainty.md). The CSTO's Art. 4, amended by the
2010 protocol whose entry into force (19 Dec 2012) comes from a secondary source, is the curated case; made-up
treaties check the rule.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pydantic import ValidationError

import foedus
from foedus.engine.certainty import party_facts
from foedus.engine.doubts import doubts
from foedus.engine.scenario import Basis
from foedus.engine.table import compile_table
from foedus.model.overlay_changes import DropTreaty
from foedus.model.treaty import DateCertainty, Treaty
from foedus.model.vocab import Kind
from foedus.war.changes import treaty_changes

CURATED = foedus.World.load(history=False)
D = dt.date.fromisoformat
KZ = "https://zakonpravo.kz/en/on-ratification-of-the-protocol-on-amendments-to-the-collective-security-treaty-of-may-15-1992"
SWITCH = "the true date may be anywhere from 2010-12-10 to 2013-12-31 (day: known from secondary reporting only)"


def _csto(day: str, requested: bool = True) -> tuple[list[tuple[str, list[str]]], list[str]]:
    """Russia's CSTO duties to Armenia attacked by Azerbaijan on `day` (level, date reasons), kept or withheld, and
    the CSTO's doubts."""
    r = foedus.cascade("AZE", "ARM", day, world=CURATED, requested=requested)
    j = r.joiner("RUS")
    found = [(o.certainty, o.certainty_reasons) for o in ((j.primary, *j.also) if j else ()) if o.treaty == "csto_1992"]
    found += [(w.certainty, w.certainty_reasons) for w in r.withheld if w.state == "RUS" and w.treaty == "csto_1992"]
    assert found, f"no CSTO duty of Russia on {day}"
    dated = [(level, [x.fact for x in why if x.kind == "date"]) for level, why in found]
    return dated, [d.fact for d in r.doubts if d.treaty == "csto_1992"]


@pytest.mark.parametrize("requested", [True, False])
def test_csto_duty_in_early_2013_rests_on_the_protocols_entry_into_force(requested: bool) -> None:
    """Asked for or not (then withheld by the request gate), the amended Art. 4 may not yet apply on 15 Jan 2013:
    the duty is no surer than the day's secondary source, and the 1992 wording may still apply: a doubt where help
    is not asked for, since the 1992 Art. 4 needs no request and would bind Russia and the others; asked for, the
    amended one binds them as the 1992 one would, and the doubt could change nothing (`doubt_reach`)."""
    dated, doubted = _csto("2013-01-15", requested)
    assert dated == [("secondary", [f"csto_1992: art. 4 applies from 2012-12-19, {SWITCH}"])]
    assert doubted == ([] if requested else [f"csto_1992: art. 4 stops applying on 2012-12-19, {SWITCH}; it may "
                                             "still have applied on 2013-01-15"])


@pytest.mark.parametrize("kind", ["requested", "incursion"])
def test_the_1992_wording_is_a_doubt_only_where_it_would_bind_more(kind: str) -> None:
    """Azerbaijan on Armenia, 15 Jan 2013: the 1992 Art. 4 (aggression, no request) may still apply. Without a
    request, or for an incursion (below the amended clause's armed attack), it would bind Belarus, Kazakhstan,
    Kyrgyzstan, Russia and Tajikistan: the doubt is listed, and concerns them."""
    switch = {"requested": False} if kind == "requested" else {"severity": "incursion"}
    r = foedus.cascade("AZE", "ARM", "2013-01-15", world=CURATED, **switch)  # type: ignore[arg-type]
    assert [(d.state, d.concerns) for d in r.doubts] == [(None, ("BLR", "KAZ", "KGZ", "RUS", "TJK"))]
    assert not foedus.cascade("AZE", "ARM", "2013-01-15", world=CURATED).doubts


@pytest.mark.parametrize("requested", [True, False])
def test_csto_duty_in_2012_rests_on_the_same_day_from_the_other_side(requested: bool) -> None:
    """On 1 Jun 2012 the 1992 Art. 4 applies by the record, but the protocol may already have replaced it: no
    doubt, since the amended Art. 4 beside it (asked for, an armed attack) would bind no one the 1992 one does not."""
    dated, doubted = _csto("2012-06-01", requested)
    assert dated == [("secondary", [f"csto_1992: art. 4 stops applying on 2012-12-19, {SWITCH}"])]
    assert doubted == []


@pytest.mark.parametrize(("day", "level"), [("2005-06-01", "verified"), ("2010-12-09", "verified"),
                                            ("2014-01-01", "secondary"), ("2015-06-01", "secondary")])
def test_csto_duty_outside_the_window_is_as_before(day: str, level: str) -> None:
    """Before the protocol's signature and after 2013 the switch's day does not matter: a duty asked for is as sure
    as its clause, the 1992 wording verified, the amended one secondary (its text known from secondary quotes)."""
    assert _csto(day) == ([(level, [])], [])


def test_csto_reason_cites_the_ratification_law() -> None:
    r = foedus.cascade("AZE", "ARM", "2013-01-15", world=CURATED)
    j = r.joiner("RUS")
    assert j is not None
    (o,) = [o for o in (j.primary, *j.also) if o.treaty == "csto_1992"]
    assert [x.source for x in o.certainty_reasons if x.kind == "date"] == [KZ]


def pact(**valid: Any) -> Treaty:
    """A made-up pact whose only clause applies over the span `valid`."""
    return Treaty.model_validate({
        "id": "test_pact", "name": "Test pact", "signed": "1950-01-01", "in_force": "1950-01-01",
        "type": "bilateral", "sources": [{"url": "https://example.org/pact"}],
        "members": [{"state": "AAA"}, {"state": "BBB"}],
        "provisions": [{"kind": "defense", "article": "1", "strength": "S2", "valid": valid}]})


MONTHS = pact(start="1960-03-15", end="1970-06-01", start_certainty={"within": "month"},
              end_certainty={"within": "month", "certainty": "secondary"})


@pytest.mark.parametrize(("day", "said", "doubted"), [
    ("1960-02-29", [], []),
    ("1960-03-01", [], ["test_pact: art. 1 applies from 1960-03-15, known only to the month (day: not verified); "
                        "it may already have applied on 1960-03-01"]),
    ("1960-03-15", ["test_pact: art. 1 applies from 1960-03-15, known only to the month (day: not verified)"], []),
    ("1960-03-30", ["test_pact: art. 1 applies from 1960-03-15, known only to the month (day: not verified)"], []),
    ("1960-03-31", [], []),
    ("1970-05-01", [], []),  # the last day in is in May: the clause applies on the 1st whatever the day
    ("1970-05-02", ["test_pact: art. 1 stops applying on 1970-06-01, its day reported, but sure only to the month "
                    "(day: known from "
                    "secondary reporting only)"], []),
    ("1970-06-01", [], []),
])
def test_a_clause_known_to_the_month_is_unsure_inside_it(day: str, said: list[str], doubted: list[str]) -> None:
    """The rule on a made-up clause: reasons while it applies, doubts while it does not, inside each window only."""
    applies = MONTHS.provisions[0].valid
    assert applies is not None
    if applies.covers(D(day)):
        sure = party_facts(MONTHS, MONTHS.provisions[0], "AAA", "BBB", D(day), names={})
        assert [r.fact for r in sure.reasons if r.kind == "date"] == said
    assert [d.fact for d, _ in doubts([MONTHS], D(day), names={})] == doubted


@pytest.mark.parametrize(("day", "doubted"), [("1949-12-31", False), ("1950-01-05", True)])
def test_a_clause_window_never_reaches_before_the_signature(day: str, doubted: bool) -> None:
    """A stand-in's year before it stops at the treaty's signature (1 Jan 1950), as an accession's does."""
    early = pact(start="1950-01-20", start_certainty={"within": "stand-in"})
    assert bool(doubts([early], D(day), names={})) is doubted


def test_the_war_replay_says_how_a_clause_day_is_known() -> None:
    """On each recorded day, and where each window closes (the first day's: 31 Mar 1960) or opens (the last day's:
    2 May 1970) the clause goes on applying on other facts (`foedus.war.window_changes`), as the reasons above do."""
    changes = treaty_changes([MONTHS], "in-force", D("1955-01-01"), D("1975-01-01"), {})
    said = [(str(day), c.what, [r.fact for r in c.reasons]) for day, cs in changes.items() for c in cs]
    starts = "test_pact: art. 1 applies from 1960-03-15, known only to the month (day: not verified)"
    ends = ("test_pact: art. 1 stops applying on 1970-06-01, its day reported, but sure only to the month (day: "
            "known from secondary "
            "reporting only)")
    assert said == [("1960-03-15", "clause-starts", [starts]), ("1960-03-31", "clause-continues", [starts]),
                    ("1970-05-02", "clause-continues", [ends]), ("1970-06-01", "clause-ends", [ends])]


def test_effective_on_a_clause_start_is_refused() -> None:
    with pytest.raises(ValidationError, match=r"provisions\[0\]\.valid\.start_certainty: effective is read only"):
        pact(start="1960-03-15", start_certainty={"within": "month", "effective": True})


LEG = Treaty.model_validate({
    "id": "test_pact", "name": "Test pact", "signed": "1950-01-01", "in_force": "1950-01-01",
    "type": "bilateral", "sources": [{"url": "https://example.org/pact"}],
    "members": [{"state": "AAA"}, {"state": "BBB"}],
    "provisions": [{"kind": "defense", "article": "1", "strength": "S2", "suspensions": [
        {"obligor": "AAA", "beneficiary": "BBB", "span": {"start": "1960-03-15", "end": "1970-06-01",
                                                          "start_certainty": {"within": "month"},
                                                          "end_certainty": {"within": "year"}}}]}]})
BEGAN = "test_pact: the suspension of AAA's duty to BBB under art. 1 began on 1960-03-15, known only to the month"
ENDED = "test_pact: the suspension of AAA's duty to BBB under art. 1 ended on 1970-06-01, known only to the year"


@pytest.mark.parametrize(("obligor", "day", "said"), [
    ("AAA", "1960-02-29", []),
    ("AAA", "1960-03-01", [f"{BEGAN} (day: not verified)"]),  # it binds by the record, but may be suspended
    ("BBB", "1960-03-01", []),  # the other way round, nothing is suspended
    ("AAA", "1970-06-01", [f"{ENDED} (day: not verified)"]),
    ("AAA", "1970-12-31", [f"{ENDED} (day: not verified)"]),  # the last day suspended may be 30 Dec 1970
    ("AAA", "1971-01-01", []),  # restored whatever the day
])
def test_a_leg_suspension_known_less_than_to_the_day_is_read_as_a_members(obligor: str, day: str,
                                                                         said: list[str]) -> None:
    """A leg that binds by the record, near a first or last day of its suspension known less than to the day."""
    beneficiary = "BBB" if obligor == "AAA" else "AAA"
    sure = party_facts(LEG, LEG.provisions[0], obligor, beneficiary, D(day), names={})
    assert [r.fact for r in sure.reasons if r.kind == "date"] == said


def test_a_withheld_leg_and_the_replay_say_how_its_suspension_is_dated() -> None:
    world = CURATED.with_treaties({**CURATED.treaties.curated, "test_pact": LEG})
    (leg,) = compile_table(world, D("1965-01-01")).owed_to(Kind.DEFENSE, "BBB")
    assert leg.suspended == ("test_pact suspends AAA's obligation to BBB since 1960-03-15 (its start known only to "
                             "the month (day: not verified); its end (1970-06-01) known only to the year (day: not "
                             "verified))")
    changes = treaty_changes([LEG], "in-force", D("1955-01-01"), D("1975-01-01"), {})
    said = [(str(day), c.what, [r.fact for r in c.reasons]) for day, cs in changes.items() for c in cs]
    # and where the window of its start opens (1 Mar 1960: it may be suspended from then) and that of its end
    # closes (1 Jan 1971: restored whatever the day), the duty goes on on other facts (`foedus.war.window_changes`)
    assert said == [("1960-03-01", "leg-continues", [f"{BEGAN} (day: not verified)"]),
                    ("1960-03-15", "leg-suspended", [f"{BEGAN} (day: not verified)"]),
                    ("1970-06-01", "leg-restored", [f"{ENDED} (day: not verified)"]),
                    ("1971-01-01", "leg-continues", [f"{ENDED} (day: not verified)"])]


def terms(second: dict[str, Any] | None = None, **first: Any) -> Treaty:
    """A made-up pact with two clauses of art. 1 giving the same duty, a term (`first`'s span, by default to 1 June
    1970 known to the year) and its renewal from then, known alike (with `second`'s fields: another wording)."""
    window = {"within": "year"}
    span = {"start": "1950-01-01", "end": "1970-06-01", "end_certainty": window, **first}
    duty = {"kind": "defense", "article": "1", "strength": "S2"}
    return Treaty.model_validate({
        "id": "test_pact", "name": "Test pact", "signed": "1950-01-01", "in_force": "1950-01-01",
        "type": "bilateral", "sources": [{"url": "https://example.org/pact"}],
        "members": [{"state": "AAA"}, {"state": "BBB"}],
        "provisions": [{**duty, "valid": span, "note": "the first term"},
                       {**duty, **(second or {}), "note": "the renewal", "certainty": "unverified",
                        "valid": {"start": "1970-06-01", "start_certainty": window, "certainty": "unverified"}}]})


@pytest.mark.parametrize(("day", "doubted"), [
    ("1970-05-10", "art. 1 applies from 1970-06-01, known only to the year (day: not verified); it may already "
                   "have applied on 1970-05-10"),
    ("1970-06-10", "art. 1 stops applying on 1970-06-01, known only to the year (day: not verified); it may still "
                   "have applied on 1970-06-10")])
def test_a_clause_doubt_needs_a_duty_no_other_clause_gives_that_day(day: str, doubted: str) -> None:
    """A term and its renewal: whether the one out by the record may apply changes no duty while the other gives
    the same duty (its span's uncertain day is its own reason); with another wording (a request gate) it may."""
    assert [d.fact for d, _ in doubts([terms()], D(day), names={})] == []
    gated = terms({"request_gated": True})
    assert [d.fact for d, _ in doubts([gated], D(day), names={})] == [f"test_pact: {doubted}"]


def test_a_clause_reason_needs_a_duty_no_other_clause_surely_gives() -> None:
    """Inside the renewal's first year the term still applies (it runs on, known to the day, to 1980), so the
    renewal's uncertain first day lowers no duty; where the term may itself have ended, or words the duty
    otherwise, it does."""
    def dated(pact: Treaty, day: str = "1970-06-10") -> list[str]:
        sure = party_facts(pact, pact.provisions[1], "AAA", "BBB", D(day), names={})
        return [r.fact for r in sure.reasons if r.kind == "date"]

    renewal = "test_pact: art. 1 applies from 1970-06-01, known only to the year (day: not verified)"
    assert dated(terms(end="1980-01-01", end_certainty=None)) == []
    assert dated(terms(end="1970-07-01")) == [renewal]  # the term's own end is known only to the year
    assert dated(terms({"request_gated": True}, end="1980-01-01", end_certainty=None)) == [renewal]
    assert dated(terms(end="1980-01-01", end_certainty=None), "1970-12-31") == []


@pytest.mark.parametrize("basis", ["in-force", "signed"])
def test_the_replay_sees_no_change_where_a_clause_gives_the_same_duty_across_the_day(basis: Basis) -> None:
    """A term ending on the day its renewal starts stops and starts no duty, so the war replay lists no clause end
    or start then (nor where the renewal overlaps the term); the duty resting there on other facts (the renewal not
    verified), it goes on applying (`clause-continues`, tests/test_war_change_certainty.py): where the renewal
    overlaps the term, on the day the term, cited till then, ends; with another wording (a request gate) the
    clause's end and start are changes."""
    def changed(pact: Treaty) -> list[tuple[str, str, str | None]]:
        found = treaty_changes([pact], basis, D("1955-01-01"), D("1990-01-01"), {})
        return [(str(day), c.what, c.article) for day, cs in found.items() for c in cs]

    # and where the term's end's window opens (2 Jan 1970) and the renewal's start's closes (31 Dec 1970), the duty
    # resting on other facts then (`foedus.war.window_changes`)
    assert changed(terms()) == [("1970-01-02", "clause-continues", "1"), ("1970-06-01", "clause-continues", "1"),
                                ("1970-12-31", "clause-continues", "1")]
    assert changed(terms(end="1980-01-01")) == [("1980-01-01", "clause-continues", "1")]
    assert changed(terms({"request_gated": True})) == [("1970-01-02", "clause-continues", "1"),
                                                      ("1970-06-01", "clause-ends", "1"),
                                                      ("1970-06-01", "clause-starts", "1"),
                                                      ("1970-12-31", "clause-continues", "1")]


def test_on_the_signed_basis_a_clause_and_a_treaty_end_are_doubts_as_they_are_reasons() -> None:
    """Read from signature, a clause's span and the treaty's end are read as on the in-force basis: the reason a
    duty inside the window rests on, and the doubt outside it (membership dates are taken as recorded)."""
    dated, doubted = [], []
    for day in ("2012-06-01", "2013-01-15"):
        r = foedus.cascade("AZE", "ARM", day, world=CURATED, basis="signed")
        j = r.joiner("RUS")
        assert j is not None
        dated += [x.fact.split(",")[0] for o in (j.primary, *j.also) if o.treaty == "csto_1992"
                  for x in o.certainty_reasons if x.kind == "date"]
        doubted += [d.fact.split(",")[0] for d in foedus.cascade("AZE", "ARM", day, world=CURATED, basis="signed",
                                                                 requested=False).doubts if d.treaty == "csto_1992"]
    assert dated == ["csto_1992: art. 4 stops applying on 2012-12-19", "csto_1992: art. 4 applies from 2012-12-19"]
    assert doubted == ["csto_1992: art. 4 stops applying on 2012-12-19"]  # the amended one adds no duty (above)
    weu = foedus.cascade("RUS", "BEL", "2011-06-30", world=CURATED, basis="signed",  # the WEU's closing day
                         what_if=[DropTreaty(treaty="nato_1949"), DropTreaty(treaty="eu_teu_42_7")])
    assert [d.certainty for d in weu.doubts if d.treaty == "weu_1948"] == ["verified"]
    early = pact(start="1960-03-15", start_certainty={"within": "month"}).model_copy(update={
        "in_force": D("1960-03-15"), "in_force_certainty": DateCertainty(within="month")})
    assert [d.fact.split(" on ")[0] for d, _ in doubts([early], D("1960-03-10"), names={})] == [
        "test_pact: the treaty entered into force", "test_pact: art. 1 applies from 1960-03-15, known only to the "
        "month (day: not verified); it may already have applied"]
    assert [d.fact.split(",")[0] for d, _ in doubts([early], D("1960-03-10"), "signed", names={})] == [
        "test_pact: art. 1 applies from 1960-03-15"]


def test_effective_on_a_leg_suspensions_start_is_refused() -> None:
    """As on a member's suspension: a first day's month or year is its own, `effective` would be ignored."""
    leg = {"obligor": "AAA", "beneficiary": "BBB",
           "span": {"start": "1960-03-15", "start_certainty": {"within": "month", "effective": True}}}
    with pytest.raises(ValidationError, match=r"provisions\[0\]\.suspensions\[0\]\.span\.start_certainty: effective "
                                              r"is read only on an exit or end: a member's left_certainty, the "
                                              r"treaty's terminated_certainty or a span's end_certainty"):
        Treaty.model_validate({**LEG.model_dump(mode="json", exclude_defaults=True), "provisions": [
            {"kind": "defense", "article": "1", "strength": "S2", "suspensions": [leg]}]})


def test_the_treaties_with_date_windows_are_kept_at_load() -> None:
    """`TreatyMap.windowed` holds the ids of the treaties with a day a doubt can rest on known less than to the day
    (here a clause's span; a leg suspension's days are no doubt), curated, history (loaded whole or recent) and
    unpickled alike; `doubts` reads only those treaties."""
    import pickle

    from foedus.model.treatymap import Recent, TreatyMap

    plain = LEG.model_copy(update={"id": "test_plain"})
    assert TreatyMap({"test_pact": MONTHS, "test_plain": plain}).windowed == {"test_pact"}
    lazy = TreatyMap({"test_plain": plain}, lambda: {"test_pact": MONTHS})
    assert lazy.windowed == set()
    assert "test_pact" in lazy and lazy.windowed == {"test_pact"}
    recent = TreatyMap({}, lambda: {}, None, Recent(D("1900-01-01"), lambda: {"test_pact": MONTHS}))
    assert [t.id for t in recent.on(D("1960-03-01"))] == ["test_pact"] and recent.windowed == {"test_pact"}
    assert pickle.loads(pickle.dumps(lazy)).windowed == {"test_pact"}
    assert doubts([MONTHS], D("1960-03-01"), windowed=set(), names={}) == []
    every = doubts([MONTHS], D("1960-03-01"), names={})
    assert doubts([MONTHS], D("1960-03-01"), windowed=lazy.windowed, names={}) == every != []
