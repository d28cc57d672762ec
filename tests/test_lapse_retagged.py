"""A what-if that changes only how sure a lapse's provision is (its certainty, the facts not verified) changes that
lapse, not which lapses there are: `ongoing_changes` compared lapses with their tags, so one retagged was listed both
as gained (`lapsed_added`) and as lost (`lapsed_removed`), two lines for one change. It is now one, `lapsed_retagged`,
said once with the base world's certainty after "was"."""

from __future__ import annotations

from typing import Any

from foedus.war.ongoing_changes import ongoing_changes, ongoing_lines, ongoing_said

STRETCH = {"state": "TJK", "side": "defense", "from": "2024-08-06", "to": "2025-01-01", "treaty": "csto_1992",
           "article": "4"}


def _summary(*lapsed: dict[str, Any]) -> dict[str, Any]:
    return {"since": "2024-08-06", "until": "2025-04-15", "bound_since": {}, "lapsed": list(lapsed)}


def test_a_lapse_tagged_otherwise_is_one_change() -> None:
    """The same stretch, secondary in the base world and unverified in the what-if's: neither gained nor lost, one
    retagged record with both worlds' tags; the comparison still differs and names the treaty."""
    base = _summary({**STRETCH, "certainty": "secondary", "doubted": ["article"]})
    other = _summary({**STRETCH, "certainty": "unverified", "doubted": ["article", "validity"]})
    changes = ongoing_changes(base, other)
    assert (changes.lapsed_added, changes.lapsed_removed) == ((), ())
    assert [x.to_dict() for x in changes.lapsed_retagged] == [{
        **STRETCH, "instrument": "treaty", "certainty": "unverified", "doubted": ["article", "validity"],
        "certainty_before": "secondary", "doubted_before": ["article"],
        "levels": {"article": "unverified", "validity": "unverified"}, "levels_before": {"article": "secondary"}}]
    assert changes and changes.treaties() == {"csto_1992"}
    assert ongoing_lines(changes.to_dict(), {"TJK": "Tajikistan"}) == [
        "ongoing: Tajikistan (TJK) bound 2024-08-06 to 2025-01-01 (defense, csto_1992 art. 4 (unverified: article, "
        "validity)), no longer by the date (was secondary: article)"]


def test_a_lapse_verified_in_one_world_says_so() -> None:
    """Verified in the base world, secondary in the what-if's: "(was verified)"; the same lapse alike in both is no
    change at all."""
    base = _summary({**STRETCH, "certainty": "verified", "doubted": []})
    other = _summary({**STRETCH, "certainty": "secondary", "doubted": ["article"]})
    assert ongoing_said(ongoing_changes(base, other).to_dict()) == [
        ("", "TJK", "bound 2024-08-06 to 2025-01-01 (defense, csto_1992 art. 4 (secondary: article)), no longer by the "
                    "date (was verified)")]
    assert not ongoing_changes(base, base)


def test_a_lapse_of_other_days_or_provision_is_still_gained_and_lost() -> None:
    """Another stretch (another last day) or another article is another lapse: gained and lost, as before."""
    base = _summary({**STRETCH, "certainty": "secondary", "doubted": ["article"]})
    later = _summary({**STRETCH, "to": "2025-02-01", "certainty": "unverified", "doubted": ["article"]})
    other_article = _summary({**STRETCH, "article": "2", "certainty": "secondary", "doubted": ["article"]})
    for other in (later, other_article):
        changes = ongoing_changes(base, other)
        assert (len(changes.lapsed_added), len(changes.lapsed_removed), changes.lapsed_retagged) == (1, 1, ())
