"""Essequibo, the part of Guyana that Venezuela claims, is a place (analyst audit: 'Venezuela attacks Guyana' at
Essequibo was 'unknown place'): Guyana's territory in the recognized view, Venezuela's too in the claimant view, found
by its Spanish name, and marked on the web map."""

from __future__ import annotations

import pytest

import foedus
from foedus.errors import FoedusError
from foedus.model.place_coords import place_coords

CURATED = foedus.World.load(history=False)


@pytest.mark.parametrize("typed", ["essequibo", "Guayana Esequiba", "Essequibo"])
def test_essequibo_is_guyanas_in_the_recognized_view(typed: str) -> None:
    r = foedus.cascade("VEN", "GUY", "2025-06-01", place=typed, world=CURATED)
    assert [a.place for a in r.scenario.attacks] == ["essequibo"]


def test_venezuelas_claim_counts_only_in_the_claimant_view() -> None:
    with pytest.raises(FoedusError, match="not territory of Venezuela"):
        foedus.cascade("GUY", "VEN", "2025-06-01", place="essequibo", world=CURATED)
    r = foedus.cascade("GUY", "VEN", "2025-06-01", place="essequibo", territory_view="claimant", world=CURATED)
    assert r.scenario.attacks[0].place == "essequibo"


def test_essequibo_has_a_marker() -> None:
    c = place_coords()["essequibo"]
    assert 0 < c.lat < 9 and -62 < c.lon < -57
