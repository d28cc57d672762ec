"""Each doubt is listed only where the engine's own answer, were what it says may have been so, differs for some state
(`foedus.engine.doubt_reach`, `foedus.engine.assumption`): a treaty that may already have been in force, or still
was, a state that may already have been a party, or still was, a clause that may already have applied, or still did.
Its `concerns` names the states whose answer differs (and the party itself, for a party's doubt). Curated set."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import foedus

CURATED = foedus.World.load(history=False)


def _doubts(attacker: str, target: str, day: str, **scenario: Any) -> list[tuple[str, str | None, tuple[str, ...]]]:
    return [(d.treaty, d.state, d.concerns) for d in foedus.cascade(attacker, target, day, world=CURATED,
                                                                    **scenario).doubts]


def test_a_treaty_that_may_already_be_in_force_concerns_those_it_would_bind() -> None:
    """Russia-Uzbekistan 2005 entered into force on 12 May 2006 by the record, a day not verified (from 21 Apr
    2006): on 25 Apr Afghanistan's war on Uzbekistan may already bind Russia, which nothing else binds then (Uzbekistan
    rejoined the CSTO in June 2006). The doubt concerns Russia, whose answer differs, not Uzbekistan's."""
    assert foedus.cascade("AFG", "UZB", "2006-04-25", world=CURATED).joiner("RUS") is None
    assert _doubts("AFG", "UZB", "2006-04-25") == [("rus_uzb_2005", None, ("RUS",))]


def test_a_treaty_whose_area_leaves_the_war_out_is_no_doubt() -> None:
    """The Manila Pact, its entry into force (19 Feb 1955, known to the day) made a stand-in here, may already have
    been in force on 17 Nov 1954, but its area (south of 21°30' N) leaves Korea out: North Korea's war on South Korea
    then is no war it could change. Its war on Thailand is."""
    from foedus.model.facts import DateCertainty
    from foedus.model.treatymap import TreatyMap
    from foedus.model.world import World

    curated = dict(CURATED.treaties.curated)
    curated["manila_1954"] = curated["manila_1954"].model_copy(
        update={"in_force_certainty": DateCertainty(within="stand-in")})
    world = World(treaties=TreatyMap(curated), states=CURATED.states, places=CURATED.places)
    doubts = [[d.treaty for d in foedus.cascade("PRK", target, "1954-11-17", world=world).doubts]
              for target in ("KOR", "THA")]
    assert doubts == [[], ["manila_1954"]]


@pytest.mark.parametrize(("attacker", "target", "listed"), [("COL", "VEN", True), ("USA", "VEN", True),
                                                            ("VEN", "COL", False)])
def test_venezuela_may_still_have_been_a_rio_party(attacker: str, target: str, listed: bool) -> None:
    """Venezuela left the Rio Treaty in 2013 by press reports (the day picked, 10 Sep; ATOP: 14 Jul 2015): on 1 Jan
    2014 it may still have been a party. Attacked, the Rio parties would owe it help: the doubt concerns them and
    Venezuela. Attacking Colombia, the parties are bound to Colombia's defence either way: no doubt."""
    found = _doubts(attacker, target, "2014-01-01")
    assert [(t, s) for t, s, _ in found] == ([("tiar_1947", "VEN")] if listed else [])
    if listed:
        (concerns,) = [c for _, _, c in found]
        assert {"VEN", "ARG", "BRA", "CHL"} <= set(concerns)



def test_no_state_is_made_a_party_before_it_exists() -> None:
    """Unified Germany's NATO row is dated to within a week of 3 Oct 1990, the day unified Germany (COW 255) enters
    the state system: on 30 Sep 1990 it cannot already have been a party, so Iraq's war on Turkey then lists no doubt
    of it (the hypothesis made Germany a party, bound to Turkey's defence). On 5 Oct it is a party by the record."""
    if not CURATED.states.has_system_dates:
        pytest.skip("needs the COW state system (foedus data fetch cow_states)")
    assert _doubts("IRQ", "TUR", "1990-09-30") == []
    assert foedus.cascade("IRQ", "TUR", "1990-10-05", world=CURATED).joiner("DEU") is not None



