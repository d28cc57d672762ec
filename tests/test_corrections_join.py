"""The correction layer's `join`: a state that never was a member accedes to an alliance carried past ATOP's coverage
from a dated, sourced day (Guyana in the Regional Security System treaty, ATOP 4778, from September 2022; Iran and
Belarus in the SCO phase of the Shanghai alliance, 4810 phase 2; nineteen states in the Treaty of Amity and
Cooperation, 3755, Ukraine among them, and Argentina and Iran from 2 Aug 2018, inside ATOP's coverage), bound as every
member then is. Reads ATOP from the data folder."""

from __future__ import annotations

import datetime as dt

import pytest

import foedus
from foedus.errors import FoedusError, TreatyDataError
from foedus.model.world import World
from foedus.sources.correction_apply import apply_corrections
from foedus.sources.corrections import load_corrections

pytestmark = pytest.mark.needs_data

PAGE = "sources: [{url: 'https://www.example.org/a'}], note: n"
KAIETEUR = "https://www.kaieteurnewsonline.com/2023/03/24/minister-benn-assumes-chairmanship-of-rss-council/"
RSS = {"ATG", "BRB", "DMA", "GRD", "KNA", "LCA", "VCT"}


def guyana_bound(world: World, day: str) -> list[tuple[str, str]]:
    """The treaties under which Guyana is bound to defend Barbados, attacked by Venezuela on `day`, with their tags."""
    j = foedus.cascade("VEN", "BRB", day, world=world).joiner("GUY")
    return [] if j is None else [(o.treaty, o.certainty) for o in (j.primary, *j.also)]


def test_guyanas_row_in_the_regional_security_system(world: World) -> None:
    """One new row, from the correction's day known to the month (the day a stand-in), sourced by its first page and
    tagged as it is (press reports: secondary); the members' rows are as ATOP codes them."""
    t = world.treaties["atop_4778"]
    [row] = [m for m in t.members if m.state == "GUY"]
    assert (row.joined, row.signed, row.left) == (dt.date(2022, 9, 1), dt.date(2022, 9, 1), None)
    assert row.joined_certainty is not None and row.joined_certainty.within == "month"
    assert (row.joined_certainty.certainty.value, row.joined_certainty.window) == ("unverified", "secondary")
    assert (str(row.source), row.certainty.value) == (KAIETEUR, "secondary")
    assert (row.note or "").startswith("joined by a correction: Guyana acceded")
    assert {m.state for m in t.members} == RSS | {"GUY"} and all(m.source is None for m in t.members if m.state in RSS)
    assert "correction (join GUY from 2022-09-01)" in (t.note or "")
    assert any(u.startswith("correction (join GUY from 2022-09-01)") for u in t.unverified)


def test_guyana_takes_the_provisions_every_member_owes(world: World) -> None:
    """ATOP codes a defence and a consultation provision that all seven members owe, to every member: Guyana owes
    both, and is owed them (no beneficiaries list: every member)."""
    provisions = world.treaties["atop_4778"].provisions
    assert sorted(p.kind for p in provisions) == ["consultation", "defense"]
    assert all(p.obligors == sorted(RSS | {"GUY"}) and p.beneficiaries is None for p in provisions)


def test_guyana_defends_barbados_from_its_accession(world: World) -> None:
    """Venezuela attacks Barbados: Guyana is bound under the RSS treaty from its accession, not before."""
    days = ("2022-06-01", "2022-08-31", "2022-09-15", "2025-06-01")
    assert ["atop_4778" in {tid for tid, _ in guyana_bound(world, day)} for day in days] == [False, False, True, True]


