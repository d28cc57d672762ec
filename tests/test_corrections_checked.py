"""The correction layer's `checked`: an alliance carried past ATOP's coverage whose standing a session checked and
left carried. It stays `carried-forward` (a check that found no end is an absence), and the carried-forward reason
of a result resting on it names the check: the day, the latest day its page shows it in force, the page and what was
found (docs/history.md, "Audit of the alliances carried to 2025-06-01"). Reads ATOP from the data folder."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

import foedus
from foedus.errors import TreatyDataError
from foedus.model.world import World
from foedus.sources.correction_apply import apply_corrections
from foedus.sources.corrections import load_corrections
from samples import cli_line, correction_refused

pytestmark = pytest.mark.needs_data

DOCS = Path(__file__).resolve().parents[1] / "docs" / "history.md"
PAGE = "sources: [{url: 'https://tass.com/world/1899089'}], note: n"
WIDE = {"COLUMNS": "400"}  # the text output as wide as the check reads it: a long fact on one line
IRAN = "in force in January 2025, renewed by five-year periods, no notice ending it found"


def reasons(out: Any) -> Iterator[dict[str, str]]:
    """Every certainty reason anywhere in a cascade's JSON."""
    if isinstance(out, dict):
        yield from out.get("certainty_reasons", [])
        for value in out.values():
            yield from reasons(value)
    elif isinstance(out, list):
        for value in out:
            yield from reasons(value)


def test_a_checked_alliance_stays_carried_forward_and_its_reason_names_the_check(world: World) -> None:
    """Russia's neutrality toward Iran rests on the 2001 treaty (ATOP 4968), rechecked on 5 Dec 2026: in force in
    January 2025 per TASS. The tag stays carried-forward; the reason says the check. An alliance nobody checked
    (Estonia's 1990s treaty with Ukraine, ATOP 4241) says nothing of one."""
    est = next(n for n in foedus.cascade("RUS", "UKR", "2025-01-15", world=world).neutral if n.state == "EST")
    rus = next(n for n in foedus.cascade("USA", "IRN", "2025-06-01", world=world).neutral if n.state == "RUS")
    assert (rus.treaty, rus.certainty, est.treaty, est.certainty) == (
        "atop_4968", "carried-forward", "atop_4241", "carried-forward")
    [checked] = [r for r in rus.certainty_reasons if r.certainty == "carried-forward"]
    assert f'noted: "checked on 2026-12-05 (tass.com): {IRAN}"' in checked.fact
    assert checked.fact.startswith("atop_4968: its source codes it in force at the end of its coverage (2018-12-31)")
    [unchecked] = [r for r in est.certainty_reasons if r.certainty == "carried-forward"]
    assert "checked" not in unchecked.fact and "noted" not in unchecked.fact


def test_the_check_reaches_the_json_the_text_and_the_treaty(world: World) -> None:
    """`foedus cascade --json` (Ethiopia's defence of Kenya, the 1963 pact, ATOP 3485), the text output and
    `foedus treaties show` say the check; the check's pages are among the treaty's sources."""
    said = ("checked on 2026-12-05 (newafricanmagazine.com): renewed consistently; the 2025 defence cooperation "
            "agreement not said to replace it")
    proc = cli_line(["cascade", "-a", "SOM", "-t", "KEN", "-d", "2025-06-01", "--json"], env=WIDE)
    assert proc.returncode == 0, proc.stderr
    found = [r for r in reasons(json.loads(proc.stdout)) if r["fact"].startswith("atop_3485: its source")]
    assert found and all(said in r["fact"] and r["certainty"] == "carried-forward" for r in found)
    text = cli_line(["cascade", "-a", "SOM", "-t", "KEN", "-d", "2025-06-01"], env=WIDE)
    assert text.returncode == 0, text.stderr
    assert said in " ".join(text.stdout.replace("│", " ").split()), text.stdout
    shown = cli_line(["treaties", "show", "atop_4968", "--json"], env=WIDE)
    assert shown.returncode == 0, shown.stderr
    treaty = json.loads(shown.stdout)
    assert treaty["carry_checked"] == f"checked on 2026-12-05 (tass.com): {IRAN}"
    assert f"correction (checked): checked on 2026-12-05 (tass.com): {IRAN}" in treaty["note"]
    assert {"https://tass.com/world/1899089", "https://www.lawmix.ru/abro/3956/23001"} <= {
        s["url"] for s in treaty["sources"]}
    assert treaty["carried_from"] == "2018-12-31" and treaty["certainty"] == "verified"


def test_the_checks_are_those_docs_history_records_with_its_pages(world: World) -> None:
    """Every alliance docs/history.md lists as checked and left carried, with a page, is recorded; each check's pages
    are pages docs/history.md cites, its treaty still carried forward (a check never ends the carry)."""
    docs = DOCS.read_text(encoding="utf-8")
    checks = [c for c in load_corrections() if c.action == "checked"]
    ids = {c.atopid for c in checks}
    assert ids >= {4515, 4720, 3880, 4030, 4968, 4145, 3900, 4270, 4240, 4010, 4485, 4305, 4230, 4670, 4678, 2340,
                   4550, 3485, 5090, 4900, 4225, 4867, 5040, 4392, 4951, 4275, 4990, 3975, 4758, 4865, 4778, 3995,
                   4575, 4150, 4615, 4345, 4210, 3815, 6020, 3705, 3740, 4750, 3755, 4430, 4810,
                   3733, 3736, 3737, 4980, 4415, 4125, 4960, 6032, 4885, 7040, 4063, 6045, 4148, 4585,
                   6080, 3015, 4953, 5095, 3965, 4055, 4500, 4507, 4205, 4035, 4185, 3470,
                   4845, 4785, 4165, 4200, 4850, 4350, 4610, 4970, 4740,
                   3515, 3450, 4002, 3708, 3746, 3767, 4908, 2423,
                   4605, 3842, 5080,
                   4330, 4535,
                   7005,
                   3222, 3984, 4040, 7025,
                   4745, 5053, 4910, 6053, 5065, 4764, 4925,
                   3225, 3195,
                   4532, 6010,
                   4680, 5000, 4950,
                   3537,
                   5035, 4635,
                   4245, 5045, 5030, 5032,
                   4120}
    for c in checks:
        assert all(s.url in docs for s in c.sources), c.atopid
        assert c.checked is not None and c.checked <= dt.date(2026, 12, 8)
        tid = f"atop_{c.atopid}" + (f"_p{c.phase}" if c.phase else "")
        t = world.treaties[tid]
        assert t.carried_from is not None and t.carry_checked is not None and t.terminated is None
        assert t.standing_on(dt.date(2025, 6, 1)).value == "carried-forward"
    assert world.treaties["atop_2340_p2"].carry_checked is not None
    assert world.treaties["atop_2340_p1"].carry_checked is None  # the check was of phase 2


