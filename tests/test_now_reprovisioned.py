"""A what-if that changes what binds a still-bound state on the date (the ongoing summary's `now`), the state bound in
both worlds on the same side since the same day under the same first provision, was said nowhere by `foedus compare
--ongoing-since`: Belarus, bound to the defence since the Kursk incursion's first day under CSTO art. 4, is bound on
2025-06-15 by its 2024 pact with Russia, and without that pact by the CSTO still. It is now one change,
`OngoingChanges.reprovisioned_now`, said once with the base world's provision after "was"."""

from __future__ import annotations

import json
from typing import Any

import pytest

from foedus.war.ongoing_changes import OngoingChanges, ongoing_changes, ongoing_lines, ongoing_said
from samples import cli_line
from test_contract import _check
from ts_said import run_ts

CSTO = {"treaty": "csto_1992", "article": "4", "instrument": "treaty", "certainty": "secondary",
        "doubted": ["article"]}
PACT = {**CSTO, "treaty": "rus_blr_2024"}
KURSK = ["compare", "-a", "UKR", "-t", "RUS", "-d", "2025-06-15", "--place", "kursk-oblast", "--ongoing-since",
         "2024-08-06"]


def _bound(first: dict[str, Any], now: dict[str, Any] | None, since: str = "2024-08-06") -> dict[str, Any]:
    """A summary's binding: its first day's provision, and the one binding it on the date (`now`; none: not said)."""
    return {"side": "defense", "since": since, **first, **({"now": now} if now is not None else {})}


def _summary(**bound: dict[str, Any]) -> dict[str, Any]:
    return {"since": "2024-08-06", "until": "2025-06-15", "bound_since": bound, "lapsed": []}


def test_what_binds_a_state_now_changed_is_one_change() -> None:
    """Belarus bound since 2024-08-06 under CSTO art. 4 in both worlds, bound on the date by the 2024 pact in the base
    world and by the CSTO in the other: one reprovisioned_now record with both provisions on the date, said once; the
    comparison differs and names both treaties."""
    changes = ongoing_changes(_summary(BLR=_bound(CSTO, PACT)), _summary(BLR=_bound(CSTO, CSTO)))
    assert (changes.moved, changes.switched, changes.retagged, changes.reprovisioned) == ((), (), (), ())
    assert [x.to_dict() for x in changes.reprovisioned_now] == [{
        "state": "BLR", "side": "defense", "since": "2024-08-06", "treaty": "csto_1992", "article": "4",
        "since_before": "2024-08-06", "treaty_before": "rus_blr_2024", "article_before": "4", "instrument": "treaty",
        "instrument_before": "treaty", "certainty": "secondary", "doubted": ["article"],
        "certainty_before": "secondary", "doubted_before": ["article"], "levels": {"article": "secondary"},
        "levels_before": {"article": "secondary"}}]
    assert changes and changes.treaties() == {"csto_1992", "rus_blr_2024"}
    assert ongoing_lines(changes.to_dict(), {"BLR": "Belarus"}) == [
        "ongoing: Belarus (BLR) bound since 2024-08-06 (defense), now under csto_1992 art. 4 (secondary: article), "
        "was rus_blr_2024 art. 4 (secondary: article)"]


def test_a_change_another_record_names_in_full_is_not_said_twice() -> None:
    """One provision all along in each world (its first day's is its `now`): `reprovisioned` or `moved` names both,
    so no `reprovisioned_now` too; but a moved binding whose provision on the date its line does not name (the pact
    took over in one world) is said; a summary from before `now` was sent reads as its first day's."""
    once = ongoing_changes(_summary(BLR=_bound(CSTO, CSTO)), _summary(BLR=_bound(PACT, PACT)))
    assert (len(once.reprovisioned), once.reprovisioned_now) == (1, ())
    moved = ongoing_changes(_summary(BLR=_bound(CSTO, CSTO)), _summary(BLR=_bound(CSTO, CSTO, "2024-09-01")))
    assert (len(moved.moved), moved.reprovisioned_now) == (1, ())
    taken_over = ongoing_changes(_summary(BLR=_bound(CSTO, PACT)), _summary(BLR=_bound(CSTO, CSTO, "2024-09-01")))
    assert len(taken_over.moved) == 1
    assert [(x.since, x.since_before, x.treaty, x.treaty_before) for x in taken_over.reprovisioned_now] == [
        ("2024-09-01", "2024-08-06", "csto_1992", "rus_blr_2024")]
    assert not ongoing_changes(_summary(BLR=_bound(CSTO, None)), _summary(BLR=_bound(CSTO, CSTO)))


def test_the_web_says_it_as_the_cli_does() -> None:
    """The web's compare view (said.ts ongoingSaid) says a reprovisioned_now record as ongoing_said does."""
    changes = ongoing_changes(_summary(BLR=_bound(CSTO, PACT)),
                              _summary(BLR=_bound(CSTO, {**CSTO, "instrument": "statute", "certainty": "verified",
                                                         "doubted": []}))).to_dict()
    said = [tuple(x) for x in run_ts([("said", "ongoingSaid", [changes])])[0]]
    assert said == ongoing_said(changes) and len(said) == 1, said


@pytest.mark.needs_data
def test_the_cli_says_belarus_bound_now_by_the_csto_without_its_pact() -> None:
    """Belarus taken out of its 2024 pact with Russia (`--remove-member rus_blr_2024:BLR`): still bound to the
    defence since the incursion's first day under CSTO art. 4, but on the date by the CSTO, not the pact: the text
    says so once, its JSON the record, as the contract gives it."""
    args = [*KURSK, "--remove-member", "rus_blr_2024:BLR"]
    code, out, err = cli_line(args)
    assert code == 0, err
    lines = [line for line in out.splitlines() if line.startswith("ongoing:")]
    assert lines == ["ongoing: Belarus (BLR) bound since 2024-08-06 (defense), now under csto_1992 art. 4 (secondary: "
                     "article), was rus_blr_2024 art. 4 (secondary: article)"], out
    code, out, err = cli_line([*args, "--json"])
    assert code == 0, err
    ongoing = json.loads(out)["ongoing"]
    assert [(x["state"], x["treaty"], x["treaty_before"]) for x in ongoing["reprovisioned_now"]] == [
        ("BLR", "csto_1992", "rus_blr_2024")]
    assert not (ongoing["moved"] or ongoing["switched"] or ongoing["reprovisioned"])
    _check(ongoing, OngoingChanges)
