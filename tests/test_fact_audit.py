"""Facts changed by the audit of the curated 2025 treaties against the fact sheet (docs/certainty.md, "Audit").

Each test cites the fact sheet section (/work/shared/reference/treaties-2025.md) and the source that settles
what the sheet leaves open. Runs on the curated set alone.
"""

from __future__ import annotations

import pytest

import foedus
from foedus.engine.result import Obligation
from foedus.model.overlay_changes import DropTreaty

CURATED = foedus.World.load(history=False)


def france_to_greece(day: str) -> Obligation:
    joiner = foedus.cascade("TUR", "GRC", day, world=CURATED).joiner("FRA")
    assert joiner is not None
    return next(o for o in (joiner.primary, *joiner.also) if o.treaty == "fra_grc_2021")


@pytest.mark.parametrize(("day", "dated"), [("2022-01-15", True), ("2022-02-15", True), ("2022-02-16", False),
                                            ("2025-06-01", False)])
def test_france_greece_entry_into_force_is_doubted_only_until_frances_publication_decree(day: str,
                                                                                         dated: bool) -> None:
    """§2.3: in force [U], French ratification not found. France published the agreement by Decree 2022-180 of
    14 Feb 2022 (Journal officiel of 16 Feb 2022), as it publishes agreements in force for it, so the stand-in
    entry into force (Greece's ratification, 7 Oct 2021) may be later only up to that day: after it no date
    reason, and France's party row rests on the decree (secondary), not on nothing."""
    o = france_to_greece(day)
    dates = [x.fact for x in o.certainty_reasons if x.kind == "date"]
    assert bool(dates) is dated
    assert all("up to 2022-02-16" in fact for fact in dates)
    (member,) = [x for x in o.certainty_reasons if x.kind == "membership"]
    assert member.certainty == "secondary" and "decret-n2022-180" in member.source
    assert o.certainty == ("unverified" if dated else "secondary")


def test_france_greece_signature_day_is_not_left_in_conflict() -> None:
    """§2.3: signed 28 Sep 2021 [V], one source 27 Sep [C]; the agreement as published in the Journal officiel
    says signed in Paris on 28 Sep 2021, so the file no longer lists the day as unsettled."""
    t = CURATED.treaty("fra_grc_2021")
    assert str(t.signed) == "2021-09-28"
    assert not any("27 Sep" in item for item in t.unverified)
    assert any("JORFARTI000045174546" in s.url for s in t.sources)


@pytest.mark.parametrize(("day", "doubted"), [("2025-07-17", False), ("2025-12-01", False), ("2026-02-28", False),
                                              ("2026-03-01", True), ("2026-06-01", True)])
def test_kensington_cannot_be_in_force_before_the_bundestag_passed_its_consent_law(day: str, doubted: bool) -> None:
    """§2.4: entry into force [U] (not found by end-2025). Germany's consent law (Drucksache 21/3945) was still before
    the Bundestag on 4 Feb 2026 and passed it in March 2026 (dts), so the treaty cannot have entered into force in
    2025: Argentina's attack on the Falklands, where Kensington alone would bind Germany, lists no doubt of it
    before March 2026 (it did from the signature), and does from then."""
    r = foedus.cascade("ARG", "GBR", day, world=CURATED, place="falkland-islands")
    facts = [d.fact for d in r.doubts if d.treaty == "gbr_deu_2025"]
    assert bool(facts) is doubted
    assert all("any day from 2026-03-01" in fact for fact in facts)


@pytest.mark.parametrize(("day", "settled", "doubted"), [("2025-02-01", True, False), ("2025-06-22", True, False),
                                                         ("2025-06-23", False, True), ("2025-09-01", False, True)])
def test_france_djibouti_2024_cannot_be_in_force_before_frances_parliament_debated_it(day: str, settled: bool,
                                                                                      doubted: bool) -> None:
    """§2.3: the 2024 treaty's ratification [U], valid 2025-2045. France's bill authorising its ratification was
    debated in the Senate on 21 May 2025 and in the National Assembly on 23 Jun 2025, so it cannot have entered into
    force before then: until that day the 2011 treaty surely still binds France to Djibouti (it was unverified from
    1 Jan 2025), and the 2024 treaty, with the 2011 one dropped, is no doubt (it was from the signature)."""
    joiner = foedus.cascade("ERI", "DJI", day, world=CURATED).joiner("FRA")
    assert joiner is not None
    old = next(o for o in (joiner.primary, *joiner.also) if o.treaty == "fra_dji_2011")
    assert (old.certainty == "verified") is settled
    dropped = foedus.cascade("SOM", "DJI", day, world=CURATED, what_if=[DropTreaty(treaty="fra_dji_2011")])
    facts = [d.fact for d in dropped.doubts if d.treaty == "fra_dji_2024"]
    assert bool(facts) is doubted
    assert all("any day from 2025-06-23" in fact for fact in facts)


