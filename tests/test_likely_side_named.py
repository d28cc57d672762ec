"""The likelihood table's "side if it joins" read "defense 60%" for China when North Korea attacks South Korea: as if
China would defend itself, or its ally. It names the side by its original parties now ("KOR's side 60%",
`likely_show.side_owned`), the attackers' or the targets'."""

from __future__ import annotations

import pytest

from samples import cli_line


@pytest.mark.needs_data
def test_the_side_if_it_joins_is_named_by_its_parties() -> None:
    code, out, err = cli_line(["cascade", "-a", "PRK", "-t", "KOR", "-d", "2025-06-01", "--likelihood"])
    assert code == 0, err
    rows = {cells[0]: cells for line in out.splitlines() if line.startswith("│")
            and len(cells := [c.strip() for c in line.strip("│").split("│")]) == 6}
    assert rows["CHN"][-1].startswith("KOR's side ") and rows["USA"][-1].startswith("KOR's side ")
    assert not any(r[-1].startswith(("defense ", "attack ")) for r in rows.values())