@pytest.mark.parametrize(("tid", "said"), [
    ("atop_4275", "checked on 2026-12-05 (wprost.pl): in force in June 2022, its 30th anniversary marked by Poland's "
                  "foreign ministry; no denunciation found"),
    ("atop_4990", "checked on 2026-12-05 (zdg.md): in force in November 2021, its 20th anniversary marked by the two "
                  "foreign ministers' joint declaration; no denunciation found"),
    ("atop_3975", "checked on 2026-12-05 (pyongyangtimes.com.kp): in force on 2023-03-11, called the legal guarantee "
                  "of the two states' ties at its anniversary; no end found"),
    ("atop_4758", "checked on 2026-12-05 (1lurer.am): in force on 2025-03-10, its 30th anniversary marked by "
                  "Armenia's foreign minister; no end found"),
])
def test_the_checks_that_found_a_page_on_5_dec_2026(world: World, tid: str, said: str) -> None:
    """Belarus-Poland 1992, Moldova-Russia 2001 and Cuba-DPRK 1986 (listed as checked without a page) and Armenia-India
    1995 (searched with nothing found) have a page now: each says its check and stays carried forward."""
    t = world.treaties[tid]
    assert t.carry_checked == said
    assert t.carried_from == dt.date(2018, 12, 31) and t.terminated is None
    assert t.standing_on(dt.date(2025, 6, 1)).value == "carried-forward"


def test_the_amity_treatys_check_rests_on_a_ministrys_page() -> None:
    """ATOP 3755's check (the Treaty of Amity and Cooperation, 2022) rested on a regional paper's copy of IANS and
    Xinhua; it now rests first on Greece's foreign ministry's page of the minister's signature in Phnom Penh on 3 Aug
    2022, then on the UAE's state news agency's report of its own signature that day, the paper kept for the count of
    49 parties (docs/history.md, the twenty-ninth batch)."""
    [check] = [c for c in load_corrections() if c.action == "checked" and c.atopid == 3755]
    hosts = [urlsplit(s.url).hostname for s in check.sources]
    assert hosts[:3] == ["mfa.gr", "wam.ae", "theshillongtimes.com"]
    assert check.in_force == dt.date(2022, 8, 3)


