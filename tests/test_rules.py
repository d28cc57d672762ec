"""Unit tests of each cascade rule and provision condition, on small synthetic treaty worlds."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from foedus.api import cascade
from foedus.errors import FoedusError
from foedus.model.loader import validate_references
from foedus.model.treaty import Treaty
from foedus.model.treatymap import TreatyMap
from foedus.model.world import World
from foedus.wording import named_state

DAY = "2020-06-01"

pytestmark = pytest.mark.usefixtures("engine")  # the reference suite: every engine must agree



def treaty(tid: str, members: list[str], *provisions: dict[str, Any], **extra: Any) -> dict[str, Any]:
    """A synthetic treaty in force since 2000 with the given members and provisions."""
    base: dict[str, Any] = {
        "id": tid, "name": tid, "signed": "2000-01-01", "in_force": "2000-01-01",
        "sources": [{"url": "https://example.org/test"}],
        "members": [{"state": m} for m in members], "provisions": list(provisions),
    }
    return base | extra


def defense(**kw: Any) -> dict[str, Any]:
    return {"kind": "defense", "article": "1", "strength": "S2"} | kw


def make_world(base: World, *treaties: dict[str, Any]) -> World:
    parsed = {}
    for raw in treaties:
        t = validate_references(Treaty.model_validate(raw), raw["id"], base.states, base.places)
        parsed[t.id] = t
    return World(treaties=TreatyMap(parsed), states=base.states, places=base.places)


def joined(result: Any) -> dict[str, str]:
    return {j.state: j.side for j in result.joiners}


def test_defense_binds_when_protected_state_is_attacked(world: World) -> None:
    w = make_world(world, treaty("pact", ["FRA", "DEU"], defense()))
    r = cascade("RUS", "DEU", DAY, world=w)
    j = r.joiner("FRA")
    assert j is not None and j.side == "defense"
    assert (j.primary.treaty, j.primary.article, j.primary.round) == ("pact", "1", 1)
    assert j.primary.because.attacked == "DEU" and j.primary.because.by == "RUS"


def test_defense_does_not_bind_when_protected_state_attacks(world: World) -> None:
    w = make_world(world, treaty("pact", ["FRA", "DEU"], defense()))
    assert cascade("DEU", "RUS", DAY, world=w).joiners == ()


def test_territory_scope_limits_where_an_attack_counts(world: World) -> None:
    w = make_world(world, treaty("pact", ["USA", "GBR"], defense(scope={"territory": ["europe", "north-america"]})))
    assert joined(cascade("RUS", "USA", DAY, world=w)) == {"GBR": "defense"}
    assert cascade("CHN", "USA", DAY, place="guam", world=w).joiners == ()


def test_forces_scope_empty_means_forces_not_covered(world: World) -> None:
    w = make_world(world, treaty("pact", ["FRA", "DEU"], defense(scope={"territory": None, "forces": []})))
    assert cascade("RUS", "DEU", DAY, place="baltic-sea", target_kind="forces", world=w).joiners == ()


def test_forces_scope_null_means_forces_covered_anywhere(world: World) -> None:
    w = make_world(world, treaty("pact", ["FRA", "DEU"], defense()))
    assert joined(cascade("RUS", "DEU", DAY, place="south-china-sea", target_kind="forces", world=w)) == {
        "FRA": "defense"}


def test_named_adversary_condition(world: World) -> None:
    w = make_world(world, treaty("pact", ["FRA", "DEU"], defense(adversary={"type": "named", "states": ["RUS"]})))
    assert joined(cascade("RUS", "DEU", DAY, world=w)) == {"FRA": "defense"}
    assert cascade("CHN", "DEU", DAY, world=w).joiners == ()


def test_non_member_adversary_condition(world: World) -> None:
    w = make_world(world, treaty("pact", ["FRA", "DEU", "ITA"], defense(adversary={"type": "non_members"})))
    assert joined(cascade("RUS", "DEU", DAY, world=w)) == {"FRA": "defense", "ITA": "defense"}
    assert cascade("ITA", "DEU", DAY, world=w).joiners == ()


def test_request_gated_help_needs_a_request(world: World) -> None:
    w = make_world(world, treaty("pact", ["FRA", "DEU"], defense(request_gated=True)))
    assert joined(cascade("RUS", "DEU", DAY, world=w)) == {"FRA": "defense"}
    r = cascade("RUS", "DEU", DAY, requested=False, world=w)
    assert r.joiners == ()
    assert [(x.state, x.treaty) for x in r.withheld] == [("FRA", "pact")]
    assert "did not ask" in r.withheld[0].reason


def test_non_provocation_voids_help_to_the_state_that_started_it(world: World) -> None:
    # In the escalatory reading the attacker is struck back; its ally's non-provocation
    # clause keeps the ally out, while a plain defence clause brings it in.
    plain = make_world(world, treaty("pact", ["RUS", "BLR"], defense()))
    guarded = make_world(world, treaty("pact", ["RUS", "BLR"], defense(non_provocation=True)))
    assert joined(cascade("RUS", "EST", DAY, reading="escalatory", world=plain)) == {"BLR": "attack"}
    r = cascade("RUS", "EST", DAY, reading="escalatory", world=guarded)
    assert r.joiners == ()
    assert "non-provocation" in r.withheld[0].reason


def test_offense_binds_when_partner_attacks(world: World) -> None:
    w = make_world(world, treaty("axis", ["RUS", "BLR"], {"kind": "offense", "article": "2", "strength": "S1"}))
    r = cascade("RUS", "EST", DAY, world=w)
    assert joined(r) == {"BLR": "attack"}
    assert r.sides == {"attack": ["RUS", "BLR"], "defense": ["EST"]}


def test_offense_joiner_attack_triggers_named_adversary_defense_in_round_two(world: World) -> None:
    w = make_world(
        world,
        treaty("axis", ["RUS", "BLR"], {"kind": "offense", "article": "2", "strength": "S1"}),
        treaty("guard", ["EST", "FIN"], defense(adversary={"type": "named", "states": ["BLR"]})),
    )
    r = cascade("RUS", "EST", DAY, world=w)
    assert [(j.state, j.side, j.primary.round) for j in r.joiners] == [("BLR", "attack", 1), ("FIN", "defense", 2)]
    assert r.joiner("FIN").primary.because.by == "BLR"  # type: ignore[union-attr]


def test_joiners_that_were_not_attacked_do_not_call_in_their_allies(world: World) -> None:
    w = make_world(world, treaty("a", ["EST", "FIN"], defense()), treaty("b", ["FIN", "SWE"], defense()))
    assert joined(cascade("RUS", "EST", DAY, world=w)) == {"FIN": "defense"}
    esc = cascade("RUS", "EST", DAY, reading="escalatory", world=w)
    assert joined(esc) == {"FIN": "defense", "SWE": "defense"}
    assert esc.joiner("SWE").primary.round == 2  # type: ignore[union-attr]


def test_neutrality_keeps_a_state_out(world: World) -> None:
    w = make_world(world, treaty("neut", ["IRN", "RUS"], {"kind": "neutrality", "article": "3", "strength": "S4"}))
    r = cascade("UKR", "RUS", DAY, place="kursk-oblast", world=w)
    assert r.joiners == ()
    assert [(n.state, n.toward) for n in r.neutral] == [("IRN", "RUS")]


def test_joining_against_a_neutrality_partner_is_a_conflict(world: World) -> None:
    # UKR starts the war; RUS, struck first, strikes back at UKR, whose defence binds IRN (escalatory reading),
    # while IRN must stay out of the war against RUS
    w = make_world(
        world,
        treaty("neut", ["IRN", "RUS"], {"kind": "neutrality", "article": "3", "strength": "S4"}),
        treaty("def", ["IRN", "UKR"], defense()),
    )
    r = cascade("UKR", "RUS", DAY, place="kursk-oblast", reading="escalatory", world=w)
    assert "IRN" not in joined(r)
    assert [c.state for c in r.conflicts] == ["IRN"]
    assert set(r.conflicts[0].to_dict()["treaties"]) == {"neut", "def"}


def _neutrality(**kw: Any) -> dict[str, Any]:
    return {"kind": "neutrality", "article": "3", "strength": "S4"} | kw


def test_neutrality_toward_the_side_that_started_the_war_does_not_bind_on_a_counter_strike(world: World) -> None:
    # RUS starts the war and is struck back (the escalatory reading): a clause that binds when RUS is attacked
    # protects a victim, so IRN may defend UKR; before this rule IRN was bound both ways
    w = make_world(world, treaty("neut", ["IRN", "RUS"], _neutrality()), treaty("def", ["IRN", "UKR"], defense()))
    r = cascade("RUS", "UKR", DAY, reading="escalatory", world=w)
    assert joined(r) == {"IRN": "defense"} and r.conflicts == ()
    # a state that stays out is told why its duty is void, by the clause's own non-provocation condition first
    for extra, reason in (({}, "Russia (RUS) is on the side that started the war (the clause protects a partner that "
                                "is attacked, not one struck back)"),
                          ({"non_provocation": True}, "Russia (RUS) started the war (non-provocation clause)")):
        alone = make_world(world, treaty("neut", ["IRN", "RUS"], _neutrality(**extra)))
        r = cascade("RUS", "UKR", DAY, reading="escalatory", world=alone)
        assert r.neutral == () and [(x.state, x.treaty, x.article) for x in r.withheld] == [("IRN", "neut", "3")]
        assert r.withheld[0].reason == reason
        # the same clause binds when the partner is the one attacked
        r = cascade("UKR", "RUS", DAY, place="kursk-oblast", reading="escalatory", world=alone)
        assert r.joiners == () and [(n.state, n.toward) for n in r.neutral] == [("IRN", "RUS")]


def test_a_non_provocation_clause_voids_neutrality_when_the_partner_attacks(world: World) -> None:
    # neutrality that also binds when the partner attacks (ATOP NEUCOATT 0), unless it provoked the war
    partner = {"when_partner_attacks": True}
    plain = make_world(world, treaty("neut", ["IRN", "RUS"], _neutrality(**partner)),
                       treaty("def", ["IRN", "UKR"], defense()))
    guarded = make_world(world, treaty("neut", ["IRN", "RUS"], _neutrality(non_provocation=True, **partner)),
                         treaty("def", ["IRN", "UKR"], defense()))
    for reading in ("legal", "escalatory"):
        assert [c.state for c in cascade("RUS", "UKR", DAY, reading=reading, world=plain).conflicts] == ["IRN"]
        r = cascade("RUS", "UKR", DAY, reading=reading, world=guarded)
        assert joined(r) == {"IRN": "defense"} and r.conflicts == ()


def test_state_bound_to_both_sides_is_a_conflict_not_a_joiner(world: World) -> None:
    w = make_world(world, treaty("a", ["GRC", "FRA"], defense()), treaty("b", ["TUR", "FRA"], defense()))
    r = cascade("TUR", "GRC", DAY, reading="escalatory", world=w)
    assert "FRA" not in joined(r)
    (conflict,) = r.conflicts
    assert conflict.state == "FRA" and conflict.reason == "bound to both sides"
    assert {o.side for o in conflict.obligations} == {"attack", "defense"}


def test_nonaggression_broken_by_attacker_is_a_violation(world: World) -> None:
    w = make_world(world, treaty("na", ["RUS", "UKR"], {"kind": "nonaggression", "article": "1", "strength": "S4",
                                                          "obligors": ["RUS"], "beneficiaries": ["UKR"]}))
    r = cascade("RUS", "UKR", DAY, world=w)
    assert [(v.state, v.against, v.treaty, v.kind) for v in r.violations] == [("RUS", "UKR", "na", "nonaggression")]
    assert cascade("UKR", "RUS", DAY, place="kursk-oblast", world=w).violations == ()


def test_consultation_is_reported_not_joined(world: World) -> None:
    w = make_world(world, treaty("c", ["GBR", "UKR"], {"kind": "consultation", "article": "1", "strength": "S4",
                                                         "trigger": "threat"}))
    r = cascade("RUS", "UKR", DAY, world=w)
    assert r.joiners == ()
    assert [(c.state, c.with_) for c in r.consultations] == [("GBR", "UKR")]


def test_one_way_guarantee_is_directed(world: World) -> None:
    w = make_world(world, treaty("g", ["USA", "QAT"], defense(strength="S5", obligors=["USA"], beneficiaries=["QAT"]),
                                 type="unilateral"))
    assert joined(cascade("IRN", "QAT", DAY, world=w)) == {"USA": "defense"}
    assert cascade("CHN", "USA", DAY, world=w).joiners == ()


def test_membership_dates_and_suspensions(world: World) -> None:
    raw = treaty("pact", ["FRA"], defense())
    raw["members"] += [
        {"state": "DEU", "joined": "2010-05-01"},
        {"state": "ITA", "left": "2015-01-01"},
        {"state": "ESP", "suspended": [{"start": "2019-01-01", "end": "2021-01-01"}]},
    ]
    w = make_world(world, raw)
    assert "FRA" in joined(cascade("RUS", "DEU", "2010-05-01", world=w))
    assert cascade("RUS", "DEU", "2010-04-30", world=w).joiners == ()
    assert "ITA" in joined(cascade("RUS", "FRA", "2014-12-31", world=w))
    assert "ITA" not in joined(cascade("RUS", "FRA", "2015-01-01", world=w))
    assert "ESP" not in joined(cascade("RUS", "FRA", "2020-01-01", world=w))
    assert "ESP" in joined(cascade("RUS", "FRA", "2021-01-01", world=w))


def test_leg_suspension_switches_off_one_direction(world: World) -> None:
    w = make_world(world, treaty("anz", ["USA", "NZL"], defense(suspensions=[
        {"obligor": "USA", "beneficiary": "NZL", "span": {"start": "1986-08-11"}}]), signed="1951-09-01",
        in_force="1952-04-29"))  # a suspension before the signature is refused (`check_dates`)
    assert cascade("CHN", "NZL", DAY, world=w).joiners == ()
    assert joined(cascade("CHN", "USA", DAY, world=w)) == {"NZL": "defense"}


def test_treaty_dates_in_force_signed_and_terminated(world: World) -> None:
    w = make_world(world, treaty("p", ["FRA", "DEU"], defense(), signed="2000-01-01", in_force="2001-01-01",
                                 terminated="2030-01-01"))
    assert cascade("RUS", "DEU", "2000-06-01", world=w).joiners == ()
    assert joined(cascade("RUS", "DEU", "2000-06-01", basis="signed", world=w)) == {"FRA": "defense"}
    assert cascade("RUS", "DEU", "2030-01-01", world=w).joiners == ()
    never = make_world(world, treaty("p", ["FRA", "DEU"], defense(), in_force=None))
    assert cascade("RUS", "DEU", DAY, world=never).joiners == ()
    assert joined(cascade("RUS", "DEU", DAY, basis="signed", world=never)) == {"FRA": "defense"}


def test_administered_by_and_home_tokens(world: World) -> None:
    w = make_world(world, treaty("p", ["USA", "JPN"], defense(scope={"territory": ["administered-by:JPN"],
                                                                     "forces": ["administered-by:JPN"]})))
    assert joined(cascade("CHN", "JPN", DAY, place="senkaku-islands", world=w)) == {"USA": "defense"}
    assert joined(cascade("CHN", "USA", DAY, place="japan", target_kind="forces", world=w)) == {"JPN": "defense"}
    assert cascade("CHN", "USA", DAY, place="guam", world=w).joiners == ()


def test_administered_by_party_reads_the_parties_on_the_date(world: World) -> None:
    """`administered-by-party` covers forces on a party's territory from the day it is a party, not before."""
    pact = treaty("p", [], defense(scope={"territory": None, "forces": ["administered-by-party"]}))
    pact["members"] = [{"state": "USA"}, {"state": "GBR"}, {"state": "JPN", "joined": "2010-01-01"}]
    w = make_world(world, pact)
    assert cascade("CHN", "USA", "2005-06-01", place="japan", target_kind="forces", world=w).joiners == ()
    assert joined(cascade("CHN", "USA", DAY, place="japan", target_kind="forces", world=w)) == {
        "GBR": "defense", "JPN": "defense"}


