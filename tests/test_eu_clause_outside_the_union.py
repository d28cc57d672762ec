"""Art. 42(7) TEU on a member's places outside the Union's territory: the Faroe Islands (to which the Treaties do
not apply, Art. 355(5)(a) TFEU) and, while the UK was a member, its overseas territories (Annex II TFEU: the
Falklands, the British Indian Ocean Territory, Bermuda) are flagged as debated, as Greenland is (fact sheet §1.11:
application to outermost regions and overseas territories is debated [U]); before, an attack there bound every
member as verified."""

from __future__ import annotations

import pytest

import foedus

CURATED = foedus.World.load(history=False)


@pytest.mark.parametrize(("target", "place", "day"), [
    ("DNK", "faroe-islands", "2022-06-01"), ("DNK", "greenland", "2022-06-01"),
    ("GBR", "falkland-islands", "2015-06-01"), ("GBR", "diego-garcia", "2015-06-01"), ("GBR", "bermuda", "2015-06-01"),
])
def test_eu_42_7_on_a_place_outside_the_union_is_debated(target: str, place: str, day: str) -> None:
    r = foedus.cascade("RUS", target, day, place=place, world=CURATED)
    j = r.joiner("SWE")  # Sweden before it joined NATO: bound only by Art. 42(7)
    assert j is not None and j.primary.treaty == "eu_teu_42_7"
    assert [x.certainty for x in j.primary.certainty_reasons if x.kind == "scope"] == ["unverified"]
    assert j.primary.certainty != "verified"


def test_eu_42_7_on_a_members_home_is_not_debated() -> None:
    j = foedus.cascade("RUS", "DNK", "2022-06-01", world=CURATED).joiner("SWE")
    assert j is not None and not [x for x in j.primary.certainty_reasons if x.kind == "scope"]
