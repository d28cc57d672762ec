"""A leg never binds its obligor against itself (one owed to a victim, against the obligor's own attack; one owed to
the attacker, on an attack on the obligor): the rule has one form
(`foedus.engine.rules.verdict.spares_own_attack`, with `binds_against` for one attacker), which every engine reads (the
reference binder, the Monte Carlo's potential graph and home legs, the batched engine's compiled counterpart masks that
its rounds, escalatory products, packed words and closures read, the war replay's casus foederis), so that changing
the rule there changes what every engine does (each used to code it apart: `obligor != attacker`, `not_self`, a
cleared mask column), and the reference binder's consultation legs read it too."""

from __future__ import annotations

import datetime as dt

import pytest

from foedus.engine.bind import Binder
from foedus.engine.cascade import run_cascade
from foedus.engine.fast.outcomes import Outcome
from foedus.engine.rules import verdict
from foedus.engine.scenario import Reading, build_scenario
from foedus.model.world import World
from test_neutrality_rule_engines import STATES, _every_engine
from test_rules import defense, make_world, treaty

DAY = dt.date(2020, 6, 1)


def _own_attack_world(base: World) -> World:
    """BLR joins RUS's attack on EST (offence) and strikes EST in round 2, but owes EST defence against BLR alone;
    PRK joins CHN's attack on KOR and strikes KOR, but owes KOR neutrality against PRK alone. Whether those legs bind
    their obligor against its own attack (a late conflict: it is on the attack side) is the rule's to say."""
    offence = {"kind": "offense", "article": "2", "strength": "S1"}
    return make_world(
        base,
        treaty("axis", ["RUS", "BLR"], offence),
        treaty("guard", ["EST", "BLR"], defense(adversary={"type": "named", "states": ["BLR"]})),
        treaty("pact", ["CHN", "PRK"], offence),
        treaty("truce", ["KOR", "PRK"], {"kind": "neutrality", "article": "3", "strength": "S4",
                                         "adversary": {"type": "named", "states": ["PRK"]}}),
    )


def _attacked_obligor_world(base: World) -> World:
    """BLR owes RUS offence against BLR alone, and EST defence; PRK owes CHN neutrality when CHN attacks PRK alone,
    and KOR defence. When RUS attacks EST (CHN KOR), BLR (PRK) joins the defence in round 1, and in the escalatory
    reading RUS (CHN) strikes it at home in round 2: whether that attack on the obligor itself binds it to join the
    attack on itself, or to stay out of it (a late conflict), is the rule's to say."""
    return make_world(
        base,
        treaty("axis", ["RUS", "BLR"], {"kind": "offense", "article": "2", "strength": "S1",
                                        "adversary": {"type": "named", "states": ["BLR"]}}),
        treaty("guard", ["EST", "BLR"], defense()),
        treaty("pact", ["CHN", "PRK"], {"kind": "neutrality", "article": "3", "strength": "S4",
                                        "when_partner_attacks": True,
                                        "adversary": {"type": "named", "states": ["PRK"]}}),
        treaty("shield", ["KOR", "PRK"], defense()),
    )


def _violators(world: World, attacker: str, target: str, reading: Reading) -> set[tuple[str, str]]:
    result = run_cascade(world, build_scenario(world, attacker=attacker, target=target, date=DAY, reading=reading))
    return {(v.state, v.against) for v in result.violations}


def _war_triggers(world: World, attacker: str = "BLR", target: str = "EST") -> set[tuple[str, str, str]]:
    """The casus foederis the war replay reports for `attacker`'s attack on `target` (BLR's own attack on EST)."""
    from foedus.war.evaluate import triggers

    scenario = build_scenario(world, attacker=attacker, target=target, date=DAY)
    return {(t.obligor, t.beneficiary, t.treaty) for t in triggers(world, scenario).values()}


@pytest.mark.parametrize("reading", ["legal", "escalatory"])
def test_every_engine_reads_the_own_attack_rule(world: World, monkeypatch: pytest.MonkeyPatch, reading: Reading
                                                ) -> None:
    assert len(STATES) == 6 and "BLR" in STATES and "PRK" in STATES
    before: dict[tuple[str, str], Outcome] = _every_engine(_own_attack_world(world), reading)
    assert before["RUS", "EST"].sides.get("BLR") == "attack"  # its own attack binds it to nothing
    assert before["CHN", "KOR"].sides.get("PRK") == "attack"
    assert _violators(_own_attack_world(world), "CHN", "KOR", reading) == {("PRK", "KOR")}  # a violation, not a duty
    assert ("BLR", "EST", "guard") not in _war_triggers(_own_attack_world(world))
    monkeypatch.setattr(verdict, "spares_own_attack", lambda leg: False)  # the obligor's own attack binds it too
    changed = _every_engine(_own_attack_world(world), reading)  # a new world: its table is compiled under the rule
    assert "BLR" in changed["RUS", "EST"].conflicts  # bound to defend EST against its own attack: a late conflict
    assert "PRK" in changed["CHN", "KOR"].conflicts  # bound to stay out of its own attack on KOR
    assert _violators(_own_attack_world(world), "CHN", "KOR", reading) == set()  # a duty now, not a violation
    assert ("BLR", "EST", "guard") in _war_triggers(_own_attack_world(world))