CHECKED_5_DEC = {
    # first batch: defence legs first (the 1999 Union State treaty, the Regional Security System, the Arab Maghreb
    # Union), then neutrality
    "atop_4865_p2": "checked on 2026-12-05 (tass.com): in force on 2019-12-08, Belarus's president looked to a new "
                    "boost in carrying it out at its 20th anniversary; no end found",
    "atop_4778": "checked on 2026-12-05 (stabroeknews.com): in force in March 2022, a protocol to it for Guyana's "
                 "accession signed by its members; no end found",
    "atop_3995": "checked on 2026-12-05 (fr.le360.ma): in force in May 2024, its Secretary-General appointed under "
                 "it with all five members' approval; no end found",
    "atop_4575": "checked on 2026-12-05 (muzhp.pl): in force on 2024-06-28, its 30th anniversary marked at a "
                 "conference organised by Lithuania's embassy in Poland; no end found",
    "atop_4150": "checked on 2026-12-05 (stiripesurse.ro): in force on 2022-01-27, its 30th anniversary marked by the "
                 "two foreign ministers; no end found",
    "atop_4615": "checked on 2026-12-05 (mainz-bk.mfa.gov.tr): in force on 2022-08-26, named in the two states' joint "
                 "statement on 30 years of diplomatic relations; no end found",
    "atop_4345": "checked on 2026-12-05 (ucraina.mfa.gov.md): the legal basis of the relations per Moldova's embassy "
                 "in Ukraine, a page from after June 2022; no end found",
    "atop_4210": "checked on 2026-12-05 (mfa.bg): the fundamental document of the relations per Bulgaria's foreign "
                 "ministry, a page without a date; no end found",
    # second batch: non-aggression pacts of present-day tensions (the Simla Agreement, whose standing Pakistan put in
    # doubt in 2025; only the CSCE's phase from the Charter of Paris is carried)
    "atop_3815": "checked on 2026-12-05 (shine.cn): in force on 2023-10-23, its 45th anniversary marked by the two "
                 "prime ministers' messages; no end found",
    "atop_6020": "checked on 2026-12-05 (eng.sectsco.org): in force in March 2022, the member states' permanent "
                 "representatives at work on a plan to implement it, per the SCO Secretariat; no end found",
    "atop_3705": "checked on 2026-12-05 (tribune.com.pk): Pakistan said on 24 Apr 2025 it may hold it in abeyance; "
                 "its Foreign Office said on 5 Jun 2025 that no formal decision to abrogate it had been made; not "
                 "found ended",
    "atop_3740_p2": "checked on 2026-12-05 (press.un.org): in force on 2025-07-31, the Helsinki Final Act's 50th "
                    "anniversary marked in Helsinki, the UN Secretary-General calling on all to recommit to its "
                    "spirit; no end found",
    "atop_4750": "checked on 2026-12-05 (gov.si): in force on 2020-11-21, its 25th anniversary marked by Slovenia's "
                 "government, which says it still guarantees Bosnia and Herzegovina's sovereignty; no end found",
    "atop_3755": "checked on 2026-12-05 (mfa.gr): in force on 2022-08-03, Greece's foreign minister signed its "
                 "accession to it in Phnom Penh at the 55th ASEAN Foreign Ministers' Meeting, one of six states to "
                 "accede that day; no end found",
    # third batch: Albania-Bulgaria 1993; ATOP's SCO phase of the 1996 Shanghai alliance; China's joint communiques
    # of 1974-75 with Malaysia, the Philippines and Thailand (pages of the relations' 50th anniversaries)
    "atop_4430": "checked on 2026-12-05 (bta.bg): in force in 2023, its 30th anniversary marked at the Albanian "
                 "president's official visit to Sofia; no end found",
    "atop_4810_p2": "checked on 2026-12-05 (tass.com): in force on 2025-09-01, the SCO's member states' leaders "
                    "adopted the Tianjin Declaration at their summit; no end found",
    "atop_3733": "checked on 2026-12-05 (theborneopost.com): in force on 2024-05-31, the 50th anniversary of the "
                 "diplomatic relations its joint communique established, marked by Malaysia's prime minister; no end "
                 "found",
    "atop_3736": "checked on 2026-12-05 (en.people.cn): in force on 2025-06-07, the 50th anniversary of the diplomatic "
                 "relations its joint communique established, marked by the Philippine president; no end found",
    "atop_3737": "checked on 2026-12-05 (en.people.cn): in force on 2025-06-30, the 50th anniversary of the diplomatic "
                 "relations its joint communique established, marked at a reception co-hosted by Thailand's foreign "
                 "ministry; no end found",
    # fourth batch: non-aggression pacts of present-day tensions (the carried defence legs left unchecked yielded no
    # page): China-Russia 2001 and India-Russia 1993, the two Koreas' 1991 Basic Agreement (in doubt since the North's
    # hostile-state line), the Eritrea-Ethiopia Algiers Agreement, ATOP's phase of the US-Iraq Strategic Framework
    # Agreement; Azerbaijan-Russia 1997, named in their 2022 Declaration on Allied Interaction
    "atop_4980": "checked on 2026-12-05 (xinhuanet.com): in force on 2021-06-28, its extension announced in the two "
                 "presidents' joint statement on its 20th anniversary; no end found",
    "atop_4415": "checked on 2026-12-05 (tass.com): in force in January 2023, its 30th anniversary marked in India and "
                 "Russia; no end found",
    "atop_4125": "checked on 2026-12-05 (koreaherald.com): North Korea said in January 2009 it would nullify it and "
                 "has called the South a hostile state since December 2023; Seoul's Unification Ministry expected in "
                 "October 2024 that the North might revoke it; not found ended",
    "atop_4960": "checked on 2026-12-05 (news.radioalgerie.dz): in force on 2025-12-12, its 25th anniversary marked by "
                 "the UN Secretary-General, who urged both states to recommit to it; no end found",
    "atop_6032_p2": "checked on 2026-12-05 (mofa.gov.iq): in force on 2024-04-15, the two states' Higher Coordinating "
                    "Committee met under it; no end found",
    "atop_4885": "checked on 2026-12-05 (azertag.az): in force on 2022-02-22, named first among the bases of the two "
                 "presidents' Declaration on Allied Interaction; no end found",
    # fifth batch: non-aggression pacts of present-day tensions (the Prespa Agreement, disputed in its application;
    # China's communique with Lithuania, invoked by China against it in 2021; the Sudan-South Sudan Cooperation
    # Agreement), then China's communique with Israel and its treaty with Mongolia
    "atop_7040": "checked on 2026-12-05 (ekathimerini.com): in force on 2024-06-15, Greece's foreign minister called "
                 "it a ratified international treaty, absolutely binding, that cannot be modified unilaterally; no end "
                 "found",
    "atop_4063": "checked on 2026-12-05 (ecns.cn): in force on 2021-08-10, China's foreign ministry said Lithuania's "
                 "decision to allow a Taiwanese office broke its spirit and recalled its ambassador; relations were "
                 "downgraded, not broken; no end found",
    "atop_6045_p2": "checked on 2026-12-05 (jubaecho.com): in force on 2023-01-12, the two presidents discussed its "
                    "implementation at their meeting in Juba; no end found",
    "atop_4148": "checked on 2026-12-05 (en.people.cn): in force on 2022-01-24, the 30th anniversary of the diplomatic "
                 "relations its joint communique established, marked by China's embassy in Israel with Israel's "
                 "economy minister; no end found",
    "atop_4585": "checked on 2026-12-05 (en.cpaffc.org.cn): in force on 2019-05-27, the 25th anniversary of its "
                 "revision marked at a reception in Beijing co-hosted by Mongolia's embassy, with the two foreign "
                 "ministers' letters; no end found",
    # sixth batch: carried phases outside Europe with a leg of several states (the Northern Corridor pact of Kenya,
    # Rwanda and Uganda; the Pact of the Arab League; the AU's Constitutive Act), then the Lombok Treaty and the
    # Argentina-Chile Treaty of Peace and Friendship
    "atop_6080": "checked on 2026-12-05 (africa24tv.com): in force on 2024-09-05, security officials of Kenya, Rwanda "
                 "and Uganda met in Kigali to review the implementation of the tripartite defence pact already signed; "
                 "no end found",
    "atop_3015": "checked on 2026-12-05 (un.org): in force on 2024-05-16, the League's Council met at summit level in "
                 "its 33rd ordinary session in Manama and adopted the Bahrain Declaration; no end found",
    "atop_4953_p2": "checked on 2026-12-05 (jurist.org): in force on 2023-08-14, the Peace and Security Council "
                    "suspended Niger's participation in line with the AU Constitutive Act; no end found",
    "atop_5095": "checked on 2026-12-05 (foreignminister.gov.au): in force on 2025-11-12, Australia's foreign minister "
                 "said the new Treaty on Common Security, substantively concluded that day, builds on it; not said to "
                 "replace it; no end found",
    "atop_3965": "checked on 2026-12-05 (itvpatagonia.com): in force on 2024-11-25, its 40th anniversary marked at the "
                 "Vatican with Pope Francis, Chile's foreign minister leading his delegation; no end found",
    # eighth batch: bilateral non-aggression and consultation treaties of present-day tensions, a denunciation since
    # 2014 looked for first (Lithuania-Russia, Czech Republic-Russia: none found), China-India's 1996 LAC agreement,
    # Turkey-Ukraine; then Germany's treaties with Poland and with Czechoslovakia (the Czech and Slovak phases), and
    # the Elysée Treaty
    "atop_4055": "checked on 2026-12-05 (lrp.lt): in force on 2021-07-29, its 30th anniversary marked at Lithuania's "
                 "presidency, the President saying Russia must keep to its obligations under it; no denunciation "
                 "found",
    "atop_4500": "checked on 2026-12-05 (melnicky.denik.cz): in force on 2020-05-05, the Czech Republic asked Russia "
                 "for consultations under it, the first time since its adoption; no denunciation found (the Senate "
                 "debated calling for one in April 2021)",
    "atop_4507_p2": "checked on 2026-12-05 (thestatesman.com): in force on 2024-01-13, India's foreign minister said "
                    "China violated the 1993 and 1996 agreements by bringing troops to the LAC; no end found",
    "atop_4205": "checked on 2026-12-05 (ukrturk.net): in force on 2020-05-04, Ukraine's ambassador in Ankara named "
                 "it, at its 28th anniversary, the basis of the two states' strategic partnership; no end found",
    "atop_4035": "checked on 2026-12-05 (auswaertiges-amt.de): in force on 2021-06-17, its 30th anniversary marked by "
                 "Germany's foreign minister; no end found",
    "atop_4185_p2": "checked on 2026-12-05 (landesecho.cz): in force in February 2022, its 30th anniversary marked in "
                    "the Czech Republic; no end found",
    "atop_4185_p3": "checked on 2026-12-05 (karpatenblatt.sk): in force in 2022, its 30th anniversary marked in "
                    "Slovakia, the Czech Republic and Slovakia having taken on its obligations as successor states; "
                    "no end found",
    "atop_3470": "checked on 2026-12-05 (amp.dw.com): in force on 2023-01-22, its 60th anniversary marked in Paris by "
                 "France's president and Germany's chancellor, with a joint Council of Ministers; no end found",
    # ninth batch: the Balkan and Central European basic treaties of 1991-2001 (Albania-Greece renewed, Spain-Poland's
    # renewal under way, neither ended)
    "atop_4845": "checked on 2026-12-05 (nineoclock.ro): in force on 2020-05-26, Romania's foreign minister, meeting "
                 "Hungary's, said Romania wants the two states to act on the basis of the principles of the 1996 "
                 "treaty; no end found",
    "atop_4785": "checked on 2026-12-05 (ekathimerini.com): in force in 2022, the two governments agreed to renew it "
                 "for another five years, its first renewal running to 2023; no end found",
    "atop_4165": "checked on 2026-12-05 (magyarnemetintezet.hu): in force on 2022-02-14, its 30th anniversary marked "
                 "at the Hungarian National Museum with Germany's ambassador and a Hungarian minister, as the "
                 "foundation of the relations to this day; no end found",
    "atop_4200": "checked on 2026-12-05 (nineoclock.ro): in force on 2022-04-21, its 30th anniversary marked by the "
                 "two foreign ministers' joint statement; no end found",
    "atop_4850": "checked on 2026-12-05 (europapress.es): in force on 2022-01-30, Spain's foreign ministry, at 30 "
                 "years of relations with Ukraine, said they were driven above all by it; no end found",
    "atop_4350": "checked on 2026-12-05 (thediplomatinspain.com): in force on 2022-07-27, the two governments' joint "
                 "declaration at their summit in Warsaw began work to renew it; no new treaty or end found",
    "atop_4610": "checked on 2026-12-05 (nineoclock.ro): in force on 2019-10-28, Romania's foreign ministry marked its "
                 "25th anniversary in its message on the Czech national day; no end found",
    "atop_4970": "checked on 2026-12-05 (bucharest.mfa.gov.mk): in force on 2021-04-30, its 20th anniversary marked by "
                 "North Macedonia's embassy in Bucharest, the cooperation within it said to continue to develop; no "
                 "end found",
    "atop_4740": "checked on 2026-12-05 (agenpress.it): in force on 2025-05-16, Italy's and Albania's prime ministers "
                 "named it in their joint declaration in Tirana; no end found",
    # tenth batch: carried treaties outside Europe and of Russia, China, Belarus and the UK, a denunciation looked for
    # first (none found): China's friendship treaties with Tanzania and Ghana, its communiques with Saudi Arabia, the
    # Maldives, Samoa, Papua New Guinea and Tonga, and the Bolivia-Paraguay Chaco peace treaty of 1938
    "atop_3515": "checked on 2026-12-05 (focac.org): in force on 2020-10-14, its 55th anniversary marked by China's "
                 "ambassador in an article in Tanzania's Daily News; no end found",
    "atop_3450": "checked on 2026-12-05 (en.people.cn): in force on 2022-08-18, its 61st anniversary marked in Accra "
                 "by China's ambassador and the director of Ghana's foreign ministry's Legal and Treaties Bureau; no "
                 "end found",
    "atop_4002": "checked on 2026-12-05 (xinhuanet.com): in force on 2020-07-21, the 30th anniversary of the "
                 "diplomatic relations its communique established, marked by the two heads of state's messages; no end "
                 "found",
    "atop_3708": "checked on 2026-12-05 (nationthailand.com): in force in January 2022, the Maldives' president and "
                 "China's foreign minister looked to the 50th anniversary of the diplomatic relations its communique "
                 "established; no end found",
    "atop_3746": "checked on 2026-12-05 (chinadailyhk.com): in force on 2024-11-26, the two states' joint statement "
                 "recalls the 49 years of the diplomatic relations its communique established and commits them to its "
                 "principles, mutual non-aggression among them; no end found",
    "atop_3767": "checked on 2026-12-05 (eng.yidaiyilu.gov.cn): in force on 2022-02-05, the two states' joint "
                 "statement speaks highly of the relations established on 12 Oct 1976 by its communique; no end found",
    "atop_4908": "checked on 2026-12-05 (talanoaotonga.to): in force in 2023, the 25th anniversary of the diplomatic "
                 "relations its joint communique established, marked by China's ambassador; no end found",
    "atop_2423": "checked on 2026-12-05 (mre.gov.py): in force in July 2020, its 82nd anniversary marked by "
                 "Paraguay's national boundary demarcation commission, which says the boundaries were fixed under it; "
                 "no end found",
    # eleventh batch: the carried treaties of the US, Russia and China, a denunciation looked for first (none found):
    # the Russia-Vietnam treaty of 1994, the US-Tuvalu Treaty of Friendship of 1979 and China's communique with
    # Montenegro of 2006
    "atop_4605": "checked on 2026-12-05 (en.baoquocte.vn): in force on 2024-06-07, its 30th anniversary marked at "
                 "Russia's embassy in Hanoi with Vietnam's deputy prime minister; no end found",
    "atop_3842": "checked on 2026-12-05 (state.gov): in force in 2020, the US Secretary of State's message on the 42nd "
                 "anniversary of Tuvalu's independence looks to strengthening the bonds forged when the two states "
                 "signed their Treaty of Friendship; no end found",
    "atop_5080": "checked on 2026-12-05 (cdm.me): in force in July 2021, the 15th anniversary of the diplomatic "
                 "relations its joint communique established, marked by China's ambassador; no end found",
    # twelfth batch: France's consultation treaties of 1991-94 with Central and Eastern Europe, the Caucasus and
    # Central Asia, a denunciation or replacement looked for first: France-Kazakhstan 1992, Azerbaijan-France 1993
    # (France-Poland 1991's check gave way to an end: the Treaty of Nancy replaced it on 22 Jan 2026, test_carry.py)
    "atop_4330": "checked on 2026-12-05 (senat.fr): in force on 2026-01-21, the French Senate's foreign affairs "
                 "committee named it as the two states' first bilateral treaty; no end found",
    "atop_4535": "checked on 2026-12-05 (azertag.az): in force on 2022-11-16, Azerbaijan's foreign ministry, "
                 "protesting a French Senate resolution to France's charge d'affaires, invoked its article 2; no end "
                 "found",
    # thirteenth batch (6 Dec 2026): leads earlier batches named (Congo-USSR 1981, France-Slovakia, Poland-Spain 1992)
    # and Russia's carried treaties in Latin America and the Caribbean, a denunciation or replacement looked for first
    # (none found): the Guyana-Russia treaty on basic relations of 2016
    "atop_7005": "checked on 2026-12-06 (op.gov.gy): in force on 2019-06-12, Guyana's President, in his Russia Day "
                 "address, named it first among the instruments that enhanced the relations; no end found",
    # fourteenth batch (6 Dec 2026): carried phases docs/history.md named at most once, a denunciation, replacement or
    # termination looked for first (none found; Algeria's suspension of its 2002 treaty with Spain is no end):
    # Pakistan-Saudi Arabia 1951, Australia-Papua New Guinea 1987, Spain-Morocco 1991, Bulgaria-North Macedonia 2017
    "atop_3222": "checked on 2026-12-06 (thefinancialdaily.com): in force in November 2023, its 72nd anniversary "
                 "marked by Saudi Arabia's press attache in Islamabad, who said it continues to yield positive "
                 "impacts; no end found",
    "atop_3984": "checked on 2026-12-06 (dfat.gov.au): in force on 2020-08-05, the two states' Comprehensive "
                 "Strategic and Economic Partnership names it among the foundations it builds on; no end found",
    "atop_4040": "checked on 2026-12-06 (theobjective.com): in force on 2023-02-02, Spain's Prime Minister, at the two "
                 "governments' High-Level Meeting, said it would now be updated as their joint declaration of 2022 "
                 "provides; no end found",
    "atop_7025": "checked on 2026-12-06 (pretsedatel.mk): in force on 2022-01-29, North Macedonia's President, "
                 "answering Bulgaria's foreign ministry, said none of his acts was contrary to it and committed to its "
                 "full implementation; no end found",
    # fifteenth batch (6 Dec 2026): carried phases docs/history.md had never named, a denunciation, replacement or
    # termination looked for first (none found): Spain-Tunisia 1995, Algeria-Portugal 2005, Kazakhstan-Uzbekistan 1998
    # and 2013, Azerbaijan-Kazakhstan 2005, Turkmenistan-Uzbekistan 1996, Armenia-Kazakhstan 1999
    "atop_4745": "checked on 2026-12-06 (kapitalis.com): in force on 2025-03-27, its 30th anniversary commemorated by "
                 "Tunisia's foreign minister on a visit to Madrid; no end found",
    "atop_5053": "checked on 2026-12-06 (fr.allafrica.com): in force on 2023-05-23, Algeria's President, in a joint "
                 "press statement with Portugal's President in Lisbon, reiterated his country's attachment to it; no "
                 "end found",
    "atop_4910": "checked on 2026-12-06 (zakonpravo.kz): in force on 2022-12-22, the two states' Treaty on Allied "
                 "Relations, ratified by Kazakhstan in May 2024, recognizes its importance in its preamble; no end "
                 "found",
    "atop_6053": "checked on 2026-12-06 (zakonpravo.kz): in force on 2022-12-22, the two states' Treaty on Allied "
                 "Relations, ratified by Kazakhstan in May 2024, recognizes its importance in its preamble; no end "
                 "found",
    "atop_5065": "checked on 2026-12-06 (news.day.az): in force on 2025-10-21, the two Presidents signed a joint "
                 "statement on its 20th anniversary at their talks in Astana; no end found",
    "atop_4764": "checked on 2026-12-06 (mfa.gov.tm): in force on 2022-10-21, the two Presidents' Declaration on "
                 "deepening strategic partnership is guided by the principles it lays down; no end found",
    "atop_4925": "checked on 2026-12-06 (astanatimes.com): in force on 2024-10-15, its 25th anniversary noted by "
                 "Kazakhstan's President at his talks with Armenia's President in Astana; no end found",
    # sixteenth batch (6 Dec 2026): carried phases docs/history.md had never named, a denunciation, replacement or
    # termination looked for first (none found): India-Philippines 1952, Philippines-Thailand 1949
    "atop_3225": "checked on 2026-12-06 (dfa.gov.ph): in force on 2025-08-05, the two states' Declaration on "
                 "Establishment of a Strategic Partnership emphasizes its fundamental importance; no end found",
    "atop_3195": "checked on 2026-12-06 (tribune.net.ph): in force on 2024-07-01, the Philippines' foreign ministry, "
                 "announcing the Thai foreign minister's visit in the 75th anniversary year, said the relations were "
                 "established through its signing; no end found",
    # seventeenth batch (6 Dec 2026): carried phases docs/history.md had never named, a denunciation, replacement or
    # termination looked for first (none found): Kazakhstan-Lithuania 1993, Azerbaijan-Tajikistan 2007
    "atop_4532": "checked on 2026-12-06 (inform.kz): in force on 2022-06-15, Kazakhstan's foreign ministry, marking "
                 "30 years of diplomatic relations, said it laid a solid legal foundation for the relations; no end "
                 "found",
    "atop_6010": "checked on 2026-12-06 (mfa.tj): in force on 2020-05-29, Tajikistan's foreign ministry, on the 28th "
                 "anniversary of diplomatic relations, called it the fundamental document of the two states' "
                 "partnership; no end found",
    # eighteenth batch (6 Dec 2026): carried phases docs/history.md had never named, a denunciation, replacement or
    # termination looked for first (none found): Hungary-Slovakia 1995, Russia-Turkmenistan 2002, Belarus-Tajikistan
    # 2000
    "atop_4680": "checked on 2026-12-06 (mzv.sk): in force on 2020-03-19, Slovakia's foreign ministry, on the 25th "
                 "anniversary of its signing, said it had opened the two states' way into the EU and NATO and "
                 "confirmed their common borders; no end found",
    "atop_5000": "checked on 2026-12-06 (regnum.ru): in force on 2022-04-23, Russia's President, congratulating "
                 "Turkmenistan's on the 20th anniversary of its signing, said it began the present stage of the two "
                 "states' relations; no end found",
    "atop_4950": "checked on 2026-12-06 (old.asiaplustj.info): in force on 2025-02-26, Tajikistan's foreign ministry "
                 "names it, reporting the two Presidents' telephone call, among the founding documents that set the "
                 "principles of the relations; no end found",
    # twenty-second batch (6 Dec 2026): carried phases docs/history.md had never named, non-aggression and
    # consultation treaties of 1959-83 of African states, a denunciation, replacement or termination looked for first
    # (none found): Gambia-Israel 1966
    "atop_3537": "checked on 2026-12-06 (allafrica.com): in force on 2019-05-30, its Gambian signatory thanked "
                 "Israel's ambassador for revitalising the friendship agreements of the 1960s, among which the "
                 "ambassador named it; no end found",
    # twenty-fifth batch (6 Dec 2026): the carried phases between Russia or Belarus and a NATO or EU state that the
    # twenty-fourth batch searched without a page, a denunciation, termination or suspension looked for first (none
    # found): Romania-Russia 2003, Italy-Russia 1994
    "atop_5035": "checked on 2026-12-06 (eadaily.com): in force on 2023-02-08, Russia's ambassador in Bucharest said "
                 "the two states have it but that it does not work because of Romania's actions; no denunciation "
                 "found",
    "atop_4635": "checked on 2026-12-06 (roma.mid.ru): in force in 2019, Russia's embassy in Rome says the key "
                 "principles of the relations are currently set out in it (a page naming events to 2019); no "
                 "denunciation found",
}