def test_place_token_is_the_place_alone(world: World) -> None:
    """`black-sea` is a region (the sea and its shores) and a place (the sea); `place:black-sea` is the sea alone."""
    region = make_world(world, treaty("p", ["USA", "GBR"], defense(scope={"territory": None,
                                                                          "forces": ["black-sea"]})))
    sea = make_world(world, treaty("p", ["USA", "GBR"], defense(scope={"territory": None,
                                                                       "forces": ["place:black-sea"]})))
    for w in (region, sea):
        assert joined(cascade("RUS", "USA", DAY, place="black-sea", target_kind="forces", world=w)) == {
            "GBR": "defense"}
    assert joined(cascade("RUS", "USA", DAY, place="ukraine", target_kind="forces", world=region)) == {
        "GBR": "defense"}
    assert cascade("RUS", "USA", DAY, place="ukraine", target_kind="forces", world=sea).joiners == ()
    with pytest.raises(FoedusError, match="place:narnia"):
        make_world(world, treaty("p", ["USA", "GBR"], defense(scope={"forces": ["place:narnia"]})))
    with pytest.raises(FoedusError, match="not in debated"):
        make_world(world, treaty("p", ["USA", "GBR"], defense(scope={"debated": ["europe+administered-by-party"]})))


@pytest.mark.parametrize("reading", ["legal", "escalatory"])
def test_result_is_deterministic(world: World, reading: str) -> None:
    a = cascade("RUS", "EST", "2025-06-01", reading=reading)  # type: ignore[arg-type]
    b = cascade("RUS", "EST", "2025-06-01", reading=reading)  # type: ignore[arg-type]
    assert a.to_dict() == b.to_dict()


