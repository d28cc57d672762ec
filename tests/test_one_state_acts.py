"""`foedus treaties show usa_qat_eo_2025` said Qatar "signed 2025-09-29", and Taiwan signed the Taiwan Relations Act,
though each is only the subject of one state's own act: the order's author (the President, 29 Sep 2025 by the
Federal Register's "Executive Order 14353 of September 29, 2025") and the Act's (enacted 10 Apr 1979) record their
own `signed`, and the subject's signed cell says it signed nothing (`foedus.cli.treaty_show.SUBJECT_SIGNED`)."""

from __future__ import annotations

import datetime as dt

import pytest

from foedus.model.loader import bundled_treaty_files, read_treaty_file
from foedus.model.treaty import Member, Treaty


def _treaty(treaty_id: str) -> Treaty:
    return read_treaty_file(next(p for p in bundled_treaty_files() if p.stem == treaty_id))


def _rows(treaty_id: str) -> dict[str, Member]:
    return {m.state: m for m in _treaty(treaty_id).members}


@pytest.mark.parametrize(("treaty_id", "author", "subject", "day"), [
    ("usa_qat_eo_2025", "USA", "QAT", dt.date(2025, 9, 29)),
    ("usa_twn_tra_1979", "USA", "TWN", dt.date(1979, 4, 10)),
])
def test_the_author_signed_and_the_subject_did_not(treaty_id: str, author: str, subject: str, day: dt.date) -> None:
    rows = _rows(treaty_id)
    assert rows[author].signed == day
    assert rows[subject].signed is None
    assert "not a party to any instrument" in (rows[subject].note or "")


def test_the_orders_author_row_cites_the_federal_register() -> None:
    usa = _rows("usa_qat_eo_2025")["USA"]
    assert usa.source == "https://www.govinfo.gov/content/pkg/FR-2025-10-06/html/2025-19483.htm"
    assert "Executive Order 14353 of September 29, 2025" in (usa.note or "")
    assert "6 Oct 2025" in (usa.note or "")


@pytest.mark.parametrize(("treaty_id", "subject"), [("usa_qat_eo_2025", "Qatar (QAT)"), ("usa_twn_tra_1979", "Taiwan")])
def test_the_members_table_says_the_subject_signed_nothing(treaty_id: str, subject: str) -> None:
    from rich.console import Console

    from foedus.cli.treaty_show import SUBJECT_SIGNED, _members
    from foedus.model.world import World

    console = Console(width=200, record=True)
    console.print(_members(World.load(), _treaty(treaty_id)))
    row = next(line for line in console.export_text().splitlines() if subject in line)
    assert SUBJECT_SIGNED in row
    assert row.count("2025-09-29" if treaty_id == "usa_qat_eo_2025" else "1979-04-10") == 1  # joined only
