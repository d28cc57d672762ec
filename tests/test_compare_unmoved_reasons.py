"""`foedus compare`'s reason a touched treaty moved no one (`foedus.engine.unmoved.why_unmoved`), made true where it
was not (session 40): a gate that holds back several parties named only the first; a clause owed by a party to the
state it attacks was said to be owed to no state attacked; a treaty whose articles fail for different reasons gave
only the first; a joiner bound by the very clause was said to be "already fighting". And, with attacks ongoing since
an earlier day, the reason reads the table the cascade reads: the scenario date's (the war's replay of the days
between says since when each joiner is bound, and moves no joiner), so a treaty in force from mid-war is judged by its
clauses, and one that ended mid-war is not in force on the date, as the cascade finds."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

import foedus
from foedus.engine.table import leg_table
from foedus.engine.unmoved import why_unmoved
from foedus.model.overlay import AddMember, DropTreaty, Overlay, SetScope
from foedus.model.world import World
from foedus.sweeps.compare import compare_results
from foedus.wording import named_state
from samples import cli_line

KURSK = {"place": "kursk-oblast"}  # Ukraine's attack on Russia's Kursk region, 2024-08-06 on
WAR_SINCE, ON = "2024-08-06", "2025-01-15"  # Russia-DPRK 2024 in force 2024-12-04, ending Russia-DPRK 2000

# art. 4 of Russia-DPRK 2024 made to cover the parties' forces overseas too: a change to the clause that binds North
# Korea in the Kursk war that moves no one (a strength changed is a change of its duty: tests/test_compare_strength.py)
WIDER = SetScope.model_validate({"treaty": "rus_prk_2024", "article": "4",
                                 "scope": {"territory": None, "forces": ["overseas"]}})


def _whys(world: World, attacker: str, target: str, day: str, changes: list[Any], **kw: Any) -> list[str]:
    other_world = Overlay(changes=changes).apply(world)
    base = foedus.cascade(attacker, target, day, world=world, **kw)
    other = foedus.cascade(attacker, target, day, world=other_world, **kw)
    diff = compare_results(base, other, (changes, other_world), world)
    assert diff["gained"] == diff["lost"] == diff["switched"] == diff["rebased"] == [], diff
    return [e["why"] for e in diff["unchanged_because"]]


def test_a_gate_names_every_party_it_holds_back(world: World) -> None:
    """CSTO art. 4 is request-gated: Armenia not asking holds back every other member, not only Belarus."""
    [why] = _whys(world, "AZE", "ARM", "2020-10-01", [DropTreaty(treaty="csto_1992")], requested=False)
    held = leg_table(world, dt.date(2020, 10, 1), "in-force").members["csto_1992"] - {"ARM"}
    assert len(held) > 2 and why.count("held back") == 1, why
    named = why.split("art. 4 would bind ")[1].split(", held back: ")[0]
    assert named.count("(") == len(held) and all(named_state(st, world.states.names) in named for st in held), why
    assert why.endswith("held back: help is request-gated and Armenia (ARM) did not ask (the clause's wording of this "
                        "condition: known from secondary reporting only)")


def test_many_parties_held_back_are_counted(world: World) -> None:
    """The Rio Treaty's request gate holds back more parties than a line names: three, and how many more; Cuba,
    held back by its suspension, is its own clause."""
    [why] = _whys(world, "CHN", "BRA", "2025-06-01", [DropTreaty(treaty="tiar_1947")], requested=False)
    named, more = why.split("; ")[0].split("art. 3 would bind ")[1].split(" more, held back")[0].rsplit(" and ", 1)
    parties = leg_table(world, dt.date(2025, 6, 1), "in-force").members["tiar_1947"]
    assert named.count("(") == 3 and int(more) == len(parties - {"BRA", "CUB"}) - 3, why
    assert "art. 3 would bind Cuba (CUB), held back: Cuba (CUB)'s membership of" in why


def test_a_clause_owed_to_the_state_a_party_attacks_says_so(world: World) -> None:
    """Ukraine made a party to Russia-DPRK 2024 owes Russia art. 4, and attacks it: the clause never binds a party
    against itself (it was said that no clause owed to or by Ukraine is owed to Russia)."""
    [why] = _whys(world, "UKR", "RUS", ON, [AddMember(treaty="rus_prk_2024", state="UKR")], **KURSK)
    assert why == ("UKR is added as a party, but art. 4 is owed to Russia (RUS) by Ukraine (UKR), its attacker: a "
                   "clause never binds a party against itself")


def test_articles_failing_for_different_reasons_are_each_said(world: World) -> None:
    """Belarus hit by an incursion from Ukraine, made a party to Russia-Belarus 2024: art. 2 (a threat sets it off)
    is owed by the attacker, art. 4 needs an armed attack; only art. 4 was said."""
    [why] = _whys(world, "UKR", "BLR", "2025-06-01", [AddMember(treaty="rus_blr_2024", state="UKR")],
                  severity="incursion")
    assert why == ("UKR is added as a party, but art. 2 is owed to Belarus (BLR) by Ukraine (UKR), its attacker: a "
                   "clause never binds a party against itself; art. 4 binds only for an incident of at least an "
                   "armed attack; this one is an incursion")


def test_a_joiner_by_the_clause_itself_is_not_said_to_fight_already(world: World) -> None:
    changes = [WIDER]
    assert _whys(world, "UKR", "RUS", ON, changes, **KURSK) == [
        "art. 4 changed, but art. 4 (a defence clause) binds North Korea (PRK), which is bound to join the defense "
        "side by this clause"]


def test_a_treaty_in_force_from_mid_war_is_judged_by_its_clauses(world: World) -> None:
    """Russia-DPRK 2024 entered into force during the war: the cascade on the date reads it (North Korea joins by
    its art. 4, and the war's replay says since its entry), and so does the reason, as without the ongoing war."""
    changes = [WIDER]
    ongoing = foedus.cascade("UKR", "RUS", ON, world=world, ongoing_since=WAR_SINCE, **KURSK)
    assert ongoing.joiners == foedus.cascade("UKR", "RUS", ON, world=world, **KURSK).joiners
    assert ongoing.ongoing is not None and ongoing.ongoing["bound_since"]["PRK"]["since"] == "2024-12-04"
    said = _whys(world, "UKR", "RUS", ON, changes, ongoing_since=WAR_SINCE, **KURSK)
    assert said == _whys(world, "UKR", "RUS", ON, changes, **KURSK)
    assert "not in force" not in said[0] and "binds North Korea (PRK)" in said[0]


def test_a_treaty_ended_mid_war_is_not_in_force_on_the_date(world: World) -> None:
    """Russia-DPRK 2000 ended during the war: the cascade on the date does not read it, and the reason says so."""
    changes = [AddMember(treaty="rus_prk_2000", state="BLR")]
    said = _whys(world, "UKR", "RUS", ON, changes, ongoing_since=WAR_SINCE, **KURSK)
    assert said == [f"BLR is added as a party, but rus_prk_2000 is not in force on {ON} (membership by in-force)"]
    other = Overlay(changes=changes).apply(world)
    result = foedus.cascade("UKR", "RUS", ON, world=other, ongoing_since=WAR_SINCE, **KURSK)
    assert why_unmoved(other, result, "rus_prk_2000", "BLR") in said[0]
    assert all(o.treaty != "rus_prk_2000" for j in result.joiners for o in (j.primary, *j.also))


def test_a_result_without_names_names_states_as_on_its_date(world: World) -> None:
    """A result built without its names (by hand, or read back without them) is named as on its date, not today:
    the Soviet Union in 1979, no party to NATO."""
    from foedus.datarecord import replace

    result = replace(foedus.cascade("USA", "RUS", "1979-06-01", world=world), names={})
    said = why_unmoved(world, result, "nato_1949", "RUS")
    assert said == "Soviet Union (RUS) is not a party to nato_1949 on 1979-06-01"


def test_a_member_added_to_a_clause_naming_who_owes_it_is_said_to_owe_none(world: World) -> None:
    """Japan made a party to the Manila Pact is owed art. IV(1), but does not owe it: the clause names the parties
    that owe it. The reason said only that no clause owed to or by Japan is owed to the Philippines, as if Japan had
    been added to the wrong side; it now names the clause's obligors, the date's parties (not Pakistan, out since
    1973)."""
    [why] = _whys(world, "CHN", "PHL", "2025-06-01", [AddMember(treaty="manila_1954", state="JPN")])
    assert why.endswith("; art. IV(1) is owed only by the parties it names (Thailand (THA), Philippines (PHL), "
                        "Australia (AUS) and 4 more), not by Japan (JPN)"), why
    [why] = _whys(world, "CHN", "PHL", "2025-06-01", [AddMember(treaty="anzus_1951", state="JPN")])
    assert "owed only by the parties it names" not in why, why  # ANZUS binds every party: no such reason


@pytest.mark.needs_data
def test_a_clauses_kind_is_not_read_as_a_side() -> None:
    """North Korea attacking South Korea (2026-12-01, escalatory): "art. 4 (defense) binds Russia (RUS)" read as
    Russia bound to South Korea's side, the defense side; its clause defends North Korea, the attacker. The kind is
    said as a clause (`foedus.cited.clause_said`) in the reason `compare` gives for a treaty that moves no one
    (`why_unmoved`); with Russia-DPRK 2024 dropped, compare says Russia is no longer bound both ways, as the web's
    compare view does (the treaty ends a conflict, so it is no "no change")."""
    import foedus
    from foedus.engine.unmoved import why_unmoved
    from foedus.model.world import World

    world = World.default()
    result = foedus.cascade("PRK", "KOR", "2026-12-01", world=world, reading="escalatory")
    assert why_unmoved(world, result, "rus_prk_2024").startswith(
        "art. 4 (a defence clause) binds Russia (RUS), which is bound both ways")
    code, out, err = cli_line(["compare", "-a", "PRK", "-t", "KOR", "-d", "2026-12-01", "--reading", "escalatory",
                               "--drop-treaty", "rus_prk_2024"])
    assert code == 0, err
    lines = out.splitlines()
    assert "\u2713 Russia (RUS) is no longer bound both ways" in lines and "(defense)" not in out, out
    # the ended conflicts are a change: the line after them does not read as if nothing changed
    assert "no other change in who is bound to join" in lines and "no change in who is bound to join" not in lines