@pytest.mark.parametrize("reading", ["met", "unmet"])
def test_unresolved_conditions_bind_only_when_read_as_met(world: World, reading: str) -> None:
    w = make_world(world, treaty("pact", ["FRA", "DEU"], defense(unresolved=["location"])))
    r = cascade("RUS", "DEU", DAY, unresolved=reading, world=w)  # type: ignore[arg-type]
    assert joined(r) == ({"FRA": "defense"} if reading == "met" else {})
    if reading == "unmet":
        assert [(x.state, x.unresolved) for x in r.withheld] == [("FRA", ("location",))]


def test_a_withheld_leg_is_read_by_the_gate_that_holds_it_back_not_by_its_words(world: World) -> None:
    """The gate that withholds a leg says which ATOP conditions it rests on and how sure the gate is: a decision
    whose words name something "unresolved" is not the unresolved-conditions gate (read as met here), and its
    own wording's certainty counts, that of a suspension does not (both used to be read from the reason's words)."""
    from foedus.engine.rules import gate_doubt
    from foedus.engine.table import leg_table
    from foedus.model.vocab import Certainty, Kind

    clause = defense(unresolved=["location"], needs_decision="a joint finding on the unresolved border",
                     gates_certainty="unverified")
    w = make_world(world, treaty("pact", ["FRA", "DEU"], clause))
    r = cascade("RUS", "DEU", DAY, decisions="not-taken", world=w)
    assert [(x.state, x.unresolved, x.certainty) for x in r.withheld] == [("FRA", (), "unverified")]
    assert r.withheld[0].reason.endswith("read as not taken (the clause's wording of this condition: not verified)")
    assert r.to_dict()["unresolved"] == []
    leg = leg_table(w, dt.date(2020, 6, 1)).owed_to(Kind.DEFENSE, "DEU")[0]
    assert (gate_doubt(leg, "decision"), gate_doubt(leg, "suspended")) == (Certainty.UNVERIFIED, None)


