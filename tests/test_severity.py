"""Attack severity (docs/severity.md): below an armed attack, defence clauses do not bind, consultation clauses
do. The cases are the fact sheet's (/work/shared/reference/treaties-2025.md §1.1 Art. 4 table, §1.8) and run
through every engine (the `engine` fixture)."""

from __future__ import annotations

from typing import Any

import pytest

import foedus
from foedus.engine.result import CascadeResult
from foedus.errors import ScenarioError

pytestmark = pytest.mark.usefixtures("engine")

CURATED = foedus.World.load(history=False)


def run(attacker: str, target: str, day: str, **kw: Any) -> CascadeResult:
    return foedus.cascade(attacker, target, day, world=CURATED, **kw)


def consulting(result: CascadeResult, treaty: str) -> set[str]:
    return {c.state for c in result.consultations if c.treaty == treaty}


@pytest.mark.parametrize(("attacker", "target", "day", "requester"), [
    pytest.param("RUS", "POL", "2025-09-10", "POL", id="russian-drones-over-poland-2025"),
    pytest.param("RUS", "EST", "2025-09-19", "EST", id="mig-31s-in-estonian-airspace-2025"),
    pytest.param("SYR", "TUR", "2012-10-03", "TUR", id="shelling-of-akcakale-2012"),
    pytest.param("SYR", "TUR", "2012-06-22", "TUR", id="turkish-jet-downed-2012"),
])
def test_incursions_bring_nato_art_4_consultations_not_art_5(attacker: str, target: str, day: str,
                                                             requester: str) -> None:
    """§1.1: these incidents got Art. 4 consultations (requested by the target), never Art. 5."""
    r = run(attacker, target, day, severity="incursion")
    assert not any(o.treaty == "nato_1949" for j in r.joiners for o in (j.primary, *j.also))
    assert ("nato_1949", "4") in {(c.treaty, c.article) for c in r.consultations}
    assert {c.with_ for c in r.consultations if c.treaty == "nato_1949"} == {requester}
    armed = run(attacker, target, day)  # the same incident read as an armed attack: Art. 5
    assert any(o.treaty == "nato_1949" and o.article == "5" for j in armed.joiners for o in (j.primary, *j.also))


def test_incursion_leaves_armed_aggression_clauses_unbound() -> None:
    """§1.11 / §2.3: EU 42(7) and Aachen 4(1) need armed aggression; the drones over Poland set off neither."""
    r = run("RUS", "POL", "2025-09-10", severity="incursion")
    assert not {o.treaty for j in r.joiners for o in (j.primary, *j.also)} & {"eu_teu_42_7", "fra_deu_2019"}


def test_water_cannon_at_second_thomas_shoal_does_not_trigger_the_us_treaty() -> None:
    """§1.8: the 5 Mar 2024 water-cannon incident was not a reason to invoke Art. IV; Art. III consultations stand."""
    r = run("CHN", "PHL", "2024-03-05", place="second-thomas-shoal", target_kind="forces", severity="coercion")
    assert r.joiners == ()
    assert "USA" in consulting(r, "usa_phl_1951")
    armed = run("CHN", "PHL", "2024-03-05", place="second-thomas-shoal", target_kind="forces")
    assert armed.joiner("USA") is not None and armed.joiner("USA").primary.treaty == "usa_phl_1951"  # type: ignore[union-attr]
    assert "Note: the opening incident is coercion, not an armed attack" in r.explain()
    assert "the opening incident is an incursion" in run("RUS", "POL", "2025-09-10", severity="incursion").explain()


def test_aggression_clauses_bind_on_an_incursion_and_say_so() -> None:
    """Wording broader than an armed attack ("aggression") covers an incursion, as an assumption the result states."""
    r = run("SYR", "TUR", "2012-10-03", severity="incursion")
    aze = r.joiner("AZE")
    assert aze is not None and aze.primary.treaty == "tur_aze_2010"
    assert any("reads the incursion as aggression" in c for c in aze.primary.conditions)
    assert run("SYR", "TUR", "2012-10-03", severity="coercion").joiner("AZE") is None


def test_an_incident_below_an_armed_attack_is_not_said_to_be_one() -> None:
    """A joiner's cause and a broken non-aggression pact said "Syria (SYR) attacked Turkey (TUR)" and "Russia (RUS)
    attacks Poland (POL)" for shelling and drones: the text says the incident the scenario names."""
    from foedus.render import explain_lines

    joined = "\n".join(explain_lines(run("SYR", "TUR", "2012-10-03", severity="incursion")))
    assert "because Syria (SYR) made an incursion into Turkey (TUR)" in joined
    assert "attacked Turkey" not in joined
    broke = "\n".join(explain_lines(run("RUS", "KAZ", "2025-06-01", severity="incursion")))
    assert "Violation: Russia (RUS) makes an incursion into Kazakhstan (KAZ) despite rus_kaz_2013" in broke
    war = "\n".join(explain_lines(run("SYR", "TUR", "2012-10-03")))
    assert "because Syria (SYR) attacked Turkey (TUR)" in war


@pytest.mark.parametrize("reading", ["legal", "escalatory"])
def test_below_an_armed_attack_nobody_strikes(reading: str) -> None:
    """No war below an armed attack: one round, whatever the reading."""
    r = run("RUS", "EST", "2025-06-01", severity="incursion", reading=reading)
    assert r.rounds <= 1 and all(j.primary.round == 1 for j in r.joiners)


def test_unknown_severity_is_a_clear_error() -> None:
    with pytest.raises(ScenarioError, match="unknown severity 'skirmish'"):
        run("RUS", "EST", "2025-06-01", severity="skirmish")


def test_a_guarantee_against_a_threat_of_attack_binds_on_coercion_and_says_so() -> None:
    """The US must defend the freely associated states "from attack or threat of attack" (fact sheet §1.15,
    ATTACK/THREAT): coercion of Palau binds it, read as a threat of attack; NATO Art. 5 (armed attack) does not
    bind on coercion of Estonia."""
    usa = run("CHN", "PLW", "2025-06-01", severity="coercion").joiner("USA")
    assert usa is not None and (usa.primary.treaty, usa.primary.strength) == ("usa_cofa", "S5")
    assert any(c.startswith("reads the coercion as threat") for c in usa.primary.conditions)
    assert run("RUS", "EST", "2025-06-01", severity="coercion").joiner("USA") is None


@pytest.mark.parametrize(("attacker", "target", "state", "treaty"), [
    ("DZA", "MLI", "NER", "au_nacdp_2005"),     # "any aggression or threat of aggression" [V-secondary]
    ("MLI", "SEN", "GHA", "ecowas_pmad_1981"),  # Art. 2: "an armed threat or aggression" [V]
    ("AFG", "UZB", "RUS", "rus_uzb_2005"),      # "mutual help against military threats" [V-secondary]
])
def test_defence_clauses_worded_against_threats_bind_on_coercion(attacker: str, target: str, state: str,
                                                                  treaty: str) -> None:
    """The fact sheet words these defence clauses against threats as well as aggression: coercion sets them
    off, read as a threat, as the obligation's conditions say (docs/severity.md)."""
    joiner = run(attacker, target, "2025-06-01", severity="coercion").joiner(state)
    assert joiner is not None and joiner.primary.treaty == treaty
    assert any(c.startswith("reads the coercion as threat") for c in joiner.primary.conditions)
