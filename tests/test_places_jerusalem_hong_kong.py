"""Hong Kong, East Jerusalem and the Kurdistan Region as places with dated holders; "Jerusalem" and "Kurdistan" as
areas that span several places (`place_spans.yaml`). All four names were "unknown place"."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest

import foedus
from foedus.model.place_coords import place_coords

CURATED = foedus.World.load(history=False)


def _held(place_id: str, day: str) -> tuple[str | None, str | None, list[str]]:
    place = CURATED.places.on(dt.date.fromisoformat(day))[place_id]
    return place.sovereign, place.administrator, place.claimants


def _place_refusal(typed: str, day: str) -> str:
    out = subprocess.run([sys.executable, "-m", "foedus.cli", "cascade", "-a", "USA", "-t", "CAN", "-d", day,
                          "--place", typed], capture_output=True, text=True)
    assert out.returncode == 2 and out.stdout == "" and out.stderr.count("\n") == 1, out.stderr
    return out.stderr


@pytest.mark.parametrize(("day", "held"), [
    ("1900-01-01", ("GBR", "GBR", [])), ("1941-12-10", ("GBR", None, [])), ("1943-01-01", ("GBR", "JPN", [])),
    ("1960-01-01", ("GBR", "GBR", [])), ("1963-03-07", ("GBR", "GBR", [])), ("1963-03-08", ("GBR", "GBR", ["CHN"])),
    ("1970-01-01", ("GBR", "GBR", ["CHN"])), ("1997-06-30", ("GBR", "GBR", ["CHN"])),
    ("1997-07-01", ("CHN", "CHN", [])),
])
def test_hong_kong_was_british_until_the_handover_of_1_july_1997(day: str, held: tuple[str, str | None, list[str]]
                                                                  ) -> None:
    """Hong Kong is found by name, a British colony (occupied by Japan in 1941-45, claimed by China from the People's
    Daily editorial of 8 Mar 1963, its first dated statement found, not from its 1972 letter to the UN) until the
    handover of 1 Jul 1997, China's since."""
    assert CURATED.places.resolve("Hong Kong", CURATED.states).id == "hong-kong"
    assert _held("hong-kong", day) == held


def test_an_attack_on_hong_kong_is_one_on_its_holder_of_the_day() -> None:
    """The territory check follows the handover: Hong Kong is the United Kingdom's in 1990 and China's in 2000."""
    assert foedus.cascade("CHN", "GBR", "1990-01-01", place="Hong Kong").scenario.place == "hong-kong"
    assert foedus.cascade("USA", "CHN", "2000-01-01", place="HKSAR").scenario.place == "hong-kong"
    with pytest.raises(foedus.FoedusError, match=r"not territory of United Kingdom \(GBR\)"):
        foedus.cascade("CHN", "GBR", "2000-01-01", place="Hong Kong")


@pytest.mark.parametrize(("day", "held"), [
    ("1930-01-01", (None, "GBR", [])), ("1948-05-20", (None, None, [])), ("1949-01-01", (None, "JOR", [])),
    ("1960-01-01", (None, "JOR", ["JOR"])), ("1967-06-10", ("PSE", "ISR", ["JOR"])),
    ("1975-01-01", ("PSE", "ISR", ["ISR", "JOR"])), ("1988-07-30", ("PSE", "ISR", ["ISR", "JOR"])),
    ("1988-07-31", ("PSE", "ISR", ["ISR"])), ("2024-01-01", ("PSE", "ISR", ["ISR"])),
])
def test_east_jerusalem_was_jordans_1948_67_and_israeli_administered_since(
        day: str, held: tuple[str | None, str | None, list[str]]) -> None:
    """East Jerusalem is its own place: held by Jordan from 28 May 1948 (annexed 1950) until Israel took it on
    7 Jun 1967; Palestinian territory under Israeli administration, claimed by Israel from 28 Jun 1967 and by Jordan
    until its disengagement from the West Bank (31 Jul 1988)."""
    assert CURATED.places.resolve("East Jerusalem", CURATED.states).id == "east-jerusalem"
    assert _held("east-jerusalem", day) == held


@pytest.mark.parametrize(("day", "claimants"), [
    ("1960-01-01", ["JOR"]), ("1967-06-07", ["JOR"]), ("1988-07-30", ["JOR"]), ("1988-07-31", []), ("2024-01-01", []),
])
def test_the_west_bank_was_claimed_by_jordan_until_its_disengagement_of_31_july_1988(day: str, claimants: list[str]
                                                                                     ) -> None:
    """Jordan kept its claim to the West Bank it had annexed in 1950 after Israel took it in June 1967, until King
    Hussein severed the legal and administrative ties on 31 Jul 1988."""
    assert _held("west-bank", day)[2] == claimants


