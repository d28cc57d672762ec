"""Kaliningrad Oblast had no holder record before 1946, so the gazetteer gave it to Russia on every day: `foedus
cascade -a DEU -t RUS -d 1900-01-01 --place kaliningrad` ran, Germany attacking the Russian Empire at what was then
the capital of its own province of East Prussia, and `foedus places --date 1900-01-01` listed it as Russia's. Its
dated holders (Germany's, split by the front in 1944-45, Soviet-held, Soviet from the decree of 7 Apr 1946) and
names (Königsberg, Königsberg Oblast until 4 Jul 1946) now say so; so do those of the other places held by another
before their holder of today, itself a state of the system then (Alaska, Hawaii, Guam, Puerto Rico, Svalbard,
Bornholm, Western Sahara, American Samoa, Kursk and Belgorod oblasts; Donetsk and Kherson oblasts' German
occupation: place_history.yaml)."""

from __future__ import annotations

import datetime as dt

import pytest

from samples import cli_line, error_line

pytestmark = pytest.mark.needs_data  # the states' COW dates tell who is a state on the day


def test_an_attack_on_russia_at_kaliningrad_in_1900_is_refused_as_germanys() -> None:
    """In 1900 the place is Königsberg, Germany's: not territory of the Russian Empire; an attack on Germany there
    runs and names the place as then."""
    said = error_line(["cascade", "-a", "DEU", "-t", "RUS", "-d", "1900-01-01", "--place", "kaliningrad"])
    assert said.startswith("Königsberg (kaliningrad) is not territory of Russian Empire (RUS)")
    assert "territory of Germany (DEU)" in said
    code, out, _ = cli_line(["cascade", "-a", "RUS", "-t", "DEU", "-d", "1900-01-01", "--place", "kaliningrad"])
    assert code == 0 and "Russian Empire (RUS) → Germany (DEU) at Königsberg" in out


@pytest.mark.parametrize(("day", "name", "sovereign", "administrator"), [
    ("1900-01-01", "Königsberg", "DEU", "DEU"),
    ("1945-01-01", "Königsberg", "DEU", None),  # split: the front crossed it
    ("1945-05-01", "Königsberg", "DEU", "RUS"),  # Soviet-held, Germany still a state
    ("1945-09-01", "Königsberg", None, "RUS"),  # Germany out of the system: Potsdam's transfer pending the peace
    ("1946-05-01", "Königsberg Oblast", "RUS", "RUS"),
    ("1946-07-04", "Kaliningrad Oblast", "RUS", "RUS"),
])
def test_the_place_is_held_and_named_as_on_the_day(day: str, name: str, sovereign: str | None,
                                                   administrator: str | None) -> None:
    """`Place.on` (what `foedus places --date` and /api/places?date= list) gives each span's holders and name."""
    from foedus.model.world import World

    place = World.default().places.on(dt.date.fromisoformat(day))["kaliningrad"]
    assert (place.name, place.sovereign, place.administrator) == (name, sovereign, administrator)


def test_places_on_1900_lists_it_as_germanys_and_not_among_todays_holders() -> None:
    """The listing of 1900 gives the row Germany's, named Königsberg."""
    code, out, _ = cli_line(["places", "--date", "1900-01-01"])
    row = next(line for line in out.splitlines() if line.startswith("kaliningrad "))
    assert code == 0 and "Königsberg" in row and "DEU" in row and "RUS" not in row


@pytest.mark.parametrize(("pid", "day", "sovereign", "administrator"), [
    ("alaska", "1850-01-01", "RUS", "RUS"),  # Russian America until 18 Oct 1867
    ("alaska", "1867-10-18", "USA", "USA"),
    ("hawaii", "1890-01-01", None, None),  # the Kingdom of Hawaii, no state of the system, until 12 Aug 1898
    ("hawaii", "1898-08-12", "USA", "USA"),
    ("guam", "1890-01-01", "ESP", "ESP"),
    ("guam", "1942-06-01", "USA", "JPN"),  # the Japanese occupation, 10 Dec 1941 to 21 Jul 1944
    ("puerto-rico", "1890-01-01", "ESP", "ESP"),
    ("puerto-rico", "1899-01-01", "ESP", "USA"),  # US military government before the Treaty of Paris
    ("svalbard", "1920-01-01", None, None),  # terra nullius until 14 Aug 1925, Norway a state since 1905
    ("bornholm", "1945-06-01", "DNK", "RUS"),  # the Soviet occupation, 9 May 1945 to 5 Apr 1946
    ("bornholm", "1946-04-05", "DNK", "DNK"),
    ("western-sahara", "1970-01-01", "ESP", "ESP"),  # Spanish Sahara until the Madrid accords (14 Nov 1975)
    ("western-sahara", "1976-01-01", "ESP", None),  # the joint interim administration, until 26 Feb 1976
    ("western-sahara", "1977-01-01", None, None),  # split between Morocco and Mauritania until 5 Aug 1979
    ("western-sahara", "1979-08-05", None, "MAR"),
    ("american-samoa", "1890-01-01", None, None),  # part of Samoa, no state of the system, until 16 Feb 1900
    ("american-samoa", "1900-02-16", "USA", "USA"),
    ("kursk-oblast", "1942-06-01", "RUS", "DEU"),  # German-occupied, 2 Nov 1941 to 8 Feb 1943
    ("kursk-oblast", "1943-02-08", "RUS", "RUS"),
    ("belgorod-oblast", "1942-06-01", "RUS", "DEU"),  # German-occupied, 24 Oct 1941 to 9 Feb 1943
    ("belgorod-oblast", "1943-06-01", "RUS", None),  # the Kursk salient's front crossed it until 5 Aug 1943
    ("belgorod-oblast", "1943-08-05", "RUS", "RUS"),
    ("donetsk-oblast", "1942-06-01", "RUS", "DEU"),  # German-occupied, 20 Oct 1941 to 8 Sep 1943
    ("donetsk-oblast", "1943-09-08", "RUS", "RUS"),
    ("kherson-oblast", "1943-06-01", "RUS", "DEU"),  # German-occupied, Aug 1941 to Mar 1944
    ("kherson-oblast", "1944-03-13", "RUS", "RUS"),
])
def test_places_held_by_another_before_their_holder_of_today(pid: str, day: str, sovereign: str | None,
                                                              administrator: str | None) -> None:
    """Each was its holder of today's on every day, that holder being a state then, so no note said otherwise."""
    from foedus.model.world import World

    place = World.default().places.on(dt.date.fromisoformat(day))[pid]
    assert (place.sovereign, place.administrator) == (sovereign, administrator)