def test_a_duty_resting_on_the_join_says_its_correction(world: World) -> None:
    """Guyana's duty on 2025-06-01 says it rests on the correction: its membership is a reason of its own, tagged
    as the correction's, with the correction's first page; inside its month, the day is doubted too."""
    j = foedus.cascade("VEN", "BRB", "2025-06-01", world=world).joiner("GUY")
    assert j is not None
    [duty] = [o for o in (j.primary, *j.also) if o.treaty == "atop_4778"]
    [member] = [r for r in duty.certainty_reasons if r.fact.startswith("atop_4778: Guyana (GUY) is a party")]
    assert (member.certainty, member.source) == ("secondary", KAIETEUR)
    assert 'noted: "joined by a correction: ' in member.fact
    j = foedus.cascade("VEN", "BRB", "2022-09-15", world=world).joiner("GUY")
    assert j is not None
    [duty] = [o for o in (j.primary, *j.also) if o.treaty == "atop_4778"]
    assert duty.certainty == "unverified"
    assert any(r.fact.startswith("atop_4778: Guyana (GUY) became a party on 2022-09-01, known only to the month")
               and r.source == KAIETEUR for r in duty.certainty_reasons)


def test_the_members_defend_guyana_from_its_accession(world: World) -> None:
    """The duty runs both ways: Venezuela attacking Guyana binds the seven members under the RSS treaty from
    September 2022, not before."""
    def rss(day: str) -> set[str]:
        r = foedus.cascade("VEN", "GUY", day, world=world)
        return {j.state for j in r.joiners if any(o.treaty == "atop_4778" for o in (j.primary, *j.also))}

    assert rss("2022-06-01") == set()
    assert rss("2025-06-01") == RSS


TREND_IRAN = "https://en.trend.az/business/economy/3768748.html"
INFORM_BELARUS = "https://en.inform.kz/news/belarus-officially-joins-sco-becoming-its-10th-member-state-bbfe88/"
SCO = {"CHN", "IND", "KAZ", "KGZ", "PAK", "RUS", "TJK", "UZB"}


def test_iran_and_belarus_rows_in_the_sco_phase(world: World) -> None:
    """Iran (4 Jul 2023) and Belarus (4 Jul 2024) join ATOP's SCO phase of the Shanghai alliance (4810 phase 2) on the
    days they became member states, tagged as their pages are (press: secondary), each its own row; phase 1, not
    carried, is as ATOP codes it."""
    t = world.treaties["atop_4810_p2"]
    rows = {m.state: m for m in t.members if m.state in ("IRN", "BLR")}
    assert {s: (m.joined, m.signed, m.left, m.joined_certainty) for s, m in rows.items()} == {
        "IRN": (dt.date(2023, 7, 4), dt.date(2023, 7, 4), None, None),
        "BLR": (dt.date(2024, 7, 4), dt.date(2024, 7, 4), None, None)}
    assert [(str(rows[s].source), rows[s].certainty.value) for s in ("IRN", "BLR")] == [
        (TREND_IRAN, "secondary"), (INFORM_BELARUS, "secondary")]
    assert {m.state for m in t.members} == SCO | {"IRN", "BLR"}
    assert all(p.obligors == sorted(SCO | {"IRN", "BLR"}) and p.beneficiaries is None for p in t.provisions)
    assert {m.state for m in world.treaties["atop_4810_p1"].members} == SCO - {"IND", "PAK", "UZB"}


def sco_violations(world: World, attacker: str, target: str, day: str) -> list[tuple[str, str]]:
    """The SCO phase's non-aggression violations when `attacker` attacks `target` on `day`: (certainty, source) of
    the attacker's membership reason."""
    r = foedus.cascade(attacker, target, day, world=world)
    return [(m.certainty, m.source) for v in r.violations if v.treaty == "atop_4810_p2"
            for m in v.certainty_reasons if m.fact.startswith(f"atop_4810_p2: {world.states.get(attacker).name} (")]


def test_iran_and_belarus_owe_non_aggression_from_their_accession(world: World) -> None:
    """Iran attacking Pakistan, and Belarus attacking Kazakhstan, breach the SCO phase's non-aggression from the day
    each became a member state, not the day before; the breach says the membership rests on the correction."""
    assert sco_violations(world, "IRN", "PAK", "2023-07-03") == []
    assert sco_violations(world, "IRN", "PAK", "2023-07-04") == [("secondary", TREND_IRAN)]
    assert sco_violations(world, "IRN", "PAK", "2025-06-01") == [("secondary", TREND_IRAN)]
    assert sco_violations(world, "BLR", "KAZ", "2024-07-03") == []
    assert sco_violations(world, "BLR", "KAZ", "2025-06-01") == [("secondary", INFORM_BELARUS)]


