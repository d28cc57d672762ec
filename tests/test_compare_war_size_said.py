"""`foedus compare` printed "war size: 24 -> 33", two bare numbers a reader takes for joiners (the 22 EU states bound
before Sweden's accession and 31 after?) or anything: it says what they count, as the atlas comparison's key does, and
the web's compare view says the same words after its numbers."""

from __future__ import annotations

import re
from pathlib import Path

from foedus.sweeps.compare_words import WAR_SIZE_SAID
from samples import cli_line

ROOT = Path(__file__).resolve().parents[1]


def test_the_war_size_says_what_it_counts() -> None:
    code, out, err = cli_line(["compare", "-a", "RUS", "-t", "SWE", "-d", "2024-03-01", "--date2", "2024-03-10"])
    assert code == 0, err
    said = "war size: 24 -> 33 (the states on the two sides, the attackers and the attacked included)"
    assert said in out.splitlines() and said.endswith(f"({WAR_SIZE_SAID})")


def test_the_compare_view_says_the_same_words() -> None:
    text = (ROOT / "web" / "src" / "compare.ts").read_text(encoding="utf-8")
    assert re.search(r'export const WAR_SIZE_SAID = "([^"]*)";', text)[1] == WAR_SIZE_SAID  # type: ignore[index]
    assert "war size ${ch.war_size.base} → ${ch.war_size.other} (${WAR_SIZE_SAID})." in text
