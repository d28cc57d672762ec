"""A region typed as a place (`--place Europe`, `--place Sahel`): refused as a region, with places in it to name."""

from __future__ import annotations

import subprocess
import sys

import pytest

import foedus
from foedus.errors import UnknownPlaceError


@pytest.mark.parametrize(("typed", "region"), [("Europe", "europe"), ("Indian Ocean", "indian-ocean"),
                                               ("sahel", "sahel")])
def test_a_region_given_as_the_place_is_refused_as_a_region_with_places_in_it(typed: str, region: str) -> None:
    """`foedus places --regions` lists Europe, the Sahel, the Indian Ocean, but `--place Europe` was 'unknown place
    'Europe'' with no suggestion (and 'Sahel' was told el-salvador, israel): an attack hits one place, so a region is
    refused as a region (exit 2, one line), naming places the gazetteer tags with it."""
    out = subprocess.run([sys.executable, "-m", "foedus.cli", "cascade", "-a", "RUS", "-t", "USA", "-d", "2024-12-15",
                          "--target-kind", "forces", "--place", typed], capture_output=True, text=True)
    assert out.returncode == 2 and out.stdout == "" and out.stderr.count("\n") == 1, out.stderr
    assert out.stderr.startswith(f"error: {typed!r} is a region ("), out.stderr
    named = out.stderr.split("such as ", 1)[1].split(" (", 1)[0].split(", ")
    world = foedus.load_world()
    assert named and all(region in world.places.places[p].regions for p in named), out.stderr


def test_the_api_refuses_a_region_as_a_place_error() -> None:
    """The Python API says the same, as an UnknownPlaceError (a FoedusError)."""
    with pytest.raises(UnknownPlaceError, match=r"^'Arctic' is a region \(Arctic\), not a place"):
        foedus.cascade("RUS", "USA", "2024-12-15", place="Arctic", target_kind="forces")