def test_the_sco_members_consult_when_iran_is_attacked(world: World) -> None:
    """The United States attacks Iran: the SCO's members are bound to consult under the SCO phase from Iran's
    accession (Belarus from its own), and none before; a consultation says Iran's membership rests on the correction
    with its words and first page."""
    def consulting(day: str) -> set[str]:
        r = foedus.cascade("USA", "IRN", day, world=world)
        return {c.state for c in r.consultations if c.treaty == "atop_4810_p2" and c.with_ == "IRN"}

    assert consulting("2023-06-01") == set()
    assert consulting("2024-06-01") == SCO
    assert consulting("2025-06-01") == SCO | {"BLR"}
    r = foedus.cascade("USA", "IRN", "2025-06-01", world=world)
    [chn] = [c for c in r.consultations if c.treaty == "atop_4810_p2" and c.state == "CHN"]
    [member] = [m for m in chn.certainty_reasons if m.fact.startswith("atop_4810_p2: Iran (IRN) is a party")]
    assert (member.certainty, member.source) == ("secondary", TREND_IRAN)
    assert 'noted: "joined by a correction: Iran became a member state of the Shanghai Cooperation' in member.fact


VOA_UKRAINE = "https://voacambodia.com/a/6829063.html"
# The Treaty of Amity and Cooperation's joins: (states, day, first page, tag), one row a day.
VNA_2018 = "https://en.vietnamplus.vn/amm-51-asean-to-strengthen-intra-bloc-economic-strength-post135772.vnp"
TAC_JOINS = (
    ({"ARG", "IRN"}, dt.date(2018, 8, 2), VNA_2018, "secondary"),
    ({"PER"}, dt.date(2019, 7, 31), "https://www.ryt9.com/s/mfa/3021864", "secondary"),
    ({"BHR", "DEU"}, dt.date(2019, 11, 2), "https://www.ryt9.com/s/mfa/3062460", "secondary"),
    ({"COL", "CUB", "ZAF"}, dt.date(2020, 11, 10),
     "https://en.vietnamplus.vn/colombia-cuba-south-africa-join-treaty-of-amity-and-cooperation-in-southeast-asia/190125.vnp",
     "secondary"),
    ({"ARE", "DNK", "GRC", "NLD", "OMN", "QAT"}, dt.date(2022, 8, 3),
     "https://theshillongtimes.com/2022/08/03/6-more-countries-join-aseans-treaty-of-amity-and-cooperation/",
     "secondary"),
    ({"UKR"}, dt.date(2022, 11, 10), VOA_UKRAINE, "secondary"),
    ({"SAU"}, dt.date(2023, 7, 12), "https://arabnews.com/node/2336466", "secondary"),
    ({"KWT", "PAN", "SRB"}, dt.date(2023, 9, 4), "https://asean2023.id/en/news/serbia-panama-and-kuwait-accede-to-tac",
     "verified"),
)
TAC_JOINED = {s for states, *_ in TAC_JOINS for s in states}


def test_the_amity_treatys_accessions_atop_does_not_list(world: World) -> None:
    """The nineteen states that acceded to the Treaty of Amity and Cooperation (ATOP 3755) in 2018-2023 and that ATOP
    does not list (Argentina and Iran on 2 Aug 2018, inside its coverage; Ukraine on 10 Nov 2022) join it from their
    days (the table above), owing the non-aggression provision ATOP codes for every party,
    each row sourced by its correction's first page and tagged as it is (the September 2023 three from the Indonesian
    chairmanship's page: verified; the others from the press or a ministry's release carried by a newswire: secondary);
    the 34 members ATOP codes are as it codes them."""
    t = world.treaties["atop_3755"]
    rows = {m.state: m for m in t.members if m.state in TAC_JOINED}
    assert {s: (m.joined, m.signed, m.left, str(m.source), m.certainty.value) for s, m in rows.items()} == {
        s: (day, day, None, page, tag) for states, day, page, tag in TAC_JOINS for s in states}
    assert len(t.members) == 34 + len(TAC_JOINED) and all(m.source is None for m in t.members if m.state not in rows)
    [p] = t.provisions
    assert p.kind == "nonaggression" and sorted(p.obligors or ()) == sorted({m.state for m in t.members})