def test_several_attackers_and_targets_at_a_place(world: World) -> None:
    """Each attacker strikes each target; an offence partner of one attacker strikes every target."""
    w = make_world(
        world,
        treaty("axis", ["RUS", "BLR"], {"kind": "offense", "article": "2", "strength": "S1"}),
        treaty("north", ["EST", "FIN"], defense(adversary={"type": "named", "states": ["BLR"]})),
        treaty("south", ["LVA", "POL"], defense(scope={"territory": ["europe"], "forces": []})),
    )
    r = cascade(["RUS", "BLR"], ["EST", "LVA"], DAY, world=w)
    assert joined(r) == {"FIN": "defense", "POL": "defense"}
    forces = cascade(["RUS", "BLR"], ["EST", "LVA"], DAY, place="baltic-sea", target_kind="forces", world=w)
    assert joined(forces) == {"FIN": "defense"}


def test_offence_partner_of_one_attacker_draws_in_the_allies_of_every_target(world: World) -> None:
    w = make_world(
        world,
        treaty("axis", ["RUS", "IRN"], {"kind": "offense", "article": "2", "strength": "S1"}),
        treaty("guard", ["LVA", "POL"], defense(adversary={"type": "named", "states": ["IRN"]})),
    )
    r = cascade("RUS", ["EST", "LVA"], DAY, world=w)
    assert [(j.state, j.side, j.primary.round) for j in r.joiners] == [("IRN", "attack", 1), ("POL", "defense", 2)]


