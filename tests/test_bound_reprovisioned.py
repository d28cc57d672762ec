"""A what-if that changes only the provision binding a still-bound state (another treaty, article or instrument), the
state bound in both worlds on the same side since the same day, was said nowhere by `foedus compare --ongoing-since`:
not moved (another day), not switched (another side), not retagged (the same provision). It is now one change,
`OngoingChanges.reprovisioned`, said once with the base world's provision after "was"."""

from __future__ import annotations

import json
from typing import Any

import pytest

from foedus.war.ongoing_changes import OngoingChanges, ongoing_changes, ongoing_lines, ongoing_said
from samples import cli_line
from test_contract import _check

CSTO = {"side": "defense", "since": "2024-08-06", "treaty": "csto_1992", "article": "4", "instrument": "treaty",
        "certainty": "verified", "doubted": []}
PACT = {**CSTO, "treaty": "rus_blr_2024"}
KURSK = ["compare", "-a", "UKR", "-t", "RUS", "-d", "2025-01-15", "--place", "kursk-oblast", "--ongoing-since",
         "2024-08-06"]


def _summary(**bound: dict[str, Any]) -> dict[str, Any]:
    return {"since": "2024-08-06", "until": "2025-01-15", "bound_since": bound, "lapsed": []}


def test_a_binding_under_another_treaty_is_one_change() -> None:
    """Belarus bound to the defence since 2024-08-06 in both worlds, under CSTO art. 4 in the base world and under the
    2024 Russia–Belarus treaty in the other: one reprovisioned record with both provisions, said once; the comparison
    differs and names both treaties."""
    changes = ongoing_changes(_summary(BLR=CSTO), _summary(BLR=PACT))
    assert (changes.moved, changes.bound, changes.unbound, changes.switched, changes.retagged) == ((), (), (), (), ())
    assert [x.to_dict() for x in changes.reprovisioned] == [{
        "state": "BLR", "side": "defense", "since": "2024-08-06", "treaty": "rus_blr_2024", "article": "4",
        "treaty_before": "csto_1992", "article_before": "4", "instrument": "treaty", "instrument_before": "treaty",
        "certainty": "verified", "doubted": [], "certainty_before": "verified", "doubted_before": [], "levels": {},
        "levels_before": {}}]
    assert changes and changes.treaties() == {"csto_1992", "rus_blr_2024"}
    assert ongoing_lines(changes.to_dict(), {"BLR": "Belarus"}) == [
        "ongoing: Belarus (BLR) bound since 2024-08-06 (defense) under rus_blr_2024 art. 4, was csto_1992 art. 4"]


def test_another_article_or_instrument_is_said_tagged() -> None:
    """Another article, or the same one owed under another instrument, tagged when not verified: each provision cited
    as a joiner's line cites it."""
    other = {**CSTO, "article": "2", "certainty": "secondary", "doubted": ["article"]}
    assert ongoing_said(ongoing_changes(_summary(BLR=CSTO), _summary(BLR=other)).to_dict()) == [
        ("", "BLR", "bound since 2024-08-06 (defense) under csto_1992 art. 2 (secondary: article), was csto_1992 "
                    "art. 4")]
    statute = {**CSTO, "instrument": "statute"}
    said = ongoing_said(ongoing_changes(_summary(BLR=statute), _summary(BLR=CSTO)).to_dict())
    assert [x[2].split(", was ")[1] for x in said] == ["csto_1992 art. 4 (a domestic statute, not a treaty)"], said


def test_a_binding_moved_switched_or_retagged_is_not_reprovisioned() -> None:
    """Another day or another side is moved or switched, as before, whatever the provision; the same provision tagged
    otherwise is retagged: never reprovisioned as well."""
    for changed, kind in (({"since": "2024-09-01"}, "moved"), ({"side": "attack"}, "switched"),
                          ({"treaty": "csto_1992", "certainty": "secondary"}, "retagged")):
        changes = ongoing_changes(_summary(BLR=CSTO), _summary(BLR={**PACT, **changed}))
        assert (len(getattr(changes, kind)), changes.reprovisioned) == (1, ()), kind
    assert not ongoing_changes(_summary(BLR=PACT), _summary(BLR=PACT))


@pytest.mark.needs_data
def test_the_cli_says_belarus_bound_under_another_treaty_when_it_leaves_the_csto() -> None:
    """Belarus taken out of the CSTO (`--remove-member csto_1992:BLR`): it is still bound to the defence since the
    incursion's first day, under its ATOP alliance with Russia; the text says so once, its JSON the record, as the
    contract gives it."""
    args = [*KURSK, "--remove-member", "csto_1992:BLR"]
    code, out, err = cli_line(args)
    assert code == 0, err
    lines = [line for line in out.splitlines() if line.startswith("ongoing:")]
    assert lines == ["ongoing: Belarus (BLR) bound since 2024-08-06 (defense) under atop_4865_p2 ATOP defense code "
                     "(carried-forward: treaty), was csto_1992 art. 4 (secondary: article)"], out
    code, out, err = cli_line([*args, "--json"])
    assert code == 0, err
    ongoing = json.loads(out)["ongoing"]
    assert [(x["state"], x["since"], x["treaty"], x["treaty_before"]) for x in ongoing["reprovisioned"]] == [
        ("BLR", "2024-08-06", "atop_4865_p2", "csto_1992")]
    assert not (ongoing["moved"] or ongoing["switched"] or ongoing["retagged"])
    _check(ongoing, OngoingChanges)