def tac_breaches(world: World, attacker: str, target: str, day: str,
                 reading: str = "legal") -> dict[tuple[str, str], list[str]]:
    """The Treaty of Amity and Cooperation's (atop_3755) breaches when `attacker` attacks `target` on `day`: each
    (attacker, attacked) with the sources of its membership reasons."""
    r = foedus.cascade(attacker, target, day, world=world, reading=reading)
    return {(v.state, v.against): [m.source for m in v.certainty_reasons if m.kind == "membership"]
            for v in r.violations if v.treaty == "atop_3755"}


@pytest.mark.parametrize(("attacker", "target", "day"), [
    ("IRN", "PHL", "2018-08-02"), ("ARG", "IDN", "2018-08-02"), ("USA", "IRN", "2018-08-02"),
    ("IRN", "USA", "2018-08-02"),
    ("PER", "PHL", "2019-07-31"), ("DEU", "VNM", "2019-11-02"), ("BHR", "MYS", "2019-11-02"),
    ("ZAF", "IDN", "2020-11-10"), ("DNK", "THA", "2022-08-03"), ("SAU", "IDN", "2023-07-12"),
    ("SRB", "VNM", "2023-09-04")])
def test_an_amity_treaty_accession_binds_from_its_day(world: World, attacker: str, target: str, day: str) -> None:
    """An acceding state attacking a Southeast Asian party breaches the Treaty of Amity and Cooperation from its
    accession's day (Iran and Argentina from 2 Aug 2018; the United States, a party since 2009, attacking Iran, and
    Iran the United States, from Iran's; Peru from 31 Jul 2019, Germany and Bahrain from 2 Nov 2019, South Africa from
    10 Nov 2020, Denmark from 3 Aug 2022, Saudi Arabia from 12 Jul 2023, Serbia from 4 Sep 2023) and on 2025-06-01;
    not the day before."""
    first = dt.date.fromisoformat(day)
    days = (first - dt.timedelta(days=1), first, dt.date(2025, 6, 1))
    assert [any(state == attacker for state, _ in tac_breaches(world, attacker, target, d.isoformat()))
            for d in days] == [False, True, True]


def test_a_us_strike_on_iran_breaks_the_amity_treaty(world: World) -> None:
    """Iran signed its accession to the Treaty of Amity and Cooperation in Singapore on 2 Aug 2018, inside ATOP's
    coverage, which omits it: a US attack on Iran (the United States a party since 2009), and Iran's on the United
    States, breaks it from that day, not the day before, each breach citing the page of Iran's row. Within ATOP's
    coverage the breach is tagged as that row is (secondary), after it carried-forward (the 22 Jun 2025 strikes)."""
    def breach(attacker: str, target: str, day: str) -> list[tuple[str, str, list[str]]]:
        r = foedus.cascade(attacker, target, day, world=world)
        return [(v.state, v.certainty, [m.source for m in v.certainty_reasons if m.kind == "membership"])
                for v in r.violations if v.treaty == "atop_3755"]

    for attacker, target in (("USA", "IRN"), ("IRN", "USA")):
        assert breach(attacker, target, "2018-08-01") == []
        assert breach(attacker, target, "2018-08-02") == [(attacker, "secondary", [VNA_2018])]
        assert breach(attacker, target, "2025-06-22") == [(attacker, "carried-forward", [VNA_2018])]