@pytest.mark.parametrize("reading", ["legal", "escalatory"])
def test_every_engine_spares_the_obligor_an_attack_on_itself(world: World, monkeypatch: pytest.MonkeyPatch,
                                                              reading: Reading) -> None:
    """A leg owed to the attacker (offence; neutrality when the partner attacks) whose adversary clause names its own
    obligor never binds the obligor on an attack on itself: every engine leaves the defender where it is (the
    reference engine and the Monte Carlo used to bind it to join, or stay out of, the attack on itself, a late
    conflict, where the batched engine did not)."""
    before = _every_engine(_attacked_obligor_world(world), reading)
    for attacker, target, obligor in [("RUS", "EST", "BLR"), ("CHN", "KOR", "PRK")]:
        assert before[attacker, target].sides.get(obligor) == "defense", (attacker, target, reading)
        assert obligor not in before[attacker, target].conflicts
    assert ("BLR", "RUS", "axis") not in _war_triggers(_attacked_obligor_world(world), "RUS", "BLR")
    monkeypatch.setattr(verdict, "spares_own_attack", lambda leg: False)  # the attack on the obligor binds it too
    changed = _every_engine(_attacked_obligor_world(world), reading)
    for attacker, target, obligor in [("RUS", "EST", "BLR"), ("CHN", "KOR", "PRK")]:
        assert (obligor in changed[attacker, target].conflicts) is (reading == "escalatory"), (attacker, reading)
    assert ("BLR", "RUS", "axis") in _war_triggers(_attacked_obligor_world(world), "RUS", "BLR")


def test_the_records_pass_reads_the_own_attack_rule(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """A consultation leg owed to the victim binds its obligor to consult on the attacks it binds against, not on the
    obligor's own (the binder's records pass used to take any attack the leg admits). No cascade shows it: an obligor
    that attacks is fighting, and a result reports no consultations of those; so the pass runs here with no state
    counted as fighting, and its ledger is read."""
    w = make_world(world, treaty("talks", ["EST", "BLR"], {"kind": "consultation", "article": "1", "strength": "S4"}))
    scenario = build_scenario(w, attacker="BLR", target="EST", date=DAY)
    binders: list[Binder] = []
    real = Binder.records

    def records(self: Binder, vol: object, ctx: object, fighting: object) -> None:
        binders.append(self)
        real(self, vol, ctx, frozenset())  # type: ignore[arg-type]

    def consulted() -> set[tuple[str, str, str]]:
        binders.clear()
        run_cascade(w, scenario)
        return {key[:3] for key in binders[0].ledger.consultations}

    monkeypatch.setattr(Binder, "records", records)
    assert ("BLR", "EST", "talks") not in consulted()  # BLR attacks EST: nothing to consult on
    monkeypatch.setattr(verdict, "spares_own_attack", lambda leg: False)  # the obligor's own attack binds it too
    assert ("BLR", "EST", "talks") in consulted()


@pytest.mark.needs_data
def test_the_monte_carlo_atlas_reads_the_own_attack_rule(world: World, monkeypatch: pytest.MonkeyPatch) -> None:
    """The Monte Carlo atlas's wars (with certain honour) are the reference engine's under the rule and under a rule
    in which the obligor's own attack (or an attack on it) binds it too."""
    from foedus.engine.reliability import HonourModel
    from foedus.sweeps.atlas_mc import atlas_montecarlo

    certain = HonourModel(era={e: dict.fromkeys(("S1", "S2", "S3", "S4", "S5"), 1.0) for e in ("pre1945", "post1945")},
                          ask_probability=1.0)
    sizes, real = {}, verdict.spares_own_attack
    for rule in (real, lambda leg: False):
        monkeypatch.setattr(verdict, "spares_own_attack", rule)
        for make in (_own_attack_world, _attacked_obligor_world):
            w = make(world)
            for reading in ("legal", "escalatory"):
                mc = atlas_montecarlo(w, DAY, 2, 0, certain, reading=reading)
                row = {pair: k for k, pair in enumerate(zip(mc.attackers, mc.targets, strict=True))}
                for a, b in [("RUS", "EST"), ("CHN", "KOR"), ("BLR", "EST"), ("EST", "RUS")]:
                    expected = run_cascade(w, build_scenario(w, attacker=a, target=b, date=DAY, reading=reading))
                    size = len(expected.sides["attack"]) + len(expected.sides["defense"])
                    assert mc.sizes[row[a, b]].tolist() == [size] * 2, (make.__name__, a, b, reading, rule)
                    sizes[make, rule is real, reading, a, b] = size
    assert sizes[_own_attack_world, True, "legal", "RUS", "EST"] == 3  # the rule bites
    assert sizes[_own_attack_world, False, "legal", "RUS", "EST"] == 2
    assert sizes[_attacked_obligor_world, True, "escalatory", "RUS", "EST"] == 3  # BLR defends EST
    assert sizes[_attacked_obligor_world, False, "escalatory", "RUS", "EST"] == 2  # BLR bound both ways
