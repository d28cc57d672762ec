"""`foedus treaties show`: every member's dates in the JSON, and a row that became a party before it signed said so
(review9 of session 66)."""

from __future__ import annotations

import json

import pytest

from samples import cli_line


@pytest.mark.parametrize(("treaty_id", "state", "signed", "joined"), [
    ("rus_prk_2024", "PRK", "2024-06-19", "2024-12-04"),  # both the treaty's own: the row records none
    ("csto_1992", "AZE", "1993-09-24", "1994-04-20"),  # its own signature, the treaty's entry into force
    ("usa_qat_eo_2025", "QAT", None, "2025-09-29"),  # the subject of one state's act signed nothing
])
def test_every_member_carries_its_dates_in_the_json(treaty_id: str, state: str, signed: str | None,
                                                    joined: str) -> None:
    """Russia–DPRK 2024's members carried no `signed` or `joined` in `--json`, since theirs equal the treaty's: read
    as undated. Every member now has both, the treaty's where the row records none (null: signed nothing)."""
    ran = cli_line(["treaties", "show", treaty_id, "--json"])
    rows = [m for m in json.loads(ran.stdout)["members"] if m["state"] == state]
    assert ran.returncode == 0 and rows and (rows[0]["signed"], rows[0]["joined"]) == (signed, joined)


def test_a_row_that_joined_before_it_signed_is_said_to_have(monkeypatch: pytest.MonkeyPatch) -> None:
    """Uzbekistan's second CSTO row read "signed 2006-08-16, joined 2006-06-23", as if in error: its fact sheet has
    full participation restored on 23 Jun 2006, confirmed by a protocol of 16 Aug 2006. A line under the members
    table says it joined before it signed, with the row's note; no other row of the treaty gets one."""
    monkeypatch.setenv("COLUMNS", "200")
    ran = cli_line(["treaties", "show", "csto_1992"])
    said = [line for line in ran.stdout.splitlines() if "before it signed" in line]
    assert ran.returncode == 0 and len(said) == 1, said
    assert said[0].startswith("Uzbekistan (UZB) joined 2006-06-23, before it signed on 2006-08-16")
    assert "protocol of 16 Aug 2006" in said[0]