def test_a_join_inside_atops_coverage_leaves_atops_own_flags(world: World) -> None:
    """A join inside ATOP's coverage corrects ATOP in the merged world only: `foedus dyads --depth` (read from the
    merged world) gives the United States and Iran the Treaty of Amity and Cooperation as the alliance they share in
    2018, within its source's coverage (not carried), while the ATOP flags and `atopally`, ATOP's own dyad-year table,
    keep ATOP's rows: no alliance between them."""
    from foedus.research.dyads import DyadOptions, build_dyads

    frame = build_dyads(world, DyadOptions(2018, 2018, directed=True, covariates=False, depth=True))
    for first, second in ((2, 630), (630, 2)):  # COW codes: USA, IRN
        [row] = frame[(frame.ccode1 == first) & (frame.ccode2 == second)].to_dict("records")
        assert (row["depth_shared_treaty"], row["depth_shared_carried"]) == ("atop_3755", False)
        assert (row["atop_nonagg"], row["atopally"], row["atopid"]) == (0, 0, "")


def test_russias_attack_on_ukraine_breaks_the_amity_treaty_from_ukraines_accession(world: World) -> None:
    """Ukraine signed its accession to the Treaty of Amity and Cooperation in Phnom Penh on 10 Nov 2022: Russia's
    attack on Ukraine (and Ukraine's on Russia) breaks it from that day, not the day before, the breach
    saying Ukraine's membership rests on the correction's page (secondary). Ukraine's row is its own; the
    treaty is carried, so the breach is carried-forward."""
    [row] = [m for m in world.treaties["atop_3755"].members if m.state == "UKR"]
    assert (row.joined, str(row.source), row.certainty.value) == (dt.date(2022, 11, 10), VOA_UKRAINE, "secondary")
    assert tac_breaches(world, "RUS", "UKR", "2022-11-09") == {}
    assert tac_breaches(world, "RUS", "UKR", "2022-11-10") == {("RUS", "UKR"): [VOA_UKRAINE]}
    assert tac_breaches(world, "RUS", "UKR", "2025-06-01") == {("RUS", "UKR"): [VOA_UKRAINE]}
    assert tac_breaches(world, "UKR", "RUS", "2022-11-09") == {}
    assert tac_breaches(world, "UKR", "RUS", "2025-06-01") == {("UKR", "RUS"): [VOA_UKRAINE]}
    [v] = [v for v in foedus.cascade("RUS", "UKR", "2025-06-01", world=world).violations if v.treaty == "atop_3755"]
    assert v.certainty == "carried-forward"


def test_the_other_amity_treaty_parties_in_the_war(world: World) -> None:
    """What Ukraine's accession means for the other parties in the war. The escalatory reading of Russia's attack on
    2025-06-01 brings in North Korea (bound to Russia by the 2024 treaty), China (bound to North Korea) and Cuba (bound
    to Russia by ATOP 3975): North Korea and China parties to the Treaty of Amity and Cooperation since before 2019,
    Cuba since 10 Nov 2020 (a join), so their strikes on Ukraine, and Ukraine's on them, break it too, each breach
    citing Ukraine's page (and Cuba's for Cuba's). In the legal reading North Korea is bound to defend Russia
    against Ukraine's attack but strikes no one: the engine names a non-aggression duty only where its obligor
    attacks, so no breach. Before the accession none of these breaches the treaty."""
    tac = {"CHN", "CUB", "PRK", "RUS", "UKR"} & {m.state for m in world.treaties["atop_3755"].members}
    assert tac == {"CHN", "CUB", "PRK", "RUS", "UKR"}
    esc = tac_breaches(world, "RUS", "UKR", "2025-06-01", "escalatory")
    cuba = next(page for states, _, page, _ in TAC_JOINS if "CUB" in states)
    assert esc == {**{pair: [VOA_UKRAINE] for pair in [("RUS", "UKR"), ("PRK", "UKR"), ("CHN", "UKR"), ("UKR", "RUS"),
                                                       ("UKR", "PRK"), ("UKR", "CHN")]},
                   ("CUB", "UKR"): [cuba, VOA_UKRAINE], ("UKR", "CUB"): [VOA_UKRAINE, cuba]}
    assert tac_breaches(world, "RUS", "UKR", "2022-11-09", "escalatory") == {}
    legal = foedus.cascade("UKR", "RUS", "2025-06-01", world=world)
    prk = legal.joiner("PRK")
    assert prk is not None and (prk.side, prk.primary.treaty) == ("defense", "rus_prk_2024")
    assert {(v.state, v.against) for v in legal.violations if v.treaty == "atop_3755"} == {("UKR", "RUS")}