def test_a_state_before_its_first_spell_may_have_been_a_party_as_the_rule_reads_one(tmp_path: Path) -> None:
    """The state-system rule takes a party recorded before its first COW spell to be one (South Sudan, in COW from
    2011-07-09), so a doubt that it may already have been one then is read by the same rule: a file making it a
    party of a pact with Sudan from 2011-07-20, known to the month, lists the doubt on 2011-07-05 as on 2011-07-12.
    The table read COW's list on the day (`_exists`): no doubt on 2011-07-05, though a file dating the membership
    that day would have made South Sudan a party."""
    if not CURATED.states.has_system_dates:
        pytest.skip("needs the COW state system (foedus data fetch cow_states)")
    path = tmp_path / "t_ssd.yaml"
    rows = ("members: [{state: SDN}, {state: SSD, joined: 2011-07-20, joined_certainty: {within: month}}]\n",
            "members: [{state: SDN}, {state: SSD, joined: 2011-07-05}]\n")
    found = []
    for members in rows:
        path.write_text("id: t_ssd\nname: S\ntype: bilateral\nsigned: 2011-01-01\nin_force: 2011-01-01\n"
                        f"sources: [{{url: 'https://example.org/s'}}]\n{members}"
                        "provisions: [{kind: defense, article: '1', strength: S2}]\n", encoding="utf-8")
        world = foedus.World.load(path, bundled=False, history=False)
        results = {day: foedus.cascade("ETH", "SDN", day, world=world) for day in ("2011-07-05", "2011-07-12")}
        found.append([(day, [(d.treaty, d.state) for d in r.doubts], r.joiner("SSD") is not None)
                      for day, r in results.items()])
    assert found[0] == [("2011-07-05", [("t_ssd", "SSD")], False), ("2011-07-12", [("t_ssd", "SSD")], False)]
    assert found[1] == [("2011-07-05", [], True), ("2011-07-12", [], True)]  # the record itself: a party then

def test_a_treaty_that_only_repeats_a_clause_in_force_runs_no_second_cascade() -> None:
    """France-Djibouti 2024 (signed, not found in force) repeats the 2011 treaty's clause, applying (unsettled) from
    23 Jun 2025, and its bases: on 1 Sep 2025 its table reads as the date's (`doubt_reach.alike`), so Eritrea's
    war on Djibouti lists no doubt of it without running the cascade again, the answer the second cascade gives."""
    import datetime as dt

    from foedus.engine import doubt_reach
    from foedus.engine.assumption import Assumption
    from foedus.engine.cascade import run_cascade
    from foedus.engine.scenario import build_scenario
    from foedus.engine.table import compile_table

    scenario = build_scenario(CURATED, attacker="ERI", target="DJI", date=dt.date(2025, 9, 1), reading="escalatory")
    record = doubt_reach.stands(run_cascade(CURATED, scenario))
    hypothesis = Assumption("fra_dji_2024", "in force")

    def unrun(*_: object) -> foedus.CascadeResult:
        raise AssertionError("the cascade was run again")

    assert doubt_reach.reached(CURATED, scenario, compile_table(CURATED, scenario.date), lambda: record, hypothesis,
                               unrun) == frozenset()
    rerun = doubt_reach._assumed(CURATED, scenario, hypothesis)
    assert doubt_reach.stands(run_cascade(CURATED, scenario, rerun)) == record  # what it would have found
    assert _doubts("ERI", "DJI", "2025-09-01", reading="escalatory") == []


def test_the_answer_is_not_read_for_a_doubt_that_cannot_change_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """France-Djibouti 2024 reads as the date's table on 1 Sep 2025 (above): Eritrea's war on Djibouti looks at its
    doubt, but reads the answer's stands (`doubt_reach.stands`, hundreds of items in a large war) only for a doubt
    that may change an answer (`doubt_reach.may_reach`)."""
    from foedus.engine import doubt_reach, outcome

    looked: list[bool] = []
    asked = doubt_reach.may_reach

    def may_reach(*args: Any) -> bool:
        looked.append(asked(*args))
        return looked[-1]

    def unread(*_: object) -> dict[str, set[tuple[str, ...]]]:
        raise AssertionError("the answer's stands were read")

    monkeypatch.setattr(doubt_reach, "may_reach", may_reach)  # what `reached` asks first
    monkeypatch.setattr(outcome, "stands", unread)
    assert _doubts("ERI", "DJI", "2025-09-01", reading="escalatory") == []
    assert looked and not any(looked)  # the doubt was looked at, and could change nothing
