"""Facts changed by the audit of the curated 2025 treaties against the fact sheet (docs/certainty.md, "Audit").

Each test cites the fact sheet section (/work/shared/reference/treaties-2025.md) and the source that settles
what the sheet leaves open. Runs on the curated set alone.
"""

from __future__ import annotations

import pytest

import foedus
from foedus.engine.result import Obligation

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
