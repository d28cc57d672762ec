"""Who gives what under Ukraine's 2024 security agreements (`ukr_bilateral_2024`): Japan's Accord (13 Jun 2024)
promises non-lethal equipment only, within its Constitution, and Ireland's agreement (4 Sep 2024) non-lethal military
support, so neither is bound to give Ukraine arms or defence industry, as `foedus demo` said of Japan; every other
partner still is (the forms' notes and sources in the treaty file)."""

from __future__ import annotations

import foedus
from foedus.model.vocab import HelpForm

CURATED = foedus.World.load(history=False)
PACT = CURATED.treaty("ukr_bilateral_2024")
NON_LETHAL = {"JPN", "IRL"}


def test_japan_and_ireland_give_no_arms_nor_defence_industry() -> None:
    partners = {m.state for m in PACT.members} - {"UKR"}
    assert PACT.assistance is not None
    for entry in PACT.assistance.forms:
        if entry.form in (HelpForm.ARMS, HelpForm.DEFENCE_INDUSTRY):
            # Croatia's agreement promises no wartime support (tests/test_ukr_croatia_agreement.py)
            wartime = {"HRV"} if entry.when == "wartime" else set()
            assert entry.by is not None and set(entry.by) == partners - NON_LETHAL - wartime, entry


def test_the_flagship_lists_no_japanese_arms() -> None:
    """The demo's second date: the supporters of Ukraine are the partners giving arms, Japan and Ireland not among
    them; the UK still is."""
    result = foedus.cascade("UKR", "RUS", "2025-01-15", place="kursk-oblast", ongoing_since="2024-08-06")
    givers = {s.state for s in result.supporters if s.supports == "UKR" and s.treaty == "ukr_bilateral_2024"}
    assert "GBR" in givers and not givers & NON_LETHAL
    assert "Support: Japan (JPN)" not in result.explain()


def test_on_a_russian_attack_japan_consults_but_is_not_bound_to_give_arms() -> None:
    result = foedus.cascade("RUS", "UKR", "2024-12-15")
    japan = [(s.treaty, s.form) for s in result.supporters if s.state == "JPN"]
    assert japan == []
    assert "JPN" in {c.state for c in result.consultations if c.treaty == "ukr_bilateral_2024"}
    ireland = [(s.treaty, s.form) for s in result.supporters if s.state == "IRL"]
    assert ireland == []


def test_treaties_show_says_each_forms_givers_and_how_sure() -> None:
    """`foedus treaties show` prints each form of help's note under its line (which partners give it, from which
    sources, how sure), as its JSON carries it beside the form's givers and certainty."""
    import json

    from samples import cli_line

    text = " ".join(cli_line(["treaties", "show", "ukr_bilateral_2024"]).stdout.split())
    forms = json.loads(cli_line(["treaties", "show", "ukr_bilateral_2024", "--json"]).stdout)["forms_of_help"]
    helped = [f for f in forms if f["form"] != "troops"]
    assert {f["form"] for f in helped} == {"arms", "defence_industry", "economic_aid"}
    for form in helped:
        assert form["certainty"] in ("verified", "unverified") and form["note"], form
        assert f"note: {' '.join(form['note'].split())}" in text, form["form"]
    assert "note: That support is owed is verified" in text and "not Ireland: none reported" in text