@pytest.mark.parametrize("place", ["East Jerusalem", "West Bank"])
def test_under_the_claimant_view_an_attack_there_in_1975_is_one_on_jordan_and_not_after_1988(place: str) -> None:
    """Jordan's claim counts under the claimant view: an Israeli attack on Jordan there in 1975 is on its territory;
    under the recognized view, and under either after the disengagement, it is not."""
    claimed = foedus.cascade("ISR", "JOR", "1975-01-01", place=place, territory_view="claimant")
    assert claimed.to_dict()["targets"] == ["JOR"]
    for day, view in (("1975-01-01", "recognized"), ("1990-01-01", "claimant")):
        with pytest.raises(foedus.FoedusError, match=r"not territory of Jordan \(JOR\)"):
            foedus.cascade("ISR", "JOR", day, place=place, territory_view=view)


@pytest.mark.parametrize(("day", "until", "part"), [
    ("1850-01-01", "1860-10-24", "Kowloon"), ("1870-01-01", "1898-07-01", "New Territories"),
    ("1900-01-01", "1941-12-08", "leased"),
])
def test_hong_kongs_parts_are_dated_in_its_holders_notes(day: str, until: str, part: str) -> None:
    """One place for the whole colony, its parts dated in the holders: the island alone from 1842, Kowloon ceded on
    24 Oct 1860, the New Territories leased from 1 Jul 1898; each span's note names the part that changes."""
    held = [h for h in CURATED.places.places["hong-kong"].history if h.covers(dt.date.fromisoformat(day))]
    assert len(held) == 1 and str(held[0].end) == until and held[0].sovereign == "GBR", held
    assert part in (held[0].note or ""), held[0].note


@pytest.mark.parametrize(("day", "east"), [("2024-01-01", "Palestine"), ("1960-01-01", "Jordan")])
def test_jerusalem_alone_is_refused_as_spanning_west_and_east_jerusalem(day: str, east: str) -> None:
    """"Jerusalem" alone names no one place: West Jerusalem is Israel's home territory, East Jerusalem another
    place, held by Jordan in 1960: the refusal names both with their holders on the day (exit 2, one line)."""
    said = _place_refusal("Jerusalem", day)
    assert said.startswith("error: the place 'Jerusalem' is the city of Jerusalem, across israel (Israel) and "
                           f"east-jerusalem ({east}), held by different states: name one of them"), said
    assert CURATED.places.resolve("West Jerusalem", CURATED.states).id == CURATED.places.home_of["ISR"]


def test_kurdistan_is_refused_as_an_area_and_the_kurdistan_region_is_iraqs() -> None:
    """Kurdistan spans Turkey, Iraq, Iran and Syria: refused with the places it spans; the Kurdistan Region is a
    place of Iraq, outside Baghdad's control (no state administering it) from Oct 1991 to the 2005 constitution."""
    said = _place_refusal("Kurdistan", "2024-01-01")
    assert ("is the Kurdistan area, across turkey (Turkey), iraqi-kurdistan (Iraq), iraq (Iraq), iran (Iran) "
            "and syria (Syria), held by different states") in said, said
    assert CURATED.places.resolve("Kurdistan Region", CURATED.states).id == "iraqi-kurdistan"
    assert [_held("iraqi-kurdistan", d)[:2] for d in ("1990-01-01", "2000-01-01", "2010-01-01")] == [
        ("IRQ", "IRQ"), ("IRQ", None), ("IRQ", "IRQ")]


def _inside(point: tuple[float, float], ring: list[tuple[float, float]]) -> bool:
    """Whether a (lon, lat) point lies inside a ring of (lon, lat) points (even-odd rule)."""
    x, y = point
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=True):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def test_east_jerusalem_has_a_map_outline_holding_the_old_city_and_not_west_jerusalem() -> None:
    """East Jerusalem had only a marker, so the map could not redraw it by the territorial view: its rough outline
    (the 1967 municipal area) holds the Old City and the Mount of Olives, not West Jerusalem's centre."""
    outline = place_coords()["east-jerusalem"].outline
    assert outline is not None and len(outline) >= 3
    ring = [(float(lon), float(lat)) for lon, lat in outline]
    assert _inside((35.233, 31.777), ring) and _inside((35.245, 31.778), ring)  # the Old City, the Mount of Olives
    assert not _inside((35.214, 31.781), ring)  # West Jerusalem's centre (Jaffa Road)
