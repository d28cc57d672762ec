"""`foedus war` and `foedus compare` cited usa_qat_eo_2025 as "usa_qat_eo_2025 EO", with nothing saying it is an
executive order, not a treaty, where the cascade's joiner line, its JSON, `treaties show` and the web's Why? say so:
each now says it where it cites the duty (`foedus.cited.instrument_said`), and a war's duty records carry
`instrument`."""

from __future__ import annotations

import pytest

from samples import cli_line

EO = "usa_qat_eo_2025 EO (an executive order, not a treaty)"


@pytest.mark.needs_data
def test_a_wars_duty_line_says_the_instrument() -> None:
    from foedus.api import replay_war
    from foedus.model.states import StateRegistry
    from foedus.war.render import _duties

    replay = replay_war("iran_2026")
    usa = replay.record("USA")
    assert {t["treaty"]: t["instrument"] for t in usa.triggered}["usa_qat_eo_2025"] == "executive_order"
    assert all(t["instrument"] == "treaty" for t in usa.triggered if t["treaty"] != "usa_qat_eo_2025")
    lines = _duties(replay, StateRegistry.load().names_on)  # the text's "other duties" lines, unwrapped
    assert any(f"toward Qatar (QAT), {EO} (a defence clause)" in line for line in lines)


@pytest.mark.needs_data
def test_a_wars_casus_foederis_says_its_clause_not_a_side() -> None:
    """iran_2026's "other duties" said "Kuwait (KWT): casus foederis 2026-02-28 toward Bahrain (BHR), arab_jdec_1950
    art. 2 (defense)": in a war whose defense side is Iran's, a reader took Kuwait to owe Iran's side. The kind of
    clause is said as one (`foedus.war.words.CLAUSE_SAID`)."""
    from foedus.api import replay_war
    from foedus.model.states import StateRegistry
    from foedus.war.render import _duties

    lines = _duties(replay_war("iran_2026"), StateRegistry.load().names_on)
    assert "Kuwait (KWT): casus foederis 2026-02-28 toward Bahrain (BHR), arab_jdec_1950 art. 2 (a defence clause) " \
        "(unverified: membership)" in lines
    assert not any(line.endswith(("(defense)", "(offense)")) or "(defense) (" in line for line in lines)


@pytest.mark.needs_data
def test_a_comparisons_line_says_the_instrument() -> None:
    out = cli_line(["compare", "--attacker", "IRN", "--target", "QAT", "--date", "2025-06-01", "--date2",
                    "2026-06-01"]).stdout
    assert f"+ United States (USA) is bound to join the defense side ({EO}, S5)" in out.splitlines()
