"""A what-if run names the joiners whose duty rests on one of its changes: its note said only that "a finding that
rests on a change is hypothetical", so Philippines and the United States, bound to defend Taiwan because
`--add-member usa_phl_1951:TWN` made Taiwan a party, read as bound by the treaty as encoded
(`foedus.whatif_rests.rests_on_changes`)."""

from __future__ import annotations

import foedus
from samples import cli_line

TAIWAN = ("CHN", "TWN", "2025-06-01")


def test_a_member_added_names_the_duties_it_makes() -> None:
    r = foedus.cascade(*TAIWAN, add_member="usa_phl_1951:TWN")
    assert {j.state for j in r.joiners} == {"PHL", "USA"}
    assert ("resting on add_member usa_phl_1951:TWN: Philippines (PHL) and United States (USA), bound under "
            "usa_phl_1951 art. IV (hypothetical)") in r.notes


def test_a_strength_set_names_the_duty_it_changes_and_the_cli_says_it() -> None:
    code, out, err = cli_line(["cascade", "-a", "PRK", "-t", "KOR", "-d", "2025-06-01", "--set-strength",
                               "usa_kor_1953:III=S1"])
    assert code == 0, err
    text = " ".join(out.replace("│", " ").split())
    assert ("resting on set_strength usa_kor_1953:III=S1: United States (USA), bound under usa_kor_1953 art. III "
            "(hypothetical)") in text


def test_a_treaty_dropped_leaves_the_others_as_encoded() -> None:
    """Dropping the EU clause leaves NATO's members bound by NATO as encoded: no duty rests on the drop."""
    r = foedus.cascade("RUS", "EST", "2025-06-01", drop_treaty="eu_teu_42_7")
    assert r.joiners and not [n for n in r.notes if n.startswith("resting on")]
