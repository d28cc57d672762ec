"""Japan's Accord with Ukraine (13 Jun 2024) is said a political statement on two named papers' word: The Japan Times
calls it nonbinding and The Yomiuri Shimbun (as The Spokesman-Review republishes it) not legally binding, both on 14
Jun 2024. Before, it rested on a Japanese report that news-pic.com republishes without naming the paper: that copy is
kept, after them, saying so. Japan's Foreign Ministry's own page of the signing is cited beside them: it names the
Accord, signed by the two leaders, and the areas of support it sets out within Japan's constitutional and legal
requirements, and says nothing of its legal force, so the papers stay the row's source for the instrument, tagged
secondary."""

from __future__ import annotations

import foedus

PACT = foedus.World.load(history=False).treaty("ukr_bilateral_2024")
MOFA = "https://www.mofa.go.jp/mofaj/erp/c_see/ua/pageit_000001_00737.html"
JAPAN_TIMES = "https://japantimes.co.jp/news/2024/06/14/japan/politics/g7-japan-ukraine-security-agreement"
YOMIURI = "https://spokesman.com/stories/2024/jun/14/japan-ukraine-sign-deal-for-security-reconstructio"
COPY = "https://news-pic.com/news/domestic/article-142232"


def test_japans_row_cites_the_foreign_ministrys_page_and_a_named_paper_for_its_force() -> None:
    (row,) = [m for m in PACT.members if m.state == "JPN"]
    assert any(s.url == MOFA and "Ministry of Foreign Affairs of Japan" in (s.title or "") for s in PACT.sources)
    assert "Foreign Ministry's page" in (row.note or "")
    assert row.instrument == "political_statement" and row.instrument_certainty == "secondary"
    assert row.instrument_source == JAPAN_TIMES
    assert "The Japan Times" in (row.note or "") and "news-pic" not in (row.note or "")


def test_the_two_papers_say_it_binds_no_one_and_the_unnamed_papers_copy_follows_them() -> None:
    titles = {s.url: s.title or "" for s in PACT.sources}
    assert "nonbinding" in titles[JAPAN_TIMES] and "not legally binding" in titles[YOMIURI]
    assert "kept after" in titles[COPY]
    urls = [s.url for s in PACT.sources]
    assert urls.index(YOMIURI) < urls.index(COPY) and urls.index(JAPAN_TIMES) < urls.index(COPY)