@pytest.fixture
def toy_gate() -> Any:
    """A test-only static gate (docs/adding-a-rule.md): legs of the treaty `pact` are held back after 2015."""
    from foedus.engine.rules import Gate, register_gate, unregister_gate

    register_gate(Gate("toy_sanctions", carried=lambda leg: leg.treaty.id == "pact",
                       reason=lambda leg, names: f"{named_state(leg.obligor, names)} is under toy sanctions",
                       closed=lambda leg, scenario: scenario.date.year > 2015))
    yield
    unregister_gate("toy_sanctions")


@pytest.mark.usefixtures("toy_gate")
@pytest.mark.parametrize("reading", ["legal", "escalatory"])
def test_a_new_static_gate_holds_legs_back_in_every_engine(world: World, reading: str) -> None:
    w = make_world(world, treaty("pact", ["FRA", "DEU"], defense()), treaty("other", ["ITA", "DEU"], defense()))
    r = cascade("RUS", "DEU", DAY, reading=reading, world=w)  # type: ignore[arg-type]
    assert joined(r) == {"ITA": "defense"}
    assert [(x.state, x.treaty, x.reason) for x in r.withheld] == [
        ("FRA", "pact", "France (FRA) is under toy sanctions")]
    assert joined(cascade("RUS", "DEU", "2010-06-01", reading=reading, world=w)) == {  # type: ignore[arg-type]
        "FRA": "defense", "ITA": "defense"}


