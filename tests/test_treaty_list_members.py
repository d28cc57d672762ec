"""`foedus treaties list`'s table says what its members column counts: every state ever a party without --date
(NATO's 33, West Germany and unified Germany both), the parties bound that day with one (NATO's 32 on 2025-06-01);
both were headed "members", and a reader took NATO for a treaty of 33 states."""

from __future__ import annotations

from samples import cli_line


def _nato(args: list[str]) -> tuple[list[str], list[str]]:
    code, text, err = cli_line(["treaties", "list", *args])
    assert code == 0, err
    lines = text.splitlines()
    header = next(line for line in lines if line.startswith("id "))
    (row,) = [line for line in lines if line.startswith("nato_1949 ")]
    cells = [c for c in row.split("  ") if c.strip()]  # the plain table's cells: runs of two spaces apart
    return [c for c in header.split("  ") if c.strip()], [c.strip() for c in cells]


def test_the_members_column_says_ever_without_a_date_and_that_day_with_one() -> None:
    header, row = _nato([])
    assert "members (ever)" in [h.strip() for h in header] and "33" in row, (header, row)
    header, row = _nato(["--date", "2025-06-01"])
    assert "members (that day)" in [h.strip() for h in header] and "32" in row, (header, row)