@pytest.mark.parametrize(("tid", "said"), list(CHECKED_5_DEC.items()))
def test_the_alliances_first_checked_on_5_dec_2026(world: World, tid: str, said: str) -> None:
    """The carried alliances checked for the first time on 5 Dec 2026 (and 6 Dec, the thirteenth to twenty-fifth
    batches), in the batches docs/history.md lists (the seventh, the nineteenth to twenty-first, the twenty-third, the
    twenty-fourth, the twenty-sixth and the twenty-seventh recorded none): each says its check (an in-force day, month,
    year or none, as its first page gives) and stays carried forward, with no end."""
    t = world.treaties[tid]
    assert t.carry_checked == said
    assert t.carried_from == dt.date(2018, 12, 31) and t.terminated is None
    assert t.standing_on(dt.date(2025, 6, 1)).value == "carried-forward"


SEARCHED_26TH = ("atop_4115", "atop_4170", "atop_4265", "atop_4460", "atop_4505", "atop_4570", "atop_4730")


SEARCHED_27TH = ("atop_4480", "atop_4665", "atop_4695", "atop_4775")


SEARCHED_31ST = ("atop_5060", "atop_6005", "atop_5015", "atop_6060", "atop_6095", "atop_3383",
                 "atop_6075", "atop_4188", "atop_4675", "atop_4365", "atop_5034")