@pytest.mark.parametrize(("day", "level"), [("2023-09-20", "secondary"), ("2024-01-01", "verified")])
def test_the_sahel_charter_is_in_force_on_its_signature_not_a_stand_in(day: str, level: str) -> None:
    """§3: signed 16 Sep 2023 [V], no entry into force given. A summary of the Charter two days later says it entered
    into force on its signature by all the parties, so the day is secondary and known to within a week, not a
    stand-in a year either way: Niger's duty to Mali is verified from a week after (it was unverified to Sep 2024)."""
    joiner = foedus.cascade("CIV", "MLI", day, world=CURATED).joiner("NER")
    assert joiner is not None
    o = next(o for o in (joiner.primary, *joiner.also) if o.treaty == "aes_2023")
    assert o.certainty == level
    assert not any("stand-in" in x.fact for x in o.certainty_reasons)


@pytest.mark.parametrize(("day", "renewed"), [("2026-10-06", False), ("2026-12-01", True)])
def test_france_greece_after_its_first_term_cites_the_2026_renewal_not_yet_read(day: str, renewed: bool) -> None:
    """§2.3: a five-year term [V], renewal [U]. In 2026 both governments set out to renew the agreement before it
    expired that year (the Greek Prime Minister in January; Kathimerini in February: to be signed in Athens in April)
    and ELIAMEP's analysts wrote of the renewal after Macron's visit to Athens in April 2026; the renewed text and its
    entry into force were not read. So France's duty to Greece after the first term still rests on an unverified
    renewal, but the reason cites where the renewal stands (ELIAMEP), not the clause's 2021 source, and none is given
    within the first term."""
    o = france_to_greece(day)
    after = [x for x in o.certainty_reasons if "that it applies from 2026-10-07" in x.fact]
    assert bool(after) is renewed
    assert o.certainty == ("unverified" if renewed else "secondary")
    for x in after:
        assert x.certainty == "unverified" and "eliamep.gr" in x.source
        assert "renewal not verified" in x.fact and "April 2026" in x.fact
        assert "entry into force were not read" in x.fact


@pytest.mark.parametrize(("day", "level"), [("2024-06-11", None), ("2025-03-07", "secondary"),
                                            ("2025-11-24", "secondary"), ("2025-11-25", "unverified"),
                                            ("2026-12-06", "unverified")])
def test_armenias_csto_membership_rests_on_dated_reports_until_24_november_2025(day: str, level: str | None) -> None:
    """§1.4 and §7 open item 3: whether Armenia notified its withdrawal from the CSTO in 2025 [U]. None was found:
    Russia's Deputy Foreign Minister said on 7 Mar 2025 that Yerevan had sent no withdrawal notice and remains a
    member (OC Media), and TASS reported on 24 Nov 2025 that Armenia would skip the Bishkek summit without objecting
    to its documents, having taken no decision to leave. So from 12 Jun 2024 ("will leave") to that day its
    membership rests on those secondary reports, after it on nothing dated (unverified): a party throughout, both
    ways (Russia's duty to Armenia, Armenia's to Russia)."""
    csto = CURATED.treaties["csto_1992"]
    assert [(m.joined, m.left) for m in csto.members if m.state == "ARM"][-1][1] is None  # no withdrawal encoded
    for attacker, target, ally, place in (("AZE", "ARM", "RUS", None), ("UKR", "RUS", "ARM", "kursk-oblast")):
        joiner = foedus.cascade(attacker, target, day, place=place, world=CURATED).joiner(ally)
        assert joiner is not None
        (o,) = [o for o in (joiner.primary, *joiner.also) if o.treaty == "csto_1992"]
        member = [(x.certainty, x.source) for x in o.certainty_reasons if x.kind == "membership"]
        assert member == ([] if level is None else [(level, "https://tass.ru/politika/25713997" if level == "secondary"
                                                      else "https://panarmenian.net/m/eng/news/314664")])
