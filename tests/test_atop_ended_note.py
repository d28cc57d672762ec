"""China→Taiwan on 1976-01-01 said nothing of the Philippines–Taiwan Treaty of Amity (atop_3070), out of force since
10 Jun 1975: an ATOP-only alliance of an attacked state that ended within five years of the day now has a note, with
ATOP's coding, how sure its end is and the page that dates it (`foedus.engine.atop_ended`)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

import foedus
from foedus.engine.atop_ended import atop_ended_note, atop_ended_notes, recent_ended, recent_since
from foedus.model.world import World
from samples import cli_line

pytestmark = pytest.mark.needs_data

TWN = ("an ATOP alliance of Taiwan (TWN) is out of force since 1975-06-10: atop_3070 (coded non-aggression) with "
       "Philippines (PHL), not bound by it now (end: verified; source: "
       "https://search.wikileaks.org/plusd/cables/1975HONGK06435.html)")  # the correction's page that dates the end


def _atop(attacker: str, target: str, day: str) -> list[str]:
    return [n for n in foedus.cascade(attacker, target, day).notes if "an ATOP alliance" in n]  # ends and exits


def _atop_in(world: World, attacker: str, target: str, day: str) -> list[str]:
    return [n for n in foedus.cascade(attacker, target, day, world=world).notes if n.startswith("an ATOP alliance of")]


def test_china_taiwan_in_1976_says_the_philippine_treaty_ended() -> None:
    assert _atop("CHN", "TWN", "1976-01-01") == [TWN]
    code, out, err = cli_line(["cascade", "-a", "CHN", "-t", "TWN", "-d", "1976-01-01", "--json"])
    assert code == 0 and TWN in json.loads(out)["notes"], err
    code, out, err = cli_line(["cascade", "-a", "CHN", "-t", "TWN", "-d", "1976-01-01"])
    assert code == 0 and f"Note: {TWN}" in " ".join(out.split()), err  # the text wraps it


def test_five_years_to_the_day_and_none_before_the_end() -> None:
    assert _atop("CHN", "TWN", "1980-06-10") == [TWN]
    assert _atop("CHN", "TWN", "1980-06-11") == []
    assert _atop("CHN", "TWN", "1975-06-09") == []  # in force: the cascade reads it itself
    assert recent_since(dt.date(2024, 2, 29)) == dt.date(2019, 2, 28)


def test_a_pact_with_the_attacker_and_a_corrections_end_cite_their_side_and_page() -> None:
    assert _atop("GMY", "POL", "1939-09-01") == [
        "an ATOP alliance of Poland (POL) is out of force since 1939-04-29: atop_2325 (coded non-aggression) with "
        "Germany (DEU, the attacker), not bound by it now (end: verified; source: http://www.atopdata.org/data.html)"]
    assert _atop("RUS", "UKR", "2020-01-01") == [
        "an ATOP alliance of Ukraine (UKR) is out of force since 2019-04-01: atop_4875 (coded non-aggression and "
        "consultation) with Russia (RUS, the attacker), not bound by it now (end: verified; source: "
        "https://en.interfax.com.ua/news/general/577390.html)"]


def test_an_end_known_to_a_window_says_so_and_an_uncarried_alliance_is_no_end() -> None:
    notes = _atop("CHN", "USA", "2022-06-01")
    assert [n.split(": ")[1].split(" ")[0] for n in notes] == ["atop_6050"]  # not atop_3355, only left uncarried
    assert "(end: verified; date: the true date may be later, up to 2024-05-02 (day: not verified); source: " in (
        notes[0])


def test_a_change_of_phase_is_no_end_and_a_named_alliance_is_cited_by_name() -> None:
    world = World.load()
    day = dt.date(1858, 1, 1)  # atop_1155_p1 (Brazil–Uruguay) ends 1857-09-03, its second phase taking over that day
    notes = atop_ended_notes(recent_ended(world.treaties, day), ["URY"], set(), set(), world.states.names_on(day),
                             world.states)
    assert not any("atop_1155" in n for n in notes)
    named = world.treaties["atop_3070"].model_copy(update={"name": "Treaty of Amity, 1947", "name_certainty":
                                                           "secondary"})
    assert atop_ended_note(named, "TWN", ["PHL"], set(), {}).startswith(
        "an ATOP alliance of TWN is out of force since 1975-06-10: atop_3070 (Treaty of Amity, 1947; name secondary; "
        "coded non-aggression) with PHL")


@pytest.mark.parametrize(("attacker", "target"), [("RUS", "EST"), ("PRK", "KOR"), ("CHN", "PHL"), ("CHN", "TWN")])
def test_the_flagship_cascades_say_nothing_of_it(attacker: str, target: str) -> None:
    assert _atop(attacker, target, "2025-06-01") == []


def test_the_index_of_a_treaty_set_goes_with_it() -> None:
    import gc

    from foedus.engine import atop_ended
    from foedus.model.treatymap import TreatyMap

    world = World.load()
    other = World(TreatyMap(dict(world.treaties.curated)), world.states, world.places)
    foedus.cascade("CHN", "TWN", "1976-01-01", world=other)
    key = id(other.treaties)
    assert key in atop_ended._HELD
    del other
    gc.collect()
    assert key not in atop_ended._HELD


def test_an_end_atop_codes_without_a_day_is_unverified_with_the_imports_words() -> None:
    world = World.load()
    note = atop_ended_note(world.treaties["atop_3910"], "RUS", ["MLT"], set(), {})
    assert note.startswith("an ATOP alliance of RUS is out of force since 1987-06-01: atop_3910 (coded neutrality, "
                           "non-aggression and consultation) with MLT, not bound by it now (end: unverified; its end, "
                           "1987-06-01: ATOP 5.1 codes the exit month (1987-05) with no day")


def test_a_days_window_is_worked_out_once_by_member() -> None:
    world, day = World.load(), dt.date(1976, 1, 1)
    window = recent_ended(world.treaties, day)
    assert [t.id for _, t, _, _ in window["TWN"]] == ["atop_3070"] and window["PHL"] == window["TWN"]
    assert recent_ended(world.treaties, day) is window  # a cascade on the day asks only whether a state is a key
    assert recent_ended(world.treaties, dt.date(1976, 1, 2)) is not window


def test_a_day_from_2019_to_2023_loads_no_more_than_the_alliances_that_can_bind_after_2013() -> None:
    from foedus.sources.history import with_history

    shared = World.load()
    world = World(with_history(dict(shared.treaties.curated), shared.states, True), shared.states, shared.places)
    assert _atop_in(world, "GRC", "MKD", "2021-06-01") == [
        "an ATOP alliance of North Macedonia (MKD) is out of force since 2018-06-18: atop_4735 (coded non-aggression) "
        "with Greece (GRC, the attacker), not bound by it now (end: verified; source: http://www.atopdata.org/data.html)"]
    assert world.treaties._history is None  # the window, back to 2016-06-01, reads only the recent alliances


def test_an_end_by_a_members_ceasing_to_be_a_state_says_so() -> None:
    yemen = ("an ATOP alliance of Ethiopia (ETH) is out of force since 1990-05-23, as Yemen People's Republic (COW680) "
             "ceased to be a state (its last day in the COW state system 1990-05-21): atop_3858 (coded non-aggression) "
             "with Yemen People's Republic (COW680), not bound by it now (end: verified; source: "
             "http://www.atopdata.org/data.html)")
    notes = _atop("SOM", "ETH", "1990-11-01")
    assert yemen in notes and any(n.startswith(
        "an ATOP alliance of Ethiopia (ETH) is out of force since 1990-10-04, as German Democratic Republic (COW265) "
        "ceased to be a state (its last day in the COW state system 1990-10-02): atop_3856 ") for n in notes)
    assert not any("ceased" in n for n in notes if "atop_3903" in n)  # Yemen's 1986 pact ended with both in being


def test_an_attacked_states_exit_from_an_alliance_that_goes_on_is_noted() -> None:
    assert _atop("BEN", "MLI", "2025-06-01") == [
        "Mali (MLI) left an ATOP alliance that goes on, out of it since 2025-01-29: atop_3810 (coded non-aggression) "
        "with Benin (BEN, the attacker), Côte d’Ivoire (CIV), Cape Verde (CPV) and 6 more, not bound by it now (exit: "
        "verified; source: https://allafrica.com/stories/202501290308.html)"]  # Burkina Faso and Niger left with it
    georgia = _atop("RUS", "GEO", "2010-06-01")
    assert len(georgia) == 1 and georgia[0].startswith(
        "Georgia (GEO) left an ATOP alliance that goes on, out of it since 2009-08-19: atop_4400 ") and (
        "Russia (RUS, the attacker)" in georgia[0] and georgia[0].endswith(
            "(exit: verified; source: http://www.atopdata.org/data.html)"))
    assert _atop("RUS", "GEO", "2014-08-20") == []  # five years and a day after
    assert _atop("BEN", "GHA", "2025-06-01") == []  # a partner's exit is not the attacked state's


def test_an_exit_notes_partners_past_five_counts_them_with_its_attackers_named_first() -> None:
    """Mali's 9 partners of its ECOWAS exit: three named, Nigeria (NGA, the attacker), first of them."""
    assert " with Nigeria (NGA, the attacker), Benin (BEN), Côte d’Ivoire (CIV) and 6 more, not bound" in (
        _atop("NGA", "MLI", "2025-06-01")[0])


def test_an_ended_alliance_names_its_partners_as_an_exit_does() -> None:
    """The SADC's defence pact phases (atop_4985), ended 2003-08-26, named all 11 of Congo-Kinshasa's partners: past
    five, three and a count, its attackers first, as the exit note (`partners_said`); fewer are all named, the
    attacker first."""
    congo = _atop("ZAF", "COD", "2004-06-01")
    assert [n.split(": ")[1].split(" ")[0] for n in congo] == ["atop_4920", "atop_4985_p1", "atop_4985_p2"]
    assert all(" with South Africa (ZAF, the attacker), Botswana (BWA), Lesotho (LSO) and 8 more, not bound by it now "
               in n for n in congo[1:])
    assert " with Senegal (SEN, the attacker) and Mauritania (MRT), not bound by it now " in (
        _atop("SEN", "MLI", "2001-06-01")[0])