SEARCHED_32ND = ("atop_4998", "atop_4880", "atop_4913", "atop_4340", "atop_4710", "atop_4490", "atop_4650",
                 "atop_4545", "atop_4475", "atop_4600", "atop_4445", "atop_4420", "atop_4540", "atop_3775",
                 "atop_3835", "atop_3765", "atop_4820", "atop_4855", "atop_4715", "atop_4948", "atop_4655",
                 "atop_4568", "atop_4241")


@pytest.mark.parametrize(("batch", "searched"), [("A twenty-sixth batch", SEARCHED_26TH),
                                                 ("A twenty-seventh batch", SEARCHED_27TH),
                                                 ("A thirty-first batch", SEARCHED_31ST),
                                                 ("A thirty-second batch", SEARCHED_32ND)])
def test_the_phases_a_batch_searched_without_a_page_stay_carried_without_a_check(world: World, batch: str,
                                                                                  searched: tuple[str, ...]) -> None:
    """The twenty-sixth batch took the seven Russia/Belarus phases with NATO or EU states that the twenty-fifth searched
    without a page to the parties' gazettes and treaty databases; the twenty-seventh the four carried phases in force
    on 2025-06-01 whose ids docs/history.md had never named (Italy-Slovakia 1993, Bulgaria-Georgia and
    Bulgaria-Mongolia 1995, Czech Republic-Italy 1996). Neither found an end or a dated page after 2018: each phase
    is named in its batch's account, and stays carried forward on 2026-06-01 with no check and no end."""
    docs = DOCS.read_text(encoding="utf-8")
    account = docs[docs.index(batch):docs.index("## Arab League JDEC")]
    for tid in searched:
        assert f"**{tid}**" in account, tid
        t = world.treaties[tid]
        assert t.carried_from == dt.date(2018, 12, 31) and t.carry_checked is None and t.terminated is None, tid
        assert t.standing_on(dt.date(2026, 6, 1)).value == "carried-forward", tid


