"""A place with no agreed sovereign (the gazetteer's sovereign is null: Scarborough Shoal, the southern Kurils, the
Senkakus) is read in the recognized view as its administrator's territory; a refusal and a claimant-view finding
now say so, where they called China the 'recognised holder' of Scarborough Shoal and said the recognized view made
the southern Kurils Russia's territory, as if its sovereignty were agreed. A place with a sovereign reads as before."""

from __future__ import annotations

import re

import pytest

import foedus
from foedus.errors import FoedusError

CURATED = foedus.World.load(history=False)


@pytest.mark.parametrize(("target", "place", "holder"), [
    ("PHL", "scarborough-shoal", "China (CHN), which administers it, no sovereign being agreed"),
    ("JPN", "kuril-islands", "Russia (RUS), which administers it, no sovereign being agreed"),
])
def test_a_refusal_says_the_holder_only_administers_it(target: str, place: str, holder: str) -> None:
    said = f"under the recognized view, under which it is territory of {holder}; use"
    with pytest.raises(FoedusError, match=re.escape(said)):
        foedus.cascade("CHN", target, "2025-06-01", place=place, world=CURATED)


def test_a_claimant_view_finding_does_not_call_the_administrator_recognised() -> None:
    r = foedus.cascade("CHN", "PHL", "2025-06-01", place="scarborough-shoal", territory_view="claimant", world=CURATED)
    j = r.joiner("USA")
    assert j is not None
    (fact,) = [x.fact for x in j.primary.certainty_reasons if x.kind == "place"]
    assert fact == ("Scarborough Shoal counts as territory of Philippines (PHL) only in the claimant view (recognized "
                    "view: China (CHN), which administers it, no sovereign being agreed) (sources conflict)")


def test_a_place_with_a_sovereign_names_it_as_before() -> None:
    with pytest.raises(FoedusError, match=r"under which it is territory of Ukraine \(UKR\); use --target-kind"):
        foedus.cascade("UKR", "RUS", "2025-06-01", place="crimea", world=CURATED)
