"""Palestine (PSE, no COW code) joins the defence under the Arab League treaty (`foedus cascade -a ISR -t EGY -d
2024-01-01`). The fact sheet (../shared/reference/treaties-2025.md, §1.12) says "League member 1976 (PLO) [V];
treaty status [U]": its membership is encoded unverified, and its line says so; but the answer's notes spoke only of
the scenario's own parties outside the COW state system, so Palestine's capacity as a party went unsaid; and the
likelihood rated it from features it does not have (no capability, contiguity or war history), its binding read as
any other, without a word."""

from __future__ import annotations

import re

import pytest

import foedus
from foedus.model.world import World

NOTE = "Palestine (PSE) is not in the COW state system: whether it is a state is not checked"

pytestmark = pytest.mark.needs_data


def test_palestines_membership_of_the_treaty_is_encoded_unverified() -> None:
    treaty = World.default().treaty("arab_jdec_1950")
    assert treaty is not None
    (member,) = [m for m in treaty.members if m.state == "PSE"]
    assert member.certainty == "unverified"


def test_palestines_line_carries_the_doubt_and_the_notes_its_unchecked_statehood() -> None:
    result = foedus.cascade("ISR", "EGY", "2024-01-01")
    (joiner,) = [j for j in result.joiners if j.state == "PSE"]
    assert joiner.primary.treaty == "arab_jdec_1950" and joiner.primary.certainty != "verified"
    assert any(r.fact.startswith("arab_jdec_1950: Palestine (PSE) is a party (not verified)")  # then its note
               for r in joiner.primary.certainty_reasons)
    assert NOTE in result.notes


def test_a_scenario_that_draws_no_unlisted_state_in_gets_no_such_note() -> None:
    assert not any("is not in the COW state system" in n for n in foedus.cascade("RUS", "EST", "2024-01-01").notes)


def test_the_likelihood_warns_that_palestine_is_rated_beyond_its_training_and_on_an_unverified_binding() -> None:
    likely = foedus.cascade("ISR", "EGY", "2024-01-01", likelihood=True).likelihood
    assert likely is not None
    assert any(s.state == "PSE" and s.ccode is None for s in likely.states)
    (warning,) = [w for w in likely.warnings if w.startswith("Palestine (PSE) is not in the COW state system")]
    assert "the model was trained on" in warning
    (bound,) = [w for w in likely.warnings if "rest on facts not verified" in w]
    assert "Palestine (PSE)" in bound and "arab_jdec_1950 art. 2" in bound  # tests/test_likely_doubted.py
    assert not any("is not in the COW state system" in w for w in likely.warnings if "(PSE)" not in w)


def test_the_draws_say_they_weigh_palestines_unverified_duty_as_a_verified_one() -> None:
    """The honour model draws a duty by strength, era and treaty alone: Palestine's (unverified) counted as any."""
    result = foedus.cascade("ISR", "EGY", "2024-01-01", draws=50, seed=1)
    (note,) = [n for n in result.notes if n.startswith("the draws weigh a duty")]
    doubted = re.findall(r"\(([A-Z]{3})\)", note)  # each named as every note names a state: "Palestine (PSE)"
    assert "Palestine (PSE)" in note and "PSE" in doubted and doubted == sorted(doubted)
    assert not any(n.startswith("the draws weigh") for n in foedus.cascade("ISR", "EGY", "2024-01-01").notes)
