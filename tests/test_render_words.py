"""How the text renderings word what the engine found: a strike the escalatory reading assumes is not told as a
known attack, and a neutrality duty says what it forbids."""

from __future__ import annotations

import pytest

import foedus
from foedus.render import explain_text


def test_a_strike_the_escalatory_reading_assumes_is_worded_as_an_assumption() -> None:
    """China joins North Korea in round 2 because the reading has Ukraine strike North Korea, which joined Russia:
    the text said "because Ukraine (UKR) attacked North Korea (PRK)", as if it had happened."""
    result = foedus.cascade("UKR", "RUS", "2025-01-15", place="kursk-oblast", reading="escalatory")
    text = explain_text(result)
    china = next(line for line in text.splitlines() if line.lstrip(" -").startswith("China (CHN) is bound to join"))
    assert "because the escalatory reading assumes Ukraine (UKR) attacks North Korea (PRK)" in china
    assert " at north-korea" not in text and " at North Korea" not in text  # its home: not said again
    assert "Ukraine (UKR) attacked North Korea" not in text
    north_korea = next(line for line in text.splitlines()
                       if line.lstrip(" -").startswith("North Korea (PRK) is bound to join"))
    assert "because Ukraine (UKR) attacked Russia (RUS) at Kursk Oblast" in north_korea  # the opening attack


def test_the_legal_reading_words_the_opening_attack_as_it_was() -> None:
    result = foedus.cascade("UKR", "RUS", "2025-01-15", place="kursk-oblast")
    text = explain_text(result)
    assert "because Ukraine (UKR) attacked Russia (RUS) at Kursk Oblast" in text
    assert "the escalatory reading assumes" not in text


def test_whether_a_reading_assumes_its_strikes_is_the_strikes_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    """The words follow the strikes rule (`STRIKES`): they used to test the reading's name, so a reading whose
    strikes the rule changed was still said to assume them."""
    from foedus.engine.rules.strikes import STRIKES, Strikes

    result = foedus.cascade("UKR", "RUS", "2025-01-15", place="kursk-oblast", reading="escalatory")
    assert "the escalatory reading assumes" in explain_text(result)
    monkeypatch.setitem(STRIKES, "escalatory", Strikes(defenders_strike=False, at_home=False))  # a changed rule
    text = explain_text(result)
    assert "reading assumes" not in text
    assert "because Ukraine (UKR) attacked North Korea (PRK)" in text