def test_a_phase_not_carried_has_no_check(world: World) -> None:
    """A check of one carried phase leaves the alliance's phases ATOP ends alone: the CSCE's phase 1, the 1996
    Shanghai alliance's phase 1."""
    assert world.treaties["atop_3740_p1"].carry_checked is None
    assert world.treaties["atop_4810_p1"].carry_checked is None
    assert world.treaties["atop_6032_p1"].carry_checked is None


@pytest.mark.parametrize(("attacker", "target", "tid"), [
    ("UKR", "RUS", "atop_4865_p2"), ("VEN", "GRD", "atop_4778"), ("DZA", "MAR", "atop_3995"),
    ("TUR", "HRV", "atop_4615"), ("CHN", "JPN", "atop_3815"), ("CHN", "KAZ", "atop_6020"), ("IND", "PAK", "atop_3705"),
    ("RUS", "EST", "atop_3740_p2"), ("SRB", "BIH", "atop_4750"), ("CHN", "PHL", "atop_3755"),
    ("ALB", "BGR", "atop_4430"), ("CHN", "IND", "atop_4810_p2"), ("CHN", "PHL", "atop_3736"),
    ("CHN", "MYS", "atop_3733"), ("CHN", "RUS", "atop_4980"), ("IND", "RUS", "atop_4415"), ("PRK", "KOR", "atop_4125"),
    ("ERI", "ETH", "atop_4960"), ("USA", "IRQ", "atop_6032_p2"), ("RUS", "AZE", "atop_4885"),
    ("GRC", "MKD", "atop_7040"), ("CHN", "LTU", "atop_4063"), ("SDN", "SSD", "atop_6045_p2"),
    ("CHN", "ISR", "atop_4148"), ("CHN", "MNG", "atop_4585"), ("UGA", "RWA", "atop_6080"), ("IRQ", "KWT", "atop_3015"),
    ("RWA", "COD", "atop_4953_p2"), ("IDN", "AUS", "atop_5095"), ("ARG", "CHL", "atop_3965")])
