"""The explanation's header (`CascadeResult.explain()`, `render.explain_lines`) said "Russia (RUS) attacks Poland
(POL)" of an incursion, which its settings, after it, call "an incursion (not an armed attack)": its verb now follows
the opening incident as the line under a joiner does (`render._INCIDENT_VERBS`), agreeing with its attackers; the
notebook's table and the web's title (said.ts `attackVerb`, tests/test_said_parity.py) alike."""

from __future__ import annotations

import foedus


def test_the_header_says_the_incident_it_names() -> None:
    incursion = foedus.cascade("RUS", "POL", "2025-09-10", severity="incursion")
    assert incursion.explain().splitlines()[0].startswith(
        "2025-09-10: Russia (RUS) makes an incursion into Poland (POL) (territory); ")
    assert "Russia (RUS) makes an incursion into Poland (POL) (legal)" in incursion._repr_html_()
    coercion = foedus.cascade(["RUS", "BLR"], "POL", "2025-09-10", severity="coercion")
    assert coercion.explain().splitlines()[0].startswith(
        "2025-09-10: Russia (RUS), Belarus (BLR) coerce Poland (POL) (territory); ")


def test_an_armed_attack_is_still_an_attack() -> None:
    attack = foedus.cascade("RUS", "POL", "2025-09-10")
    assert attack.explain().splitlines()[0].startswith("2025-09-10: Russia (RUS) attacks Poland (POL) (territory)")
    both = foedus.cascade(["RUS", "BLR"], "POL", "2025-09-10")
    assert both.explain().splitlines()[0].startswith("2025-09-10: Russia (RUS), Belarus (BLR) attack Poland (POL) ")
