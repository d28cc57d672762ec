"""ATOP carried to today and corrected (issue 12, §4): carry-forward, the correction layer, West Germany,
and named adversaries read from STATTHR under every SPECTHRT code. Reads ATOP from the data folder."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import foedus
from foedus.engine.table import compile_table
from foedus.errors import TreatyDataError
from foedus.model.world import World
from foedus.render import explain_lines
from foedus.sources.atop import ATOP_END, atop_treaties, fixed_term_end, named_threats, read_member_rows
from foedus.sources.corrections import load_corrections
from foedus.sources.history import carry_forward

pytestmark = pytest.mark.needs_data


def joined(world: World, attacker: str, target: str, day: str, state: str, **kw: Any) -> tuple[str, str] | None:
    j = foedus.cascade(attacker, target, day, world=world, **kw).joiner(state)
    return (j.primary.treaty, j.primary.certainty) if j else None


def test_alliances_in_force_at_the_end_of_coverage_are_carried_forward(world: World) -> None:
    """The 1986 Cuba-DPRK treaty (ATOP 3975) is coded in force at 2018-12-31: it binds in 2025, tagged."""
    t = world.treaties["atop_3975"]
    assert t.carried_from == ATOP_END and t.coverage_end is None
    assert joined(world, "USA", "PRK", "2018-06-01", "CUB") == ("atop_3975", "verified")
    assert joined(world, "USA", "PRK", "2025-06-01", "CUB") == ("atop_3975", "carried-forward")
    reasons = foedus.cascade("USA", "PRK", "2025-06-01", world=world).joiner("CUB").primary.certainty_reasons  # type: ignore[union-attr]
    assert any("2018-12-31" in r.fact and r.certainty == "carried-forward" for r in reasons)


def test_duties_to_stay_out_and_violations_from_carried_alliances_are_tagged(world: World) -> None:
    """A neutrality duty and a broken non-aggression clause read from ATOP alliances are verified inside ATOP's
    coverage and carried-forward past it, with the reason, as an obligation would be (RUS attacks UKR; the Charter
    of Paris, ATOP 3740, as the 1997 Russia-Ukraine treaty ended in 2019)."""
    for day, level in (("2015-01-15", "verified"), ("2025-01-15", "carried-forward")):
        r = foedus.cascade("RUS", "UKR", day, world=world)
        est = next(n for n in r.neutral if n.state == "EST")
        assert (est.treaty, est.toward, est.certainty) == ("atop_4241", "UKR", level)
        broken = {v.treaty: v for v in r.violations if v.state == "RUS"}
        assert broken["atop_3740_p2"].kind == "nonaggression" and broken["atop_3740_p2"].certainty == level
        for finding in (est, broken["atop_3740_p2"]):
            assert [(x.kind, x.certainty) for x in finding.certainty_reasons] == (
                [] if level == "verified" else [("treaty", "carried-forward")])
        neutral_line = next(x for x in explain_lines(r) if x.startswith("Neutral: Estonia"))
        assert neutral_line.endswith("— carried-forward facts") == (level != "verified")


@pytest.mark.parametrize(("day", "level"), [("2015-06-01", "verified"), ("2020-06-01", "carried-forward")])
def test_support_from_carried_alliances_is_tagged(world: World, day: str, level: str) -> None:
    """Support owed under an ATOP alliance is as certain as the alliance: carried-forward past ATOP's coverage
    (Afghanistan's 2012 agreement with the USA, within its fixed term), unverified where its standing is (the
    1959 US-Pakistan agreement, fact sheet §4, in ATOP's years; not carried past them), whatever the help entry's
    own tag."""
    china = {(s.state, s.treaty): s.certainty for s in foedus.cascade("CHN", "USA", day, world=world).supporters}
    assert china[("AFG", "atop_6050")] == level
    assert china.get(("PAK", "atop_3355")) == ("unverified" if level == "verified" else None)
    assert china[("KOR", "usa_kor_1953")] == "unverified"  # its entry's own tag


def test_ended_alliances_are_not_carried(world: World) -> None:
    """An alliance ATOP ends before the end of its coverage stays ended: nothing terminated binds in 2025. One in
    force then is carried, unless a verified correction ends it later, which says it was in force to that day (the
    France-Poland treaty of 1991, ATOP 4025, replaced by the Treaty of Nancy on 22 Jan 2026)."""
    ended = [t for t in world.treaties.history.values() if t.terminated is not None and t.terminated <= ATOP_END]
    assert ended and all(t.carried_from is None for t in ended)
    day = dt.date(2025, 6, 1)
    legs = compile_table(world, day).all_legs()
    assert not any(leg.treaty.terminated is not None and leg.treaty.terminated <= day for leg in legs)
    atop = {leg.treaty.id for leg in legs if leg.treaty.origin == "atop"}
    ended_later = {t for t in atop if world.treaties[t].carried_from is None}
    assert ended_later == {"atop_4025"}
    assert all((t := world.treaties[tid]).terminated is not None and t.terminated > day for tid in ended_later)
    assert all(world.treaties[t].carried_from == ATOP_END for t in atop - ended_later)


def test_a_fixed_term_ends_the_carry_forward(world: World) -> None:
    """The 2012 US-Afghanistan agreement (ATOP 6050: SPECLGTH 1, LENGTH 144 months, PROREN 1, renewal by the
    parties' act) is carried past 2018, as imported, only to the end of its term, 2 May 2024, and says so (a
    correction then ends it earlier); the 1986 Cuba-DPRK treaty, whose 20-year term ATOP's own years outlast, is
    carried on as ATOP codes it."""
    t = carry_forward(atop_treaties([r for r in read_member_rows() if r["atopid"] == "6050"], world.states)[0])
    assert (t.carried_from, t.terminated) == (ATOP_END, dt.date(2024, 5, 2))
    assert "144 months" in (t.note or "") and any("fixed term" in u for u in t.unverified)
    assert "until its fixed term ends on 2024-05-02" in (t.note or "")
    assert t.in_effect(dt.date(2024, 5, 1)) and not t.in_effect(dt.date(2024, 5, 2))
    assert world.treaties["atop_3975"].terminated is None and world.treaties["atop_3975"].in_effect(
        dt.date(2025, 6, 1))


def test_the_us_afghanistan_agreement_ends_with_the_republic(world: World) -> None:
    """ATOP 6050's Afghan party, the Islamic Republic's government, fell on 15 Aug 2021; no termination notice was
    found, so a correction ends it then, unverified, its true end known only to lie before its term's (2 May 2024).
    To that day it stays carried-forward (nothing but the carry says it was in force); after it, Afghanistan is not
    bound, and a result inside the window says the agreement may still have bound."""
    t = world.treaties["atop_6050"]
    assert (t.carried_from, t.terminated) == (ATOP_END, dt.date(2021, 8, 15))
    assert t.terminated_certainty is not None and t.terminated_certainty.until == dt.date(2024, 5, 2)
    assert "until a correction ends it on 2021-08-15" in (t.note or "")
    china = {(s.state, s.treaty): s.certainty for s in foedus.cascade("CHN", "USA", "2021-08-14",
                                                                       world=world).supporters}
    assert china[("AFG", "atop_6050")] == "carried-forward"
    later = foedus.cascade("CHN", "USA", "2022-06-01", world=world)
    assert not any(s.state == "AFG" for s in later.supporters)
    assert any(d.treaty == "atop_6050" and "may still have been in force" in d.fact for d in later.doubts)
    past = foedus.cascade("CHN", "USA", "2024-05-02", world=world)
    assert not any(d.treaty == "atop_6050" for d in past.doubts)


@pytest.mark.parametrize(("codes", "start", "end"), [
    ({"speclgth": "1", "length": "144", "proren": "1"}, dt.date(2012, 5, 2), dt.date(2024, 5, 2)),
    ({"speclgth": "1", "length": "1", "proren": "0"}, dt.date(2012, 1, 31), dt.date(2012, 2, 29)),
    ({"speclgth": "1", "length": "240", "proren": ""}, dt.date(1986, 3, 1), dt.date(2006, 3, 1)),
    ({"speclgth": "1", "length": "120", "proren": "2"}, dt.date(2000, 1, 1), None),  # renews itself
    ({"speclgth": "3", "length": "0", "proren": "0"}, dt.date(2000, 1, 1), None),  # no end set
    ({"speclgth": "1", "length": "0", "proren": "0"}, dt.date(2000, 1, 1), None),  # length not coded
])
def test_fixed_term_end_reads_atop_codes(codes: dict[str, str], start: dt.date, end: dt.date | None) -> None:
    """LENGTH months from the start, for a set term without automatic renewal; a day past the month's end is
    its last."""
    assert fixed_term_end(codes, start) == end


def test_a_term_past_2018_terminates_the_imported_alliance(world: World) -> None:
    """The import reads the term from the rows: with PROREN 2 (automatic renewal) the same alliance has no end
    and is carried forward indefinitely."""
    rows = [r for r in read_member_rows() if r["atopid"] == "6050"]
    assert atop_treaties(rows, world.states)[0].terminated == dt.date(2024, 5, 2)
    renewed = atop_treaties([{**r, "proren": "2"} for r in rows], world.states)[0]
    assert renewed.terminated is None and carry_forward(renewed).carried_from == ATOP_END


def test_the_2013_russia_kazakhstan_treaty_is_counted_once_as_atop_codes_it(world: World) -> None:
    """ATOP 6070 is the 2013 treaty the curated rus_kaz_2013 encodes (same parties and day): the curated file maps
    it, so it is not also carried forward, and its clauses are ATOP's (neutrality and non-aggression), not a
    defence pledge the fact sheet never gives; Kazakhstan's defence of Russia rests on the 1992 treaty."""
    assert "atop_6070" not in world.treaties
    kinds = {p.kind.value for p in world.treaties["rus_kaz_2013"].provisions}
    assert kinds == {"neutrality", "nonaggression"}
    broken = {v.treaty for v in foedus.cascade("RUS", "KAZ", "2025-06-01", world=world).violations if v.state == "RUS"}
    assert "rus_kaz_2013" in broken and "atop_6070" not in broken
    kaz = foedus.cascade("UKR", "RUS", "2025-06-01", world=world).joiner("KAZ")
    assert kaz is not None
    treaties = {o.treaty for o in (kaz.primary, *kaz.also)}
    assert "rus_kaz_1992" in treaties and "rus_kaz_2013" not in treaties


def test_curated_treaties_are_never_carried_from_atop(world: World) -> None:
    mapped = {aid for t in world.treaties.curated.values() for aid in t.atop_ids}
    assert not any(set(t.atop_ids) & mapped for t in world.treaties.history.values())


@pytest.mark.parametrize(("day", "violated"), [("2024-06-01", True), ("2025-06-01", False)])
def test_correction_mali_burkina_niger_leave_ecowas(world: World, day: str, violated: bool) -> None:
    """Fact sheet §3: the three left ECOWAS (Jan 2025): the 1978 non-aggression protocol no longer binds them."""
    r = foedus.cascade("MLI", "NER", day, world=world)
    assert any(v.treaty == "atop_3810" for v in r.violations) is violated


@pytest.mark.parametrize(("day", "violated"), [("2019-03-31", True), ("2019-04-01", False), ("2025-06-01", False)])
def test_correction_the_1997_russia_ukraine_treaty_ended_in_2019(world: World, day: str, violated: bool) -> None:
    """Ukraine ended the 1997 friendship treaty (ATOP 4875) from 1 Apr 2019, which ATOP, ending in 2018, does not
    code: Russia's attack breaks its non-aggression clause to the day before, and not from that day."""
    broken = {v.treaty: v.certainty for v in foedus.cascade("RUS", "UKR", day, world=world).violations}
    assert ("atop_4875" in broken) is violated
    assert broken.get("atop_4875", "verified") == "verified"  # in force to its end, which a source states
    assert world.treaties["atop_4875"].terminated == dt.date(2019, 4, 1)


def test_correction_the_1991_france_poland_treaty_ended_by_the_treaty_of_nancy(world: World) -> None:
    """The France-Poland treaty of 1991 (ATOP 4025, carried) gave way to the Treaty of Nancy on its entry into force,
    22 Jan 2026: in force (verified, no longer carried) to the day before, and the new treaty records it replaced."""
    t = world.treaties["atop_4025"]
    assert t.terminated == dt.date(2026, 1, 22) and t.carried_from is None and t.carry_checked is None
    assert t.in_effect(dt.date(2026, 1, 21)) and not t.in_effect(dt.date(2026, 1, 22))
    assert t.standing_on(dt.date(2025, 6, 1)).value == "verified"
    nancy = world.treaties["fra_pol_2025"]
    assert nancy.in_force == t.terminated and nancy.replaces == ["atop_4025"]


@pytest.mark.parametrize(("target", "treaty", "old"), [("GAB", "atop_3410", "2005-06-01"),
                                                       ("SEN", "atop_3730", "2005-06-01"),
                                                       ("COM", "atop_3830", "2005-06-01")])
def test_correction_french_african_defence_clauses_dropped(world: World, target: str, treaty: str, old: str) -> None:
    """Fact sheet §2.3: the 2008-12 renegotiated treaties dropped the old security clauses: no obligation today."""
    assert joined(world, "NGA", target, old, "FRA") == (treaty, "verified")
    assert joined(world, "NGA", target, "2025-06-01", "FRA") is None
    assert "correction" in (world.treaties[treaty].note or "")


def test_a_pact_left_with_one_party_ends(world: World) -> None:
    """The 1960 France/CAR/Congo/Chad pact (ATOP 3395): Congo left in 1974 and Chad in 1976 (as ATOP codes them), the
    CAR on 21 Apr 2011 (a correction); France alone is no alliance, so the pact ends that day and is not carried to
    2025 (it was, as a pact of one)."""
    t = world.treaties["atop_3395"]
    assert t.terminated == dt.date(2011, 4, 21) and t.carried_from is None
    assert t.in_effect(dt.date(2011, 4, 20)) and not t.in_effect(dt.date(2011, 4, 21))
    assert joined(world, "NGA", "CAF", "2005-06-01", "FRA") == ("atop_3395", "verified")


@pytest.mark.parametrize("treaty", ["atop_3410", "atop_3730", "atop_4985_p2", "atop_3150", "atop_4400", "atop_4875",
                                     "atop_3395", "atop_4025"])
def test_a_corrected_alliance_that_is_not_carried_forward_does_not_say_it_is(world: World, treaty: str) -> None:
    """An alliance ATOP codes in force at 2018-12-31 that a correction ends (France-Gabon 1960, ended 2010) or hands
    over to a curated treaty is not carried forward; its note, which `foedus treaties show` prints, no longer says
    "carried forward" (it did: the carry-forward was noted before the corrections were applied)."""
    t = world.treaties[treaty]
    assert t.carried_from is None and "correction (" in (t.note or "")
    assert "carried forward" not in (t.note or "")
    assert (t.note or "").startswith("ATOP dates membership from signature")


def test_a_carried_alliance_still_says_so(world: World) -> None:
    """The note stays where the alliance is carried (the 1986 Cuba-DPRK treaty) or carried to its fixed term
    (the 2012 US-Afghanistan agreement, to the unverified end a correction gives it, 2021-08-15)."""
    assert "carried forward: ATOP codes it in force on 2018-12-31" in (world.treaties["atop_3975"].note or "")
    assert "until a correction ends it on 2021-08-15" in (world.treaties["atop_6050"].note or "")


def test_the_1959_us_agreements_with_pakistan_and_turkey(world: World) -> None:
    """Fact sheet §4: the 1959 US-Pakistan agreement's in-force status is not verified, and it is to be encoded as
    no obligation to fight: flagged in ATOP's years, not carried past them. Its twin with Turkey, which the fact
    sheet does not name, is carried forward flagged unverified."""
    usa = foedus.cascade("IND", "PAK", "1971-12-03", world=world).joiner("USA")
    assert usa is not None and usa.primary.treaty == "atop_3355" and usa.primary.certainty == "unverified"
    assert foedus.cascade("IND", "PAK", "2025-06-01", world=world).joiner("USA") is None
    usa = foedus.cascade("SYR", "TUR", "2025-06-01", place="syria", target_kind="forces", world=world).joiner("USA")
    assert usa is not None and usa.primary.treaty == "atop_3360" and usa.primary.certainty == "unverified"


@pytest.mark.parametrize(("attacker", "target", "state", "treaty"), [
    ("VEN", "GUY", "MEX", "atop_3150"),  # Guyana is no Rio party; Mexico left the Rio Treaty in 2004 (§1.10)
    ("VEN", "GUY", "USA", "atop_3150"),
    ("UKR", "RUS", "AZE", "atop_4400"),  # Azerbaijan: a former CSTO member (§1.4)
])
def test_superseded_charters_bind_in_atop_years_only(world: World, attacker: str, target: str, state: str,
                                                      treaty: str) -> None:
    """The OAS and CIS Charters are not carried past 2018: the curated Rio Treaty and CSTO say what binds their
    members today (fact sheet §1.10, §1.4); in ATOP's own years they bind as ATOP codes them."""
    assert joined(world, attacker, target, "2015-06-01", state) == (treaty, "verified")
    assert joined(world, attacker, target, "2025-06-01", state) is None
    assert world.treaties[treaty].carried_from is None and world.treaties[treaty].coverage_end == ATOP_END
    assert "correction (superseded by " in (world.treaties[treaty].note or "")
    assert joined(world, "VEN", "BRA", "2025-06-01", "USA")[0] == "tiar_1947"  # type: ignore[index]  # Rio binds


def test_the_sadc_pact_is_counted_once(world: World) -> None:
    """ATOP 4985's second phase is the SADC Mutual Defence Pact, which the curated file encodes with the fact
    sheet's Summit gate (§3): from its signature ATOP's coding gives way to it, so a Summit decision not taken
    holds every SADC member back (ATOP's copy had bound them anyway); the 2001 protocol (phase 1, non-aggression)
    stays as ATOP codes it."""
    r = foedus.cascade("RWA", "COD", "2025-06-01", world=world, decisions="not-taken")
    assert not any(o.treaty.startswith("atop_4985") for j in r.joiners for o in (j.primary, *j.also))
    assert {w.state for w in r.withheld if w.treaty == "sadc_mdp_2003"} >= {"ZAF", "ZWE", "NAM", "MOZ"}
    assert world.treaties["atop_4985_p2"].terminated == dt.date(2003, 8, 26)
    assert "correction" not in (world.treaties["atop_4985_p1"].note or "")


def test_every_correction_names_an_atop_alliance_and_a_source(world: World) -> None:
    ids = {int(r["atopid"]) for r in read_member_rows()}
    for c in load_corrections():
        assert c.atopid in ids and c.sources
        assert all(t in world.treaties.curated for t in c.by)  # a superseded alliance names curated treaties


def test_malformed_correction_is_a_treaty_data_error() -> None:
    with pytest.raises(TreatyDataError, match="needs a date"):
        load_corrections("- {atopid: 3810, action: end, sources: [{url: 'https://x.org/a'}], note: n}")
    with pytest.raises(TreatyDataError, match=r"\[0\]"):
        load_corrections("- {atopid: 3810, action: vanish, sources: [{url: 'https://x.org/a'}], note: n}")
    with pytest.raises(TreatyDataError, match=r"\[0\]\.by: a 'by' list goes with action 'superseded'"):
        load_corrections("- {atopid: 3150, action: superseded, sources: [{url: 'https://x.org/a'}], note: n}")
    with pytest.raises(TreatyDataError, match=r"\[0\]\.by"):
        load_corrections("- {atopid: 3150, action: certainty, by: [tiar_1947], sources: [{url: 'https://x.org/a'}], "
                         "note: n}")


def test_west_germany_is_natos_member_1955_to_1990(world: World) -> None:
    """Fact sheet §1.1: Germany joined 6 May 1955 as West Germany (COW 260); unified Germany (255) from 1990."""
    r = foedus.cascade("RUS", "West Germany", "1960-06-01", world=world)
    assert r.scenario.targets == ("COW260",)
    for ally in ("USA", "GBR", "FRA"):
        j = r.joiner(ally)
        assert j is not None and "nato_1949" in {o.treaty for o in (j.primary, *j.also)}, ally
    france = {j.state for j in foedus.cascade("RUS", "FRA", "1960-06-01", world=world).joiners}
    assert "COW260" in france and "DEU" not in france
    assert "DEU" in {j.state for j in foedus.cascade("RUS", "FRA", "1995-06-01", world=world).joiners}


def test_west_germany_is_a_weu_member_too(world: World) -> None:
    legs = compile_table(world, dt.date(1960, 6, 1))
    assert "COW260" in legs.members["weu_1948"] and "DEU" not in legs.members["weu_1948"]


@pytest.mark.parametrize(("specthrt", "statthr1", "statthr2", "named"), [
    ("1", "220", "0", ["FRA"]),          # specific state
    ("3", "740", "0", ["JPN"]),          # states acting in a region
    ("4", "666", "652", ["ISR", "SYR"]),  # an ongoing conflict: the states in it
    ("6", "365", "0", ["RUS"]),          # another alliance: the member ATOP names
    ("2", "0", "0", []),                 # a region only
    ("4", "", "", []),                   # text not found: missing
    ("1", "99999", "0", []),             # a code the registry does not know
    ("1", "255", "0", ["COW260", "DEU"]),  # Germany: the FRG while COW lists no state 255
    ("1", "260", "0", ["COW260", "DEU"]),  # the FRG: unified Germany after 3 Oct 1990
])
def test_statthr_named_under_every_specthrt_code(world: World, specthrt: str, statthr1: str, statthr2: str,
                                                 named: list[str]) -> None:
    row = {"specthrt": specthrt, "statthr1": statthr1, "statthr2": statthr2}
    assert named_threats(row, world.states) == named


def test_statthr_names_adversaries_beyond_code_1(world: World) -> None:
    """Alliances whose threat is coded 3 or 4 with a named state get named adversaries (real ATOP rows)."""
    rows = [r for r in read_member_rows() if r["specthrt"] in ("3", "4") and r["statthr1"] not in ("", "0")
            and r["defcoadv"] == "1"]
    assert rows
    ids = {int(r["atopid"]) for r in rows}
    named = [p for t in world.treaties.history.values() if set(t.atop_ids) & ids for p in t.provisions
             if p.kind.value == "defense" and p.adversary.type == "named"]
    assert named


def test_germany_named_before_the_partition_is_west_germany_after_it(world: World) -> None:
    """The treaties ATOP codes against "Germany" (255) before 1949 bound while COW lists no state 255: West Germany
    (260) is the named adversary then, as ATOP codes it in the same pairs' renewals (3520, 3540). So West Germany
    attacking the USSR in 1960 draws in Finland (the 1948 treaty, ATOP 3140) and Poland under the 1945 treaty."""
    r = foedus.cascade("West Germany", "RUS", "1960-06-01", world=world)
    fin, pol = r.joiner("FIN"), r.joiner("POL")
    assert fin is not None and fin.primary.treaty == "atop_3140"
    assert pol is not None and "atop_3025" in {leg.treaty for leg in (pol.primary, *pol.also)}