def test_a_cascade_resting_on_a_check_of_5_dec_2026_names_it(world: World, attacker: str, target: str,
                                                            tid: str) -> None:
    """A cascade on 2025-06-01 in which the alliance's duty appears (a state's duty to defend, to stay out, or not to
    attack its target): its carried-forward reason ends with the check, the tag staying carried-forward."""
    found = [r for r in reasons(foedus.cascade(attacker, target, "2025-06-01", world=world).to_dict())
             if r["fact"].startswith(f"{tid}: its source codes it in force at the end of its coverage")]
    assert found and all(r["certainty"] == "carried-forward" and f'noted: "{CHECKED_5_DEC[tid]}"' in r["fact"]
                         for r in found)


CHECKED_7_DEC = {
    # thirty-first batch (7 Dec 2026, session 67): unchecked carried phases cited by the bundled scenarios' cascades
    # or with a major power among their members, all searched before: Russia-Uzbekistan 1992 and 2004,
    # China-Kazakhstan 2002, Algeria-Italy 2003
    "atop_4245": "checked on 2026-12-07 (ria.ru): in force on 2025-08-31, RIA Novosti's reference on the relations "
                 "names it first among their founding documents; no end found",
    "atop_5045": "checked on 2026-12-07 (special.kremlin.ru): in force on 2024-05-27, the two presidents' joint "
                 "statement noted the parties' commitment to its provisions; no end found",
    "atop_5030": "checked on 2026-12-07 (paper.people.com.cn): in force on 2022-09-14, the presidents' joint "
                 "statement on the 30th anniversary of relations stressed their adherence to it; no end found",
    "atop_5032": "checked on 2026-12-07 (lapresse.it): in force on 2023-01-23, the joint declaration Meloni and "
                 "Tebboune signed in Algiers marked its 20th anniversary; no end found",
}


@pytest.mark.parametrize(("tid", "said"), list(CHECKED_7_DEC.items()))
def test_the_alliances_the_thirty_first_batch_checked(world: World, tid: str, said: str) -> None:
    """The thirty-first batch's four checks (docs/history.md): each says its check and its page's day, and stays
    carried forward with no end."""
    t = world.treaties[tid]
    assert t.carry_checked == said
    assert t.carried_from == dt.date(2018, 12, 31) and t.terminated is None
    assert t.standing_on(dt.date(2025, 6, 1)).value == "carried-forward"


@pytest.mark.parametrize(("attacker", "target", "tid"), [
    ("UZB", "RUS", "atop_5045"), ("CHN", "KAZ", "atop_5030"), ("ITA", "DZA", "atop_5032"), ("UKR", "RUS", "atop_4245")])
def test_a_cascade_resting_on_a_check_of_7_dec_2026_names_it(world: World, attacker: str, target: str,
                                                            tid: str) -> None:
    """An attack on 2025-06-01 across one of the checked alliances: the carried-forward reason of the attacker's
    broken non-aggression duty (or, UKR-RUS, of Uzbekistan's duty to defend Russia) ends with the check, the tag staying
    carried-forward."""
    found = [r for r in reasons(foedus.cascade(attacker, target, "2025-06-01", world=world).to_dict())
             if r["fact"].startswith(f"{tid}: its source codes it in force at the end of its coverage")]
    assert found and all(r["certainty"] == "carried-forward" and f'noted: "{CHECKED_7_DEC[tid]}"' in r["fact"]
                         for r in found)


HUNGARY_UKRAINE = ("checked on 2026-12-08 (szakcikkadatbazis.hu): in force in November 2023, a law journal's review "
                   "weighs the role the 1991 basic treaty plays in the two states' relations three decades on; no "
                   "end found")


def test_the_alliance_the_thirty_second_batch_checked(world: World) -> None:
    """The thirty-second batch's check (docs/history.md): the 1991 Hungary-Ukraine treaty (ATOP 4120), cited by most
    cascades of the result-hash draw on 2025-06-01, says its check and its page's month, and stays carried forward
    with no end; Hungary attacking Ukraine on that day breaks its non-aggression duty, whose carried-forward reason
    ends with the check."""
    t = world.treaties["atop_4120"]
    assert t.carry_checked == HUNGARY_UKRAINE
    assert t.carried_from == dt.date(2018, 12, 31) and t.terminated is None
    assert t.standing_on(dt.date(2025, 6, 1)).value == "carried-forward"
    found = [r for r in reasons(foedus.cascade("HUN", "UKR", "2025-06-01", world=world).to_dict())
             if r["fact"].startswith("atop_4120: its source codes it in force at the end of its coverage")]
    assert found and all(r["certainty"] == "carried-forward" and f'noted: "{HUNGARY_UKRAINE}"' in r["fact"]
                         for r in found)


def test_indias_neutrality_toward_armenia_names_its_check(world: World) -> None:
    """Azerbaijan attacks Armenia on 2025-06-01: India's duty to stay out rests on the 1995 treaty (ATOP 4758), and the
    carried-forward reason says the check of 5 Dec 2026 and the page's day."""
    ind = next(n for n in foedus.cascade("AZE", "ARM", "2025-06-01", world=world).neutral if n.state == "IND")
    assert (ind.treaty, ind.certainty) == ("atop_4758", "carried-forward")
    [carried] = [r for r in ind.certainty_reasons if r.certainty == "carried-forward"]
    assert 'noted: "checked on 2026-12-05 (1lurer.am): in force on 2025-03-10' in carried.fact


