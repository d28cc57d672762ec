"""A what-if run names the joiners whose duty rests on one of its changes: its note said only that "a finding that
rests on a change is hypothetical", so Philippines and the United States, bound to defend Taiwan because
`--add-member usa_phl_1951:TWN` made Taiwan a party, read as bound by the treaty as encoded
(`foedus.whatif_rests.rests_on_changes`)."""

from __future__ import annotations

import pytest

import foedus
from foedus.engine.records import Joiner
from samples import cli_line

TAIWAN = ("CHN", "TWN", "2025-06-01")


def test_a_member_added_names_the_duties_it_makes() -> None:
    r = foedus.cascade(*TAIWAN, add_member="usa_phl_1951:TWN")
    assert {j.state for j in r.joiners} == {"PHL", "USA"}
    assert ("resting on add_member usa_phl_1951:TWN: Philippines (PHL) and United States (USA), bound under "
            "usa_phl_1951 art. IV (hypothetical)") in r.notes


@pytest.fixture(scope="module")
def strength_set_text() -> str:
    """`foedus cascade`'s text of North Korea attacking South Korea with the US duty set to S1, spaces collapsed."""
    code, out, err = cli_line(["cascade", "-a", "PRK", "-t", "KOR", "-d", "2025-06-01", "--set-strength",
                               "usa_kor_1953:III=S1"])
    assert code == 0, err
    return " ".join(out.replace("│", " ").split())


def test_a_strength_set_names_the_duty_it_changes_and_the_cli_says_it(strength_set_text: str) -> None:
    text = strength_set_text
    assert ("resting on set_strength usa_kor_1953:III=S1: United States (USA), bound under usa_kor_1953 art. III "
            "(hypothetical)") in text


def test_a_treaty_dropped_leaves_the_others_as_encoded() -> None:
    """Dropping the EU clause leaves NATO's members bound by NATO as encoded: no duty rests on the drop."""
    r = foedus.cascade("RUS", "EST", "2025-06-01", drop_treaty="eu_teu_42_7")
    assert r.joiners and not [n for n in r.notes if n.startswith("resting on")]


def test_a_duty_resting_on_a_change_carries_it_as_a_hypothetical_reason() -> None:
    """Its `certainty` stays the encoded facts' tag (the treaty, the article, the parties as encoded: verified), and
    a `what-if` reason, headed 'hypothetical' (the CLI's list beneath the line and the web's Why? read `heading`),
    names the change: the tag alone read as any verified duty."""
    r = foedus.cascade(*TAIWAN, add_member="usa_phl_1951:TWN")
    phl = r.joiner("PHL")
    assert phl is not None and phl.primary.certainty == "verified"
    reasons = r.to_dict()["joiners"][0]["certainty_reasons"]
    said = [(x["kind"], x["fact"], x["certainty"], x["heading"]) for x in reasons]
    assert said == [("what-if", "rests on the what-if change add_member usa_phl_1951:TWN", "hypothetical",
                     "hypothetical")]


def test_the_cli_tags_a_duty_resting_on_a_strength_set_as_hypothetical(strength_set_text: str) -> None:
    text = strength_set_text
    assert ("because North Korea (PRK) attacked South Korea (KOR) — verified facts; hypothetical: "
            "rests on the what-if change set_strength usa_kor_1953:III=S1") in text
    assert "hypothetical: rests on the what-if change set_strength usa_kor_1953:III=S1 (the what-if change" in text


def test_only_the_duties_resting_on_the_change_carry_it() -> None:
    """Ukraine made a NATO party is bound by the change; Germany, bound by NATO as encoded, carries no `what-if`
    reason."""
    r = foedus.cascade("RUS", "EST", "2025-06-01", add_member="nato_1949:UKR")
    ukr, deu = r.joiner("UKR"), r.joiner("DEU")
    assert ukr is not None and deu is not None

    def kinds(j: Joiner) -> set[str]:
        return {x.kind for o in (j.primary, *j.also) for x in o.certainty_reasons}
    assert "what-if" in kinds(ukr) and "what-if" not in kinds(deu)
