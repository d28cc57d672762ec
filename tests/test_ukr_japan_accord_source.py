"""Japan's Accord with Ukraine (13 Jun 2024) is said a political statement on a Japanese report's word ("no legal
binding force"), which news-pic.com republishes without naming the paper. Japan's Foreign Ministry's own page of the
signing is cited beside it: it names the Accord, signed by the two leaders, and the areas of support it sets out
within Japan's constitutional and legal requirements, and says nothing of its legal force, so the report stays the
row's source for the instrument, tagged secondary."""

from __future__ import annotations

import foedus

PACT = foedus.World.load(history=False).treaty("ukr_bilateral_2024")
MOFA = "https://www.mofa.go.jp/mofaj/erp/c_see/ua/pageit_000001_00737.html"


def test_japans_row_cites_the_foreign_ministrys_page_and_keeps_the_report_for_its_force() -> None:
    (row,) = [m for m in PACT.members if m.state == "JPN"]
    assert any(s.url == MOFA and "Ministry of Foreign Affairs of Japan" in (s.title or "") for s in PACT.sources)
    assert "Foreign Ministry's page" in (row.note or "")
    assert row.instrument == "political_statement" and row.instrument_certainty == "secondary"
    assert row.instrument_source == "https://news-pic.com/news/domestic/article-142232"