@pytest.mark.parametrize(("entry", "said"), [
    ("{atopid: 4968, action: checked, checked: 2999-01-01, found: x, " + PAGE + "}",
     r"atop_corrections\.yaml: \[0\] \(atopid 4968\)\.checked: 2999-01-01 is in the future"),
    ("{atopid: 4968, action: checked, checked: 2026-12-05, in_force: 2026-12-06, found: x, " + PAGE + "}",
     r"\[0\] \(atopid 4968\)\.in_force: 2026-12-06 is after the day it was checked \(2026-12-05\)"),
    ("{atopid: 4968, action: checked, checked: 2026-11-05, in_force: '2026-12', found: x, " + PAGE + "}",
     r"\.in_force: 2026-12 is after the day it was checked \(2026-11-05\)"),
    ("{atopid: 4968, action: checked, checked: 2026-12-05, found: x, sources: [], note: n}",
     r"\[0\] \(atopid 4968\)\.sources: needs at least 1 item"),
    ("{atopid: 4968, action: checked, found: x, " + PAGE + "}", r"\.checked: action 'checked' needs the day"),
    ("{atopid: 4968, action: checked, checked: 2026-12-05, " + PAGE + "}", r"\.found: action 'checked' needs"),
    ("{atopid: 4968, action: checked, checked: 2026-12-05, found: x, date: 2026-01-01, " + PAGE + "}",
     r"\.date: action 'checked' changes no date or member"),
    ("{atopid: 4968, action: certainty, certainty: unverified, checked: 2026-12-05, " + PAGE + "}",
     r"\.checked: goes with action 'checked' only"),
    ("{atopid: 4968, action: checked, checked: 2026-12-05, in_force: '2025-13', found: x, " + PAGE + "}",
     r"\[0\] \(atopid 4968\)\.in_force: must be a day \(2025-10-11\), a month \('2025-01'\) or a year"),
    ("{atopid: 4968, action: checked, checked: 2026-12-05, in_force: 2025-02-30, found: x, " + PAGE + "}",
     r"\[0\] \(atopid 4968\)\.in_force: must be a day .* \(got '2025-02-30'\)"),
])
def test_a_malformed_check_is_one_line(entry: str, said: str) -> None:
    correction_refused(entry, said)


@pytest.mark.parametrize(("entry", "said"), [
    ("{atopid: 99999, action: checked, checked: 2026-12-05, found: x, " + PAGE + "}",
     r"\[0\] \(atopid 99999\): no alliance of atopid 99999 is carried past ATOP's coverage"),
    ("{atopid: 2340, phase: 1, action: checked, checked: 2026-12-05, found: x, " + PAGE + "}",
     r"\[0\]: atop_2340_p1 is not carried past its source's coverage"),
    ("{atopid: 4875, action: checked, checked: 2026-12-05, found: x, " + PAGE + "}",
     r"no alliance of atopid 4875 is carried"),  # ended in 2019 (a correction above it in the file)
])
def test_a_check_of_no_carried_alliance_is_refused(world: World, entry: str, said: str) -> None:
    """An unknown atopid, a phase that is not carried, or an alliance a correction ended: nothing to check."""
    treaties = [world.treaties[t] for t in ("atop_2340_p1", "atop_2340_p2", "atop_4875", "atop_4968")]
    with pytest.raises(TreatyDataError, match=said) as caught:
        apply_corrections(treaties, load_corrections(f"- {entry}"), world.states)
    assert "\n" not in str(caught.value)


def test_in_force_words_by_day_month_and_year(world: World) -> None:
    """The in-force day as the check's page gives it: a day, a month or a year."""
    for given, words in (("2025-10-11", "in force on 2025-10-11, x"), ("'2025-01'", "in force in January 2025, x"),
                         ("'2021'", "in force in 2021, x"), ("2021", "in force in 2021, x")):
        fix = load_corrections(f"- {{atopid: 4968, action: checked, checked: 2026-12-05, in_force: {given}, "
                               f"found: x, sources: [{{url: 'https://www.example.org/a'}}], note: n}}")
        [t] = apply_corrections([world.treaties["atop_4968"]], fix, world.states)
        assert t.carry_checked == f"checked on 2026-12-05 (example.org): {words}"


def _today_anywhere() -> dt.date:
    """Today's date where it is latest on Earth (UTC+14)."""
    return (dt.datetime.now(dt.UTC) + dt.timedelta(hours=14)).date()


def test_no_bundled_check_day_is_after_today() -> None:
    """The guard against a typo'd far-future check day in the bundled file lives here, not in the loading: a user's
    clock must never refuse the bundled data (below)."""
    days = [c.checked for c in load_corrections() if c.checked is not None]
    assert days and max(days) <= _today_anywhere(), max(days)


BEHIND = """
import datetime as real, sys, types
import foedus.sources.corrections as corrections

class Behind(real.datetime):
    @classmethod
    def now(cls, tz=None):
        return real.datetime(2026, 1, 1, tzinfo=tz)

corrections.dt = types.SimpleNamespace(**{**vars(real), "datetime": Behind})
from foedus.model.world import World
print(World.default().treaties["atop_4758"].carry_checked)
"""


def test_a_clock_set_back_still_reads_the_bundled_corrections(monkeypatch: pytest.MonkeyPatch) -> None:
    """The bundled checks are of 4-5 Dec 2026: a machine whose clock says 1 Jan 2026 (behind, or set back) refused
    them as "in the future", and with them every world. Text a user gives is still held to the clock."""
    import types

    import foedus.sources.corrections as corrections

    class Behind(dt.datetime):
        @classmethod
        def now(cls, tz: dt.tzinfo | None = None) -> Behind:
            return cls(2026, 1, 1, tzinfo=tz)

    monkeypatch.setattr(corrections, "dt", types.SimpleNamespace(**{**vars(dt), "datetime": Behind}))
    assert any(c.checked is not None and c.checked > dt.date(2026, 1, 2) for c in load_corrections())
    with pytest.raises(TreatyDataError, match=r"\.checked: 2026-06-01 is in the future"):
        load_corrections("- {atopid: 4968, action: checked, checked: 2026-06-01, found: x, " + PAGE + "}")


@pytest.mark.slow
def test_a_clock_set_back_still_builds_the_bundled_world(tmp_path: Path) -> None:
    """The whole world, built afresh (a new cache folder, so that no world cached earlier hides the corrections'
    loading) in a process whose corrections read a clock at 1 Jan 2026: it loads, its checks said."""
    proc = subprocess.run([sys.executable, "-c", BEHIND], capture_output=True, text=True, timeout=900,
                          env={**os.environ, "FOEDUS_CACHE_DIR": str(tmp_path / "cache")})
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.strip().startswith("checked on 2026-12-05 (1lurer.am): in force on 2025-03-10")