@pytest.fixture
def obligor_gate() -> Any:
    """A static gate that reads the obligor, so it is not decided once per provision: FRA's legs of `pact`."""
    from foedus.engine.rules import Gate, register_gate, unregister_gate

    register_gate(Gate("toy_embargo", carried=lambda leg: leg.treaty.id == "pact",
                       reason=lambda leg, names: f"{leg.obligor} is under a toy embargo",
                       closed=lambda leg, scenario: leg.obligor == "FRA"))
    yield
    unregister_gate("toy_embargo")


@pytest.mark.usefixtures("obligor_gate")
@pytest.mark.parametrize("reading", ["legal", "escalatory"])
def test_a_gate_that_reads_the_obligor_holds_back_only_that_obligor(world: World, reading: str) -> None:
    w = make_world(world, treaty("pact", ["FRA", "DEU", "ITA"], defense()))
    r = cascade("RUS", "DEU", DAY, reading=reading, world=w)  # type: ignore[arg-type]
    assert joined(r) == {"ITA": "defense"}
    assert [(x.state, x.treaty) for x in r.withheld] == [("FRA", "pact")]


def test_a_victim_gate_the_fast_engines_lack_is_refused() -> None:
    """A rule the engines cannot follow is a RuleError, in the FoedusError tree the CLI prints as one line (it was a
    ValueError here, for a victim gate the vectorised engines lack and for a name taken, and only here)."""
    from foedus.engine.rules import Gate, register_gate
    from foedus.errors import FoedusError, RuleError

    with pytest.raises(RuleError, match=r"victim gate toy_weather .* not one the vectorised engines implement") as e:
        register_gate(Gate("toy_weather", carried=lambda leg: True, reason=lambda leg, names: "rain",
                           open_for=lambda state, s: False))
    assert isinstance(e.value, FoedusError)
    with pytest.raises(RuleError, match="a gate named request is already registered"):
        register_gate(Gate("request", carried=lambda leg: False, reason=lambda leg, names: ""))
