"""China→Taiwan said no state is bound and nothing of the US–ROC Mutual Defense Treaty of 1954, out of force since
1 Jan 1980: where no state is bound to defend an attacked state, a note now says that its defence treaty ended
within a reader's memory (50 years) and which of its parties is not bound to join now, with the page that dates the
end; the flagship cascades say nothing of it (`foedus.engine.ended_notes`)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import foedus
from foedus.engine.ended_notes import ended_defence_notes
from foedus.model.world import World
from samples import cli_line

pytestmark = pytest.mark.needs_data

TWN = ("a defence treaty of Taiwan (TWN) is out of force since 1980-01-01: usa_roc_1954 (US-ROC Mutual Defense "
       "Treaty) with United States (USA), not bound to join now (source: "
       "https://history.state.gov/milestones/1977-1980/china-policy)")


def _ended(attacker: str, target: str, day: str) -> list[str]:
    return [n for n in foedus.cascade(attacker, target, day).notes if n.startswith("a defence treaty of")]


def test_china_taiwan_says_the_us_roc_treaty_ended() -> None:
    assert _ended("CHN", "TWN", "2025-06-01") == [TWN]
    code, out, err = cli_line(["cascade", "-a", "CHN", "-t", "TWN", "-d", "2025-06-01"])
    assert code == 0 and "Note: a defence treaty of Taiwan (TWN) is out of force since 1980-01-01" in out, err


def test_an_end_known_to_a_window_says_so_and_a_defended_state_has_no_note() -> None:
    world = World.load()
    day = dt.date(2020, 1, 1)  # the rule alone: North Korea attacked by China has Cuba bound (ATOP) in 2020
    assert ended_defence_notes(world.treaties.curated.values(), ["PRK"], set(), set(), day,
                               world.states.names_on(day)) == [
        "a defence treaty of North Korea (PRK) is out of force since 1996-09-11 (secondary: as early as 1995-09-07): "
        "sun_prk_1961 (USSR–DPRK 1961) with Russia (RUS), not bound to join now (source: "
        "http://www.atopdata.org/data.html)"]
    assert _ended("CHN", "PRK", "2025-06-01") == []  # Russia is bound again, by the 2024 treaty
    assert _ended("KOR", "PRK", "2020-01-01") == []  # China is bound to defend it
    assert _ended("RUS", "USA", "2025-06-01") == []  # its allies are: no word of its ended treaty with Taiwan


@pytest.mark.parametrize(("attacker", "target"), [("RUS", "EST"), ("PRK", "KOR"), ("CHN", "PHL")])
def test_the_flagship_cascades_say_nothing_of_it(attacker: str, target: str) -> None:
    assert _ended(attacker, target, "2025-06-01") == []


def test_an_end_past_a_readers_memory_or_before_the_day_is_not_noted() -> None:
    assert _ended("CHN", "TWN", "2030-01-01") == [TWN]  # 50 years to the day
    assert _ended("CHN", "TWN", "2030-01-02") == []  # more than 50 years after 1980-01-01
    assert _ended("CHN", "TWN", "1979-12-31") == []  # in force then: the cascade says so itself


def test_a_long_treaty_names_three_parties_and_a_count() -> None:
    """The WEU's nine other parties at its end, in a what-if with no NATO or EU article 42(7) to defend the
    Netherlands: past five, three named and a count, as ATOP's ended alliances and exits name theirs (it listed all
    nine); five are all named."""
    drop = ["--drop-treaty", "nato_1949", "--drop-treaty", "eu_teu_42_7"]
    note = ("a defence treaty of Netherlands (NLD) is out of force since 2011-06-30: weu_1948 (Modified Brussels "
            "Treaty (WEU)) with Belgium (BEL), Germany (DEU), Spain (ESP) and 6 more, not bound to join now (source: "
            "https://legal.tricoteuses.fr/articles/JORFARTI000024462776)")
    code, out, err = cli_line(["cascade", "-a", "RUS", "-t", "NLD", "-d", "2025-06-01", *drop, "--json"])
    assert code == 0, err
    assert [n for n in json.loads(out)["notes"] if n.startswith("a defence treaty of")] == [note]
    world, day = World.load(), dt.date(2025, 6, 1)
    five = ended_defence_notes([world.treaties["weu_1948"]], ["NLD"], set(), {"BEL", "DEU", "ESP", "FRA"}, day,
                               world.states.names_on(day))
    assert five == [note.replace("Belgium (BEL), Germany (DEU), Spain (ESP) and 6 more", "United Kingdom (GBR), "
                                 "Greece (GRC), Italy (ITA), Luxembourg (LUX) and Portugal (PRT)")]