def test_a_join_needs_a_day_and_the_states_and_a_page() -> None:
    with pytest.raises(TreatyDataError, match=r"\[0\]\.date: action 'join' needs a date"):
        load_corrections(f"- {{atopid: 4778, action: join, states: [GUY], {PAGE}}}")
    with pytest.raises(TreatyDataError, match=r"\[0\]\.states: action 'join' needs the states"):
        load_corrections(f"- {{atopid: 4778, action: join, date: 2022-09-01, {PAGE}}}")
    with pytest.raises(TreatyDataError, match=r"\[0\] \(atopid 4778\)\.sources: needs at least 1 item") as caught:
        load_corrections("- {atopid: 4778, action: join, states: [GUY], date: 2022-09-01, sources: [], note: n}")
    assert "\n" not in str(caught.value)


@pytest.mark.parametrize(("entry", "said"), [
    ("{atopid: 4778, action: join, states: [SUR], date: 1990-01-01, ",
     r"\[0\] \(atopid 4778\): 1990-01-01 is before atop_4778 took effect \(1996-03-05\)"),
    ("{atopid: 6050, action: join, states: [PAK], date: 2022-01-01, ",
     r"\[0\] \(atopid 6050\): atop_6050 ended on 2021-08-15, on or before 2022-01-01"),
    ("{atopid: 4778, action: join, states: [GRD], date: 2024-01-01, ",
     r"\[0\] \(atopid 4778\): GRD is already a member of atop_4778 on 2024-01-01"),
    ("{atopid: 3015, action: join, states: [SYR], date: 2015-01-01, ",
     r"\[0\] \(atopid 3015\): SYR has a membership row in atop_3015 already \(a state that left comes back by a "
     r"rejoin\)"),
    ("{atopid: 4678, action: join, states: [CRI], date: 2024-01-01, ",
     r"\[0\] \(atopid 4678\): atop_4678's members are not bound alike on 2024-01-01: its defense provision \(ATOP "
     r"defense\) is owed by BLZ, DOM, GTM, HND, NIC, SLV and not PAN; a join cannot say which the new member takes"),
    ("{atopid: 2340, phase: 1, action: join, states: [FRA], date: 1960-01-01, ",
     r"\[0\] \(atopid 2340\): atop_2340_p1 is not carried past its source's coverage: a join adds a member to a "
     r"carried alliance only"),
    ("{atopid: 4875, action: join, states: [BLR], date: 2018-01-01, ",
     r"\[0\] \(atopid 4875\): no alliance of atopid 4875 is carried past ATOP's coverage in the merged world .*: "
     r"there is nothing to join"),  # ended in 2019 (a correction above it in the file): no longer carried
    ("{atopid: 99999, action: join, states: [GUY], date: 2022-09-01, ",
     r"\[0\] \(atopid 99999\): no alliance of atopid 99999 is carried"),
    ("{atopid: 4778, action: join, states: [XYZ], date: 2022-09-01, ", r"\[0\]\.states: .*XYZ"),
])
def test_a_join_that_cannot_be_is_one_line(world: World, entry: str, said: str) -> None:
    """A day before the alliance took effect or from its end, a state that is or was a member, provisions not the same
    for every member, an alliance not carried (a phase ATOP ends, one a correction ended, an unknown one; a curated
    treaty is edited directly), an unknown state: refused, naming the entry."""
    treaties = [world.treaties[t] for t in ("atop_4778", "atop_6050", "atop_3015", "atop_4678", "atop_2340_p1",
                                            "atop_2340_p2", "atop_4875")]
    with pytest.raises(TreatyDataError, match=said) as caught:
        apply_corrections(treaties, load_corrections(f"- {entry}{PAGE}}}"), world.states)
    assert "\n" not in str(caught.value) and isinstance(caught.value, FoedusError)
